"""Pure: several respondents, dates or coalitions -> combined views.

A coalition is assessed by several respondents. Their evaluations of one
coalition are combined item by item:

- **Combined item score** = the mean of the respondents' item scores over the
  respondents who answered the item; "don't know" and open answers do not
  count. An item that is hidden or not applicable for everyone stays out; an
  item nobody answered is unknown. The combined items are then placed on the
  ladder with the ordinary scoring rules (``Scorer.assess_items``).
- **Lowest phase**: beside each combined pillar phase, the lowest phase any
  respondent gave, so an average never hides a partner's dissent.
- **Catalysts and inhibitors**: present when more than half of the respondents
  with a known status say present, absent when more than half say absent; a tie
  takes the cautious reading (a catalyst absent, an inhibitor present); unknown
  when no respondent has a known status.
- **Divergence**: per scored item, spread = highest minus lowest item score of
  the respondents who answered it; items with a spread of at least 0.5 are the
  discussion topics. They are ranked by how many answer steps lie between the
  furthest answers (from "oneens" to "eens" is two steps), then by the item's
  weight, then by whether it is a gate, then by spread and question order. An
  agenda shows the first ``TOPIC_LIMIT``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from stimulering.errors import MixedCoalitionsError
from stimulering.model import (
    DONT_KNOW,
    NOT_APPLICABLE,
    PILLARS,
    SPECIAL_VALUES,
    YESNO_SCORES,
    Action,
    Answers,
    AnswerValue,
    ConsensusRecord,
    Level,
    Question,
    Respondent,
)
from stimulering.rounds import AGREED_ROLE, Entry, group_rounds
from stimulering.scoring import (
    TOLERANCE,
    Assessment,
    ItemResult,
    Scorer,
    SignalResult,
    SignalStatus,
    Warning,
    item_score,
)

DIVERGENCE_MINIMUM = 0.5
"""Spread (highest minus lowest item score) from which an item is a discussion topic."""
TOPIC_LIMIT = 10
"""How many discussion topics an agenda shows unless all are asked for."""
COMPARABLE_MINIMUM = 0.8
"""Share of comparable items below which a comparison over time carries a warning."""


def coalition_key(name: str) -> str:
    """How coalition names are matched: case and runs of white space do not matter."""
    return " ".join(name.split()).casefold()


def coalition_code(name: str) -> str:
    """A stable anonymous code for a coalition: ``C-`` and six hex digits of a hash."""
    return "C-" + hashlib.sha256(coalition_key(name).encode("utf-8")).hexdigest()[:6]


def require_one_coalition(answers: Sequence[Answers], files: Sequence[str]) -> None:
    """Raise ``MixedCoalitionsError`` unless every answers file is of the same coalition."""
    names: dict[str, str] = {}
    for item in answers:
        names.setdefault(coalition_key(item.coalition), item.coalition)
    if len(names) > 1:
        shown = ", ".join(sorted(names.values()))
        raise MixedCoalitionsError(
            f"{', '.join(files)}: these files belong to different coalitions ({shown}); "
            "a report or progress view covers one coalition. To set coalitions side by "
            "side, use 'stimulering compare FILE-or-FOLDER...'")


def role_and_level(respondent: Respondent) -> str:
    """``gemeente · strategisch``: a respondent's role and level by their ids."""
    return f"{respondent.role} · {respondent.level}"


def respondent_labels(respondents: Sequence[Respondent], *, anonymous: bool = False,
                      describe: Callable[[Respondent], str] = role_and_level) -> list[str]:
    """A unique, readable name per respondent.

    By organisation, with role and level (as ``describe`` words them) added where
    an organisation answered more than once; with ``anonymous`` by role and level
    only. Names that are still the same get a number.
    """
    if anonymous:
        labels = [describe(r) for r in respondents]
    else:
        counts = Counter(r.organisation for r in respondents)
        labels = [r.organisation if counts[r.organisation] == 1 else
                  f"{r.organisation} ({describe(r)})" for r in respondents]
    totals = Counter(labels)
    seen: Counter[str] = Counter()
    unique = []
    for text in labels:
        seen[text] += 1
        unique.append(text if totals[text] == 1 else f"{text} #{seen[text]}")
    return unique


# --- items -------------------------------------------------------------------------------------


