"""The assessment in three modes: scoring an answers file, the interview, the consensus.

``assess`` only works out the mode from the options and hands each mode the options
it takes. Which option belongs to which mode is one table, ``_MODE_OPTIONS``: a new
option is added to its mode's row and to that mode's function, nowhere else.
"""

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from stimulering.cli import environment
from stimulering.cli.app import (
    AllTopicsOption,
    ForceOption,
    LangOption,
    ModelOption,
    OutputOption,
    QuestionsOption,
    RoundOption,
)
from stimulering.cli.common import chart_name, load_engine, round_name, usage, write
from stimulering.report.formats import AssessFormat, render_assessment


class Mode(enum.Enum):
    """What ``assess`` does."""

    score = "--answers"
    interview = "the interview"
    consensus = "--consensus"


_MODE_OPTIONS: dict[Mode, frozenset[str]] = {
    Mode.score: frozenset({"--answers", "--format", "--output", "--force"}),
    Mode.interview: frozenset({"--resume", "--save", "--coalition", "--organisation", "--role",
                               "--level", "--round"}),
    Mode.consensus: frozenset({"PARTNER_FILE", "--consensus", "--save", "--round", "--all"}),
}
"""The options each mode takes, besides --questions, --model and --lang, which all take."""

_REFUSALS: dict[tuple[Mode, str], str] = {
    (Mode.consensus, "--answers"): "--consensus starts a new coalition file; it does not take "
    "--answers or --resume (continue a consensus file with --resume FILE alone)",
    (Mode.consensus, "--resume"): "--consensus starts a new coalition file; it does not take "
    "--answers or --resume (continue a consensus file with --resume FILE alone)",
    (Mode.score, "--resume"): "--resume and --save belong to the interview; --answers scores a "
    "file as it is",
    (Mode.score, "--save"): "--resume and --save belong to the interview; --answers scores a "
    "file as it is",
}
"""What to say when an option is given in a mode it does not belong to, where there is
more to say than the plain rule."""


@dataclass(frozen=True)
class Request:
    """The options of one ``assess`` call, checked against its mode."""

    partner_files: list[Path]
    answers: Path | None
    output_format: AssessFormat
    output: Path | None
    force: bool
    questions: Path | None
    model: Path | None
    lang: str
    resume: Path | None
    save: Path | None
    coalition: str | None
    organisation: str | None
    role: str | None
    level: str | None
    all_topics: bool
    round_label: str | None
    around: environment.Environment
    """The terminals and colour wish of the process."""


def _mode_of(given: dict[str, Any]) -> Mode:
    if "--consensus" in given or "PARTNER_FILE" in given:
        return Mode.consensus
    if "--answers" in given:
        return Mode.score
    return Mode.interview


def _check(mode: Mode, given: dict[str, Any]) -> None:
    """Refuse an option that does not belong to ``mode``."""
    if mode is Mode.consensus and ("--consensus" not in given
                                   or len(given.get("PARTNER_FILE") or []) < 2):
        usage("give --consensus with the answers files of at least two partners")
    for name in given:
        if name not in _MODE_OPTIONS[mode]:
            usage(_REFUSALS.get((mode, name),
                                f"{name} does not go with {mode.value}"))
    for name in ("--resume", "--save"):
        path = given.get(name)
        if isinstance(path, Path) and path.suffix.lower() == ".xlsx":
            usage(f"{name} takes a YAML answers file; a workbook is scored with "
                  "'stimulering assess --answers FILE.xlsx'")


def _score(request: Request) -> None:
    """Score an answers file without asking anything."""
    assert request.answers is not None
    engine = load_engine(request.questions, request.model, request.lang)
    evaluation = engine.evaluate_file(request.answers)
    write(render_assessment(request.output_format, evaluation, request.lang,
                            color=request.output is None and request.around.color,
                            chart_name=chart_name(request.output, request.answers)),
          request.output, force=request.force, around=request.around)


def _interview(request: Request) -> None:
    """Ask the questions in the terminal, saving after every answer."""
    from stimulering.errors import StimuleringError
    from stimulering.model import LEVELS, ROLES, name_problem
    from stimulering.session.terminal import Options, run_interview

    if not request.around.stdin_is_terminal:
        usage("no terminal to ask questions in: score a file with "
              "'stimulering assess --answers FILE' (start one with "
              "'stimulering template > antwoorden.yaml')")
    if request.role is not None and request.role not in ROLES:
        usage(f"--role {request.role}: expected one of {', '.join(ROLES)}")
    if request.level is not None and request.level not in LEVELS:
        usage(f"--level {request.level}: expected one of {', '.join(LEVELS)}")
    names = {"--coalition": request.coalition, "--organisation": request.organisation}
    for name, value in names.items():
        if value is not None and not value.strip():
            usage(f"{name}: must not be empty")
        problem = None if value is None else name_problem(value)
        if problem is not None:
            raise StimuleringError(f"{name}: {problem}")
    round_label = round_name(request.round_label)
    engine = load_engine(request.questions, request.model, request.lang)
    code = run_interview(engine, Options(
        lang=request.lang, save=request.save, resume=request.resume,
        coalition=request.coalition and request.coalition.strip(),
        organisation=request.organisation and request.organisation.strip(),
        role=request.role, level=request.level, round=round_label))
    if code:
        raise typer.Exit(code)


def _consensus(request: Request) -> None:
    """Discuss where the partners' files diverge and write one coalition answers file."""
    from stimulering.session.terminal import Options, run_consensus

    if not request.around.stdin_is_terminal:
        usage("no terminal for the consensus conversation; combine the files with "
              "'stimulering report FILE...' instead")
    round_label = round_name(request.round_label)
    engine = load_engine(request.questions, request.model, request.lang)
    code = run_consensus(engine, Options(lang=request.lang, save=request.save,
                                         round=round_label),
                         request.partner_files, all_topics=request.all_topics)
    if code:
        raise typer.Exit(code)


_RUN = {Mode.score: _score, Mode.interview: _interview, Mode.consensus: _consensus}


def assess(
    ctx: typer.Context,
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
    round_label: RoundOption = None,
) -> None:
    """Assess a coalition: run the interview, or score an answers file with --answers."""
    # The options given, by the name the user typed (a default is not given).
    given: dict[str, Any] = {name: value for name, value, default in (
        ("PARTNER_FILE", partner_files, None), ("--answers", answers, None),
        ("--format", output_format, AssessFormat.text), ("--output", output, None),
        ("--force", force, False), ("--resume", resume, None), ("--save", save, None),
        ("--coalition", coalition, None), ("--organisation", organisation, None),
        ("--role", role, None), ("--level", level, None), ("--consensus", consensus, False),
        ("--all", all_topics, False), ("--round", round_label, None),
    ) if value != default and value != []}
    mode = _mode_of(given)
    _check(mode, given)
    _RUN[mode](Request(
        partner_files=partner_files or [], answers=answers,
        output_format=output_format, output=output, force=force, questions=questions,
        model=model, lang=lang, resume=resume, save=save, coalition=coalition,
        organisation=organisation, role=role, level=level, all_topics=all_topics,
        round_label=round_label, around=environment.of(ctx)))
