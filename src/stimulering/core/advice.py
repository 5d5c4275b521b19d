"""Pure: an Assessment -> advice per pillar, each item with its reason and instruments.

Advice follows the report: the soft side first, money and contracts when the
collaboration can carry them, and never what the answers show is done. A pillar
in phase ``p`` (the low end of its range while that is open) gets its advice in
three stages:

- **now**: what phase ``p`` still needs. Present inhibitors; gate items of its
  level answered below 0.5; its lowest-scoring items below the threshold; the
  unknown answers that decide the pillar's open range ("find out"); and the
  catalysts of phase ``p`` or ``p + 1`` that are absent.
- **next**: what phase ``p + 1`` asks. The model's paragraph for that phase as
  long as no question of its level is answered at its best; once some are, the
  questions of that level that are not, each with its own advice (a paragraph
  would advise what is done).
- **later**: absent catalysts of a phase beyond ``p + 1``.

A catalyst's phase is the highest phase of the questions its condition reads.
An item whose ``topic`` is money or a contract comes after the soft items of its
stage while the coalition may still be in phase 1 or 2, and is then never one of
the first steps. An instrument is named at most once per pillar, at its first
use.

Advice is written once for the whole report: a catalyst or inhibitor that
concerns several pillars is placed under the weakest of them, an advice text
that an earlier item already gave is not repeated, and a practice example
illustrates one instrument only, at its first mention. ``next_steps`` picks the
few items a steering group can decide on first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from stimulering.core.conditions import referenced_questions
from stimulering.core.scoring import TOLERANCE, Assessment, PillarResult, best_score
from stimulering.model import (
    PILLARS,
    AdviceTopic,
    LocalText,
    Model,
    Question,
    QuestionSet,
    Signal,
)

NEXT_STEPS = 3
"""How many next steps the summary of a report proposes."""

EARLY_PHASE = 2
"""Up to this phase money and contract steps wait for the soft side (see the module)."""

_URGENCY: dict[str, int] = {"inhibitor": 0, "gate": 1, "unknown_item": 2, "catalyst": 3,
                            "low_item": 4, "next_item": 5, "next_phase": 5}
"""The order in which kinds of advice become next steps: remove what blocks first."""

MAX_LOW_ITEMS = 3
"""How many low-scoring items of the current level are turned into advice."""
MAX_NEXT_ITEMS = 3
"""How many questions of the next phase's level are turned into advice."""

AdviceKind = Literal["inhibitor", "gate", "low_item", "unknown_item", "catalyst",
                     "next_item", "next_phase"]
Stage = Literal["now", "next", "later"]


@dataclass(frozen=True, slots=True)
class AdviceItem:
    """One piece of advice: why, what to do, and which instruments help."""

    kind: AdviceKind
    subject: str
    """The question id (gate, low_item, unknown_item, next_item), signal id, or phase
    number (next_phase)."""
    text: LocalText | None
    """What to do; ``None`` when the question set gives no advice for the item."""
    instruments: tuple[str, ...]
    score: float | None = None
    """The item's score, for gate, low_item and next_item advice."""
    examples: tuple[tuple[str, str], ...] = ()
    """(instrument id, practice example id): the example shown with an instrument, each
    example at most once in the whole advice."""
    stage: Stage = "now"
    """now (the current phase), next (the phase after it) or later."""
    topic: AdviceTopic | None = None
    """``money`` or ``contract`` when the advice is about one (from the model)."""


@dataclass(frozen=True, slots=True)
class NextStep:
    """One advice item proposed as a next step, with the pillar whose advice holds it."""

    pillar: str
    item: AdviceItem


def early(assessment: Assessment) -> bool:
    """Whether the coalition may still be in phase 1 or 2, where money talk waits."""
    return assessment.phase_range.low <= EARLY_PHASE


def advise(assessment: Assessment, qset: QuestionSet, model: Model,
           deciding_unknown: Mapping[str, Sequence[str]] | None = None,
           ) -> dict[str, list[AdviceItem]]:
    """Advice for every pillar of an assessment, each piece of advice given once.

    ``deciding_unknown`` names, per pillar, the unknown answers that decide its open
    range (see ``core.uncertainty``); without it, the unknown items of the level the
    pillar works on stand for them.
    """
    homes = _signal_homes(assessment, model)
    advice: dict[str, list[AdviceItem]] = {}
    given: set[tuple[tuple[str, str], ...]] = set()
    shown_examples: set[str] = set()
    for pillar in PILLARS:
        result = assessment.pillars[pillar]
        if deciding_unknown is not None:
            unknown: Sequence[str] = deciding_unknown.get(pillar, ())
        else:
            level = result.current
            unknown = level.unknown if level is not None and level.open else ()
        items = []
        for item in _pillar_advice(assessment, result, qset, model, homes, unknown):
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
                                    item.score, tuple(examples), item.stage, item.topic))
        advice[pillar] = items
    return advice


