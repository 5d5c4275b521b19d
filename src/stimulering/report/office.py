"""The report as a Word document (docx) or an A4 PDF, for a steering group.

Both are made from the very markdown report (handed in), parsed with markdown-it-py (raw
HTML off) into a few kinds of block: headings, paragraphs of plain and bold
text, list items, tables and the chart. User text was escaped in the markdown,
so it arrives here as the literal text it was, never as markup. The executive
summary comes first and gets a page of its own. The chart is the SVG of ``svg``,
which fpdf2 draws into the PDF as vectors, and in Word a PNG that Pillow draws
(``picture``); the chart's title and legend are its caption.

python-docx and fpdf2 are optional extras (``docx`` and ``pdf``): they are imported
only here, through ``office.require``, which says how to install a missing one.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from stimulering.i18n import label
from stimulering.office import office_text, reproducible_zip, require
from stimulering.report.svg import Figure, radar_svg

A4_WIDTH_MM = 210
A4_HEIGHT_MM = 297
MARGIN_MM = 18


@dataclass(frozen=True)
class Run:
    """A piece of text in one style; a text of one line break is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass
class Block:
    """One block of the document."""

    kind: str
    """heading, paragraph, item, table, chart or page_break."""
    level: int = 0
    """Heading level (1-3), or the nesting depth of a list item (1 = top)."""
    runs: list[Run] = field(default_factory=list)
    number: int | None = None
    """The number of an ordered list item."""
    rows: list[list[str]] = field(default_factory=list)
    """A table's rows of cell texts, the header first (when it has one)."""
    header: bool = True
    """Whether a table's first row is its header; markdown tables whose header cells are
    all empty have none."""
    align: list[str] = field(default_factory=list)
    """Per column of a table: left, right or center."""

    @property
    def text(self) -> str:
        """The block's text without styles."""
        return "".join(run.text for run in self.runs)


def _runs(token: Token) -> list[Run]:
    runs: list[Run] = []
    bold = italic = False
    for child in token.children or []:
        if child.type == "strong_open":
            bold = True
        elif child.type == "strong_close":
            bold = False
        elif child.type == "em_open":
            italic = True
        elif child.type == "em_close":
            italic = False
        elif child.type == "text":
            runs.append(Run(child.content, bold, italic))
        elif child.type == "code_inline":
            runs.append(Run(child.content, bold, italic, code=True))
        elif child.type == "softbreak":
            runs.append(Run(" ", bold, italic))
        elif child.type == "hardbreak":
            runs.append(Run("\n", bold, italic))
    return runs


