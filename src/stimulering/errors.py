"""The one user-facing error base and its subclasses.

Every error a user can cause (a broken file, a bad option) is raised as a
``StimuleringError``. The command line catches that base in exactly one place
and prints its message to stderr without a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from stimulering.sanitise import one_line

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, located as precisely as known."""

    file: str
    """Path of the file as the user named it."""
    message: str
    """What is wrong, in one sentence."""
    line: int | None = None
    """1-based line number, when known."""
    column: int | None = None
    """1-based column number, when known."""
    item_id: str | None = None
    """The id of the question, instrument or other item concerned, when there is one."""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = f"{where}: "
        if self.item_id:
            prefix += f"{self.item_id}: "
        return one_line(prefix + self.message)


class StimuleringError(Exception):
    """Base of every error meant for the user; ``exit_code`` is what the CLI returns."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


MAX_LISTED = 200
"""Most problems listed in a message; a file with thousands would bury the first ones."""


def listed(problems: Sequence[Problem]) -> list[str]:
    """The first ``MAX_LISTED`` problems as lines, then how many more there are."""
    lines = [str(problem) for problem in problems[:MAX_LISTED]]
    more = len(problems) - MAX_LISTED
    if more > 0:
        lines.append(f"... and {more:,} more problem{'s' if more != 1 else ''}")
    return lines


class InvalidInputError(StimuleringError):
    """One or more problems in question sets, model files or answers files.

    ``problems`` holds them all; the message lists at most ``MAX_LISTED``.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(listed(self.problems)))


@dataclass
class CheckResult:
    """Problems gathered while checking files, in the order found.

    Checks record what they find here and carry on with the next file; nothing is
    raised to collect problems. Only where a command must stop does
    ``raise_for_problems`` turn them into an ``InvalidInputError``.
    """

    problems: list[Problem] = field(default_factory=list)
    """Every problem recorded so far."""

    def record(self, problems: Iterable[Problem]) -> None:
        """Add problems found by a check."""
        self.problems.extend(problems)

    @property
    def ok(self) -> bool:
        """Whether no problem was recorded."""
        return not self.problems

    def raise_for_problems(self) -> None:
        """Stop with every recorded problem, if there is one."""
        if self.problems:
            raise InvalidInputError(self.problems)


class UsageError(StimuleringError):
    """The command was called in a way that cannot work (exit code 2)."""

    exit_code = 2


class OutputExistsError(StimuleringError):
    """An output file exists and ``--force`` was not given."""


def required(gather: Callable[[CheckResult], T | None]) -> T:
    """What ``gather`` finds, or stop with every problem it recorded.

    For a caller that cannot go on without it: ``gather`` records its problems in a
    fresh ``CheckResult`` and returns ``None`` (or an empty value) when it found any.
    """
    result = CheckResult()
    found = gather(result)
    result.raise_for_problems()
    assert found is not None  # no problem recorded, so it was found
    return found


def invalid(file: str, message: str, *, line: int | None = None, column: int | None = None,
            item_id: str | None = None) -> InvalidInputError:
    """Build an ``InvalidInputError`` holding a single problem."""
    return InvalidInputError([Problem(file, message, line, column, item_id)])


def file_error(error: OSError) -> StimuleringError | None:
    """An error of the file system about a named file, as a message naming it.

    ``None`` for an error that names no file: that one is not the user's input.
    """
    if error.filename is None:
        return None
    reason = error.strerror or type(error).__name__
    return StimuleringError(f"{error.filename}: cannot be used ({reason})")


class MixedCoalitionsError(StimuleringError):
    """Files of different coalitions were given where one coalition is expected."""
