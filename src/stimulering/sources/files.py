"""The three kinds of file: question sets, model folders and answers files.

Each is read with ``yaml_text``, validated by its pydantic model with located
problems (``locate``), and returned with what later checks need: the document,
and for a question set the hash that answers files record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from stimulering.errors import CheckResult, Problem, required
from stimulering.model import Answers, ExpectedRespondents, Model, ModelFile, QuestionSet
from stimulering.sources.locate import Document, Location, validate_document, validated
from stimulering.sources.yaml_text import parse_yaml, read_document, read_yaml


def canonical_sha256(data: Any) -> str:
    """Hash of the data, not the text: reformatting or reordering keys keeps it."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                           default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


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


def shipped_folder() -> Path:
    """The folder holding the shipped ``questions.yaml`` and ``models/``.

    A wheel carries them as package data in ``stimulering/data`` (the build hook in
    ``hatch_build.py`` puts them there). A checkout, installed editable, has no such
    folder: there they are the files at the repository root, two levels above the
    package's sources, so that an edit to them counts without reinstalling.
    """
    package = resources.files("stimulering")
    data = package / "data"
    if (data / "questions.yaml").is_file():
        return Path(str(data))
    return Path(str(package)).parent.parent


def default_questions_path() -> Path:
    """The shipped default question set."""
    return shipped_folder() / "questions.yaml"


def default_model_path() -> Path:
    """The shipped model folder."""
    return shipped_folder() / "models"


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
    return required(lambda result: gather_question_set(path, result))


def gather_question_set(path: Path | None, result: CheckResult) -> LoadedQuestionSet | None:
    """A question set on its own (the shipped one for ``None``), or ``None`` with its problems."""
    default = default_questions_path()
    path = path or default
    document = read_document(path, shown_name(path, default), result)
    if document is None:
        return None
    questions = validated(document, QuestionSet, result)
    if questions is None:
        return None
    return LoadedQuestionSet(questions, canonical_sha256(document.data), document)


def parse_question_set(text: str, shown: str) -> LoadedQuestionSet:
    """Parse and validate a question set given as text (for example from ``git show``)."""
    document = parse_yaml(text, shown)
    questions = validate_document(document, QuestionSet)
    return LoadedQuestionSet(questions, canonical_sha256(document.data), document)


MODEL_SECTIONS = ("pillars", "categories", "phases", "signals", "advice", "instruments",
                  "examples")


def model_files(path: Path) -> list[Path]:
    """The YAML files of a model folder, in name order (or the single file given)."""
    return required(lambda result: find_model_files(path, result))


def find_model_files(path: Path, result: CheckResult) -> list[Path]:
    """The YAML files of a model folder (or the single file given); none, recorded, if none."""
    if not path.is_dir():
        if not path.exists():
            result.record([Problem(str(path), "model folder not found")])
            return []
        return [path]  # a file, or something reading it refuses with the reason
    try:
        files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    except OSError as error:
        result.record([Problem(str(path), f"cannot be read ({error.strerror})")])
        return []
    if not files:
        result.record([Problem(str(path), "model folder holds no .yaml files")])
    return files


def load_model(path: Path | None = None) -> LoadedModel:
    """Load every file of a model folder and merge them (without cross-file checks)."""
    return required(lambda result: gather_model(path, result))


def gather_model(path: Path | None, result: CheckResult) -> LoadedModel | None:
    """Every file of a model folder (the shipped one for ``None``) merged into one model.

    ``None`` when a file or the merge has a problem; the problems of every file are
    recorded, and those of the merge when every file could be read.
    """
    default = default_model_path()
    folder = path or default
    files = find_model_files(folder, result)
    if not files:
        return None
    documents: list[Document] = []
    parts: list[ModelFile] = []
    complete = True
    for file in files:
        document = read_document(file, shown_name(file, default), result)
        part = validated(document, ModelFile, result) if document is not None else None
        if document is None or part is None:
            complete = False
            continue
        parts.append(part)
        documents.append(document)
    if not complete:
        return None
    return merge_model_parts(parts, documents, shown_name(folder, default), result)


def merge_model_files(parts: list[ModelFile], documents: list[Document],
                      folder: str) -> LoadedModel:
    """One model from the files of a model folder; ids must not repeat across files."""
    return required(lambda result: merge_model_parts(parts, documents, folder, result))


def merge_model_parts(parts: list[ModelFile], documents: list[Document], folder: str,
                      result: CheckResult) -> LoadedModel | None:
    """One model from the files of a model folder, or ``None`` with the clashes recorded."""
    settings = [(part.settings, doc) for part, doc in zip(parts, documents, strict=True)
                if part.settings]
    problems: list[Problem] = []
    if not settings:
        problems.append(Problem(folder, "no model file has 'settings'"))
    for _, doc in settings[1:]:
        first = settings[0][1]
        first_line, _ = first.locate(("settings",))
        problems.append(doc.problem(
            ("settings",), f"'settings' is given in more than one file (first in {first.path}"
                           f"{':' + str(first_line) if first_line else ''})"))
    merged: dict[str, list[Any]] = {section: [] for section in MODEL_SECTIONS}
    origins: dict[tuple[str, str], tuple[Document, Location]] = {}
    for part, doc in zip(parts, documents, strict=True):
        for section in MODEL_SECTIONS:
            for index, entry in enumerate(getattr(part, section)):
                key = entry_key(section, entry)
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
        result.record(problems)
        return None
    merged["phases"].sort(key=lambda phase: phase.number)
    model = Model.model_construct(
        settings=settings[0][0], pillars=merged["pillars"], categories=merged["categories"],
        phases=merged["phases"], signals=merged["signals"], advice=merged["advice"],
        instruments=merged["instruments"], examples=merged["examples"])
    return LoadedModel(model, tuple(documents), origins)


def entry_key(section: str, entry: Any) -> str:
    """The id of a model entry within its section (phases by number, advice by level)."""
    if section == "phases":
        return str(entry.number)
    if section == "advice":
        return f"{entry.pillar}/{entry.phase}"
    return str(entry.id)


def load_answers(path: Path, shown: str | None = None) -> tuple[Answers, Document]:
    """Load and validate an answers file on its own (values are checked against a set later)."""
    document = read_yaml(path, shown)
    return validate_document(document, Answers), document


def load_expected(path: Path, shown: str | None = None) -> ExpectedRespondents:
    """Load and validate a list of expected respondents (``stimulering status --expected``)."""
    return validate_document(read_yaml(path, shown), ExpectedRespondents)
