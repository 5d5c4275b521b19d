"""Questions per role and level through the command line: the interview, the templates and
the question list ask each respondent only what applies to them."""

from __future__ import annotations

import json

import openpyxl
import pytest
import yaml

from paths import DATA
from stimulering.model import LEVELS, PARTNER_ROLES, Respondent
from stimulering.sources.engine import load

PER_ROLE = DATA / "valid" / "questions-per-role.yaml"
ENGINE = load(PER_ROLE)


def for_whom(role: str | None, level: str | None) -> list[str]:
    """What the template for ``role`` and ``level`` holds: every question it asks them."""
    return [q.id for q in ENGINE.questions.questions
            if q.applies_to is None or q.applies_to.takes(role, level)]


@pytest.mark.parametrize(("role", "level"), [("drinkwaterbedrijf", "strategisch"),
                                             ("netbeheerder", "operationeel"),
                                             ("gemeente", None), (None, "tactisch")])
def test_the_yaml_template_for_a_role_and_level_holds_only_their_questions(cli, role, level):
    args = [*(["--role", role] if role else []), *(["--level", level] if level else [])]
    text = cli("template", "--questions", str(PER_ROLE), *args).stdout
    data = yaml.safe_load(text)
    assert list(data["answers"]) == for_whom(role, level)
    assert data["respondent"]["role"] == (role or "")
    assert data["respondent"]["level"] == (level or "")
    assert "# Deze vragenlijst is voor: " in text


def test_the_full_template_says_whom_each_question_is_for(cli):
    text = cli("template", "--questions", str(PER_ROLE)).stdout
    assert list(yaml.safe_load(text)["answers"]) == for_whom(None, None)
    before = text.split("  een_stem_omgeving:")[0].splitlines()[-3:]
    assert before == ["  # Vraag",
                      "  # voor: gemeente of netbeheerder, tactisch of operationeel niveau",
                      "  # ja | deels | nee | weet_niet | nvt"]
    assert "# Niet elke vraag is voor iedereen" in text
    small = DATA / "valid" / "questions-small.yaml"  # the same set, every question for all
    assert "Niet elke vraag" not in cli("template", "--questions", str(small)).stdout


def test_the_workbook_for_a_level_holds_only_its_questions(cli, tmp_path):
    path = tmp_path / "bestuur.xlsx"
    cli("template", "--questions", str(PER_ROLE), "--format", "xlsx", "--level", "strategisch",
        "-o", str(path))
    book = openpyxl.load_workbook(path)
    sheet = book["Vragen"]
    ids = [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]
    assert [i for i in ids if i and "." not in i] == for_whom(None, "strategisch")
    assert book["Respondent"]["C5"].value == "strategisch"
    everything = tmp_path / "alles.xlsx"
    cli("template", "--questions", str(PER_ROLE), "--format", "xlsx", "-o", str(everything))
    sheet = openpyxl.load_workbook(everything)["Vragen"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    assert sheet.cell(row=rows["ambassadeurs_benoemd"], column=5).value.startswith(
        "Voor: strategisch niveau.")


def test_a_role_or_level_that_does_not_exist_is_refused(cli):
    assert "--role coalitie" in cli("template", "--role", "coalitie", expect=2).stderr
    assert "--level bestuur" in cli("template", "--level", "bestuur", expect=2).stderr


@pytest.mark.parametrize(("role", "level"), [(role, level) for role in PARTNER_ROLES[:3]
                                             for level in LEVELS])
def test_the_interview_counts_and_asks_only_their_questions(cli, terminal, role, level):
    from stimulering.core.interview import Interview

    expected = Interview(ENGINE.scorer, respondent=Respondent(
        organisation="x", role=role, level=level)).visible()
    # Answer every question with :w (open questions with Enter), then quit at the review.
    lines = ["" if q.type == "text" else ":w" for q in expected] + [":q"]
    out = cli("assess", "--questions", str(PER_ROLE), "--coalition", "Rivierstad",
              "--organisation", "X", "--role", role, "--level", level, "--save", "x.yaml",
              input="\n".join(lines) + "\n").stdout
    total = len(expected)
    assert f"[1/{total}]" in out and f"[{total}/{total}]" in out and f"[{total + 1}/" not in out
    saved = yaml.safe_load((terminal / "x.yaml").read_text(encoding="utf-8"))
    asked = {key for key, value in saved["answers"].items() if value is not None}
    assert asked == {q.id for q in expected if q.type != "text"}


def test_the_question_list_says_whom_a_question_is_for(cli):
    listed = json.loads(cli("questions", "--questions", str(PER_ROLE), "--format",
                            "json").stdout)["questions"]
    audience = {q["id"]: q["applies_to"] for q in listed if q["applies_to"]}
    assert audience == {
        "ambassadeurs_benoemd": {"roles": [], "levels": ["strategisch"]},
        "ambassadeurs_intern": {"roles": [], "levels": ["strategisch"]},
        "een_stem_omgeving": {"roles": ["gemeente", "netbeheerder"],
                              "levels": ["tactisch", "operationeel"]}}
