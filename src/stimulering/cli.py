"""The ``stimulering`` command line: options in, one core call, output out.

Only typer is imported at module level so that ``stimulering --help`` stays
fast; each command imports the machinery it needs. Every user error is a
``StimuleringError``, caught in exactly one place (``_Group.invoke``) and
printed without a traceback unless ``--debug`` is given.

Annotations here are evaluated when the module loads (no ``from __future__ import
annotations``): typer reads every command's signature on each start, and string
annotations would have to be compiled and evaluated again each time.
"""

import atexit
import enum
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
import typer.core

if TYPE_CHECKING:
    from stimulering.engine import Engine, Evaluation

from stimulering import __version__


class _Group(typer.core.TyperGroup):
    """Catches the project's error base in one place and turns it into an exit code."""

    def invoke(self, ctx: Any) -> Any:
        from stimulering.errors import StimuleringError, file_error
        from stimulering.sanitise import visible

        try:
            return super().invoke(ctx)
        except (StimuleringError, OSError) as caught:
            if ctx.meta.get("stimulering.debug"):
                raise
            # A file the system refuses (a name too long, a folder without permission)
            # is the user's input too: it is named, without a traceback.
            error = caught if isinstance(caught, StimuleringError) else file_error(caught)
            if error is None:
                raise
            # Messages quote file names and file contents: nothing in them may act on
            # the terminal.
            message = visible(str(error))
            typer.echo(f"error: {message}" if "\n" not in message else message, err=True)
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
                 dir_okay=False, readable=False),
]
ModelOption = Annotated[
    Path | None,
    typer.Option("--model", help="Model folder to use (default: the shipped one).",
                 readable=False),
]
def _check_lang(value: str) -> str:
    """``--lang`` must name a language the program's labels are written in."""
    from stimulering.i18n import languages

    if value not in languages():
        raise typer.BadParameter(f"{value!r}: expected one of {', '.join(languages())}")
    return value


LangOption = Annotated[str, typer.Option("--lang", help="Language of the output: nl or en.",
                                         callback=_check_lang)]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.",
                              dir_okay=False, readable=False)]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]
AllTopicsOption = Annotated[bool, typer.Option(
    "--all", help="Several partners: every discussion topic, not only the first ten.")]


class AssessFormat(str, enum.Enum):
    """Output formats of ``assess``."""

    text = "text"
    json = "json"
    markdown = "markdown"


class ListFormat(str, enum.Enum):
    """Output formats of ``questions``."""

    table = "table"
    json = "json"


def _engine(questions: Path | None, model: Path | None, lang: str) -> "Engine":
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


def _emit_file(data: bytes, output: Path | None, *, force: bool, kind: str) -> None:
    """A binary file (xlsx, docx, pdf) to ``output``, or to stdout when that is no terminal."""
    if output is None:
        if sys.stdout.isatty():
            _usage(f"--format {kind} writes a file: give -o NAME.{kind} (or redirect stdout)")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from stimulering.store import atomic_write

    atomic_write(output, data, force=force)


def _color() -> bool:
    import os

    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _interview(questions: Path | None, model: Path | None, lang: str, *, resume: Path | None,
               save: Path | None, coalition: str | None, organisation: str | None,
               role: str | None, level: str | None, round_label: str | None = None) -> None:
    from stimulering.model import LEVELS, NAME_MAX, ROLES
    from stimulering.terminal import Options, run_interview

    if role is not None and role not in ROLES:
        _usage(f"--role {role}: expected one of {', '.join(ROLES)}")
    if level is not None and level not in LEVELS:
        _usage(f"--level {level}: expected one of {', '.join(LEVELS)}")
    for name, value in (("--coalition", coalition), ("--organisation", organisation)):
        if value is not None and not value.strip():
            _usage(f"{name}: must not be empty")
        if value is not None and len(value.strip()) > NAME_MAX:
            from stimulering.errors import StimuleringError

            raise StimuleringError(f"{name}: at most {NAME_MAX} characters, not "
                                   f"{len(value.strip())}")
    engine = _engine(questions, model, lang)
    code = run_interview(engine, Options(
        lang=lang, save=save, resume=resume, coalition=coalition and coalition.strip(),
        organisation=organisation and organisation.strip(), role=role, level=level,
        round=round_label))
    if code:
        raise typer.Exit(code)


