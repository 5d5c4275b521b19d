"""An xlsx file checked part by part before openpyxl reads it, then read in read-only mode.

A workbook is a zip of XML parts, and a small file can hold a great deal: a few hundred
kilobytes unpack to millions of cells or shared strings, which openpyxl would build one
by one (a 190 KB file took 23 s and 1.2 GB). So the zip's directory is checked first
(how many parts, how large each unpacks to: zipfile never gives more than a part says),
then every XML part is read as a stream that stops at the first bound it crosses: the
shared strings, each sheet's rows, columns and cells (and its declared dimension), and
the elements of every other part. Only then does openpyxl open the workbook, in read-only
mode, and each sheet that is used is read once, row by row, within the extent the scan
found. The scan refuses document type declarations, so no entity can expand either.
"""

from __future__ import annotations

import io
import posixpath
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from stimulering.errors import InvalidInputError, Problem, invalid
from stimulering.sanitise import one_line

MAX_WORKBOOK_BYTES = 5 * 1024 * 1024
"""Largest workbook read; a filled-in answers workbook is some tens of kilobytes."""
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
"""Largest total an xlsx may unpack to (a zip bomb unpacks to far more)."""
MAX_PART_BYTES = 16 * 1024 * 1024
"""Largest size one part may unpack to."""
MAX_MEMBERS = 500
MAX_ROWS = 5000
MAX_COLUMNS = 40
MAX_CELLS = 100_000
"""Most cells in all sheets together; the template has about 500."""
MAX_SHARED_STRINGS = 100_000
MAX_ELEMENTS = 200_000
"""Most XML elements in all the other parts together (styles, properties, drawings, ...)."""

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PACKAGE_RELATIONS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REFERENCE = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")


@dataclass(frozen=True)
class CellProblem(Problem):
    """A problem in a workbook, located by sheet and cell instead of line and column."""

    sheet: str | None = None
    """The name of the sheet, as the workbook has it."""
    cell: str | None = None
    """The cell (``C14``) or range (``C14:C15``)."""

    def __str__(self) -> str:
        where = self.file
        if self.sheet is not None:
            where += f", sheet '{self.sheet}'"
        if self.cell is not None:
            where += f", cell {self.cell}"
        if self.item_id:
            where += f" (question {self.item_id})"
        return one_line(f"{where}: {self.message}")


class _OutOfBounds(Exception):
    def __init__(self, message: str, sheet: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.sheet = sheet


@dataclass
class Extent:
    """What the scan found in one sheet: how far it reaches, and its merged ranges."""

    rows: int = 0
    columns: int = 0
    merged: list[str] = field(default_factory=list)


def column_number(letters: str) -> int:
    """``"C"`` as 3, ``"AB"`` as 28."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """3 as ``"C"``, 28 as ``"AB"``."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _stream(archive: zipfile.ZipFile, name: str, start: Callable[[str, dict[str, str]], None],
            ) -> None:
    """Read the XML part ``name`` as a stream, calling ``start`` for every element."""
    parser = expat.ParserCreate(namespace_separator=" ")

    def declared(*_: object) -> None:
        raise _OutOfBounds(f"part {name} declares a document type; an xlsx part does not")

    parser.StartDoctypeDeclHandler = declared
    parser.EntityDeclHandler = declared
    parser.StartElementHandler = start
    with archive.open(name) as stream:
        while chunk := stream.read(1 << 16):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)


def _local(tag: str) -> str:
    return tag.rpartition(" ")[2]


