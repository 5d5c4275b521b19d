"""Labels of the program itself per language; content texts live in the YAML files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stimulering.model import Question

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
        "answer.nothing_selected": "niets gekozen",
        "special.nvt": "niet van toepassing",
        "status.present": "aanwezig",
        "status.absent": "afwezig",
        "status.unknown": "onbekend",
        "kind.catalyst": "katalysator",
        "kind.inhibitor": "remmer",
        "phase": "fase",
        "overall_phase": "Fase van de samenwerking",
        "pillar": "pijler",
        "pillar_short.people": "Mens",
        "pillar_short.governance": "Governance",
        "pillar_short.information": "Informatie",
        "text": "tekst",
        "template.title": "Antwoordbestand voor vragenset {id} {version}.",
        "template.fill": "Vul elk antwoord in na de dubbele punt; laat het leeg zolang het "
                         "open is.",
        "template.score": "Verwerken: stimulering assess --answers DIT_BESTAND",
        "template.list_of": "een lijst van een of meer van deze waarden, zoals [a, b], of "
                            "{special}:",
        "template.one_of": "een van deze waarden, of {special}:",
        "template.choose": "kies",
        "template.special": "Weet u het niet, vul dan weet_niet in. Vul nvt alleen in als een "
                            "vraag niet op uw samenwerking van toepassing is (zoals een vraag "
                            "over gezamenlijke projecten terwijl die er nog niet zijn); is iets "
                            "er nog niet, kies dan het antwoord dat daarbij past, zoals nee.",
        "template.number": "getal",
        "template.text": "vrije tekst",
        "template.when": "alleen als {condition}",
        "cond.is": "{question} is {values}",
        "cond.contains": "{question} bevat {values}",
        "cond.or": "of",
        "cond.at_least": "{question} is minstens {value}",
        "cond.at_most": "{question} is hoogstens {value}",
        "cond.not": "niet {condition}",
        "template.notes": "vraag_id: waarom dit antwoord, bewijs, of waarom niet van toepassing",
        "score": "score",
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
        "warning.unknown_items.one": "{count} van {total} vragen is onbekend (weet niet of nog "
                                     "open); de fase kan daardoor lager uitvallen.",
        "warning.unknown_items.many": "{count} van {total} vragen zijn onbekend (weet niet of "
                                      "nog open); de fase kan daardoor lager uitvallen.",
        "warning.hard_ahead.one": "{pillars} loopt twee of meer fasen voor op mens en "
                                  "samenwerking: harde instrumenten werken pas met vertrouwen.",
        "warning.hard_ahead.many": "Zowel {first} als {second} lopen twee of meer fasen voor "
                                   "op mens en samenwerking: harde instrumenten werken pas met "
                                   "vertrouwen.",
        "warning.other_question_set": "De antwoorden zijn gemaakt met vragenset {made}, maar "
                                      "beoordeeld met {used}.",
        "report.title": "Adviesrapport samenwerking",
        "report.model": "Model",
        "report.summary": "Samenvatting",
        "report.round_combined": "{count} bestanden samengenomen als ronde {round} ({dates}).",
        "report.round_left_out": "Niet meegenomen, want uit een eerdere ronde dan {round}: "
                                 "{files}. Zie 'stimulering progress' voor het verloop.",
        "report.round": "Ronde",
        "report.next_steps": "Eerste stappen om over te besluiten",
        "report.next_steps_none": "Er is geen advies: alle pijlers staan in fase 6.",
        "report.own_words": "In eigen woorden",
        "report.own_words_intro": "Wat de respondenten zelf schreven.",
        "report.ladder": "Fasenladder",
        "report.markers": "Waar fase {phase} ({name}) om draait, en wat de samenwerking nu "
                          "opbouwt:",
        "report.ladder_legend": "✓ niveau gehaald · ◀ huidige fase · ◎ doel",
        "report.now": "◀ nu",
        "report.target_mark": "◎ doel",
        "report.chart": "Pijlers en categorieën",
        "report.chart_title": "Samenwerking {coalition}: scores per pijler en categorie",
        "report.chart_pillars": "Drie pijlers",
        "report.chart_categories": "Negen categorieën",
        "report.chart_legend": "Score 0–1 per as (gewogen gemiddelde van de beantwoorde "
                               "vragen); stippellijn: drempel {threshold}",
        "report.chart_note": "Scores van 0 tot 1: het gewogen gemiddelde van de beantwoorde "
                             "vragen. Een niveau telt als gehaald vanaf {threshold}.",
        "report.category": "Categorie",
        "report.answered": "Beantwoord",
        "report.signals": "Katalysatoren en remmers",
        "report.kind": "Soort",
        "report.name": "Naam",
        "report.status": "Status",
        "report.roadmap": "Doelen en actieplan",
        "report.current": "Nu",
        "report.target": "Doel",
        "report.to_go": "Nog te gaan",
        "report.reached": "gehaald",
        "report.phases_to_go": "{count} {unit}",
        "report.phase_one": "fase",
        "report.phase_many": "fasen",
        "report.no_target": "geen doel",
        "report.actions": "Acties",
        "report.action": "Actie",
        "report.owner": "Eigenaar",
        "report.due": "Uiterlijk",
        "report.concerns": "Betreft",
        "report.done": "klaar",
        "report.open": "open",
        "report.appendix": "Bijlage: alle antwoorden",
        "report.question": "Vraag",
        "report.answer": "Antwoord",
        "report.note": "Toelichting",
        "report.other_notes": "Overige toelichtingen",
        "report.not_asked": "niet gevraagd",
        "report.example": "Praktijkvoorbeeld",
        "report.no_advice": "Geen advies: deze pijler haalt alle zes niveaus.",
        "summary.phase": "De samenwerking staat in fase {phase} ({name}): zo ver is de "
                         "zwakste pijler, en die bepaalt het tempo.",
        "summary.complete": "De samenwerking haalt op alle drie pijlers alle zes niveaus.",
        "summary.even": "De drie pijlers staan in dezelfde fase; {pillar} heeft de laagste "
                        "score ({score}).",
        "summary.gap": "Dat is {weak} (fase {weak_phase}); {strong} loopt het verst voor "
                       "(fase {strong_phase}), {gap} {unit} verder.",
        "summary.inhibitors": "Remmend werkt: {names}.",
        "summary.catalysts_missing": "Nog niet aanwezig als katalysator: {names}.",
        "summary.catalysts_unknown": "Onbekend: {names}.",
        "summary.signals_good": "Alle katalysatoren zijn aanwezig en er werkt geen remmer.",
        "summary.start": "Begin bij het advies voor {pillar}.",
        "catalogue.title": "Catalogus van instrumenten",
        "catalogue.none": "Geen instrumenten gevonden.",
        "catalogue.phases": "Fasen",
        "catalogue.examples": "Praktijkvoorbeelden",
        "catalogue.source": "Bron",
        "catalogue.parties": "Partijen",
        "catalogue.count_instruments.one": "{count} instrument",
        "catalogue.count_instruments.many": "{count} instrumenten",
        "catalogue.count_examples.one": "{count} praktijkvoorbeeld",
        "catalogue.count_examples.many": "{count} praktijkvoorbeelden",
        "iv.consensus.intro": "Consensusgesprek: {count} onderwerpen waarop de {partners} "
                              "partners uiteenlopen. Kies samen één antwoord per onderwerp; "
                              "de rest komt uit het gecombineerde resultaat.",
        "iv.consensus.answers": "Antwoorden van de partners: {answers}",
        "iv.consensus.capped": "Dit zijn de eerste {shown} van {count} onderwerpen, met de "
                               "grootste verschillen eerst; de rest komt uit het "
                               "gecombineerde resultaat. Met --all bespreekt u ze allemaal.",
        "iv.error.scale": "Typ een getal van 1 tot 5, of een commando (? voor hulp).",
        "iv.error.option": "Typ een nummer van 1 tot {count}, of een commando (? voor hulp).",
        "iv.error.exclusive": "'{option}' kan alleen op zichzelf gekozen worden, niet samen "
                              "met iets anders.",
        "iv.error.multi": "Typ een of meer nummers van 1 tot {count}, gescheiden door komma's "
                          "of spaties, of een commando (? voor hulp).",
        "iv.error.number": "Typ een getal, bijvoorbeeld 4 of 2,5, of een commando "
                           "(? voor hulp).",
        "iv.error.negative": "Typ een getal van 0 of meer.",
        "iv.error.number_too_large": "Dat getal is te groot. Typ een getal, bijvoorbeeld 4 of "
                                     "2,5, of een commando (? voor hulp).",
        "iv.error.too_long": "Hooguit {limit} tekens; dit zijn er {count}.",
        "iv.error.band": "{value} valt buiten het bereik van deze vraag ({ranges}).",
        "iv.error.text_special": "Een open vraag kent geen 'weet niet' of 'n.v.t.': laat het "
                                 "antwoord leeg met Enter.",
        "iv.error.command": "Onbekend commando {command}. Commando's: ? :b :w :nvt :n :r :q",
        "iv.error.first": "Dit is de eerste vraag.",
        "iv.error.review": "Typ het nummer van een antwoord om het te wijzigen, of Enter om "
                           "alles goed te keuren.",
        "iv.error.phase": "Typ een fase van 1 tot 6, of Enter om over te slaan.",
        "iv.error.date": "Typ een datum als 2027-03-01, of Enter om over te slaan.",
        "iv.error.item": "Onbekende vraag {item}; typ een vraagnummer uit het overzicht, of "
                         "Enter om over te slaan.",
        "iv.error.choice": "Typ een nummer van 1 tot {count}.",
        "iv.error.required": "Dit veld is nodig.",
        "iv.footer": "? hulp  :b terug  :w weet niet  :nvt n.v.t.  :n notitie  :r overzicht  "
                     ":q stop",
        "iv.prompt": "Antwoord",
        "iv.prompt.keep": "Antwoord (Enter houdt {answer})",
        "iv.prompt.multi": "Nummers, gescheiden door komma's",
        "iv.prompt.text": "Tekst (Enter laat leeg)",
        "iv.prompt.note": "Notitie (Enter zonder tekst wist de notitie)",
        "iv.note_saved": "Notitie bewaard.",
        "iv.current_note": "Notitie: {note}",
        "iv.no_help": "Geen toelichting bij deze vraag.",
        "iv.title": "Zelfevaluatie samenwerking in de ondergrond",
        "iv.intro": "Beantwoord de vragen met het nummer van een antwoord. Elk antwoord wordt "
                    "direct bewaard. Weet u iets niet, typ dan :w. Typ :nvt alleen als een "
                    "vraag niet op uw samenwerking van toepassing is; is iets er nog niet, kies "
                    "dan het antwoord dat daarbij past, zoals nee.",
        "iv.file": "Antwoorden worden bewaard in {path}",
        "iv.ask.coalition": "Samenwerking (naam van de gemeente of regio)",
        "iv.ask.organisation": "Uw organisatie",
        "iv.ask.role": "Rol van uw organisatie",
        "iv.ask.level": "Uw niveau",
        "role.gemeente": "gemeente",
        "role.netbeheerder": "netbeheerder",
        "role.drinkwaterbedrijf": "drinkwaterbedrijf",
        "role.waterschap": "waterschap",
        "role.warmte": "warmtebedrijf",
        "role.telecom": "telecom",
        "role.overig": "overig",
        "role.coalitie": "coalitie",
        "level.strategisch": "strategisch",
        "level.tactisch": "tactisch",
        "level.operationeel": "operationeel",
        "iv.found": "Er is een onafgemaakt antwoordbestand: {path} ({count} antwoorden).",
        "iv.other_set": "Dit bestand is begonnen met vragenset {made}; u gaat verder met "
                        "{used}. Antwoorden op hernoemde vragen gaan mee; antwoorden op vragen "
                        "die er niet meer zijn, blijven in het bestand maar tellen niet mee.",
        "iv.resume_question": "Daar verdergaan? [J/n]",
        "iv.yes_words": "j ja y yes",
        "iv.no_words": "n nee no",
        "iv.error.yes_no": "Typ j of n.",
        "iv.review.title": "Overzicht van uw antwoorden",
        "iv.review.question": "vraag",
        "iv.review.answer": "antwoord",
        "iv.review.open": "(open)",
        "iv.review.prompt": "Nummer om te wijzigen, Enter om goed te keuren",
        "iv.saved": "Opgeslagen in {path}.",
        "iv.changed_elsewhere": "{old} is intussen door een ander programma gewijzigd (een "
                                "tweede interview?). Uw antwoorden gaan verder in {path}; "
                                "{old} blijft zoals het is.",
        "iv.resume": "Verdergaan: stimulering assess --resume {path}",
        "iv.nothing_saved": "Afgebroken; er is nog niets opgeslagen.",
        "iv.targets.offer": "Een doelfase per pijler vastleggen? [j/N]",
        "iv.targets.ask": "Doelfase voor {pillar} (nu {phase}, Enter slaat over)",
        "iv.targets.below": "Fase {target} ligt onder de fase waar deze pijler nu staat "
                            "({phase}). Toch als doel vastleggen? [j/N]",
        "iv.actions.offer": "Een geplande actie vastleggen? [j/N]",
        "iv.actions.more": "Nog een actie vastleggen? [j/N]",
        "iv.actions.what": "Wat gaat er gebeuren",
        "iv.actions.owner": "Wie is eigenaar (Enter slaat over)",
        "iv.actions.due": "Wanneer klaar, als 2027-03-01 (Enter slaat over)",
        "iv.actions.item": "Bij welke vraag, nummer uit het overzicht (Enter slaat over)",
        "iv.report.offer": "Het adviesrapport (markdown) schrijven naar {path}? [J/n]",
        "iv.report.replace.one": "Het adviesrapport (markdown) schrijven naar {path}? {files} "
                                 "bestaat al en wordt dan vervangen. [j/N]",
        "iv.report.replace.many": "Het adviesrapport (markdown) schrijven naar {path}? {files} "
                                  "bestaan al en worden dan vervangen. [j/N]",
        "iv.report.written": "Rapport geschreven: {path}",
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
        "answer.nothing_selected": "nothing selected",
        "special.nvt": "not applicable",
        "status.present": "present",
        "status.absent": "absent",
        "status.unknown": "unknown",
        "kind.catalyst": "catalyst",
        "kind.inhibitor": "inhibitor",
        "phase": "phase",
        "overall_phase": "Phase of the collaboration",
        "pillar": "pillar",
        "pillar_short.people": "People",
        "pillar_short.governance": "Governance",
        "pillar_short.information": "Information",
        "text": "text",
        "template.title": "Answers file for question set {id} {version}.",
        "template.fill": "Fill in every answer after its colon; leave it empty while it is open.",
        "template.score": "Then run: stimulering assess --answers THIS_FILE",
        "template.list_of": "a list of one or more of these values, like [a, b], or {special}:",
        "template.one_of": "one of these values, or {special}:",
        "template.choose": "choose",
        "template.special": "If you do not know, fill in weet_niet. Fill in nvt only when a "
                            "question does not apply to your coalition (such as a question "
                            "about joint projects while there are none yet); if something is "
                            "not there yet, choose the answer that says so, such as nee.",
        "template.number": "number",
        "template.text": "free text",
        "template.when": "only when {condition}",
        "cond.is": "{question} is {values}",
        "cond.contains": "{question} contains {values}",
        "cond.or": "or",
        "cond.at_least": "{question} is at least {value}",
        "cond.at_most": "{question} is at most {value}",
        "cond.not": "not {condition}",
        "template.notes": "question_id: why this answer, evidence, or why not applicable",
        "score": "score",
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
        "warning.unknown_items.one": "{count} of {total} questions is unknown (don't know or "
                                     "still open); the phase may come out lower because of "
                                     "that.",
        "warning.unknown_items.many": "{count} of {total} questions are unknown (don't know or "
                                      "still open); the phase may come out lower because of "
                                      "that.",
        "warning.hard_ahead.one": "{pillars} is two or more phases ahead of people and "
                                  "collaboration: hard instruments only work with trust.",
        "warning.hard_ahead.many": "{first} as well as {second} are two or more phases ahead "
                                   "of people and collaboration: hard instruments only work "
                                   "with trust.",
        "warning.other_question_set": "The answers were made with question set {made} but "
                                      "scored with {used}.",
        "report.title": "Collaboration advice report",
        "report.model": "Model",
        "report.summary": "Summary",
        "report.round_combined": "{count} files combined as round {round} ({dates}).",
        "report.round_left_out": "Left out, as they belong to a round before {round}: "
                                 "{files}. See 'stimulering progress' for the course over time.",
        "report.round": "Round",
        "report.next_steps": "First steps to decide on",
        "report.next_steps_none": "There is no advice: every pillar is in phase 6.",
        "report.own_words": "In their own words",
        "report.own_words_intro": "What the respondents wrote themselves.",
        "report.ladder": "Phase ladder",
        "report.markers": "What phase {phase} ({name}) is about, and what the coalition is "
                          "building now:",
        "report.ladder_legend": "✓ level met · ◀ current phase · ◎ target",
        "report.now": "◀ now",
        "report.target_mark": "◎ target",
        "report.chart": "Pillars and categories",
        "report.chart_title": "Coalition {coalition}: scores per pillar and category",
        "report.chart_pillars": "Three pillars",
        "report.chart_categories": "Nine categories",
        "report.chart_legend": "Score 0–1 per axis (weighted mean of the answered "
                               "questions); dashed line: threshold {threshold}",
        "report.chart_note": "Scores from 0 to 1: the weighted mean of the answered questions. "
                             "A level counts as met from {threshold}.",
        "report.category": "Category",
        "report.answered": "Answered",
        "report.signals": "Catalysts and inhibitors",
        "report.kind": "Kind",
        "report.name": "Name",
        "report.status": "Status",
        "report.roadmap": "Targets and action plan",
        "report.current": "Now",
        "report.target": "Target",
        "report.to_go": "To go",
        "report.reached": "reached",
        "report.phases_to_go": "{count} {unit}",
        "report.phase_one": "phase",
        "report.phase_many": "phases",
        "report.no_target": "no target",
        "report.actions": "Actions",
        "report.action": "Action",
        "report.owner": "Owner",
        "report.due": "Due",
        "report.concerns": "Concerns",
        "report.done": "done",
        "report.open": "open",
        "report.appendix": "Appendix: all answers",
        "report.question": "Question",
        "report.answer": "Answer",
        "report.note": "Note",
        "report.other_notes": "Other notes",
        "report.not_asked": "not asked",
        "report.example": "Practice example",
        "report.no_advice": "No advice: this pillar meets all six levels.",
        "summary.phase": "The coalition is in phase {phase} ({name}): that is how far its "
                         "weakest pillar has come, and the weakest pillar sets the pace.",
        "summary.complete": "The coalition meets all six levels on all three pillars.",
        "summary.even": "The three pillars are in the same phase; {pillar} has the lowest "
                        "score ({score}).",
        "summary.gap": "That is {weak} (phase {weak_phase}); {strong} is furthest ahead "
                       "(phase {strong_phase}), {gap} {unit} further.",
        "summary.inhibitors": "Holding it back: {names}.",
        "summary.catalysts_missing": "Not yet present as a catalyst: {names}.",
        "summary.catalysts_unknown": "Unknown: {names}.",
        "summary.signals_good": "All catalysts are present and no inhibitor is at work.",
        "summary.start": "Start with the advice for {pillar}.",
        "catalogue.title": "Catalogue of instruments",
        "catalogue.none": "No instruments found.",
        "catalogue.phases": "Phases",
        "catalogue.examples": "Practice examples",
        "catalogue.source": "Source",
        "catalogue.parties": "Parties",
        "catalogue.count_instruments.one": "{count} instrument",
        "catalogue.count_instruments.many": "{count} instruments",
        "catalogue.count_examples.one": "{count} practice example",
        "catalogue.count_examples.many": "{count} practice examples",
        "iv.consensus.intro": "Consensus conversation: {count} topics on which the "
                              "{partners} partners diverge. Agree on one answer per topic; "
                              "everything else comes from the combined result.",
        "iv.consensus.answers": "The partners' answers: {answers}",
        "iv.consensus.capped": "These are the first {shown} of {count} topics, the largest "
                               "differences first; the rest comes from the combined result. "
                               "With --all you discuss them all.",
        "iv.error.scale": "Type a number from 1 to 5, or a command (? for help).",
        "iv.error.option": "Type a number from 1 to {count}, or a command (? for help).",
        "iv.error.exclusive": "'{option}' can only be chosen on its own, not together with "
                              "anything else.",
        "iv.error.multi": "Type one or more numbers from 1 to {count}, separated by commas or "
                          "spaces, or a command (? for help).",
        "iv.error.number": "Type a number, for example 4 or 2.5, or a command (? for help).",
        "iv.error.negative": "Type a number of 0 or more.",
        "iv.error.number_too_large": "That number is too large. Type a number, for example 4 "
                                     "or 2.5, or a command (? for help).",
        "iv.error.too_long": "At most {limit} characters; this has {count}.",
        "iv.error.band": "{value} is outside the range of this question ({ranges}).",
        "iv.error.text_special": "An open question has no 'don't know' or 'not applicable': "
                                 "leave the answer empty with Enter.",
        "iv.error.command": "Unknown command {command}. Commands: ? :b :w :nvt :n :r :q",
        "iv.error.first": "This is the first question.",
        "iv.error.review": "Type the number of an answer to change it, or Enter to accept "
                           "them all.",
        "iv.error.phase": "Type a phase from 1 to 6, or Enter to skip.",
        "iv.error.date": "Type a date like 2027-03-01, or Enter to skip.",
        "iv.error.item": "Unknown question {item}; type a question number from the review, or "
                         "Enter to skip.",
        "iv.error.choice": "Type a number from 1 to {count}.",
        "iv.error.required": "This field is needed.",
        "iv.footer": "? help  :b back  :w don't know  :nvt n/a  :n note  :r review  :q quit",
        "iv.prompt": "Answer",
        "iv.prompt.keep": "Answer (Enter keeps {answer})",
        "iv.prompt.multi": "Numbers, separated by commas",
        "iv.prompt.text": "Text (Enter leaves it empty)",
        "iv.prompt.note": "Note (Enter without text clears the note)",
        "iv.note_saved": "Note saved.",
        "iv.current_note": "Note: {note}",
        "iv.no_help": "No explanation for this question.",
        "iv.title": "Self-assessment of collaboration in the subsurface",
        "iv.intro": "Answer with the number of an option. Every answer is saved at once. If you "
                    "do not know, type :w. Type :nvt only when a question does not apply to "
                    "your coalition; if something is not there yet, choose the answer that "
                    "says so, such as no.",
        "iv.file": "Answers are saved in {path}",
        "iv.ask.coalition": "Coalition (name of the municipality or region)",
        "iv.ask.organisation": "Your organisation",
        "iv.ask.role": "Role of your organisation",
        "iv.ask.level": "Your level",
        "role.gemeente": "municipality",
        "role.netbeheerder": "grid operator",
        "role.drinkwaterbedrijf": "drinking water company",
        "role.waterschap": "water board",
        "role.warmte": "heat company",
        "role.telecom": "telecom",
        "role.overig": "other",
        "role.coalitie": "coalition",
        "level.strategisch": "strategic",
        "level.tactisch": "tactical",
        "level.operationeel": "operational",
        "iv.found": "There is an unfinished answers file: {path} ({count} answers).",
        "iv.other_set": "This file was started with question set {made}; you continue with "
                        "{used}. Answers to renamed questions carry over; answers to questions "
                        "that no longer exist stay in the file but do not count.",
        "iv.resume_question": "Continue there? [Y/n]",
        "iv.yes_words": "y yes j ja",
        "iv.no_words": "n no nee",
        "iv.error.yes_no": "Type y or n.",
        "iv.review.title": "Review of your answers",
        "iv.review.question": "question",
        "iv.review.answer": "answer",
        "iv.review.open": "(open)",
        "iv.review.prompt": "Number to change, Enter to accept",
        "iv.saved": "Saved in {path}.",
        "iv.changed_elsewhere": "{old} was changed by another program meanwhile (a second "
                                "interview?). Your answers continue in {path}; {old} is left "
                                "as it is.",
        "iv.resume": "To continue: stimulering assess --resume {path}",
        "iv.nothing_saved": "Stopped; nothing has been saved yet.",
        "iv.targets.offer": "Set a target phase per pillar? [y/N]",
        "iv.targets.ask": "Target phase for {pillar} (now {phase}, Enter skips)",
        "iv.targets.below": "Phase {target} is below the phase this pillar is in now "
                            "({phase}). Record it as the target anyway? [y/N]",
        "iv.actions.offer": "Record a planned action? [y/N]",
        "iv.actions.more": "Record another action? [y/N]",
        "iv.actions.what": "What will be done",
        "iv.actions.owner": "Who owns it (Enter skips)",
        "iv.actions.due": "When done, as 2027-03-01 (Enter skips)",
        "iv.actions.item": "For which question, number from the review (Enter skips)",
        "iv.report.offer": "Write the advice report (markdown) to {path}? [Y/n]",
        "iv.report.replace.one": "Write the advice report (markdown) to {path}? {files} exists "
                                 "already and would be replaced. [y/N]",
        "iv.report.replace.many": "Write the advice report (markdown) to {path}? {files} exist "
                                  "already and would be replaced. [y/N]",
        "iv.report.written": "Report written: {path}",
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
    "view.discussion": "Gespreksonderwerpen",
    "view.discussion_intro": "Vragen waarop de respondenten het verst uiteenlopen (spreiding = "
                             "hoogste min laagste itemscore, minstens {minimum}). Eerst de "
                             "vragen met de meeste antwoordstappen ertussen, dan het zwaarste "
                             "gewicht en de poortvragen.",
    "view.topics_shown": "De eerste {shown} van {count} onderwerpen; 'stimulering report "
                         "--all' toont ze allemaal.",
    "view.why": "waarom",
    "view.why.steps.one": "1 antwoordstap uit elkaar",
    "view.why.steps.many": "{count} antwoordstappen uit elkaar",
    "view.why.weight": "gewicht {weight}",
    "view.why.gate": "poortvraag van fase {phase}",
    "view.agreed": "Afgesproken resultaat",
    "view.agreed_rule": "Het resultaat is het coalitiebestand uit het consensusgesprek van "
                        "{date}; de respondenten staan ernaast.",
    "view.no_discussion": "Geen vragen met een spreiding van {minimum} of meer.",
    "view.spread": "spreiding",
    "view.question": "vraag",
    "view.answers": "antwoorden",
    "view.overall": "totaal",
    "progress.title": "Voortgang",
    "progress.points": "Fase per ronde",
    "progress.round": "Ronde",
    "compare.round_rule": "Per samenwerking telt de laatste ronde: de bestanden met dezelfde "
                          "'round', of zonder ronde die binnen een maand van elkaar liggen, "
                          "samengenomen, of het coalitiebestand van die ronde.",
    "progress.agreed": "{count} + coalitie",
    "progress.round_rule": "Bestanden van één ronde tellen samen: dezelfde 'round' in het "
                           "bestand, of zonder ronde binnen {days} dagen van elkaar. Heeft een "
                           "ronde een coalitiebestand uit een consensusgesprek, dan is dat "
                           "het resultaat van de ronde.",
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
    "view.discussion": "Discussion topics",
    "view.discussion_intro": "Questions on which the respondents diverge most (spread = highest "
                             "minus lowest item score, at least {minimum}). First the questions "
                             "with the most answer steps between them, then the heaviest "
                             "weight and the gate questions.",
    "view.topics_shown": "The first {shown} of {count} topics; 'stimulering report --all' "
                         "shows them all.",
    "view.why": "why",
    "view.why.steps.one": "1 answer step apart",
    "view.why.steps.many": "{count} answer steps apart",
    "view.why.weight": "weight {weight}",
    "view.why.gate": "gate question of phase {phase}",
    "view.agreed": "Agreed result",
    "view.agreed_rule": "The result is the coalition file of the consensus conversation of "
                        "{date}; the respondents are shown beside it.",
    "view.no_discussion": "No questions with a spread of {minimum} or more.",
    "view.spread": "spread",
    "view.question": "question",
    "view.answers": "answers",
    "view.overall": "overall",
    "progress.title": "Progress",
    "progress.points": "Phase per round",
    "progress.round": "Round",
    "compare.round_rule": "Each coalition shows its latest round: the files with the same "
                          "'round', or without a round within a month of each other, "
                          "combined, or the round's coalition file.",
    "progress.agreed": "{count} + coalition",
    "progress.round_rule": "Files of one round count together: the same 'round' in the file, "
                           "or, without a round, within {days} days of each other. When a round "
                           "has a coalition file from a consensus conversation, that file is "
                           "the round's result.",
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
})


# Labels of the offline form (stimulering form): what a respondent reads in the browser.
_LABELS["nl"].update({
    "form.noscript": "Dit formulier heeft JavaScript nodig. Zet JavaScript aan, of vraag de "
                     "coördinator om een antwoordbestand om in te vullen.",
    "form.intro": "Beantwoord de vragen voor uw organisatie. Uw antwoorden blijven in deze "
                  "browser en worden na elke wijziging bewaard; er wordt niets verstuurd. "
                  "Download aan het eind het antwoordbestand en stuur het naar de coördinator.",
    "form.special_hint": "Weet u iets niet, kies dan 'weet niet'. Kies 'niet van toepassing' "
                         "alleen als een vraag niet op uw samenwerking van toepassing is; is "
                         "iets er nog niet, kies dan het antwoord dat daarbij past, zoals nee.",
    "form.set": "Vragenset {name} ({id} {version})",
    "form.skip": "Naar de vragen",
    "form.respondent": "Over u",
    "form.choose": "Kies...",
    "form.optional": "(mag leeg blijven)",
    "form.help": "Toelichting",
    "form.note": "Notitie",
    "form.note_hint": "Waarom dit antwoord, bewijs, of waarom niet van toepassing",
    "form.answer": "Uw antwoord",
    "form.multi_hint": "Kies een of meer.",
    "form.error.number": "Typ een getal, bijvoorbeeld 4 of 2,5.",
    "form.progress": "{answered} van {total} vragen beantwoord.",
    "form.progress.done": "Alle {total} vragen zijn beantwoord.",
    "form.download": "Antwoordbestand downloaden",
    "form.download_partial": "Download wat ik tot nu toe heb",
    "form.open": "Een antwoordbestand openen om verder te gaan",
    "form.clear": "Alles wissen",
    "form.clear_confirm": "Alle antwoorden in dit formulier wissen?",
    "form.cleared": "Het formulier is leeg.",
    "form.replace_confirm": "Het bestand vervangt de antwoorden in dit formulier. Doorgaan?",
    "form.missing_header": "Vul eerst in: {fields}.",
    "form.open_questions": "Er zijn nog {count} vragen open; de eerste heeft nu de focus. Met "
                           "'Download wat ik tot nu toe heb' bewaart u wat er al is.",
    "form.open_questions.one": "Er is nog 1 vraag open; die heeft nu de focus. Met 'Download "
                               "wat ik tot nu toe heb' bewaart u wat er al is.",
    "form.downloaded": "Gedownload: {name}. Stuur dit bestand naar de coördinator.",
    "form.downloaded_partial": "Gedownload: {name}. Open het later hier om verder te gaan.",
    "form.loaded": "Geopend: {name}, met {count} antwoorden.",
    "form.loaded.one": "Geopend: {name}, met 1 antwoord.",
    "form.restored": "Uw eerdere antwoorden in deze browser zijn teruggezet.",
    "form.storage_off": "Deze browser bewaart niets tussendoor. Download tussendoor wat u heeft "
                        "en open het later weer.",
    "form.load.other_set": "{name} hoort bij vragenset {made}; dit formulier is voor {used}.",
    "form.load.other_version": "{name} is begonnen met vragenset {made}; dit formulier "
                               "gebruikt {used}. Antwoorden op hernoemde vragen gaan mee; "
                               "antwoorden op vragen die er niet meer zijn, blijven in het "
                               "bestand maar tellen niet mee.",
    "form.load.unknown": "{count} antwoorden horen bij vragen die dit formulier niet kent; ze "
                         "blijven in het bestand.",
    "form.load.unknown.one": "1 antwoord hoort bij een vraag die dit formulier niet kent; het "
                             "blijft in het bestand.",
    "form.load.unreadable": "{name} kan niet worden gelezen.",
    "form.load.not_answers": "{name} is geen antwoordbestand van stimulering.",
    "form.load.field": "{name}: {field} heeft een waarde die hier niet past.",
    "form.load.answer": "{name}: het antwoord op {id} past niet bij die vraag ({value}).",
    "form.load.too_big": "{name} is groter dan 2 MiB; dat is geen antwoordbestand.",
    "form.yaml.tab": "Regel {line}: een tab om in te springen; gebruik spaties.",
    "form.yaml.indent": "Regel {line}: de inspringing klopt niet.",
    "form.yaml.unsupported": "Regel {line}: dit formulier leest antwoordbestanden zoals "
                             "stimulering ze schrijft; dit deel kan het niet lezen.",
    "form.yaml.quote": "Regel {line}: een tekst tussen aanhalingstekens wordt niet afgesloten.",
    "form.yaml.duplicate": "Regel {line}: {value} staat er twee keer.",
    "form.yaml.key": "Regel {line}: hier hoort een naam zoals vraag_id, gevolgd door een "
                     "dubbele punt.",
    "form.yaml.escape": "Regel {line}: een onbekende code na een backslash.",
    "form.yaml.documents": "Regel {line}: het bestand bevat meer dan één document.",
    "form.yaml.mapping": "Regel {line}: een antwoordbestand begint met namen en waarden, zoals "
                         "stimulering_answers: 1.",
    "form.yaml.value": "Regel {line}: na deze waarde staat nog iets dat er niet hoort.",
    "form.yaml.number": "Regel {line}: {value} is een getal in een schrijfwijze die dit "
                        "formulier niet leest.",
})
_LABELS["en"].update({
    "form.noscript": "This form needs JavaScript. Switch JavaScript on, or ask the coordinator "
                     "for an answers file to fill in.",
    "form.intro": "Answer the questions for your organisation. Your answers stay in this "
                  "browser and are kept after every change; nothing is sent anywhere. At the "
                  "end, download the answers file and send it to the coordinator.",
    "form.special_hint": "If you do not know, choose 'don't know'. Choose 'not applicable' "
                         "only when a question does not apply to your coalition; if something "
                         "is not there yet, choose the answer that says so, such as no.",
    "form.set": "Question set {name} ({id} {version})",
    "form.skip": "Skip to the questions",
    "form.respondent": "About you",
    "form.choose": "Choose...",
    "form.optional": "(may stay empty)",
    "form.help": "Explanation",
    "form.note": "Note",
    "form.note_hint": "Why this answer, evidence, or why it does not apply",
    "form.answer": "Your answer",
    "form.multi_hint": "Choose one or more.",
    "form.error.number": "Type a number, for example 4 or 2.5.",
    "form.progress": "{answered} of {total} questions answered.",
    "form.progress.done": "All {total} questions are answered.",
    "form.download": "Download the answers file",
    "form.download_partial": "Download what I have so far",
    "form.open": "Open an answers file to continue",
    "form.clear": "Clear everything",
    "form.clear_confirm": "Clear all answers in this form?",
    "form.cleared": "The form is empty.",
    "form.replace_confirm": "The file replaces the answers in this form. Go on?",
    "form.missing_header": "Fill in first: {fields}.",
    "form.open_questions": "{count} questions are still open; the first one has the focus now. "
                           "'Download what I have so far' keeps what there is.",
    "form.open_questions.one": "1 question is still open; it has the focus now. 'Download "
                               "what I have so far' keeps what there is.",
    "form.downloaded": "Downloaded: {name}. Send this file to the coordinator.",
    "form.downloaded_partial": "Downloaded: {name}. Open it here later to continue.",
    "form.loaded": "Opened: {name}, with {count} answers.",
    "form.loaded.one": "Opened: {name}, with 1 answer.",
    "form.restored": "Your earlier answers in this browser are back.",
    "form.storage_off": "This browser keeps nothing in between. Download what you have now and "
                        "then, and open it again later.",
    "form.load.other_set": "{name} belongs to question set {made}; this form is for {used}.",
    "form.load.other_version": "{name} was started with question set {made}; this form uses "
                               "{used}. Answers to renamed questions come along; answers to "
                               "questions that no longer exist stay in the file but do not "
                               "count.",
    "form.load.unknown": "{count} answers belong to questions this form does not know; they "
                         "stay in the file.",
    "form.load.unknown.one": "1 answer belongs to a question this form does not know; it stays "
                             "in the file.",
    "form.load.unreadable": "{name} cannot be read.",
    "form.load.not_answers": "{name} is not a stimulering answers file.",
    "form.load.field": "{name}: {field} has a value that does not fit here.",
    "form.load.answer": "{name}: the answer to {id} does not fit that question ({value}).",
    "form.load.too_big": "{name} is larger than 2 MiB; that is no answers file.",
    "form.yaml.tab": "Line {line}: a tab as indentation; use spaces.",
    "form.yaml.indent": "Line {line}: the indentation is wrong.",
    "form.yaml.unsupported": "Line {line}: this form reads answers files as stimulering "
                             "writes them; it cannot read this part.",
    "form.yaml.quote": "Line {line}: a quoted text is not closed.",
    "form.yaml.duplicate": "Line {line}: {value} appears twice.",
    "form.yaml.key": "Line {line}: a name such as question_id belongs here, followed by a "
                     "colon.",
    "form.yaml.escape": "Line {line}: an unknown code after a backslash.",
    "form.yaml.documents": "Line {line}: the file holds more than one document.",
    "form.yaml.mapping": "Line {line}: an answers file starts with names and values, such as "
                         "stimulering_answers: 1.",
    "form.yaml.value": "Line {line}: something follows this value that does not belong there.",
    "form.yaml.number": "Line {line}: {value} is a number written in a way this form does not "
                        "read.",
})


# Labels of undetermined phases, level scores and the numbers in running text.
_LABELS["nl"].update({
    "and": "en",
    "phase_unknown": "nog niet te bepalen",
    "phase_unknown_short": "?",
    "held_undetermined": "{pillar}: de fase is nog niet te bepalen. Er zijn {answered} "
                         "vragen beantwoord; daarvoor zijn er minstens {required} nodig.",
    "held_undetermined.one": "{pillar}: de fase is nog niet te bepalen. Er is {answered} "
                             "vraag beantwoord; daarvoor zijn er minstens {required} nodig.",
    "held_too_much_nvt": "Zoveel vragen zijn niet van toepassing dat er geen {required} meer "
                         "over zijn om te beantwoorden; kijk of n.v.t. overal klopt.",
    "warning.unknown_items_plain.one": "{count} van {total} vragen is onbekend (weet niet of "
                                       "nog open).",
    "warning.unknown_items_plain.many": "{count} van {total} vragen zijn onbekend (weet niet "
                                        "of nog open).",
    "view.lowest_phase": "laagste bekende fase van een respondent: {phase}",
    "level_scores": "Score per niveau: {scores}.",
    "gap.below": "De pijlerscore ({score}) ligt onder de drempel {threshold} omdat hij het "
                 "gemiddelde is over alle niveaus, ook de hogere die nog niet aan de beurt "
                 "zijn. De fase telt alleen de niveaus die op volgorde de drempel halen: "
                 "{levels}.",
    "gap.above": "De pijlerscore ({score}) haalt de drempel {threshold}, maar de fase telt de "
                 "niveaus op volgorde: zolang niveau {level} niet is gehaald, tellen de "
                 "hogere niveaus niet mee.",
    "levels.one": "niveau {first}",
    "levels.many": "niveau {first} tot en met {last}",
    "answers_needed.one": "nog {count} vraag van {pillar}",
    "answers_needed.many": "nog {count} vragen van {pillar}",
    "summary.undetermined": "De fase van de samenwerking is nog niet te bepalen: daarvoor is "
                            "te weinig beantwoord. Beantwoord {needs}, of vraag na wat u niet "
                            "weet.",
    "warning.undetermined": "Te weinig beantwoord om een fase te bepalen; nodig: {needs}.",
    "advice.undetermined": "Fase nog niet te bepalen: {needs} nodig",
    "advice.undetermined_text": "Beantwoord meer vragen van deze pijler. Weet u een "
                                "antwoord niet, vraag het dan na bij de partners. Kies "
                                "n.v.t. alleen als een vraag echt niet op uw samenwerking "
                                "van toepassing is, zoals een vraag over gezamenlijke "
                                "projecten als die er nog niet zijn.",
    "report.level_note": "De pijlerscore is het gewogen gemiddelde over alle beantwoorde "
                         "vragen van een pijler, van alle zes niveaus. De fase is 1 plus het "
                         "aantal niveaus dat op volgorde de drempel haalt (✓). Een pijler kan "
                         "dus onder de drempel scoren en toch in een hogere fase staan (de "
                         "lagere niveaus zijn op orde, de hogere trekken het gemiddelde "
                         "omlaag), of hoog scoren in een lage fase (op een vroeg niveau "
                         "ontbreekt nog iets).",
    "iv.found.one": "Er is een onafgemaakt antwoordbestand: {path} ({count} antwoord).",
    "iv.consensus.intro.one": "Consensusgesprek: {count} onderwerp waarop de {partners} "
                              "partners uiteenlopen. Kies samen één antwoord; de rest komt "
                              "uit het gecombineerde resultaat.",
})
_LABELS["en"].update({
    "and": "and",
    "phase_unknown": "not yet known",
    "phase_unknown_short": "?",
    "held_undetermined": "{pillar}: the phase cannot be determined yet. {answered} "
                         "questions are answered; that takes at least {required}.",
    "held_undetermined.one": "{pillar}: the phase cannot be determined yet. {answered} "
                             "question is answered; that takes at least {required}.",
    "held_too_much_nvt": "So many questions are not applicable that fewer than {required} "
                         "are left to answer; check that n/a is right everywhere.",
    "warning.unknown_items_plain.one": "{count} of {total} questions is unknown (don't know "
                                       "or still open).",
    "warning.unknown_items_plain.many": "{count} of {total} questions are unknown (don't "
                                        "know or still open).",
    "view.lowest_phase": "lowest known phase of a respondent: {phase}",
    "level_scores": "Score per level: {scores}.",
    "gap.below": "The pillar score ({score}) is below the threshold {threshold} because it "
                 "averages all levels, including the higher ones whose turn has not come. The "
                 "phase counts only the levels that meet the threshold in order: {levels}.",
    "gap.above": "The pillar score ({score}) meets the threshold {threshold}, but the phase "
                 "counts the levels in order: while level {level} is not met, the higher "
                 "levels do not count.",
    "levels.one": "level {first}",
    "levels.many": "levels {first} to {last}",
    "answers_needed.one": "{count} more question of {pillar}",
    "answers_needed.many": "{count} more questions of {pillar}",
    "summary.undetermined": "The phase of the coalition cannot be determined yet: too little "
                            "is answered. Answer {needs}, or find out what you do not know.",
    "warning.undetermined": "Too little is answered to determine a phase; needed: {needs}.",
    "advice.undetermined": "Phase not yet known: {needs} needed",
    "advice.undetermined_text": "Answer more questions of this pillar. If you do not know an "
                                "answer, ask the partners. Choose n/a only when a question "
                                "really does not apply to your coalition, such as a question "
                                "about joint projects when there are none yet.",
    "report.level_note": "The pillar score is the weighted mean of all answered questions of "
                         "a pillar, over all six levels. The phase is 1 plus the number of "
                         "levels that meet the threshold in order (✓). So a pillar can score "
                         "below the threshold and still be in a higher phase (the lower "
                         "levels are in place, the higher ones pull the mean down), or score "
                         "high in a low phase (something is still missing at an early "
                         "level).",
    "iv.found.one": "There is an unfinished answers file: {path} ({count} answer).",
    "iv.consensus.intro.one": "Consensus conversation: {count} topic on which the "
                              "{partners} partners diverge. Agree on one answer; everything "
                              "else comes from the combined result.",
})


# Labels of the answers workbook (stimulering template --format xlsx).
_LABELS["nl"].update({
    "wb.title": "Antwoorden voor vragenset {id} {version}",
    "wb.sheet.respondent": "Respondent",
    "wb.sheet.questions": "Vragen",
    "wb.sheet.lists": "Keuzelijsten",
    "wb.col.field": "Veld",
    "wb.col.name": "Omschrijving",
    "wb.col.value": "Invullen",
    "wb.col.help": "Toelichting",
    "wb.col.id": "Vraag-id",
    "wb.col.question": "Vraag",
    "wb.col.answer": "Antwoord",
    "wb.col.note": "Notitie",
    "wb.field.coalition": "Samenwerking",
    "wb.field.organisation": "Organisatie",
    "wb.field.role": "Rol",
    "wb.field.level": "Niveau",
    "wb.field.date": "Datum",
    "wb.field_help.coalition": "De naam van de samenwerking, zoals alle partners hem schrijven.",
    "wb.field_help.organisation": "De organisatie waarvoor u antwoordt.",
    "wb.field_help.role": "Kies de rol van uw organisatie in de lijst.",
    "wb.field_help.level": "Kies het niveau waarop u werkt in de lijst.",
    "wb.field_help.date": "De datum van uw antwoorden (jjjj-mm-dd).",
    "wb.intro": "Dit werkboek is een vragenlijst over de samenwerking in de ondergrond. Vul "
                "hierboven in wie u bent en beantwoord daarna de vragen op het blad Vragen.",
    "wb.how": "Kies elk antwoord in de keuzelijst van de kolom Antwoord; laat een antwoord leeg "
              "zolang het open is. In de kolom Notitie kunt u uw antwoord toelichten. Verander "
              "de bladen, kolommen en de vraag-id's niet.",
    "wb.multi": "Bij een vraag met meer antwoorden staat elke mogelijkheid op een eigen regel "
                "eronder: kies ja bij wat van toepassing is.",
    "wb.return": "Sla het werkboek op als .xlsx en stuur het terug naar de coördinator van de "
                 "samenwerking.",
    "wb.when": "Alleen beantwoorden als {condition}.",
    "wb.number": "Vul een getal in{unit}, of kies weet niet of niet van toepassing.",
    "wb.text": "Vrije tekst.",
    "wb.multi_row": "Kies ja bij elke mogelijkheid hieronder die van toepassing is.",
    "wb.invalid_title": "Kies uit de lijst",
    "wb.invalid_text": "Kies een antwoord uit de keuzelijst.",
})
_LABELS["en"].update({
    "wb.title": "Answers for question set {id} {version}",
    "wb.sheet.respondent": "Respondent",
    "wb.sheet.questions": "Questions",
    "wb.sheet.lists": "Lists",
    "wb.col.field": "Field",
    "wb.col.name": "Description",
    "wb.col.value": "Fill in",
    "wb.col.help": "Help",
    "wb.col.id": "Question id",
    "wb.col.question": "Question",
    "wb.col.answer": "Answer",
    "wb.col.note": "Note",
    "wb.field.coalition": "Coalition",
    "wb.field.organisation": "Organisation",
    "wb.field.role": "Role",
    "wb.field.level": "Level",
    "wb.field.date": "Date",
    "wb.field_help.coalition": "The name of the coalition, as all partners write it.",
    "wb.field_help.organisation": "The organisation you answer for.",
    "wb.field_help.role": "Choose the role of your organisation from the list.",
    "wb.field_help.level": "Choose the level you work at from the list.",
    "wb.field_help.date": "The date of your answers (yyyy-mm-dd).",
    "wb.intro": "This workbook is a questionnaire about the collaboration in the subsurface. "
                "Fill in who you are above, then answer the questions on the Questions sheet.",
    "wb.how": "Choose each answer from the list in the Answer column; leave an answer empty "
              "while it is open. Use the Note column to explain your answer. Do not change "
              "the sheets, the columns or the question ids.",
    "wb.multi": "A question that takes several answers has each possibility on a row of its "
                "own below it: choose yes for each that applies.",
    "wb.return": "Save the workbook as .xlsx and send it back to the coalition's coordinator.",
    "wb.when": "Answer only if {condition}.",
    "wb.number": "Fill in a number{unit}, or choose don't know or not applicable.",
    "wb.text": "Free text.",
    "wb.multi_row": "Choose yes for each possibility below that applies.",
    "wb.invalid_title": "Choose from the list",
    "wb.invalid_text": "Choose an answer from the list.",
})


# Labels of the executive summary, the office formats and the target on the chart.
_LABELS["nl"].update({
    "report.executive": "Samenvatting voor de stuurgroep",
    "report.action_plan": "Actieplan",
    "report.reason": "Waarom",
    "report.what_to_do": "Wat te doen",
    "report.next": "Volgende",
    "report.to_target": "Naar het doel",
    "report.pct.reached": "{percent} (gehaald)",
    "report.pct.no_target": "– (geen doel)",
    "report.pct.undetermined": "– (fase onbekend)",
    "report.percent_note": "Naar het doel: welk deel van de niveaus die het doel vraagt "
                           "(niveau 1 tot aan de doelfase) op volgorde gehaald is. Zonder doel "
                           "of zonder bekende fase is er geen percentage.",
    "report.chart_phases": "Fase nu en doel",
    "report.chart_target_legend": "Fase nu en doel: van het midden (0) tot fase 6; blauw is de "
                                  "fase nu, groen gestippeld het doel uit het antwoordbestand "
                                  "(een pijler zonder doel heeft geen groen punt).",
    "report.appendix_left_out": "De bijlage met alle antwoorden is weggelaten.",
    "report.page": "Pagina {page} van {pages}",
})
_LABELS["en"].update({
    "report.executive": "Executive summary",
    "report.action_plan": "Action plan",
    "report.reason": "Why",
    "report.what_to_do": "What to do",
    "report.next": "Next",
    "report.to_target": "To target",
    "report.pct.reached": "{percent} (reached)",
    "report.pct.no_target": "– (no target)",
    "report.pct.undetermined": "– (phase not known)",
    "report.percent_note": "To target: the share of the levels the target asks for (level 1 "
                           "up to the target phase) that is met in order. Without a target or "
                           "a known phase there is no percentage.",
    "report.chart_phases": "Phase now and target",
    "report.chart_target_legend": "Phase now and target: from the centre (0) to phase 6; blue "
                                  "is the phase now, dotted green the target from the answers "
                                  "file (a pillar without a target has no green point).",
    "report.appendix_left_out": "The appendix with every answer is left out.",
    "report.page": "Page {page} of {pages}",
})

LANGUAGES: tuple[str, ...] = tuple(_LABELS)


def label(lang: str, key: str, **values: object) -> str:
    """The program's text for ``key`` in ``lang`` (English when ``lang`` has none)."""
    table = _LABELS.get(lang, _LABELS[FALLBACK_LANGUAGE])
    text = table.get(key) or _LABELS[FALLBACK_LANGUAGE][key]
    return text.format(**values) if values else text


