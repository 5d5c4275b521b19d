"""What scoring one answers file gives: the value object every renderer reads.

Pure: it holds data made by the core and imports nothing that reads files, so
the renderers in ``report/`` depend on the core and not on the loading layer.
Everything a report shows that is worked out (what decides the phase, advice,
the first steps, the roadmap) is worked out here, once, and handed to the
renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from stimulering.core.advice import AdviceItem, NextStep, advise, next_steps
from stimulering.core.scoring import Assessment, Scorer
from stimulering.core.summary import RoadmapRow, Targets, TargetVote, own_targets, roadmap
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
    targets: dict[str, tuple[TargetVote, ...]] = field(default_factory=dict)
    """The target phases per pillar, lowest first: the answers file's own, or in the
    coalition view every partner's (see ``core.summary``)."""

    def target_phases(self, pillar: str) -> tuple[int, ...]:
        """The target phases of ``pillar``, lowest first (none: no target)."""
        return tuple(vote.phase for vote in self.targets.get(pillar, ()))


def evaluate(answers: Answers, assessment: Assessment, questions: QuestionSet,
             model: Model, scorer: Scorer | None = None, *,
             targets: Targets | None = None) -> Evaluation:
    """The evaluation of scored answers, with what decides the phase, advice, steps, roadmap.

    ``scorer`` is the one that scored them; one is made here when it is not given.
    ``targets`` are the targets of several partners (the coalition view); by default the
    answers file's own.
    """
    decided = verdict(scorer or Scorer(questions, model), assessment)
    advice = advise(assessment, questions, model, decided.pillar_unknown)
    votes = own_targets(answers.targets) if targets is None else \
        {pillar: tuple(sorted(given, key=lambda vote: vote.phase))
         for pillar, given in targets.items() if given}
    return Evaluation(answers, assessment, advice, next_steps(assessment, advice),
                      roadmap(assessment, votes), questions, model, decided, votes)
