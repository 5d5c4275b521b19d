"""The layout of the Word and PDF documents: whole words, no empty header rows, long rows.

Documents are made from markdown by the pure renderer and read back with pypdf and
python-docx, as a reader's tools would.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pypdf

from paths import DATA
from stimulering.report.formats import ReportFormat, render_report
from stimulering.report.office import blocks, render_office_document

WHEN = dt.date(2026, 11, 28)
HEADERLESS = "| | |\n|---|---|\n| Samenwerking | Rivierstad |\n| Datum | 2026-11-28 |\n"
HEADED = "| Pijler | Fase |\n|---|---|\n| Mens | 3 |\n"
HEADER_FILL = b"0.8667 0.902 0.9333 rg"
"""The PDF's colour of a table's header row."""


def pdf(markdown: str) -> pypdf.PdfReader:
    data = render_office_document(markdown, "nl", "pdf", title="Proef", when=WHEN)
    return pypdf.PdfReader(io.BytesIO(data))


def words(reader: pypdf.PdfReader) -> set[str]:
    return {word for page in reader.pages for word in page.extract_text().split()}


def test_dates_ids_and_header_words_are_never_broken_in_the_pdf(engine):
    evaluation = engine.evaluate_file(DATA / "reports" / "advanced.yaml")
    rendered = render_report(ReportFormat.pdf, evaluation, "nl", chart_name="x.svg",
                             appendix=True)
    found = words(pypdf.PdfReader(io.BytesIO(rendered.data)))
    answers = evaluation.answers
    dates = {action.due.isoformat() for action in answers.actions if action.due}
    ids = {question.id for question in engine.questions.questions
           if answers.answers.get(question.id) is not None}
    assert dates and ids
    assert dates - found == set()
    assert ids - found == set()
    assert {"Uiterlijk", "Toelichting", "Eigenaar"} - found == set()


def test_a_table_without_header_cells_has_no_header_row():
    table = next(block for block in blocks(HEADERLESS) if block.kind == "table")
    assert (table.header, table.rows) == (
        False, [["Samenwerking", "Rivierstad"], ["Datum", "2026-11-28"]])
    document = docx.Document(io.BytesIO(render_office_document(
        HEADERLESS, "nl", "docx", title="Proef", when=WHEN)))
    rows = document.tables[0].rows
    assert [[cell.text for cell in row.cells] for row in rows] == table.rows
    assert "w:tblHeader" not in rows[0]._tr.xml
    assert not any(run.bold for run in rows[0].cells[0].paragraphs[0].runs)
    contents = b"".join(page.get_contents().get_data() for page in pdf(HEADERLESS).pages)
    assert HEADER_FILL not in contents


def test_a_table_with_a_header_keeps_it_bold_and_repeated():
    document = docx.Document(io.BytesIO(render_office_document(
        HEADED, "nl", "docx", title="Proef", when=WHEN)))
    first = document.tables[0].rows[0]
    assert "w:tblHeader" in first._tr.xml and first.cells[0].paragraphs[0].runs[0].bold
    contents = b"".join(page.get_contents().get_data() for page in pdf(HEADED).pages)
    assert HEADER_FILL in contents


def test_a_cell_longer_than_a_page_flows_over_pages():
    note = " ".join(f"woord{number}" for number in range(1400))[:9_996]
    last = note.split()[-1]
    reader = pdf(f"| id | Toelichting |\n|---|---|\n| vast_overleg | {note} |\n")
    assert len(reader.pages) > 1
    text = " ".join(page.extract_text() for page in reader.pages)
    assert re.search(rf"\b{last}\b", text)
    # The header row stands on every page the table runs over.
    assert all("Toelichting" in page.extract_text() for page in reader.pages)
