"""Reading an archive of answers files for ``compare``: stream, parse each file once, keep little.

A national archive holds tens of thousands of answers files. Each file is read
and parsed once (with the C parser where available) and checked like any
answers file. Of every file, the coalition, round, date and role are kept; its
answers are kept only while the file can still belong to the coalition's latest
round (its date within two round windows of the coalition's latest date), and
a file dropped too early is read again. The files of each coalition's latest
round (see ``stimulering.core.rounds``) are combined and scored, with one ``Scorer``
built once. A file that cannot be read is skipped and reported as a problem;
the caller decides what to do with problems.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from stimulering.core.combine import coalition_key
from stimulering.core.comparison import CoalitionRow, latest_assessment
from stimulering.core.rounds import ROUND_WINDOW_DAYS, Entry, group_rounds
from stimulering.core.scoring import Scorer
from stimulering.errors import CheckResult, Problem, required
from stimulering.model import Answers, AnswerValue, Respondent
from stimulering.sources import validation

SUFFIXES = (".yaml", ".yml")
WORKBOOK = ".xlsx"


def answers_paths(paths: Sequence[Path], *, workbooks: bool = False,
                  skipped: list[Path] | None = None) -> Iterator[Path]:
    """The files to read: files as given, folders recursively (``*.yaml`` / ``*.yml``).

    A file given by name may also be an ``.xlsx`` answers workbook; in folders workbooks
    are read with ``workbooks``, and otherwise added to ``skipped`` (when given), so the
    caller can say which it left.
    """
    for path in paths:
        if path.is_dir():
            found = sorted(_answers_files(str(path), workbooks, skipped))
            yield from (Path(name) for name in found)
        else:
            yield path


def _answers_files(folder: str, workbooks: bool, skipped: list[Path] | None) -> Iterator[str]:
    # os.walk reads each folder once and knows files from folders without a stat per
    # file; on an archive of tens of thousands of files that is most of the listing time.
    suffixes = (*SUFFIXES, WORKBOOK) if workbooks else SUFFIXES
    for parent, folders, files in os.walk(folder):
        folders.sort()
        for name in files:
            if name.endswith(suffixes):
                yield os.path.join(parent, name)  # noqa: PTH118 - strings sort and join faster
            elif skipped is not None and name.lower().endswith(WORKBOOK):
                skipped.append(Path(parent, name))


Row = tuple[AnswerValue, ...]
"""A file's answers in question-set order, by current id (``None``: not answered)."""


def _row(scorer: Scorer, answers: Answers) -> Row:
    """A file's answers as one tuple: a tenth of the memory of a dict of its own.

    An archive keeps the answers of thousands of files while it is read. A dict per
    file, with its own copy of every question id and answer text, was most of the
    peak memory of ``compare``; a tuple in question-set order with shared texts is not.
    """
    values, _ = scorer.effective_values(answers.answers)
    return tuple(sys.intern(value) if isinstance(value, str) else value
                 for value in (values.get(question.id) for question in scorer.qset.questions))


def _values(scorer: Scorer, row: Row) -> dict[str, AnswerValue]:
    return {question.id: value for question, value in zip(scorer.qset.questions, row,
                                                           strict=True) if value is not None}


@dataclass
class _Coalition:
    name: str
    latest: dt.date
    entries: list[Entry[str]] = field(default_factory=list)
    kept: dict[str, tuple[Respondent, Row]] = field(default_factory=dict)
    """Who answered and what, by file, of the files that may still be in the latest round."""

    def add(self, path: str, answers: Answers, row: Row) -> None:
        self.entries.append(Entry.of(path, answers))
        self.kept[path] = (answers.respondent, row)
        if answers.date > self.latest:
            self.latest = answers.date
            horizon = self.latest - dt.timedelta(days=2 * ROUND_WINDOW_DAYS)
            for entry in self.entries:
                if entry.date < horizon:
                    self.kept.pop(entry.source, None)


@dataclass(frozen=True)
class Scan:
    """What reading an archive gave."""

    rows: tuple[CoalitionRow, ...]
    """One row per coalition, sorted by name."""
    files: int
    """Number of files read successfully."""
    problems: tuple[Problem, ...]
    """Files that were skipped, with the reason."""
    workbooks: tuple[Path, ...] = ()
    """Answers workbooks found in folders and not read (only workbooks named are read)."""


def _read(path: Path, shown: str, scorer: Scorer, result: CheckResult) -> Answers | None:
    """One answers file checked against the question set, or ``None`` with its problems."""
    return validation.gather_answers(path, scorer.qset, result, shown, scorer.ref.sha256)


def _read_again(path: Path, scorer: Scorer) -> Answers:
    """A file that was read before, read again: a problem now (it changed) stops the scan."""
    return required(lambda result: _read(path, str(path), scorer, result))


def scan(paths: Sequence[Path], scorer: Scorer) -> Scan:
    """Every coalition's latest round (combined, or its agreed file) from files and folders."""
    coalitions: dict[str, _Coalition] = {}
    result = CheckResult()
    read = 0
    workbooks: list[Path] = []
    for path in answers_paths(paths, skipped=workbooks):
        shown = str(path)
        answers = _read(path, shown, scorer, result)
        if answers is None:
            continue
        read += 1
        key = coalition_key(answers.coalition)
        coalition = coalitions.setdefault(key, _Coalition(answers.coalition, answers.date))
        coalition.add(shown, answers, _row(scorer, answers))
    rows = []
    for coalition in coalitions.values():
        latest = group_rounds(coalition.entries)[-1]
        chosen = [latest.agreed] if latest.agreed is not None else list(latest.respondents)
        answer_sets = []
        respondents = []
        for entry in chosen:
            if entry.source not in coalition.kept:
                again = _read_again(Path(entry.source), scorer)
                coalition.kept[entry.source] = (again.respondent, _row(scorer, again))
            respondent, answered = coalition.kept[entry.source]
            respondents.append(respondent)
            answer_sets.append(_values(scorer, answered))
        row = latest_assessment(scorer, coalition.name, latest.last, answer_sets, respondents)
        rows.append(replace(row, round=latest.label, respondents=len(latest.respondents),
                            agreed=latest.agreed is not None))
    rows.sort(key=lambda row: coalition_key(row.coalition))
    return Scan(tuple(rows), read, tuple(result.problems), tuple(sorted(workbooks)))
