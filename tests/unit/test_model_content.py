"""The content of the shipped model 3.0.0: catalysts that see real forms, inhibitors that rest
on observable answers and blame no one, what an inhibitor does to the phase, gates only where
the report names a minimum, and advice that reads on its own."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from builders import answers, highest, lowest
from stimulering.core import conditions
from stimulering.model import PILLARS


def statuses(engine, values) -> dict[str, str]:
    return {s.id: s.status for s in engine.evaluate(answers(values)).assessment.signals}


# --- catalysts and inhibitors -----------------------------------------------------------------


@pytest.mark.parametrize("form", [
    # A coordinator employed by one partner, whom the partners pay for together.
    {"regie_bij": "coordinator", "regie_mandaat": "deels", "regie_kosten": "ja"},
    # A joint coordination point.
    {"regie_bij": "coordinatiepunt", "regie_mandaat": "weet_niet", "regie_kosten": "weet_niet"},
    # A manager of the collaboration (a convenant manager) at every partner.
    {"regie_bij": "convenantmanagers", "regie_mandaat": "weet_niet", "regie_kosten": "weet_niet"},
    # A municipal regisseur with a recorded mandate.
    {"regie_bij": "gemeente", "regie_mandaat": "ja", "regie_kosten": "nee"},
], ids=["jointly-paid-coordinator", "coordination-point", "convenant-managers",
        "municipal-regisseur"])
def test_the_coordinator_catalyst_sees_the_forms_coordination_takes(engine, form):
    assert statuses(engine, lowest(engine) | form)["coordinator"] == "present"


def test_a_coordinator_without_mandate_or_shared_cost_or_direction_per_project_is_no_catalyst(
        engine):
    base = highest(engine)
    alone = base | {"regie_bij": "coordinator", "regie_mandaat": "nee", "regie_kosten": "nee"}
    assert statuses(engine, alone)["coordinator"] == "absent"
    assert statuses(engine, base | {"regie_bij": "per_project"})["coordinator"] == "absent"


def single_answers(engine):
    """Every question with every value it takes, one at a time."""
    for question in engine.questions.questions:
        values = list(question.option_values) or ([3] if question.type == "number" else [])
        for value in values:
            yield question.id, [value] if question.type == "multi" else value


def test_no_single_answer_makes_an_inhibitor_present(engine):
    # An inhibitor rests on at least two observable answers: with one answer known and every
    # other unknown, it is never present.
    for signal in engine.model.signals:
        if signal.kind != "inhibitor":
            continue
        for question_id, value in single_answers(engine):
            truth = conditions.evaluate(signal.when, {question_id: value}.get)
            assert truth is not True, (signal.id, question_id, value)


def test_no_inhibitor_reads_an_opinion_and_none_blames_a_partner(engine):
    questions = engine.questions.by_id()
    for signal in engine.model.signals:
        if signal.kind != "inhibitor":
            continue
        read = conditions.referenced_questions(signal.when)
        assert all(questions[q].type != "scale" for q in read), signal.id
        for name in signal.name.values():
            assert not re.search(r"focus|gewin|gain|eigen|own|weiger|refus|partner", name,
                                 re.IGNORECASE), name


# --- what a present inhibitor does to the phase -----------------------------------------------


def test_a_coalition_whose_board_level_is_not_involved_is_not_in_phase_six(engine):
    best = highest(engine)
    assert engine.evaluate(answers(best)).assessment.phase == 6
    absent = best | {"niveau_strategisch": "nee", "bestuurlijke_opdracht": "nee"}
    result = engine.evaluate(answers(absent)).assessment
    assert statuses(engine, absent)["niveaus_ontbreken"] == "present"
    assert result.phase == 5
    # Every level is still met; the inhibitor holds the pillars it concerns, and says so.
    assert {p: result.pillars[p].levels_met for p in PILLARS} == dict.fromkeys(PILLARS, 6)
    assert {p: result.pillars[p].held_by for p in PILLARS} == {
        "people": ("niveaus_ontbreken",), "governance": ("niveaus_ontbreken",),
        "information": ()}
    assert result.pillars["information"].phase == 6


def test_a_present_inhibitor_never_lowers_a_phase_below_six(engine):
    best, worst = highest(engine), lowest(engine)
    # Levels 1-2 in place, the rest not: phase 3, with costs blocking combinations.
    values = {q.id: best[q.id] if q.phase <= 2 else worst[q.id]
              for q in engine.questions.questions}
    values |= {"kansen_kosten": "vaker"}
    result = engine.evaluate(answers(values)).assessment
    assert statuses(engine, values)["financiele_focus"] == "present"
    assert result.phase == 3
    assert all(result.pillars[p].held_by == () for p in PILLARS)


def test_only_inhibitors_hold_the_phase_and_each_says_why(engine):
    for signal in engine.model.signals:
        if signal.caps_phase is not None:
            assert signal.kind == "inhibitor" and signal.caps_phase == 5
            assert signal.caps_origin is not None and signal.caps_origin.why


# --- gates, levels and the robustness they give -----------------------------------------------


def test_gates_only_where_the_report_names_a_minimum(engine):
    gates = [q for q in engine.questions.questions if q.gate]
    assert [q.id for q in gates] == ["vast_overleg"]
    for question in gates:
        assert question.type != "scale"
        assert question.entry_condition is not None
        assert question.entry_condition.quote in (question.origin.quote or "")


def test_no_level_below_phase_five_rests_on_fewer_than_four_questions(engine):
    counts = Counter((q.pillar, q.phase) for q in engine.questions.questions if q.scored)
    thin = {level: n for level, n in counts.items() if level[1] <= 4 and n < 4}
    assert thin == {}


def test_design_integration_is_a_recorded_choice_never_a_gate(engine):
    questions = engine.questions.by_id()
    assert "ontwerpers_samen" not in questions
    assert questions["ontwerpwijze"].context
    for question_id in ("ontwerpwijze_afgesproken", "ontwerpdata_gedeeld", "aanbesteding_keuze"):
        assert questions[question_id].scored and not questions[question_id].gate
    assert "aannemer" not in questions["ontwerpdata_gedeeld"].text["nl"]


def test_motives_and_invented_instruments_are_gone(engine):
    questions = engine.questions.by_id()
    assert not {"kansen_afgeketst", "afwegingskader"} & set(questions)
    # What the inhibitor reads instead is a fact worth knowing, never scored.
    assert questions["kansen_kosten"].context


# --- advice that reads on its own --------------------------------------------------------------


def advice_texts(engine):
    """(where, language, text) of every advice text of the question set and the model."""
    for question in engine.questions.questions:
        for lang, text in (question.advice or {}).items():
            yield f"question {question.id}", lang, text
    for advice in engine.model.advice:
        for lang, text in advice.text.items():
            yield f"advice {advice.pillar}/{advice.phase}", lang, text
    for signal in engine.model.signals:
        for lang, text in signal.advice.items():
            yield f"signal {signal.id}", lang, text


POINTERS = {"nl": ("Deze", "Dit", "Die", "Dat", "Zo'n", "Ze", "Hij", "Zij", "Daar", "Hun"),
            "en": ("These", "This", "Those", "That", "Such", "They", "Their")}


def test_no_advice_or_question_starts_with_a_word_that_points_elsewhere(engine):
    texts = list(advice_texts(engine))
    texts += [(f"question {q.id}", lang, text) for q in engine.questions.questions
              for lang, text in q.text.items()]
    pointing = [(where, text[:40]) for where, lang, text in texts
                if text.split()[0] in POINTERS[lang]]
    assert pointing == []


def test_no_sentence_appears_in_two_advice_texts(engine):
    seen: dict[tuple[str, str], str] = {}
    shared = []
    for where, lang, text in advice_texts(engine):
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            key = (lang, sentence.strip().lower())
            if key in seen and seen[key] != where:
                shared.append((seen[key], where, sentence))
            seen.setdefault(key, where)
    assert shared == []


def test_money_and_contract_advice_is_marked(engine):
    marked = {q.id: q.topic for q in engine.questions.questions if q.topic}
    assert marked == {"regie_kosten": "money", "verdeelsleutel": "money",
                      "kostenverevening": "money", "kostendata_open": "money",
                      "aanbesteding_keuze": "contract", "risicoverdeling": "contract"}
    assert {(a.pillar, a.phase): a.topic for a in engine.model.advice if a.topic} == {
        ("governance", 4): "money", ("governance", 5): "contract",
        ("information", 5): "contract"}
    assert {s.id: s.topic for s in engine.model.signals if s.topic} == {
        "financiele_focus": "money"}


# --- the catalogue's statements ---------------------------------------------------------------


def test_catalogue_statements_say_what_their_sources_say(engine):
    model = engine.model
    regie = model.instrument("gemeentelijke_regie").description["nl"]
    assert "geen aanvulling" not in regie and "coördinatiepunt" in regie
    game = model.instrument("samen_zonder_schade").description["nl"]
    assert "gedrag" in game and "schade aan kabels" not in game
    platform = model.instrument("planningsplatform").description["nl"]
    assert "Overal" not in platform and "(2021)" in platform
    # GROND'G contracts for network operators only: framework contracts, not joint tendering
    # with a municipality; its seven operators are sourced.
    grondg = model.example("grondg")
    assert not [f for f in grondg.facts if "gezamenlijk_aanbesteden" in f.instruments]
    assert any("vangelder.com" in f.source and "Coteq" in f.text["nl"] for f in grondg.facts)
    # Each Zeeland municipality adopts its own AVOI.
    zeeland = " ".join(f.text["nl"] for f in model.example("zeeland_azon").facts)
    assert "gezamenlijke AVOI" not in zeeland and "eigen AVOI" in zeeland
    # Tilburg's facts say what their sources say, and only one coalition is documented as
    # aligning plans before it signed a covenant.
    tilburg = " ".join(f.text["nl"] for f in model.example("tilburg").facts)
    assert "legt vooral het werkproces vast" not in tilburg
    assert "al jaren samen" not in tilburg
    assert "sommige samenwerkingen" not in model.signals[1].description["nl"]
    shared_manager = [f for f in model.example("tilburg").facts
                      if "omgevingsmanager" in f.instruments]
    assert shared_manager == []


def test_legal_frameworks_show_no_tendering_example(engine):
    shown = set(engine.questions.by_id()["wettelijke_kaders"].instruments)
    examples = {example.id for instrument in shown
                for example, _ in engine.model.examples_of(instrument)}
    assert "groningen" not in examples and "grondg" not in examples


def test_the_financial_inhibitor_is_advised_soft_side_first(engine):
    # The report: start from the value for society; talking money early polarises.
    advice = next(s for s in engine.model.signals if s.id == "financiele_focus").advice
    assert advice["nl"].index("bewoners") < advice["nl"].index("verdeelsleutel")
    assert advice["en"].index("residents") < advice["en"].index("cost-split key")


def test_without_a_joint_project_the_agenda_never_ranks_a_project_question(engine):
    from stimulering.core.coalition import consensus

    project = [q.id for q in engine.questions.questions if q.when is not None
               and "gezamenlijke_projecten" in conditions.referenced_questions(q.when)]
    best, worst = highest(engine), lowest(engine)
    base = best | {"gezamenlijke_projecten": "geen"}
    files = [answers(base | {q: (best if i % 2 else worst)[q] for q in project},
                     respondent={"organisation": name, "role": role, "level": "tactisch"})
             for i, (name, role) in enumerate([("Gemeente Rivierstad", "gemeente"),
                                               ("Stroomnet", "netbeheerder"),
                                               ("Bronwater", "drinkwaterbedrijf")])]
    agenda = consensus(engine.scorer, files, limit=None)
    assert not {topic.question for topic in agenda.topics} & set(project)
