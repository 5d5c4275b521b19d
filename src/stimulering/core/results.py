"""What scoring one answers file gives: the value object every renderer reads.

Pure: it holds data made by the core and imports nothing that reads files, so
the renderers in ``report/`` depend on the core and not on the loading layer.
Everything a report shows that is worked out (what decides the phase, advice,
the first steps, the roadmap) is worked out here, once, and handed to the
renderers.
"""

from __future__ import annotations

from dataclasses import dataclass

from stimulering.core.advice import AdviceItem, NextStep, advise, next_steps
from stimulering.core.scoring import Assessment, Scorer
from stimulering.core.summary import RoadmapRow, roadmap
from stimulering.core.uncertainty import Verdict, verdict
from stimulering.model import Answers, Model, QuestionSet


@dataclass(frozen=True)
class Evaluation:
    """Everything a renderer needs about one scored answers file."""

    answers: Answers
    """The answers as read and checked."""
    assessment: Assessment
    """Their scores per pillar and phase."""
    advice: dict[str, list[AdviceItem]]
    """Advice per pillar."""
    next_steps: list[NextStep]
    """The first steps to decide on, most urgent first."""
    roadmap: list[RoadmapRow]
    """Each pillar on the way to its target, in the model's pillar order."""
    questions: QuestionSet
    """The question set they were scored with."""
    model: Model
    """The model they were scored with."""
    verdict: Verdict
    """What decides the phase: the unknown answers that keep it open, and the answers
    that, changed alone, would move it."""


def evaluate(answers: Answers, assessment: Assessment, questions: QuestionSet,
             model: Model, scorer: Scorer | None = None) -> Evaluation:
    """The evaluation of scored answers, with what decides the phase, advice, steps, roadmap.

    ``scorer`` is the one that scored them; one is made here when it is not given.
    """
    decided = verdict(scorer or Scorer(questions, model), assessment)
    advice = advise(assessment, questions, model, decided.pillar_unknown)
    return Evaluation(answers, assessment, advice, next_steps(assessment, advice),
                      roadmap(assessment, answers.targets), questions, model, decided)
