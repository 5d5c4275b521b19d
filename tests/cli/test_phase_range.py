"""An open phase and what decides it, the same in every format and command.

The answers are the highest everywhere except one level that nobody knows: the third of
information and data exchange. Levels 1 and 2 are met whatever it is; with its answers
at their lowest it fails (phase 3), at their highest every level is met (phase 6).
"""

from __future__ import annotations

import csv
import io
import json

import docx
import openpyxl
import pypdf
import pytest
from markdown_it import MarkdownIt

from builders import highest


@pytest.fixture
def unknown_level(engine) -> list[str]:
    return [q.id for q in engine.questions.questions
            if q.scored and q.pillar == "information" and q.phase == 3]


@pytest.fixture
def open_file(engine, write_answers, unknown_level):
    return write_answers(highest(engine) | dict.fromkeys(unknown_level, "weet_niet"),
                         "open.yaml")


def test_json_gives_the_range_and_what_decides_it(cli, open_file, unknown_level):
    data = json.loads(cli("assess", "--answers", str(open_file), "--format", "json").stdout)
    assert (data["phase"], data["phase_range"]) == (None, {"low": 3, "high": 6})
    assert data["undetermined"]["pillars"] == ["information"]
    information = data["pillars"]["information"]
    assert (information["phase"], information["phase_range"]) == (None, {"low": 3, "high": 6})
    assert data["pillars"]["people"]["phase_range"] == {"low": 6, "high": 6}
    assert 0 < len(data["deciding_unknown"]) <= 5
    assert set(data["deciding_unknown"]) <= set(unknown_level)
    assert information["deciding_unknown"] == data["deciding_unknown"]
    assert data["pillars"]["people"]["deciding_unknown"] == []
    assert data["deciding"]
    for change in data["deciding"]:
        assert set(change) == {"question", "answer", "would_be", "phase", "phase_range"}
        moved = change["phase_range"]
        assert change["phase"] == (moved["low"] if moved["low"] == moved["high"] else None)
        assert (moved["low"], moved["high"]) != (3, 6)


def test_the_report_summary_says_the_range_and_names_what_decides_it(cli, open_file, engine):
    report = cli("report", str(open_file)).stdout
    tokens = MarkdownIt("commonmark").parse(report)
    heads = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    summary = heads.index("Samenvatting voor de stuurgroep")
    assert heads[summary + 1] == "Wat de fase bepaalt"
    assert "**Fase van de samenwerking: 3–6 · nog open**" in report
    assert "Met de onbekende antwoorden op hun laagst is het fase 3, op hun hoogst fase 6." \
        in report
    data = json.loads(cli("report", str(open_file), "--format", "json").stdout)
    first = engine.questions.by_id()[data["deciding_unknown"][0]]
    assert f"- ‘{first.text['nl'].rstrip('.')}’ (weet niet)" in report


def test_the_text_screen_of_assess_shows_the_range_and_what_decides_it(cli, open_file):
    text = cli("assess", "--answers", str(open_file), "--lang", "en").stdout
    assert "Phase of the collaboration: 3–6 · still open" in text
    assert "What decides the phase" in text
    assert "Information and data exchange  3–6 ●●●◐◐◐" in text


def test_html_word_pdf_and_the_workbook_show_the_same(cli, open_file, tmp_path):
    html = cli("report", str(open_file), "--format", "html").stdout
    assert "Wat de fase bepaalt" in html and "3–6 · nog open" in html
    cli("report", str(open_file), "--format", "docx", "-o", str(tmp_path / "a.docx"))
    words = "\n".join(p.text for p in docx.Document(str(tmp_path / "a.docx")).paragraphs)
    assert "Wat de fase bepaalt" in words and "3–6 · nog open" in words
    cli("report", str(open_file), "--format", "pdf", "-o", str(tmp_path / "a.pdf"))
    page = pypdf.PdfReader(str(tmp_path / "a.pdf")).pages[0].extract_text()
    assert "Wat de fase bepaalt" in page and "3–6" in page
    cli("report", str(open_file), "--format", "xlsx", "-o", str(tmp_path / "a.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").worksheets[0]
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
    assert any("3–6 · nog open" in cell for cell in cells)
    assert "Wat de fase bepaalt" in cells


def test_compare_and_progress_show_the_range(cli, open_file, engine, write_answers):
    table = cli("compare", str(open_file), "--format", "markdown").stdout
    assert "| 3–6 | 6 (1,00) | 6 (1,00) | 3–6 (" in table
    rows = list(csv.DictReader(io.StringIO(
        cli("compare", str(open_file), "--format", "csv").stdout)))
    assert (rows[0]["phase"], rows[0]["phase_low"], rows[0]["phase_high"]) == ("", "3", "6")
    assert (rows[0]["information_phase_low"], rows[0]["information_phase_high"]) == ("3", "6")
    later = write_answers(highest(engine), "later.yaml", date="2027-06-01")
    progress = cli("progress", str(open_file), str(later), "--format", "markdown").stdout
    assert "| 6 | 6 | 3–6 | 3–6 |" in progress


def test_what_one_partner_knows_narrows_the_range_for_the_coalition(
        cli, open_file, engine, write_answers):
    # The open file is of a tactical respondent; a board member and a planner know, and
    # so does a second tactical respondent.
    sure = [write_answers(highest(engine), f"sure-{level}.yaml",
                          respondent={"organisation": f"Bronwater {level}",
                                      "role": "drinkwaterbedrijf", "level": level})
            for level in ("strategisch", "tactisch", "operationeel")]
    files = [str(path) for path in (open_file, *sure)]
    data = json.loads(cli("report", *files, "--format", "json").stdout)
    assert [r["phase_range"] for r in data["respondents"]] == [
        {"low": 3, "high": 6}, *[{"low": 6, "high": 6}] * 3]
    assert (data["phase"]["number"], data["phase_range"]) == (6, {"low": 6, "high": 6})
    markdown = cli("report", *files).stdout
    assert "| 6 | 6 | 3–6 | 3–6 |" in markdown
    assert "### Wat de fase bepaalt" in markdown.split("## Fase per respondent")[0]
