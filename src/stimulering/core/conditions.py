"""The ``when`` mini-language: three-valued evaluation and validation.

A condition compares answer *values*, never scores. When the answer it looks
at is unknown (hidden, unanswered, don't know, not applicable) the comparison
is unknown (``None``), and ``all`` / ``any`` / ``not`` follow Kleene's
three-valued logic: false and unknown is false, true or unknown is true.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from stimulering.model import (
    AllOf,
    AnswerValue,
    AnyOf,
    Comparison,
    Condition,
    Not,
    Question,
)

Truth = bool | None
"""True, false or unknown."""

ValueLookup = Callable[[str], AnswerValue]
"""Gives the known answer value of a question id, or ``None`` when it is unknown."""

Location = tuple[int | str, ...]


def evaluate(condition: Condition, value_of: ValueLookup) -> Truth:
    """Evaluate a condition against known answer values."""
    if isinstance(condition, Comparison):
        return _compare(condition, value_of(condition.question))
    if isinstance(condition, AllOf):
        results = [evaluate(part, value_of) for part in condition.all]
        if any(result is False for result in results):
            return False
        return None if any(result is None for result in results) else True
    if isinstance(condition, AnyOf):
        results = [evaluate(part, value_of) for part in condition.any]
        if any(result is True for result in results):
            return True
        return None if any(result is None for result in results) else False
    result = evaluate(condition.not_, value_of)
    return None if result is None else not result


def _compare(test: Comparison, value: AnswerValue) -> Truth:
    if value is None:
        return None
    if isinstance(value, list):
        if test.equals is not None:
            return test.equals in value
        if test.in_ is not None:
            return any(choice in value for choice in test.in_)
        return None
    if test.equals is not None:
        return bool(value == test.equals)
    if test.in_ is not None:
        return value in test.in_
    if isinstance(value, str):
        return None
    if test.at_least is not None:
        return value >= test.at_least
    if test.at_most is not None:
        return value <= test.at_most
    return None  # pragma: no cover - a comparison always has one test


def comparisons(condition: Condition, location: Location) -> Iterator[tuple[Comparison, Location]]:
    """Every comparison inside a condition, with its location in the document."""
    if isinstance(condition, Comparison):
        yield condition, location
    elif isinstance(condition, AllOf):
        for index, part in enumerate(condition.all):
            yield from comparisons(part, (*location, "all", index))
    elif isinstance(condition, AnyOf):
        for index, part in enumerate(condition.any):
            yield from comparisons(part, (*location, "any", index))
    elif isinstance(condition, Not):
        yield from comparisons(condition.not_, (*location, "not"))


def referenced_questions(condition: Condition) -> set[str]:
    """Ids of the questions a condition looks at."""
    return {test.question for test, _ in comparisons(condition, ())}


def allowed_values(question: Question) -> list[int | str] | None:
    """The answer values a question accepts, or ``None`` for number and text items."""
    return list(question.option_values) or None


def check(
    condition: Condition, location: Location, known: Mapping[str, Question], *, scope: str
) -> list[tuple[Location, str]]:
    """Problems with a condition: unknown questions, impossible values, wrong comparisons.

    ``known`` holds the questions the condition may refer to; ``scope`` says
    which those are, for the message ("an earlier question").
    """
    problems: list[tuple[Location, str]] = []
    for test, where in comparisons(condition, location):
        question = known.get(test.question)
        if question is None:
            problems.append(((*where, "question"),
                             f"refers to {test.question!r}, which is not {scope}"))
            continue
        if question.type == "text":
            problems.append(((*where, "question"),
                             f"refers to text question {test.question!r}, which has no values"))
            continue
        numeric = question.type in ("scale", "number")
        if (test.at_least is not None or test.at_most is not None) and not numeric:
            problems.append((where, f"at_least / at_most need a scale or number question; "
                                    f"{test.question!r} is {question.type}"))
            continue
        allowed = allowed_values(question)
        values = [test.equals] if test.equals is not None else list(test.in_ or [])
        for value in values:
            if question.type == "number":
                if isinstance(value, str):
                    problems.append((where, f"{value!r} is not a number ({test.question!r} "
                                            "is a number question)"))
            elif allowed is not None and value not in allowed:
                shown = ", ".join(str(choice) for choice in allowed)
                problems.append((where, f"{value!r} is not a value of {test.question!r} "
                                        f"(allowed: {shown})"))
    return problems


def describe(condition: Condition) -> str:
    """A condition in plain, language-neutral words, for messages: ``regie_bij in [a, b]``."""
    if isinstance(condition, Comparison):
        if condition.at_least is not None:
            return f"{condition.question} >= {condition.at_least}"
        if condition.at_most is not None:
            return f"{condition.question} <= {condition.at_most}"
        if condition.equals is not None:
            return f"{condition.question} = {condition.equals}"
        return f"{condition.question} in [{', '.join(map(str, condition.in_ or []))}]"
    if isinstance(condition, AllOf):
        return " and ".join(_part(part) for part in condition.all)
    if isinstance(condition, AnyOf):
        return " or ".join(_part(part) for part in condition.any)
    return f"not {_part(condition.not_)}"


def _part(condition: Condition) -> str:
    text = describe(condition)
    return f"({text})" if isinstance(condition, (AllOf, AnyOf)) else text
