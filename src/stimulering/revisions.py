"""Question sets from a file or from a git revision (``REV:path``), for ``stimulering diff``."""

from __future__ import annotations

import subprocess
from pathlib import Path

from stimulering.errors import invalid
from stimulering.loading import LoadedQuestionSet, decode_text, parse_question_set, read_text


def load_question_set_at(spec: str, cwd: Path | None = None) -> LoadedQuestionSet:
    """Load a question set from a path, or from ``REV:path`` through ``git show``.

    A ``spec`` that names an existing file is that file; otherwise, when it holds a
    colon, it is read with ``git show REV:path`` in ``cwd`` (the path follows git's
    rules: from the repository root, or ``REV:./path`` from the current folder).
    """
    path = Path(spec)
    if path.exists() or ":" not in spec:
        return parse_question_set(read_text(path, spec), spec)
    return parse_question_set(decode_text(git_show(spec, cwd), spec), spec)


def git_show(spec: str, cwd: Path | None = None) -> bytes:
    """The contents of ``REV:path`` as git stores it."""
    try:
        done = subprocess.run(["git", "show", spec], cwd=cwd, capture_output=True, check=False,
                              timeout=60)
    except FileNotFoundError:
        raise invalid(spec, "cannot read a git revision: git is not installed") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise invalid(spec, f"git show failed ({error})") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise invalid(spec, "git show failed" + (f": {reason[0]}" if reason else ""))
    return done.stdout
