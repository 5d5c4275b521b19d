"""Pure: which answers files of one coalition belong to one assessment round.

Partners answer on different days, and a round that starts on Tuesday evening
ends on Wednesday morning. Files are therefore combined per round, not per
calendar day, and ``report``, ``compare`` and ``progress`` all group with
``group_rounds``:

- A file with a ``round:`` label belongs to the round of that label, whatever its
  date. The coordinator names a round once (``--round`` of ``assess``, ``form`` and
  ``template``); nothing writes a label by itself.
- A file without a label joins the labelled round whose dates lie within
  ``ROUND_WINDOW_DAYS`` of its own date (the nearest, when there are several);
  otherwise it joins the unlabelled files within the window after the first of
  them. Such a round is named by its dates (``2026-11-30 – 2026-12-01``), never by a
  calendar month: most rounds run over the end of one.
- Earlier versions wrote the month of a file's date as its label by themselves
  (``round: 2026-11``). Such a label, the month of the file's own date, is read as no
  label (``effective_round``), so that those files too are grouped by their dates.
- The coalition's own file (role ``coalitie``, made by a consensus
  conversation) is the round's agreed answer, not one more respondent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from stimulering.model import Answers

ROUND_WINDOW_DAYS = 31
"""How far apart the dates of one unlabelled round may lie."""

AGREED_ROLE = "coalitie"

Source = TypeVar("Source")


@dataclass(frozen=True)
class Entry(Generic[Source]):
    """What grouping needs of one file: its label, date and role, and where it came from."""

    source: Source
    round: str | None
    date: dt.date
    role: str

    @classmethod
    def of(cls, source: Source, answers: Answers) -> Entry[Source]:
        """The entry of an answers file (its label as ``effective_round`` reads it)."""
        return cls(source, effective_round(answers.round, answers.date), answers.date,
                   answers.respondent.role)


_MONTH = re.compile(r"\d{4}-\d{2}")


def effective_round(label: str | None, date: dt.date) -> str | None:
    """The round label a file counts with (``None``: grouped by its date).

    A label that is the month of the file's own date was written by an earlier version
    by itself, not given by anyone: it counts as no label (see the module).
    """
    if label is None or (_MONTH.fullmatch(label) and label == f"{date:%Y-%m}"):
        return None
    return label


def dates_label(first: dt.date, last: dt.date) -> str:
    """The name of a round grouped by its dates: one date, or the first and the last."""
    if first == last:
        return first.isoformat()
    return f"{first.isoformat()} – {last.isoformat()}"


@dataclass(frozen=True)
class Round(Generic[Source]):
    """The files of one assessment round, in date order."""

    label: str
    """The name the files give the round, or its dates when they give none."""
    labelled: bool
    """Whether the files say which round they belong to (else they were grouped by date)."""
    entries: tuple[Entry[Source], ...]

    @property
    def first(self) -> dt.date:
        """The earliest date of the round."""
        return self.entries[0].date

    @property
    def last(self) -> dt.date:
        """The latest date of the round: the date the round is shown with."""
        return self.entries[-1].date

    @property
    def respondents(self) -> tuple[Entry[Source], ...]:
        """The partners' own files."""
        return tuple(e for e in self.entries if e.role != AGREED_ROLE)

    @property
    def agreed(self) -> Entry[Source] | None:
        """The latest coalition file of the round (the agreed answer), if there is one."""
        found = [e for e in self.entries if e.role == AGREED_ROLE]
        return found[-1] if found else None


def _span_distance(date: dt.date, entries: Sequence[Entry[Source]]) -> int:
    first = min(e.date for e in entries)
    last = max(e.date for e in entries)
    return 0 if first <= date <= last else min(abs((date - first).days),
                                               abs((date - last).days))


def group_rounds(entries: Sequence[Entry[Source]],
                 window: int = ROUND_WINDOW_DAYS) -> list[Round[Source]]:
    """The rounds of one coalition's files, oldest first (see the module's rules)."""
    labelled: dict[str, list[Entry[Source]]] = {}
    for entry in entries:
        if entry.round is not None:
            labelled.setdefault(entry.round, []).append(entry)
    unlabelled: list[list[Entry[Source]]] = []
    for entry in sorted((e for e in entries if e.round is None), key=lambda e: e.date):
        distance, nearest = min(((_span_distance(entry.date, members), label)
                                 for label, members in labelled.items()),
                                default=(window + 1, ""))
        if distance <= window:
            labelled[nearest].append(entry)
        elif unlabelled and (entry.date - unlabelled[-1][0].date).days <= window:
            unlabelled[-1].append(entry)
        else:
            unlabelled.append([entry])
    rounds = [Round(label, True, _by_date(members)) for label, members in labelled.items()]
    taken = set(labelled)
    for members in unlabelled:
        ordered = _by_date(members)
        label = dates_label(ordered[0].date, ordered[-1].date)
        if label in taken:  # a file names its round after dates another round has
            label = f"{label} ({len(rounds) + 1})"
        taken.add(label)
        rounds.append(Round(label, False, ordered))
    return sorted(rounds, key=lambda r: (r.last, r.first, r.label))


def _by_date(entries: Sequence[Entry[Source]]) -> tuple[Entry[Source], ...]:
    return tuple(sorted(entries, key=lambda e: e.date))
