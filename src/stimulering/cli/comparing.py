"""Several assessments side by side: ``progress`` over time, ``compare`` across coalitions."""

from pathlib import Path
from typing import Annotated

import typer

from stimulering.cli import environment
from stimulering.cli.app import (
    AnswersFiles,
    ForceOption,
    LangOption,
    ModelOption,
    OutputOption,
    QuestionsOption,
)
from stimulering.cli.common import load_engine, write
from stimulering.report.formats import (
    CompareFormat,
    ProgressFormat,
    render_compare,
    render_progress,
)


def progress(
    ctx: typer.Context,
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
    around = environment.of(ctx)
    from stimulering.core.progress import progress as build_progress

    engine = load_engine(questions, model, lang)
    result = build_progress(engine.scorer, [engine.read_answers(f) for f in files],
                            files=[str(f) for f in files])
    write(render_progress(output_format, result, engine.questions, engine.model, lang,
                          color=output is None and around.color),
          output, force=force, around=around)


def compare(
    ctx: typer.Context,
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
    around = environment.of(ctx)
    from stimulering.errors import MAX_LISTED, StimuleringError
    from stimulering.sanitise import visible
    from stimulering.sources.archive import scan

    engine = load_engine(questions, model, lang)
    result = scan(paths, engine.scorer)
    for problem in result.problems[:MAX_LISTED]:
        typer.echo(visible(f"warning: skipped {problem}"), err=True)
    if len(result.problems) > MAX_LISTED:
        more = len(result.problems) - MAX_LISTED
        typer.echo(f"warning: ... and {more:,} more problem{'s' if more != 1 else ''}", err=True)
    if result.workbooks:
        count = len(result.workbooks)
        shown = ", ".join(str(path) for path in result.workbooks[:MAX_LISTED])
        rest = f" and {count - MAX_LISTED:,} more" if count > MAX_LISTED else ""
        typer.echo(visible(
            f"note: skipped {count:,} workbook{'s' if count != 1 else ''} in folders (compare "
            f"reads a workbook named on the command line): {shown}{rest}"), err=True)
    if result.problems and (strict or not result.files):
        raise StimuleringError(f"{len(result.problems)} of "
                               f"{len(result.problems) + result.files} files could not be read")
    if not result.files:
        raise StimuleringError("no answers files found (folders are searched for *.yaml and "
                               "*.yml)")
    write(render_compare(output_format, result.rows, engine.model, lang, anonymise=anonymise,
                         color=output is None and around.color),
          output, force=force, around=around)
