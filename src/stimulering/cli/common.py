"""What the commands share: loading the engine, refusing a usage, writing the output."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from stimulering.cli.environment import Environment
from stimulering.report.formats import Document, Rendered, Report, Text, assert_never

if TYPE_CHECKING:
    from stimulering.sources.engine import Engine


def load_engine(questions: Path | None, model: Path | None, lang: str) -> "Engine":
    """The question set and model to work with, which must be written in ``lang``."""
    from stimulering.errors import UsageError
    from stimulering.sources.engine import load

    engine = load(questions, model)
    if lang not in engine.questions.languages:
        raise UsageError(f"--lang {lang}: the question set is written in "
                         f"{', '.join(engine.questions.languages)}")
    return engine


def emit(text: str, output: Path | None, *, force: bool = True) -> None:
    """Text to stdout, or written whole to ``output``."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from stimulering.session.store import atomic_write

    atomic_write(output, text, force=force)


def emit_file(data: bytes, output: Path | None, *, force: bool, kind: str,
              around: Environment) -> None:
    """A binary file (xlsx, docx, pdf) to ``output``, or to stdout when that is no terminal."""
    if output is None:
        if around.stdout_is_terminal:
            usage(f"--format {kind} writes a file: give -o NAME.{kind} (or redirect stdout)")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from stimulering.session.store import atomic_write

    atomic_write(output, data, force=force)


def write(rendered: Rendered, output: Path | None, *, force: bool, around: Environment) -> None:
    """What a renderer made, to stdout or to ``output`` (a report with its chart beside it)."""
    match rendered:
        case Text(text):
            emit(text, output, force=force)
        case Document(data, kind):
            emit_file(data, output, force=force, kind=kind, around=around)
        case Report(markdown, chart):
            if output is None:
                emit(markdown, None)
                return
            from stimulering.session.store import write_report

            write_report(output, markdown, chart(), force=force)
        case _:
            assert_never(rendered)


def chart_name(report: Path | None, answers: Path) -> str:
    """File name of the radar chart beside a report: ``<report stem>-radar.svg``.

    On stdout there is no report file; the chart is then named after the answers file,
    which is the name ``-o <answers stem>.md`` would give it.
    """
    from stimulering.session.store import chart_path_for

    return chart_path_for(report if report is not None else answers).name


def round_name(text: str | None) -> str | None:
    """A ``--round`` name: one line of at most 100 characters, runs of spaces as one."""
    if text is None:
        return None
    name = " ".join(text.split())
    if not name or len(name) > 100 or not name.isprintable():
        usage(f"--round {text!r}: give a short name of one line, such as 'najaar 2026'")
    return name


def usage(message: str) -> NoReturn:
    """Refuse a combination of options or arguments."""
    from stimulering.errors import UsageError

    raise UsageError(message)
