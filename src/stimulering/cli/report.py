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
    refuse_coalition_format,
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
        refuse_coalition_format(output_format)
        view = _coalition_view(engine, files, anonymise=anonymise, lang=lang)
        write(render_coalition(output_format, view, engine.questions, engine.model, lang,
                               all_topics=all_topics), output, force=force, around=around)
        return
    evaluation = engine.evaluate_file(files[0])
    write(render_report(output_format, evaluation, lang,
                        chart_name=chart_name(output, files[0]), appendix=not no_appendix),
          output, force=force, around=around)


def _coalition_view(engine: "Engine", files: list[Path], *, anonymise: bool,
                    lang: str) -> "CoalitionView":
    """The coalition view of the latest round among several files; says which it combined."""
    from stimulering.core.coalition import coalition_view
    from stimulering.core.combine import require_one_coalition
    from stimulering.core.rounds import Entry, group_rounds
    from stimulering.i18n import label
    from stimulering.report.common import role_and_level
    from stimulering.report.progress import dates_text
    from stimulering.sanitise import one_line

    everything = [engine.read_answers(f) for f in files]
    require_one_coalition(everything, [str(f) for f in files])
    rounds = group_rounds([Entry.of(index, item) for index, item in enumerate(everything)])
    latest = rounds[-1]
    chosen = sorted(e.source for e in latest.entries)  # in the order the files were given
    left_out = [str(files[index]) for index in range(len(files)) if index not in chosen]
    typer.echo(label(lang, "report.round_combined", count=len(chosen), round=latest.label,
                     dates=dates_text(latest.first, latest.last)), err=True)
    if left_out:
        typer.echo(one_line(label(lang, "report.round_left_out", files=", ".join(left_out),
                                  round=latest.label)), err=True)
    view = coalition_view(engine.scorer, [everything[i] for i in chosen],
                          files=[str(files[i]) for i in chosen], anonymise=anonymise,
                          round_label=latest.label,
                          describe=lambda respondent: role_and_level(respondent, lang))
    return view
