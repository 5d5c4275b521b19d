"""Pure, deterministic scoring: (question set, model, answers) -> Assessment.

The rules are those of the design (section 2): item scores in [0, 1]; an item
hidden by its ``when`` or answered ``nvt`` does not count; a level (pillar,
phase) is met when it has a visible item, its weighted mean reaches the
threshold, answered items cover half its weight and its gates score at least
0.5; a pillar's phase is one more than its run of met levels from phase 1; the
weakest pillar sets the coalition's phase. Every result keeps what is needed
to explain it.

One rule guards against reading too much into too little: a pillar is placed in
a phase only when at least a share of its applicable scored questions (the
model's ``minimum_answered``, half by default) is answered, and never from fewer
than ``minimum_answers`` answers (five by default), so that answering ``nvt``
cannot shrink the evidence to one or two answers. Below that its phase is
undetermined (``None``), and so is the coalition's, because the weakest pillar
cannot be known.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
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
)

TOLERANCE = 1e-9
GATE_MINIMUM = 0.5
COVERAGE_MINIMUM = 0.5

ItemStatus = Literal["answered", "unknown", "not_applicable", "hidden", "unscored"]
SignalStatus = Literal["present", "absent", "unknown"]


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
    score: float | None
    """Weighted mean of the answered items, ``None`` when nothing was answered."""
    coverage: float
    """Share of the weight of the counting items that is answered (0 when there are none)."""
    threshold: float
    items: tuple[str, ...]
    """Ids of the items that count in this level (visible, scored, applicable)."""
    failed_gates: tuple[str, ...]
    """Gate items that are open, unknown or score below 0.5."""
    reasons: tuple[str, ...]
    """Why the level is not met: no_items, below_threshold, low_coverage, gate."""


@dataclass(frozen=True, slots=True)
class PillarResult:
    """The phase of one pillar with its explanation."""

    id: str
    phase: int | None
    """1-6, or ``None`` when too little is answered to place the pillar."""
    levels_met: int
    """Consecutive levels met from phase 1 by what is answered."""
    score: float | None
    level_scores: dict[int, float | None]
    levels: tuple[LevelResult, ...]
    lift: tuple[str, ...]
    """Items that, raised to their best answer, would meet the current level."""
    answered: int
    """How many of the pillar's applicable scored items are answered."""
    counting: int
    """How many of the pillar's scored items are applicable (visible, not ``nvt``)."""
    required: int
    """How many answered items placing the pillar in a phase takes."""

    @property
    def missing(self) -> int:
        """How many more answers placing the pillar in a phase takes (0 when determined)."""
        return max(0, self.required - self.answered)

    @property
    def current(self) -> LevelResult | None:
        """The first level not met: the one the pillar works on.

        ``None`` when the pillar meets all six levels or its phase is undetermined.
        """
        if self.phase is None or self.levels_met >= 6:
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
    """unknown_question, unknown_items, undetermined, hard_ahead, other_question_set,
    changed_question_set."""
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
    """The weakest pillar's phase; ``None`` when a pillar's phase is undetermined."""
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
        """Ids of the pillars too little is known of to place them, in pillar order."""
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
        self.minimum_answered = model.settings.minimum_answered
        # Answering nvt shrinks the share, not the floor: a floor a pillar with few
        # questions can still reach.
        self.minimum_answers = {
            pillar: min(model.settings.minimum_answers,
                        sum(len(self.level_questions[(pillar, phase)]) for phase in range(1, 7)))
            for pillar in PILLARS}

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

    # --- item results -> levels and phases -----------------------------------------------------

    def level(self, pillar: str, phase: int, items: Mapping[str, ItemResult]) -> LevelResult:
        """Whether one level is met, from item results."""
        counting = [q for q in self.level_questions[(pillar, phase)] if items[q.id].counts]
        threshold = self.thresholds[phase]
        if not counting:
            return LevelResult(pillar, phase, False, None, 0.0, threshold, (), (), ("no_items",))
        total = sum(q.weight for q in counting)
        answered = [(q, items[q.id].score) for q in counting if items[q.id].status == "answered"]
        weight = sum(q.weight for q, _ in answered)
        score = (sum(q.weight * (s or 0.0) for q, s in answered) / weight) if answered else None
        coverage = weight / total
        failed_gates = tuple(
            q.id for q in counting
            if q.gate and (items[q.id].score is None or
                           (items[q.id].score or 0.0) < GATE_MINIMUM - TOLERANCE)
        )
        reasons = []
        if score is None or score < threshold - TOLERANCE:
            reasons.append("below_threshold")
        if coverage < COVERAGE_MINIMUM - TOLERANCE:
            reasons.append("low_coverage")
        if failed_gates:
            reasons.append("gate")
        return LevelResult(pillar, phase, not reasons, score, coverage, threshold,
                           tuple(q.id for q in counting), failed_gates, tuple(reasons))

    def pillar(self, pillar: str, items: Mapping[str, ItemResult]) -> PillarResult:
        """Phase, scores and explanation of one pillar."""
        levels = tuple(self.level(pillar, phase, items) for phase in range(1, 7))
        levels_met = 0
        for level in levels:
            if not level.met:
                break
            levels_met += 1
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
        required = max(1, self.minimum_answers[pillar],
                       math.ceil(self.minimum_answered * counting - TOLERANCE))
        determined = answered >= required
        current = levels[levels_met] if levels_met < 6 and determined else None
        return PillarResult(
            id=pillar,
            phase=min(levels_met + 1, 6) if determined else None,
            levels_met=levels_met,
            score=total / weights if weights else None,
            level_scores={level.phase: level.score for level in levels},
            levels=levels,
            lift=self.lift(current, items) if current is not None else (),
            answered=answered,
            counting=counting,
            required=required,
        )

    def lift(self, level: LevelResult, items: Mapping[str, ItemResult]) -> tuple[str, ...]:
        """A small set of items that, raised to their best answer, would meet ``level``.

        Greedy: failed gates first, then open items while coverage is short, then
        the items whose raise adds most to the weighted mean.
        """
        if not level.items:
            return ()
        trial = dict(items)
        raised: list[str] = []
        pending = list(level.failed_gates)
        current = level
        while not current.met:
            if not pending:
                candidates = [
                    q for q in self.level_questions[(level.pillar, level.phase)]
                    if trial[q.id].counts and q.id not in raised
                ]
                if not candidates:
                    break
                if "low_coverage" in current.reasons:
                    open_items = [q for q in candidates if trial[q.id].status == "unknown"]
                    candidates = open_items or candidates
                best = max(candidates,
                           key=lambda q: q.weight * (1.0 - (trial[q.id].score or 0.0)))
                pending.append(best.id)
            question_id = pending.pop(0)
            raised.append(question_id)
            trial[question_id] = ItemResult(question_id, "answered", 1.0)
            current = self.level(level.pillar, level.phase, trial)
        return tuple(raised)

    def signals(self, items: Mapping[str, ItemResult]) -> tuple[SignalResult, ...]:
        """Status of every catalyst and inhibitor."""
        known = {item.id: item.known_value for item in items.values()
                 if item.known_value is not None}
        results = []
        for signal in self.model.signals:
            truth = conditions.evaluate(signal.when, known.get)
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
                     extra_warnings: Iterable[Notice] = ()) -> Assessment:
        """Place item results (from one respondent or combined) on the ladder."""
        pillars = {pillar: self.pillar(pillar, items) for pillar in PILLARS}
        warnings = list(extra_warnings)
        open_items = [item.id for item in items.values() if item.status == "unknown"]
        counting = [item for item in items.values() if item.counts]
        if open_items:
            warnings.append(Notice("unknown_items", tuple(open_items),
                                    (len(open_items), len(counting))))
        undetermined = tuple(p for p, result in pillars.items() if result.phase is None)
        if undetermined:
            warnings.append(Notice("undetermined", undetermined))
        people = pillars["people"].phase
        ahead = () if people is None else tuple(
            p for p in ("governance", "information")
            if (pillars[p].phase or 0) >= people + 2)
        if ahead:
            warnings.append(Notice("hard_ahead", ahead))
        return Assessment(
            coalition=coalition,
            date=date,
            respondent=respondent,
            question_set=self.ref,
            phase=None if undetermined else min(
                result.phase for result in pillars.values() if result.phase is not None),
            pillars=pillars,
            items=items,
            signals=self.signals(items),
            warnings=tuple(warnings),
        )

    def phase_limits(self, signals: Iterable[SignalResult]) -> dict[str, int]:
        """The highest phase each pillar may have with these catalysts and inhibitors.

        6 for a pillar that nothing holds back. It is the one place where a signal acts on
        the phase, so the phase range (each end with its own signals) and the deciding
        answers see the same rule.
        """
        del signals  # no signal limits a phase in this model
        return dict.fromkeys(PILLARS, 6)


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