def blocks(markdown: str) -> list[Block]:
    """The markdown report as blocks; a page break after the first section (the summary)."""
    tokens = MarkdownIt("commonmark", {"html": False}).enable(["table"]).parse(markdown)
    out: list[Block] = []
    lists: list[list[int]] = []  # per open list: [ordered (0/1), next number]
    table: Block | None = None
    sections = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
            if level == 2:
                sections += 1
                if sections == 2:
                    out.append(Block("page_break"))
            out.append(Block("heading", level, _runs(tokens[index + 1])))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1)
            lists.append([int(kind == "ordered_list_open"), start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "table_open":
            table = Block("table")
        elif kind == "table_close" and table is not None:
            # GFM needs a header row; one of empty cells is no header, and is left out.
            if not any(text.strip() for text in table.rows[0]):
                table.rows = table.rows[1:]
                table.header = False
            if table.rows:
                out.append(table)
            table = None
        elif kind == "tr_open" and table is not None:
            table.rows.append([])
        elif kind in ("th_open", "td_open") and table is not None:
            if not table.rows[1:]:
                style = str(token.attrGet("style") or "")
                table.align.append("right" if "right" in style else
                                   "center" if "center" in style else "left")
        elif kind == "inline" and table is not None:
            table.rows[-1].append("".join(run.text for run in _runs(token)))
        elif kind == "inline" and tokens[index - 1].type == "paragraph_open":
            runs = _runs(token)
            if any(child.type == "image" for child in token.children or []):
                out.append(Block("chart"))
                continue
            if lists and tokens[index - 2].type == "list_item_open":
                ordered, number = lists[-1]
                lists[-1][1] += 1
                out.append(Block("item", len(lists), runs, number if ordered else None))
            elif lists:  # a second paragraph of a list item
                out.append(Block("item", len(lists), runs))
            else:
                out.append(Block("paragraph", runs=runs))
    return out


def render_office_document(markdown: str, lang: str, kind: str, *, title: str, when: dt.date,
                           figure: Figure | None = None) -> bytes:
    """A markdown report as docx or pdf bytes, with ``figure`` as its chart when given."""
    content = blocks(markdown)
    if kind == "docx":
        return _docx(content, lang, title, when, figure)
    return _pdf(content, lang, title, when, figure)


# --- Word ---------------------------------------------------------------------------------


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in a paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _docx(content: list[Block], lang: str, title: str, when: dt.date,
          figure: Figure | None) -> bytes:
    docx = require("docx", "docx", "--format docx")
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = docx.Document()
    stamp = dt.datetime.combine(when, dt.time())
    properties = document.core_properties
    properties.title = office_text(title)
    properties.author = "stimulering"
    properties.last_modified_by = "stimulering"
    properties.created = stamp
    properties.modified = stamp
    properties.revision = 1
    properties.language = lang
    section = document.sections[0]
    section.page_width, section.page_height = Mm(A4_WIDTH_MM), Mm(A4_HEIGHT_MM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = label(lang, "report.page", page="\0", pages="\1").partition("\0")
    middle, _, after = rest.partition("\1")
    footer.add_run(before)
    _field(footer, "PAGE")
    footer.add_run(middle)
    _field(footer, "NUMPAGES")
    footer.add_run(after)
    document.styles["Normal"].font.size = Pt(10)
    width = Mm(A4_WIDTH_MM - 2 * MARGIN_MM)

    def add_runs(paragraph: Any, runs: Sequence[Run]) -> None:
        for run in runs:
            if run.text == "\n":
                paragraph.add_run().add_break()
                continue
            added = paragraph.add_run(office_text(run.text))
            added.bold = run.bold or None
            added.italic = run.italic or None
            if run.code:
                added.font.name = "Consolas"

    for block in content:
        if block.kind == "heading":
            document.add_heading(office_text(block.text),
                                 level=block.level - 1 if block.level > 1 else 0)
        elif block.kind == "paragraph":
            add_runs(document.add_paragraph(), block.runs)
        elif block.kind == "item":
            style = "List Bullet" if block.level == 1 else "List Bullet 2"
            paragraph = document.add_paragraph(style=style if block.number is None
                                               else "List Paragraph")
            if block.number is not None:
                paragraph.add_run(f"{block.number}. ")
            add_runs(paragraph, block.runs)
        elif block.kind == "page_break":
            document.add_page_break()
        elif block.kind == "chart" and figure is not None:
            from stimulering.report.picture import radar_png

            picture = radar_png(figure.charts, lang=lang, threshold=figure.threshold)
            document.add_picture(io.BytesIO(picture), width=width)
            caption = document.add_paragraph()
            caption.add_run(office_text(figure.title)).bold = True
            caption.add_run(office_text(f" — {figure.legend}")).italic = True
        elif block.kind == "table":
            columns = max(len(row) for row in block.rows)
            table = document.add_table(rows=len(block.rows), cols=columns)
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    paragraph = cell.paragraphs[0]
                    heading = r == 0 and block.header
                    paragraph.add_run(office_text(text)).bold = heading or None
                    if c < len(block.align) and block.align[c] == "right":
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if block.header:
                # The header row repeats on every page the table runs over.
                header = table.rows[0]._tr.get_or_add_trPr()
                repeat = OxmlElement("w:tblHeader")
                repeat.set(qn("w:val"), "true")
                header.append(repeat)
            document.add_paragraph()
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


# --- PDF ----------------------------------------------------------------------------------

_PDF_SYMBOLS = {"✓": "•", "◀": "«", "◎": "»", "→": "»", "≥": ">=", "≤": "<=", "∞": "oo"}
"""Characters of the report the PDF's standard font lacks, and what stands for them."""


def pdf_text(text: str) -> str:
    """Text as the PDF's standard font (Helvetica, Windows-1252) can show it.

    Hidden characters first become their code points (``office.office_text``), as in
    every other output; then the report's own symbols get their stand-ins, and any
    other character the font lacks a "?".
    """
    out = []
    for char in office_text(text):
        char = _PDF_SYMBOLS.get(char, char)
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            char = "?"
        out.append(char)
    return "".join(out)


def pdf_svg(svg: str) -> bytes:
    """The chart's SVG as fpdf2 draws it: as vectors, its letters in the PDF's font.

    fpdf2 measures and writes the text of an SVG with the standard font's table, which
    is indexed by the byte of each character in that font's encoding (Windows-1252),
    so every text goes through ``pdf_text`` and is given by that byte. The ``<title>``
    goes: fpdf2 has no use for it and would log a warning on the way.
    """
    svg = re.sub(r"<title\b[^>]*>.*?</title>", "", svg, flags=re.DOTALL)
    svg = re.sub(r">([^<]+)<", lambda found: ">" + pdf_text(found.group(1)).encode(
        "cp1252").decode("latin-1") + "<", svg)
    return svg.encode("utf-8")


def _pdf(content: list[Block], lang: str, title: str, when: dt.date,
         figure: Figure | None) -> bytes:
    fpdf = require("fpdf", "pdf", "--format pdf")
    from fpdf.enums import TableCellFillMode
    from fpdf.fonts import FontFace

    page_label = label(lang, "report.page", page="{page}", pages="{nb}")

    class Document(fpdf.FPDF):  # type: ignore[misc,name-defined]
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("helvetica", size=8)
            self.set_text_color(110, 120, 130)
            self.cell(0, 6, pdf_text(page_label.replace("{page}", str(self.page_no()))),
                      align="C")
            self.set_text_color(0, 0, 0)

    pdf = Document(orientation="portrait", unit="mm", format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_MM)
    pdf.set_title(pdf_text(title))
    pdf.set_author("stimulering")
    pdf.set_creator("stimulering")
    pdf.set_lang(lang)
    pdf.set_creation_date(dt.datetime.combine(when, dt.time(), tzinfo=dt.timezone.utc))
    pdf.add_page()
    width = pdf.epw
    sizes = {1: 17, 2: 13.5, 3: 11.5}

    def write_runs(runs: Sequence[Run], height: float) -> None:
        for run in runs:
            if run.text == "\n":
                pdf.ln(height)
                continue
            style = ("B" if run.bold else "") + ("I" if run.italic else "")
            pdf.set_font("courier" if run.code else "helvetica", style=style, size=9.5)
            pdf.write(height, pdf_text(run.text))
        pdf.set_font("helvetica", size=9.5)
        pdf.ln(height)

    for block in content:
        if block.kind == "heading":
            # A heading stays with what follows: start a new page when little room is left.
            if pdf.get_y() > pdf.h - MARGIN_MM - 35:
                pdf.add_page()
            pdf.ln(3 if block.level > 1 else 0)
            pdf.set_font("helvetica", style="B", size=sizes.get(block.level, 10))
            pdf.multi_cell(width, sizes.get(block.level, 10) * 0.5, pdf_text(block.text))
            pdf.ln(1.5)
        elif block.kind == "paragraph":
            write_runs(block.runs, 4.5)
            pdf.ln(1.2)
        elif block.kind == "item":
            indent = 5 * block.level
            pdf.set_left_margin(MARGIN_MM + indent)
            pdf.set_x(MARGIN_MM + indent - 4)
            pdf.set_font("helvetica", size=10)
            pdf.cell(4, 4.5, f"{block.number}." if block.number is not None else "•")
            write_runs(block.runs, 4.5)
            pdf.set_left_margin(MARGIN_MM)
            pdf.ln(0.5)
        elif block.kind == "page_break":
            pdf.add_page()
        elif block.kind == "chart" and figure is not None:
            svg = radar_svg(figure.title, figure.charts, lang=lang, threshold=figure.threshold,
                            bare=True)
            pdf.image(io.BytesIO(pdf_svg(svg)), w=width)
            pdf.set_font("helvetica", style="I", size=8.5)
            pdf.multi_cell(width, 4.2, pdf_text(f"{figure.title} — {figure.legend}"))
            pdf.ln(2)
        elif block.kind == "table":
            _pdf_table(pdf, block, width, FontFace, TableCellFillMode)
            pdf.ln(2)
    return bytes(pdf.output())


TABLE_FONT_SIZE = 8.5
TABLE_LINE_MM = 4.2
MINIMUM_COLUMN_MM = 8.0


def _pdf_table(pdf: Any, block: Block, width: float, face: Any, fill_mode: Any) -> None:
    """A table whose columns keep words whole and whose rows flow over pages.

    fpdf2 draws a table row on one page; a row taller than a page (a note of thousands
    of characters) is split into rows that go on where the one before stops.
    """
    columns = max(len(row) for row in block.rows)
    given = [[pdf_text(text) for text in (row + [""] * columns)[:columns]]
             for row in block.rows]
    widths = column_widths(pdf, given, width, header=block.header)
    # What one row may take: a page, less the margins and the header repeated on it.
    room = pdf.h - 2 * MARGIN_MM - 3 * TABLE_LINE_MM
    rows = given[:1] if block.header else []
    for row in given[1 if block.header else 0:]:
        rows += _row_pieces(pdf, row, widths, room)
    align = tuple({"right": "RIGHT", "center": "CENTER"}.get(a, "LEFT")
                  for a in (block.align + ["left"] * columns)[:columns])
    pdf.set_font("helvetica", size=TABLE_FONT_SIZE)
    with pdf.table(col_widths=tuple(widths), text_align=align, line_height=TABLE_LINE_MM,
                   width=width, first_row_as_headings=block.header,
                   repeat_headings=1 if block.header else 0, cell_fill_mode=fill_mode.ROWS,
                   cell_fill_color=(245, 247, 250),
                   headings_style=face(emphasis="BOLD", fill_color=(221, 230, 238))) as table:
        for row in rows:
            cells = table.row()
            for text in row:
                cells.cell(text)


def column_widths(pdf: Any, rows: list[list[str]], width: float, *,
                  header: bool = True) -> list[float]:
    """Widths of a table's columns in millimetres, together ``width``.

    Each column is at least as wide as its longest word (a date, an id, a header word),
    so that no word is broken, as long as the columns fit; what is left goes to the
    columns by how much text they hold (the root of their total, so that one long
    cell does not starve the rest).
    """
    columns = len(rows[0])
    padding = 2 * pdf.c_margin + 0.6
    least = [MINIMUM_COLUMN_MM] * columns
    text = [0] * columns
    for index, row in enumerate(rows):
        pdf.set_font("helvetica", style="B" if header and index == 0 else "",
                     size=TABLE_FONT_SIZE)
        for column, cell in enumerate(row):
            for word in cell.split():
                least[column] = max(least[column], pdf.get_string_width(word) + padding)
            text[column] += len(cell)
    # A word wider than half the table is broken: it may not squeeze the other columns.
    least = [min(need, width / 2) for need in least]
    if sum(least) >= width:  # still too wide: each column its least, the rest shared
        extra = [need - MINIMUM_COLUMN_MM for need in least]
        room = width - MINIMUM_COLUMN_MM * columns
        if room <= 0 or not sum(extra):
            return [width / columns] * columns
        return [MINIMUM_COLUMN_MM + room * more / sum(extra) for more in extra]
    weights = [math.sqrt(total) for total in text]
    spare = width - sum(least)
    if not sum(weights):
        return [need + spare / columns for need in least]
    return [need + spare * weight / sum(weights) for need, weight in zip(least, weights,
                                                                          strict=True)]


def _row_pieces(pdf: Any, row: list[str], widths: list[float], room: float) -> list[list[str]]:
    """``row`` as one row, or as several when its text is taller than ``room``."""
    most = max(int(room // TABLE_LINE_MM), 1)
    pdf.set_font("helvetica", size=TABLE_FONT_SIZE)
    usable = [column - 2 * pdf.c_margin for column in widths]
    # Wrapping at words takes at most about half a line more per line than the text is
    # wide: a row well within the room needs no measuring line by line.
    if all(1.5 * pdf.get_string_width(text) / room_width + text.count("\n") + 2 <= most
           for text, room_width in zip(row, usable, strict=True)):
        return [row]
    lines = [pdf.multi_cell(room_width, TABLE_LINE_MM, text, dry_run=True,
                            output="LINES") if text else []
             for text, room_width in zip(row, usable, strict=True)]
    tallest = max(len(cell) for cell in lines)
    if tallest <= most:
        return [row]
    return [[" ".join(cell[start:start + most]) for cell in lines]
            for start in range(0, tallest, most)]
