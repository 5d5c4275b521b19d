"""``stimulering validate``: sort the given paths by kind and check each kind fully."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stimulering import engine as engine_module
from stimulering import validation
from stimulering.errors import InvalidInputError, Problem
from stimulering.loading.files import MODEL_SECTIONS
from stimulering.loading.locate import Document, validate_document
from stimulering.loading.yaml_text import read_yaml
from stimulering.model import Answers


def kind_of(data: Any) -> str:
    """What a parsed YAML file is: ``answers``, ``model`` or ``questions``."""
    if "stimulering_answers" in data:
        return "answers"
    if "settings" in data or any(section in data for section in MODEL_SECTIONS):
        return "model"
    # A file that is neither answers nor model is checked as a question set, so that a
    # set with a missing or misspelt key gets the question-set messages.
    return "questions"


def _expand(paths: list[Path]) -> list[Path]:
    """Folders of answers files become their files; a model folder stays a folder.

    A folder is a model folder when one of the YAML files directly in it is a model
    file; any other folder is searched (recursively) for ``*.yaml`` and ``*.yml``.
    """
    from stimulering.archive import answers_paths

    expanded: list[Path] = []
    for path in paths:
        if path.is_dir() and not _is_model_folder(path):
            expanded.extend(answers_paths([path]))
        else:
            expanded.append(path)
    return expanded


def _is_model_folder(folder: Path) -> bool:
    for file in sorted(folder.iterdir()):
        if file.suffix in (".yaml", ".yml") and file.is_file():
            try:
                if kind_of(read_yaml(file).data) == "model":
                    return True
            except InvalidInputError:
                continue
    return False


def validate_paths(paths: list[Path], questions: Path | None,
                   model: Path | None) -> tuple[list[Problem], str]:
    """Every problem in the given files (or the defaults), and a summary of what was checked.

    Answers files are read and checked against their schema as they come, keeping
    only their answers; the few with a value their question does not accept are
    read again to locate it. Question sets and model files are read once to tell
    their kind and again when the engine loads them.
    """
    problems: list[Problem] = []
    question_sets: list[Path] = [questions] if questions else []
    models: list[Path] = [model] if model else []
    answers: list[tuple[Path, Answers]] = []
    workbooks: list[Path] = []
    answers_files = 0
    for path in _expand(paths):
        if path.is_dir():
            if path not in models:
                models.append(path)
            continue
        if path.suffix.lower() == ".xlsx":  # an answers workbook: read with its question set
            answers_files += 1
            workbooks.append(path)
            continue
        try:
            document = read_yaml(path)
        except InvalidInputError as error:
            problems.extend(error.problems)
            continue
        kind = kind_of(document.data)
        if kind == "questions":
            question_sets.append(path)
        elif kind == "answers":
            answers_files += 1
            try:
                answers.append((path, validate_document(document, Answers)))
            except InvalidInputError as error:
                problems.extend(error.problems)
        elif path.parent not in models:
            models.append(path.parent)
    question_choices: list[Path | None] = list(question_sets) or [None]
    model_choices: list[Path | None] = list(models) or [None]
    pairs = [(q, m) for q in question_choices for m in model_choices]
    seen = set(problems)  # a problem of a file checked with several partners, listed once
    for question_path, model_path in pairs:
        for problem in engine_module.check(question_path, model_path):
            if problem not in seen:
                seen.add(problem)
                problems.append(problem)
    if answers or workbooks:
        problems.extend(_answers_problems(answers, question_sets, models, workbooks))
    count = len(question_choices) + len(model_choices) + answers_files
    return problems, f"{count} item{'s' if count != 1 else ''} checked"


def _answers_problems(answers: list[tuple[Path, Answers]], question_sets: list[Path],
                      models: list[Path], workbooks: list[Path]) -> list[Problem]:
    """Answers that their questions do not accept, in the first question set and model given.

    A workbook is read with that question set too: its dropdown texts stand for values.
    """
    try:
        engine = engine_module.load(question_sets[0] if question_sets else None,
                                    models[0] if models else None)
    except InvalidInputError:
        return []  # its problems are reported with the question sets and models
    problems: list[Problem] = []
    for path in workbooks:
        try:
            engine.read_answers(path)
        except InvalidInputError as error:
            problems.extend(error.problems)
    for path, given in answers:
        unplaced = Document(str(path), {}, None)  # finds problems, without line numbers
        if validation.check_answers(given, unplaced, engine.questions):
            problems.extend(validation.check_answers(given, read_yaml(path), engine.questions))
    return problems
