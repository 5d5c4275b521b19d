"""Pure: one coalition over time, round by round.

The files of one round (see ``rounds``) become one point: the coalition's agreed
file when there is one, else its respondents combined (see ``combine``). Between
two points: the items whose score moved, what became of the earlier actions, and
the share of items comparable between them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from stimulering.core.combine import (
    action_key,
    combine_assessments,
    counts,
    require_one_coalition,
    respondent_results,
)
from stimulering.core.rounds import AGREED_ROLE, Entry, group_rounds
from stimulering.core.scoring import (
    TOLERANCE,
    Assessment,
    Scorer,
)
from stimulering.model import (
    Action,
    Answers,
)

COMPARABLE_MINIMUM = 0.8
"""Share of comparable items below which a comparison over time carries a warning."""



@dataclass(frozen=True)
class ProgressPoint:
    """One round of a coalition's history (its respondents combined, or their agreed file)."""

    date: dt.date
    """The latest date of the round."""
    assessment: Assessment
    respondents: int
    """The partners' files of the round (a coalition file is not counted)."""
    answered: frozenset[str]
    """Ids of the scored items given a value (current ids, or the unknown ids as written)."""
    actions: tuple[Action, ...]
    round: str = ""
    first: dt.date | None = None
    """The earliest date of the round."""
    agreed: bool = False
    """Whether the round's result is the coalition file agreed in a consensus conversation."""


@dataclass(frozen=True)
class Movement:
    """How the (combined) score of one item changed between two dates."""

    question: str
    pillar: str
    before: float
    after: float

    @property
    def change(self) -> float:
        """Score after minus score before."""
        return self.after - self.before


ActionState = str
"""``done``, ``open`` (listed again, not done) or ``not_listed`` (missing in the later file)."""


@dataclass(frozen=True)
class ActionStatus:
    """An action of the earlier date and what became of it."""

    action: Action
    status: ActionState


@dataclass(frozen=True)
class ProgressStep:
    """What changed from one date to the next."""

    before: dt.date
    after: dt.date
    moved: tuple[Movement, ...]
    """Items whose score changed, largest change first."""
    actions: tuple[ActionStatus, ...]
    comparable: float
    """Share of the scored items given in either file that were given in both (0-1)."""


@dataclass(frozen=True)
class Progress:
    """One coalition over time."""

    coalition: str
    points: tuple[ProgressPoint, ...]
    """In date order."""
    steps: tuple[ProgressStep, ...]

    @property
    def comparable(self) -> float:
        """The lowest comparable share of any step (1 when there is only one date)."""
        return min((step.comparable for step in self.steps), default=1.0)


def _merge_actions(answers: Iterable[Answers]) -> tuple[Action, ...]:
    actions: dict[tuple[str, str | None], Action] = {}
    for item in answers:
        for action in item.actions:
            key = (action_key(action.what), action.item)
            if key not in actions or action.done:
                actions[key] = action
    return tuple(actions.values())


def _answered_ids(scorer: Scorer, answers: Answers, together: int) -> set[str]:
    """The scored questions a file answered, and the ids the set does not know.

    Only answers that count where ``together`` files are combined (``combine.counts``).
    """
    values, unknown = scorer.effective_values(answers.answers)
    known = {key for key in values if scorer.questions[key].scored
             and counts(scorer.questions[key], answers.respondent, together)}
    return known | {f"?{key}" for key in unknown}


def progress_point(scorer: Scorer, answers: Sequence[Answers], *,
                   round_label: str = "") -> ProgressPoint:
    """The assessment of one round: its coalition file if there is one, else combined."""
    partners = [a for a in answers if a.respondent.role != AGREED_ROLE]
    agreed = sorted((a for a in answers if a.respondent.role == AGREED_ROLE),
                    key=lambda a: a.date)
    if agreed:
        assessment = scorer.assess(agreed[-1])
    elif len(answers) == 1:
        assessment = scorer.assess(answers[0])
    else:
        assessment, _ = combine_assessments(scorer, respondent_results(scorer, answers))
    answered: set[str] = set()
    for item in answers:
        answered |= _answered_ids(scorer, item, 1 if agreed else len(answers))
    return ProgressPoint(max(a.date for a in answers), assessment, len(partners),
                         frozenset(answered), _merge_actions(answers), round_label,
                         min(a.date for a in answers), bool(agreed))


def progress_step(scorer: Scorer, before: ProgressPoint, after: ProgressPoint) -> ProgressStep:
    """Moved items, actions done and the comparable share between two dates."""
    moved = []
    for index, question in enumerate(scorer.qset.questions):
        old = before.assessment.items[question.id]
        new = after.assessment.items[question.id]
        if old.status == "answered" and new.status == "answered" and \
                old.score is not None and new.score is not None and \
                abs(new.score - old.score) > TOLERANCE:
            moved.append((-abs(new.score - old.score), index,
                          Movement(question.id, question.pillar, old.score, new.score)))
    moved.sort(key=lambda entry: (entry[0], entry[1]))
    later = {(action_key(a.what), a.item): a for a in after.actions}
    statuses = []
    for action in before.actions:
        match = later.get((action_key(action.what), action.item))
        if action.done or (match is not None and match.done):
            status = "done"
        elif match is not None:
            status = "open"
        else:
            status = "not_listed"
        statuses.append(ActionStatus(action, status))
    either = before.answered | after.answered
    both = before.answered & after.answered
    share = len(both) / len(either) if either else 1.0
    return ProgressStep(before.date, after.date, tuple(entry[2] for entry in moved),
                        tuple(statuses), share)


def progress(scorer: Scorer, answers: Sequence[Answers], *,
             files: Sequence[str] = ()) -> Progress:
    """One coalition over time; the files of one round are combined (see ``rounds``)."""
    require_one_coalition(answers, files or [a.coalition for a in answers])
    rounds = group_rounds([Entry.of(index, item) for index, item in enumerate(answers)])
    points = tuple(progress_point(scorer, [answers[e.source] for e in found.entries],
                                  round_label=found.label)
                   for found in rounds)
    steps = tuple(progress_step(scorer, a, b) for a, b in zip(points, points[1:], strict=False))
    return Progress(answers[0].coalition, points, steps)
