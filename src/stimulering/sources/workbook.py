"""Reading the answers workbook: an xlsx a partner fills in instead of a YAML answers file.

Its layout is in ``core.workbook_layout``; ``report.workbook_template`` writes it.
``read_workbook`` reads a filled-in workbook back into the very ``Answers`` a
YAML file gives, so that every command scores it the same way. Each value is
read by what its question asks (the dropdown's text or the value itself), and
every problem names the sheet, the cell and the question. Workbooks come from
many hands, so reading is defensive: the file is checked part by part before
openpyxl reads it (``xlsx_parts``: what it unpacks to, shared strings, rows,
columns and cells), no formulas, no merged cells where answers go, and the layout
(sheets and headers) must be as it was made.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stimulering.core.workbook_layout import (
    META_SHEET,
    OPTION_SEPARATOR,
    QUESTION_COLUMNS,
    RESPONDENT_COLUMNS,
    RESPONDENT_FIELDS,
    WORKBOOK_FORMAT,
    choices,
    dropdown_key,
    header,
    sheet_name,
    special_labels,
    tick_labels,
)
from stimulering.errors import InvalidInputError, Problem
from stimulering.i18n import label, languages
from stimulering.model import (
    LEVELS,
    ROLES,
    SCALE_VALUES,
    SPECIAL_VALUES,
    Answers,
    AnswerValue,
    Question,
    QuestionSet,
)
from stimulering.sources.locate import Document, Location, item_id_at, validate_document
from stimulering.sources.xlsx_parts import (
    MAX_WORKBOOK_BYTES,
    Book,
    CellProblem,
    Grid,
    open_book,
)
from stimulering.sources.yaml_text import read_bytes


@dataclass(frozen=True)
class WorkbookDocument(Document):
    """A workbook read into answers data, with the cell each value came from."""

    cells: Mapping[Location, tuple[str, str]] = field(default_factory=dict)
    """Where each value of ``data`` stands: location -> (sheet, cell)."""

    def locate(self, location: Location) -> tuple[int | None, int | None]:
        """Workbooks have no lines; see ``problem``."""
        return None, None

    def problem(self, location: Location, message: str, item_id: str | None = None) -> Problem:
        """A problem at ``location``, named by the sheet and cell it came from."""
        if item_id is None:
            item_id = item_id_at(self.data, location)
        for end in range(len(location), -1, -1):
            found = self.cells.get(location[:end])
            if found is not None:
                return CellProblem(self.path, message, item_id=item_id, sheet=found[0],
                                   cell=found[1])
        return CellProblem(self.path, message, item_id=item_id)


class _Reader:
    """Reads one workbook, gathering every problem before giving up."""

    def __init__(self, book: Book, shown: str, questions: QuestionSet) -> None:
        self.book = book
        self.shown = shown
        self.questions = questions
        self.problems: list[Problem] = []
        self.cells: dict[Location, tuple[str, str]] = {}

    def fail(self, sheet: str | None, cell: str | None, message: str,
             item_id: str | None = None) -> None:
        self.problems.append(CellProblem(self.shown, message, item_id=item_id, sheet=sheet,
                                         cell=cell))

    def stop(self) -> InvalidInputError:
        return InvalidInputError(self.problems)

    # --- layout ---

    def meta(self) -> dict[str, Any]:
        if META_SHEET not in self.book.sheetnames:
            self.fail(None, None, f"is not a stimulering answers workbook (it has no sheet "
                                  f"'{META_SHEET}'); make one with 'stimulering template "
                                  "--format xlsx'")
            raise self.stop()
        sheet = self.book[META_SHEET]
        if sheet.max_row > 50:
            self.fail(META_SHEET, None, f"has {sheet.max_row:,} rows; expected a few")
            raise self.stop()
        found = {str(sheet.cell(row, 1).value): sheet.cell(row, 2).value
                 for row in sheet.rows() if sheet.cell(row, 1).value is not None}
        if found.get("workbook") != WORKBOOK_FORMAT:
            self.fail(META_SHEET, None, f"workbook format {found.get('workbook')!r} is not "
                                        f"known; this version reads format {WORKBOOK_FORMAT}")
            raise self.stop()
        return found

    def sheet(self, key: str, lang: str, columns: tuple[str, ...]) -> Grid | None:
        name = sheet_name(lang, key)
        if name not in self.book.sheetnames:
            known = ", ".join(f"'{title}'" for title in self.book.sheetnames
                              if title != META_SHEET)
            self.fail(None, None, f"sheet '{name}' is missing (the workbook has {known}); "
                                  "keep the sheets as the template made them")
            return None
        sheet = self.book[name]
        ok = True
        for column, key_name in enumerate(columns, start=1):
            cell = sheet.cell(row=1, column=column)
            expected = header(lang, key_name)
            if (not isinstance(cell.value, str)
                    or dropdown_key(cell.value) != dropdown_key(expected)):
                self.fail(name, cell.coordinate, f"the header is {_shown(cell.value)}, "
                                                 f"expected '{expected}'; keep the columns as "
                                                 "the template made them")
                ok = False
        # Merged cells hide every value but the first: none may touch a column of answers.
        answers_end = len(RESPONDENT_FIELDS) + 1 if key == "respondent" else sheet.max_row
        for merged in sheet.merged:
            if merged.min_col <= 4 and merged.min_row <= answers_end:
                self.fail(name, merged.coord, "cells are merged where answers go; unmerge "
                                              "them so that every answer has its own cell")
                ok = False
        return sheet if ok else None

    # --- values ---

    def raw(self, cell: Any, sheet: str, item_id: str | None) -> tuple[bool, Any]:
        """A cell's value; ``(False, None)`` after a problem (a formula, an error value)."""
        if cell.data_type == "f" or (isinstance(cell.value, str) and cell.data_type != "s"
                                     and cell.value.startswith("=")):
            self.fail(sheet, cell.coordinate, "holds a formula; type the answer itself",
                      item_id)
            return False, None
        if cell.data_type == "e":
            self.fail(sheet, cell.coordinate, f"holds the error value {cell.value}", item_id)
            return False, None
        value = cell.value
        if isinstance(value, str):
            value = value.strip()
            return True, value or None
        return True, value

    def text(self, cell: Any, sheet: str, item_id: str | None) -> tuple[bool, str | None]:
        ok, value = self.raw(cell, sheet, item_id)
        if not ok or value is None:
            return ok, None
        if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
            self.fail(sheet, cell.coordinate, f"holds {_kind(value)}; expected text", item_id)
            return False, None
        if isinstance(value, (int, float)):
            return True, _number_text(value)
        return True, str(value)