def combine_items(scorer: Scorer, item_sets: Sequence[Mapping[str, ItemResult]],
                  value_sets: Sequence[Mapping[str, AnswerValue]] | None = None,
                  ) -> dict[str, ItemResult]:
    """Combined item results: mean score of the respondents who answered each item.

    ``value_sets`` are the respondents' effective answer values; when given,
    each answered combined item carries the answer value whose score is nearest
    to the mean (see ``nearest_value``).
    """
    combined: dict[str, ItemResult] = {}
    for question in scorer.qset.questions:
        results = [items[question.id] for items in item_sets]
        scores = [r.score for r in results if r.status == "answered" and r.score is not None]
        if scores:
            mean = sum(scores) / len(scores)
            value: AnswerValue = None
            if value_sets is not None:
                given = [values.get(question.id) for values in value_sets]
                value = nearest_value(question, mean, given)
            combined[question.id] = ItemResult(question.id, "answered", mean, value)
            continue
        statuses = {r.status for r in results}
        if "unknown" in statuses:
            status = "unknown"
        elif "unscored" in statuses:
            status = "unscored"
        elif "not_applicable" in statuses:
            status = "not_applicable"
        else:
            status = "hidden"
        combined[question.id] = ItemResult(question.id, status, None,  # type: ignore[arg-type]
                                           None)
    return combined


def candidate_values(question: Question, given: Iterable[AnswerValue]) -> list[AnswerValue]:
    """Answer values a combined score can be mapped back to, in a fixed order."""
    values: list[AnswerValue] = []
    if question.type == "yesno":
        values.extend(reversed(question.option_values))  # nee, deels, ja: lowest score first
    elif question.type == "multi":
        values.append([])
        values.extend([str(value)] for value in question.option_values)
    else:
        values.extend(question.option_values)
    for value in given:
        if value is None or value in (DONT_KNOW, NOT_APPLICABLE) or value in values:
            continue
        values.append(value)
    return values


def nearest_value(question: Question, score: float, given: Iterable[AnswerValue]) -> AnswerValue:
    """The answer value whose score is nearest to ``score``; a tie goes to the lower score.

    Scale, yes/no and choice items map to any of their values; multi and number
    items to a single option (multi) or to one of the values the respondents gave.
    """
    best: tuple[float, float] | None = None
    chosen: AnswerValue = None
    for value in candidate_values(question, given):
        if question.answer_problem(value) is not None or value in SPECIAL_VALUES:
            continue  # only plain, valid answers can stand for a mean score
        value_score = item_score(question, value)
        key = (round(abs(value_score - score), 9), value_score)
        if best is None or key < best:
            best, chosen = key, value
    return chosen


# --- signals -----------------------------------------------------------------------------------


def combine_signals(signal_sets: Sequence[Sequence[SignalResult]]) -> tuple[SignalResult, ...]:
    """Combined catalyst and inhibitor statuses by majority of the known statuses."""
    if not signal_sets:
        return ()
    combined = []
    for index, first in enumerate(signal_sets[0]):
        statuses = [signals[index].status for signals in signal_sets]
        present = statuses.count("present")
        absent = statuses.count("absent")
        status: SignalStatus
        if present + absent == 0:
            status = "unknown"
        elif present > absent:
            status = "present"
        elif absent > present:
            status = "absent"
        else:
            status = "absent" if first.kind == "catalyst" else "present"
        combined.append(SignalResult(first.id, first.kind, status))
    return tuple(combined)


# --- one coalition, several respondents ---------------------------------------------------------


@dataclass(frozen=True)
class RespondentResult:
    """One respondent's own assessment within a coalition view."""

    label: str
    """Organisation (or role and level when anonymous), unique within the view."""
    answers: Answers
    assessment: Assessment
    values: dict[str, AnswerValue]
    """Effective answer values, keyed by the current question ids."""


@dataclass(frozen=True)
class Divergence:
    """An item the respondents answered far apart: a topic for discussion."""

    question: str
    pillar: str
    spread: float
    """Highest minus lowest item score of the respondents who answered it."""
    answers: tuple[tuple[str, AnswerValue, float | None], ...]
    """(respondent label, answer value, item score) of every respondent who gave a value."""
    steps: int = 1
    """How many answer steps lie between the lowest and the highest answer."""
    weight: float = 1.0
    gate: bool = False


