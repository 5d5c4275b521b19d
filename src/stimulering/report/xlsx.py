"""Spreadsheets of results: the comparison of coalitions, and a report's action plan.

Pure functions from results to xlsx bytes. Every text from a user file is
written as a text cell (see ``office.put``), so a coalition named
``=HYPERLINK(...)`` stays a name and never becomes a formula.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from stimulering.core.coalition import PlanRow
from stimulering.core.comparison import CoalitionRow, shown_rows
from stimulering.core.results import Evaluation
from stimulering.i18n import label, pick, plural
from stimulering.model import PILLARS, Model
from stimulering.office import new_workbook, put, workbook_bytes
from stimulering.report.common import (
    advice_heading,
    advice_text,
    deciding_lines,
    deciding_unknown_lines,
    overall_phase_text,
    pillar_name,
    range_text,
    roadmap_cells,
    roadmap_header,
    rounded,
    signal_names,
)


def _header_row(sheet: Any, row: int, texts: Sequence[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    fill = PatternFill("solid", start_color="DDE6EE", end_color="DDE6EE")
    for column, text in enumerate(texts, start=1):
        put(sheet, row, column, text, font=Font(bold=True), fill=fill)


def _widths(sheet: Any, widths: Sequence[int]) -> None:
    from openpyxl.utils import get_column_letter

    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def compare_workbook(rows: Sequence[CoalitionRow], model: Model, lang: str, *,
                     anonymise: bool = False) -> bytes:
    """The comparison of coalitions: one row per coalition, phases and scores as numbers."""
    title = label(lang, "compare.title")
    latest = max((row.date for row in rows), default=dt.date(2000, 1, 1))
    book = new_workbook(title, latest)
    sheet = book.active
    sheet.title = title[:31]
    names = signal_names(model, lang)
    _header_row(sheet, 1, [
        label(lang, "coalition"), label(lang, "date"), label(lang, "compare.respondents"),
        label(lang, "phase").capitalize(),
        *(f"{pillar_name(model, p, lang)}: {what}" for p in PILLARS
          for what in (label(lang, "phase"), label(lang, "score"))),
        label(lang, "catalysts")])
    for number, (name, row) in enumerate(shown_rows(rows, anonymise=anonymise), start=2):
        result = row.assessment
        put(sheet, number, 1, name)
        put(sheet, number, 2, row.date, number_format="yyyy-mm-dd")
        put(sheet, number, 3, row.respondents)
        # A known phase is a number to sort on; an open one reads "2–3".
        put(sheet, number, 4, result.phase or range_text(result.phase_range))
        for index, p in enumerate(PILLARS):
            pillar = result.pillars[p]
            put(sheet, number, 5 + 2 * index, pillar.phase or range_text(pillar.phase_range))
            put(sheet, number, 6 + 2 * index, rounded(pillar.score), number_format="0.00")
        put(sheet, number, 11, "; ".join(names[s.id] for s in result.catalysts
                                          if s.status == "present"))
    _widths(sheet, [28, 12, 8, 8, 12, 12, 12, 12, 12, 12, 60])
    sheet.freeze_panes = "B2"
    return workbook_bytes(book)


def _deciding_rows(sheet: Any, first: int, evaluation: Evaluation, lang: str) -> None:
    """What decides the phase, one sentence per row from ``first``, as in the report."""
    from openpyxl.styles import Alignment, Font

    result = evaluation.assessment
    texts = []
    if not result.phase_range.known:
        texts.append(label(lang, "deciding.open", low=result.phase_range.low,
                           high=result.phase_range.high))
        texts += [f"• {line}" for line in deciding_unknown_lines(
            evaluation, evaluation.verdict.unknown, lang)]
    lines, more = deciding_lines(evaluation, lang)
    if lines:
        texts += [label(lang, "deciding.intro"), *(f"• {line}" for line in lines)]
        if more:
            texts.append(plural(lang, "deciding.more", more))
    elif result.phase_range.known:
        texts.append(label(lang, "deciding.none"))
    put(sheet, first, 1, label(lang, "deciding.title"), font=Font(bold=True))
    for row, text in enumerate(texts, start=first + 1):
        put(sheet, row, 1, text, alignment=Alignment(wrap_text=True, vertical="top"))
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        sheet.row_dimensions[row].height = 30


def plan_workbook(evaluation: Evaluation, lang: str,
                  plan_rows: Sequence[PlanRow] | None = None) -> bytes:
    """A report's plan as a workbook, for a steering group to track.

    Sheets: the summary's roadmap and next steps, the actions of the answers file (or
    ``plan_rows``, the coalition view's plan: every partner's actions, who listed them,
    and the previous round's open actions carried over), and all advice.
    """
    from openpyxl.styles import Alignment, Font

    result = evaluation.assessment
    model = evaluation.model
    wrap = Alignment(wrap_text=True, vertical="top")
    book = new_workbook(f"{label(lang, 'report.title')}: {result.coalition}", result.date)

    summary = book.active
    summary.title = label(lang, "report.executive")[:31]
    put(summary, 1, 1, f"{label(lang, 'report.title')}: {result.coalition}",
        font=Font(bold=True, size=14))
    put(summary, 2, 1, f"{label(lang, 'date')}: {result.date.isoformat()}")
    put(summary, 3, 1, f"{label(lang, 'overall_phase')}: "
                       f"{overall_phase_text(model, result.phase_range, lang)}",
        font=Font(bold=True))
    _header_row(summary, 5, roadmap_header(lang))
    for number, row in enumerate(evaluation.roadmap, start=6):
        put(summary, number, 1, pillar_name(model, row.pillar, lang))
        for column, text in enumerate(roadmap_cells(row, lang), start=2):
            put(summary, number, column, text)
    put(summary, 9, 1, label(lang, "report.percent_note"), alignment=wrap)
    summary.merge_cells("A9:E9")
    summary.row_dimensions[9].height = 45
    put(summary, 11, 1, label(lang, "report.next_steps"), font=Font(bold=True))
    for number, step in enumerate(evaluation.next_steps, start=12):
        put(summary, number, 1, pillar_name(model, step.pillar, lang), alignment=wrap)
        put(summary, number, 2, advice_heading(evaluation, step.item, lang), alignment=wrap)
        put(summary, number, 3, advice_text(step.item, lang), alignment=wrap)
        summary.merge_cells(start_row=number, start_column=3, end_row=number, end_column=5)
        summary.row_dimensions[number].height = 75
    _deciding_rows(summary, 13 + len(evaluation.next_steps), evaluation, lang)
    _widths(summary, [32, 40, 14, 14, 24])

    plan = book.create_sheet(label(lang, "report.action_plan")[:31])
    coalition = plan_rows is not None
    _header_row(plan, 1, [label(lang, "report.action"), label(lang, "report.owner"),
                          label(lang, "report.due"), label(lang, "report.concerns"),
                          label(lang, "report.status"),
                          *([label(lang, "report.by")] if coalition else [])])
    questions = evaluation.questions.by_id()
    instruments = {i.id: pick(i.name, lang) for i in model.instruments}
    rows = list(plan_rows) if plan_rows is not None else \
        [PlanRow(action, ()) for action in evaluation.answers.actions]
    for number, entry in enumerate(rows, start=2):
        action = entry.action
        concerns = []
        if action.item is not None:
            question = questions.get(action.item)
            concerns.append(pick(question.text, lang) if question is not None else action.item)
        if action.instrument is not None:
            concerns.append(instruments.get(action.instrument, action.instrument))
        put(plan, number, 1, action.what, alignment=wrap)
        put(plan, number, 2, action.owner)
        put(plan, number, 3, action.due, number_format="yyyy-mm-dd")
        put(plan, number, 4, "; ".join(concerns), alignment=wrap)
        put(plan, number, 5, label(lang, "report.done") if action.done else
            label(lang, "report.open") if entry.carried_from is None else
            label(lang, "view.carried", round=entry.carried_from))
        if coalition:
            put(plan, number, 6, ", ".join([*entry.by, *([label(lang, "view.agreed")]
                                                        if entry.agreed else [])]),
                alignment=wrap)
    _widths(plan, [50, 20, 12, 60, 24, 30])
    plan.freeze_panes = "A2"

    advice = book.create_sheet(label(lang, "advice")[:31])
    _header_row(advice, 1, [label(lang, "pillar").capitalize(), label(lang, "report.reason"),
                            label(lang, "report.what_to_do"), label(lang, "instruments")])
    number = 2
    for p in PILLARS:
        for item in evaluation.advice[p]:
            put(advice, number, 1, pillar_name(model, p, lang), alignment=wrap)
            put(advice, number, 2, advice_heading(evaluation, item, lang), alignment=wrap)
            put(advice, number, 3, advice_text(item, lang), alignment=wrap)
            put(advice, number, 4, "; ".join(instruments.get(i, i) for i in item.instruments),
                alignment=wrap)
            number += 1
    _widths(advice, [28, 50, 70, 40])
    advice.freeze_panes = "A2"
    return workbook_bytes(book)
