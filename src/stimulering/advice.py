"""Pure: an Assessment -> advice per pillar, each item with its reason and instruments.

The order within a pillar is fixed: inhibitors present; unmet gate items of
the current level; the lowest-scoring items of that level (and its open items
when too little is known); missing (absent, not unknown) catalysts; then what
the next phase asks.
A pillar whose phase is undetermined gets, after its inhibitors, one item that
says how many more answers it needs, and then its missing catalysts: advice on
a level or the next phase would rest on guesswork. An instrument is named at
most once per pillar, at its first (most urgent) use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from stimulering.model import PILLARS, LocalText, Model, QuestionSet
from stimulering.scoring import Assessment, PillarResult

MAX_LOW_ITEMS = 3
"""How many low-scoring items of the current level are turned into advice."""

AdviceKind = Literal["inhibitor", "undetermined", "gate", "low_item", "unknown_item",
                     "catalyst", "next_phase"]


@dataclass(frozen=True, slots=True)
class AdviceItem:
    """One piece of advice: why, what to do, and which instruments help."""

    kind: AdviceKind
    subject: str
    """The question id (gate, low_item, unknown_item), signal id, phase number, or pillar
    id (undetermined)."""
    text: LocalText | None
    """What to do; ``None`` when the question set gives no advice for the item."""
    instruments: tuple[str, ...]
    score: float | None = None
    """The item's score, for gate and low_item advice."""


def advise(assessment: Assessment, qset: QuestionSet, model: Model) -> dict[str, list[AdviceItem]]:
    """Advice for every pillar of an assessment."""
    return {pillar: _pillar_advice(assessment, assessment.pillars[pillar], qset, model)
            for pillar in PILLARS}


def _pillar_advice(assessment: Assessment, pillar: PillarResult, qset: QuestionSet,
                   model: Model) -> list[AdviceItem]:
    questions = qset.by_id()
    signals = {signal.id: signal for signal in model.signals}
    draft: list[tuple[AdviceKind, str, LocalText | None, Iterable[str], float | None]] = []

    for result in assessment.inhibitors:
        signal = signals[result.id]
        if result.status == "present" and pillar.id in signal.pillars:
            draft.append(("inhibitor", signal.id, signal.advice, signal.instruments, None))

    if pillar.phase is None:
        draft.append(("undetermined", pillar.id, None, (), None))
    level = pillar.current
    if level is not None:
        for question_id in level.failed_gates:
            question = questions[question_id]
            draft.append(("gate", question_id, question.advice, question.instruments,
                          assessment.items[question_id].score))
        low = sorted(
            (
                (assessment.items[q].score or 0.0, index, q)
                for index, q in enumerate(level.items)
                if assessment.items[q].status == "answered"
                and q not in level.failed_gates
                and (assessment.items[q].score or 0.0) < level.threshold
            ),
        )
        for low_score, _, question_id in low[:MAX_LOW_ITEMS]:
            question = questions[question_id]
            draft.append(("low_item", question_id, question.advice, question.instruments,
                          low_score))
        if "low_coverage" in level.reasons:
            for question_id in level.items:
                if assessment.items[question_id].status == "unknown" and \
                        question_id not in level.failed_gates:
                    draft.append(("unknown_item", question_id, None,
                                  questions[question_id].instruments, None))

    for result in assessment.catalysts:
        signal = signals[result.id]
        if result.status == "absent" and pillar.id in signal.pillars:
            draft.append(("catalyst", signal.id, signal.advice, signal.instruments, None))

    next_phase = None if pillar.phase is None else (
        pillar.phase + 1 if pillar.phase < 6 else (6 if pillar.levels_met < 6 else None))
    if next_phase is not None:
        for entry in model.advice:
            if entry.pillar == pillar.id and entry.phase == next_phase:
                draft.append(("next_phase", str(next_phase), entry.text, entry.instruments, None))

    used: set[str] = set()
    advice = []
    for kind, subject, text, instruments, score in draft:
        fresh = tuple(dict.fromkeys(i for i in instruments if i not in used))
        used.update(fresh)
        advice.append(AdviceItem(kind, subject, text, fresh, score))
    return advice