def score_levels(question: Question) -> tuple[float, ...]:
    """The distinct item scores an answer to ``question`` can give, lowest first."""
    if question.type == "scale":
        return (0.0, 0.25, 0.5, 0.75, 1.0)
    if question.type == "yesno":
        return tuple(sorted(set(YESNO_SCORES.values())))
    if question.type == "number":
        return tuple(sorted({float(band.score) for band in question.bands or []}))
    return tuple(sorted(set(question.option_scores.values())))


def answer_steps(question: Question, low: float, high: float) -> int:
    """How many answer steps lie between two item scores (at least 1 when they differ)."""
    between = sum(1 for level in score_levels(question)
                  if low + TOLERANCE < level <= high + TOLERANCE)
    return max(between, 1 if high - low > TOLERANCE else 0)


def _shown(value: AnswerValue) -> str:
    """An answer value in a note: a list as its items, anything else as it is."""
    return ", ".join(value) if isinstance(value, list) else str(value)


def _lowest(phases: Iterable[int | None]) -> int | None:
    """The lowest of the determined phases, or ``None`` when none is determined."""
    return min((phase for phase in phases if phase is not None), default=None)


@dataclass(frozen=True)
class CoalitionView:
    """Several respondents of one coalition, side by side and combined."""

    coalition: str
    date: dt.date
    """The latest date among the respondents."""
    respondents: tuple[RespondentResult, ...]
    combined: Assessment
    """The combined assessment (mean item scores, majority signals)."""
    combined_answers: Answers
    """The combined result as an answers file (role ``coalitie``)."""
    lowest: dict[str, int | None]
    """Per pillar, the lowest phase any respondent gave (``None`` when no respondent's
    phase could be determined)."""
    lowest_phase: int | None
    """The lowest overall phase any respondent gave (``None`` as above)."""
    divergence: tuple[Divergence, ...]
    anonymous: bool = False
    round: str = ""
    """The assessment round the files belong to."""
    agreed: RespondentResult | None = None
    """The coalition's own file (role ``coalitie``, from a consensus conversation): when
    there is one, ``combined`` is its assessment, and it is not counted as a respondent."""


def divergence(scorer: Scorer, respondents: Sequence[RespondentResult],
               minimum: float = DIVERGENCE_MINIMUM) -> tuple[Divergence, ...]:
    """Items whose spread of item scores is at least ``minimum``, ranked (see the module)."""
    found: list[tuple[tuple[float, ...], Divergence]] = []
    for index, question in enumerate(scorer.qset.questions):
        if not question.scored:
            continue
        scores = [r.assessment.items[question.id].score for r in respondents
                  if r.assessment.items[question.id].status == "answered"]
        present = [s for s in scores if s is not None]
        if len(present) < 2:
            continue
        spread = max(present) - min(present)
        if spread < minimum - TOLERANCE:
            continue
        answers = tuple(
            (r.label, r.values[question.id],
             r.assessment.items[question.id].score
             if r.assessment.items[question.id].status == "answered" else None)
            for r in respondents if r.values.get(question.id) is not None)
        steps = answer_steps(question, min(present), max(present))
        topic = Divergence(question.id, question.pillar, round(spread, 9), answers, steps,
                           question.weight, question.gate)
        found.append(((-steps, -question.weight, -int(question.gate), -spread, index), topic))
    found.sort(key=lambda entry: entry[0])
    return tuple(entry[1] for entry in found)


def majority_level(respondents: Sequence[Respondent]) -> Level:
    """The level most respondents work at (ties: the most strategic one)."""
    counts: Counter[str] = Counter(r.level for r in respondents)
    levels: tuple[Level, ...] = ("strategisch", "tactisch", "operationeel")
    return max(levels, key=lambda level: (counts[level], -levels.index(level)))


