"""Loads a question set and model once, checks them together, and scores answers files.

This is the seam between files and the pure core: the command line (and the
public API) call ``load`` and then ``Engine.evaluate`` or ``Engine.evaluate_file``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stimulering import validation
from stimulering.advice import AdviceItem, advise
from stimulering.errors import InvalidInputError, Problem
from stimulering.loading import (
    Document,
    LoadedModel,
    LoadedQuestionSet,
    load_answers,
    load_model,
    load_question_set,
)
from stimulering.model import Answers, Model, QuestionSet
from stimulering.scoring import Assessment, Scorer


@dataclass(frozen=True)
class Evaluation:
    """Everything a renderer needs about one scored answers file."""

    answers: Answers
    assessment: Assessment
    advice: dict[str, list[AdviceItem]]
    questions: QuestionSet
    model: Model


class Engine:
    """A checked question set and model, ready to score answers."""

    def __init__(self, loaded_questions: LoadedQuestionSet, loaded_model: LoadedModel) -> None:
        self.loaded_questions = loaded_questions
        self.loaded_model = loaded_model
        self.questions = loaded_questions.questions
        self.model = loaded_model.model
        self.sha256 = loaded_questions.sha256
        self.scorer = Scorer(self.questions, self.model, self.sha256)

    def check_answers(self, answers: Answers, document: Document) -> None:
        """Raise when an answer has a value its question does not accept."""
        problems = validation.check_answers(answers, document, self.questions)
        if problems:
            raise InvalidInputError(problems)

    def evaluate(self, answers: Answers) -> Evaluation:
        """Score answers that were already checked."""
        assessment = self.scorer.assess(answers)
        return Evaluation(answers, assessment, advise(assessment, self.questions, self.model),
                          self.questions, self.model)

    def read_answers(self, path: Path, shown: str | None = None) -> Answers:
        """Load an answers file and check its values against this question set.

        The file is YAML, or an answers workbook when its name ends in ``.xlsx``.
        """
        document: Document
        if path.suffix.lower() == ".xlsx":
            from stimulering.workbook import read_workbook

            answers, document = read_workbook(path, self.questions, shown)
        else:
            answers, document = load_answers(path, shown)
        self.check_answers(answers, document)
        return answers

    def evaluate_file(self, path: Path, shown: str | None = None) -> Evaluation:
        """Load, check and score one answers file."""
        return self.evaluate(self.read_answers(path, shown))


def check(questions_path: Path | None = None, model_path: Path | None = None) -> list[Problem]:
    """Every problem of a question set and model, loaded and checked together."""
    problems: list[Problem] = []
    loaded_questions = loaded_model = None
    try:
        loaded_questions = load_question_set(questions_path)
    except InvalidInputError as error:
        problems.extend(error.problems)
    try:
        loaded_model = load_model(model_path)
    except InvalidInputError as error:
        problems.extend(error.problems)
    if loaded_model is not None:
        problems.extend(_cross_problems(loaded_questions, loaded_model))
    return problems


def _cross_problems(loaded_questions: LoadedQuestionSet | None,
                    loaded_model: LoadedModel) -> list[Problem]:
    """Problems across files: the model in itself and against the set, the set against it."""
    problems = validation.check_model(
        loaded_model, loaded_questions.questions if loaded_questions else None)
    if loaded_questions is not None:
        problems += validation.check_question_set(loaded_questions, loaded_model)
    return problems


def load(questions_path: Path | None = None, model_path: Path | None = None, *,
         use_bundle: bool = True) -> Engine:
    """Load and check a question set and model (the shipped ones by default).

    The shipped ones come from a bundle when one matches the files (see
    ``stimulering.bundle``), and loading them from YAML leaves one in the cache
    folder for the next time; ``use_bundle=False`` always reads the YAML.
    """
    shipped = use_bundle and questions_path is None and model_path is None
    if shipped:
        from stimulering.bundle import read_bundle

        bundled = read_bundle()
        if bundled is not None:
            return Engine(*bundled)
    loaded_questions = load_question_set(questions_path)
    loaded_model = load_model(model_path)
    problems = _cross_problems(loaded_questions, loaded_model)
    if problems:
        raise InvalidInputError(problems)
    engine = Engine(loaded_questions, loaded_model)
    if shipped:
        from stimulering.bundle import remember

        remember(engine)
    return engine
