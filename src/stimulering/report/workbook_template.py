"""The blank answers workbook of a question set: what a partner fills in without Python.

A sheet with the respondent's details, a sheet with one row per question (the
answer chosen from a dropdown, a note, the help text) and, per option of a
multiple-choice question, a row to tick it; the layout is ``core.workbook_layout``,
which the reader in ``sources.workbook`` shares. Like the YAML template it shows
nothing about scores, phases, weights or gates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from stimulering.core.workbook_layout import (
    META_SHEET,
    OPTION_SEPARATOR,
    QUESTION_COLUMNS,
    RESPONDENT_COLUMNS,
    RESPONDENT_FIELDS,
    WORKBOOK_FORMAT,
    choices,
    header,
    sheet_name,
    special_labels,
    tick_labels,
)
from stimulering.i18n import label, option_labels, pick, plural
from stimulering.model import LEVELS, ROLES, QuestionSet
from stimulering.office import new_workbook, put, workbook_bytes
from stimulering.report.common import asked_of, audience_text, blank_for, condition_text


def render_template_workbook(questions: QuestionSet, sha256: str, lang: str, today: dt.date,
                             pillar_names: Mapping[Any, str], *,
                             round_name: str | None = None, role: str | None = None,
                             level: str | None = None) -> bytes:
    """The blank answers workbook of a question set, as xlsx bytes.

    ``pillar_names`` are the model's names of the pillars in ``lang``, the headings
    between the questions of one pillar and the next; ``round_name`` names the round
    it belongs to (kept on the hidden sheet, and said on the respondent sheet). With
    ``role`` and/or ``level`` it holds only the questions for them, with those filled
    in; without, every question, each one that is not for everyone saying whom it is
    for. The date is left empty: the day the partner answers, not the day it was made.
    """
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = new_workbook(label(lang, "wb.title", id=questions.id, version=questions.version),
                        today)
    respondent = book.active
    respondent.title = sheet_name(lang, "respondent")
    sheet = book.create_sheet(sheet_name(lang, "questions"))
    lists = book.create_sheet(sheet_name(lang, "lists"))
    lists.sheet_state = "hidden"
    meta = book.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    band = PatternFill("solid", start_color="DDE6EE", end_color="DDE6EE")
    pale = PatternFill("solid", start_color="F3F6F9", end_color="F3F6F9")
    answer_fill = PatternFill("solid", start_color="FFF8DC", end_color="FFF8DC")
    grey = Font(color="6B7785")

    list_columns: dict[tuple[str, ...], str] = {}

    def dropdown(target: Any, texts: list[str], *, strict: bool = True) -> DataValidation:
        """A validation on ``target`` offering ``texts``, kept on the hidden lists sheet."""
        key = tuple(texts)
        if key not in list_columns:
            column = len(list_columns) + 1
            for row, text in enumerate(texts, start=1):
                put(lists, row, column, text)
            letter = lists.cell(row=1, column=column).column_letter
            list_columns[key] = f"'{lists.title}'!${letter}$1:${letter}${len(texts)}"
        validation = DataValidation(type="list", formula1=list_columns[key], allow_blank=True,
                                    showErrorMessage=strict, errorStyle="stop")
        if strict:
            validation.errorTitle = label(lang, "wb.invalid_title")
            validation.error = label(lang, "wb.invalid_text")
        target.add_data_validation(validation)
        return validation

    # The respondent sheet: who answers, and how to fill in the workbook.
    for column, key in enumerate(RESPONDENT_COLUMNS, start=1):
        put(respondent, 1, column, header(lang, key), font=bold, fill=band)
    for row, key in enumerate(RESPONDENT_FIELDS, start=2):
        put(respondent, row, 1, key, font=grey)
        put(respondent, row, 2, label(lang, f"wb.field.{key}"), font=bold)
        given = {"role": role and label(lang, f"role.{role}"),
                 "level": level and label(lang, f"level.{level}")}.get(key)
        cell = put(respondent, row, 3, given, fill=answer_fill)
        put(respondent, row, 4, label(lang, f"wb.field_help.{key}"), alignment=wrap)
        if key == "date":
            cell.number_format = "yyyy-mm-dd"
        elif key in ("role", "level"):
            offered = [label(lang, f"role.{role}") for role in ROLES if role != "coalitie"] \
                if key == "role" else [label(lang, f"level.{level}") for level in LEVELS]
            dropdown(respondent, offered).add(cell)
    row = len(RESPONDENT_FIELDS) + 3
    listed = asked_of(questions, role, level)
    who = blank_for(role, level, lang)
    texts = [label(lang, key) for key in
             ("wb.intro", "wb.how", "wb.special", "wb.multi", "wb.return")]
    restricted = any(question.applies_to is not None for question in questions.questions)
    texts.insert(1, " ".join([
        plural(lang, "template.count", sum(1 for question in listed if question.when is None)),
        *([label(lang, "template.for_you", who=who) if who else
           label(lang, "wb.for_everyone")] if restricted or who else [])]))
    if round_name:
        texts.insert(0, label(lang, "wb.round", round=round_name))
    for text in texts:
        put(respondent, row, 2, text, alignment=wrap)
        respondent.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        respondent.row_dimensions[row].height = 48
        row += 1
    for letter, width in zip("ABCD", (14, 22, 34, 60), strict=True):
        respondent.column_dimensions[letter].width = width

    # The questions sheet: one row per question, one more per option of a multiple choice.
    for column, key in enumerate(QUESTION_COLUMNS, start=1):
        put(sheet, 1, column, header(lang, key), font=bold, fill=band)
    specials = [text for _, text in special_labels(lang)]
    ticks = [text for _, text in tick_labels(lang)]
    by_id = questions.by_id()
    row = 2
    pillar = None
    for question in listed:
        if question.pillar != pillar:
            pillar = question.pillar
            for column in range(1, len(QUESTION_COLUMNS) + 1):
                sheet.cell(row=row, column=column).fill = pale
            put(sheet, row, 2, pillar_names.get(pillar, pillar), font=bold)
            row += 1
        audience = audience_text(question, lang) if who is None else None
        help_lines = [*([audience[0].upper() + audience[1:] + "."] if audience else []),
                      " ".join(pick(question.help, lang).split())]
        if question.when is not None:
            help_lines.append(label(lang, "wb.when", condition=condition_text(
                question.when, lang, by_id)))
        if question.type in ("number", "text"):
            unit = pick(question.unit, lang)
            help_lines.append(label(lang, f"wb.{question.type}",
                                    unit=f" ({unit})" if unit else ""))
        if question.type == "multi":
            help_lines.append(label(lang, "wb.multi_row"))
        put(sheet, row, 1, question.id, font=grey)
        put(sheet, row, 2, " ".join(pick(question.text, lang).split()), alignment=wrap)
        answer = put(sheet, row, 3, None, alignment=wrap,
                     fill=pale if question.type == "multi" else answer_fill)
        put(sheet, row, 4, None, alignment=wrap)
        put(sheet, row, 5, "\n".join(help_lines), alignment=wrap)
        if question.type == "multi":
            dropdown(sheet, specials).add(answer)
            for option_id, text in option_labels(question, lang):
                row += 1
                put(sheet, row, 1, f"{question.id}{OPTION_SEPARATOR}{option_id}", font=grey)
                put(sheet, row, 2, f"   • {' '.join(text.split())}", alignment=wrap)
                dropdown(sheet, ticks).add(put(sheet, row, 3, None, fill=answer_fill))
        elif question.type == "number":
            dropdown(sheet, specials, strict=False).add(answer)
        elif question.type != "text":
            dropdown(sheet, [text for _, text in choices(question, lang)]).add(answer)
        row += 1
    for letter, width in zip("ABCDE", (24, 60, 28, 36, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C2"

    for row, (key, value) in enumerate((
            ("stimulering_answers", 1), ("workbook", WORKBOOK_FORMAT), ("lang", lang),
            ("question_set_id", questions.id), ("question_set_version", questions.version),
            ("question_set_sha256", sha256),
            *([("round", round_name)] if round_name else [])), start=1):
        put(meta, row, 1, key)
        put(meta, row, 2, value)
    book.active = 0
    return workbook_bytes(book)