def _consensus(files: list[Path], questions: Path | None, model: Path | None, lang: str,
               save: Path | None, *, round_label: str | None, all_topics: bool) -> None:
    from stimulering.terminal import Options, run_consensus

    engine = _engine(questions, model, lang)
    code = run_consensus(engine, Options(lang=lang, save=save, round=round_label), files,
                         all_topics=all_topics)
    if code:
        raise typer.Exit(code)


def _round(text: str | None) -> str | None:
    """A --round label: one line of at most 100 characters."""
    if text is None:
        return None
    label = " ".join(text.split())
    if not label or len(label) > 100 or not label.isprintable():
        _usage(f"--round {text!r}: give a short label of one line, such as 2026-05")
    return label


def _usage(message: str) -> NoReturn:
    from stimulering.errors import UsageError

    raise UsageError(message)


# --- commands ----------------------------------------------------------------------------------


@app.command()
def assess(
    partner_files: Annotated[list[Path] | None, typer.Argument(
        help="With --consensus: the answers files of the partners of one coalition.",
        dir_okay=False, readable=False, show_default=False, metavar="PARTNER_FILE")] = None,
    answers: Annotated[Path | None, typer.Option(
        "--answers", help="Score this answers file without asking anything.",
        dir_okay=False, readable=False)] = None,
    output_format: Annotated[AssessFormat, typer.Option(
        "--format", help="Output format of the result.")] = AssessFormat.text,
    output: OutputOption = None,
    force: ForceOption = False,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
    resume: Annotated[Path | None, typer.Option(
        "--resume", help="Continue the interview saved in this answers file.",
        dir_okay=False, readable=False)] = None,
    save: Annotated[Path | None, typer.Option(
        "--save", help="Save the interview's answers in this file (default: "
                       "coalition-organisation-date.yaml in the current folder).",
        dir_okay=False, readable=False)] = None,
    coalition: Annotated[str | None, typer.Option(
        "--coalition", help="Name of the coalition (asked when not given).")] = None,
    organisation: Annotated[str | None, typer.Option(
        "--organisation", help="Your organisation (asked when not given).")] = None,
    role: Annotated[str | None, typer.Option(
        "--role", help="Role of your organisation: gemeente, netbeheerder, "
                       "drinkwaterbedrijf, waterschap, warmte, telecom or overig.")] = None,
    level: Annotated[str | None, typer.Option(
        "--level", help="Your level: strategisch, tactisch or operationeel.")] = None,
    consensus: Annotated[bool, typer.Option(
        "--consensus", help="Discuss where the partners' files diverge and write one "
                            "coalition answers file.")] = False,
    all_topics: AllTopicsOption = False,
    round_label: Annotated[str | None, typer.Option(
        "--round", help="The assessment round the new answers file belongs to; files of "
                        "one round are combined (default: the month, such as 2026-05).")
    ] = None,
) -> None:
    """Assess a coalition: run the interview, or score an answers file with --answers."""
    if consensus or partner_files:
        if not consensus or not partner_files or len(partner_files) < 2:
            _usage("give --consensus with the answers files of at least two partners")
        if answers is not None or resume is not None:
            _usage("--consensus starts a new coalition file; it does not take --answers or "
                   "--resume (continue a consensus file with --resume FILE alone)")
        if not _stdin_is_terminal():
            _usage("no terminal for the consensus conversation; combine the files with "
                   "'stimulering report FILE...' instead")
        _consensus(partner_files, questions, model, lang, save, round_label=_round(round_label),
                   all_topics=all_topics)
        return
    for name, path in (("--resume", resume), ("--save", save)):
        if path is not None and path.suffix.lower() == ".xlsx":
            _usage(f"{name} takes a YAML answers file; a workbook is scored with "
                   "'stimulering assess --answers FILE.xlsx'")
    if answers is None:
        if not _stdin_is_terminal():
            _usage("no terminal to ask questions in: score a file with "
                   "'stimulering assess --answers FILE' (start one with "
                   "'stimulering template > antwoorden.yaml')")
        _interview(questions, model, lang, resume=resume, save=save, coalition=coalition,
                   organisation=organisation, role=role, level=level,
                   round_label=_round(round_label))
        return
    if resume is not None or save is not None:
        _usage("--resume and --save belong to the interview; --answers scores a file as it is")
    engine = _engine(questions, model, lang)
    evaluation = engine.evaluate_file(answers)
    if output_format is AssessFormat.json:
        from stimulering.report.json import render_assessment

        _emit(render_assessment(evaluation, lang), output, force=force)
    elif output_format is AssessFormat.markdown:
        _markdown_report(evaluation, answers, output, force, lang)
    else:
        from stimulering.report.text import render_assessment as render_text

        _emit(render_text(evaluation, lang, color=output is None and _color()), output,
              force=force)


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Question sets, model folders or files, and answers files to check "
             "(default: the shipped question set and model).", readable=False)] = None,
    questions: QuestionsOption = None,
    model: ModelOption = None,
) -> None:
    """Check question sets, models and answers files; usable as a pre-commit hook."""
    from stimulering.checking import validate_paths
    from stimulering.errors import listed
    from stimulering.sanitise import visible

    problems, checked = validate_paths(list(paths or []), questions, model)
    for line in listed(problems):
        typer.echo(visible(line))
    if problems:
        typer.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", err=True)
        raise typer.Exit(1)
    typer.echo(visible(f"ok: {checked}"), err=True)


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


