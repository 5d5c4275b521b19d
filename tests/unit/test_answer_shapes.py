"""Answers of the wrong shape: found by a plain loop, with the messages pydantic's errors give.

Pydantic reports each member of an answer's union (five errors for ``[1]``); 50,000 such
answers took 11.8 s to list. ``answer_shape_problems`` finds them directly; here it is
held to the slow path's exact problems for any values, and the rest of the file is
still checked.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from stimulering.model import Answers
from stimulering.sources.locate import answer_shape_problems, validation_problems
from stimulering.sources.yaml_text import parse_yaml

HEAD = {"stimulering_answers": 1, "coalition": "Rivierstad",
        "respondent": {"organisation": "Stroomnet", "role": "netbeheerder", "level": "tactisch"},
        "date": dt.date(2026, 11, 28)}

SCALARS = st.one_of(st.integers(-5, 5), st.booleans(), st.none(), st.text(max_size=3),
                    st.floats(-1, 1), st.dates())
WRONG = st.one_of(
    st.booleans(), st.dates(),
    st.dictionaries(st.text("ab", min_size=1, max_size=2), SCALARS, min_size=1, max_size=2),
    st.lists(SCALARS, min_size=1, max_size=4).filter(
        lambda items: not all(isinstance(item, str) for item in items)),
    st.lists(st.lists(st.text(max_size=2), max_size=2), min_size=1, max_size=2),
)


def slow_and_fast(data: dict) -> tuple[list[str], list[str] | None]:
    document = parse_yaml(yaml.safe_dump(data, allow_unicode=True), "antwoorden.yaml")
    with pytest.raises(ValidationError) as caught:
        Answers.model_validate(document.data)
    slow = sorted(map(str, validation_problems(document, caught.value)))
    fast = answer_shape_problems(document)
    return slow, None if fast is None else sorted(map(str, fast))


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), WRONG,
                       min_size=1, max_size=4),
       st.booleans())
def test_wrong_answers_get_the_problems_pydantic_names(answers, broken_elsewhere):
    data = {**HEAD, "answers": {"vast_overleg": "ja", **answers}}
    if broken_elsewhere:  # a problem outside the answers is still found
        data["respondent"] = {"organisation": "", "role": "provincie", "level": "tactisch"}
    slow, fast = slow_and_fast(data)
    assert fast == slow


def test_files_without_such_answers_take_the_usual_way():
    data = {**HEAD, "answers": {"Vast_Overleg": [1], "vast_overleg": 3.5}}
    document = parse_yaml(yaml.safe_dump(data), "antwoorden.yaml")
    # A key that is no id is left to pydantic, which names the key and the value.
    assert answer_shape_problems(document) is None


def test_many_wrong_answers_are_each_located():
    text = ("stimulering_answers: 1\ncoalition: Rivierstad\n"
            "respondent: {organisation: Stroomnet, role: netbeheerder, level: tactisch}\n"
            "date: 2026-11-28\nanswers:\n" + "".join(f"  q{n}: [{n}]\n" for n in range(3000)))
    problems = answer_shape_problems(parse_yaml(text, "veel.yaml"))
    assert problems is not None and len(problems) == 6000
    assert [str(problem) for problem in problems[:2]] == [
        "veel.yaml:6:7: q0: answers.q0: Input should be a valid integer, a valid number or a "
        "valid string, not a list",
        "veel.yaml:6:8: q0: answers.q0[0]: Input should be a valid string, not a number"]
    assert str(problems[-1]).startswith("veel.yaml:3005:11: q2999: answers.q2999[0]: ")