def _target(base: str, target: str) -> str:
    """A relationship's target as a path in the zip."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _relations(archive: zipfile.ZipFile, part: str, names: set[str]) -> dict[str, tuple[str, str]]:
    """The relationships of ``part``: id -> (type, path in the zip)."""
    path = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    found: dict[str, tuple[str, str]] = {}
    if path not in names:
        return found

    def start(tag: str, attributes: dict[str, str]) -> None:
        if tag == f"{_PACKAGE_RELATIONS} Relationship":
            found[attributes.get("Id", "")] = (attributes.get("Type", ""),
                                               _target(part, attributes.get("Target", "")))

    _stream(archive, path, start)
    return found


class _Scan:
    """One pass over the parts of a workbook, stopping at the first bound crossed."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = {member.filename for member in archive.infolist()}
        self.cells = 0
        self.elements = 0
        self.extents: dict[str, Extent] = {}

    def run(self) -> dict[str, Extent]:
        root = _relations(self.archive, "", self.names)
        workbook = next((path for kind, path in root.values()
                         if kind.endswith("/officeDocument")), "xl/workbook.xml")
        if workbook not in self.names:
            return {}  # not a workbook at all: openpyxl says what is missing
        sheets: list[tuple[str, str]] = []

        def listed(tag: str, attributes: dict[str, str]) -> None:
            self.count()
            if tag == f"{_MAIN} sheet":
                sheets.append((attributes.get("name", ""), attributes.get(f"{_RELATIONS} id", "")))

        _stream(self.archive, workbook, listed)
        relations = _relations(self.archive, workbook, self.names)
        scanned = {workbook}
        for kind, path in relations.values():
            if kind.endswith("/sharedStrings") and path in self.names:
                self.shared_strings(path)
                scanned.add(path)
        for name, relation in sheets:
            kind, path = relations.get(relation, ("", ""))
            if kind.endswith("/worksheet") and path in self.names:
                self.extents[name] = self.sheet(name, path)
                scanned.add(path)
        for path in sorted(self.names - scanned):
            if path.endswith((".xml", ".rels", ".vml")):
                _stream(self.archive, path, lambda tag, attributes: self.count())
        return self.extents

    def count(self) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise _OutOfBounds(f"holds more than {MAX_ELEMENTS:,} XML elements besides its "
                               "sheets; an answers workbook has far fewer")

    def shared_strings(self, path: str) -> None:
        found = 0

        def start(tag: str, attributes: dict[str, str]) -> None:
            nonlocal found
            if tag == f"{_MAIN} si":
                found += 1
                if found > MAX_SHARED_STRINGS:
                    raise _OutOfBounds(f"holds more than {MAX_SHARED_STRINGS:,} shared strings; "
                                       "an answers workbook has far fewer")

        _stream(self.archive, path, start)

    def sheet(self, name: str, path: str) -> Extent:
        extent = Extent()
        row = column = 0

        def reach(rows: int, columns: int) -> None:
            if rows > MAX_ROWS:
                raise _OutOfBounds(f"reaches row {rows:,}; an answers workbook has at most "
                                   f"{MAX_ROWS:,} rows", name)
            if columns > MAX_COLUMNS:
                raise _OutOfBounds(f"reaches column {column_letters(columns)}; an answers "
                                   f"workbook has at most {MAX_COLUMNS} columns", name)

        def start(tag: str, attributes: dict[str, str]) -> None:
            nonlocal row, column
            local = _local(tag)
            if local == "c":
                found = _REFERENCE.match(attributes.get("r", ""))
                column = column_number(found.group(1)) if found else column + 1
                reach(row, column)
                extent.columns = max(extent.columns, column)
                self.cells += 1
                if self.cells > MAX_CELLS:
                    raise _OutOfBounds(f"the workbook holds more than {MAX_CELLS:,} cells; an "
                                       "answers workbook has far fewer", name)
            elif local == "row":
                number = attributes.get("r", "")
                row = int(number) if number.isdigit() else row + 1
                column = 0
                reach(row, 0)
                extent.rows = max(extent.rows, row)
            elif local == "mergeCell":
                extent.merged.append(attributes.get("ref", ""))
            elif local == "dimension":
                # What the sheet says it spans: openpyxl would fill the sheet up to there.
                last = _REFERENCE.match(attributes.get("ref", "").rpartition(":")[2])
                if last:
                    reach(int(last.group(2)), column_number(last.group(1)))

        _stream(self.archive, path, start)
        return extent


