"""``status``: who has answered in a round, who is still busy, and who is missing."""

from pathlib import Path
from typing import Annotated

import typer

from stimulering.cli import environment
from stimulering.cli.app import (
    ForceOption,
    LangOption,
    ModelOption,
    OutputOption,
    QuestionsOption,
)
from stimulering.cli.common import load_engine, write
from stimulering.report.formats import StatusFormat, render_status


def status(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(
        help="Answers files (YAML or workbooks) and folders (read recursively for *.yaml, "
             "*.yml and *.xlsx).", readable=False)],
    expected: Annotated[Path | None, typer.Option(
        "--expected", help="The list of expected respondents (make one with 'stimulering "
                           "template --kind expected'): who is missing, and the reminder.",
        dir_okay=False, readable=False)] = None,
    output_format: Annotated[StatusFormat, typer.Option(
        "--format", help="text, markdown or json.")] = StatusFormat.text,
    output: OutputOption = None,
    force: ForceOption = False,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """Who has answered: per round, each file and how complete it is, and who is missing."""
    around = environment.of(ctx)
    from stimulering.core.status import Unreadable
    from stimulering.core.status import status as find_status
    from stimulering.errors import CheckResult, StimuleringError
    from stimulering.sources.archive import answers_paths
    from stimulering.sources.files import load_expected

    engine = load_engine(questions, model, lang)
    listed = None if expected is None else load_expected(expected)
    files = []
    unreadable = []
    lists = []
    for path in answers_paths(paths, workbooks=True):
        if expected is not None and path.resolve() == expected.resolve():
            continue  # the list itself, kept beside the answers
        result = CheckResult()
        answers = engine.gather_answers(path, result)
        if answers is not None:
            files.append((str(path), answers))
            continue
        try:  # not an answers file: maybe the list of expected respondents
            lists.append(load_expected(path))
            continue
        except StimuleringError:
            pass
        first = result.problems[0]
        where = str(first)[len(first.file):].lstrip(":, ")
        more = len(result.problems) - 1
        unreadable.append(Unreadable(str(path), where + (f" (+{more})" if more else "")))
    if listed is None and len(lists) == 1:
        listed = lists[0]  # the one list kept among the answers files
    write(render_status(output_format, find_status(engine.scorer, files, unreadable, listed),
                        lang, color=output is None and around.color),
          output, force=force, around=around)
