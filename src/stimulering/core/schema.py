"""JSON Schemas (draft 2020-12) of the YAML files, generated from the pydantic models.

Editors use them while a question set, model file or answers file is typed
(``# yaml-language-server: $schema=...``). They describe the shape of one file;
what needs more than one file (references between questions, instruments and
languages) is checked by ``stimulering validate``.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from stimulering.model import Answers, ExpectedRespondents, ModelFile, QuestionSet

SchemaKind = Literal["questions", "model", "answers", "expected"]
KINDS: tuple[SchemaKind, ...] = ("questions", "model", "answers", "expected")
"""The kinds of file that have a schema, in the order they are documented."""

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_MODELS: dict[SchemaKind, type[BaseModel]] = {
    "questions": QuestionSet,
    "model": ModelFile,
    "answers": Answers,
    "expected": ExpectedRespondents,
}

_HEADINGS: dict[SchemaKind, tuple[str, str]] = {
    "questions": (
        "stimulering question set",
        "A versioned set of self-assessment questions (questions.yaml). Cross-references "
        "(categories, instruments, when conditions, languages) are checked by "
        "'stimulering validate'.",
    ),
    "model": (
        "stimulering model file",
        "One YAML file of the model folder (models/*.yaml); the model is the union of all "
        "of them. Cross-file rules are checked by 'stimulering validate'.",
    ),
    "answers": (
        "stimulering answers file",
        "One respondent's answers on one date. Whether each answer fits its question is "
        "checked against the question set by 'stimulering assess' and 'stimulering validate'.",
    ),
    "expected": (
        "stimulering expected respondents",
        "The partners a coordinator expects answers from in a round, for "
        "'stimulering status --expected FILE'.",
    ),
}

# A comparison holds exactly one test; the model checks that in a validator, which pydantic
# cannot express in a schema by itself.
_ONE_TEST = {"oneOf": [{"required": [key]} for key in ("equals", "in", "at_least", "at_most")]}


def json_schema(kind: SchemaKind) -> dict[str, Any]:
    """The JSON Schema of one kind of file, as data."""
    generated = _MODELS[kind].model_json_schema(by_alias=True)
    title, description = _HEADINGS[kind]
    generated.pop("title", None)
    generated.pop("description", None)
    schema: dict[str, Any] = {"$schema": DRAFT, "title": title, "description": description}
    schema.update(generated)
    _close_pattern_maps(schema)
    comparison = schema.get("$defs", {}).get("Comparison")
    if comparison is not None:
        comparison.update(_ONE_TEST)
    return schema


def _close_pattern_maps(node: Any) -> None:
    """Maps with key patterns (texts per language, answers per id) allow no other keys."""
    if isinstance(node, dict):
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _close_pattern_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_pattern_maps(value)


def render_schema(kind: SchemaKind) -> str:
    """The JSON Schema of one kind of file as text, as kept in ``schemas/``."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
