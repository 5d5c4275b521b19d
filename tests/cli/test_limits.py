"""Values over the limits: a message and another try, or exit 1 naming what, no traceback.

The files with numbers that are not finite or too large are cases of the bad-input
corpus (tests/data/invalid/); here are the limits that are met elsewhere: numbers and
names typed in the interview, names given as options, and file names too long for the
file system.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from builders import WHO, flat, whole_interview
from stimulering.core.interview import Invalid, Value, default_file_name, parse_input
from stimulering.sources.files import load_answers

LONG = "x" * 300
"""A file name longer than any file system allows for one component (255 bytes)."""


@pytest.mark.parametrize("question_id", ["graafrust_jaren", "planhorizon_jaren"])
@pytest.mark.parametrize("typed", ["1" * 5000, "1" + "0" * 400, "1" * 400 + ",5",
                                   "9" * 309])
def test_a_typed_number_too_large_to_use_is_asked_again(engine, question_id, typed):
    question = engine.questions.by_id()[question_id]
    assert parse_input(question, typed, "nl") == Invalid(
        "Dat getal is te groot. Typ een getal, bijvoorbeeld 4 of 2,5, of een commando "
        "(? voor hulp).")
    assert parse_input(question, typed, "en") == Invalid(
        "That number is too large. Type a number, for example 4 or 2.5, or a command "
        "(? for help).")


def test_the_largest_typed_number_that_fits_is_an_answer(engine):
    question = engine.questions.by_id()["graafrust_jaren"]
    assert parse_input(question, "9" * 308, "nl") == Value(int("9" * 308))


@pytest.mark.parametrize("option", ["--coalition", "--organisation"])
def test_a_name_over_the_limit_given_as_an_option_is_refused(cli, terminal, option):  # noqa: F811
    given = dict(zip(WHO[::2], WHO[1::2], strict=True))
    given[option] = "R" * 201
    result = cli("assess", *[part for pair in given.items() for part in pair], expect=1,
                 input=":q\n")
    assert (result.stdout, result.stderr) == (
        "", f"error: {option}: at most 200 characters, not 201\n")
    assert list(terminal.iterdir()) == []


def test_names_over_the_limit_typed_in_the_interview_are_asked_again(cli, terminal):  # noqa: F811
    lines = ["R" * 201, "Rivierstad", "S" * 300, "Stroomnet", "2", "2", ":q"]
    result = cli("assess", input="\n".join(lines) + "\n")
    assert "Hooguit 200 tekens; dit zijn er 201." in result.stdout
    assert "Hooguit 200 tekens; dit zijn er 300." in result.stdout
    name = f"rivierstad-stroomnet-{dt.date.today().isoformat()}.yaml"
    saved = load_answers(terminal / name)[0]
    assert (saved.coalition, saved.respondent.organisation) == ("Rivierstad", "Stroomnet")


def test_a_note_over_the_limit_is_asked_again(cli, terminal):  # noqa: F811
    lines = [":n", "N" * 10_001, "Kort", ":q"]
    result = cli("assess", *WHO, "--save", "z.yaml", input="\n".join(lines) + "\n")
    assert "Hooguit 10000 tekens; dit zijn er 10001." in flat(result.stdout)
    assert list(load_answers(terminal / "z.yaml")[0].notes.values()) == ["Kort"]


def test_an_action_or_owner_over_the_limit_at_the_end_is_asked_again(cli, terminal, engine):  # noqa: F811
    lines = whole_interview(engine)
    lines += ["",                                   # review: accept
              "n",                                  # no targets
              "j", "W" * 2001, "Convenant opstellen", "O" * 201, "gemeente", "", "", "n",
              "n"]                                  # no report
    result = cli("assess", *WHO, "--save", "z.yaml", input="\n".join(lines) + "\n")
    out = flat(result.stdout)
    assert "Hooguit 2000 tekens; dit zijn er 2001." in out
    assert "Hooguit 200 tekens; dit zijn er 201." in out
    saved = load_answers(terminal / "z.yaml")[0]
    assert [(a.what, a.owner) for a in saved.actions] == [("Convenant opstellen", "gemeente")]


def test_the_longest_names_still_give_a_file_name_the_file_system_takes(cli, terminal):  # noqa: F811
    coalition, organisation = "Rivierstad " * 18, "Stroomnet " * 20
    result = cli("assess", "--coalition", coalition, "--organisation", organisation,
                 "--role", "netbeheerder", "--level", "tactisch", input=":q\n")
    [saved] = list(terminal.iterdir())
    assert len(saved.name.encode()) <= 255
    assert saved.name == default_file_name(coalition, organisation, dt.date.today())
    assert saved.name.startswith("rivierstad-rivierstad-")
    unwrapped = result.stdout.replace("\n", "")
    assert f"Verdergaan: stimulering assess --resume {saved.name}" in unwrapped
    again = cli("assess", "--coalition", coalition.strip(), "--organisation",
                organisation.strip(), input="\n:q\n")
    assert f"Er is een onafgemaakt antwoordbestand: {saved.name}" in \
        again.stdout.replace("\n", "")


@pytest.mark.parametrize("args, named", [
    (["assess", "--answers", f"{LONG}.yaml"], f"{LONG}.yaml"),
    (["assess", "--answers", "ok.yaml", "--format", "json", "-o", f"{LONG}.json"],
     f"{LONG}.json"),
    (["report", "ok.yaml", "-o", f"{LONG}.md"], f"{LONG}.md"),
    (["report", "ok.yaml", "-o", f"{'x' * 250}.md"], f"{'x' * 250}-radar.svg"),
    (["validate", f"{LONG}.yaml"], f"{LONG}.yaml"),
    (["compare", f"{LONG}.yaml", "--strict"], f"{LONG}.yaml"),
    (["progress", f"{LONG}.yaml"], f"{LONG}.yaml"),
    (["diff", f"{LONG}.yaml", "ok.yaml"], f"{LONG}.yaml"),
    (["assess", "--answers", "ok.yaml", "--questions", f"{LONG}.yaml"], f"{LONG}.yaml"),
    (["assess", "--answers", "ok.yaml", "--model", LONG], LONG),
    (["template", "-o", f"{LONG}.yaml"], f"{LONG}.yaml"),
])
def test_a_file_name_too_long_for_the_file_system_is_named_with_exit_1(
        cli, tmp_path, monkeypatch, args, named):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.yaml").write_text(
        "stimulering_answers: 1\ncoalition: Rivierstad\n"
        "respondent: {organisation: Stroomnet, role: netbeheerder, level: tactisch}\n"
        "date: 2026-11-28\nanswers: {vast_overleg: ja}\n", encoding="utf-8")
    result = cli(*args, expect=1)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert f"{named}: " in output
    assert "name too long" in output.lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.yaml"]


def test_the_interview_with_a_save_file_name_too_long_exits_1(cli, terminal):  # noqa: F811
    result = cli("assess", *WHO, "--save", f"{LONG}.yaml", expect=1, input=":q\n")
    assert result.stderr.startswith(f"error: {LONG}.yaml: ")
    assert "name too long" in result.stderr.lower()


def strict_json(text: str):
    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in JSON output")

    return json.loads(text, parse_constant=refuse)


def test_the_largest_numbers_a_file_may_hold_go_through_every_output(cli, tmp_path,
                                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)
    largest = "1.7976931348623157e+308"
    (tmp_path / "groot.yaml").write_text(
        "stimulering_answers: 1\ncoalition: Rivierstad\n"
        "respondent: {organisation: Stroomnet, role: netbeheerder, level: tactisch}\n"
        f"date: 2026-11-28\nanswers:\n  planhorizon_jaren: {largest}\n"
        f"  graafrust_vastgelegd: ja\n  graafrust_jaren: {largest}\n", encoding="utf-8")
    assessment = strict_json(cli("assess", "--answers", "groot.yaml", "--format", "json").stdout)
    assert assessment["coalition"] == "Rivierstad"
    strict_json(cli("report", "groot.yaml", "--format", "json").stdout)
    strict_json(cli("progress", "groot.yaml", "--format", "json").stdout)
    strict_json(cli("compare", "groot.yaml", "--format", "json").stdout)
    markdown = cli("report", "groot.yaml").stdout
    assert "1,79769e+308 jaar" in markdown
    for args in (["assess", "--answers", "groot.yaml"], ["report", "groot.yaml", "--format",
                                                         "html"],
                 ["compare", "groot.yaml", "--format", "csv"], ["progress", "groot.yaml"]):
        cli(*args)
