"""Labels of the program itself per language; content texts live in the YAML files."""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_LANGUAGE = "nl"
FALLBACK_LANGUAGE = "en"

_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "scale.1": "helemaal oneens",
        "scale.2": "oneens",
        "scale.3": "neutraal",
        "scale.4": "eens",
        "scale.5": "helemaal eens",
        "yesno.ja": "ja",
        "yesno.deels": "deels",
        "yesno.nee": "nee",
        "special.weet_niet": "weet niet",
        "special.nvt": "niet van toepassing",
        "status.present": "aanwezig",
        "status.absent": "afwezig",
        "status.unknown": "onbekend",
        "kind.catalyst": "katalysator",
        "kind.inhibitor": "remmer",
        "phase": "fase",
        "overall_phase": "Fase van de samenwerking",
        "pillar": "pijler",
        "score": "score",
        "levels_met": "niveaus gehaald",
        "complete": "alle zes niveaus gehaald",
        "coalition": "Samenwerking",
        "respondent": "Respondent",
        "date": "Datum",
        "question_set": "Vragenset",
        "catalysts": "Katalysatoren",
        "inhibitors": "Remmers",
        "advice": "Advies",
        "explanation": "Waarom deze fase",
        "warnings": "Let op",
        "instruments": "Instrumenten",
        "reason.no_items": "geen toepasselijke vragen beantwoord op dit niveau",
        "reason.below_threshold": "gemiddelde score {score} ligt onder de drempel {threshold}",
        "reason.low_coverage": "te weinig bekend: {coverage} van het gewicht is beantwoord "
                               "(minimaal de helft nodig)",
        "reason.gate": "poortvraag niet gehaald: {items}",
        "held_at": "{pillar} staat in fase {phase} ({name}): niveau {phase} is nog niet gehaald.",
        "held_complete": "{pillar} haalt alle zes niveaus.",
        "lift": "Dit tilt {pillar} naar fase {next}: {items}.",
        "advice.inhibitor": "Remmer aanwezig: {name}",
        "advice.gate": "Poortvraag van fase {phase} niet gehaald: {question}",
        "advice.low_item": "Lage score ({score}) in fase {phase}: {question}",
        "advice.unknown_item": "Onbekend in fase {phase}: {question}",
        "advice.unknown_item_text": "Zoek samen met de partners uit hoe dit ervoor staat; "
                                    "zonder antwoord kan dit niveau niet worden gehaald.",
        "advice.catalyst": "Katalysator ontbreekt: {name}",
        "advice.next_phase": "Op weg naar fase {phase} ({name})",
        "advice.no_text": "Werk aan dit punt met de partners.",
        "warning.unknown_question": "Deze antwoorden horen niet (meer) bij de vragenset en "
                                    "tellen niet mee: {ids}.",
        "warning.unknown_items": "{count} van {total} vragen zijn onbekend (weet niet of nog "
                                 "open); de fase kan daardoor lager uitvallen.",
        "warning.hard_ahead": "{pillars} loopt twee of meer fasen voor op mens en samenwerking: "
                              "harde instrumenten werken pas met vertrouwen.",
        "warning.other_question_set": "De antwoorden zijn gemaakt met vragenset {made}, maar "
                                      "beoordeeld met {used}.",
        "unit.none": "",
        "warning.changed_question_set": "De antwoorden zijn gemaakt met vragenset {made}, "
                                        "maar beoordeeld met {used}: zelfde versie, maar de "
                                        "vragen zijn sindsdien gewijzigd.",
        "diff.title": "Verschillen in vragenset {old} -> {new}",
        "diff.added": "Toegevoegd",
        "diff.removed": "Verwijderd",
        "diff.reworded": "Anders verwoord",
        "diff.rescored": "Anders gescoord",
        "diff.renamed": "Hernoemd",
        "diff.nothing": "geen",
        "diff.comparable": "Scores gemaakt met {version} blijven vergelijkbaar.",
        "diff.not_comparable": "Scores gemaakt met {version} zijn niet meer vergelijkbaar: "
                               "vragen zijn verwijderd of anders gescoord.",
        "diff.bump": "Voorgestelde versiesprong: {suggested}; opgegeven: {declared} "
                     "({old} -> {new}).",
        "diff.bump_too_small": "De versiesprong is te klein: opgegeven {declared} "
                               "({old} -> {new}), voorgesteld {suggested}.",
        "bump.major": "major",
        "bump.minor": "minor",
        "bump.patch": "patch",
        "bump.none": "geen",
    },
    "en": {
        "scale.1": "strongly disagree",
        "scale.2": "disagree",
        "scale.3": "neutral",
        "scale.4": "agree",
        "scale.5": "strongly agree",
        "yesno.ja": "yes",
        "yesno.deels": "partly",
        "yesno.nee": "no",
        "special.weet_niet": "don't know",
        "special.nvt": "not applicable",
        "status.present": "present",
        "status.absent": "absent",
        "status.unknown": "unknown",
        "kind.catalyst": "catalyst",
        "kind.inhibitor": "inhibitor",
        "phase": "phase",
        "overall_phase": "Phase of the collaboration",
        "pillar": "pillar",
        "score": "score",
        "levels_met": "levels met",
        "complete": "all six levels met",
        "coalition": "Coalition",
        "respondent": "Respondent",
        "date": "Date",
        "question_set": "Question set",
        "catalysts": "Catalysts",
        "inhibitors": "Inhibitors",
        "advice": "Advice",
        "explanation": "Why this phase",
        "warnings": "Note",
        "instruments": "Instruments",
        "reason.no_items": "no applicable question answered at this level",
        "reason.below_threshold": "mean score {score} is below the threshold {threshold}",
        "reason.low_coverage": "too little is known: {coverage} of the weight is answered "
                               "(at least half is needed)",
        "reason.gate": "gate not met: {items}",
        "held_at": "{pillar} is in phase {phase} ({name}): level {phase} is not met yet.",
        "held_complete": "{pillar} meets all six levels.",
        "lift": "This lifts {pillar} to phase {next}: {items}.",
        "advice.inhibitor": "Inhibitor present: {name}",
        "advice.gate": "Gate of phase {phase} not met: {question}",
        "advice.low_item": "Low score ({score}) in phase {phase}: {question}",
        "advice.unknown_item": "Unknown in phase {phase}: {question}",
        "advice.unknown_item_text": "Find out with the partners where this stands; without an "
                                    "answer this level cannot be met.",
        "advice.catalyst": "Catalyst missing: {name}",
        "advice.next_phase": "Towards phase {phase} ({name})",
        "advice.no_text": "Work on this point with the partners.",
        "warning.unknown_question": "These answers do not (or no longer) belong to the "
                                    "question set and do not count: {ids}.",
        "warning.unknown_items": "{count} of {total} questions are unknown (don't know or still "
                                 "open); the phase may come out lower because of that.",
        "warning.hard_ahead": "{pillars} is two or more phases ahead of people and "
                              "collaboration: hard instruments only work with trust.",
        "warning.other_question_set": "The answers were made with question set {made} but "
                                      "scored with {used}.",
        "unit.none": "",
        "warning.changed_question_set": "The answers were made with question set {made} but "
                                        "scored with {used}: the same version, but the "
                                        "questions have changed since.",
        "diff.title": "Changes in question set {old} -> {new}",
        "diff.added": "Added",
        "diff.removed": "Removed",
        "diff.reworded": "Reworded",
        "diff.rescored": "Rescored",
        "diff.renamed": "Renamed",
        "diff.nothing": "none",
        "diff.comparable": "Scores made with {version} stay comparable.",
        "diff.not_comparable": "Scores made with {version} are no longer comparable: "
                               "questions were removed or rescored.",
        "diff.bump": "Suggested version bump: {suggested}; declared: {declared} "
                     "({old} -> {new}).",
        "diff.bump_too_small": "The version bump is too small: declared {declared} "
                               "({old} -> {new}), suggested {suggested}.",
        "bump.major": "major",
        "bump.minor": "minor",
        "bump.patch": "patch",
        "bump.none": "none",
    },
}

LANGUAGES: tuple[str, ...] = tuple(_LABELS)


def label(lang: str, key: str, **values: object) -> str:
    """The program's text for ``key`` in ``lang`` (English when ``lang`` has none)."""
    table = _LABELS.get(lang, _LABELS[FALLBACK_LANGUAGE])
    text = table.get(key) or _LABELS[FALLBACK_LANGUAGE][key]
    return text.format(**values) if values else text


def pick(text: Mapping[str, str] | None, lang: str) -> str:
    """A content text in ``lang``, falling back to the default language, then any."""
    if not text:
        return ""
    return text.get(lang) or text.get(DEFAULT_LANGUAGE) or next(iter(text.values()))
