"""``report``: the advice report of one answers file, or the coalition view of several."""

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from stimulering.cli.app import (
    AllTopicsOption,
    AnswersFiles,
    ForceOption,
    LangOption,
    ModelOption,
    QuestionsOption,
)
from stimulering.cli.common import emit, emit_file, load_engine, usage

if TYPE_CHECKING:
    from stimulering.engine import Engine, Evaluation



class ReportFormat(str, enum.Enum):
    """Output formats of ``report``."""

    markdown = "markdown"
    html = "html"
    json = "json"
    docx = "docx"
    pdf = "pdf"
    xlsx = "xlsx"


def _chart_name(report: Path | None, answers: Path) -> str:
    """File name of the radar chart beside a report: ``<report stem>-radar.svg``.

    On stdout there is no report file; the chart is then named after the answers file,
    which is the name ``-o <answers stem>.md`` would give it.
    """
    from stimulering.store import chart_path_for

    return chart_path_for(report if report is not None else answers).name



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
    engine = load_engine(questions, model, lang)
    if len(files) > 1 or anonymous:
        if output_format is ReportFormat.xlsx:
            usage("--format xlsx takes one answers file; the coalition view of several files "
                   "comes as markdown, html, json, docx or pdf")
        _coalition_report(engine, files, output_format, anonymous, output, force, lang,
                          all_topics=all_topics)
        return
    file = files[0]
    evaluation = engine.evaluate_file(file)
    appendix = not no_appendix
    if output_format is ReportFormat.json:
        from stimulering.report.json import render_assessment

        emit(render_assessment(evaluation, lang), output, force=force)
        return
    if output_format is ReportFormat.xlsx:
        from stimulering.report.xlsx import plan_workbook

        emit_file(plan_workbook(evaluation, lang), output, force=force, kind="xlsx")
        return
    if output_format in (ReportFormat.docx, ReportFormat.pdf):
        from stimulering.report.office import render_document

        emit_file(render_document(evaluation, lang, output_format.value, appendix=appendix),
                   output, force=force, kind=output_format.value)
        return
    if output_format is ReportFormat.html:
        from stimulering.report.markdown import chart_svg, render_report

        markdown = render_report(evaluation, lang, _chart_name(output, file), appendix=appendix)
        emit(_html(markdown, chart_svg(evaluation, lang), evaluation.assessment.coalition,
                    lang), output, force=force)
        return
    markdown_report(evaluation, file, output, force, lang, appendix=appendix)


def markdown_report(evaluation: "Evaluation", answers: Path, output: Path | None, force: bool,
                     lang: str, *, appendix: bool = True) -> None:
    """The markdown report on stdout, or written to ``output`` with its chart beside it."""
    from stimulering.report.markdown import chart_svg, render_report

    markdown = render_report(evaluation, lang, _chart_name(output, answers), appendix=appendix)
    if output is None:
        emit(markdown, None)
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

        emit(render_coalition_json(view, engine.questions, engine.model, lang), output,
              force=force)
        return
    from stimulering.combine import TOPIC_LIMIT
    from stimulering.report.coalition import render_coalition_markdown

    markdown = render_coalition_markdown(view, engine.questions, engine.model, lang,
                                         topics=None if all_topics else TOPIC_LIMIT)
    if output_format in (ReportFormat.docx, ReportFormat.pdf):
        from stimulering.report.office import render_markdown_document

        emit_file(render_markdown_document(markdown, lang, output_format.value,
                                            title=view.coalition, when=view.date),
                   output, force=force, kind=output_format.value)
        return
    if output_format is ReportFormat.html:
        markdown = _html(markdown, "", view.coalition, lang)
    emit(markdown, output, force=force)

