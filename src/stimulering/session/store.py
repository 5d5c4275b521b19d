"""Writing files so that a crash or Ctrl-C never leaves a half-written one.

Every file is written to a temporary file in the same folder, flushed to disk,
and renamed over the target: readers see the old file or the new one, whole.
Files that belong together (a report and its chart) are all written before any
is renamed. Only regular files are replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from stimulering.errors import OutputExistsError, StimuleringError
from stimulering.model import Answers


def atomic_write(path: Path, content: str | bytes, *, force: bool = True) -> None:
    """Replace ``path`` with ``content`` in one step; refuse to replace it unless ``force``."""
    write_files([(path, content)], force=force)


def write_files(contents: Sequence[tuple[Path, str | bytes]], *, force: bool) -> None:
    """Write several files as a whole: every one of them, or (on an error) none.

    Each target is checked first (see ``check_target``). Then every content is written
    to a temporary file beside its target and flushed to disk, and only when all of
    them are there are they renamed over their targets; so a full disk or any other
    write error leaves every old file as it was.
    """
    for path, _ in contents:
        check_target(path, force=force)
    written: list[tuple[Path, Path]] = []
    path = contents[0][0] if contents else Path()
    try:
        for path, content in contents:
            written.append((_temporary(path, content), path))
        for temporary, path in written:
            temporary.replace(path)
    except BaseException as error:
        for temporary, _ in written:
            with contextlib.suppress(OSError):
                temporary.unlink()
        if isinstance(error, OSError):
            raise StimuleringError(f"{path}: cannot write ({error.strerror})") from None
        raise


def check_target(path: Path, *, force: bool) -> None:
    """Refuse to replace anything but a regular file, and an existing one without ``force``.

    A device, a FIFO, a folder (or a link to one) is never replaced. A symbolic link,
    even a dangling one, is an existing file: with ``force`` the link itself is
    replaced, never the file it points to.
    """
    try:
        if path.exists() and not path.is_file():
            raise StimuleringError(f"{path}: not a regular file; choose another output file")
        present = os.path.lexists(path)
    except OSError as error:
        raise StimuleringError(f"{path}: cannot write ({error.strerror})") from None
    if present and not force:
        raise OutputExistsError(f"{path}: exists already; use --force to replace it")


def _temporary(path: Path, content: str | bytes) -> Path:
    """``content`` in a new temporary file beside ``path``, flushed to disk, with its mode."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent if str(path.parent) else Path()
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                temporary.chmod(path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            temporary.chmod(0o666 & ~umask)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def _represent_text(dumper: Any, value: str) -> Any:
    # Control characters (other than tab and newline) and the Unicode line and paragraph
    # separators do not survive a round trip in plain or block scalars: YAML reads them
    # as line breaks. Double quotes escape them.
    if any(unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp")
           and char not in "\t\n" for char in value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_str(value)


class _AnswersDumper(yaml.SafeDumper):
    """Safe dumper that keeps every string intact through a round trip."""


_AnswersDumper.add_representer(str, _represent_text)


def chart_path_for(document: Path) -> Path:
    """Where the radar chart of a report (or of an answers file) lives: ``<stem>-radar.svg``."""
    return document.with_name(f"{document.stem}-radar.svg")


def write_report(report: Path, markdown: str, svg: str, *, force: bool) -> Path:
    """Write a markdown report and its chart beside it, as a pair or not at all.

    Neither replaces a file unless ``force``; both are checked before either is
    written, so a refusal or a full disk leaves both old files as they were.
    """
    chart = chart_path_for(report)
    write_files([(report, markdown), (chart, svg)], force=force)
    return chart


def answers_yaml(answers: Answers) -> str:
    """An answers file as YAML text: stable key order, readable, and loading it gives it back."""
    data = answers.model_dump(mode="python", exclude_none=False)
    for key in ("question_set", "round", "consensus"):
        if data[key] is None:
            del data[key]
    # Empty sections are left out, and so are unset fields of an action.
    data["actions"] = [{key: value for key, value in action.items() if value is not None}
                       for action in data["actions"]]
    for key in ("notes", "targets", "actions"):
        if not data[key]:
            del data[key]
    text: str = yaml.dump(data, Dumper=_AnswersDumper, allow_unicode=True, sort_keys=False,
                          width=100, default_flow_style=False)
    return text


def save_answers(path: Path, answers: Answers) -> None:
    """Write an answers file atomically."""
    atomic_write(path, answers_yaml(answers))


def snapshot(path: Path) -> bytes | None:
    """The bytes of the regular file at ``path``; ``None`` when there is none to read.

    Compared with the file later (``changed_since``), it tells whether another program
    wrote it in between. Anything but a regular file is not opened.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        return path.read_bytes()
    except OSError:
        return None


def changed_since(path: Path, written: bytes | None) -> bool:
    """Whether ``path`` holds something else now than ``written``, what was read or written last.

    A file that is gone has not changed (it is simply written again); anything but a
    regular file has.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    if not stat.S_ISREG(info.st_mode) or written is None or info.st_size != len(written):
        return True
    return snapshot(path) != written
