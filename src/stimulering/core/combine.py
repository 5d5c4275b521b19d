"""Pure: the answers of several respondents of one coalition -> combined results.

A coalition is assessed by several respondents. Their evaluations of one
coalition are combined item by item:

- **Combined item score** = the mean of the respondents' item scores over the
  respondents the question is asked of (``Question.asks``: its ``applies_to``) who
  answered it; "don't know" and open answers do not count, and neither does an answer
  given beyond one's role and level. An item that is hidden or not applicable for
  everyone it is asked of stays out; an item nobody it is asked of answered is
  unknown. A single respondent counts with every answer, as in their own report.
  The combined items are then placed on the ladder with the ordinary scoring rules
  (``Scorer.assess_items``).
- **Catalysts and inhibitors**: each respondent's read from the questions they were
  asked (one alone: from every answer); present when more than half of the respondents
  with a known status say present, absent when more than half say absent; a tie
  takes the cautious reading (a catalyst absent, an inhibitor present); unknown
  when no respondent has a known status.

Which files belong to one coalition, and the names respondents are shown by, are
here too. The views built on these results live beside this module:
``coalition`` (one coalition's respondents side by side, and consensus),
``progress`` (one coalition over time) and ``comparison`` (many coalitions).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from stimulering.core import conditions
from stimulering.core.scoring import (
    Assessment,
    ItemResult,
    Notice,
    Scorer,
    SignalResult,
    SignalStatus,
    item_score,
)
from stimulering.errors import MixedCoalitionsError
from stimulering.model import (
    DONT_KNOW,
    NOT_APPLICABLE,
    SPECIAL_VALUES,
    Answers,
    AnswerValue,
    Question,
    Respondent,
)


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


def respondent_labels(respondents: Sequence[Respondent], *, anonymise: bool = False,
                      describe: Callable[[Respondent], str] = role_and_level) -> list[str]:
    """A unique, readable name per respondent.

    By organisation, with role and level (as ``describe`` words them) added where
    an organisation answered more than once; with ``anonymise`` by role and level
    only. Names that are still the same get a number.
    """
    if anonymise:
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


def counts(question: Question, respondent: Respondent | None, together: int) -> bool:
    """Whether ``respondent``'s answer to ``question`` counts among ``together`` respondents.

    One alone counts with every answer, as in their own report; of several, only the
    respondents the question is asked of (``Question.asks``).
    """
    return together < 2 or question.asks(respondent)


def counted_positions(question: Question, respondents: Sequence[Respondent | None]) -> list[int]:
    """The positions of the respondents whose answers to ``question`` count (``counts``)."""
    return [index for index, respondent in enumerate(respondents)
            if counts(question, respondent, len(respondents))]


def asked_of_nobody(scorer: Scorer, respondents: Sequence[Respondent | None]) -> list[str]:
    """The questions none of the respondents combined is asked."""
    return [question.id for question in scorer.qset.questions
            if not counted_positions(question, respondents)]


def combine_items(scorer: Scorer, item_sets: Sequence[Mapping[str, ItemResult]],
                  value_sets: Sequence[Mapping[str, AnswerValue]] | None = None,
                  respondents: Sequence[Respondent | None] | None = None,
                  ) -> dict[str, ItemResult]:
    """Combined item results: mean score of the respondents who answered each item.

    ``value_sets`` are the respondents' effective answer values; when given,
    each answered combined item carries the answer value whose score is nearest
    to the mean (see ``nearest_value``). ``respondents`` are who gave each set; when
    given, a question counts only the sets of the respondents it is asked of, and is
    unknown when it is asked of none of them (see ``counts``: one alone counts with every
    answer).
    """
    combined: dict[str, ItemResult] = {}
    known: dict[str, AnswerValue] = {}
    everyone = list(range(len(item_sets)))
    for question in scorer.qset.questions:
        concerned = everyone if respondents is None else counted_positions(question, respondents)
        results = [item_sets[index][question.id] for index in concerned]
        scores = [r.score for r in results if r.status == "answered" and r.score is not None]
        if scores:
            mean = sum(scores) / len(scores)
            value: AnswerValue = None
            if value_sets is not None:
                given = [value_sets[index].get(question.id) for index in concerned]
                value = nearest_value(question, mean, given)
            combined[question.id] = ItemResult(question.id, "answered", mean, value)
            known[question.id] = value
            continue
        statuses = {r.status for r in results}
        if not results:
            # Asked of no respondent here: unknown, unless the combined answers do not show
            # it (as ``Scorer.items`` hides a question whose condition is not known to hold).
            hidden = question.when is not None and \
                conditions.evaluate(question.when, known.get) is not True
            status = "hidden" if hidden else "unknown" if question.scored else "unscored"
        elif "unknown" in statuses:
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


def counted_items(items: Mapping[str, ItemResult], questions: Iterable[Question],
                  respondent: Respondent | None, together: int) -> dict[str, ItemResult]:
    """A respondent's item results with the answers that do not count (``counts``) unknown."""
    return {question.id: items[question.id] if counts(question, respondent, together) else
            ItemResult(question.id, "unknown", None, None) for question in questions}


