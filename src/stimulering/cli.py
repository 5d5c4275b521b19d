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


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _interview(questions: Path | None, model: Path | None, lang: str, *, resume: Path | None,
               save: Path | None, coalition: str | None, organisation: str | None,
               role: str | None, level: str | None) -> None:
    from stimulering.model import LEVELS, ROLES
    from stimulering.terminal import Options, run_interview

    if role is not None and role not in ROLES:
        _usage(f"--role {role}: expected one of {', '.join(ROLES)}")
    if level is not None and level not in LEVELS:
        _usage(f"--level {level}: expected one of {', '.join(LEVELS)}")
    for name, value in (("--coalition", coalition), ("--organisation", organisation)):
        if value is not None and not value.strip():
            _usage(f"{name}: must not be empty")
    engine = _engine(questions, model, lang)
    code = run_interview(engine, Options(
        lang=lang, save=save, resume=resume, coalition=coalition and coalition.strip(),
        organisation=organisation and organisation.strip(), role=role, level=level))
    if code:
        raise typer.Exit(code)


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
    resume: Annotated[Path | None, typer.Option(
        "--resume", help="Continue the interview saved in this answers file.",
        dir_okay=False)] = None,
    save: Annotated[Path | None, typer.Option(
        "--save", help="Save the interview's answers in this file (default: "
                       "coalition-organisation-date.yaml in the current folder).",
        dir_okay=False)] = None,
    coalition: Annotated[str | None, typer.Option(
        "--coalition", help="Name of the coalition (asked when not given).")] = None,
    organisation: Annotated[str | None, typer.Option(
        "--organisation", help="Your organisation (asked when not given).")] = None,
    role: Annotated[str | None, typer.Option(
        "--role", help="Role of your organisation: gemeente, netbeheerder, "
                       "drinkwaterbedrijf, waterschap, warmte, telecom or overig.")] = None,
    level: Annotated[str | None, typer.Option(
        "--level", help="Your level: strategisch, tactisch or operationeel.")] = None,
) -> None:
    """Assess a coalition: run the interview, or score an answers file with --answers."""
    if answers is None:
        if not _stdin_is_terminal():
            _usage("no terminal to ask questions in: score a file with "
                   "'stimulering assess --answers FILE' (start one with "
                   "'stimulering template > antwoorden.yaml')")
        _interview(questions, model, lang, resume=resume, save=save, coalition=coalition,
                   organisation=organisation, role=role, level=level)
        return
    if resume is not None or save is not None:
        _usage("--resume and --save belong to the interview; --answers scores a file as it is")
    engine = _engine(questions, model, lang)
    evaluation = engine.evaluate_file(answers)
    if output_format is AssessFormat.json:
        from stimulering.report.json import render_assessment

        _emit(render_assessment(evaluation, lang), output, force=force)
    elif output_format is AssessFormat.markdown:
        from stimulering.report.markdown import render_report

        _emit(render_report(evaluation, lang, _chart_name(output, answers)), output, force=force)
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


class CatalogueFormat(str, enum.Enum):
    """Output formats of ``catalogue``."""

    table = "table"
    json = "json"
    markdown = "markdown"


@app.command()
def catalogue(
    phase: Annotated[int | None, typer.Option(
        "--phase", min=1, max=6, help="Only instruments for this phase (1-6).")] = None,
    pillar: Annotated[str | None, typer.Option(
        "--pillar", help="Only instruments of this pillar: people, governance, information.")
    ] = None,
    category: Annotated[str | None, typer.Option(
        "--category", help="Only instruments of this category (e.g. finances).")] = None,
    search: Annotated[str | None, typer.Option(
        "--search", help="Only instruments whose text or examples contain this text.")] = None,
    output_format: Annotated[CatalogueFormat, typer.Option(
        "--format", help="table, json or markdown.")] = CatalogueFormat.table,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """Browse the instruments and practice examples, filtered by phase, pillar, category, text."""
    from stimulering.catalogue import CatalogueFilter, select
    from stimulering.model import PILLARS

    engine = _engine(questions, model, lang)
    if pillar is not None and pillar not in PILLARS:
        _usage(f"--pillar {pillar}: choose one of {', '.join(PILLARS)}")
    categories = [c.id for c in engine.model.categories]
    if category is not None and category not in categories:
        _usage(f"--category {category}: choose one of {', '.join(categories)}")
    view = select(engine.model, CatalogueFilter(phase, pillar, category, search))
    if output_format is CatalogueFormat.json:
        from stimulering.report.catalogue import render_catalogue_json

        _emit(render_catalogue_json(view, lang), None)
    elif output_format is CatalogueFormat.markdown:
        from stimulering.report.catalogue import render_catalogue_markdown

        _emit(render_catalogue_markdown(view, engine.model, lang), None)
    else:
        from stimulering.report.listing import render_catalogue_table

        _emit(render_catalogue_table(view, engine.model, lang, color=_color()), None)


class ReportFormat(str, enum.Enum):
    """Output formats of ``report``."""

    markdown = "markdown"
    html = "html"
    json = "json"


def _chart_name(report: Path | None, answers: Path) -> str:
    """File name of the radar chart beside a report: ``<report stem>-radar.svg``.

    On stdout there is no report file; the chart is then named after the answers file,
    which is the name ``-o <answers stem>.md`` would give it.
    """
    from stimulering.store import chart_path_for

    return chart_path_for(report if report is not None else answers).name


@app.command("report")
def report_command(
    file: Annotated[Path, typer.Argument(help="The answers file to report on.",
                                         dir_okay=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file (markdown: with the chart "
                               "beside it as <name>-radar.svg).", dir_okay=False)] = None,
    output_format: Annotated[ReportFormat, typer.Option(
        "--format", help="markdown, html (one self-contained page) or json.")
    ] = ReportFormat.markdown,
    force: ForceOption = False,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """The advice report of an answers file: markdown to stdout, or files with -o."""
    engine = _engine(questions, model, lang)
    evaluation = engine.evaluate_file(file)
    if output_format is ReportFormat.json:
        from stimulering.report.json import render_assessment

        _emit(render_assessment(evaluation, lang), output, force=force)
        return
    from stimulering.report.markdown import chart_svg, render_report

    chart = _chart_name(output, file)
    markdown = render_report(evaluation, lang, chart)
    if output_format is ReportFormat.html:
        from stimulering.i18n import label
        from stimulering.report.html import render_html

        title = f"{label(lang, 'report.title')}: {evaluation.assessment.coalition}"
        _emit(render_html(markdown, chart_svg(evaluation, lang), title, lang), output,
              force=force)
        return
    if output is None:
        _emit(markdown, None)
        return
    from stimulering.store import write_report

    write_report(output, markdown, chart_svg(evaluation, lang), force=force)


def main() -> None:
    """Entry point of the console script."""
    app()
