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
        "warning.unknown_question": "Antwoorden op onbekende vragen genegeerd: {ids}.",
        "warning.unknown_items": "{count} van {total} vragen zijn onbekend (weet niet of nog "
                                 "open); de fase kan daardoor lager uitvallen.",
        "warning.hard_ahead": "{pillars} loopt twee of meer fasen voor op mens en samenwerking: "
                              "harde instrumenten werken pas met vertrouwen.",
        "warning.other_question_set": "De antwoorden zijn gemaakt met vragenset {made}, maar "
                                      "beoordeeld met {used}.",
        "unit.none": "",
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
        "warning.unknown_question": "Answers to unknown questions ignored: {ids}.",
        "warning.unknown_items": "{count} of {total} questions are unknown (don't know or still "
                                 "open); the phase may come out lower because of that.",
        "warning.hard_ahead": "{pillars} is two or more phases ahead of people and "
                              "collaboration: hard instruments only work with trust.",
        "warning.other_question_set": "The answers were made with question set {made} but "
                                      "scored with {used}.",
        "unit.none": "",
    },
}


# Labels of the coalition views: several respondents, progress over time, comparison.
_LABELS["nl"].update({
    "view.title": "Samenwerkingsbeeld",
    "view.respondents": "Respondenten",
    "view.by_respondent": "Fase per respondent",
    "view.combined": "Gecombineerd",
    "view.combined_rule": "Gecombineerd: gemiddelde van de itemscores van de respondenten; "
                          "'weet niet' telt niet mee.",
    "view.signal_rule": "Katalysatoren en remmers: aanwezig als meer dan de helft van de "
                        "respondenten met een bekend antwoord dat zegt; bij gelijke stand telt de "
                        "voorzichtige lezing (katalysator afwezig, remmer aanwezig).",
    "view.lowest": "laagste respondent",
    "view.lowest_phase": "laagste fase van een respondent: {phase}",
    "view.discussion": "Gespreksonderwerpen",
    "view.discussion_intro": "Vragen waarop de respondenten het verst uiteenlopen (spreiding = "
                             "hoogste min laagste itemscore, minstens {minimum}).",
    "view.no_discussion": "Geen vragen met een spreiding van {minimum} of meer.",
    "view.spread": "spreiding",
    "view.question": "vraag",
    "view.answers": "antwoorden",
    "view.overall": "totaal",
    "progress.title": "Voortgang",
    "progress.points": "Fase per datum",
    "progress.moved": "Wat veranderde van {before} naar {after}",
    "progress.no_moved": "Geen itemscores veranderd.",
    "progress.actions": "Acties van {date}",
    "progress.no_actions": "Geen acties vastgelegd.",
    "progress.action": "actie",
    "progress.owner": "eigenaar",
    "progress.status": "status",
    "progress.change": "verandering",
    "progress.comparable": "Vergelijkbaar: {share} van de vragen ({before} → {after}).",
    "action.done": "gedaan",
    "action.open": "nog niet gedaan",
    "action.not_listed": "niet meer genoemd",
    "warning.low_comparable": "Maar {share} van de vragen is vergelijkbaar tussen {before} en "
                              "{after} (een andere versie van de vragenset?); lees de verschillen "
                              "met voorzichtigheid.",
    "compare.title": "Vergelijking van samenwerkingen",
    "compare.respondents": "resp.",
    "compare.skipped": "overgeslagen",
})
_LABELS["en"].update({
    "view.title": "Coalition view",
    "view.respondents": "Respondents",
    "view.by_respondent": "Phase per respondent",
    "view.combined": "Combined",
    "view.combined_rule": "Combined: mean of the respondents' item scores; 'don't know' "
                          "does not count.",
    "view.signal_rule": "Catalysts and inhibitors: present when more than half of the "
                        "respondents with a known answer say so; a tie takes the cautious "
                        "reading (catalyst absent, inhibitor present).",
    "view.lowest": "lowest respondent",
    "view.lowest_phase": "lowest phase of a respondent: {phase}",
    "view.discussion": "Discussion topics",
    "view.discussion_intro": "Questions on which the respondents diverge most (spread = highest "
                             "minus lowest item score, at least {minimum}).",
    "view.no_discussion": "No questions with a spread of {minimum} or more.",
    "view.spread": "spread",
    "view.question": "question",
    "view.answers": "answers",
    "view.overall": "overall",
    "progress.title": "Progress",
    "progress.points": "Phase per date",
    "progress.moved": "What changed from {before} to {after}",
    "progress.no_moved": "No item scores changed.",
    "progress.actions": "Actions of {date}",
    "progress.no_actions": "No actions recorded.",
    "progress.action": "action",
    "progress.owner": "owner",
    "progress.status": "status",
    "progress.change": "change",
    "progress.comparable": "Comparable: {share} of the questions ({before} → {after}).",
    "action.done": "done",
    "action.open": "not done yet",
    "action.not_listed": "no longer listed",
    "warning.low_comparable": "Only {share} of the questions is comparable between {before} and "
                              "{after} (another version of the question set?); read the "
                              "differences with care.",
    "compare.title": "Comparison of coalitions",
    "compare.respondents": "resp.",
    "compare.skipped": "skipped",
})

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
