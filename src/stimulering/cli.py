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


class ReportFormat(str, enum.Enum):
    """Output formats of ``report``."""

    markdown = "markdown"
    json = "json"


class ProgressFormat(str, enum.Enum):
    """Output formats of ``progress``."""

    table = "table"
    markdown = "markdown"
    json = "json"


class CompareFormat(str, enum.Enum):
    """Output formats of ``compare``."""

    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"


AnswersFiles = Annotated[list[Path], typer.Argument(help="Answers files.", dir_okay=False)]


@app.command()
def report(
    files: AnswersFiles,
    output_format: Annotated[ReportFormat, typer.Option(
        "--format", help="markdown or json.")] = ReportFormat.markdown,
    anonymous: Annotated[bool, typer.Option(
        "--anonymous", help="Show respondents by role and level instead of organisation.")
    ] = False,
    output: OutputOption = None,
    force: ForceOption = False,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """Advice report of one answers file, or the coalition view of several of one coalition."""
    engine = _engine(questions, model, lang)
    if len(files) == 1 and not anonymous:
        evaluation = engine.evaluate_file(files[0])
        if output_format is ReportFormat.json:
            from stimulering.report.json import render_assessment

            _emit(render_assessment(evaluation, lang), output, force=force)
        else:
            from stimulering.report.markdown import render_report

            _emit(render_report(evaluation, lang), output, force=force)
        return
    from stimulering.combine import coalition_view

    view = coalition_view(engine.scorer, [engine.read_answers(f) for f in files],
                          files=[str(f) for f in files], anonymous=anonymous)
    if output_format is ReportFormat.json:
        from stimulering.report.coalition import render_coalition_json

        _emit(render_coalition_json(view, engine.questions, engine.model, lang), output,
              force=force)
    else:
        from stimulering.report.coalition import render_coalition_markdown

        _emit(render_coalition_markdown(view, engine.questions, engine.model, lang), output,
              force=force)


@app.command()
def progress(
    files: AnswersFiles,
    output_format: Annotated[ProgressFormat, typer.Option(
        "--format", help="table, markdown or json.")] = ProgressFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """One coalition over time: phase per date, items that moved, actions done."""
    from stimulering.combine import progress as build_progress

    engine = _engine(questions, model, lang)
    result = build_progress(engine.scorer, [engine.read_answers(f) for f in files],
                            files=[str(f) for f in files])
    if output_format is ProgressFormat.json:
        from stimulering.report.progress import render_progress_json

        _emit(render_progress_json(result, lang), output, force=force)
    elif output_format is ProgressFormat.markdown:
        from stimulering.report.progress import render_progress_markdown

        _emit(render_progress_markdown(result, engine.questions, engine.model, lang), output,
              force=force)
    else:
        from stimulering.report.progress import render_progress_table

        _emit(render_progress_table(result, engine.questions, engine.model, lang,
                                    color=output is None and _color()), output, force=force)


@app.command()
def compare(
    paths: Annotated[list[Path], typer.Argument(
        help="Answers files and folders (read recursively for *.yaml and *.yml).")],
    output_format: Annotated[CompareFormat, typer.Option(
        "--format", help="table, markdown, json or csv.")] = CompareFormat.table,
    anonymise: Annotated[bool, typer.Option(
        "--anonymise", help="Replace coalition names by stable codes.")] = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail (exit 1) when any file cannot be read.")] = False,
    output: OutputOption = None,
    force: ForceOption = False,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """Compare coalitions: the latest assessment of each, phase and score per pillar."""
    from stimulering.archive import scan
    from stimulering.errors import StimuleringError

    engine = _engine(questions, model, lang)
    result = scan(paths, engine.scorer)
    for problem in result.problems:
        typer.echo(f"warning: skipped {problem}", err=True)
    if result.problems and (strict or not result.files):
        raise StimuleringError(f"{len(result.problems)} of "
                               f"{len(result.problems) + result.files} files could not be read")
    if not result.files:
        raise StimuleringError("no answers files found (folders are searched for *.yaml and "
                               "*.yml)")
    if output_format is CompareFormat.json:
        from stimulering.report.compare import render_compare_json

        text = render_compare_json(result.rows, anonymise=anonymise)
    elif output_format is CompareFormat.csv:
        from stimulering.report.compare import render_compare_csv

        text = render_compare_csv(result.rows, anonymise=anonymise)
    elif output_format is CompareFormat.markdown:
        from stimulering.report.compare import render_compare_markdown

        text = render_compare_markdown(result.rows, engine.model, lang, anonymise=anonymise)
    else:
        from stimulering.report.compare import render_compare_table

        text = render_compare_table(result.rows, engine.model, lang, anonymise=anonymise,
                                    color=output is None and _color())
    _emit(text, output, force=force)


def main() -> None:
    """Entry point of the console script."""
    app()
