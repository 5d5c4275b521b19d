"""A checked copy of the shipped question set and model, so that commands start fast.

Parsing the shipped YAML (about 170 KB) and building pydantic validators for it
is most of what a command like ``assess --answers`` spends before it can score.
The package therefore carries ``bundle.json``: the shipped files as validated
model data, made by ``python -m stimulering.bundle`` and kept current by a test.
Each entry holds the sha256 of its source file's bytes. At start-up the source
files are hashed (a fraction of a millisecond); only when every hash matches is
the bundle used, and its data is turned into model objects without validating
it again. Any difference (an edited question set in a checkout, a missing
bundle) falls back to loading the YAML files, which stay the truth.
"""

from __future__ import annotations

import hashlib
import json
import sys
import types
import typing
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel

from stimulering.errors import StimuleringError
from stimulering.loading.files import (
    LoadedModel,
    LoadedQuestionSet,
    default_model_path,
    default_questions_path,
    merge_model_files,
    model_files,
)
from stimulering.loading.locate import Document
from stimulering.model import AllOf, AnyOf, Comparison, ModelFile, Not, QuestionSet
from stimulering.validation import load_checked

BUNDLE_NAME = "bundle.json"
FORMAT = 1


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sources() -> list[tuple[str, Path]]:
    """The shipped files, each with the name it has in the bundle."""
    files = [("questions.yaml", default_questions_path())]
    files += [(f"models/{path.name}", path) for path in model_files(default_model_path())]
    return files


def make_bundle() -> str:
    """The bundle of the shipped files as JSON text; they must be valid."""
    loaded_questions, loaded_model = load_checked()
    parts = [ModelFile.model_validate(document.data) for document in loaded_model.documents]
    entries: dict[str, Any] = {}
    for (name, path), data in zip(
        _sources(),
        [loaded_questions.questions.model_dump(mode="json", by_alias=True, exclude_unset=True)]
        + [part.model_dump(mode="json", by_alias=True, exclude_unset=True) for part in parts],
        strict=True,
    ):
        entries[name] = {"sha256": _digest(path), "data": data}
    bundle = {"format": FORMAT, "question_set_sha256": loaded_questions.sha256, "files": entries}
    return json.dumps(bundle, ensure_ascii=False, indent=1) + "\n"


def read_bundle() -> tuple[LoadedQuestionSet, LoadedModel] | None:
    """The shipped question set and model from the bundle, or ``None`` when it is not current."""
    try:
        text = (resources.files("stimulering") / BUNDLE_NAME).read_text(encoding="utf-8")
        bundle = json.loads(text)
        sources = _sources()
        entries = bundle["files"]
        if bundle.get("format") != FORMAT or [name for name, _ in sources] != list(entries):
            return None
        if any(entries[name]["sha256"] != _digest(path) for name, path in sources):
            return None
    except (OSError, ValueError, KeyError, StimuleringError):
        return None
    questions = hydrate(QuestionSet, entries["questions.yaml"]["data"])
    parts = [hydrate(ModelFile, entries[name]["data"]) for name, _ in sources[1:]]
    documents = [Document(name, {}, None) for name, _ in sources]
    return (LoadedQuestionSet(questions, bundle["question_set_sha256"], documents[0]),
            merge_model_files(parts, documents[1:], "models"))


# How to turn bundle data back into model values: a function per annotation, or
# ``None`` where the JSON value already is the model value (strings, numbers, lists
# of them). Worked out once per annotation, so hydrating walks only the data.
Plan = Callable[[Any], Any] | None
_plans: dict[Any, Plan] = {}


def hydrate(kind: Any, value: Any) -> Any:
    """Model objects from data that was validated as ``kind`` before: no validation again."""
    plan = _plan(kind)
    return value if plan is None or value is None else plan(value)


def _plan(kind: Any) -> Plan:
    if kind not in _plans:
        _plans[kind] = _make_plan(kind)
    return _plans[kind]


def _make_plan(kind: Any) -> Plan:
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        return _plan(typing.get_args(kind)[0])
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return _model_plan(kind)
    if origin is list:
        (item,) = typing.get_args(kind)
        return _each_in_list(_plan(item))
    if origin is dict:
        _, item = typing.get_args(kind)
        return _each_in_dict(_plan(item))
    if origin is Union or origin is types.UnionType:
        members = [typing.get_args(member)[0] if typing.get_origin(member) is typing.Annotated
                   else member for member in typing.get_args(kind)]
        if Comparison in members or any(typing.get_origin(m) is Union for m in members):
            return _condition  # the when-condition union: its kind follows from its key
        present = [member for member in members if member is not type(None)]
        if len(present) == 1:
            return _plan(present[0])
    return None  # a plain type, or a union of them such as int | float


# Entries may be None (a list of optional models); plans of models take data only.
def _each_in_list(each: Plan) -> Plan:
    if each is None:
        return None
    return lambda value: [None if entry is None else each(entry) for entry in value]


def _each_in_dict(each: Plan) -> Plan:
    if each is None:
        return None
    return lambda value: {key: None if entry is None else each(entry)
                          for key, entry in value.items()}


# Default factories that take no arguments. ``model_construct`` would inspect each
# factory's signature for every missing field, which costs more than the rest of
# hydrating together; for these the plan calls the factory itself.
_PLAIN_FACTORIES: tuple[Any, ...] = (list, dict, set, tuple)


def _model_plan(kind: type[BaseModel]) -> Plan:
    fields: list[tuple[str, str, Plan]] = []
    factories: list[tuple[str, str, Callable[[], Any]]] = []
    construct = kind.model_construct

    def build(value: dict[str, Any]) -> BaseModel:
        values = {}
        for name, key, plan in fields:
            if key in value:
                entry = value[key]
                values[name] = entry if plan is None or entry is None else plan(entry)
        given = set(values)
        for name, key, factory in factories:
            if key not in value:
                values[name] = factory()
        return construct(given, **values)

    _plans[kind] = build  # before the fields, so that a model may contain itself
    for name, info in kind.model_fields.items():
        fields.append((name, info.alias or name, _plan(info.annotation)))
        if info.default_factory in _PLAIN_FACTORIES:
            factories.append((name, info.alias or name, info.default_factory))  # type: ignore[arg-type]
    return build


def _condition(value: Any) -> Any:
    # Spelled out: inside AllOf, AnyOf and Not the annotations name the union by a
    # forward reference that pydantic resolves only when it builds a validator.
    if not isinstance(value, dict):
        return value
    if "all" in value:
        return AllOf.model_construct(all=[_condition(part) for part in value["all"]])
    if "any" in value:
        return AnyOf.model_construct(any=[_condition(part) for part in value["any"]])
    if "not" in value:
        return Not.model_construct(not_=_condition(value["not"]))
    return hydrate(Comparison, value)


def main() -> None:
    """Print a fresh bundle: ``python -m stimulering.bundle > src/stimulering/bundle.json``."""
    sys.stdout.write(make_bundle())


if __name__ == "__main__":
    main()
