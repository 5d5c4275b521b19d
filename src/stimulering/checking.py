"""``stimulering validate``: sort the given paths by kind and check each kind fully."""

from __future__ import annotations

from pathlib import Path

from stimulering import engine as engine_module
from stimulering.errors import InvalidInputError, Problem
from stimulering.loading import MODEL_SECTIONS, read_yaml


def classify(path: Path) -> str:
    """Kind of a path: ``model`` (folder or file), ``questions``, ``answers`` or ``broken``."""
    if path.is_dir():
        return "model"
    try:
        data = read_yaml(path).data
    except InvalidInputError:
        return "broken"
    if "stimulering_answers" in data:
        return "answers"
    if "settings" in data or any(section in data for section in MODEL_SECTIONS):
        return "model"
    # A file that is neither answers nor model is checked as a question set, so that a
    # set with a missing or misspelt key gets the question-set messages.
    return "questions"


def validate_paths(paths: list[Path], questions: Path | None,
                   model: Path | None) -> tuple[list[Problem], str]:
    """Every problem in the given files (or the defaults), and a summary of what was checked."""
    problems: list[Problem] = []
    question_sets: list[Path] = [questions] if questions else []
    models: list[Path] = [model] if model else []
    answers: list[Path] = []
    for path in paths:
        kind = classify(path)
        if kind == "broken":
            try:
                read_yaml(path)
            except InvalidInputError as error:
                problems.extend(error.problems)
        elif kind == "questions":
            question_sets.append(path)
        elif kind == "answers":
            answers.append(path)
        else:
            folder = path if path.is_dir() else path.parent
            if folder not in models:
                models.append(folder)
    question_choices: list[Path | None] = list(question_sets) or [None]
    model_choices: list[Path | None] = list(models) or [None]
    pairs = [(q, m) for q in question_choices for m in model_choices]
    for question_path, model_path in pairs:
        problems.extend(p for p in engine_module.check(question_path, model_path)
                        if p not in problems)
    if answers:
        try:
            engine = engine_module.load(question_sets[0] if question_sets else None,
                                        models[0] if models else None)
        except InvalidInputError:
            engine = None  # already reported above
        for path in answers:
            try:
                if engine is not None:
                    engine.read_answers(path)
            except InvalidInputError as error:
                problems.extend(error.problems)
    count = len(question_choices) + len(model_choices) + len(answers)
    return problems, f"{count} item{'s' if count != 1 else ''} checked"
