"""Answers workbooks that unpack to far more than they weigh, made from the program's template.

Each builder takes the template's bytes and a size, and returns the bytes of a workbook
that crosses one bound of ``sources.xlsx_parts``. The bad-input corpus uses small sizes
(just over each bound, made in milliseconds); ``benchmarks/run.py`` uses the sizes a
review found (a 190 KB file with millions of cells, 2.9 million shared strings, a million
rows), which took 13 to 25 seconds and up to 1.2 GB before. Cells without a reference
(``<c/>``) and rows without a number repeat exactly, so deflate packs them tightly.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from collections.abc import Callable

QUESTIONS_SHEET = "xl/worksheets/sheet2.xml"
LISTS_SHEET = "xl/worksheets/sheet3.xml"
RELATIONS = "xl/_rels/workbook.xml.rels"
TYPES = "[Content_Types].xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@functools.cache
def template() -> bytes:
    """The blank answers workbook of the shipped question set, as the program writes it."""
    from stimulering.report.common import pillar_name
    from stimulering.report.workbook_template import render_template_workbook
    from stimulering.sources.engine import load

    engine = load()
    names = {p.id: pillar_name(engine.model, p.id, "nl") for p in engine.model.pillars}
    return render_template_workbook(engine.questions, engine.sha256, "nl",
                                    dt.date(2026, 11, 28), names)


def rewrite(workbook: bytes, changes: dict[str, Callable[[bytes], bytes]],
            added: dict[str, bytes] | None = None) -> bytes:
    """``workbook`` with some parts changed and some added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, changes.get(info.filename, lambda d: d)(data))
        for name, data in (added or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def _sheet(rows: str) -> bytes:
    return f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'.encode()


def many_cells(workbook: bytes, rows: int, columns: int) -> bytes:
    """The hidden lists sheet full of empty cells: ``rows`` rows of ``columns`` each."""
    row = "<row>" + "<c/>" * columns + "</row>"
    return rewrite(workbook, {LISTS_SHEET: lambda _: _sheet(row * rows)})


def many_rows(workbook: bytes, rows: int, part: str = QUESTIONS_SHEET) -> bytes:
    """``rows`` rows of one cell more after the rows of a sheet."""
    extra = ('<row><c t="inlineStr"><is><t>x</t></is></c></row>' * rows).encode()
    return rewrite(workbook, {part: lambda data: data.replace(b"</sheetData>",
                                                             extra + b"</sheetData>")})


def shared_strings(workbook: bytes, count: int) -> bytes:
    """A table of ``count`` shared strings that no cell uses."""
    table = (f'<sst xmlns="{MAIN}" count="{count}" uniqueCount="{count}">'
             + "<si><t>x</t></si>" * count + "</sst>").encode()
    relation = (b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships/sharedStrings" Target="sharedStrings.xml" Id="rId99"/>')
    kind = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    return rewrite(workbook, {
        RELATIONS: lambda data: data.replace(b"</Relationships>", relation + b"</Relationships>"),
        TYPES: lambda data: data.replace(b"</Types>", kind + b"</Types>")},
        {"xl/sharedStrings.xml": table})


def wide_dimension(workbook: bytes) -> bytes:
    """The lists sheet saying it spans every cell a spreadsheet can have."""
    return rewrite(workbook, {LISTS_SHEET: lambda data: data.replace(
        b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>', 1)})


def many_elements(workbook: bytes, count: int) -> bytes:
    """Styles with ``count`` cell formats."""
    return rewrite(workbook, {"xl/styles.xml": lambda data: data.replace(
        b"</styleSheet>", b"<extLst>" + b"<ext/>" * count + b"</extLst></styleSheet>")})


def entity(workbook: bytes) -> bytes:
    """A sheet that declares an entity, as a "billion laughs" document does."""
    declared = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>'
    return rewrite(workbook, {LISTS_SHEET: lambda data: declared + data})


def filled(workbook: bytes) -> bytes:
    """The template with who answers filled in, as a partner returns it unanswered."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(workbook))
    for row, value in ((2, "Rivierstad"), (3, "Stroomnet"), (4, "netbeheerder"),
                       (5, "tactisch")):
        book["Respondent"].cell(row=row, column=3).value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def at_the_bounds(workbook: bytes) -> bytes:
    """A filled workbook whose lists sheet reaches row 5,000 and column AN, within the cells."""
    row = "<row>" + "<c/>" * 19 + "</row>"
    wide = '<row r="5000">' + "<c/>" * 39 + '<c r="AN5000"/></row>'
    return rewrite(filled(workbook), {LISTS_SHEET: lambda _: _sheet(row * 4999 + wide)})
