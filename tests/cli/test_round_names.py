"""The coordinator names a round once; every blank made with the name carries it.

Without a name nothing is written: no file gets the calendar month as its round.
"""

from __future__ import annotations

import json
import re

import openpyxl
import yaml

from builders import highest
from stimulering.sources.workbook import read_workbook


def form_blob(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="form-data">(.*?)</script>', html,
                      re.S)
    assert found is not None
    return json.loads(found.group(1))


def test_the_form_carries_the_round_its_coordinator_named(cli):
    assert form_blob(cli("form", "--round", "najaar  2026").stdout)["round"] == "najaar 2026"
    assert form_blob(cli("form").stdout)["round"] is None


def test_a_round_name_is_one_short_line(cli):
    for bad in ("", "   ", "x" * 101, "na\x1bjaar", "najaar \u202e2026"):
        result = cli("form", "--round", bad, expect=2)
        assert "--round" in result.stderr and "one line" in result.stderr


def test_the_yaml_template_names_the_round_or_leaves_it_out(cli, engine, tmp_path):
    named = yaml.safe_load(cli("template", "--round", "najaar 2026").stdout)
    assert named["round"] == "najaar 2026"
    plain = cli("template").stdout
    assert "round:" not in plain

    named.update(coalition="Rivierstad", answers=highest(engine),
                 respondent={"organisation": "Stroomnet", "role": "netbeheerder",
                             "level": "tactisch"})
    path = tmp_path / "stroomnet.yaml"
    path.write_text(yaml.safe_dump(named, allow_unicode=True), encoding="utf-8")
    assert engine.read_answers(path).round == "najaar 2026"


def fill(template, target, date="2026-12-01"):
    book = openpyxl.load_workbook(template)
    sheet = book["Respondent"]
    for cell, value in (("C2", "Rivierstad"), ("C3", "Bronwater"), ("C4", "drinkwaterbedrijf"),
                        ("C5", "operationeel"), ("C6", date)):
        sheet[cell] = value
    book.save(target)
    return target


def test_the_workbook_keeps_the_round_where_partners_do_not_change_it(cli, engine, tmp_path):
    named = tmp_path / "najaar.xlsx"
    cli("template", "--format", "xlsx", "--round", "najaar 2026", "-o", str(named))
    book = openpyxl.load_workbook(named)
    texts = [cell.value for row in book["Respondent"].iter_rows() for cell in row]
    assert "Deze vragenlijst hoort bij de ronde najaar 2026." in texts
    answers, _ = read_workbook(fill(named, tmp_path / "bronwater.xlsx"), engine.questions)
    assert answers.round == "najaar 2026"

    plain = tmp_path / "plain.xlsx"
    cli("template", "--format", "xlsx", "-o", str(plain))
    answers, _ = read_workbook(fill(plain, tmp_path / "b2.xlsx"), engine.questions)
    assert answers.round is None