def respondents_signals(scorer: Scorer, item_sets: Sequence[Mapping[str, ItemResult]],
                        respondents: Sequence[Respondent | None] | None,
                        ) -> tuple[SignalResult, ...]:
    """The catalysts and inhibitors of several respondents, combined by majority.

    Each respondent's are read from the answers of theirs that count (``counts``).
    """
    if respondents is None:
        return combine_signals([scorer.signals(items) for items in item_sets])
    return combine_signals([
        scorer.signals(counted_items(items, scorer.qset.questions, respondent,
                                     len(respondents)))
        for items, respondent in zip(item_sets, respondents, strict=True)])


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


# --- respondents --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RespondentResult:
    """One respondent's own assessment within a coalition view."""

    label: str
    """Organisation (or role and level when anonymised), unique within the view."""
    answers: Answers
    assessment: Assessment
    values: dict[str, AnswerValue]
    """Effective answer values, keyed by the current question ids."""
    notes: dict[str, str] = field(default_factory=dict)
    """The respondent's notes (why this answer, the evidence), keyed by the current
    question ids: the evidence beside their answer in the report and the consensus."""


def current_notes(answers: Answers, renamed: Mapping[str, str]) -> dict[str, str]:
    """A file's notes keyed by the current question ids.

    A note on an old id (``replaces``) follows its question; a note on the current id wins.
    """
    notes = {key: note for key, note in answers.notes.items() if key not in renamed}
    for key, note in answers.notes.items():
        if key in renamed:
            notes.setdefault(renamed[key], note)
    return notes


def action_key(text: str) -> str:
    """How actions are matched between files: case and white space do not matter."""
    return " ".join(text.split()).casefold()


def respondent_results(scorer: Scorer, answers: Sequence[Answers], *, anonymise: bool = False,
                       describe: Callable[[Respondent], str] = role_and_level,
                       ) -> tuple[RespondentResult, ...]:
    """Each respondent's own assessment, labelled."""
    labels = respondent_labels([a.respondent for a in answers], anonymise=anonymise,
                               describe=describe)
    results = []
    for text, item in zip(labels, answers, strict=True):
        values, _ = scorer.effective_values(item.answers)
        results.append(RespondentResult(text, item, scorer.assess(item), values,
                                        current_notes(item, scorer.renamed)))
    return tuple(results)


def combine_assessments(scorer: Scorer, respondents: Sequence[RespondentResult],
                        ) -> tuple[Assessment, dict[str, ItemResult]]:
    """The combined assessment of several respondents and its item results."""
    first = respondents[0]
    items = combine_items(scorer, [r.assessment.items for r in respondents],
                          [r.values for r in respondents],
                          [r.answers.respondent for r in respondents])
    warnings: dict[tuple[str, tuple[str, ...]], Notice] = {}
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
        unasked=asked_of_nobody(scorer, [r.answers.respondent for r in respondents]),
    )
    signals = respondents_signals(scorer, [r.assessment.items for r in respondents],
                                  [r.answers.respondent for r in respondents])
    return replace(assessment, signals=signals), items