def check_parts(raw: bytes, shown: str) -> dict[str, Extent]:
    """Check the workbook in ``raw`` before it is read; the extent of each sheet."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise invalid(shown, f"holds {len(members):,} parts; an xlsx workbook has far "
                                     "fewer")
            unpacked = sum(member.file_size for member in members)
            if unpacked > MAX_UNPACKED_BYTES:
                raise invalid(shown, f"unpacks to {unpacked:,} bytes; the limit is "
                                     f"{MAX_UNPACKED_BYTES:,}")
            largest = max(members, key=lambda member: member.file_size, default=None)
            if largest is not None and largest.file_size > MAX_PART_BYTES:
                raise invalid(shown, f"its part {largest.filename} unpacks to "
                                     f"{largest.file_size:,} bytes; the limit for one part is "
                                     f"{MAX_PART_BYTES:,}")
            try:
                return _Scan(archive).run()
            except _OutOfBounds as error:
                raise InvalidInputError([CellProblem(shown, error.message,
                                                     sheet=error.sheet)]) from None
            except (expat.ExpatError, zipfile.BadZipFile, KeyError, ValueError, OSError,
                    EOFError) as error:
                raise invalid(shown, f"cannot be read as an xlsx workbook ({error})") from None
    except (zipfile.BadZipFile, ValueError, OSError):
        raise invalid(shown, "is not an xlsx workbook (not a zip file); save it as an Excel "
                             "workbook (.xlsx)") from None


@dataclass(frozen=True)
class GridCell:
    """One cell as the reader needs it."""

    value: Any
    data_type: str
    coordinate: str


@dataclass(frozen=True)
class MergedRange:
    """A range of merged cells (``B10:D10``)."""

    coord: str
    min_row: int
    min_col: int


class Grid:
    """A sheet read once, row by row, within the extent the scan found."""

    def __init__(self, sheet: Any, extent: Extent) -> None:
        self.title: str = sheet.title
        self.max_row = extent.rows
        self.max_column = extent.columns
        self._cells: dict[tuple[int, int], GridCell] = {}
        if extent.rows and extent.columns:
            for row, cells in enumerate(sheet.iter_rows(min_row=1, max_row=extent.rows,
                                                        min_col=1, max_col=extent.columns),
                                        start=1):
                for column, cell in enumerate(cells, start=1):
                    if cell.value is not None:
                        self._cells[row, column] = GridCell(
                            cell.value, cell.data_type, f"{column_letters(column)}{row}")
        self.merged: list[MergedRange] = []
        for coord in extent.merged:
            found = _REFERENCE.match(coord.partition(":")[0])
            if found:
                self.merged.append(MergedRange(coord, int(found.group(2)),
                                               column_number(found.group(1))))

    def cell(self, row: int, column: int) -> GridCell:
        """The cell at ``row`` and ``column`` (1-based); an empty one where nothing stands."""
        return self._cells.get((row, column)) or GridCell(
            None, "n", f"{column_letters(column)}{row}")

    def rows(self, first: int = 1) -> Iterator[int]:
        """The row numbers from ``first`` to the last row."""
        return iter(range(first, self.max_row + 1))


class Book:
    """A checked workbook: its sheet names, and each sheet as a ``Grid`` when asked for."""

    def __init__(self, book: Any, extents: dict[str, Extent]) -> None:
        self._book = book
        self._extents = extents
        self.sheetnames: list[str] = list(book.sheetnames)
        self.properties: Any = book.properties
        """The workbook's document properties (creator, created, modified, ...)."""

    def __getitem__(self, name: str) -> Grid:
        return Grid(self._book[name], self._extents.get(name, Extent()))

    def close(self) -> None:
        """Let go of the workbook."""
        self._book.close()


def open_book(raw: bytes, shown: str) -> Book:
    """The workbook in ``raw``, checked part by part and opened read-only."""
    extents = check_parts(raw, shown)
    from openpyxl import load_workbook

    try:
        # openpyxl warns about parts it leaves out (extensions, some styles); for answers
        # only values matter, so those warnings are not the user's concern.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False,
                                 keep_links=False, keep_vba=False, rich_text=False)
    except Exception as error:  # openpyxl raises many kinds on damaged files
        reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        raise invalid(shown, f"cannot be read as an xlsx workbook ({reason})") from None
    return Book(book, extents)
