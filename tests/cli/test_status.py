"""`stimulering status`: the coordinator sees who has answered without opening every file."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
import yaml
from markdown_it import MarkdownIt

from builders import highest

LIST = """stimulering_expected: 1
coalition: Rivierstad
due: 2026-12-15
respondents:
  - {organisation: Gemeente Rivierstad, role: gemeente}
  - {organisation: Stroomnet, role: netbeheerder, level: tactisch}
  - {organisation: Bronwater, contact: "Mira de Boer"}
  - {organisation: Helderwater, role: waterschap}
"""


@pytest.fixture
def folder(cli, engine, write_answers, tmp_path):
    """A round in one folder: a finished file, a workbook, a file half done, a broken one."""
    write_answers(highest(engine), "gemeente.yaml", coalition="Rivierstad", date="2026-11-30",
                  respondent={"organisation": "Gemeente Rivierstad", "role": "gemeente",
                              "level": "strategisch"})
    half = dict(list(highest(engine).items())[:12])
    write_answers(half, "bronwater.yaml", coalition="Rivierstad", date="2026-12-01",
                  respondent={"organisation": "Bronwater", "role": "drinkwaterbedrijf",
                              "level": "operationeel"})
    workbook = tmp_path / "stroomnet.xlsx"
    cli("template", "--format", "xlsx", "-o", str(workbook))
    book = openpyxl.load_workbook(workbook)
    for cell, value in (("C2", "Rivierstad"), ("C3", "Stroomnet"), ("C4", "netbeheerder"),
                        ("C5", "tactisch"), ("C6", "2026-12-01")):
        book["Respondent"][cell] = value
    book.save(workbook)
    (tmp_path / "kapot.yaml").write_text("stimulering_answers: 1\ncoalition: [x\n",
                                         encoding="utf-8")
    (tmp_path / "verwacht.yaml").write_text(LIST, encoding="utf-8")
    return tmp_path


def test_json_lists_each_file_who_is_busy_who_is_missing_and_the_reminder(cli, folder):
    data = json.loads(cli("status", str(folder), "--format", "json").stdout)
    (coalition,) = data["coalitions"]
    (found,) = coalition["rounds"]
    assert (found["round"], found["named"], found["expected"]) == (
        "2026-11-30 – 2026-12-01", False, True)
    assert [(r["organisation"], r["role"], r["level"], r["date"], r["finished"])
            for r in found["respondents"]] == [
        ("Gemeente Rivierstad", "gemeente", "strategisch", "2026-11-30", True),
        ("Bronwater", "drinkwaterbedrijf", "operationeel", "2026-12-01", False),
        ("Stroomnet", "netbeheerder", "tactisch", "2026-12-01", False)]
    bronwater = found["respondents"][1]
    assert bronwater["pillars"]["people"]["answered"] <= 12 \
        and bronwater["pillars"]["governance"]["answered"] == 0
    assert found["unfinished"] == [str(folder / "bronwater.yaml"), str(folder / "stroomnet.xlsx")]
    assert found["missing"] == [{"organisation": "Helderwater", "role": "waterschap",
                                 "level": None, "contact": ""}]
    assert [u["file"] for u in data["unreadable"]] == [str(folder / "kapot.yaml")]
    assert data["reminder"] == "\n".join([
        "Beste partners,", "",
        "Voor de ronde 2026-11-30 – 2026-12-01 van Rivierstad zijn nog niet alle antwoorden "
        "binnen.",
        "Nog niets ontvangen van: Helderwater (waterschap).",
        "Begonnen maar nog niet af: Bronwater en Stroomnet.",
        "Wilt u uw antwoorden uiterlijk 2026-12-15 aan mij sturen? Alvast dank.", "",
        "Met vriendelijke groet,"])


def test_the_terminal_table_fits_80_columns_and_names_everything(cli, folder, monkeypatch):
    # A short relative name, so the message about the broken file is not wrapped mid-name.
    monkeypatch.chdir(folder.parent)
    folder = Path(folder.name)
    out = cli("status", str(folder)).stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    flat = " ".join(out.split())
    assert "Rivierstad · ronde 2026-11-30 – 2026-12-01" in flat
    assert "Nog niets ontvangen van: Helderwater (waterschap)." in flat
    assert f"Niet te lezen: {folder / 'kapot.yaml'}: 3:1: YAML syntax error" in flat
    assert "Wilt u uw antwoorden uiterlijk 2026-12-15 aan mij sturen?" in flat


def test_markdown_has_a_table_per_round_and_the_reminder_as_a_block(cli, folder):
    text = cli("status", str(folder), "--format", "markdown", "--lang", "en").stdout
    tokens = MarkdownIt("commonmark").enable(["table"]).parse(text)
    assert [t.content for i, t in enumerate(tokens) if i and tokens[i - 1].type ==
            "heading_open"] == ["Responses so far", "Rivierstad · round 2026-11-30 – "
                                "2026-12-01", "Reminder, to paste into an e-mail "
                                "(stimulering sends nothing)"]
    fence = next(t for t in tokens if t.type == "fence")
    assert fence.content.startswith("Dear partners,\n")


def test_a_list_given_by_name_is_used_and_not_read_as_answers(cli, folder, tmp_path):
    elsewhere = tmp_path.parent / f"{tmp_path.name}-lijst.yaml"
    (folder / "verwacht.yaml").rename(elsewhere)
    data = json.loads(cli("status", str(folder), "--expected", str(elsewhere), "--format",
                          "json").stdout)
    assert [m["organisation"] for m in data["coalitions"][0]["rounds"][0]["missing"]] == \
        ["Helderwater"]
    without = json.loads(cli("status", str(folder), "--format", "json").stdout)
    assert without["coalitions"][0]["rounds"][0]["expected"] is False


def test_the_template_of_a_list_becomes_a_valid_list(cli, tmp_path):
    text = cli("template", "--kind", "expected", "--round", "najaar 2026").stdout
    data = yaml.safe_load(text)
    assert data["round"] == "najaar 2026"
    data["coalition"] = "Rivierstad"
    for number, person in enumerate(data["respondents"]):
        person["organisation"] = f"Partner {number}"
    path = tmp_path / "lijst.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert cli("validate", str(path)).stderr == "ok: 3 items checked\n"
    assert "--kind expected" in cli("template", "--kind", "expected", "--format", "xlsx",
                                    expect=2).stderr
