"""Pure: an Assessment -> advice per pillar, each item with its reason and instruments.

The order within a pillar is fixed: inhibitors present; unmet gate items of
the current level; the lowest-scoring items of that level (and its open items
when too little is known); missing (absent, not unknown) catalysts; then what
the next phase asks.
A pillar whose phase is undetermined gets, after its inhibitors, one item that
says how many more answers it needs, and then its missing catalysts: advice on
a level or the next phase would rest on guesswork. An instrument is named at
most once per pillar, at its first (most urgent) use.

Advice is written once for the whole report: a catalyst or inhibitor that
concerns several pillars is placed under the weakest of them, an advice text
that an earlier item already gave is not repeated, and a practice example
illustrates one instrument only, at its first mention. ``next_steps`` picks the
few items a steering group can decide on first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from stimulering.core.scoring import Assessment, PillarResult
from stimulering.model import PILLARS, LocalText, Model, QuestionSet

NEXT_STEPS = 3
"""How many next steps the summary of a report proposes."""

_URGENCY: dict[str, int] = {"inhibitor": 0, "gate": 1, "unknown_item": 2, "catalyst": 3,
                            "low_item": 4, "next_phase": 5}
"""The order in which kinds of advice become next steps: remove what blocks first."""

MAX_LOW_ITEMS = 3
"""How many low-scoring items of the current level are turned into advice."""

AdviceKind = Literal["inhibitor", "gate", "low_item", "unknown_item", "catalyst",
                     "next_phase"]


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
    examples: tuple[tuple[str, str], ...] = ()
    """(instrument id, practice example id): the example shown with an instrument, each
    example at most once in the whole advice."""


@dataclass(frozen=True, slots=True)
class NextStep:
    """One advice item proposed as a next step, with the pillar whose advice holds it."""

    pillar: str
    item: AdviceItem


def advise(assessment: Assessment, qset: QuestionSet, model: Model) -> dict[str, list[AdviceItem]]:
    """Advice for every pillar of an assessment, each piece of advice given once."""
    homes = _signal_homes(assessment, model)
    advice: dict[str, list[AdviceItem]] = {}
    given: set[tuple[tuple[str, str], ...]] = set()
    shown_examples: set[str] = set()
    for pillar in PILLARS:
        items = []
        for item in _pillar_advice(assessment, assessment.pillars[pillar], qset, model, homes):
            if item.text is not None:
                said = tuple(sorted(item.text.items()))
                if said in given:
                    continue
                given.add(said)
            examples = []
            for instrument in item.instruments:
                example = next((e.id for e, _ in model.examples_of(instrument)
                                if e.id not in shown_examples), None)
                if example is not None:
                    shown_examples.add(example)
                    examples.append((instrument, example))
            items.append(AdviceItem(item.kind, item.subject, item.text, item.instruments,
                                    item.score, tuple(examples)))
        advice[pillar] = items
    return advice


def next_steps(assessment: Assessment, advice: dict[str, list[AdviceItem]],
               limit: int = NEXT_STEPS) -> list[NextStep]:
    """The first steps to decide on: what blocks first, in the weakest pillar first.

    Kinds are taken in the order of ``_URGENCY``; within a kind, pillars with a
    lower (or undetermined) phase come first, then the advice's own order.
    """
    ranked = sorted(
        ((_URGENCY[item.kind], assessment.pillars[pillar].phase_range.low,
          PILLARS.index(pillar),
          position, NextStep(pillar, item))
         for pillar in PILLARS for position, item in enumerate(advice[pillar])),
        key=lambda entry: entry[:4])
    return [entry[4] for entry in ranked[:limit]]


def _signal_homes(assessment: Assessment, model: Model) -> dict[str, str]:
    """The one pillar whose advice holds each signal: the weakest of its pillars."""
    return {
        signal.id: min(signal.pillars, key=lambda p: (assessment.pillars[p].phase_range.low,
                                                      signal.pillars.index(p)))
        for signal in model.signals
    }


def _pillar_advice(assessment: Assessment, pillar: PillarResult, qset: QuestionSet,
                   model: Model, homes: dict[str, str]) -> list[AdviceItem]:
    questions = qset.by_id()
    signals = {signal.id: signal for signal in model.signals}
    draft: list[tuple[AdviceKind, str, LocalText | None, Iterable[str], float | None]] = []

    for result in assessment.inhibitors:
        signal = signals[result.id]
        if result.status == "present" and homes[signal.id] == pillar.id:
            draft.append(("inhibitor", signal.id, signal.advice, signal.instruments, None))

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
        if level.open:
            for question_id in level.unknown:
                draft.append(("unknown_item", question_id, None,
                              questions[question_id].instruments, None))

    for result in assessment.catalysts:
        signal = signals[result.id]
        if result.status == "absent" and homes[signal.id] == pillar.id:
            draft.append(("catalyst", signal.id, signal.advice, signal.instruments, None))

    phase = pillar.phase_range.low
    next_phase = phase + 1 if phase < 6 else (6 if pillar.levels_met < 6 else None)
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
