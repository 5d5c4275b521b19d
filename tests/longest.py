"""An answers file with every user text at its longest, from the limits in ``model.py``.

``text_limits`` reads the pydantic models: every text field with a ``max_length`` (ids,
which follow a pattern, are not free text) and the limit of an open question's answer.
``longest_answers`` fills each of them at its limit; ``FILLED`` names what it fills, and
a test holds the two to each other, so a new limit cannot be left out unseen.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from builders import highest
from stimulering.model import ITEM_ID_PATTERN, TEXT_ANSWER_MAX, Answers

END = "EINDE"
"""The last word of every long text, so that a reader can see the text arrived whole."""


def _constraints(metadata: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        for constraint in item.metadata if isinstance(item, FieldInfo) else [item]:
            for name in ("max_length", "pattern"):
                if getattr(constraint, name, None) is not None:
                    found[name] = getattr(constraint, name)
    return found


def _walk(annotation: Any, path: str, found: dict[str, int]) -> None:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        limits = _constraints(metadata)
        if base is str and "max_length" in limits and limits.get("pattern") != ITEM_ID_PATTERN:
            found[path] = limits["max_length"]
        else:
            _walk(base, path, found)
    elif origin in (Union, types.UnionType):
        for member in get_args(annotation):
            _walk(member, path, found)
    elif origin is list:
        _walk(get_args(annotation)[0], f"{path}[]", found)
    elif origin is dict:
        key, value = get_args(annotation)
        _walk(key, f"{path}{{key}}", found)
        _walk(value, f"{path}{{}}", found)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            field = Annotated[(info.annotation, *info.metadata)] if info.metadata \
                else info.annotation
            _walk(field, f"{path}.{name}" if path else name, found)


def text_limits() -> dict[str, int]:
    """Every free text of an answers file and its longest length: ``{"coalition": 200, ...}``."""
    found: dict[str, int] = {}
    _walk(Answers, "", found)
    found["answers{text}"] = TEXT_ANSWER_MAX
    return found


def text(length: int, seed: str = "Rivierstad") -> str:
    """A text of exactly ``length`` characters: words, one long unbroken word, and ``END``."""
    words = f"{seed} werkt samen met Stroomnet en Bronwater aan de ondergrond " \
            f"{'graafrustafsprakenkalender' * 3} 2027-03-01 contactpersonen_bekend "
    body = (words * (length // len(words) + 1))[:length - len(END) - 1].rstrip()
    return (body + " " * (length - len(body) - len(END)) + END)[:length]


FILLED = {"coalition", "respondent.organisation", "round", "notes{}", "actions[].what",
          "actions[].owner", "consensus.partners[]", "consensus.topics{}{key}",
          "consensus.notes{}{key}", "consensus.notes{}{}", "answers{text}"}
"""The paths of ``text_limits`` that ``longest_answers`` fills."""


def longest_answers(engine: Any, organisation: str = "Stroomnet") -> dict[str, Any]:
    """An answers file (as data) with every user text at its longest."""
    limits = text_limits()
    values = highest(engine)
    texts = [q.id for q in engine.questions.questions if q.type == "text"]
    for question_id in texts:
        values[question_id] = text(limits["answers{text}"], question_id)
    notes = {q.id: text(limits["notes{}"], q.id) for q in engine.questions.questions[:3]}
    partner = text(limits["consensus.partners[]"], "Partner")
    other = text(limits["consensus.topics{}{key}"], "Ander")
    first = engine.questions.questions[0]
    return {
        "stimulering_answers": 1,
        "coalition": text(limits["coalition"]),
        "respondent": {"organisation": text(limits["respondent.organisation"], organisation),
                       "role": "netbeheerder", "level": "tactisch"},
        "date": "2026-11-28",
        "round": text(limits["round"], "najaar"),
        "lang": "nl",
        "answers": values,
        "notes": notes,
        "targets": {"people": 6, "governance": 6, "information": 6},
        "actions": [{"what": text(limits["actions[].what"], "Actie"),
                     "owner": text(limits["actions[].owner"], "Eigenaar"),
                     "due": "2027-03-01", "item": first.id}],
        "consensus": {"partners": [partner, other],
                      "topics": {first.id: {partner: values[first.id],
                                            other: values[first.id]}},
                      "notes": {first.id: {text(limits["consensus.notes{}{key}"], "Partner"):
                                           text(limits["consensus.notes{}{}"], "bewijs")}}},
    }
