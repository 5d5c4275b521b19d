"""Pure, deterministic scoring: (question set, model, answers) -> Assessment.

The rules are those of the design (section 2): item scores in [0, 1]; an item
hidden by its ``when`` or answered ``nvt`` does not count; a level (pillar,
phase) is met when it has a visible item, its weighted mean reaches the
threshold and its gates score at least 0.5; a pillar's phase is one more than
its run of met levels from phase 1; the weakest pillar sets the coalition's
phase. Every result keeps what is needed to explain it.

**Unknown answers leave the phase open between two ends.** An item that counts
but has no answer (``weet_niet``, left open, or in a combined view answered by
nobody) is filled in twice: once with its lowest-scoring answer and once with
its highest (``Scorer.filled``), follow-up questions following the filled
answers. Each copy is then placed with the rules above; the two phases are the
``PhaseRange``. When they agree the phase is known; otherwise it is open, and
``core.uncertainty`` says which unknown answers decide it. A level is *met for
certain* when the low copy meets it, which is what ``levels_met`` counts. The
range is monotone in every score, so two copies suffice: nothing is enumerated.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from stimulering.core import conditions
from stimulering.model import (
    DONT_KNOW,
    NOT_APPLICABLE,
    PILLARS,
    SPECIAL_VALUES,
    YESNO_SCORES,
    Answers,
    AnswerValue,
    Model,
    Question,
    QuestionSet,
    QuestionSetRef,
    Respondent,
    Signal,
)

TOLERANCE = 1e-9
GATE_MINIMUM = 0.5

ItemStatus = Literal["answered", "unknown", "not_applicable", "hidden", "unscored"]
SignalStatus = Literal["present", "absent", "unknown"]
End = Literal["low", "high"]
"""Which end of the phase range: every unknown answer at its lowest, or at its highest."""


@dataclass(frozen=True, slots=True)
class PhaseRange:
    """The phases the known answers leave open.

    From every unknown answer at its lowest (``low``) to every unknown answer at its
    highest (``high``).
    """

    low: int
    high: int

    @property
    def known(self) -> bool:
        """Whether the unknown answers cannot change the phase."""
        return self.low == self.high

    @property
    def phase(self) -> int | None:
        """The phase when it is known, else ``None``."""
        return self.low if self.low == self.high else None


@dataclass(frozen=True, slots=True)
class ItemResult:
    """How one question counts in this assessment."""

    id: str
    status: ItemStatus
    """answered, unknown (don't know or open), not_applicable, hidden (by its when), unscored."""
    score: float | None
    """Score in [0, 1] when answered."""
    value: AnswerValue = None
    """The answer value as given (after following ``replaces``)."""

    @property
    def counts(self) -> bool:
        """Whether the item takes part in its level (visible, scored and applicable)."""
        return self.status in ("answered", "unknown")

    @property
    def known_value(self) -> AnswerValue:
        """The answer conditions may look at, or ``None``.

        A scored answer, or a context answer (no evidence, but a fact); ``None`` when the
        item is hidden, open, don't know or not applicable.
        """
        if self.status == "answered" or (self.status == "unscored"
                                         and self.value not in SPECIAL_VALUES):
            return self.value
        return None


@dataclass(frozen=True, slots=True)
class LevelResult:
    """Whether a (pillar, phase) level is met, and why."""

    pillar: str
    phase: int
    met: bool
    """Met for certain: also with every unknown answer at its lowest."""
    score: float | None
    """Weighted mean of the answered items, ``None`` when nothing was answered."""
    coverage: float
    """Share of the weight of the counting items that is answered (0 when there are none)."""
    threshold: float
    items: tuple[str, ...]
    """Ids of the items that count in this level (visible, scored, applicable)."""
    failed_gates: tuple[str, ...]
    """Gate items answered with a score below 0.5."""
    reasons: tuple[str, ...]
    """Why the level is not met for certain: no_items, below_threshold, gate (these hold
    whatever the unknown answers are), or unknown (met only if unknown answers are high)."""
    open: bool = False
    """Not met for certain, but met with every unknown answer at its highest."""
    unknown: tuple[str, ...] = ()
    """Ids of the counting items without an answer (don't know or open)."""


@dataclass(frozen=True, slots=True)
class PillarResult:
    """The phase of one pillar with its explanation."""

    id: str
    phase: int | None
    """1-6, or ``None`` while unknown answers leave it open (see ``phase_range``)."""
    phase_range: PhaseRange
    """From every unknown answer at its lowest to every unknown answer at its highest."""
    levels_met: int
    """Consecutive levels met for certain from phase 1 (with unknown answers at their
    lowest)."""
    score: float | None
    level_scores: dict[int, float | None]
    levels: tuple[LevelResult, ...]
    lift: tuple[str, ...]
    """Items that, raised to their best answer, would meet the current level for certain
    (an unknown item among them: answered at its best)."""
    answered: int
    """How many of the pillar's applicable scored items are answered."""
    counting: int
    """How many of the pillar's scored items are applicable (visible, not ``nvt``)."""
    held_by: tuple[str, ...] = ()
    """Present inhibitors that hold the pillar below the phase its levels give."""

    @property
    def current(self) -> LevelResult | None:
        """The first level not met for certain: the one the pillar works on.

        ``None`` when the pillar meets all six levels.
        """
        if self.levels_met >= 6:
            return None
        return self.levels[self.levels_met]


@dataclass(frozen=True, slots=True)
class SignalResult:
    """Status of a catalyst or inhibitor."""

    id: str
    kind: str
    status: SignalStatus


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should know about the result; rendered per language."""

    code: str
    """unknown_question, unknown_items, not_asked (of this respondent), nobody_asked (of
    any respondent combined), undetermined (phase left open by unknown answers),
    hard_ahead, other_question_set, changed_question_set."""
    ids: tuple[str, ...] = ()
    numbers: tuple[float, ...] = ()
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    """The full result of scoring one answers file (or a combined view)."""

    coalition: str
    date: dt.date
    respondent: Respondent | None
    question_set: QuestionSetRef
    phase: int | None
    """The weakest pillar's phase; ``None`` while unknown answers leave it open."""
    phase_range: PhaseRange
    """The lowest of the pillars' low ends to the lowest of their high ends."""
    pillars: dict[str, PillarResult]
    items: dict[str, ItemResult]
    signals: tuple[SignalResult, ...]
    warnings: tuple[Notice, ...] = field(default=())

    @property
    def catalysts(self) -> tuple[SignalResult, ...]:
        """Catalyst statuses in model order."""
        return tuple(signal for signal in self.signals if signal.kind == "catalyst")

    @property
    def inhibitors(self) -> tuple[SignalResult, ...]:
        """Inhibitor statuses in model order."""
        return tuple(signal for signal in self.signals if signal.kind == "inhibitor")

    @property
    def undetermined(self) -> tuple[str, ...]:
        """Ids of the pillars whose phase unknown answers leave open, in pillar order."""
        return tuple(p for p, pillar in self.pillars.items() if pillar.phase is None)


def item_score(question: Question, value: AnswerValue) -> float:
    """Score in [0, 1] of a valid, given answer to a scored question."""
    kind = question.type
    if kind == "scale":
        assert isinstance(value, int)
        return (5 - value) / 4 if question.reverse else (value - 1) / 4
    if kind == "yesno":
        assert isinstance(value, str)
        return YESNO_SCORES[value]
    if kind == "number":
        assert isinstance(value, (int, float))
        band = question.band_for(value)
        return float(band.score) if band is not None else 0.0
    scores = question.option_scores
    if kind == "choice":
        assert isinstance(value, str)
        return scores[value]
    assert isinstance(value, list)
    selected = [scores[choice] for choice in value]
    if question.aggregate == "max":
        return max(selected, default=0.0)
    return min(1.0, sum(selected))


def plain_answers(question: Question) -> tuple[AnswerValue, ...]:
    """One valid answer for every score a scored question can give, in a fixed order.

    Every value of a scale, yes/no or choice item; for a multi item each exclusive option
    alone, nothing, each other option alone and all of those together; for a number item
    the lowest value of each band. What the unknown answers are filled in with, and what
    an answer is changed to when looking for the answers that decide the phase.
    """
    values: list[AnswerValue]
    if question.type == "multi":
        options = question.options or []
        shared = [option.id for option in options if not option.exclusive]
        values = [[option.id] for option in options if option.exclusive]
        values += [[], *([option] for option in shared)]
        if len(shared) > 1:
            values.append(shared)
    elif question.type == "number":
        values = [band.min for band in sorted(question.bands or [], key=lambda b: b.min)]
    else:
        values = list(question.option_values)
    return tuple(value for value in values if question.answer_problem(value) is None)


def extreme_answers(question: Question) -> tuple[tuple[AnswerValue, float],
                                                 tuple[AnswerValue, float]]:
    """The lowest- and the highest-scoring answer of a scored question, each with its score.

    Of equal scores the first in ``plain_answers`` order is taken.
    """
    scored = [(item_score(question, value), index, value)
              for index, value in enumerate(plain_answers(question))]
    low = min(scored, key=lambda entry: (entry[0], entry[1]))
    high = max(scored, key=lambda entry: (entry[0], -entry[1]))
    return (low[2], low[0]), (high[2], high[0])


def best_score(question: Question) -> float:
    """The highest score an answer to a scored question can give."""
    return extreme_answers(question)[1][1]


class Scorer:
    """Scores answers against one question set and model; build once, use for many files."""

    def __init__(self, qset: QuestionSet, model: Model, sha256: str | None = None) -> None:
        self.qset = qset
        self.model = model
        # Built from a checked set, so no validation (which would build a validator).
        self.ref = QuestionSetRef.model_construct(id=qset.id, version=qset.version,
                                                  sha256=sha256)
        self.questions = qset.by_id()
        self.renamed = qset.renamed_ids
        self.level_questions: dict[tuple[str, int], list[Question]] = {
            (pillar, phase): [] for pillar in PILLARS for phase in range(1, 7)
        }
        for question in qset.questions:
            if question.scored:
                self.level_questions[(question.pillar, question.phase)].append(question)
        self.thresholds = {phase: model.threshold(phase) for phase in range(1, 7)}

    @functools.cached_property
    def answer_scores(self) -> dict[str, tuple[tuple[AnswerValue, float], ...]]:
        """Per scored question, ``plain_answers`` each with its score (worked out once)."""
        return {question.id: tuple((value, item_score(question, value))
                                   for value in plain_answers(question))
                for question in self.qset.questions if question.scored}

    @functools.cached_property
    def extremes(self) -> dict[str, tuple[tuple[AnswerValue, float],
                                          tuple[AnswerValue, float]]]:
        """Per scored question: its lowest- and highest-scoring answer with their scores."""
        return {question.id: extreme_answers(question)
                for question in self.qset.questions if question.scored}

    @functools.cached_property
    def followups(self) -> dict[str, tuple[Question, ...]]:
        """Per question, the questions whose ``when`` depends on its answer.

        Also those that depend on it through another follow-up; in question-set order.
        """
        direct: dict[str, list[str]] = {question.id: [] for question in self.qset.questions}
        for question in self.qset.questions:
            if question.when is not None:
                for asked in conditions.referenced_questions(question.when):
                    direct[asked].append(question.id)
        order = {question.id: index for index, question in enumerate(self.qset.questions)}
        result = {}
        for question in self.qset.questions:
            found: set[str] = set()
            todo = list(direct[question.id])
            while todo:
                follower = todo.pop()
                if follower not in found:
                    found.add(follower)
                    todo.extend(direct[follower])
            result[question.id] = tuple(self.questions[q]
                                        for q in sorted(found, key=lambda q: order[q]))
        return result

    @functools.cached_property
    def signal_reads(self) -> dict[str, frozenset[str]]:
        """Per catalyst or inhibitor, the ids of the questions it looks at."""
        return {signal.id: frozenset(conditions.referenced_questions(signal.when))
                for signal in self.model.signals}

    @functools.cached_property
    def signal_questions(self) -> frozenset[str]:
        """Ids of the questions a catalyst or inhibitor looks at."""
        return frozenset().union(*self.signal_reads.values())

    # --- answers -> item results ---------------------------------------------------------------

    def effective_values(self, given: Mapping[str, AnswerValue]) -> tuple[dict[str, AnswerValue],
                                                                          list[str]]:
        """Answers keyed by current ids (following ``replaces``), and the unknown ids."""
        values: dict[str, AnswerValue] = {}
        unknown: list[str] = []
        for key, value in given.items():
            if value is None:
                continue
            if key in self.questions:
                values[key] = value
            elif key in self.renamed:
                values.setdefault(self.renamed[key], value)
            else:
                unknown.append(key)
        return values, unknown

    def items(self, values: Mapping[str, AnswerValue]) -> dict[str, ItemResult]:
        """Status and score of every question, in question-set order."""
        results: dict[str, ItemResult] = {}
        known: dict[str, AnswerValue] = {}
        for question in self.qset.questions:
            value = values.get(question.id)
            visible = question.when is None or conditions.evaluate(question.when, known.get)
            if visible is not True:
                result = ItemResult(question.id, "hidden", None, value)
            elif not question.scored:
                result = ItemResult(question.id, "unscored", None, value)
            elif value == NOT_APPLICABLE:
                result = ItemResult(question.id, "not_applicable", None, value)
            elif value is None or value == DONT_KNOW:
                result = ItemResult(question.id, "unknown", None, value)
            else:
                result = ItemResult(question.id, "answered", item_score(question, value), value)
            results[question.id] = result
            if result.known_value is not None:
                known[question.id] = result.known_value
        return results

    def asked(self, items: Mapping[str, ItemResult],
              respondent: Respondent | None = None) -> list[str]:
        """The ids of the questions put to ``respondent`` with these answers, in order.

        A question is asked when its ``when`` holds and it is for the respondent's role and
        level (``Question.asks``). Their number is what the interview counts, the form
        counts and the report says "of N questions" of: one count everywhere.
        """
        return [question.id for question in self.qset.questions
                if items[question.id].status != "hidden" and question.asks(respondent)]

    # --- unknown answers: the two ends of the phase range --------------------------------------

    def revived(self, question: Question, value: AnswerValue, end: End) -> ItemResult:
        """How a visible question counts with ``value``, an unknown filled in at ``end``."""
        if not question.scored:
            return ItemResult(question.id, "unscored", None, value)
        if value == NOT_APPLICABLE:
            return ItemResult(question.id, "not_applicable", None, value)
        if value is None or value == DONT_KNOW:
            filled, score = self.extremes[question.id][0 if end == "low" else 1]
            return ItemResult(question.id, "answered", score, filled)
        return ItemResult(question.id, "answered", item_score(question, value), value)

    def filled(self, items: Mapping[str, ItemResult], end: End) -> dict[str, ItemResult]:
        """The item results with every unknown scored answer at its lowest or highest.

        Follow-up questions follow the filled answers: one that the filled answer shows
        counts with its own answer (an answer kept while it was hidden), or, without one, as
        unknown filled in at the same end; one that it hides does not count. Context
        questions are not filled (no answer is better than another), so what they hide
        stays hidden. The result is the scoring of a complete answers file.
        """
        results: dict[str, ItemResult] = {}
        known: dict[str, AnswerValue] = {}
        for question in self.qset.questions:
            given = items[question.id]
            visible = question.when is None or \
                conditions.evaluate(question.when, known.get) is True
            if not visible:
                result = given if given.status == "hidden" else \
                    ItemResult(question.id, "hidden", None, given.value)
            elif given.status in ("hidden", "unknown"):
                result = self.revived(question, given.value, end)
            else:
                result = given
            results[question.id] = result
            if result.known_value is not None:
                known[question.id] = result.known_value
        return results

    def level_met(self, pillar: str, phase: int, items: Mapping[str, ItemResult], *,
                  gates: bool = True) -> bool:
        """Whether a level is met by complete item results (as ``filled`` gives them).

        With ``gates=False`` only the weighted mean is compared with the threshold.
        """
        total = weighted = 0.0
        for question in self.level_questions[(pillar, phase)]:
            item = items[question.id]
            if item.status != "answered" or item.score is None:
                continue
            if gates and question.gate and item.score < GATE_MINIMUM - TOLERANCE:
                return False
            total += question.weight
            weighted += question.weight * item.score
        return total > 0 and weighted / total >= self.thresholds[phase] - TOLERANCE

    def end_phases(self, items: Mapping[str, ItemResult]) -> dict[str, int]:
        """Each pillar's phase from complete item results, with what holds a pillar back."""
        limits = self.phase_limits(self.signals(items))
        phases = {}
        for pillar in PILLARS:
            met = 0
            while met < 6 and self.level_met(pillar, met + 1, items):
                met += 1
            phases[pillar] = min(met + 1, 6, limits[pillar])
        return phases

    # --- item results -> levels and phases -----------------------------------------------------

    def level(self, pillar: str, phase: int, items: Mapping[str, ItemResult],
              ends: tuple[Mapping[str, ItemResult], Mapping[str, ItemResult]] | None = None,
              ) -> LevelResult:
        """Whether one level is met for certain, or only with high unknown answers, and why.

        ``ends`` are the two filled copies of ``items`` (see ``filled``); they are made here
        when not given.
        """
        counting = [q for q in self.level_questions[(pillar, phase)] if items[q.id].counts]
        threshold = self.thresholds[phase]
        if not counting:
            return LevelResult(pillar, phase, False, None, 0.0, threshold, (), (), ("no_items",))
        low, high = ends if ends is not None else (self.filled(items, "low"),
                                                   self.filled(items, "high"))
        total = sum(q.weight for q in counting)
        answered = [(q, items[q.id].score) for q in counting if items[q.id].status == "answered"]
        weight = sum(q.weight for q, _ in answered)
        score = (sum(q.weight * (s or 0.0) for q, s in answered) / weight) if answered else None
        failed_gates = tuple(q.id for q, s in answered
                             if q.gate and (s or 0.0) < GATE_MINIMUM - TOLERANCE)
        unknown = tuple(q.id for q in counting if items[q.id].status == "unknown")
        met = self.level_met(pillar, phase, low)
        reasons: list[str] = []
        is_open = not met and high is not low and self.level_met(pillar, phase, high)
        if is_open:
            reasons.append("unknown")
        elif not met:
            if failed_gates:
                reasons.append("gate")
            if not failed_gates or not self.level_met(pillar, phase, high, gates=False):
                reasons.append("below_threshold")
        return LevelResult(pillar, phase, met, score, weight / total, threshold,
                           tuple(q.id for q in counting), failed_gates, tuple(reasons),
                           is_open, unknown)

    def pillar(self, pillar: str, items: Mapping[str, ItemResult],
               ends: tuple[Mapping[str, ItemResult], Mapping[str, ItemResult]] | None = None,
               limits: tuple[int, int] = (6, 6)) -> PillarResult:
        """Phase range, scores and explanation of one pillar.

        ``ends`` as for ``level``; ``limits`` is the highest phase the signals of each end
        allow (see ``phase_limits``).
        """
        low, high = ends if ends is not None else (self.filled(items, "low"),
                                                   self.filled(items, "high"))
        levels = tuple(self.level(pillar, phase, items, (low, high)) for phase in range(1, 7))
        levels_met = high_met = 0
        while levels_met < 6 and levels[levels_met].met:
            levels_met += 1
        if high is low:  # nothing unknown: one end
            high_met = levels_met
        while high_met < 6 and high is not low and (
                levels[high_met].open or self.level_met(pillar, high_met + 1, high)):
            high_met += 1
        lowest = min(levels_met + 1, 6, limits[0])
        phase_range = PhaseRange(lowest, max(lowest, min(high_met + 1, 6, limits[1])))
        weights = 0.0
        total = 0.0
        counting = answered = 0
        for phase in range(1, 7):
            for question in self.level_questions[(pillar, phase)]:
                result = items[question.id]
                counting += result.counts
                if result.status == "answered" and result.score is not None:
                    answered += 1
                    weights += question.weight
                    total += question.weight * result.score
        current = levels[levels_met] if levels_met < 6 else None
        return PillarResult(
            id=pillar,
            phase=phase_range.phase,
            phase_range=phase_range,
            levels_met=levels_met,
            score=total / weights if weights else None,
            level_scores={level.phase: level.score for level in levels},
            levels=levels,
            lift=self.lift(current, low) if current is not None else (),
            answered=answered,
            counting=counting,
        )

    def lift(self, level: LevelResult, items: Mapping[str, ItemResult]) -> tuple[str, ...]:
        """A small set of items that, raised to their best answer, would meet ``level``.

        ``items`` is the low copy (see ``filled``): an unknown item counts there with its
        lowest answer, so raising it means answering it at its best. Greedy: gates below
        0.5 first, then the items whose raise adds most to the weighted mean.
        """
        key = (level.pillar, level.phase)
        questions = [q for q in self.level_questions[key] if items[q.id].status == "answered"]
        if not questions:
            return ()
        trial = dict(items)
        best = {q.id: self.extremes[q.id][1][1] for q in questions}
        raised: list[str] = []
        pending = [q.id for q in questions
                   if q.gate and (items[q.id].score or 0.0) < GATE_MINIMUM - TOLERANCE]
        while not self.level_met(level.pillar, level.phase, trial):
            if not pending:
                candidates = [q for q in questions if q.id not in raised and
                              (trial[q.id].score or 0.0) < best[q.id] - TOLERANCE]
                if not candidates:
                    break
                pending.append(max(candidates, key=lambda q: q.weight * (
                    best[q.id] - (trial[q.id].score or 0.0))).id)
            question_id = pending.pop(0)
            raised.append(question_id)
            trial[question_id] = ItemResult(question_id, "answered", best[question_id])
        return tuple(raised)

    def signals(self, items: Mapping[str, ItemResult]) -> tuple[SignalResult, ...]:
        """Status of every catalyst and inhibitor."""
        known = {item.id: item.known_value for item in items.values()
                 if item.known_value is not None}
        return self.signals_of(known.get)

    def signals_of(self, value_of: Callable[[str], AnswerValue],
                   signals: Iterable[Signal] | None = None) -> tuple[SignalResult, ...]:
        """Status of every catalyst and inhibitor, or of ``signals``.

        ``value_of`` gives the answers conditions may look at (see ``known_value``).
        """
        results = []
        for signal in self.model.signals if signals is None else signals:
            truth = conditions.evaluate(signal.when, value_of)
            status: SignalStatus = "unknown" if truth is None else (
                "present" if truth else "absent")
            results.append(SignalResult(signal.id, signal.kind, status))
        return tuple(results)

    # --- everything ----------------------------------------------------------------------------

    def assess(self, answers: Answers) -> Assessment:
        """Score one answers file."""
        values, unknown_ids = self.effective_values(answers.answers)
        extra: list[Notice] = []
        if unknown_ids:
            extra.append(Notice("unknown_question", tuple(sorted(unknown_ids))))
        made_with = answers.question_set
        if made_with is not None:
            extra.extend(self.set_warnings(made_with))
        return self.assess_items(
            coalition=answers.coalition,
            date=answers.date,
            respondent=answers.respondent,
            items=self.items(values),
            extra_warnings=extra,
        )

    def set_warnings(self, made_with: QuestionSetRef) -> list[Notice]:
        """A warning when answers were made with another set, or a changed one of the same version.

        A different sha256 under the same id and version means the set was edited
        without a new version number.
        """
        ref = self.ref
        if (made_with.id, made_with.version) != (ref.id, ref.version):
            return [Notice("other_question_set", texts=(
                f"{made_with.id} {made_with.version}", f"{ref.id} {ref.version}"))]
        if made_with.sha256 and ref.sha256 and made_with.sha256 != ref.sha256:
            return [Notice("changed_question_set", texts=(
                f"{made_with.id} {made_with.version} (sha256 {made_with.sha256[:12]})",
                f"{ref.id} {ref.version} (sha256 {ref.sha256[:12]})"))]
        return []

    def assess_items(self, *, coalition: str, date: dt.date, respondent: Respondent | None,
                     items: dict[str, ItemResult],
                     extra_warnings: Iterable[Notice] = (),
                     unasked: Collection[str] = ()) -> Assessment:
        """Place item results (from one respondent or combined) on the ladder.

        ``unasked``: in a combined result, the questions none of the respondents combined
        was asked; they are unknown, and said so apart from what was left open.
        """
        signals = self.signals(items)
        if any(item.status == "unknown" for item in items.values()):
            low, high = self.filled(items, "low"), self.filled(items, "high")
            signals_low = self.signals(low)
            limits_low = self.phase_limits(signals_low)
            limits_high = self.phase_limits(self.signals(high))
        else:  # nothing to fill in: both ends are the items themselves
            low = high = items
            signals_low = signals
            limits_low = limits_high = self.phase_limits(signals)
        pillars = {pillar: self.pillar(pillar, items, (low, high),
                                       (limits_low[pillar], limits_high[pillar]))
                   for pillar in PILLARS}
        pillars = self.held(pillars, signals_low)
        phase_range = PhaseRange(min(p.phase_range.low for p in pillars.values()),
                                 min(p.phase_range.high for p in pillars.values()))
        warnings = list(extra_warnings)
        # The questions of this result: those asked of the respondent, and any other they
        # answered anyway (every answer counts).
        asked = set(self.asked(items, respondent)) - set(unasked) | {
            item.id for item in items.values()
            if item.status != "hidden" and item.value is not None}
        unknown = [item.id for item in items.values() if item.status == "unknown"]
        open_items = [question_id for question_id in unknown if question_id in asked]
        # Questions for another role or level were not put to this respondent: unknown to
        # them, and said so apart from what they left open.
        not_asked = [question_id for question_id in unknown if question_id not in asked]
        if open_items:
            warnings.append(Notice("unknown_items", tuple(open_items),
                                    (len(open_items), len(asked))))
        if not_asked:
            code = "not_asked" if respondent is not None else "nobody_asked"
            warnings.append(Notice(code, tuple(not_asked), (len(not_asked),)))
        undetermined = tuple(p for p, result in pillars.items() if result.phase is None)
        if undetermined:
            warnings.append(Notice("undetermined", undetermined))
        # Only what is certain: even at its best, trust lags two phases behind.
        people = pillars["people"].phase_range.high
        ahead = tuple(p for p in ("governance", "information")
                      if pillars[p].phase_range.low >= people + 2)
        if ahead:
            warnings.append(Notice("hard_ahead", ahead))
        return Assessment(
            coalition=coalition,
            date=date,
            respondent=respondent,
            question_set=self.ref,
            phase=phase_range.phase,
            phase_range=phase_range,
            pillars=pillars,
            items=items,
            signals=signals,
            warnings=tuple(warnings),
        )

    # --- what a present inhibitor does to the phase ---------------------------------------------

    def held(self, pillars: Mapping[str, PillarResult],
             signals: Iterable[SignalResult]) -> dict[str, PillarResult]:
        """The pillars, each with the present inhibitors that hold it below its levels.

        ``signals`` are those of the low end: what holds the phase there for certain.
        """
        present = [signal for signal in signals
                   if signal.kind == "inhibitor" and signal.status == "present"]
        placed = {}
        for pillar_id, pillar in pillars.items():
            reached = min(pillar.levels_met + 1, 6)
            holding = tuple(signal.id for signal in present
                            if self.phase_limits((signal,))[pillar_id] < reached)
            placed[pillar_id] = replace(pillar, held_by=holding) if holding else pillar
        return placed

    def phase_limits(self, signals: Iterable[SignalResult]) -> dict[str, int]:
        """The highest phase each pillar may be placed in, given the catalysts and inhibitors.

        A present inhibitor with ``caps_phase`` holds the pillars it concerns at that phase at
        most; the model says why (``caps_origin``: the report calls inhibitors brakes on the
        development of a collaboration, so one still at work keeps it out of phase 6, where
        the collaboration is embedded, without undoing what is in place). 6 means no limit.
        """
        present = {signal.id for signal in signals if signal.status == "present"}
        limits = dict.fromkeys(PILLARS, 6)
        for signal in self.model.signals:
            if signal.id in present and signal.caps_phase is not None:
                for pillar in signal.pillars:
                    limits[pillar] = min(limits[pillar], signal.caps_phase)
        return limits


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """The weighted mean score of the answered items of one category."""

    id: str
    score: float | None
    """Weighted mean of the answered visible scored items, ``None`` when none is answered."""
    answered: int
    """How many items of the category are answered."""
    counting: int
    """How many items of the category count (visible, scored, applicable)."""


def category_scores(assessment: Assessment, qset: QuestionSet,
                    categories: Iterable[str]) -> tuple[CategoryScore, ...]:
    """Score per category, in the order of ``categories``.

    Like a pillar score, a category score is the weighted mean of the answered,
    visible, scored items of that category; ``nvt``, hidden and open items do not count.
    """
    totals: dict[str, list[float]] = {category: [0.0, 0.0, 0, 0] for category in categories}
    for question in qset.questions:
        result = assessment.items.get(question.id)
        entry = totals.get(question.category)
        if result is None or entry is None or not result.counts:
            continue
        entry[3] += 1
        if result.status == "answered" and result.score is not None:
            entry[0] += question.weight * result.score
            entry[1] += question.weight
            entry[2] += 1
    return tuple(
        CategoryScore(category, (total / weight) if weight else None, int(answered),
                      int(counting))
        for category, (total, weight, answered, counting) in totals.items()
    )
