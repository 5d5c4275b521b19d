"""Question sets from a file or from a git revision (``REV:path``), for ``stimulering diff``.

A revision argument is handed to git, so it is kept from being read as an option
(``--output=/tmp/x:questions.yaml`` would make ``git show`` write a file): one that
starts with ``-`` is refused, and ``--end-of-options`` comes before it. git runs
without prompts and without fetching missing objects from a promisor remote, so
``diff`` never touches the network. A blob's size is asked before it is read.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from stimulering.errors import invalid
from stimulering.sources.files import LoadedQuestionSet, parse_question_set
from stimulering.sources.yaml_text import MAX_FILE_BYTES, decode_text, read_text

GIT_TIMEOUT = 60
"""Seconds git may take to read one object from a local repository."""

_GIT_ENVIRONMENT = {
    "GIT_TERMINAL_PROMPT": "0",  # never ask for a user name or password
    "GIT_NO_LAZY_FETCH": "1",  # a partial clone must not fetch a missing object
}
_GIT_OPTIONS = ("--no-pager", "-c", "protocol.allow=never")
"""No transport at all: git before 2.44 does not know ``GIT_NO_LAZY_FETCH``."""


def load_question_set_at(spec: str, cwd: Path | None = None) -> LoadedQuestionSet:
    """Load a question set from a path, or from ``REV:path`` through ``git show``.

    A ``spec`` that names an existing file is that file; otherwise, when it holds a
    colon, it is read with ``git show REV:path`` in ``cwd`` (the path follows git's
    rules: from the repository root, or ``REV:./path`` from the current folder).
    """
    path = Path(spec)
    if _exists(path) or ":" not in spec:
        return parse_question_set(read_text(path, spec), spec)
    return parse_question_set(decode_text(git_show(spec, cwd), spec), spec)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long for the file system, for one
        return True  # reading it gives the reason


def git_show(spec: str, cwd: Path | None = None) -> bytes:
    """The contents of ``REV:path`` as git stores it, refused when over ``MAX_FILE_BYTES``."""
    if spec.startswith("-"):
        raise invalid(spec, "a revision cannot start with '-'")
    size = _git(["cat-file", "-s", "--end-of-options", spec], spec, cwd).strip()
    if not size.isdigit():
        raise invalid(spec, "git show failed: git gave no size for it")
    if int(size) > MAX_FILE_BYTES:
        raise invalid(spec, f"file is {int(size):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    return _git(["show", "--end-of-options", spec], spec, cwd)


def _git(arguments: list[str], spec: str, cwd: Path | None) -> bytes:
    """The output of one git command about ``spec``; a failure is a located error."""
    try:
        done = subprocess.run(["git", *_GIT_OPTIONS, *arguments], cwd=cwd, capture_output=True,
                              stdin=subprocess.DEVNULL, check=False, timeout=GIT_TIMEOUT,
                              env={**os.environ, **_GIT_ENVIRONMENT})
    except FileNotFoundError:
        raise invalid(spec, "cannot read a git revision: git is not installed") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise invalid(spec, f"git show failed ({error})") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise invalid(spec, "git show failed" + (f": {reason[0]}" if reason else ""))
    return done.stdout
