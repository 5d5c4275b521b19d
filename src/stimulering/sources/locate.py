"""Locating problems in a parsed document: line, column and id of a path into it.

Pydantic errors are rendered from their location and message only, never from
the (possibly huge) input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from stimulering.errors import CheckResult, InvalidInputError, Problem
from stimulering.model import ITEM_ID_PATTERN, Answers

Location = tuple[int | str, ...]
"""A path into a document, as pydantic reports it: keys and list indexes."""

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Document:
    """A parsed YAML document with the node tree kept to locate problems."""

    path: str
    """Name of the file as the user gave it."""
    data: Any
    """The plain Python data (dicts, lists, scalars)."""
    root: yaml.Node | None
    """The YAML node tree, for line and column look-ups."""
    _keys: dict[int, dict[str, yaml.Node]] = field(default_factory=dict, init=False,
                                                   repr=False, compare=False)
    """The value node of each key, per mapping node looked into (built once per mapping)."""

    def locate(self, location: Location) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the deepest node that ``location`` reaches.

        Each mapping's keys are indexed the first time a location goes into it, so that
        locating every problem of a file with thousands of them stays linear.
        """
        node = self.root
        if node is None:
            return None, None
        mark = node.start_mark
        for step in location:
            child = self._child(node, step)
            if child is None:
                continue  # a pydantic union tag or a missing key: stay at the parent
            node, mark = child, child.start_mark
        return mark.line + 1, mark.column + 1

    def _child(self, node: yaml.Node, step: int | str) -> yaml.Node | None:
        if isinstance(node, yaml.MappingNode):
            keys = self._keys.get(id(node))
            if keys is None:
                keys = {}
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode):
                        keys.setdefault(key_node.value, value_node)  # the first one wins
                self._keys[id(node)] = keys
            return keys.get(str(step))
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int) \
                and 0 <= step < len(node.value):
            item: yaml.Node = node.value[step]
            return item
        return None

    def problem(self, location: Location, message: str, item_id: str | None = None) -> Problem:
        """A problem at ``location`` in this document."""
        line, column = self.locate(location)
        if item_id is None:
            item_id = item_id_at(self.data, location)
        return Problem(self.path, message, line, column, item_id)


def item_id_at(data: Any, location: Location) -> str | None:
    """The id a problem at ``location`` concerns: the item it is in, or the answer's key.

    The item is the outermost one with an ``id`` below the top of the file: a problem in
    a question's option names the question, as every other message does (the location
    names the option). The file's own ``id`` counts only where no item encloses the place.
    """
    top: str | None = data.get("id") if isinstance(data, dict) else None
    current = data
    parent_key: int | str | None = None
    for depth, step in enumerate(location):
        if isinstance(current, dict):
            if depth and isinstance(current.get("id"), str):
                return str(current["id"])
            if parent_key in ("answers", "notes") and isinstance(step, str):
                return step
            current = current.get(step)
        elif isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current):
            current = current[step]
        else:
            break
        parent_key = step
    if location and isinstance(current, dict) and isinstance(current.get("id"), str):
        return str(current["id"])
    return top if isinstance(top, str) else None


_KINDS: dict[type, str] = {
    str: "text", int: "a number", float: "a number", bool: "a true/false value",
    type(None): "empty (null)", list: "a list", dict: "a mapping",
    dt.date: "a date", dt.datetime: "a date and time",
}


def describe(value: Any) -> str:
    """What kind of YAML value ``value`` is, in words, for messages."""
    return _KINDS.get(type(value), f"a {type(value).__name__} value")


def validation_problems(document: Document, error: ValidationError) -> list[Problem]:
    """Turn a pydantic error into located problems: "file:line:column: id: field: message".

    The errors are read without their input, which may be huge or built from aliases.
    Pydantic names the member of a union it tried as an extra step of the location
    (``answers.x.int``, ``answers.x.str``, ...); such steps are dropped, and the messages
    of all members tried at one place are joined into one problem.
    """
    messages: dict[Location, list[str]] = {}
    for detail in error.errors(include_input=False, include_url=False, include_context=False):
        kind = detail["type"]
        location = _data_location(document.data, tuple(detail["loc"]), kind)
        message = detail["msg"].removeprefix("Value error, ")
        if kind == "string_pattern_mismatch" and ITEM_ID_PATTERN in message:
            message = "an id is snake_case: lower-case letters, digits and _, " \
                      "starting with a letter"
        if kind == "extra_forbidden":
            message = f"unknown key {location[-1]!r}"
        elif kind == "missing":
            message = f"missing key {location[-1]!r}"
        elif kind.endswith("_type"):
            value = _value_at(document.data, location)
            message = f"{message}, not {describe(value)}"
            if isinstance(value, bool):
                message += " (YAML reads an unquoted yes, no, on, off, true or false as " \
                           "true/false; put it in quotes)"
        known = messages.setdefault(location, [])
        if message not in known:
            known.append(message)
    problems = []
    for location, texts in messages.items():
        field_location = location[:-1] if texts[0].startswith(("unknown key", "missing key")) \
            else location
        text = texts[0] if len(texts) == 1 else _join_alternatives(texts)
        field = format_location(field_location)
        problems.append(document.problem(location, f"{field}: {text}" if field else text))
    return problems


