"""For who writes question sets and models: ``validate``, ``schema`` and ``diff``."""

import enum
from pathlib import Path
from typing import Annotated

import typer

from stimulering.cli import environment
from stimulering.cli.app import LangOption, ModelOption, QuestionsOption
from stimulering.cli.common import emit, write
from stimulering.report.formats import DiffFormat, render_diff


def validate(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Question sets, model folders or files, and answers files to check "
             "(default: the shipped question set and model).", readable=False)] = None,
    questions: QuestionsOption = None,
    model: ModelOption = None,
) -> None:
    """Check question sets, models and answers files; usable as a pre-commit hook."""
    from stimulering.errors import MAX_LISTED, listed
    from stimulering.sanitise import visible
    from stimulering.sources.checking import validate_paths

    problems, checked, warnings = validate_paths(list(paths or []), questions, model)
    for line in listed(problems):
        typer.echo(visible(line))
    # A warning does not fail the check: the file is valid, but an answer in it does not count.
    for warning in warnings[:MAX_LISTED]:
        prefix = str(warning)[:-len(warning.message)]
        typer.echo(visible(f"{prefix}warning: {warning.message}"))
    if len(warnings) > MAX_LISTED:
        more = len(warnings) - MAX_LISTED
        typer.echo(f"... and {more:,} more warning{'s' if more != 1 else ''}")
    if problems:
        typer.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", err=True)
        raise typer.Exit(1)
    noted = f" ({len(warnings)} warning{'s' if len(warnings) != 1 else ''})" if warnings else ""
    typer.echo(visible(f"ok: {checked}{noted}"), err=True)


class SchemaKindChoice(str, enum.Enum):
    """Kinds of file ``schema`` describes."""

    questions = "questions"
    model = "model"
    answers = "answers"
    expected = "expected"


def schema(
    kind: Annotated[SchemaKindChoice, typer.Option(
        "--kind", help="Which file: a question set, a model file, an answers file or a list "
                       "of expected respondents.")
    ] = SchemaKindChoice.questions,
) -> None:
    """Print the JSON Schema of a YAML file, for editors (default: the question set)."""
    from stimulering.core.schema import render_schema

    emit(render_schema(kind.value), None)


def diff(
    ctx: typer.Context,
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
    around = environment.of(ctx)
    from stimulering.core.diffing import diff_question_sets
    from stimulering.i18n import label
    from stimulering.sources.revisions import load_question_set_at

    changes = diff_question_sets(load_question_set_at(old).questions,
                                 load_question_set_at(new).questions)
    write(render_diff(output_format, changes, lang), None, force=True, around=around)
    if check and changes.bump_too_small:
        typer.echo(label(lang, "diff.bump_too_small",
                         declared=label(lang, f"bump.{changes.declared_bump}"),
                         suggested=label(lang, f"bump.{changes.suggested_bump}"),
                         old=changes.old_version, new=changes.new_version), err=True)
        raise typer.Exit(1)

