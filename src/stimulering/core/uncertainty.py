"""Pure: what decides a phase.

Two questions a steering group asks of a result, answered one answer at a time:

- **Which unknown answers keep the phase open?** The phase range runs from every
  unknown answer at its lowest to every unknown answer at its highest (see
  ``core.scoring``). An unknown answer decides it as far as setting that one
  answer to its highest raises the low end, plus as far as setting it to its
  lowest pulls down the high end. Only the unknown answers of levels that can
  still move the range count; the five that move it most are named, largest
  effect first (then the lowest level, then weight, then question order).
- **Which answers, changed alone, would move the phase, and to which phase?**
  Every answer that counts is set to every other answer that scores differently
  (for a multiple choice: nothing, each option alone, all of them; for a number:
  one value per band), and the phase range is worked out again. Those that move
  it are the deciding answers, raises first.

Both are worked out on the two filled copies of the item results, by changing
the sums of the few levels one answer touches (its own, and those of the
follow-up questions it shows or hides), never by scoring the whole set again;
a change to an answer a catalyst or inhibitor looks at works out the signals
again. So a report costs about two passes over the items and a few hundred
small sums, whatever the number of unknown answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from stimulering.core import conditions
from stimulering.core.scoring import (
    GATE_MINIMUM,
    TOLERANCE,
    Assessment,
    End,
    ItemResult,
    PhaseRange,
    Scorer,
    SignalResult,
    plain_answers,
)
from stimulering.model import PILLARS, SPECIAL_VALUES, AnswerValue, Question

MAX_DECIDING_UNKNOWN = 5
"""How many unknown answers a report names as deciding an open phase."""


@dataclass(frozen=True, slots=True)
class DecidingAnswer:
    """One answer that, changed alone, would move the coalition's phase."""

    question: str
    answer: AnswerValue
    """The answer now (for a combined result: the answer nearest to the partners' mean)."""
    would_be: AnswerValue
    """The other answer."""
    phase_range: PhaseRange
    """The coalition's phase range with only this answer changed."""


@dataclass(frozen=True)
class Verdict:
    """What decides the phase of one assessment."""

    phase_range: PhaseRange
    """The coalition's phase range the rest is measured against."""
    unknown: tuple[str, ...]
    """At most five unknown questions that decide the coalition's open range, largest
    effect first; empty when the phase is known."""
    pillar_unknown: dict[str, tuple[str, ...]]
    """The same for each pillar's own range."""
    deciding: tuple[DecidingAnswer, ...]
    """Every answer that, changed alone, moves the coalition's range: the raises first
    (nearest phase first), then those that lower it (largest drop first)."""

    def raises(self, answer: DecidingAnswer) -> bool:
        """Whether a deciding answer would raise the phase (else it would lower it)."""
        now = self.phase_range
        return answer.phase_range.low + answer.phase_range.high > now.low + now.high


Sums = tuple[float, float, int, int]
"""Of one level in a filled copy: total weight, weighted score, gates below 0.5, items."""


