"""Every output format, opened as a reader's own tool opens it, and checked for hostile text.

``FORMATS`` lists each command's ``--format`` enum with the arguments that make one
file of it; ``read`` turns what a format wrote into the text a reader sees (markdown
rendered, HTML parsed, the Word document's paragraphs and cells, the PDF's extracted
text, the workbook's cells, ...) and checks what only that format can get wrong: raw
HTML in markdown, a script in the page, a formula cell in a workbook or CSV. A new
format without a reader here fails the tests that use it.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from stimulering.report.formats import (
    AssessFormat,
    CompareFormat,
    ProgressFormat,
    ReportFormat,
)
from stimulering.sanitise import is_hidden

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CORPUS = {
    "control": "Pol\x01der\x00dam\x7f",
    "escape": "Duin\x1b[2J\x1b]0;titel\x07\x9b1Kwijk",
    "bidi": "Polder\u202eigerd\u200b\ufeff",
    "separators": "Lijn\u2028alinea\u2029volgende\x85regel",
    "formula": '=HYPERLINK("https://kwaad.example","klik")',
    "plus": "+31 6 1234 5678",
    "at": "@SUM(A1:A9)",
    "markup": "<script>alert(1)</script> | *vet* # kop `code` [x](javascript:y) [/bold]",
    "xml": "a & b < c > d \" ' ]]> &amp;",
}
"""Hostile texts: each must reach every output as the text it was, and obey nothing."""

SHOWN = {
    "control": ["Pol<U+0001>der<U+0000>dam<U+007F>"],
    "escape": ["Duin<U+001B>[2J<U+001B>]0;titel<U+0007><U+009B>1Kwijk"],
    "bidi": ["Polder<U+202E>igerd<U+200B><U+FEFF>"],
    "formula": ['=HYPERLINK("https://kwaad.example","klik")'],
    "plus": ["+31 6 1234 5678"],
    "at": ["@SUM(A1:A9)"],
}
"""How a reader sees some of them: hidden characters as their code points."""


def hidden_characters(text: str) -> list[str]:
    """The characters in ``text`` a terminal would act on or not show (line breaks allowed)."""
    return sorted({f"U+{ord(c):04X}" for c in text if c not in "\n\t" and is_hidden(c)})


def assert_inert(text: str, where: str) -> None:
    """Nothing in ``text`` acts on a terminal or hides itself."""
    assert hidden_characters(text) == [], f"{where}: hidden characters {hidden_characters(text)}"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _markdown(data: bytes) -> str:
    from markdown_it import MarkdownIt

    text = data.decode("utf-8")
    tokens = MarkdownIt("commonmark").enable(["table"]).parse(text)
    kinds = {token.type for token in tokens} | {
        child.type for token in tokens for child in token.children or []}
    assert not kinds & {"html_inline", "html_block"}, "user text became raw HTML"
    assert_inert(text, "markdown")
    return _html(MarkdownIt("commonmark").enable(["table"]).render(text).encode("utf-8"))


def _html(data: bytes) -> str:
    text = data.decode("utf-8")
    page = _Page()
    page.feed(text)
    assert "script" not in page.tags and page.handlers == [], "user text became markup"
    assert_inert(text, "html")
    return " ".join(page.text)


def _json(data: bytes) -> str:
    text = data.decode("utf-8")
    assert_inert(text, "json")
    json.loads(text)
    return text


def _plain(data: bytes) -> str:
    text = data.decode("utf-8")
    assert_inert(text, "text")
    return text


def _csv(data: bytes) -> str:
    text = data.decode("utf-8")
    assert_inert(text.replace("\r", ""), "csv")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)], \
        "a CSV cell that a spreadsheet runs as a formula"
    return "\n".join(cell.removeprefix("'") for cell in cells)


def _svg(data: bytes) -> str:
    text = data.decode("utf-8")
    assert_inert(text, "svg")
    root = ET.fromstring(text)
    return " ".join(root.itertext())


def _docx(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    texts = [document.core_properties.title or ""]
    texts += [paragraph.text for paragraph in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join(texts)
    assert_inert(text, "docx")
    return text


def _pdf(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    texts = [str((reader.metadata or {}).get("/Title", ""))]
    texts += [page.extract_text() for page in reader.pages]
    text = "\n".join(texts)
    assert_inert(text, "pdf")
    return text


def _xlsx(data: bytes) -> str:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    texts = [book.properties.title or ""]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"a formula in {sheet.title}!{cell.coordinate}"
                if isinstance(cell.value, str):
                    if cell.value.startswith(FORMULA_START):
                        assert cell.quotePrefix, f"{sheet.title}!{cell.coordinate} may run"
                    texts.append(cell.value)
    text = "\n".join(texts)
    assert_inert(text, "xlsx")
    return text


READERS: dict[str, Callable[[bytes], str]] = {
    "markdown": _markdown, "html": _html, "json": _json, "text": _plain, "table": _plain,
    "csv": _csv, "svg": _svg, "docx": _docx, "pdf": _pdf, "xlsx": _xlsx,
}
"""Per format name: what a reader sees of a file of that format, after its own checks."""


def read(kind: str, path: Path) -> str:
    """What a reader sees in ``path``, a file of format ``kind``."""
    return READERS[kind](path.read_bytes())


COMMANDS = {"report": ReportFormat, "assess": AssessFormat, "compare": CompareFormat,
            "progress": ProgressFormat}
"""The commands that show what answers files hold, with their formats."""


def every_output() -> list[tuple[str, str]]:
    """Every (command, format) pair of the commands that show answers files."""
    return [(command, member.value) for command, formats in COMMANDS.items()
            for member in formats]


def arguments(command: str, kind: str, files: list[Path], target: Path) -> list[str]:
    """The command line that writes ``target`` in format ``kind`` from ``files``."""
    names = [str(path) for path in files]
    if command == "assess":
        return ["assess", "--answers", names[0], "--format", kind, "--output", str(target)]
    if command == "report":  # one file: the single report (several make the coalition view)
        names = names[:1]
    return [command, *names, "--format", kind, "-o", str(target), "--force"]
