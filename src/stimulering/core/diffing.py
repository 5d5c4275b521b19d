"""What changed between two versions of a question set, and which version bump that asks.

Pure: two ``QuestionSet`` objects in, a ``QuestionSetDiff`` out. Items are matched by
id, and through ``replaces`` for renamed items, so a renamed item is neither added
nor removed. A change to how an item is scored makes scores of the old and new
set incomparable and asks for a major version; new (or renamed) items ask for a
minor version; changes that only affect what people read ask for a patch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from stimulering.model import Question, QuestionSet

Bump = Literal["major", "minor", "patch", "none"]
BUMPS: tuple[Bump, ...] = ("none", "patch", "minor", "major")
"""Version bumps from smallest to largest."""

SCORING_FIELDS: tuple[str, ...] = (
    "type", "pillar", "phase", "weight", "gate", "reverse", "aggregate", "bands", "when",
    "context",
)
"""Fields of a question whose change changes scores (options are compared by id and score)."""

WORDING_FIELDS: tuple[str, ...] = (
    "text", "help", "advice", "unit", "category", "instruments", "topic", "entry_condition",
    "origin",
)
"""Fields that change what people read or are advised, or why, but not the scores."""

_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)")


@dataclass(frozen=True)
class QuestionSetDiff:
    """The differences between an old and a new version of a question set."""

    old_id: str
    old_version: str
    new_id: str
    new_version: str
    added: tuple[str, ...]
    """Ids of new items, in the order of the new set."""
    removed: tuple[str, ...]
    """Ids of items that are gone (not renamed), in the order of the old set."""
    reworded: tuple[str, ...]
    """Items (by new id) whose text, help, advice, option labels, unit, category,
    instruments, topic, entry condition or origin changed (an item can be both reworded and
    rescored)."""
    rescored: tuple[str, ...]
    """Items (by new id) whose type, options, option scores, weight, gate, reverse, phase,
    pillar, aggregate, bands, ``when`` or ``context`` changed."""
    renamed: dict[str, str] = field(default_factory=dict)
    """Old id -> new id, for items that name the old id in ``replaces``."""

    @property
    def comparable(self) -> bool:
        """Whether scores made with the old set can be compared with the new one."""
        return not self.rescored and not self.removed

    @property
    def suggested_bump(self) -> Bump:
        """The smallest version bump these changes ask for."""
        if self.rescored or self.removed:
            return "major"
        if self.added or self.renamed:
            return "minor"
        if self.reworded:
            return "patch"
        return "none"

    @property
    def declared_bump(self) -> Bump:
        """The bump the two ``version`` fields declare (``none`` when it did not go up)."""
        return declared_bump(self.old_version, self.new_version)

    @property
    def bump_too_small(self) -> bool:
        """Whether the declared bump is smaller than the suggested one."""
        return BUMPS.index(self.declared_bump) < BUMPS.index(self.suggested_bump)


def declared_bump(old: str, new: str) -> Bump:
    """Which part of a semantic version went up from ``old`` to ``new``."""
    old_parts, new_parts = _parts(old), _parts(new)
    if old_parts is None or new_parts is None:
        return "none"
    parts: tuple[Bump, ...] = ("major", "minor", "patch")
    for bump, before, after in zip(parts, old_parts, new_parts, strict=True):
        if after != before:
            return bump if after > before else "none"
    return "none"


def _parts(version: str) -> tuple[int, int, int] | None:
    match = _SEMVER.match(version)
    if match is None:
        return None
    return int(match[1]), int(match[2]), int(match[3])


def diff_question_sets(old: QuestionSet, new: QuestionSet) -> QuestionSetDiff:
    """Compare two versions of a question set item by item."""
    old_items = old.by_id()
    new_ids = {question.id for question in new.questions}
    matched: set[str] = set()
    added: list[str] = []
    reworded: list[str] = []
    rescored: list[str] = []
    renamed: dict[str, str] = {}
    for question in new.questions:
        previous = old_items.get(question.id)
        if previous is not None:
            matched.add(question.id)
        for old_id in question.replaces:
            if old_id in old_items and old_id not in new_ids and old_id not in renamed:
                renamed[old_id] = question.id
                matched.add(old_id)
                previous = previous or old_items[old_id]
        if previous is None:
            added.append(question.id)
            continue
        if _wording(previous) != _wording(question):
            reworded.append(question.id)
        if _scoring(previous) != _scoring(question):
            rescored.append(question.id)
    removed = tuple(q.id for q in old.questions if q.id not in matched)
    return QuestionSetDiff(
        old_id=old.id, old_version=old.version, new_id=new.id, new_version=new.version,
        added=tuple(added), removed=removed, reworded=tuple(reworded),
        rescored=tuple(rescored), renamed=renamed,
    )


def _scoring(question: Question) -> dict[str, Any]:
    data = question.model_dump(include=set(SCORING_FIELDS))
    data["options"] = {o.id: o.score for o in question.options or []}
    return data


def _wording(question: Question) -> dict[str, Any]:
    data = question.model_dump(include=set(WORDING_FIELDS))
    data["options"] = [(o.id, o.label) for o in question.options or []]
    return data
