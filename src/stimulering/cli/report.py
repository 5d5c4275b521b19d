"""``report``: the advice report of one answers file, or the coalition view of several."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from stimulering.cli import environment
from stimulering.cli.app import (
    AllTopicsOption,
    AnswersFiles,
    ForceOption,
    LangOption,
    ModelOption,
    QuestionsOption,
)
from stimulering.cli.common import chart_name, load_engine, write
from stimulering.report.formats import (
    ReportFormat,
    render_coalition,
    render_report,
)

if TYPE_CHECKING:
    from stimulering.core.coalition import CoalitionView
    from stimulering.sources.engine import Engine


def report_command(
    ctx: typer.Context,
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
    anonymise: Annotated[bool, typer.Option(
        "--anonymise", help="Several files: show respondents by role and level instead of "
                            "organisation.")] = False,
    all_topics: AllTopicsOption = False,
    force: ForceOption = False,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """The advice report of an answers file, or the coalition view of several of one coalition."""
    around = environment.of(ctx)
    engine = load_engine(questions, model, lang)
    if len(files) > 1 or anonymise:
        view = _coalition_view(engine, files, anonymise=anonymise, lang=lang)
        from stimulering.core.interview import slug

        # On stdout the report links its chart by the coalition's name, the name
        # `-o <coalition>.md` gives it.
        chart = chart_name(output, Path(f"{slug(view.coalition)}.yaml"))
        write(render_coalition(output_format, view, engine.questions, engine.model, lang,
                               all_topics=all_topics, chart_name=chart,
                               appendix=not no_appendix), output, force=force, around=around)
        return
    evaluation = engine.evaluate_file(files[0])
    write(render_report(output_format, evaluation, lang,
                        chart_name=chart_name(output, files[0]), appendix=not no_appendix),
          output, force=force, around=around)


def _coalition_view(engine: "Engine", files: list[Path], *, anonymise: bool,
                    lang: str) -> "CoalitionView":
    """The coalition view of the latest round among several files; says which it combined.

    The report says it too; on stderr it is seen when the report goes to a file.
    """
    from stimulering.core.coalition import round_view
    from stimulering.i18n import label, plural
    from stimulering.report.common import role_and_level
    from stimulering.report.markdown import round_texts
    from stimulering.sanitise import one_line

    view = round_view(engine.scorer, [(str(f), engine.read_answers(f)) for f in files],
                      anonymise=anonymise,
                      describe=lambda respondent: role_and_level(respondent, lang))
    assert view.round_info is not None
    name, _, left = round_texts(view, lang)
    typer.echo(one_line(plural(lang, "report.round_combined", len(view.round_info.files),
                              round=name)), err=True)
    if left:
        typer.echo(one_line(label(lang, "report.round_left_out", files=left)), err=True)
    return view
