"""The assessment: the interview, scoring an answers file, and the partners' consensus."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from stimulering.cli.app import (
    AllTopicsOption,
    ForceOption,
    LangOption,
    ModelOption,
    OutputOption,
    QuestionsOption,
)
from stimulering.cli.common import chart_name, color, load_engine, usage, write
from stimulering.report.formats import AssessFormat, render_assessment


def _stdin_is_terminal() -> bool:
    """Whether someone at a terminal can answer questions (tests stand in for one)."""
    return sys.stdin.isatty()


def _interview(questions: Path | None, model: Path | None, lang: str, *, resume: Path | None,
               save: Path | None, coalition: str | None, organisation: str | None,
               role: str | None, level: str | None, round_label: str | None = None) -> None:
    from stimulering.model import LEVELS, NAME_MAX, ROLES
    from stimulering.terminal import Options, run_interview

    if role is not None and role not in ROLES:
        usage(f"--role {role}: expected one of {', '.join(ROLES)}")
    if level is not None and level not in LEVELS:
        usage(f"--level {level}: expected one of {', '.join(LEVELS)}")
    for name, value in (("--coalition", coalition), ("--organisation", organisation)):
        if value is not None and not value.strip():
            usage(f"{name}: must not be empty")
        if value is not None and len(value.strip()) > NAME_MAX:
            from stimulering.errors import StimuleringError

            raise StimuleringError(f"{name}: at most {NAME_MAX} characters, not "
                                   f"{len(value.strip())}")
    engine = load_engine(questions, model, lang)
    code = run_interview(engine, Options(
        lang=lang, save=save, resume=resume, coalition=coalition and coalition.strip(),
        organisation=organisation and organisation.strip(), role=role, level=level,
        round=round_label))
    if code:
        raise typer.Exit(code)


def _consensus(files: list[Path], questions: Path | None, model: Path | None, lang: str,
               save: Path | None, *, round_label: str | None, all_topics: bool) -> None:
    from stimulering.terminal import Options, run_consensus

    engine = load_engine(questions, model, lang)
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
        usage(f"--round {text!r}: give a short label of one line, such as 2026-05")
    return label


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
            usage("give --consensus with the answers files of at least two partners")
        if answers is not None or resume is not None:
            usage("--consensus starts a new coalition file; it does not take --answers or "
                   "--resume (continue a consensus file with --resume FILE alone)")
        if not _stdin_is_terminal():
            usage("no terminal for the consensus conversation; combine the files with "
                   "'stimulering report FILE...' instead")
        _consensus(partner_files, questions, model, lang, save, round_label=_round(round_label),
                   all_topics=all_topics)
        return
    for name, path in (("--resume", resume), ("--save", save)):
        if path is not None and path.suffix.lower() == ".xlsx":
            usage(f"{name} takes a YAML answers file; a workbook is scored with "
                   "'stimulering assess --answers FILE.xlsx'")
    if answers is None:
        if not _stdin_is_terminal():
            usage("no terminal to ask questions in: score a file with "
                   "'stimulering assess --answers FILE' (start one with "
                   "'stimulering template > antwoorden.yaml')")
        _interview(questions, model, lang, resume=resume, save=save, coalition=coalition,
                   organisation=organisation, role=role, level=level,
                   round_label=_round(round_label))
        return
    if resume is not None or save is not None:
        usage("--resume and --save belong to the interview; --answers scores a file as it is")
    engine = load_engine(questions, model, lang)
    evaluation = engine.evaluate_file(answers)
    write(render_assessment(output_format, evaluation, lang, color=output is None and color(),
                            chart_name=chart_name(output, answers)), output, force=force)
