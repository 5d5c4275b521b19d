"""The shipped question set and model: coverage rules and the phase ladder end to end."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from builders import answers
from conftest import highest, lowest
from stimulering.model import PILLARS


@pytest.fixture(scope="module")
def listing(engine):
    from stimulering.report.json import questions_data

    return questions_data(engine.questions, engine.sha256, "nl")


def test_shipped_files_validate(cli):
    result = cli("validate")
    assert result.stdout == ""
    assert "ok:" in result.stderr


def test_question_count_and_types(listing):
    scored = [q for q in listing["questions"] if q["type"] != "text"]
    assert 36 <= len(scored) <= 54
    assert any(q["type"] == "text" for q in listing["questions"])
    for q in listing["questions"]:
        assert 1 <= q["phase"] <= 6
        if q["type"] in ("scale", "yesno", "choice", "multi"):
            assert q["options"], q["id"]
            assert all(0 <= o["score"] <= 1 for o in q["options"])
        if q["type"] == "scale":
            assert [o["value"] for o in q["options"]] == [1, 2, 3, 4, 5]
        if q["type"] == "number":
            assert q["bands"], q["id"]


def test_every_level_has_two_scored_items_one_without_condition(listing):
    for pillar in PILLARS:
        for phase in range(1, 7):
            level = [q for q in listing["questions"] if q["pillar"] == pillar
                     and q["phase"] == phase and q["type"] != "text"]
            assert len(level) >= 2, (pillar, phase)
            assert any(q["when"] is None for q in level), (pillar, phase)


def test_every_category_has_two_scored_items(listing, engine):
    counts = Counter(q["category"] for q in listing["questions"] if q["type"] != "text")
    for category in engine.model.categories:
        assert counts[category.id] >= 2, category.id


def test_every_item_has_help_in_both_languages(engine):
    for q in engine.questions.questions:
        assert q.help.get("nl") and q.help.get("en"), q.id
        assert q.text.get("nl") and q.text.get("en"), q.id


def test_reverse_items_are_scored_backwards(listing):
    reverse = [q for q in listing["questions"] if q["reverse"]]
    assert reverse
    for q in reverse:
        assert q["options"][0]["score"] == 1.0 and q["options"][-1]["score"] == 0.0


@pytest.mark.parametrize("k", range(6))
def test_phases_one_to_k_highest_others_lowest_gives_phase_k_plus_one(engine, k):
    best, worst = highest(engine), lowest(engine)
    values = {q.id: best[q.id] if q.phase <= k else worst[q.id]
              for q in engine.questions.questions}
    result = engine.evaluate(answers(values)).assessment
    assert {p: result.pillars[p].phase for p in PILLARS} == {p: k + 1 for p in PILLARS}
    assert {result.pillars[p].levels_met for p in PILLARS} == {k}


def test_all_highest_gives_phase_six_complete(engine):
    result = engine.evaluate(answers(highest(engine))).assessment
    assert result.phase == 6
    assert {result.pillars[p].levels_met for p in PILLARS} == {6}


def test_all_dont_know_gives_phase_one_with_a_warning(engine):
    values = {q.id: "weet_niet" for q in engine.questions.questions if q.scored}
    result = engine.evaluate(answers(values)).assessment
    assert result.phase == 1
    assert "unknown_items" in [w.code for w in result.warnings]


def test_all_highest_all_catalysts_present_no_inhibitors(engine):
    result = engine.evaluate(answers(highest(engine))).assessment
    assert [s.status for s in result.catalysts] == ["present"] * 4
    assert [s.status for s in result.inhibitors] == ["absent"] * 2


def test_all_lowest_no_catalysts_both_inhibitors(engine):
    result = engine.evaluate(answers(lowest(engine))).assessment
    assert [s.status for s in result.catalysts] == ["absent"] * 4
    assert [s.status for s in result.inhibitors] == ["present"] * 2


@pytest.mark.parametrize("k", range(6))
def test_every_pillar_below_six_gets_advice_naming_catalogue_instruments(engine, k):
    best, worst = highest(engine), lowest(engine)
    values = {q.id: best[q.id] if q.phase <= k else worst[q.id]
              for q in engine.questions.questions}
    evaluation = engine.evaluate(answers(values))
    catalogue = {i.id for i in engine.model.instruments}
    for pillar in PILLARS:
        items = evaluation.advice[pillar]
        assert items, pillar
        named = [i for item in items for i in item.instruments]
        assert len(named) == len(set(named)), pillar
        assert set(named) <= catalogue


def test_json_output_is_byte_identical_across_runs(cli, write_answers, engine):
    path = write_answers(highest(engine) | {"vast_overleg": "weet_niet"})
    first = cli("assess", "--answers", str(path), "--format", "json").stdout
    second = cli("assess", "--answers", str(path), "--format", "json").stdout
    assert first == second
    data = json.loads(first)
    assert set(data) >= {"coalition", "date", "question_set", "phase", "pillars", "catalysts",
                         "inhibitors", "advice", "warnings"}
