"""Advice that fits the answers: stages, the soft side first, nothing that is done, once."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from builders import TEXT, answers, model, question, question_set
from paths import CALIBRATION, DATA
from stimulering.core.advice import advise, catalyst_phase, done, next_steps
from stimulering.core.results import evaluate
from stimulering.core.scoring import Scorer
from stimulering.report.common import advice_heading, advice_text
from stimulering.report.markdown import render_report_markdown


def signal(sid: str, kind: str, when: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": sid, "kind": kind, "name": {"nl": sid, "en": sid}, "description": TEXT,
            "when": when, "pillars": ["people"], "advice": {"nl": f"doe {sid}", "en": sid},
            **extra}


def scorer(questions: list[dict[str, Any]], signals: list[dict[str, Any]] | None = None,
           ) -> Scorer:
    return Scorer(question_set(questions), model(signals=signals))


def kinds(items: list[Any]) -> list[tuple[str, str, str]]:
    return [(item.kind, item.subject, item.stage) for item in items]


# --- stages ------------------------------------------------------------------------------------


def test_a_catalyst_of_a_later_phase_is_advised_under_later_and_never_as_a_first_step():
    # "soon" reads a phase-2 question, "far" a phase-4 one; the pillar is in phase 1.
    signals = [signal("soon", "catalyst", {"question": "b", "equals": "ja"}),
               signal("far", "catalyst", {"question": "d", "equals": "ja"})]
    s = scorer([question("a"), question("b", phase=2, type_="yesno"),
                question("d", phase=4, type_="yesno")], signals)
    assert [catalyst_phase(x, s.qset) for x in s.model.signals] == [2, 4]
    result = s.assess(answers({"a": 1, "b": "nee", "d": "nee"}))
    advice = advise(result, s.qset, s.model)["people"]
    assert kinds(advice) == [("low_item", "a", "now"), ("catalyst", "soon", "now"),
                             ("next_phase", "2", "next"), ("catalyst", "far", "later")]
    steps = next_steps(result, {"people": advice, "governance": [], "information": []},
                       limit=10)
    assert "far" not in [step.item.subject for step in steps]


def test_the_next_phase_paragraph_gives_way_to_its_open_questions_once_one_is_done():
    s = scorer([question("a"), question("b", phase=2, type_="yesno"),
                question("c", phase=2, type_="yesno")])
    nothing_done = advise(s.assess(answers({"a": 1, "b": "nee", "c": "deels"})), s.qset,
                          s.model)["people"]
    assert kinds(nothing_done)[-1] == ("next_phase", "2", "next")
    one_done = advise(s.assess(answers({"a": 1, "b": "ja", "c": "deels"})), s.qset,
                      s.model)["people"]
    assert [item for item in kinds(one_done) if item[2] == "next"] == [("next_item", "c", "next")]


# --- money and contracts wait for the soft side ------------------------------------------------


MONEY = [signal("geld", "inhibitor", {"question": "k", "equals": "nee"}, topic="money"),
         signal("rem", "inhibitor", {"question": "r", "equals": "nee"})]


def money_scorer() -> Scorer:
    return scorer([question("a"), question("k", type_="yesno", topic="money",
                                           advice={"nl": "kosten", "en": "costs"}),
                   question("r", type_="yesno")], MONEY)


def test_an_early_coalition_gets_no_money_or_contract_step_first_and_them_after_the_rest():
    s = money_scorer()
    result = s.assess(answers({"a": 1, "k": "nee", "r": "nee"}))
    assert result.phase == 1
    advice = advise(result, s.qset, s.model)
    now = [item for item in advice["people"] if item.stage == "now"]
    assert [(item.subject, item.topic) for item in now] == [
        ("rem", None), ("a", None), ("r", None), ("geld", "money"), ("k", "money")]
    steps = next_steps(result, advice, limit=10)
    assert [step.item.topic for step in steps] == [None] * len(steps)
    assert {step.item.subject for step in steps}.isdisjoint({"geld", "k"})


def test_a_coalition_further_along_takes_money_in_its_stride():
    s = money_scorer()
    values = {q.id: 5 for q in s.qset.questions if q.type == "scale"} | \
        {"k": "nee", "r": "ja", "people_4": 1}
    result = s.assess(answers(values))
    assert result.phase == 4
    steps = next_steps(result, advise(result, s.qset, s.model))
    assert steps[0].item.subject == "geld"


# --- nothing that is done, each text once ------------------------------------------------------


FILES = sorted(p for p in CALIBRATION.glob("*.yaml") if p.name != "cases.yaml") + \
    sorted((DATA / "reports").glob("*.yaml"))


def assert_nothing_done_is_advised(evaluation: Any) -> None:
    questions = evaluation.questions.by_id()
    items = evaluation.assessment.items
    for pillar, advice in evaluation.advice.items():
        for item in advice:
            if item.kind in ("gate", "low_item", "next_item", "unknown_item"):
                assert not done(questions[item.subject], items[item.subject].score), item
            if item.kind == "next_phase":
                level = [q for q in evaluation.questions.questions if q.scored
                         and q.pillar == pillar and q.phase == int(item.subject)]
                assert not any(done(q, items[q.id].score) for q in level if items[q.id].counts)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_no_advice_for_what_the_answers_show_is_done(engine, path):
    assert_nothing_done_is_advised(engine.evaluate_file(path))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_advice_for_what_is_done_whatever_the_answers(engine, data):
    values = {}
    for q in engine.questions.questions:
        if q.scored and data.draw(st.integers(0, 5)):
            values[q.id] = data.draw(st.sampled_from(
                [*(v for v in q.option_values), "weet_niet"] if q.option_values
                else ["weet_niet", *(b.min for b in q.bands or [])]))
    assert_nothing_done_is_advised(engine.evaluate(answers(values)))


def paragraphs(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(markdown)
    return [token.content for token in tokens if token.type == "inline"]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_advice_text_is_read_once_in_the_report(engine, path, lang):
    evaluation = engine.evaluate_file(path)
    report = "\n".join(paragraphs(render_report_markdown(evaluation, lang)))
    texts = {advice_text(item, lang) for advice in evaluation.advice.values()
             for item in advice} - {""}
    for text in texts:
        # Markdown escapes a few characters; the words are what a reader sees twice.
        plain = text.split(".")[0].replace("*", "")
        assert report.replace("\\", "").count(plain) == 1, text


def test_a_heading_states_the_answer_and_never_calls_partly_a_low_score(engine):
    values = {q.id: "deels" if q.type == "yesno" else q.option_values[0] if q.option_values
              else "weet_niet" for q in engine.questions.questions if q.scored}
    evaluation = engine.evaluate(answers(values))
    headings = [advice_heading(evaluation, item, lang) for advice in evaluation.advice.values()
                for item in advice for lang in ("nl", "en")]
    assert not [h for h in headings if "score" in h.lower()]
    partly = [h for h in headings if "(nu: deels)" in h]
    assert partly and all(h.startswith(("Nog niet op orde", "Nodig om", "Wat fase"))
                          for h in partly)


def test_an_open_pillar_is_told_which_unknown_answers_to_find_out(engine):
    values = {q.id: "weet_niet" for q in engine.questions.questions if q.scored}
    result = engine.scorer.assess(answers(values | {"vast_overleg": "ja"}))
    evaluation = evaluate(answers(values), result, engine.questions, engine.model,
                          engine.scorer)
    found = [item.subject for item in evaluation.advice["people"]
             if item.kind == "unknown_item"]
    assert found == list(evaluation.verdict.pillar_unknown["people"])
    assert found and all(advice_text(item, "nl") == "" for item in evaluation.advice["people"]
                         if item.kind == "unknown_item")