class _Copy:
    """One filled copy of the item results (one end of the range), with its level sums.

    ``phases_with`` gives each pillar's phase with a few items changed, from the sums of
    the levels those items belong to.
    """

    def __init__(self, scorer: Scorer, items: Mapping[str, ItemResult], end: End,
                 unknown: bool = True) -> None:
        self.scorer = scorer
        self.given = items
        self.end = end
        # Without an unknown answer there is nothing to fill in: the copy is the items.
        self.items = scorer.filled(items, end) if unknown else dict(items)
        self.known = {key: item.known_value for key, item in self.items.items()
                      if item.known_value is not None}
        self.sums = {key: self._sums(key) for key in scorer.level_questions}
        self.met = {pillar: [self._met(phase, self.sums[(pillar, phase)])
                             for phase in range(1, 7)] for pillar in PILLARS}
        self.signals = scorer.signals_of(self.known.get)
        self.limits = scorer.phase_limits(self.signals)
        self.phases = {pillar: self._phase(pillar, self.met[pillar], self.limits)
                       for pillar in PILLARS}

    def _sums(self, key: tuple[str, int]) -> Sums:
        total = weighted = 0.0
        failing = count = 0
        for question in self.scorer.level_questions[key]:
            item = self.items[question.id]
            if item.status == "answered" and item.score is not None:
                count += 1
                total += question.weight
                weighted += question.weight * item.score
                failing += question.gate and item.score < GATE_MINIMUM - TOLERANCE
        return total, weighted, failing, count

    def _met(self, phase: int, sums: Sums) -> bool:
        total, weighted, failing, count = sums
        return count > 0 and not failing and \
            weighted / total >= self.scorer.thresholds[phase] - TOLERANCE

    def _signals_with(self, changed: Mapping[str, ItemResult]) -> tuple[SignalResult, ...]:
        """The signals again, those that read a changed answer worked out with it."""

        def value_of(key: str) -> AnswerValue:
            return changed[key].known_value if key in changed else self.known.get(key)

        signals = list(self.signals)
        for index, signal in enumerate(self.scorer.model.signals):
            if self.scorer.signal_reads[signal.id].intersection(changed):
                signals[index] = self.scorer.signals_of(value_of, (signal,))[0]
        return tuple(signals)

    @staticmethod
    def _phase(pillar: str, met: list[bool], limits: Mapping[str, int]) -> int:
        levels = 0
        while levels < 6 and met[levels]:
            levels += 1
        return min(levels + 1, 6, limits[pillar])

    def changes(self, question_id: str, value: AnswerValue) -> dict[str, ItemResult]:
        """The items that change when one question gets ``value``: it and its follow-ups."""
        question = self.scorer.questions[question_id]
        changed = {question_id: self.scorer.revived(question, value, self.end)}
        followers = self.scorer.followups[question_id]
        if not followers:
            return changed
        overlay = {question_id: changed[question_id].known_value}

        def value_of(key: str) -> AnswerValue:
            return overlay[key] if key in overlay else self.known.get(key)

        for follower in followers:
            assert follower.when is not None  # a follow-up has a condition
            visible = conditions.evaluate(follower.when, value_of) is True
            now = self.items[follower.id]
            if visible == (now.status != "hidden"):
                continue
            raw = self.given[follower.id].value
            item = self.scorer.revived(follower, raw, self.end) if visible else \
                ItemResult(follower.id, "hidden", None, raw)
            changed[follower.id] = item
            overlay[follower.id] = item.known_value
        return changed

    def phases_with(self, changed: Mapping[str, ItemResult]) -> dict[str, int]:
        """Each pillar's phase with the ``changed`` items in place of this copy's own."""
        touched: dict[tuple[str, int], Sums] = {}
        for question_id, item in changed.items():
            question = self.scorer.questions[question_id]
            if not question.scored:
                continue
            key = (question.pillar, question.phase)
            total, weighted, failing, count = touched.get(key, self.sums[key])
            for result, sign in ((self.items[question_id], -1), (item, 1)):
                if result.status == "answered" and result.score is not None:
                    count += sign
                    total += sign * question.weight
                    weighted += sign * question.weight * result.score
                    failing += sign * (question.gate and result.score < GATE_MINIMUM - TOLERANCE)
            touched[key] = (total, weighted, failing, count)
        flipped: dict[str, list[bool]] = {}
        for (pillar, phase), sums in touched.items():
            met = self._met(phase, sums)
            if met != self.met[pillar][phase - 1]:
                flipped.setdefault(pillar, list(self.met[pillar]))[phase - 1] = met
        limits = self.limits
        if self.scorer.signal_questions.intersection(changed):
            limits = self.scorer.phase_limits(self._signals_with(changed))
        if limits == self.limits:
            if not flipped:
                return self.phases
            limits = self.limits
            again: Iterable[str] = flipped
        else:
            again = PILLARS
        phases = dict(self.phases)
        for pillar in again:
            phases[pillar] = self._phase(pillar, flipped.get(pillar, self.met[pillar]), limits)
        return phases


def _end(phases: Mapping[str, int], pillar: str | None) -> int:
    """One end for one pillar, or for the coalition (the weakest pillar)."""
    return phases[pillar] if pillar is not None else min(phases.values())


def _range(low: Mapping[str, int], high: Mapping[str, int],
           pillar: str | None = None) -> PhaseRange:
    """The range of one pillar, or of the coalition, from the phases at both ends."""
    bottom = _end(low, pillar)
    return PhaseRange(bottom, max(bottom, _end(high, pillar)))


class _Ends:
    """The two filled copies of one set of item results."""

    def __init__(self, scorer: Scorer, items: Mapping[str, ItemResult]) -> None:
        self.scorer = scorer
        self.items = items
        unknown = any(item.status == "unknown" for item in items.values())
        self.low = _Copy(scorer, items, "low", unknown)
        self.high = _Copy(scorer, items, "high", unknown)
        # Without an unknown answer the copies hold the same items; they differ only in how
        # they fill in a follow-up question that a change shows.
        self.alike = not unknown

    @property
    def now(self) -> PhaseRange:
        """The coalition's range."""
        return _range(self.low.phases, self.high.phases)

    def range_with(self, question_id: str, value: AnswerValue) -> PhaseRange:
        """The coalition's range with one question answered ``value``."""
        low = self.low.phases_with(self.low.changes(question_id, value))
        if self.alike and not self.scorer.followups[question_id]:
            return _range(low, low)  # nothing to fill in at either end: one is enough
        return _range(low, self.high.phases_with(self.high.changes(question_id, value)))


