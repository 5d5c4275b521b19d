"""Property tests on the shipped question set: monotonic phases, determinism, round trips."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import answers, every_answer
from stimulering.core.conditions import referenced_questions
from stimulering.core.scoring import item_score
from stimulering.model import PILLARS, Answers, Question
from stimulering.report.json import render_assessment_json
from stimulering.session.store import answers_yaml
from stimulering.sources.engine import load
from stimulering.sources.locate import validate_document
from stimulering.sources.yaml_text import parse_yaml

ENGINE = load()
QUESTIONS = ENGINE.questions.questions
SCORED = [q for q in QUESTIONS if q.scored]
REFERENCED = set().union(*(referenced_questions(q.when) for q in QUESTIONS if q.when),
                         *(referenced_questions(s.when) for s in ENGINE.model.signals))
FREE = [q for q in SCORED if q.id not in REFERENCED]
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def plain_for(q: Question) -> st.SearchStrategy[Any]:
    """A valid answer to ``q`` other than weet_niet or nvt."""
    if q.type == "scale":
        plain: st.SearchStrategy[Any] = st.integers(1, 5)
    elif q.type == "yesno":
        plain = st.sampled_from(["ja", "deels", "nee"])
    elif q.type == "choice":
        plain = st.sampled_from([o.id for o in q.options or []])
    elif q.type == "multi":
        # An exclusive option (such as "geen") is chosen alone or not at all.
        alone = [[o.id] for o in q.options or [] if o.exclusive]
        shared = [o.id for o in q.options or [] if not o.exclusive]
        together = st.lists(st.sampled_from(shared), unique=True)
        plain = st.one_of(together, st.sampled_from(alone)) if alone else together
    elif q.type == "number":
        low = min((b.min for b in q.bands or []), default=0)
        plain = st.integers(int(low), int(low) + 40)
    else:
        return st.text(max_size=40)
    return plain


def values_for(q: Question) -> st.SearchStrategy[Any]:
    if q.type == "text":
        return plain_for(q)
    plain = plain_for(q)
    return st.one_of(plain, plain, plain, st.sampled_from(["weet_niet", "nvt"]))


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, Any]:
    values = {}
    for q in QUESTIONS:
        if draw(st.integers(0, 9)) == 0:
            continue  # left open
        values[q.id] = draw(values_for(q))
    return values


def ends(result: Any) -> list[tuple[int, int]]:
    """The coalition's and each pillar's (low, high) ends."""
    ranges = [result.phase_range, *(result.pillars[p].phase_range for p in PILLARS)]
    return [(r.low, r.high) for r in ranges]


@SETTINGS
@given(data=st.data(), values=answer_sets())
def test_raising_one_answer_never_lowers_either_end_of_a_phase(data, values):
    question = data.draw(st.sampled_from(FREE))
    # Only a raise of a score counts: answering an open or unknown item adds evidence,
    # which may rightly lower a level's mean. So the item has a plain answer before.
    low, high = sorted((data.draw(plain_for(question)), data.draw(plain_for(question))),
                       key=lambda v: item_score(question, v))
    before = ENGINE.evaluate(answers(values | {question.id: low})).assessment
    after = ENGINE.evaluate(answers(values | {question.id: high})).assessment
    for (low_before, high_before), (low_after, high_after) in zip(
            ends(before), ends(after), strict=True):
        assert low_after >= low_before and high_after >= high_before


@SETTINGS
@given(data=st.data(), values=answer_sets())
def test_answering_an_unknown_question_narrows_the_range(data, values):
    unknown = [q for q in FREE if values.get(q.id) in (None, "weet_niet")]
    if not unknown:
        return
    question = data.draw(st.sampled_from(unknown))
    before = ENGINE.evaluate(answers(values)).assessment
    after = ENGINE.evaluate(answers(values | {question.id: data.draw(plain_for(question))}))
    for (low_before, high_before), (low_after, high_after) in zip(
            ends(before), ends(after.assessment), strict=True):
        assert low_before <= low_after <= high_after <= high_before


def completed(values: dict[str, Any], pick_score: Any) -> dict[str, Any]:
    """The answers with every unknown scored answer replaced by its lowest or highest."""
    done = dict(values)
    for q in SCORED:
        if values.get(q.id) in (None, "weet_niet"):
            done[q.id] = pick_score(every_answer(q), key=lambda v, q=q: item_score(q, v))
    return done


@SETTINGS
@given(values=answer_sets())
def test_each_end_is_the_phase_of_the_answers_completed_at_that_end(values):
    result = ENGINE.evaluate(answers(values)).assessment
    lowest = ENGINE.evaluate(answers(completed(values, min))).assessment
    highest = ENGINE.evaluate(answers(completed(values, max))).assessment
    assert [low for low, _ in ends(result)] == [low for low, _ in ends(lowest)]
    assert [high for _, high in ends(result)] == [high for _, high in ends(highest)]
    assert lowest.phase is not None and highest.phase is not None


@SETTINGS
@given(values=answer_sets())
def test_same_input_gives_byte_identical_json(values):
    first = render_assessment_json(ENGINE.evaluate(answers(values)), "nl")
    second = render_assessment_json(ENGINE.evaluate(answers(dict(reversed(values.items())))), "nl")
    assert first == second


notes = st.dictionaries(st.sampled_from([q.id for q in QUESTIONS]),
                        st.text(min_size=1, max_size=60), max_size=4)


@SETTINGS
@given(values=answer_sets(), notes=notes,
       coalition=st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != ""),
       date=st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
def test_answers_round_trip_through_the_file_format(values, notes, coalition, date):
    original = answers(values, notes=notes, coalition=coalition, date=date,
                       targets={"people": 3})
    text = answers_yaml(original)
    loaded = validate_document(parse_yaml(text, "answers.yaml"), Answers)
    assert loaded == original
