"""Loads a question set and model once, checks them together, and scores answers files.

This is the seam between files and the pure core: the command line (and the
public API) call ``load`` and then ``Engine.evaluate`` or ``Engine.evaluate_file``.
"""

from __future__ import annotations

from pathlib import Path

from stimulering.core.results import Evaluation, evaluate
from stimulering.core.scoring import Scorer
from stimulering.errors import CheckResult, required
from stimulering.model import Answers
from stimulering.sources import validation
from stimulering.sources.bundle import read_bundle, remember
from stimulering.sources.files import LoadedModel, LoadedQuestionSet


class Engine:
    """A checked question set and model, ready to score answers."""

    def __init__(self, loaded_questions: LoadedQuestionSet, loaded_model: LoadedModel) -> None:
        self.loaded_questions = loaded_questions
        self.loaded_model = loaded_model
        self.questions = loaded_questions.questions
        self.model = loaded_model.model
        self.sha256 = loaded_questions.sha256
        self.scorer = Scorer(self.questions, self.model, self.sha256)

    def evaluate(self, answers: Answers) -> Evaluation:
        """Score answers that were already checked."""
        return evaluate(answers, self.scorer.assess(answers), self.questions, self.model,
                        self.scorer)

    def read_answers(self, path: Path, shown: str | None = None) -> Answers:
        """Load an answers file and check its values against this question set.

        The file is YAML, or an answers workbook when its name ends in ``.xlsx``.
        """
        return required(lambda result: self.gather_answers(path, result, shown))

    def gather_answers(self, path: Path, result: CheckResult,
                       shown: str | None = None) -> Answers | None:
        """An answers file checked against this question set, or ``None`` with its problems."""
        return validation.gather_answers(path, self.questions, result, shown, self.sha256)

    def evaluate_file(self, path: Path, shown: str | None = None) -> Evaluation:
        """Load, check and score one answers file."""
        return self.evaluate(self.read_answers(path, shown))


def load(questions_path: Path | None = None, model_path: Path | None = None, *,
         use_bundle: bool = True) -> Engine:
    """Load and check a question set and model (the shipped ones by default).

    The shipped ones come from a bundle when one matches the files (see
    ``stimulering.sources.bundle``), and loading them from YAML leaves one in the cache
    folder for the next time; ``use_bundle=False`` always reads the YAML.
    """
    shipped = use_bundle and questions_path is None and model_path is None
    if shipped:
        bundled = read_bundle()
        if bundled is not None:
            return Engine(*bundled)
    engine = Engine(*validation.load_checked(questions_path, model_path))
    if shipped:
        remember(engine.loaded_questions, engine.loaded_model)
    return engine