class TemplateFormat(str, enum.Enum):
    """Output formats of ``template``."""

    yaml = "yaml"
    xlsx = "xlsx"


@app.command()
def template(
    output: OutputOption = None,
    output_format: Annotated[TemplateFormat, typer.Option(
        "--format", help="yaml (an answers file) or xlsx (a workbook for partners).")
    ] = TemplateFormat.yaml,
    force: ForceOption = False,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """Print a blank answers file with every question id and its allowed values."""
    import datetime as dt

    engine = _engine(questions, model, lang)
    if output_format is TemplateFormat.xlsx:
        from stimulering.report.common import pillar_name
        from stimulering.workbook import template_workbook

        names = {p.id: pillar_name(engine.model, p.id, lang) for p in engine.model.pillars}
        _emit_file(template_workbook(engine.questions, engine.sha256, lang, dt.date.today(),
                                     names), output, force=force, kind="xlsx")
        return
    from stimulering.report.template import render_template

    _emit(render_template(engine.questions, engine.sha256, lang, dt.date.today()), output,
          force=force)


@app.command()
def form(
    output: OutputOption = None,
    force: ForceOption = False,
    coalition: Annotated[str | None, typer.Option(
        "--coalition", help="Fill in the name of the coalition for every partner.")] = None,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """Write the questionnaire as one HTML file that partners fill in offline in a browser."""
    from stimulering.form import render_form

    if coalition is not None and not " ".join(coalition.split()):
        _usage("--coalition: must not be empty")
    engine = _engine(questions, model, lang)
    _emit(render_form(engine.questions, engine.model, engine.sha256, lang,
                      coalition and " ".join(coalition.split())), output, force=force)


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

        _emit(render_catalogue_json(view, engine.model, lang), None)
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
    docx = "docx"
    pdf = "pdf"
    xlsx = "xlsx"


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
    xlsx = "xlsx"


AnswersFiles = Annotated[list[Path], typer.Argument(help="Answers files.", dir_okay=False,
                                                    readable=False)]


def _chart_name(report: Path | None, answers: Path) -> str:
    """File name of the radar chart beside a report: ``<report stem>-radar.svg``.

    On stdout there is no report file; the chart is then named after the answers file,
    which is the name ``-o <answers stem>.md`` would give it.
    """
    from stimulering.store import chart_path_for

    return chart_path_for(report if report is not None else answers).name


@app.command("report")
def report_command(
    files: AnswersFiles,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file (markdown: with the chart "
                               "beside it as <name>-radar.svg).", dir_okay=False,
        readable=False)] = None,
    output_format: Annotated[ReportFormat, typer.Option(
        "--format", help="markdown, html (one self-contained page), json, docx (Word), pdf "
                         "(A4) or xlsx (the summary, action plan and advice).")
    ] = ReportFormat.markdown,
    no_appendix: Annotated[bool, typer.Option(
        "--no-appendix", help="Leave out the appendix with every answer and note.")] = False,
    anonymous: Annotated[bool, typer.Option(
        "--anonymous", help="Several files: show respondents by role and level instead of "
                            "organisation.")] = False,
    all_topics: AllTopicsOption = False,
    force: ForceOption = False,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """The advice report of an answers file, or the coalition view of several of one coalition."""
    engine = _engine(questions, model, lang)
    if len(files) > 1 or anonymous:
        if output_format is ReportFormat.xlsx:
            _usage("--format xlsx takes one answers file; the coalition view of several files "
                   "comes as markdown, html, json, docx or pdf")
        _coalition_report(engine, files, output_format, anonymous, output, force, lang,
                          all_topics=all_topics)
        return
    file = files[0]
    evaluation = engine.evaluate_file(file)
    appendix = not no_appendix
    if output_format is ReportFormat.json:
        from stimulering.report.json import render_assessment

        _emit(render_assessment(evaluation, lang), output, force=force)
        return
    if output_format is ReportFormat.xlsx:
        from stimulering.report.xlsx import plan_workbook

        _emit_file(plan_workbook(evaluation, lang), output, force=force, kind="xlsx")
        return
    if output_format in (ReportFormat.docx, ReportFormat.pdf):
        from stimulering.report.office import render_document

        _emit_file(render_document(evaluation, lang, output_format.value, appendix=appendix),
                   output, force=force, kind=output_format.value)
        return
    if output_format is ReportFormat.html:
        from stimulering.report.markdown import chart_svg, render_report

        markdown = render_report(evaluation, lang, _chart_name(output, file), appendix=appendix)
        _emit(_html(markdown, chart_svg(evaluation, lang), evaluation.assessment.coalition,
                    lang), output, force=force)
        return
    _markdown_report(evaluation, file, output, force, lang, appendix=appendix)


def _markdown_report(evaluation: "Evaluation", answers: Path, output: Path | None, force: bool,
                     lang: str, *, appendix: bool = True) -> None:
    """The markdown report on stdout, or written to ``output`` with its chart beside it."""
    from stimulering.report.markdown import chart_svg, render_report

    markdown = render_report(evaluation, lang, _chart_name(output, answers), appendix=appendix)
    if output is None:
        _emit(markdown, None)
        return
    from stimulering.store import write_report

    write_report(output, markdown, chart_svg(evaluation, lang), force=force)


def _html(markdown: str, svg: str, coalition: str, lang: str) -> str:
    """A report page titled after the coalition."""
    from stimulering.i18n import label
    from stimulering.report.html import render_html

    return render_html(markdown, svg, f"{label(lang, 'report.title')}: {coalition}", lang)


def _coalition_report(engine: "Engine", files: list[Path], output_format: ReportFormat,
                      anonymous: bool, output: Path | None, force: bool, lang: str, *,
                      all_topics: bool = False) -> None:
    """The coalition view of the latest round among several files, in the asked format."""
    from stimulering.combine import coalition_view, require_one_coalition
    from stimulering.i18n import label
    from stimulering.report.common import role_and_level
    from stimulering.report.progress import dates_text
    from stimulering.rounds import Entry, group_rounds

    everything = [engine.read_answers(f) for f in files]
    require_one_coalition(everything, [str(f) for f in files])
    rounds = group_rounds([Entry.of(index, item) for index, item in enumerate(everything)])
    latest = rounds[-1]
    chosen = sorted(e.source for e in latest.entries)  # in the order the files were given
    left_out = [str(files[index]) for index in range(len(files)) if index not in chosen]
    typer.echo(label(lang, "report.round_combined", count=len(chosen), round=latest.label,
                     dates=dates_text(latest.first, latest.last)), err=True)
    if left_out:
        typer.echo(label(lang, "report.round_left_out", files=", ".join(left_out),
                         round=latest.label), err=True)
    view = coalition_view(engine.scorer, [everything[i] for i in chosen],
                          files=[str(files[i]) for i in chosen], anonymous=anonymous,
                          round_label=latest.label,
                          describe=lambda respondent: role_and_level(respondent, lang))
    if output_format is ReportFormat.json:
        from stimulering.report.coalition import render_coalition_json

        _emit(render_coalition_json(view, engine.questions, engine.model, lang), output,
              force=force)
        return
    from stimulering.combine import TOPIC_LIMIT
    from stimulering.report.coalition import render_coalition_markdown

    markdown = render_coalition_markdown(view, engine.questions, engine.model, lang,
                                         topics=None if all_topics else TOPIC_LIMIT)
    if output_format in (ReportFormat.docx, ReportFormat.pdf):
        from stimulering.report.office import render_markdown_document

        _emit_file(render_markdown_document(markdown, lang, output_format.value,
                                            title=view.coalition, when=view.date),
                   output, force=force, kind=output_format.value)
        return
    if output_format is ReportFormat.html:
        markdown = _html(markdown, "", view.coalition, lang)
    _emit(markdown, output, force=force)


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
        help="Answers files and folders (read recursively for *.yaml and *.yml).",
        readable=False)],
    output_format: Annotated[CompareFormat, typer.Option(
        "--format", help="table, markdown, json, csv or xlsx.")] = CompareFormat.table,
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
    from stimulering.errors import MAX_LISTED, StimuleringError
    from stimulering.sanitise import visible

    engine = _engine(questions, model, lang)
    result = scan(paths, engine.scorer)
    for problem in result.problems[:MAX_LISTED]:
        typer.echo(visible(f"warning: skipped {problem}"), err=True)
    if len(result.problems) > MAX_LISTED:
        more = len(result.problems) - MAX_LISTED
        typer.echo(f"warning: ... and {more:,} more problem{'s' if more != 1 else ''}", err=True)
    if result.problems and (strict or not result.files):
        raise StimuleringError(f"{len(result.problems)} of "
                               f"{len(result.problems) + result.files} files could not be read")
    if not result.files:
        raise StimuleringError("no answers files found (folders are searched for *.yaml and "
                               "*.yml)")
    if output_format is CompareFormat.xlsx:
        from stimulering.report.xlsx import compare_workbook

        _emit_file(compare_workbook(result.rows, engine.model, lang, anonymise=anonymise),
                   output, force=force, kind="xlsx")
        return
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
    # At exit Python walks every object still alive for garbage cycles, about 12 ms of
    # a 0.25 s `assess` (measured with gc.callbacks). Frozen objects are left out and the
    # operating system takes them back. The price: an object in a cycle that is still
    # alive at exit never runs its finalizer. Nothing here relies on one: every file is
    # written and closed by a context manager. Registered once, however often main()
    # runs in a process.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    app()
