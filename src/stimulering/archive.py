"""Reading an archive of answers files for ``compare``: stream, parse each file once, keep little.

A national archive holds tens of thousands of answers files. Each file is read
and parsed once (with the C parser where available) and checked like any
answers file; only the answers of each coalition's latest date are kept in
memory, and only those are scored, with one ``Scorer`` built once. A file that
cannot be read is skipped and reported as a problem; the caller decides what
to do with problems.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from stimulering import validation
from stimulering.combine import CoalitionRow, coalition_key, latest_assessment
from stimulering.errors import InvalidInputError, Problem
from stimulering.loading import Document, parse_yaml, read_text, validate_document
from stimulering.model import Answers, AnswerValue
from stimulering.scoring import Scorer

SUFFIXES = (".yaml", ".yml")


def answers_paths(paths: Sequence[Path]) -> Iterator[Path]:
    """The files to read: files as given, folders recursively (``*.yaml`` / ``*.yml`` only).

    A file given by name may also be an ``.xlsx`` answers workbook.
    """
    for path in paths:
        if path.is_dir():
            yield from (Path(name) for name in sorted(_yaml_files(str(path))))
        else:
            yield path


def _yaml_files(folder: str) -> Iterator[str]:
    # os.walk reads each folder once and knows files from folders without a stat per
    # file; on an archive of tens of thousands of files that is most of the listing time.
    for parent, folders, files in os.walk(folder):
        folders.sort()
        for name in files:
            if name.endswith(SUFFIXES):
                yield os.path.join(parent, name)  # noqa: PTH118 - strings sort and join faster


@dataclass
class _Latest:
    name: str
    date: dt.date
    answer_sets: list[dict[str, AnswerValue]] = field(default_factory=list)


@dataclass(frozen=True)
class Scan:
    """What reading an archive gave."""

    rows: tuple[CoalitionRow, ...]
    """One row per coalition, sorted by name."""
    files: int
    """Number of files read successfully."""
    problems: tuple[Problem, ...]
    """Files that were skipped, with the reason."""


def scan(paths: Sequence[Path], scorer: Scorer) -> Scan:
    """Every coalition's latest (combined) assessment from files and folders."""
    latest: dict[str, _Latest] = {}
    problems: list[Problem] = []
    read = 0
    questions = scorer.qset
    for path in answers_paths(paths):
        shown = str(path)
        document: Document
        try:
            if path.suffix.lower() == ".xlsx":  # a workbook named on the command line
                from stimulering.workbook import read_workbook

                answers, document = read_workbook(path, questions, shown)
            else:
                document = parse_yaml(read_text(path, shown), shown)
                answers = validate_document(document, Answers)
            found = validation.check_answers(answers, document, questions)
            if found:
                raise InvalidInputError(found)
        except InvalidInputError as error:
            problems.extend(error.problems)
            continue
        read += 1
        key = coalition_key(answers.coalition)
        entry = latest.get(key)
        if entry is None or answers.date > entry.date:
            latest[key] = _Latest(answers.coalition, answers.date, [answers.answers])
        elif answers.date == entry.date:
            entry.answer_sets.append(answers.answers)
    rows = sorted((latest_assessment(scorer, e.name, e.date, e.answer_sets)
                   for e in latest.values()), key=lambda row: coalition_key(row.coalition))
    return Scan(tuple(rows), read, tuple(problems))
