"""Writing files so that a crash or Ctrl-C never leaves a half-written one.

Every file is written to a temporary file in the same folder, flushed to disk,
and renamed over the target: readers see the old file or the new one, whole.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from stimulering.errors import OutputExistsError, StimuleringError
from stimulering.model import Answers


def atomic_write(path: Path, content: str | bytes, *, force: bool = True) -> None:
    """Replace ``path`` with ``content`` in one step; refuse to replace it unless ``force``."""
    if not force and path.exists():
        raise OutputExistsError(f"{path}: exists already; use --force to replace it")
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent if str(path.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise StimuleringError(f"{path}: cannot write ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                Path(temporary).chmod(path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            Path(temporary).chmod(0o666 & ~umask)
        Path(temporary).replace(path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(error, OSError):
            raise StimuleringError(f"{path}: cannot write ({error.strerror})") from None
        raise


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
    """Write a markdown report and its chart beside it; neither replaces a file unless ``force``.

    Both files are checked before either is written, so a refusal writes nothing.
    """
    chart = chart_path_for(report)
    existing = [path for path in (report, chart) if path.exists()]
    if existing and not force:
        raise OutputExistsError(f"{existing[0]}: exists already; use --force to replace it")
    atomic_write(report, markdown)
    atomic_write(chart, svg)
    return chart


def answers_yaml(answers: Answers) -> str:
    """An answers file as YAML text: stable key order, readable, and loading it gives it back."""
    data = answers.model_dump(mode="python", exclude_none=False)
    if data["question_set"] is None:
        del data["question_set"]
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
