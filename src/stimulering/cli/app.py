"""The typer app, its shared options, and the one place user errors are caught.

Every user error is a ``StimuleringError`` (or a file the system refuses), caught
in ``_Group.invoke`` and printed without a traceback unless ``--debug`` is given.

Annotations in this package are evaluated when the module loads (no ``from
__future__ import annotations``): typer reads every command's signature on each
start, and string annotations would have to be compiled and evaluated again
each time.
"""

from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core

from stimulering import __version__
from stimulering.cli.environment import Environment


class _Group(typer.core.TyperGroup):
    """Catches the project's error base in one place and turns it into an exit code."""

    def invoke(self, ctx: Any) -> Any:
        from stimulering.errors import InvalidInputError, StimuleringError, file_error
        from stimulering.sanitise import one_line, visible

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
            # the terminal, and only the lines between the problems of a file are lines.
            message = visible(str(error)) if isinstance(error, InvalidInputError) \
                else one_line(str(error))
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
    if not isinstance(ctx.obj, Environment):
        ctx.obj = Environment.of_process()


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
RoundOption = Annotated[str | None, typer.Option(
    "--round", help="The name of the assessment round, such as 'najaar 2026', written into "
                    "every answers file made with it; files of one round are combined "
                    "(without a name, by their dates).")]
AllTopicsOption = Annotated[bool, typer.Option(
    "--all", help="Several partners: every discussion topic, not only the first ten.")]
AnswersFiles = Annotated[list[Path], typer.Argument(help="Answers files.", dir_okay=False,
                                                    readable=False)]
