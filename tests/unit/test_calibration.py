"""Calibration: fictional coalitions whose stories place them on the ladder, whatever is assumed.

The cases, their facts, assumptions and ranges are in tests/calibration/cases.yaml. Every
answer of a case is a fact of its story or an assumption; the phase must stay within the
stated range with every assumption at its lowest and at its highest score, so the verdict
rests on the facts alone.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from paths import CALIBRATION, DATA, ROOT
from stimulering.model import Answers, Question

CASES: dict[str, Any] = yaml.safe_load((CALIBRATION / "cases.yaml").read_text(encoding="utf-8"))
NAMES = [case["file"] for case in CASES["cases"]]


def extreme(question: Question, high: bool) -> Any:
    """The answer to a scored question with its highest (or lowest) score."""
    if question.type == "scale":
        return 5 if high else 1
    if question.type == "yesno":
        return "ja" if high else "nee"
    if question.type == "choice":
        ranked = sorted(question.options or [], key=lambda option: option.score or 0.0)
        return (ranked[-1] if high else ranked[0]).id
    if question.type == "number":
        bands = sorted(question.bands or [], key=lambda band: band.score)
        return (bands[-1] if high else bands[0]).min
    raise AssertionError(f"{question.id}: no extreme for a {question.type} question")


@pytest.fixture(scope="module")
def files(engine) -> dict[str, Answers]:
    return {name: engine.read_answers(CALIBRATION / name) for name in NAMES}


def phase_of(engine, answers: Answers, changes: dict[str, Any] | None = None) -> int | None:
    values = {**answers.answers, **(changes or {})}
    return engine.scorer.assess(answers.model_copy(update={"answers": values})).phase


@pytest.mark.parametrize("case", CASES["cases"], ids=NAMES)
def test_each_case_lands_in_its_range(case, engine, files):
    low, high = case["phase"]
    assert 1 <= low <= high <= 6
    assert low <= (phase_of(engine, files[case["file"]]) or 0) <= high, case["why"]


@pytest.mark.parametrize("case", CASES["cases"], ids=NAMES)
def test_every_answer_is_a_fact_with_a_source_or_an_assumption(case, engine, files):
    assert case["why"].strip()
    given = {qid for qid, value in files[case["file"]].answered().items()
             if engine.questions.by_id()[qid].type != "text"}
    from_facts = [qid for item in case["facts"] for qid in item["answers"]]
    for item in case["facts"]:
        assert item["fact"].strip() and item["source"].strip(), item
    assert len(from_facts) == len(set(from_facts)), "an answer belongs to two facts"
    assert not set(from_facts) & set(case["assumed"]), "an answer is both fact and assumption"
    assert set(from_facts) | set(case["assumed"]) == given


@pytest.mark.parametrize("case", CASES["cases"], ids=NAMES)
@pytest.mark.parametrize("high", [False, True], ids=["assumptions-lowest", "assumptions-highest"])
def test_the_range_holds_with_every_assumption_at_an_extreme(case, engine, files, high):
    questions = engine.questions.by_id()
    changes = {qid: extreme(questions[qid], high) for qid in case["assumed"]
               if questions[qid].scored}
    low, top = case["phase"]
    placed = phase_of(engine, files[case["file"]], changes)
    assert placed is not None and low <= placed <= top, (case["file"], placed, case["why"])


def test_every_answers_file_in_the_folder_is_a_case():
    assert sorted(p.name for p in CALIBRATION.glob("*.yaml") if p.name != "cases.yaml") == \
        sorted(NAMES)


def test_coalitions_further_along_are_placed_higher(engine, files):
    # E-mail only < a signed declaration of intent < a convenant with a joint coordination
    # point < a renewed convenant with joint projects.
    phases = [phase_of(engine, files[name]) for name in CASES["order"]]
    assert None not in phases
    assert phases == sorted(set(phases)), dict(zip(CASES["order"], phases, strict=True))


def test_the_financial_inhibitor_fires_rarely_and_where_it_clearly_should(engine, files):
    present = [name for name, answers in files.items()
               if {s.id: s.status for s in engine.scorer.assess(answers).signals}
               ["financiele_focus"] == "present"]
    assert present == ["zandhoven.yaml"]


def test_no_case_fixture_or_example_report_names_a_real_coalition_or_company(engine):
    real = set()
    for example in engine.model.examples:
        names = [example.coalition.split(" (")[0], *example.parties]
        real |= {name.removeprefix("Gemeente ").strip() for name in names}
    real -= {"Zeeuwse gemeenten (13)", "Stichting GROND'G"}
    texts = {path.name: path.read_text(encoding="utf-8")
             for path in [*CALIBRATION.glob("*.yaml"), *(DATA / "reports").glob("*.yaml"),
                          ROOT / "docs" / "example-report.md"] if path.name != "cases.yaml"}
    texts["cases.yaml facts"] = " ".join(fact["fact"] for case in CASES["cases"]
                                         for fact in case["facts"])
    named = {(where, name) for where, text in texts.items() for name in real
             if re.search(rf"\b{re.escape(name)}\b", text)}
    assert named == set()