def _join_alternatives(messages: list[str]) -> str:
    """``Input should be a valid integer`` and ``... a valid string`` as one message."""
    prefix = "Input should be "
    wanted = [message.removeprefix(prefix) for message in messages]
    if all(message.startswith(prefix) for message in messages):
        kinds = [text.split(", not ")[0] for text in wanted]
        got = wanted[0].split(", not ", 1)[1] if ", not " in wanted[0] else ""
        text = prefix + ", ".join(kinds[:-1]) + " or " + kinds[-1]
        return f"{text}, not {got}" if got else text
    return "; or ".join(messages)


def _data_location(data: Any, location: Location, kind: str) -> Location:
    """``location`` without the steps that name a union member instead of a key or index."""
    kept: list[int | str] = []
    current = data
    for position, step in enumerate(location):
        last = position == len(location) - 1
        if isinstance(current, dict) and step in current:
            kept.append(step)
            current = current[step]
        elif isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current):
            kept.append(step)
            current = current[step]
        elif last and kind == "missing" and isinstance(current, dict):
            kept.append(step)
        elif isinstance(current, dict) and isinstance(step, int):
            # A mapping with number keys: pydantic reports the key as it was.
            kept.append(step)
            current = current.get(step)
    return tuple(kept)


def _value_at(data: Any, location: Location) -> Any:
    current = data
    for step in location:
        if isinstance(current, dict):
            current = current.get(step)
        elif isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current):
            current = current[step]
        else:
            return None
    return current


def format_location(location: Sequence[int | str]) -> str:
    """``('questions', 3, 'when')`` as ``questions[3].when``."""
    text = ""
    for step in location:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else step
    return text


def validate_document(document: Document, model: type[ModelT]) -> ModelT:
    """Validate a parsed document as ``model``, raising located problems."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        raise InvalidInputError(_problems(document, model, error)) from None


def validated(document: Document, model: type[ModelT], result: CheckResult) -> ModelT | None:
    """A parsed document validated as ``model``, or ``None`` with its problems recorded."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        result.record(_problems(document, model, error))
        return None


def _problems(document: Document, model: type[BaseModel],
              error: ValidationError) -> list[Problem]:
    if model is Answers:
        found = answer_shape_problems(document)
        if found is not None:
            return found
    return validation_problems(document, error)


_ANY_ANSWER = "Input should be a valid integer, a valid number, a valid string or a valid list"
_ONE_ANSWER = "Input should be a valid integer, a valid number or a valid string"
_YAML_BOOLEAN = (" (YAML reads an unquoted yes, no, on, off, true or false as true/false; put "
                 "it in quotes)")
_ID = re.compile(ITEM_ID_PATTERN)


def _answer_shaped(value: Any) -> bool:
    """Whether ``value`` has the shape of an answer: a number, text, a list of texts or empty."""
    kind = type(value)
    if kind is str or kind is int or kind is float or value is None:
        return True
    return kind is list and all(type(item) is str for item in value)


def _not(value: Any) -> str:
    """", not a list" as the messages of ``validation_problems`` end."""
    text = f", not {describe(value)}"
    return text + _YAML_BOOLEAN if isinstance(value, bool) else text


def answer_shape_problems(document: Document) -> list[Problem] | None:
    """The problems of an answers file with answers of the wrong shape, found by a plain loop.

    ``None`` when no answer has the wrong shape. Pydantic reports every member of the
    answer's union for each such value (five errors for ``[1]``), which made 50,000 of
    them take many seconds; here each wrong answer gets its problems directly, with the
    very messages ``validation_problems`` gives, and the rest of the file is validated
    as usual. Answers under keys that are no id are left to pydantic, which names both.
    """
    data = document.data
    given = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(given, dict):
        return None
    wrong = {key for key, value in given.items()
             if not _answer_shaped(value) and isinstance(key, str) and len(key) <= 64
             and _ID.match(key)}
    if not wrong:
        return None
    rest = Document(document.path, {**data, "answers": {
        key: value for key, value in given.items() if key not in wrong}}, document.root)
    problems: list[Problem] = []
    try:
        Answers.model_validate(rest.data)
    except ValidationError as error:
        problems = validation_problems(rest, error)
    place = _answer_places(document)
    for key in (key for key in given if key in wrong):
        value = given[key]
        field = f"answers.{key}"
        if type(value) is not list:
            problems.append(place(key, None, f"{field}: {_ANY_ANSWER}{_not(value)}"))
            continue
        problems.append(place(key, None, f"{field}: {_ONE_ANSWER}{_not(value)}"))
        for index, item in enumerate(value):
            if type(item) is not str:
                problems.append(place(key, index, f"{field}[{index}]: Input should be a valid "
                                                  f"string{_not(item)}"))
    return problems


def _answer_places(document: Document) -> Callable[[str, int | None, str], Problem]:
    """How to place a problem at an answer (or an item of it) of ``document``, fast.

    The answers mapping's nodes are looked up once; a document without them (a
    workbook) places its problems itself.
    """
    answers = document.root and document._child(document.root, "answers")
    if type(document) is not Document or not isinstance(answers, yaml.MappingNode):
        def placed(key: str, index: int | None, message: str) -> Problem:
            where: Location = ("answers", key) if index is None else ("answers", key, index)
            return document.problem(where, message, key)

        return placed
    values = {key.value: value for key, value in answers.value
              if isinstance(key, yaml.ScalarNode)}

    def found(key: str, index: int | None, message: str) -> Problem:
        node = values[key]
        if index is not None and isinstance(node, yaml.SequenceNode):
            node = node.value[index]
        mark = node.start_mark
        return Problem(document.path, message, mark.line + 1, mark.column + 1, key)

    return found
