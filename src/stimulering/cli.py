"""The ``stimulering`` command line: options in, one core call, output out.

Only typer is imported at module level so that ``stimulering --help`` stays
fast; each command imports the machinery it needs. Every user error is a
``StimuleringError``, caught in exactly one place (``_Group.invoke``) and
printed without a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
import typer.core

if TYPE_CHECKING:
    from stimulering.engine import Engine

from stimulering import __version__


class _Group(typer.core.TyperGroup):
    """Catches the project's error base in one place and turns it into an exit code."""

    def invoke(self, ctx: Any) -> Any:
        from stimulering.errors import StimuleringError

        try:
            return super().invoke(ctx)
        except StimuleringError as error:
            if ctx.meta.get("stimulering.debug"):
                raise
            typer.echo(f"error: {error}" if "\n" not in str(error) else str(error), err=True)
            raise typer.Exit(error.exit_code) from None


app = typer.Typer(
    cls=_Group,
    name="stimulering",
    help="Where does our coalition stand, and what helps it grow? "
         "The stimuleringsmodel for integrated work in the subsurface.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"stimulering {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:
    ctx.meta["stimulering.debug"] = debug


# --- shared options ----------------------------------------------------------------------------

QuestionsOption = Annotated[
    Path | None,
    typer.Option("--questions", help="Question set to use (default: the shipped one).",
                 dir_okay=False),
]
ModelOption = Annotated[
    Path | None,
    typer.Option("--model", help="Model folder to use (default: the shipped one)."),
]
LangOption = Annotated[str, typer.Option("--lang", help="Language of the output: nl or en.")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.",
                              dir_okay=False)]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]


class AssessFormat(str, enum.Enum):
    """Output formats of ``assess``."""

    text = "text"
    json = "json"
    markdown = "markdown"


class ListFormat(str, enum.Enum):
    """Output formats of ``questions``."""

    table = "table"
    json = "json"


def _engine(questions: Path | None, model: Path | None, lang: str) -> Engine:
    from stimulering.engine import load
    from stimulering.errors import UsageError

    engine = load(questions, model)
    if lang not in engine.questions.languages:
        raise UsageError(f"--lang {lang}: the question set is written in "
                         f"{', '.join(engine.questions.languages)}")
    return engine


def _emit(text: str, output: Path | None, *, force: bool = True) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from stimulering.store import atomic_write

    atomic_write(output, text, force=force)


def _color() -> bool:
    import os

    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _usage(message: str) -> NoReturn:
    from stimulering.errors import UsageError

    raise UsageError(message)


# --- commands ----------------------------------------------------------------------------------


@app.command()
def assess(
    answers: Annotated[Path | None, typer.Option(
        "--answers", help="Score this answers file without asking anything.",
        dir_okay=False)] = None,
    output_format: Annotated[AssessFormat, typer.Option(
        "--format", help="Output format of the result.")] = AssessFormat.text,
    output: OutputOption = None,
    force: ForceOption = False,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """Assess a coalition: run the interview, or score an answers file with --answers."""
    if answers is None:
        if not sys.stdin.isatty():
            _usage("no terminal to ask questions in: score a file with "
                   "'stimulering assess --answers FILE' (start one with "
                   "'stimulering template > antwoorden.yaml')")
        _usage("the interactive interview is not available in this version; use --answers FILE")
    engine = _engine(questions, model, lang)
    evaluation = engine.evaluate_file(answers)
    if output_format is AssessFormat.json:
        from stimulering.report.json import render_assessment

        _emit(render_assessment(evaluation, lang), output, force=force)
    elif output_format is AssessFormat.markdown:
        from stimulering.report.markdown import render_report

        _emit(render_report(evaluation, lang), output, force=force)
    else:
        from stimulering.report.text import render_assessment as render_text

        _emit(render_text(evaluation, lang, color=output is None and _color()), output,
              force=force)


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Question sets, model folders or files, and answers files to check "
             "(default: the shipped question set and model).")] = None,
    questions: QuestionsOption = None,
    model: ModelOption = None,
) -> None:
    """Check question sets, models and answers files; usable as a pre-commit hook."""
    from stimulering.checking import validate_paths

    problems, checked = validate_paths(list(paths or []), questions, model)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        typer.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {checked}", err=True)


@app.command("questions")
def list_questions(
    output_format: Annotated[ListFormat, typer.Option(
        "--format", help="table or json.")] = ListFormat.table,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """List the questions of the question set."""
    engine = _engine(questions, model, lang)
    if output_format is ListFormat.json:
        from stimulering.report.json import render_questions

        _emit(render_questions(engine.questions, engine.sha256, lang), None)
        return
    from stimulering.report.listing import render_question_table

    _emit(render_question_table(engine.questions, lang, color=_color()), None)


@app.command()
def template(
    output: OutputOption = None,
    force: ForceOption = False,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """Print a blank answers file with every question id and its allowed values."""
    import datetime as dt

    from stimulering.report.template import render_template

    engine = _engine(questions, model, lang)
    _emit(render_template(engine.questions, engine.sha256, lang, dt.date.today()), output,
          force=force)


class SchemaKindChoice(str, enum.Enum):
    """Kinds of file ``schema`` describes."""

    questions = "questions"
    model = "model"
    answers = "answers"


@app.command()
def schema(
    kind: Annotated[SchemaKindChoice, typer.Option(
        "--kind", help="Which file: a question set, a model file or an answers file.")
    ] = SchemaKindChoice.questions,
) -> None:
    """Print the JSON Schema of a YAML file, for editors (default: the question set)."""
    from stimulering.schema import render_schema

    _emit(render_schema(kind.value), None)


class DiffFormat(str, enum.Enum):
    """Output formats of ``diff``."""

    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="The old question set: a file or REV:path.")],
    new: Annotated[str, typer.Argument(help="The new question set: a file or REV:path.")],
    output_format: Annotated[DiffFormat, typer.Option(
        "--format", help="text, markdown or json.")] = DiffFormat.text,
    check: Annotated[bool, typer.Option(
        "--check", help="Exit 1 when the declared version bump is smaller than the "
                        "suggested one.")] = False,
    lang: LangOption = "nl",
) -> None:
    """Show what changed between two question sets and which version bump that asks."""
    from stimulering.diffing import diff_question_sets
    from stimulering.i18n import label
    from stimulering.report import diff as renderers
    from stimulering.revisions import load_question_set_at

    changes = diff_question_sets(load_question_set_at(old).questions,
                                 load_question_set_at(new).questions)
    if output_format is DiffFormat.json:
        _emit(renderers.render_json(changes), None)
    elif output_format is DiffFormat.markdown:
        _emit(renderers.render_markdown(changes, lang), None)
    else:
        _emit(renderers.render_text(changes, lang), None)
    if check and changes.bump_too_small:
        typer.echo(label(lang, "diff.bump_too_small",
                         declared=label(lang, f"bump.{changes.declared_bump}"),
                         suggested=label(lang, f"bump.{changes.suggested_bump}"),
                         old=changes.old_version, new=changes.new_version), err=True)
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the console script."""
    app()