def languages() -> tuple[str, ...]:
    """The languages the program's own labels are written in."""
    return tuple(_LABELS)


def plural(lang: str, key: str, count: int, **values: object) -> str:
    """The label ``key.one`` for a count of 1, else ``key.many`` (or ``key``), with ``count``."""
    table = _LABELS.get(lang, _LABELS[FALLBACK_LANGUAGE])
    if count == 1 and f"{key}.one" in table:
        return label(lang, f"{key}.one", count=count, **values)
    many = f"{key}.many" if f"{key}.many" in table else key
    return label(lang, many, count=count, **values)


def decimal(value: float, lang: str, places: int = 2, *, signed: bool = False) -> str:
    """A number with a fixed number of decimals, with a decimal comma in Dutch ("0,60").

    ``signed`` always shows the sign ("+0,25").
    """
    text = f"{value:+.{places}f}" if signed else f"{value:.{places}f}"
    return text.replace(".", ",") if lang == "nl" else text


def number_text(value: float, lang: str) -> str:
    """A number as short as it goes ("4", "2.5"), with a decimal comma in Dutch ("2,5")."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def join_words(words: list[str], lang: str) -> str:
    """"a, b and c" in ``lang``."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {label(lang, 'and')} {words[-1]}"


def pick(text: Mapping[str, str] | None, lang: str) -> str:
    """A content text in ``lang``, falling back to the default language, then any."""
    if not text:
        return ""
    return text.get(lang) or text.get(DEFAULT_LANGUAGE) or next(iter(text.values()))


def option_labels(question: Question, lang: str) -> list[tuple[str | int, str]]:
    """The answer values a closed question offers, each with its label in ``lang``.

    Scale and yes/no items share the program's labels; choice and multi items
    have their own options. Open (text and number) items offer none.
    """
    from stimulering.model import SCALE_VALUES, YESNO_SCORES

    if question.type == "scale":
        return [(value, label(lang, f"scale.{value}")) for value in SCALE_VALUES]
    if question.type == "yesno":
        return [(value, label(lang, f"yesno.{value}")) for value in YESNO_SCORES]
    return [(option.id, pick(option.label, lang)) for option in question.options or []]
