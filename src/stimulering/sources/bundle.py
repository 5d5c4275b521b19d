"""A checked copy of the shipped question set and model, so that commands start fast.

Parsing the shipped YAML (about 170 KB) and building pydantic validators for it
is most of what a command like ``assess --answers`` spends before it can score.
A bundle holds the shipped files as validated model data, each entry with the
sha256 of its source file's bytes. Nothing of it is kept in git:

- a wheel carries ``bundle.json``, made from its YAML files at build time by the
  hook in ``hatch_build.py`` (``python -m stimulering.sources.bundle QUESTIONS MODELS``);
- a checkout (an editable install) writes one to the user's cache folder the first
  time it loads the shipped files from YAML, named by the sha256 of those files
  and of the package's code, and never inside the package.

At start-up the source files are hashed (a fraction of a millisecond); only when
every hash matches is a bundle used, and its data is turned into model objects
without validating it again. Any difference (an edited question set in a
checkout, no bundle yet) falls back to the YAML files, which stay the truth.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import types
import typing
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Union

from pydantic import BaseModel

from stimulering.errors import StimuleringError
from stimulering.model import AllOf, AnyOf, Comparison, ModelFile, Not, QuestionSet
from stimulering.sources.files import (
    LoadedModel,
    LoadedQuestionSet,
    default_model_path,
    default_questions_path,
    merge_model_files,
    model_files,
)
from stimulering.sources.locate import Document
from stimulering.sources.validation import load_checked

BUNDLE_NAME = "bundle.json"
FORMAT = 1
KEPT_IN_CACHE = 8
"""Bundles kept in the cache folder: one per edit of a checkout's files would pile up."""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sources(questions_path: Path | None = None,
             model_path: Path | None = None) -> list[tuple[str, Path]]:
    """The shipped files (or the given ones), each with the name it has in the bundle."""
    files = [("questions.yaml", questions_path or default_questions_path())]
    files += [(f"models/{path.name}", path)
              for path in model_files(model_path or default_model_path())]
    return files


def bundle_text(loaded_questions: LoadedQuestionSet, loaded_model: LoadedModel,
                sources: list[tuple[str, Path]]) -> str:
    """The bundle of a question set and model loaded from the YAML files ``sources``."""
    parts = [ModelFile.model_validate(document.data) for document in loaded_model.documents]
    entries: dict[str, Any] = {}
    for (name, path), data in zip(
        sources,
        [loaded_questions.questions.model_dump(mode="json", by_alias=True, exclude_unset=True)]
        + [part.model_dump(mode="json", by_alias=True, exclude_unset=True) for part in parts],
        strict=True,
    ):
        entries[name] = {"sha256": _digest(path), "data": data}
    bundle = {"format": FORMAT, "question_set_sha256": loaded_questions.sha256, "files": entries}
    return json.dumps(bundle, ensure_ascii=False, indent=1) + "\n"


def make_bundle(questions_path: Path | None = None, model_path: Path | None = None) -> str:
    """The bundle of the shipped files (or the given ones) as JSON text; they must be valid."""
    loaded_questions, loaded_model = load_checked(questions_path, model_path)
    return bundle_text(loaded_questions, loaded_model, _sources(questions_path, model_path))


def read_bundle() -> tuple[LoadedQuestionSet, LoadedModel] | None:
    """The shipped question set and model from a current bundle, or ``None`` when there is none.

    The package's own bundle (a wheel's) comes first, then the one in the cache folder.
    """
    try:
        digests = {name: _digest(path) for name, path in _sources()}
    except (OSError, StimuleringError):
        return None
    for read in (_packaged_text, lambda: _cache_file(digests).read_text(encoding="utf-8")):
        try:
            bundle = json.loads(read())
            entries = bundle["files"]
            if (bundle.get("format") != FORMAT or list(digests) != list(entries)
                    or any(entries[name]["sha256"] != digests[name] for name in digests)):
                continue
        except (OSError, ValueError, KeyError, TypeError):
            continue
        names = list(digests)
        questions = hydrate(QuestionSet, entries[names[0]]["data"])
        parts = [hydrate(ModelFile, entries[name]["data"]) for name in names[1:]]
        documents = [Document(name, {}, None) for name in names]
        return (LoadedQuestionSet(questions, bundle["question_set_sha256"], documents[0]),
                merge_model_files(parts, documents[1:], "models"))
    return None


