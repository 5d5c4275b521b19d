"""stimulering: where does our coalition stand, and what helps it grow?

The public API is small: ``load`` reads and checks a question set and model,
``assess`` scores an answers file. Both import their machinery only when
called, so that importing the package stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stimulering.core.results import Evaluation
    from stimulering.sources.engine import Engine

__version__ = "0.1.0"
__all__ = ["__version__", "assess", "load"]


def load(questions: Path | None = None, model: Path | None = None) -> Engine:
    """A checked question set and model (the shipped ones by default), ready to score."""
    from stimulering.sources.engine import load as load_engine

    return load_engine(questions, model)


def assess(answers: Path, questions: Path | None = None, model: Path | None = None) -> Evaluation:
    """Score one answers file: its assessment, advice, and the question set and model used."""
    return load(questions, model).evaluate_file(answers)
