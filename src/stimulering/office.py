"""What the spreadsheet, Word and PDF files have in common: optional libraries, safe cells, zips.

The libraries behind these files are imported here, inside functions, and only
when such a file is read or written: ``stimulering --help`` and scoring a YAML
file never load them. python-docx and fpdf2 are optional extras; when one is
missing, the user gets a message naming the extra to install instead of a
traceback.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from types import ModuleType
from typing import Any

from stimulering.errors import StimuleringError
from stimulering.sanitise import visible

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The time stamp written on every member of a zip we make, so that output is reproducible."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""How a cell text that a spreadsheet might take for a formula starts."""


def office_text(text: str) -> str:
    """User text as a workbook, Word document or PDF holds it: hidden characters as code points.

    The rule of the terminal (``sanitise.visible``) holds here too, on every path: a
    control, bidi or zero-width character shows as ``<U+0001>``, tab and line break stay.
    docx and xlsx are XML, which cannot hold most control characters at all; a title or
    a cell with one would otherwise stop the library with a traceback.
    """
    return visible(text)


class MissingExtraError(StimuleringError):
    """An optional library is not installed."""


def require(module: str, extra: str, what: str) -> ModuleType:
    """Import ``module``, or say which extra of stimulering brings it, and how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{what} needs the optional package of stimulering's '{extra}' extra; install it "
            f"with: {install_command(extra)}") from None


EXTRAS = {"docx": ("python-docx>=1.1,<2",), "pdf": ("fpdf2>=2.8,<3",)}
"""The packages of each extra, for when the installed metadata cannot say."""


def install_command(extra: str, direct_url: str | None = None,
                    requires: list[str] | None = None) -> str:
    """A pip command that installs ``extra`` for stimulering as it is installed.

    Installed from a folder (a clone): that folder with the extra, editable when it is.
    Otherwise (a wheel, an index): the extra's packages themselves, which always works.
    ``direct_url`` and ``requires`` are the installed metadata (read when not given).
    """
    import json
    from importlib import metadata
    from urllib.parse import unquote, urlparse

    if direct_url is None and requires is None:
        try:
            installed = metadata.distribution("stimulering")
            direct_url, requires = installed.read_text("direct_url.json"), installed.requires
        except metadata.PackageNotFoundError:
            pass
    origin = json.loads(direct_url) if direct_url else {}
    url = urlparse(str(origin.get("url", "")))
    if "dir_info" in origin and url.scheme == "file":
        editable = "-e " if origin["dir_info"].get("editable") else ""
        return f'pip install {editable}"{unquote(url.path)}[{extra}]"'
    marker = (f"extra == '{extra}'", f'extra == "{extra}"')
    packages = [line.split(";")[0].strip() for line in requires or []
                if any(m in line for m in marker)] or list(EXTRAS.get(extra, ()))
    return "pip install " + " ".join(f'"{package}"' for package in packages)


def reproducible_zip(data: bytes) -> bytes:
    """The same zip with fixed time stamps, so that equal input gives equal bytes.

    xlsx and docx files are zips, which their libraries stamp with the clock.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def put(sheet: Any, row: int, column: int, value: object, **style: Any) -> Any:
    """Write ``value`` into a cell; text always stays text, never a formula.

    openpyxl writes any text starting with ``=`` as a formula, and spreadsheets run
    text starting with ``+``, ``-`` or ``@`` as one when it is edited. Text from
    answers files is written as a string cell, and such text is also marked with a
    quote prefix, the spreadsheet's own sign for "this is text".
    """
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        value = office_text(value)
        cell.value = value
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
    else:
        cell.value = value
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def workbook_bytes(workbook: Any) -> bytes:
    """A workbook saved to bytes, reproducibly."""
    from openpyxl.writer.excel import ExcelWriter

    # ``Workbook.save`` stamps the document with the clock; its writer does not.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return reproducible_zip(buffer.getvalue())


def new_workbook(title: str, when: Any) -> Any:
    """An empty openpyxl workbook with document properties that do not depend on the clock."""
    import datetime as dt

    from openpyxl import Workbook

    workbook = Workbook()
    stamp = dt.datetime.combine(when, dt.time()) if isinstance(when, dt.date) else when
    workbook.properties.creator = "stimulering"
    workbook.properties.title = office_text(title)
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    return workbook
