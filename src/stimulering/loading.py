"""YAML files to validated models, with every problem located by file, line and column.

Loading is defensive because question sets and answers files come from many
hands: files are size-capped and must be UTF-8 text; only PyYAML's safe
constructors run (no Python object tags); duplicate keys are rejected instead
of the last one silently winning; anchors and aliases are allowed but their
expanded size is capped, which defuses "billion laughs" documents; nesting
depth and line length are capped. Pydantic errors are rendered from their
location and message only, never from the (possibly huge) input.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from stimulering.errors import InvalidInputError, Problem, invalid
from stimulering.model import Answers, Model, ModelFile, QuestionSet

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Largest YAML file read; real question sets are a few hundred kilobytes at most."""
MAX_LINE_CHARS = 20_000
MAX_DEPTH = 64
MAX_NODES = 200_000
"""Largest number of nodes a document may have once its aliases are expanded."""

Location = tuple[int | str, ...]
"""A path into a document, as pydantic reports it: keys and list indexes."""

ModelT = TypeVar("ModelT", bound=BaseModel)

# The C parser is several times faster; fall back cleanly when libyaml is missing.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader that turns impossible timestamps into located errors."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[arg-type,unused-ignore]
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"not a valid date or time ({error})", node.start_mark
            ) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


@dataclass(frozen=True)
class Document:
    """A parsed YAML document with the node tree kept to locate problems."""

    path: str
    """Name of the file as the user gave it."""
    data: Any
    """The plain Python data (dicts, lists, scalars)."""
    root: yaml.Node | None
    """The YAML node tree, for line and column look-ups."""

    def locate(self, location: Location) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the deepest node that ``location`` reaches."""
        node = self.root
        if node is None:
            return None, None
        mark = node.start_mark
        for step in location:
            child = _child(node, step)
            if child is None:
                continue  # a pydantic union tag or a missing key: stay at the parent
            node, mark = child
        return mark.line + 1, mark.column + 1

    def problem(self, location: Location, message: str, item_id: str | None = None) -> Problem:
        """A problem at ``location`` in this document."""
        line, column = self.locate(location)
        if item_id is None:
            item_id = item_id_at(self.data, location)
        return Problem(self.path, message, line, column, item_id)


def _child(node: yaml.Node, step: int | str) -> tuple[yaml.Node, Any] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                return value_node, value_node.start_mark
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        if 0 <= step < len(node.value):
            item = node.value[step]
            return item, item.start_mark
    return None


def item_id_at(data: Any, location: Location) -> str | None:
    """The id a problem at ``location`` concerns: the nearest enclosing ``id`` or answer key."""
    found: str | None = None
    current = data
    parent_key: int | str | None = None
    for step in location:
        if isinstance(current, dict):
            if isinstance(current.get("id"), str):
                found = current["id"]
            if parent_key in ("answers", "notes") and isinstance(step, str):
                found = step
            current = current.get(step)
        elif isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current):
            current = current[step]
        else:
            break
        parent_key = step
    if isinstance(current, dict) and isinstance(current.get("id"), str):
        found = current["id"]
    return found


def read_text(path: Path, shown: str) -> str:
    """Read a file as UTF-8 text, refusing what is too big, binary or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise invalid(shown, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise invalid(shown, "file not found") from None
    except IsADirectoryError:
        raise invalid(shown, "is a folder, not a file") from None
    except OSError as error:
        raise invalid(shown, f"cannot be read ({error.strerror})") from None
    return decode_text(raw, shown)


def decode_text(raw: bytes, shown: str) -> str:
    """File contents as UTF-8 text, refusing what is too big, binary or not UTF-8."""
    if len(raw) > MAX_FILE_BYTES:
        raise invalid(shown, f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    if b"\x00" in raw:
        raise invalid(shown, "is a binary file, not YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise invalid(
            shown, f"is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be decoded)",
            line=line,
        ) from None
    for number, line_text in enumerate(text.splitlines(), start=1):
        if len(line_text) > MAX_LINE_CHARS:
            raise invalid(shown, f"line is longer than {MAX_LINE_CHARS:,} characters", line=number)
    return text


def parse_yaml(text: str, shown: str) -> Document:
    """Parse YAML text safely into a ``Document``."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise invalid(shown, "is empty; expected a YAML mapping")
        _check_shape(root, shown)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(part for part in (error.context, error.problem) if part)
        message = message.replace("\n", " ") or "YAML syntax error"
        if "could not determine a constructor" in message:
            message = "YAML tags that build objects are not allowed (only plain data is)"
        raise invalid(
            shown, message,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as error:
        raise invalid(shown, f"YAML error: {error}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__} value"
        raise invalid(shown, f"top level is {kind}; expected a mapping of keys to values",
                      line=root.start_mark.line + 1, column=root.start_mark.column + 1)
    return Document(shown, data, root)


def _check_shape(root: yaml.Node, shown: str) -> None:
    """Reject duplicate keys, merge keys, too deep nesting and alias bombs."""
    if _plain_tree_ok(root):
        return
    sizes: dict[int, int] = {}
    # Iterative post-order walk: nodes reached through aliases are shared objects,
    # so memoising on id() computes the expanded size without expanding anything.
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if depth > MAX_DEPTH:
            raise _node_error(shown, node, f"nesting is deeper than {MAX_DEPTH} levels")
        children = _children(node, shown)
        if not children_done:
            stack.append((node, depth, True))
            stack.extend((child, depth + 1, False) for child in children
                         if id(child) not in sizes)
            continue
        total = 1 + sum(sizes.get(id(child), 1) for child in children)
        if total > MAX_NODES:
            raise _node_error(
                shown, node,
                f"document expands to more than {MAX_NODES:,} values (too many aliases)",
            )
        sizes[id(node)] = total


def _plain_tree_ok(root: yaml.Node) -> bool:
    """Fast check of the common case: a tree without shared nodes that has no problem.

    Scalars are not visited one by one, which makes this several times faster
    than the full walk. ``False`` means "not sure": the full walk then decides
    and names the problem.
    """
    seen: set[int] = set()
    total = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH or id(node) in seen:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            total += 2 * len(node.value)
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in keys or key_node.tag == "tag:yaml.org,2002:merge":
                        return False
                    keys.add(key_node.value)
                else:
                    stack.append((key_node, depth + 1))
                if not isinstance(value_node, yaml.ScalarNode):
                    stack.append((value_node, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            total += len(node.value)
            stack.extend((child, depth + 1) for child in node.value
                         if not isinstance(child, yaml.ScalarNode))
    return total < MAX_NODES


def _children(node: yaml.Node, shown: str) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, yaml.Node] = {}
        children: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _node_error(shown, key_node, "merge keys (<<) are not supported")
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    first = seen[key_node.value].start_mark.line + 1
                    raise _node_error(
                        shown, key_node,
                        f"duplicate key {key_node.value!r} (first given on line {first})",
                    )
                seen[key_node.value] = key_node
            children.extend((key_node, value_node))
        return children
    return []


def _node_error(shown: str, node: yaml.Node, message: str) -> InvalidInputError:
    mark = node.start_mark
    return invalid(shown, message, line=mark.line + 1, column=mark.column + 1)


def read_yaml(path: Path, shown: str | None = None) -> Document:
    """Read and parse one YAML file."""
    name = shown if shown is not None else str(path)
    return parse_yaml(read_text(path, name), name)


def validation_problems(document: Document, error: ValidationError) -> list[Problem]:
    """Turn a pydantic error into located problems: "file:line:column: id: field: message"."""
    problems: list[Problem] = []
    for detail in error.errors(include_input=False, include_url=False, include_context=False):
        location: Location = tuple(detail["loc"])
        message = detail["msg"]
        if detail["type"] == "extra_forbidden":
            message = f"unknown key {location[-1]!r}"
        elif detail["type"] == "missing":
            message = f"missing key {location[-1]!r}"
        elif message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        field = format_location(location)
        problems.append(document.problem(location, f"{field}: {message}" if field else message))
    return _unique(problems)


def format_location(location: Sequence[int | str]) -> str:
    """``('questions', 3, 'when')`` as ``questions[3].when``."""
    text = ""
    for step in location:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else step
    return text


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    result = []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            result.append(problem)
    return result


def validate_document(document: Document, model: type[ModelT]) -> ModelT:
    """Validate a parsed document as ``model``, raising located problems."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        raise InvalidInputError(validation_problems(document, error)) from None


def canonical_sha256(data: Any) -> str:
    """Hash of the data, not the text: reformatting or reordering keys keeps it."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                           default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- the three kinds of file -------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedQuestionSet:
    """A validated question set with its hash and source document."""

    questions: QuestionSet
    sha256: str
    document: Document


@dataclass(frozen=True)
class LoadedModel:
    """A validated model with the documents it was merged from."""

    model: Model
    documents: tuple[Document, ...]
    """The model files, in the order they were merged."""
    origins: dict[tuple[str, str], tuple[Document, Location]]
    """Where each entry came from: ``(section, id)`` -> (document, location)."""


def default_questions_path() -> Path:
    """The shipped default question set."""
    return Path(str(resources.files("stimulering") / "data" / "questions.yaml"))


def default_model_path() -> Path:
    """The shipped model folder."""
    return Path(str(resources.files("stimulering") / "data" / "models"))


def shown_name(path: Path, default: Path) -> str:
    """How a file is named in messages: shipped files by their repository name."""
    try:
        if path.resolve() == default.resolve():
            return "models" if default.is_dir() else default.name
        if path.resolve().is_relative_to(default_model_path().resolve()):
            return f"models/{path.name}"
    except OSError:
        pass
    return str(path)


def load_question_set(path: Path | None = None) -> LoadedQuestionSet:
    """Load and validate a question set on its own (without cross-file checks)."""
    default = default_questions_path()
    path = path or default
    shown = shown_name(path, default)
    return parse_question_set(read_text(path, shown), shown)


def parse_question_set(text: str, shown: str) -> LoadedQuestionSet:
    """Parse and validate a question set given as text (for example from ``git show``)."""
    document = parse_yaml(text, shown)
    questions = validate_document(document, QuestionSet)
    return LoadedQuestionSet(questions, canonical_sha256(document.data), document)


MODEL_SECTIONS = ("pillars", "categories", "phases", "signals", "advice", "instruments",
                  "examples")


def model_files(path: Path) -> list[Path]:
    """The YAML files of a model folder, in name order (or the single file given)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise invalid(str(path), "model folder not found")
    files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if not files:
        raise invalid(str(path), "model folder holds no .yaml files")
    return files


def load_model(path: Path | None = None) -> LoadedModel:
    """Load every file of a model folder and merge them (without cross-file checks)."""
    default = default_model_path()
    folder = path or default
    documents: list[Document] = []
    parts: list[ModelFile] = []
    problems: list[Problem] = []
    for file in model_files(folder):
        try:
            document = read_yaml(file, shown_name(file, default))
            parts.append(validate_document(document, ModelFile))
            documents.append(document)
        except InvalidInputError as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidInputError(problems)
    return _merge(parts, documents, shown_name(folder, default))


def _merge(parts: list[ModelFile], documents: list[Document], folder: str) -> LoadedModel:
    settings = [(part.settings, doc) for part, doc in zip(parts, documents, strict=True)
                if part.settings]
    problems: list[Problem] = []
    if not settings:
        problems.append(Problem(folder, "no model file has 'settings'"))
    for _, doc in settings[1:]:
        problems.append(doc.problem(("settings",), "'settings' is given in more than one file"))
    merged: dict[str, list[Any]] = {section: [] for section in MODEL_SECTIONS}
    origins: dict[tuple[str, str], tuple[Document, Location]] = {}
    for part, doc in zip(parts, documents, strict=True):
        for section in MODEL_SECTIONS:
            for index, entry in enumerate(getattr(part, section)):
                key = _entry_key(section, entry)
                location: Location = (section, index)
                if (section, key) in origins:
                    first_doc, first_location = origins[(section, key)]
                    first_line, _ = first_doc.locate(first_location)
                    problems.append(doc.problem(
                        location,
                        f"{section}: {key} is defined twice (first in {first_doc.path}"
                        f"{':' + str(first_line) if first_line else ''})", key))
                    continue
                origins[(section, key)] = (doc, location)
                merged[section].append(entry)
    if problems:
        raise InvalidInputError(problems)
    merged["phases"].sort(key=lambda phase: phase.number)
    model = Model.model_construct(
        settings=settings[0][0], pillars=merged["pillars"], categories=merged["categories"],
        phases=merged["phases"], signals=merged["signals"], advice=merged["advice"],
        instruments=merged["instruments"], examples=merged["examples"])
    return LoadedModel(model, tuple(documents), origins)


def _entry_key(section: str, entry: Any) -> str:
    if section == "phases":
        return str(entry.number)
    if section == "advice":
        return f"{entry.pillar}/{entry.phase}"
    return str(entry.id)


def load_answers(path: Path, shown: str | None = None) -> tuple[Answers, Document]:
    """Load and validate an answers file on its own (values are checked against a set later)."""
    document = read_yaml(path, shown)
    return validate_document(document, Answers), document