def combined_answers(scorer: Scorer, respondents: Sequence[RespondentResult],
                     items: Mapping[str, ItemResult], *, date: dt.date | None = None,
                     skip: Iterable[str] = ()) -> Answers:
    """One coalition answers file (role ``coalitie``) from the combined items.

    Every answered item gets the value whose score is nearest to the combined
    mean; an item nobody could answer gets ``weet_niet``; items in ``skip`` (the
    discussion topics) are left open. Free-text answers are merged, each marked
    with the labels of the respondents who wrote it. A context item, and an item no respondent was
    asked, keeps the answer the respondents share; a context item they answered
    differently is left open, with their answers in its note.
    Notes are merged likewise; actions are merged without duplicates.
    """
    first = respondents[0].answers
    skipped = set(skip)
    values: dict[str, AnswerValue] = {}
    notes: dict[str, str] = {}
    for question in scorer.qset.questions:
        qid = question.id
        given = [r.values.get(qid) for r in respondents]
        if qid in skipped:
            values[qid] = None
        elif question.type == "text":
            # The same text from several respondents is written once, with all their labels.
            writers: dict[str, list[str]] = {}
            for r, v in zip(respondents, given, strict=True):
                if isinstance(v, str) and v.strip():
                    writers.setdefault(v.strip(), []).append(r.label)
            if writers:
                values[qid] = "\n".join(f"{', '.join(who)}: {text}"
                                         for text, who in writers.items())
        elif not question.scored or items[qid].status == "hidden":
            # Context, or not asked of anyone: keep what the respondents share.
            plain = [(r, v) for r, v in zip(respondents, given, strict=True)
                     if v is not None and v not in SPECIAL_VALUES]
            if plain and all(v == plain[0][1] for _, v in plain):
                values[qid] = plain[0][1]
            elif plain and not question.scored:
                notes[qid] = "\n".join(f"{r.label}: {_shown(v)}" for r, v in plain)
        elif items[qid].status == "answered":
            values[qid] = items[qid].value
        elif any(v is not None for v in given):
            values[qid] = NOT_APPLICABLE if items[qid].status == "not_applicable" else DONT_KNOW
        merged = [f"{r.label}: {r.answers.notes[key]}" for r in respondents
                  for key in _note_keys(scorer, r.answers, qid)]
        if merged:
            notes[qid] = "\n".join([*filter(None, [notes.get(qid)]), *merged])
        if qid in notes:
            notes[qid] = notes[qid][:10_000]
    actions: list[Action] = []
    seen: set[tuple[str, str | None]] = set()
    for respondent in respondents:
        for action in respondent.answers.actions:
            key = (action_key(action.what), action.item)
            if key not in seen:
                seen.add(key)
                actions.append(action)
    return Answers(
        stimulering_answers=1,
        question_set=scorer.ref,
        coalition=first.coalition,
        respondent=Respondent(organisation=f"Coalitie {first.coalition}"[:200], role="coalitie",
                              level=majority_level([r.answers.respondent for r in respondents])),
        date=date or max(r.answers.date for r in respondents),
        lang=first.lang,
        answers=values,
        notes=notes,
        targets={},
        actions=actions,
    )


def _note_keys(scorer: Scorer, answers: Answers, question_id: str) -> list[str]:
    return [key for key in answers.notes
            if key == question_id or scorer.renamed.get(key) == question_id]


def action_key(text: str) -> str:
    """How actions are matched between files: case and white space do not matter."""
    return " ".join(text.split()).casefold()


def respondent_results(scorer: Scorer, answers: Sequence[Answers], *, anonymous: bool = False,
                       describe: Callable[[Respondent], str] = role_and_level,
                       ) -> tuple[RespondentResult, ...]:
    """Each respondent's own assessment, labelled."""
    labels = respondent_labels([a.respondent for a in answers], anonymous=anonymous,
                               describe=describe)
    results = []
    for text, item in zip(labels, answers, strict=True):
        values, _ = scorer.effective_values(item.answers)
        results.append(RespondentResult(text, item, scorer.assess(item), values))
    return tuple(results)


def combine_assessments(scorer: Scorer, respondents: Sequence[RespondentResult],
                        ) -> tuple[Assessment, dict[str, ItemResult]]:
    """The combined assessment of several respondents and its item results."""
    first = respondents[0]
    items = combine_items(scorer, [r.assessment.items for r in respondents],
                          [r.values for r in respondents])
    warnings: dict[tuple[str, tuple[str, ...]], Warning] = {}
    for respondent in respondents:
        for warning in respondent.assessment.warnings:
            if warning.code in ("unknown_question", "other_question_set"):
                warnings.setdefault((warning.code, warning.ids + warning.texts), warning)
    assessment = scorer.assess_items(
        coalition=first.answers.coalition,
        date=max(r.answers.date for r in respondents),
        respondent=None,
        items=items,
        extra_warnings=warnings.values(),
    )
    signals = combine_signals([r.assessment.signals for r in respondents])
    return replace(assessment, signals=signals), items


