"""``stimulering validate``: sort the given paths by kind and check each kind fully."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stimulering.errors import CheckResult, Problem
from stimulering.model import Answers, ExpectedRespondents
from stimulering.sources import validation
from stimulering.sources.engine import Engine, load
from stimulering.sources.files import MODEL_SECTIONS
from stimulering.sources.locate import Document, validated
from stimulering.sources.validation import check_files
from stimulering.sources.yaml_text import read_document, read_yaml


def kind_of(data: Any) -> str:
    """What a parsed YAML file is: ``answers``, ``expected``, ``model`` or ``questions``."""
    if "stimulering_answers" in data:
        return "answers"
    if "stimulering_expected" in data:
        return "expected"
    if "settings" in data or any(section in data for section in MODEL_SECTIONS):
        return "model"
    # A file that is neither answers nor model is checked as a question set, so that a
    # set with a missing or misspelt key gets the question-set messages.
    return "questions"


def _expand(paths: list[Path], result: CheckResult) -> list[Path]:
    """Folders of answers files become their files; a model folder stays a folder.

    A folder is a model folder when one of the YAML files directly in it is a model
    file; any other folder is searched (recursively) for ``*.yaml`` and ``*.yml``. A
    folder with neither is a problem: checking nothing is no "ok".
    """
    from stimulering.sources.archive import answers_paths

    expanded: list[Path] = []
    for path in paths:
        if path.is_dir() and not _is_model_folder(path):
            found = list(answers_paths([path]))
            if not found:
                result.record([Problem(str(path), "no answers file found in this folder "
                                                  "(*.yaml or *.yml, searched recursively)")])
            expanded.extend(found)
        else:
            expanded.append(path)
    return expanded


def _is_model_folder(folder: Path) -> bool:
    for file in sorted(folder.iterdir()):
        if file.suffix in (".yaml", ".yml") and file.is_file():
            # A file that cannot be read says nothing about the folder; its problems
            # are found when the folder's files are checked.
            document = read_document(file, str(file), CheckResult())
            if document is not None and kind_of(document.data) == "model":
                return True
    return False


def validate_paths(paths: list[Path], questions: Path | None,
                   model: Path | None) -> tuple[list[Problem], str, list[Problem]]:
    """Every problem in the given files (or the defaults), a summary, and the warnings.

    The warnings are answers in valid files that do not count
    (``validation.answer_warnings``).

    Answers files are read and checked against their schema as they come, keeping
    only their answers; the few with a value their question does not accept are
    read again to locate it. Question sets and model files are read once to tell
    their kind and again when they are checked together.
    """
    result = CheckResult()
    warnings: list[Problem] = []
    question_sets: list[Path] = [questions] if questions else []
    models: list[Path] = [model] if model else []
    answers: list[tuple[Path, Answers]] = []
    workbooks: list[Path] = []
    answers_files = 0
    for path in _expand(paths, result):
        if path.is_dir():
            if path not in models:
                models.append(path)
            continue
        if path.suffix.lower() == ".xlsx":  # an answers workbook: read with its question set
            answers_files += 1
            workbooks.append(path)
            continue
        document = read_document(path, str(path), result)
        if document is None:
            continue
        kind = kind_of(document.data)
        if kind == "questions":
            question_sets.append(path)
        elif kind == "answers":
            answers_files += 1
            given = validated(document, Answers, result)
            if given is not None:
                answers.append((path, given))
        elif kind == "expected":
            answers_files += 1  # a file of its own, checked by its shape alone
            validated(document, ExpectedRespondents, result)
        elif path.parent not in models:
            models.append(path.parent)
    question_choices: list[Path | None] = list(question_sets) or [None]
    model_choices: list[Path | None] = list(models) or [None]
    pairs = [(q, m) for q in question_choices for m in model_choices]
    seen = set(result.problems)  # a problem of a file checked with several partners, listed once
    first_pair_ok = True
    for position, (question_path, model_path) in enumerate(pairs):
        checked = check_files(question_path, model_path)
        first_pair_ok = first_pair_ok and (position > 0 or checked.ok)
        fresh = [problem for problem in checked.problems if problem not in seen]
        seen.update(fresh)
        result.record(fresh)
    if (answers or workbooks) and first_pair_ok:
        # Answers are checked against the first question set and model given; when
        # those have problems, they are reported above and the answers are not checked.
        engine = load(question_sets[0] if question_sets else None,
                      models[0] if models else None)
        _check_answers(engine, answers, workbooks, result, warnings)
    count = len(question_choices) + len(model_choices) + answers_files
    return result.problems, f"{count} item{'s' if count != 1 else ''} checked", warnings


def _check_answers(engine: Engine, answers: list[tuple[Path, Answers]], workbooks: list[Path],
                   result: CheckResult, warnings: list[Problem]) -> None:
    """Record the answers that their questions do not accept, and those that do not count.

    A workbook is read with the engine's question set: its dropdown texts stand for values.
    """
    for path in workbooks:
        read = engine.gather_answers(path, result)
        if read is not None:
            warnings += validation.answer_warnings(read, Document(str(path), {}, None),
                                                   engine.scorer)
    for path, given in answers:
        unplaced = Document(str(path), {}, None)  # finds problems, without line numbers
        if validation.check_answers(given, unplaced, engine.questions, engine.sha256):
            result.record(validation.check_answers(given, read_yaml(path), engine.questions,
                                                   engine.sha256))
        elif validation.answer_warnings(given, unplaced, engine.scorer):
            warnings += validation.answer_warnings(given, read_yaml(path), engine.scorer)