def remember(loaded_questions: LoadedQuestionSet, loaded_model: LoadedModel) -> None:
    """Keep the bundle of the shipped files just loaded from YAML in the cache folder.

    They must have been loaded from the shipped files. A cache that cannot be
    written only costs speed, so failing to write it is no error.
    """
    try:
        sources = _sources()
        target = _cache_file({name: _digest(path) for name, path in sources})
        if target.exists():
            return
        text = bundle_text(loaded_questions, loaded_model, sources)
        _write_whole(target, text)
        kept = sorted(target.parent.glob("bundle-*.json"),
                      key=lambda path: path.stat().st_mtime, reverse=True)
        for old in kept[KEPT_IN_CACHE:]:
            old.unlink(missing_ok=True)
    except (OSError, StimuleringError):
        return


def _write_whole(target: Path, text: str) -> None:
    """Write a cache file through a temporary file, so no reader ever sees half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent,
                                     prefix=".bundle-", suffix=".tmp", delete=False) as file:
        file.write(text)
    try:
        Path(file.name).replace(target)
    except OSError:
        Path(file.name).unlink(missing_ok=True)
        raise


def _packaged_text() -> str:
    return (resources.files("stimulering") / BUNDLE_NAME).read_text(encoding="utf-8")


def cache_folder() -> Path:
    """The platform's folder for this user's cached files, for this program."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) if local else Path.home() / "AppData" / "Local"
        return base / "stimulering" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "stimulering"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "stimulering"


def _cache_file(digests: dict[str, str]) -> Path:
    """The cache file for these source files, read by this version of the code.

    The code counts too: hydrating trusts the data, so a bundle of other model
    classes (an edited ``model.py`` in a checkout) must not be read. The package's
    version does not: the same files read by the same code give the same bundle.
    """
    key = hashlib.sha256(f"{FORMAT}\n".encode())
    for name, digest in digests.items():
        key.update(f"{name} {digest}\n".encode())
    package = resources.files("stimulering")
    for code in _CODE:
        key.update(hashlib.sha256(package.joinpath(*code.split("/")).read_bytes()).digest())
    return cache_folder() / f"bundle-{key.hexdigest()}.json"


_CODE = ("model.py", "sources/bundle.py")
"""The modules whose code decides what a bundle's data becomes."""


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


_PLAIN: tuple[Any, ...] = (str, int, float, bool, type(None))
"""Types whose JSON value is the model value itself."""


def _make_plan(kind: Any) -> Plan:
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        return _plan(typing.get_args(kind)[0])
    if kind in _PLAIN:
        return None
    if origin is Literal and all(type(value) in _PLAIN for value in typing.get_args(kind)):
        return None
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return _model_plan(kind)
    if origin is list:
        (item,) = typing.get_args(kind)
        return _each_in_list(_plan(item))
    if origin is dict:
        key, item = typing.get_args(kind)
        if _bare(key) is str or (typing.get_origin(_bare(key)) is Literal and all(
                isinstance(value, str) for value in typing.get_args(_bare(key)))):
            return _each_in_dict(_plan(item))
    if origin is Union or origin is types.UnionType:
        members = [_bare(member) for member in typing.get_args(kind)]
        if Comparison in members or any(typing.get_origin(m) is Union for m in members):
            return _condition  # the when-condition union: its kind follows from its key
        present = [member for member in members if member is not type(None)]
        if len(present) == 1:
            return _plan(present[0])
        if all(_plan(member) is None for member in present):
            return None  # a union of plain types, such as int | float
    # Passing the JSON value through would give a model object a value of the
    # wrong type (a date as a string, a tuple as a list) without any error.
    raise TypeError(f"the bundle cannot turn JSON back into {kind!r}; "
                    "teach stimulering.sources.bundle._make_plan this type")


def _bare(kind: Any) -> Any:
    """The type inside ``Annotated[...]``, or the type itself."""
    return typing.get_args(kind)[0] if typing.get_origin(kind) is typing.Annotated else kind


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
    """Print the bundle of the shipped files, or of ``QUESTIONS MODELS`` given as arguments.

    The build hook in ``hatch_build.py`` runs ``python -m stimulering.sources.bundle QUESTIONS
    MODELS`` to put ``bundle.json`` in the wheel.
    """
    paths = [Path(argument) for argument in sys.argv[1:3]]
    sys.stdout.write(make_bundle(*paths))


if __name__ == "__main__":
    main()
