"""Pure: the roadmap of the executive summary, pillar by pillar: now, next, target, how far.

**Percent-to-target.** A target phase ``t`` asks that levels 1 to ``t - 1`` are
met in order (phase ``t`` is the one the coalition then works on). The percent
to target is the share of those levels that is met, in order, now:
``levels met / (t - 1)``, at most 100%. A target of phase 1, or one at or below
the current phase, is reached (100%). There is no percentage, but a dash and a
word, when the pillar has no target, or while unknown answers leave its phase
open: a number would be made up.

**Targets of several partners.** One answers file sets at most one target per
pillar. In the coalition view each partner may have set their own: a pillar then
has one ``TargetVote`` per different target, lowest first, each with the partners
who set it; where they differ, the roadmap shows every target and its percentage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from stimulering.core.scoring import Assessment, PhaseRange
from stimulering.model import PILLARS, PillarId

RoadmapStatus = Literal["on_the_way", "reached", "no_target", "open"]


@dataclass(frozen=True)
class TargetVote:
    """A target phase of one pillar, and who set it."""

    phase: int
    by: tuple[str, ...] = ()
    """The partners who set it (their labels in the coalition view); empty for the target
    of one answers file, or of the coalition's agreed file."""


Targets = Mapping[str, Sequence[TargetVote]]
"""The target phases of each pillar that has any."""


def own_targets(targets: Mapping[PillarId, int]) -> dict[str, tuple[TargetVote, ...]]:
    """The targets of one answers file (``targets:``) as votes."""
    return {pillar: (TargetVote(phase),) for pillar, phase in targets.items()}


@dataclass(frozen=True)
class RoadmapRow:
    """One pillar on the way to its target."""

    pillar: str
    now: int | None
    """The current phase; ``None`` while unknown answers leave it open."""
    phase_range: PhaseRange
    """The phases the unknown answers leave open (one phase when it is known)."""
    next: int | None
    """The phase after the current one; ``None`` when unknown or all levels are met."""
    target: int | None
    """The target phase from the answers file; ``None`` when none is set."""
    percent: int | None
    """Percent-to-target (see the module's docstring); ``None`` when it cannot be given."""
    status: RoadmapStatus
    targets: tuple[TargetVote, ...] = ()
    """Every target of the pillar, lowest first (``target`` is the first); more than one
    where partners set different targets."""
    percents: tuple[int | None, ...] = ()
    """Percent-to-target of each of ``targets`` (``None`` while the phase is unknown)."""


def percent_to_target(levels_met: int, target: int) -> int:
    """The share of the levels a target asks for (1 to ``target - 1``) that is met, in %."""
    if target <= 1:
        return 100
    return round(100 * min(levels_met, target - 1) / (target - 1))


def roadmap(assessment: Assessment, targets: Targets) -> list[RoadmapRow]:
    """Every pillar's row of the roadmap, in the model's pillar order."""
    rows = []
    for pillar_id in PILLARS:
        pillar = assessment.pillars[pillar_id]
        votes = tuple(sorted(targets.get(pillar_id, ()), key=lambda vote: vote.phase))
        target = votes[0].phase if votes else None
        now = pillar.phase
        following = now + 1 if now is not None and now < 6 else None
        percent: int | None = None
        status: RoadmapStatus
        if now is None:
            status = "open"
        elif target is None:
            status = "no_target"
        else:
            percent = percent_to_target(pillar.levels_met, target)
            status = "reached" if percent == 100 else "on_the_way"
        percents = tuple(None if now is None else percent_to_target(pillar.levels_met, v.phase)
                         for v in votes)
        rows.append(RoadmapRow(pillar_id, now, pillar.phase_range, following, target, percent,
                               status, votes, percents))
    return rows