def next_steps(assessment: Assessment, advice: dict[str, list[AdviceItem]],
               limit: int = NEXT_STEPS) -> list[NextStep]:
    """The first steps to decide on: what blocks first, in the weakest pillar first.

    Only advice for now or the next phase; while the coalition may still be in phase 1
    or 2, no money or contract step. Kinds are taken in the order of ``_URGENCY``;
    within a kind, pillars with a lower phase come first, then the advice's own order.
    """
    soft_only = early(assessment)
    ranked = sorted(
        ((_URGENCY[item.kind], assessment.pillars[pillar].phase_range.low,
          PILLARS.index(pillar), position, NextStep(pillar, item))
         for pillar in PILLARS for position, item in enumerate(advice[pillar])
         if item.stage != "later" and not (soft_only and item.topic is not None)),
        key=lambda entry: entry[:4])
    return [entry[4] for entry in ranked[:limit]]


def catalyst_phase(signal: Signal, qset: QuestionSet) -> int:
    """The phase a catalyst belongs to: the highest phase of the questions it reads."""
    questions = qset.by_id()
    phases = [questions[q].phase for q in referenced_questions(signal.when) if q in questions]
    return max(phases, default=1)


def done(question: Question, score: float | None) -> bool:
    """Whether an answer shows the item is done: answered at its best."""
    if score is None:
        return False
    best = best_score(question)
    return score >= best - TOLERANCE


def _signal_homes(assessment: Assessment, model: Model) -> dict[str, str]:
    """The one pillar whose advice holds each signal: the weakest of its pillars."""
    return {
        signal.id: min(signal.pillars, key=lambda p: (assessment.pillars[p].phase_range.low,
                                                      signal.pillars.index(p)))
        for signal in model.signals
    }


Draft = tuple[AdviceKind, str, LocalText | None, Iterable[str], float | None, Stage,
              AdviceTopic | None]
"""An advice item before its examples: kind, subject, text, instruments, score, stage,
topic."""


def _pillar_advice(assessment: Assessment, pillar: PillarResult, qset: QuestionSet,
                   model: Model, homes: dict[str, str],
                   unknown: Sequence[str]) -> list[AdviceItem]:
    questions = qset.by_id()
    signals = {signal.id: signal for signal in model.signals}
    phase = pillar.phase_range.low
    now: list[Draft] = []

    for result in assessment.inhibitors:
        signal = signals[result.id]
        if result.status == "present" and homes[signal.id] == pillar.id:
            now.append(("inhibitor", signal.id, signal.advice, signal.instruments, None,
                        "now", signal.topic))

    level = pillar.current
    if level is not None:
        for question_id in level.failed_gates:
            question = questions[question_id]
            now.append(("gate", question_id, question.advice, question.instruments,
                        assessment.items[question_id].score, "now", question.topic))
        low = sorted(
            (
                (assessment.items[q].score or 0.0, index, q)
                for index, q in enumerate(level.items)
                if assessment.items[q].status == "answered"
                and q not in level.failed_gates
                and (assessment.items[q].score or 0.0) < level.threshold - TOLERANCE
            ),
        )
        for low_score, _, question_id in low[:MAX_LOW_ITEMS]:
            question = questions[question_id]
            now.append(("low_item", question_id, question.advice, question.instruments,
                        low_score, "now", question.topic))
    for question_id in unknown:
        question = questions[question_id]
        now.append(("unknown_item", question_id, None, question.instruments, None, "now",
                    question.topic))

    later: list[Draft] = []
    for result in assessment.catalysts:
        signal = signals[result.id]
        if result.status == "absent" and homes[signal.id] == pillar.id:
            stage: Stage = "now" if catalyst_phase(signal, qset) <= phase + 1 else "later"
            (now if stage == "now" else later).append(
                ("catalyst", signal.id, signal.advice, signal.instruments, None, stage,
                 signal.topic))

    if early(assessment):
        # The soft side first: money and contract steps after the rest of their stage.
        now.sort(key=lambda draft: draft[6] is not None)
    draft = [*now, *_next_phase(assessment, pillar, qset, model), *later]

    used: set[str] = set()
    advice = []
    for kind, subject, text, instruments, score, stage, topic in draft:
        fresh = tuple(dict.fromkeys(i for i in instruments if i not in used))
        used.update(fresh)
        advice.append(AdviceItem(kind, subject, text, fresh, score, (), stage, topic))
    return advice


def _next_phase(assessment: Assessment, pillar: PillarResult, qset: QuestionSet,
                model: Model) -> list[Draft]:
    """What the phase after the pillar's asks (see the module)."""
    following = pillar.phase_range.low + 1
    if following > 6:
        return []
    level = [q for q in qset.questions
             if q.scored and q.pillar == pillar.id and q.phase == following
             and assessment.items[q.id].counts]
    scores = {q.id: assessment.items[q.id].score for q in level}
    if not any(done(q, scores[q.id]) for q in level):
        entry = next((entry for entry in model.advice
                      if entry.pillar == pillar.id and entry.phase == following), None)
        if entry is None:
            return []
        return [("next_phase", str(following), entry.text, entry.instruments, None, "next",
                 entry.topic)]
    open_items = sorted(
        (q for q in level if not done(q, scores[q.id])),
        key=lambda q: (not q.gate, -q.weight * (best_score(q) - (scores[q.id] or 0.0))))
    return [("next_item", q.id, q.advice, q.instruments, scores[q.id], "next", q.topic)
            for q in open_items[:MAX_NEXT_ITEMS]]
