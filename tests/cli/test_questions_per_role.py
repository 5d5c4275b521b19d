"""Questions per role and level through the command line: the interview, the templates and
the question list ask each respondent only what applies to them."""

from __future__ import annotations

import json

import openpyxl
import pytest
import yaml
from markdown_it import MarkdownIt

from builders import highest
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


def test_the_coalition_report_says_what_nobody_it_is_for_answered(cli, engine, write_answers):
    """Two tactical partners answer the whole shipped template: the board's and the
    planners' questions count for nobody, and the report says so and whom to ask."""
    every = highest(engine)
    files = [str(write_answers(every, f"{name}.yaml", respondent={
        "organisation": name, "role": role, "level": "tactisch"}))
        for name, role in (("Gemeente Rivierstad", "gemeente"), ("Stroomnet", "netbeheerder"))]
    tactical = Respondent(organisation="x", role="gemeente", level="tactisch")
    beyond = {q.id for q in engine.questions.questions if not q.asks(tactical)}
    data = json.loads(cli("report", *files, "--format", "json").stdout)
    notice = next(w for w in data["warnings"] if w["code"] == "nobody_asked")
    # Every scored question not for them, but a follow-up its (unknown) question may hide.
    assert {q.id for q in engine.questions.questions
            if q.id in beyond and q.scored and q.when is None} <= set(notice["ids"]) <= beyond
    assert notice["message"] == (
        f"{len(notice['ids'])} vragen zijn voor een niveau of rol waarvan niemand meedeed "
        "(strategisch en operationeel niveau); ze tellen als onbekend. Laat ook iemand daarvan "
        "de vragenlijst invullen.")
    # No partner answered beyond their level alone decides anything.
    assert set(data["deciding_unknown"]) <= set(beyond)

    tokens = MarkdownIt("commonmark").parse(cli("report", *files).stdout)
    items = ["".join(child.content for child in t.children or [])
             for t in tokens if t.type == "inline"]
    board = next(q for q in engine.questions.questions if q.id in data["deciding_unknown"])
    whom = "strategisch" if board.applies_to.levels == ["strategisch"] else "operationeel"
    text = board.text["nl"].rstrip(".")
    assert f"‘{text}’ (niemand van {whom} niveau deed mee)" in items
    appendix = items[items.index(next(i for i in items if i.startswith("Per vraag het "))):]
    start = appendix.index(next(i for i in appendix if i.startswith(f"{board.id} · ")))
    assert appendix[start + 1:start + 4] == [
        f"Samen: open (niemand van {whom} niveau deed mee)",
        f"Gemeente Rivierstad: ja (telt niet mee: de vraag is voor {whom} niveau)",
        f"Stroomnet: ja (telt niet mee: de vraag is voor {whom} niveau)"]


def test_a_round_with_every_level_leaves_nothing_unasked(cli, engine, write_answers):
    files = [str(write_answers(highest(engine), f"{level}.yaml", respondent={
        "organisation": f"Partner {level}", "role": "gemeente", "level": level}))
        for level in LEVELS]
    data = json.loads(cli("report", *files, "--format", "json").stdout)
    assert "nobody_asked" not in {w["code"] for w in data["warnings"]}
    assert data["phase"]["number"] == 6
    assert "telt niet mee" in cli("report", *files).stdout  # each answered the whole template


def test_after_a_consensus_the_agreed_answers_stand_and_no_partner_answer_is_marked(
        cli, engine, write_answers):
    every = highest(engine)
    partners = [str(write_answers(every, f"{name}.yaml", respondent={
        "organisation": name, "role": "gemeente", "level": "tactisch"})) for name in ("A", "B")]
    agreed = str(write_answers(every, "coalitie.yaml", respondent={
        "organisation": "Coalitie", "role": "coalitie", "level": "tactisch"}))
    out = cli("report", *partners, agreed).stdout
    assert "telt niet mee" not in out and "deed mee)" not in out


def test_progress_compares_only_what_counts_in_each_round(cli, engine, write_answers):
    every = highest(engine)
    whole = write_answers(every, "2025.yaml", date="2025-11-03", respondent={
        "organisation": "A", "role": "gemeente", "level": "strategisch"})
    # A year later two tactical partners answer everything: the board's and the planners'
    # questions count for nobody, so less is comparable and progress says so.
    later = [write_answers(every, f"2026-{name}.yaml", date="2026-11-03", respondent={
        "organisation": name, "role": "gemeente", "level": "tactisch"}) for name in ("A", "B")]
    data = json.loads(cli("progress", str(whole), *map(str, later), "--format", "json",
                          "--lang", "en").stdout)
    share = data["steps"][0]["comparable"]
    assert share < 0.8
    assert any(w.startswith(f"Only {round(share * 100)}% of the questions is comparable")
               for w in data["warnings"])
