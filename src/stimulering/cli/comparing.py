"""Several assessments side by side: ``progress`` over time, ``compare`` across coalitions."""

import enum
from pathlib import Path
from typing import Annotated

import typer

from stimulering.cli.app import (
    AnswersFiles,
    ForceOption,
    LangOption,
    ModelOption,
    OutputOption,
    QuestionsOption,
)
from stimulering.cli.common import color, emit, emit_file, load_engine


class ProgressFormat(str, enum.Enum):
    """Output formats of ``progress``."""

    table = "table"
    markdown = "markdown"
    json = "json"



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

    engine = load_engine(questions, model, lang)
    result = build_progress(engine.scorer, [engine.read_answers(f) for f in files],
                            files=[str(f) for f in files])
    if output_format is ProgressFormat.json:
        from stimulering.report.progress import render_progress_json

        emit(render_progress_json(result, lang), output, force=force)
    elif output_format is ProgressFormat.markdown:
        from stimulering.report.progress import render_progress_markdown

        emit(render_progress_markdown(result, engine.questions, engine.model, lang), output,
              force=force)
    else:
        from stimulering.report.progress import render_progress_table

        emit(render_progress_table(result, engine.questions, engine.model, lang,
                                    color=output is None and color()), output, force=force)


class CompareFormat(str, enum.Enum):
    """Output formats of ``compare``."""

    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"



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

    engine = load_engine(questions, model, lang)
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

        emit_file(compare_workbook(result.rows, engine.model, lang, anonymise=anonymise),
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
                                    color=output is None and color())
    emit(text, output, force=force)