def _deciding_unknown(ends: _Ends) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """The unknown questions that decide the coalition's range and each pillar's."""
    scorer = ends.scorer
    low, high = ends.low.phases, ends.high.phases
    ranked: list[tuple[tuple[float, ...], str | None, str]] = []
    for index, question in enumerate(scorer.qset.questions):
        if ends.items[question.id].status != "unknown":
            continue
        (lowest, bottom), (highest, top) = scorer.extremes[question.id]
        # This answer at its highest with the others at their lowest, and the reverse.
        raised = ends.low.phases_with(ends.low.changes(question.id, highest))
        lowered = ends.high.phases_with(ends.high.changes(question.id, lowest))
        home = _range(low, high, question.pillar)
        for scope in (None, *PILLARS):
            now = _range(low, high, scope)
            if now.known:
                continue
            effect = (_end(raised, scope) - now.low) + (now.high - _end(lowered, scope))
            # Its level is one the range can still pass: met for certain below it, and not
            # beyond where the pillar (or, for the coalition, the weakest) stops at best.
            relevant = scope in (None, question.pillar) and \
                home.low <= question.phase < min(home.high, now.high)
            if effect > 0 or relevant:
                key = (-effect, -int(relevant), question.phase,
                       -question.weight * (top - bottom), index)
                ranked.append((key, scope, question.id))
    ranked.sort(key=lambda entry: entry[0])

    def first(scope: str | None) -> tuple[str, ...]:
        found = tuple(question_id for _, where, question_id in ranked if where == scope)
        return found[:MAX_DECIDING_UNKNOWN]

    return first(None), {pillar: first(pillar) for pillar in PILLARS}


def _candidates(scorer: Scorer, item: ItemResult) -> Iterator[tuple[AnswerValue, float]]:
    """The other answers an answered question is tried with, with their scores, nearest first.

    A question that shows or hides others, or that a signal reads, is tried with every
    answer; any other with one answer per score.
    """
    question = scorer.questions[item.id]
    if not question.scored:  # a context answer: it counts through what it shows or hides
        yield from ((value, 0.0) for value in plain_answers(question) if value != item.value)
        return
    current = item.score or 0.0
    scored = sorted(((value, score) for value, score in scorer.answer_scores[item.id]
                     if value != item.value), key=lambda entry: abs(entry[1] - current))
    plain = not scorer.followups[item.id] and item.id not in scorer.signal_questions
    seen: set[float] = {round(current, 9)}
    for value, score in scored:
        if plain and round(score, 9) in seen:
            continue
        seen.add(round(score, 9))
        yield value, score


def _direction(copy: _Copy, question: Question) -> int:
    """Which way a change of one plain answer can move its pillar in one filled copy.

    -1: only a lower score can (its level is met and counts); 1: only a higher one (its
    level is the first one not met); 0: neither (a level the pillar does not reach).
    """
    phase = copy.phases[question.pillar]
    if question.phase < phase or (question.phase == phase and
                                  copy.met[question.pillar][question.phase - 1]):
        return -1
    return 1 if question.phase == phase else 0


def _changes(ends: _Ends) -> Iterator[DecidingAnswer]:
    scorer = ends.scorer
    for question in scorer.qset.questions:
        item = ends.items[question.id]
        if item.status == "answered" or (
                item.status == "unscored" and scorer.followups[question.id]
                and item.value is not None and item.value not in SPECIAL_VALUES):
            # An answer that shows, hides and signals nothing changes only its own level:
            # one above where its pillar stops cannot matter, one that counts only when it
            # falls (or rises) is tried only that way.
            plain = not scorer.followups[question.id] and \
                question.id not in scorer.signal_questions
            ways = {_direction(ends.low, question), _direction(ends.high, question)} \
                if plain else {-1, 1}
            now = item.score or 0.0
            for value, score in _candidates(scorer, item):
                moved = ends.now
                if not question.scored or ways & {1 if score > now else -1}:
                    moved = ends.range_with(question.id, value)
                yield DecidingAnswer(question.id, item.value, value, moved)


def _deciding(ends: _Ends, now: PhaseRange) -> tuple[DecidingAnswer, ...]:
    """The answer changes that move the coalition's range, one per question and range."""
    kept: dict[tuple[str, PhaseRange], DecidingAnswer] = {}
    order = {question.id: index for index, question in enumerate(ends.scorer.qset.questions)}
    for change in _changes(ends):
        if change.phase_range != now:
            # Candidates come nearest first: the first change to reach a range is kept.
            kept.setdefault((change.question, change.phase_range), change)

    def key(change: DecidingAnswer) -> tuple[int, ...]:
        moved = change.phase_range
        if moved.low + moved.high > now.low + now.high:
            return (0, moved.low, moved.high, order[change.question])
        return (1, moved.low, moved.high, order[change.question])

    return tuple(sorted(kept.values(), key=key))


def verdict(scorer: Scorer, assessment: Assessment) -> Verdict:
    """The unknown answers that keep the phase open and the answers that would move it."""
    ends = _Ends(scorer, assessment.items)
    unknown, per_pillar = _deciding_unknown(ends)
    return Verdict(ends.now, unknown, per_pillar, _deciding(ends, ends.now))