def _shown(value: object) -> str:
    if value is None:
        return "empty"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, (dt.time, dt.timedelta)):
        return "a time"
    return f"a {type(value).__name__} value"


def _number_text(value: float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _number(value: object) -> int | float | None:
    """A cell value as a number, or ``None`` when it is not one ("2,5" is 2.5)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.replace(",", ".").replace(" ", "")
        try:
            value = float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError:
            return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return int(value) if value.is_integer() else value
    return value if isinstance(value, int) else None


def _closed_value(question: Question, value: object, lang: str) -> tuple[bool, AnswerValue]:
    """A dropdown answer as the value it stands for; ``(False, None)`` when it is none of them."""
    offered = choices(question, lang)
    if isinstance(value, str):
        wanted = dropdown_key(value)
        for answer, text in offered:
            if dropdown_key(text) == wanted or dropdown_key(str(answer)) == wanted:
                return True, answer
        if question.type == "scale" and wanted.isdigit():
            value = int(wanted)
    if question.type == "scale" and not isinstance(value, str):
        number = _number(value)
        if isinstance(number, int) and number in SCALE_VALUES:
            return True, number
    return False, None


def read_workbook(path: Path, questions: QuestionSet,
                  shown: str | None = None) -> tuple[Answers, WorkbookDocument]:
    """Read a filled-in answers workbook into answers, as a YAML answers file would give them.

    Values are checked against ``questions`` afterwards like those of a YAML file
    (``validation.check_answers``), with problems located by sheet and cell.
    """
    name = shown if shown is not None else str(path)
    raw = _read_bytes(path, name)
    book = open_book(raw, name)
    try:
        return _read(_Reader(book, name, questions))
    finally:
        book.close()


def _read(reader: _Reader) -> tuple[Answers, WorkbookDocument]:
    """The answers of a workbook opened by ``reader``."""
    name = reader.shown
    meta = reader.meta()
    lang = meta.get("lang") if meta.get("lang") in languages() else "nl"
    assert isinstance(lang, str)
    respondent_sheet = reader.sheet("respondent", lang, RESPONDENT_COLUMNS)
    question_sheet = reader.sheet("questions", lang, QUESTION_COLUMNS)
    if respondent_sheet is None or question_sheet is None:
        raise reader.stop()
    data: dict[str, Any] = {"stimulering_answers": meta.get("stimulering_answers")}
    reader.cells[("stimulering_answers",)] = (META_SHEET, "B1")
    reference = {key: meta.get(f"question_set_{key}") for key in ("id", "version", "sha256")}
    if reference["id"] is not None:
        data["question_set"] = {key: value for key, value in reference.items()
                                if value is not None}
        reader.cells[("question_set",)] = (META_SHEET, "B4")
    if meta.get("round") is not None:  # the round the coordinator named for the workbook
        data["round"] = meta["round"]
        reader.cells[("round",)] = (META_SHEET, f"B{list(meta).index('round') + 1}")
    _read_respondent(reader, respondent_sheet, lang, data)
    data["lang"] = lang
    answers, notes = _read_questions(reader, question_sheet, lang)
    data["answers"] = answers
    if notes:
        data["notes"] = notes
    if reader.problems:
        raise reader.stop()
    document = WorkbookDocument(name, data, None, cells=dict(reader.cells))
    return validate_document(document, Answers), document


def _read_bytes(path: Path, shown: str) -> bytes:
    # The same reader as for YAML: only a regular file, opened without blocking (a named
    # pipe called x.xlsx would otherwise wait for ever), and never more than the limit.
    return read_bytes(path, shown, MAX_WORKBOOK_BYTES, "the limit for a workbook")


def _read_respondent(reader: _Reader, sheet: Grid, lang: str, data: dict[str, Any]) -> None:
    """The coalition, the respondent and the date, from column C of the respondent sheet."""
    title = sheet.title
    rows: dict[str, Any] = {}
    for row in range(2, sheet.max_row + 1):
        key = sheet.cell(row=row, column=1).value
        if isinstance(key, str) and key.strip() in RESPONDENT_FIELDS:
            if key.strip() in rows:
                reader.fail(title, f"A{row}", f"'{key.strip()}' appears twice")
            rows[key.strip()] = sheet.cell(row=row, column=3)
    respondent: dict[str, Any] = {}
    for key in RESPONDENT_FIELDS:
        cell = rows.get(key)
        if cell is None:
            reader.fail(title, None, f"the row '{key}' is missing; keep the rows as the "
                                     "template made them")
            continue
        location: Location = (key,) if key in ("coalition", "date") else ("respondent", key)
        reader.cells[location] = (title, cell.coordinate)
        what = label(lang, f"wb.field.{key}")
        if key == "date":
            ok, value = reader.raw(cell, title, None)
            if not ok:
                continue
            if isinstance(value, dt.datetime):
                value = value.date()
            if value is None:
                value = saved_day(reader.book)
            if value is None:
                reader.fail(title, cell.coordinate, f"{key} ('{what}') is empty; fill it in")
            elif not isinstance(value, (dt.date, str)):
                reader.fail(title, cell.coordinate, f"{key} ('{what}') holds {_shown(value)}; "
                                                    "expected a date such as 2026-11-28")
            data["date"] = value
            continue
        ok, text = reader.text(cell, title, None)
        if not ok:
            continue
        if text is None:
            reader.fail(title, cell.coordinate, f"{key} ('{what}') is empty; fill it in")
            continue
        if key in ("role", "level"):
            offered = [(role, label(lang, f"role.{role}")) for role in ROLES
                       if role != "coalitie"] if key == "role" \
                else [(level, label(lang, f"level.{level}")) for level in LEVELS]
            if key == "role":
                offered.append(("coalitie", label(lang, "role.coalitie")))
            match = [value for value, shown_text in offered
                     if dropdown_key(text) in (dropdown_key(shown_text), value)]
            if not match:
                reader.fail(title, cell.coordinate,
                            f"{key} ('{what}') is {_shown(text)}; choose one of "
                            + ", ".join(shown_text for value, shown_text in offered
                                        if value != "coalitie"))
                continue
            text = match[0]
        if key == "coalition":
            data["coalition"] = text
        else:
            respondent[key] = text
    data["respondent"] = respondent


def saved_day(book: Any) -> dt.date | None:
    """The day the partner's spreadsheet program last saved the workbook, if it says so.

    The template leaves the date empty (it is the day of the answers, not of the
    template); a partner who leaves it empty answered on the day they saved. Programs
    record that day as the workbook's ``modified`` property; the template set it equal to
    ``created``, so only a later one is a partner's save.
    """
    modified = book.properties.modified
    created = book.properties.created
    if isinstance(modified, dt.datetime) and isinstance(created, dt.datetime) \
            and modified > created:
        # Stored in UTC: the partner's day is the local one.
        return modified.replace(tzinfo=dt.timezone.utc).astimezone().date()
    return None


def _read_questions(reader: _Reader, sheet: Grid,
                    lang: str) -> tuple[dict[str, AnswerValue], dict[str, str]]:
    """Answers and notes from the questions sheet, in the order of its rows."""
    title = sheet.title
    by_id = reader.questions.questions_by_id
    renamed = reader.questions.renamed_ids
    answers: dict[str, AnswerValue] = {}
    notes: dict[str, str] = {}
    rows: dict[str, int] = {}
    ticked: dict[str, dict[str, bool]] = {}
    option_rows: dict[str, int] = {}
    for row in range(2, sheet.max_row + 1):
        id_cell, answer_cell, note_cell = (sheet.cell(row=row, column=c) for c in (1, 3, 4))
        ok, key = reader.text(id_cell, title, None)
        if not ok:
            continue
        if key is None:
            for cell in (answer_cell, note_cell):
                if cell.value is not None and str(cell.value).strip():
                    reader.fail(title, cell.coordinate, "holds an answer or note in a row "
                                                        "without a question id in column A")
            continue
        if OPTION_SEPARATOR in key:
            _read_option(reader, title, row, key, answer_cell, lang, ticked, option_rows)
            continue
        if key in rows:
            reader.fail(title, id_cell.coordinate, f"the question appears twice (first in row "
                                                   f"{rows[key]})", key)
            continue
        rows[key] = row
        question = by_id.get(key) or by_id.get(renamed.get(key, ""))
        reader.cells[("answers", key)] = (title, answer_cell.coordinate)
        reader.cells[("notes", key)] = (title, note_cell.coordinate)
        value = _read_answer(reader, title, answer_cell, key, question, lang)
        if value is not _FAILED:
            answers[key] = value  # type: ignore[assignment]
        ok, note = reader.text(note_cell, title, key)
        if ok and note is not None:
            notes[key] = note
    for key, options in ticked.items():
        question = by_id.get(key) or by_id.get(renamed.get(key, ""))
        if key not in rows or question is None or question.type != "multi":
            reader.fail(title, f"A{option_rows[key]}", "an option row of a question that is "
                        "not a multiple-choice question of the workbook", key)
            continue
        given = answers.get(key)
        chosen = [option for option, on in options.items() if on]
        if given is not None and chosen:
            reader.fail(title, f"C{rows[key]}", f"says {_special_text(given, lang)} while "
                        "options below it are ticked; give one or the other", key)
        elif given is None and options:
            answers[key] = chosen
    return answers, notes


_FAILED = object()


def _special_text(value: object, lang: str) -> str:
    return f"'{label(lang, f'special.{value}')}'" if value in SPECIAL_VALUES else _shown(value)


def _read_option(reader: _Reader, title: str, row: int, key: str, cell: Any, lang: str,
                 ticked: dict[str, dict[str, bool]], option_rows: dict[str, int]) -> None:
    """One option row of a multiple-choice question: ticked (ja), not ticked (nee) or empty."""
    question_id, _, option_id = key.partition(OPTION_SEPARATOR)
    question = reader.questions.questions_by_id.get(question_id) or \
        reader.questions.questions_by_id.get(reader.questions.renamed_ids.get(question_id, ""))
    option_rows.setdefault(question_id, row)
    options = ticked.setdefault(question_id, {})
    if question is not None and option_id not in question.option_values:
        reader.fail(title, f"A{row}", f"{option_id!r} is not an option of this question "
                                      f"(options: {', '.join(map(str, question.option_values))})",
                    question_id)
        return
    if option_id in options:
        reader.fail(title, f"A{row}", f"option {option_id!r} appears twice", question_id)
        return
    ok, value = reader.raw(cell, title, question_id)
    if not ok or value is None:
        return
    if isinstance(value, str):
        for on, text in tick_labels(lang):
            if dropdown_key(value) in (dropdown_key(text), "ja" if on else "nee"):
                options[option_id] = on
                return
    reader.fail(title, cell.coordinate, f"{_shown(value)} for option {option_id!r}; choose "
                + " or ".join(text for _, text in tick_labels(lang)) + ", or leave it empty",
                question_id)


def _read_answer(reader: _Reader, title: str, cell: Any, key: str, question: Question | None,
                 lang: str) -> object:
    """The answer in ``cell`` as the value a YAML file would hold, or ``_FAILED``."""
    ok, value = reader.raw(cell, title, key)
    if not ok:
        return _FAILED
    if value is None:
        return None
    if isinstance(value, (bool, dt.date, dt.time, dt.timedelta)):
        reader.fail(title, cell.coordinate, f"holds {_kind(value)}; expected "
                    + _expected(question, lang), key)
        return _FAILED
    if question is None:  # not a question of this set: kept as it is, and warned about later
        return _number(value) if not isinstance(value, str) else value
    if question.type == "text":
        return value if isinstance(value, str) else _number_text(value)
    if isinstance(value, str):
        for special, text in special_labels(lang):
            if dropdown_key(value) in (dropdown_key(text), special):
                return special
    if question.type == "multi":
        reader.fail(title, cell.coordinate, f"{_shown(value)}: tick the options in the rows "
                    "below the question, or choose " + " or ".join(
                        f"'{text}'" for _, text in special_labels(lang)), key)
        return _FAILED
    if question.type == "number":
        number = _number(value)
        if number is None:
            reader.fail(title, cell.coordinate, f"{_shown(value)} is not a number; expected "
                        + _expected(question, lang), key)
            return _FAILED
        return number
    ok, answer = _closed_value(question, value, lang)
    if not ok:
        reader.fail(title, cell.coordinate, f"{_shown(value)} is not one of the choices: "
                    + _expected(question, lang), key)
        return _FAILED
    return answer


def _expected(question: Question | None, lang: str) -> str:
    specials = " or ".join(f"'{text}'" for _, text in special_labels(lang))
    if question is None or question.type == "text":
        return "text"
    if question.type == "number":
        return f"a number, {specials}"
    if question.type == "multi":
        return f"ticked options, {specials}"
    return ", ".join(f"'{text}'" for _, text in choices(question, lang))