def coalition_view(scorer: Scorer, answers: Sequence[Answers], *, files: Sequence[str] = (),
                   anonymous: bool = False, round_label: str = "",
                   describe: Callable[[Respondent], str] = role_and_level) -> CoalitionView:
    """Several respondents of one coalition side by side, combined, and where they diverge.

    A coalition file (role ``coalitie``) among them is the agreed answer: the latest
    one is shown as the combined result, and none is counted as a respondent.
    """
    require_one_coalition(answers, files or [a.coalition for a in answers])
    partners = [a for a in answers if a.respondent.role != AGREED_ROLE] or list(answers)
    coalition_files = sorted((a for a in answers if a.respondent.role == AGREED_ROLE
                              and a not in partners), key=lambda a: a.date)
    respondents = respondent_results(scorer, partners, anonymous=anonymous, describe=describe)
    agreed = None
    if coalition_files:
        agreed = respondent_results(scorer, coalition_files[-1:])[0]
        combined, document = agreed.assessment, agreed.answers
    else:
        combined, items = combine_assessments(scorer, respondents)
        document = combined_answers(scorer, respondents, items)
        combined = replace(combined, respondent=document.respondent)
    return CoalitionView(
        coalition=combined.coalition,
        date=max(a.date for a in answers),
        respondents=respondents,
        combined=combined,
        combined_answers=document,
        lowest={p: _lowest(r.assessment.pillars[p].phase for r in respondents)
                for p in PILLARS},
        lowest_phase=_lowest(r.assessment.phase for r in respondents),
        divergence=divergence(scorer, respondents),
        anonymous=anonymous,
        round=round_label,
        agreed=agreed,
    )


# --- consensus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Consensus:
    """What a consensus conversation starts from."""

    topics: tuple[Divergence, ...]
    """The items to discuss, in agenda order."""
    total: int
    """How many topics there are in all (more than ``topics`` when the agenda is capped)."""
    answers: Answers
    """The coalition answers file: every other item from the combined result, topics open,
    and the partners' answers to the topics in its ``consensus`` record."""


def consensus(scorer: Scorer, answers: Sequence[Answers], *, date: dt.date | None = None,
              limit: int | None = TOPIC_LIMIT) -> Consensus:
    """The discussion topics and a draft coalition answers file for a consensus session.

    ``date`` defaults to the latest date of the respondents' files; ``limit`` caps the
    agenda (``None``: every topic). Topics beyond the cap take the combined result,
    like every item the partners agree on. The file keeps the partners' round when they
    share one.
    """
    require_one_coalition(answers, [a.coalition for a in answers])
    respondents = respondent_results(scorer, answers)
    _, items = combine_assessments(scorer, respondents)
    every = divergence(scorer, respondents)
    topics = every if limit is None else every[:limit]
    document = combined_answers(scorer, respondents, items, date=date,
                                skip=[topic.question for topic in topics])
    record = ConsensusRecord(
        partners=[r.label for r in respondents],
        topics={t.question: {who: value for who, value, _ in t.answers} for t in topics})
    rounds = {a.round for a in answers}
    shared = rounds.pop() if len(rounds) == 1 else None
    return Consensus(topics, len(every),
                     document.model_copy(update={"consensus": record, "round": shared}))


# --- one coalition over time -------------------------------------------------------------------


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


def _answered_ids(scorer: Scorer, answers: Answers) -> set[str]:
    values, unknown = scorer.effective_values(answers.answers)
    known = {key for key in values if scorer.questions[key].scored}
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
        answered |= _answered_ids(scorer, item)
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


# --- many coalitions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CoalitionRow:
    """One coalition's latest assessment in a comparison."""

    coalition: str
    date: dt.date
    respondents: int
    assessment: Assessment
    round: str = ""
    agreed: bool = False
    """Whether the row is the coalition file agreed in a consensus conversation."""


def latest_assessment(scorer: Scorer, coalition: str, date: dt.date,
                      answer_sets: Sequence[Mapping[str, AnswerValue]]) -> CoalitionRow:
    """The combined assessment of the respondents of one coalition on one date.

    Works on raw answer mappings, so a comparison need not keep whole files.
    """
    item_sets = [scorer.items(scorer.effective_values(values)[0]) for values in answer_sets]
    items = combine_items(scorer, item_sets)
    assessment = scorer.assess_items(coalition=coalition, date=date, respondent=None,
                                     items=items)
    assessment = replace(assessment, signals=combine_signals(
        [scorer.signals(item_set) for item_set in item_sets]))
    return CoalitionRow(coalition, date, len(item_sets), assessment)
