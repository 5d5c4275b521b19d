"""A number is accepted by the interview exactly when an answers file may hold it.

Both ask the one predicate on ``Question``; they only word the refusal their own way.
"""

from __future__ import annotations

import math

import pytest

from builders import question, question_set
from stimulering.core.interview import Invalid, Value, parse_input

BANDS = [{"min": 0, "max": 5, "score": 0.0}, {"min": 10, "score": 1.0}]


@pytest.fixture(scope="module")
def numbers():
    qs = question_set([question("hoeveel", type_="number", bands=BANDS),
                       question("jaren", type_="number", context=True)])
    return {q.id: q for q in qs.questions}


TYPED = {"-1": -1, "0": 0, "4,5": 4.5, "4.5": 4.5, "5": 5, "7": 7, "10": 10, "250": 250,
         "1e400": math.inf}


@pytest.mark.parametrize("qid", ["hoeveel", "jaren"])
@pytest.mark.parametrize("typed", sorted(TYPED))
def test_the_interview_and_the_answers_file_accept_the_same_numbers(numbers, qid, typed):
    asked = numbers[qid]
    parsed = parse_input(asked, typed, "nl")
    refused_in_file = asked.answer_problem(TYPED[typed]) is not None
    assert isinstance(parsed, Invalid) == refused_in_file
    if isinstance(parsed, Value):
        assert parsed.value == TYPED[typed]


def test_the_refusals_of_a_banded_number_name_the_bands(numbers):
    assert numbers["hoeveel"].answer_problem(7) == \
        "7 is outside every score band ([0, 5), [10, ∞))"
    assert numbers["jaren"].answer_problem(-1) == \
        "expected a number of 0 or more or weet_niet / nvt, got -1"
    refused = parse_input(numbers["hoeveel"], "7", "en")
    assert isinstance(refused, Invalid)
    assert refused.message == "7 is outside the range of this question (0–5, 10+)."
