"""What scoring one answers file gives: the value object every renderer reads.

Pure: it holds data made by the core and imports nothing that reads files, so
the renderers in ``report/`` depend on the core and not on the loading layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from stimulering.advice import AdviceItem
from stimulering.model import Answers, Model, QuestionSet
from stimulering.scoring import Assessment


@dataclass(frozen=True)
class Evaluation:
    """Everything a renderer needs about one scored answers file."""

    answers: Answers
    """The answers as read and checked."""
    assessment: Assessment
    """Their scores per pillar and phase."""
    advice: dict[str, list[AdviceItem]]
    """Advice per pillar."""
    questions: QuestionSet
    """The question set they were scored with."""
    model: Model
    """The model they were scored with."""
