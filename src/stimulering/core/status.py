"""Pure: who has answered in a round, how far each got, and who is still missing.

For ``stimulering status``: the coordinator sees the rounds the files form (grouped as
``rounds`` groups them), every partner's file with how complete it is per pillar, who
started and did not finish, and, given the list of expected respondents, who has not
sent anything yet.

- **Complete**: a file is finished when every closed question asked of its respondent
  (for their role and level, with their answers so far: ``Scorer.asked``) has an answer;
  ``weet_niet`` and ``nvt`` are answers, open-text questions may stay empty. Per pillar
  the count is answered of asked, open-text questions with a text counting as answered:
  the same count as the interview's and the form's.
- **Expected**: a file stands for an expected respondent when its organisation is the
  same (case and runs of spaces aside) and, where the list gives them, its role and
  level. Each file stands for one respondent at most, the first it fits. The list
  concerns its ``round``, or the latest round of its coalition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from stimulering.core.combine import coalition_key
from stimulering.core.rounds import AGREED_ROLE, Entry, group_rounds
from stimulering.core.scoring import Scorer
from stimulering.model import PILLARS, Answers, ExpectedRespondent, ExpectedRespondents


@dataclass(frozen=True)
class PillarProgress:
    """How many of the questions asked in one pillar are answered."""

    pillar: str
    answered: int
    asked: int


@dataclass(frozen=True)
class FileStatus:
    """One answers file of a round."""

    file: str
    organisation: str
    role: str
    level: str
    date: dt.date
    finished: bool
    """Whether every closed question asked of the respondent has an answer."""
    pillars: tuple[PillarProgress, ...]
    agreed: bool = False
    """Whether it is the coalition's agreed file (from a consensus conversation)."""

    @property
    def answered(self) -> int:
        """Questions answered in all."""
        return sum(p.answered for p in self.pillars)

    @property
    def asked(self) -> int:
        """Questions asked in all."""
        return sum(p.asked for p in self.pillars)


@dataclass(frozen=True)
class RoundStatus:
    """One round of a coalition: its files and, against the list, who is missing."""

    label: str
    named: bool
    first: dt.date
    last: dt.date
    files: tuple[FileStatus, ...]
    """In date order."""
    expected: bool = False
    """Whether the list of expected respondents concerns this round."""
    missing: tuple[ExpectedRespondent, ...] = ()
    """Expected respondents without a file in the round."""
    unexpected: tuple[str, ...] = ()
    """Files of partners not on the list (the agreed file aside)."""

    @property
    def unfinished(self) -> tuple[FileStatus, ...]:
        """The partners' files that are started but not finished."""
        return tuple(f for f in self.files if not f.finished and not f.agreed)


@dataclass(frozen=True)
class CoalitionStatus:
    """The rounds of one coalition, oldest first."""

    coalition: str
    rounds: tuple[RoundStatus, ...]


@dataclass(frozen=True)
class Unreadable:
    """A file that could not be read, with why."""

    file: str
    problem: str


@dataclass(frozen=True)
class Status:
    """What ``stimulering status`` found."""

    coalitions: tuple[CoalitionStatus, ...]
    """By name."""
    unreadable: tuple[Unreadable, ...] = ()
    expected: ExpectedRespondents | None = None

    @property
    def focus(self) -> tuple[CoalitionStatus, RoundStatus] | None:
        """The round a reminder is about.

        The round of the list of expected respondents, else the latest round when the
        files are of one coalition.
        """
        for coalition in self.coalitions:
            for found in coalition.rounds:
                if found.expected:
                    return coalition, found
        if len(self.coalitions) == 1 and self.expected is None:
            return self.coalitions[0], self.coalitions[0].rounds[-1]
        return None


def file_status(scorer: Scorer, name: str, answers: Answers) -> FileStatus:
    """How complete one answers file is, per pillar, for its respondent."""
    values, _ = scorer.effective_values(answers.answers)
    items = scorer.items(values)
    asked = set(scorer.asked(items, answers.respondent))
    progress = []
    finished = True
    for pillar in PILLARS:
        questions = [q for q in scorer.qset.questions if q.pillar == pillar and q.id in asked]
        given = [q for q in questions
                 if values.get(q.id) is not None
                 and (q.type != "text" or str(values[q.id]).strip())]
        finished = finished and all(values.get(q.id) is not None for q in questions
                                    if q.type != "text")
        progress.append(PillarProgress(pillar, len(given), len(questions)))
    respondent = answers.respondent
    return FileStatus(name, respondent.organisation, respondent.role, respondent.level,
                      answers.date, finished, tuple(progress), respondent.role == AGREED_ROLE)


def fits(expected: ExpectedRespondent, found: FileStatus) -> bool:
    """Whether a file stands for an expected respondent (see the module)."""
    return (coalition_key(expected.organisation) == coalition_key(found.organisation)
            and expected.role in (None, found.role) and expected.level in (None, found.level))


def status(scorer: Scorer, files: Sequence[tuple[str, Answers]],
           unreadable: Sequence[Unreadable] = (),
           expected: ExpectedRespondents | None = None) -> Status:
    """The rounds of every coalition among ``files`` (name, answers) and who is missing.

    Each round lists its files with their progress; the round the list ``expected``
    concerns also says who of the list has no file in it.
    """
    by_coalition: dict[str, list[tuple[str, Answers]]] = {}
    names: dict[str, str] = {}
    for name, answers in files:
        key = coalition_key(answers.coalition)
        by_coalition.setdefault(key, []).append((name, answers))
        names.setdefault(key, answers.coalition)
    if expected is not None:
        names.setdefault(coalition_key(expected.coalition), expected.coalition)
    coalitions = []
    for key in sorted(names):
        given = by_coalition.get(key, [])
        rounds = group_rounds([Entry.of(index, answers)
                               for index, (_, answers) in enumerate(given)])
        shown = [RoundStatus(r.label, r.labelled, r.first, r.last,
                             tuple(file_status(scorer, *given[e.source]) for e in r.entries))
                 for r in rounds]
        if expected is not None and coalition_key(expected.coalition) == key:
            shown = _against(shown, expected)
        coalitions.append(CoalitionStatus(names[key], tuple(shown)))
    return Status(tuple(coalitions), tuple(unreadable), expected)


def _against(rounds: list[RoundStatus], expected: ExpectedRespondents) -> list[RoundStatus]:
    """The rounds, the one the list concerns marked with who is missing and who is extra.

    With a round named in the list that no file has yet, an empty round of that name is
    added: everyone on the list is missing from it.
    """
    index = next((i for i, r in enumerate(rounds) if r.label == expected.round), None) \
        if expected.round is not None else (len(rounds) - 1 if rounds else None)
    if index is None:
        today = expected.due or dt.date.min
        rounds = [*rounds, RoundStatus(expected.round or "", expected.round is not None,
                                       today, today, ())]
        index = len(rounds) - 1
    concerned = rounds[index]
    partners = [f for f in concerned.files if not f.agreed]
    taken: set[int] = set()
    missing = []
    for person in expected.respondents:
        match = next((i for i, found in enumerate(partners)
                      if i not in taken and fits(person, found)), None)
        if match is None:
            missing.append(person)
        else:
            taken.add(match)
    unexpected = tuple(found.file for i, found in enumerate(partners) if i not in taken)
    rounds[index] = RoundStatus(concerned.label, concerned.named, concerned.first,
                                concerned.last, concerned.files, True, tuple(missing),
                                unexpected)
    return rounds
