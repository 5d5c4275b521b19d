"""A round across a month end: partners answer on 30 November and 1 December, through the
interview and the workbook (the form: tests/e2e), with and without a name for the round.
Their files are one round, and the report says so in every format.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import docx
import openpyxl
import pypdf
import pytest
from openpyxl.writer.excel import ExcelWriter

from builders import whole_interview
from stimulering.model import Respondent
from stimulering.session.terminal import Options, run_interview

PARTNERS = [
    (Respondent(organisation="Gemeente Rivierstad", role="gemeente", level="strategisch"),
     dt.date(2026, 11, 30)),
    (Respondent(organisation="Stroomnet", role="netbeheerder", level="tactisch"),
     dt.date(2026, 11, 30)),
    (Respondent(organisation="Bronwater", role="drinkwaterbedrijf", level="operationeel"),
     dt.date(2026, 12, 1)),
]


def by_interview(engine, folder: Path, who: Respondent, day: dt.date,
                 round_name: str | None) -> Path:
    """One partner's interview on ``day``: every question, accept, no targets, no report."""
    lines = iter([*whole_interview(engine, who), "", "n", "n", "n"])
    path = folder / f"{who.role}.yaml"
    code = run_interview(engine, Options(
        lang="nl", save=path, coalition="Rivierstad", organisation=who.organisation,
        role=who.role, level=who.level, round=round_name, folder=folder, today=day),
        read_line=lambda prompt: next(lines))
    assert code == 0
    return path


def by_workbook(cli, folder: Path, who: Respondent, day: dt.date,
                round_name: str | None) -> Path:
    """One partner's workbook, filled in on ``day`` and saved that day."""
    template = folder / f"{who.role}-leeg.xlsx"
    cli("template", "--format", "xlsx", "-o", str(template), "--role", who.role,
        "--level", who.level, *(["--round", round_name] if round_name else []))
    book = openpyxl.load_workbook(template)
    # The coordinator sent the template round on 20 November (made today, in this test).
    book.properties.created = dt.datetime(2026, 11, 20, 9)
    book["Respondent"]["C2"] = "Rivierstad"
    book["Respondent"]["C3"] = who.organisation
    if who.role == "drinkwaterbedrijf":
        book["Respondent"]["C6"] = day  # this partner types the date; the others leave it
    sheet = book["Vragen"]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == "vast_overleg":
            sheet.cell(row=row, column=3).value = "ja"
    book.properties.modified = dt.datetime.combine(day, dt.time(15))  # saved that afternoon
    path = folder / f"{who.role}.xlsx"
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return path


@pytest.mark.parametrize("round_name", [None, "najaar 2026"])
@pytest.mark.parametrize("route", ["interview", "workbook"])
def test_partners_either_side_of_a_month_end_are_one_round(cli, engine, tmp_path, monkeypatch,
                                                          route, round_name):
    monkeypatch.chdir(tmp_path)
    files = [by_interview(engine, tmp_path, who, day, round_name) if route == "interview"
             else by_workbook(cli, tmp_path, who, day, round_name) for who, day in PARTNERS]
    for path, (_, day) in zip(files, PARTNERS, strict=True):
        answers = engine.read_answers(path)
        assert (answers.date, answers.round) == (day, round_name)

    names = [path.name for path in files]
    result = cli("report", *names, "--format", "json")
    data = json.loads(result.stdout)
    assert [r["organisation"] for r in data["respondents"]] == [
        who.organisation for who, _ in PARTNERS]
    expected = round_name or "2026-11-30 – 2026-12-01"
    assert data["round"] == expected
    assert data["round_files"]["combined"] == [
        {"file": name, "respondent": who.organisation, "agreed": False}
        for name, (who, _) in zip(names, PARTNERS, strict=True)]
    assert data["round_files"]["left_out"] == []
    assert f"3 bestanden samengenomen als ronde {expected}" in result.stderr


def test_every_format_states_the_round_and_the_files_it_combined_and_left_out(
        cli, engine, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "voorjaar").mkdir()
    spring = by_interview(engine, tmp_path / "voorjaar", PARTNERS[0][0], dt.date(2026, 4, 2),
                          None)
    files = [by_interview(engine, tmp_path, *PARTNERS[0], None),
             by_workbook(cli, tmp_path, *PARTNERS[1], None),
             by_workbook(cli, tmp_path, *PARTNERS[2], None)]
    names = [str(spring.relative_to(tmp_path)), *(path.name for path in files)]
    combined = ("gemeente.yaml (Gemeente Rivierstad); netbeheerder.xlsx (Stroomnet); "
                "drinkwaterbedrijf.xlsx (Bronwater)")
    left = "voorjaar/gemeente.yaml (uit de eerdere ronde 2026-04-02)"
    for fmt in ("markdown", "html"):
        out = cli("report", *names, "--format", fmt).stdout
        text = " ".join(re.sub(r"<[^>]+>", "", out).split())  # html: the text a reader sees
        assert combined in text and left in text, fmt
    for fmt, read in (("docx", word_text), ("pdf", pdf_text)):
        target = tmp_path / f"coalitie.{fmt}"
        cli("report", *names, "--format", fmt, "-o", str(target))
        text = " ".join(read(target).split())
        assert combined in text and left in text, fmt


def word_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
