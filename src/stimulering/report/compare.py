"""The comparison of coalitions (coalitions x pillars) as table, markdown, JSON and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from stimulering.core.combine import coalition_code
from stimulering.core.comparison import CoalitionRow, shown_rows
from stimulering.i18n import label
from stimulering.model import PILLARS, Model
from stimulering.report.common import (
    escape_markdown,
    json_text,
    markdown_table,
    pillar_name,
    pillar_score_text,
    range_data,
    range_text,
    rounded,
    signal_names,
    undetermined_summary,
)
from stimulering.sanitise import visible


def _present(row: CoalitionRow) -> list[str]:
    return [signal.id for signal in row.assessment.catalysts if signal.status == "present"]


def compare_data(rows: Sequence[CoalitionRow], *, anonymise: bool = False) -> dict[str, Any]:
    """The comparison as plain data."""
    return {"coalitions": [
        {"coalition": name, "round": row.round, "date": row.date.isoformat(),
         "respondents": row.respondents, "agreed": row.agreed,
         "phase": row.assessment.phase,
         "phase_range": range_data(row.assessment.phase_range),
         "undetermined": undetermined_summary(row.assessment),
         "pillars": {p: {"phase": row.assessment.pillars[p].phase,
                         "phase_range": range_data(row.assessment.pillars[p].phase_range),
                         "score": rounded(row.assessment.pillars[p].score)} for p in PILLARS},
         "catalysts": _present(row)}
        for name, row in shown_rows(rows, anonymise=anonymise)]}


def render_compare_json(rows: Sequence[CoalitionRow], *, anonymise: bool = False) -> str:
    """The comparison as JSON."""
    return json_text(compare_data(rows, anonymise=anonymise))


def render_compare_csv(rows: Sequence[CoalitionRow], *, anonymise: bool = False) -> str:
    """The comparison as CSV, one row per coalition; catalysts separated by ``;``.

    No cell can start a spreadsheet formula (see ``csv_cell``), and a cell with a
    line break or carriage return is quoted.
    """
    lines = [_csv_line(["coalition", "round", "date", "respondents", "agreed", "phase",
                        "phase_low", "phase_high",
                        *(f"{p}_{column}" for p in PILLARS
                          for column in ("phase", "phase_low", "phase_high", "score")),
                        "catalysts"])]
    for name, row in shown_rows(rows, anonymise=anonymise):
        pillars = row.assessment.pillars
        # CSV is for spreadsheets and scripts: a decimal point, and empty for unknown.
        lines.append(_csv_line([name, row.round, row.date.isoformat(), str(row.respondents),
                                "yes" if row.agreed else "no",
                                _csv(row.assessment.phase),
                                _csv(row.assessment.phase_range.low),
                                _csv(row.assessment.phase_range.high),
                                *(value for p in PILLARS for value in (
                                    _csv(pillars[p].phase), _csv(pillars[p].phase_range.low),
                                    _csv(pillars[p].phase_range.high),
                                    _csv(rounded(pillars[p].score)))),
                                ";".join(_present(row))]))
    return "".join(lines)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (the OWASP list)."""


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: one that could start a formula gets a ``'``.

    Tab, line feed and carriage return stay (the cell is quoted); other control, bidi
    and zero-width characters are written as their code point (``sanitise.visible``).
    """
    text = visible(text, keep="\t\n\r")
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_line(cells: list[str]) -> str:
    # The csv module quotes a cell only for the characters of its line terminator:
    # with "\r\n" a cell with a bare carriage return is quoted too. Rows end in "\n".
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([csv_cell(cell) for cell in cells])
    return buffer.getvalue()[:-2] + "\n"


def _csv(value: float | int | None) -> str:
    return "" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value)


def _cells(name: str, row: CoalitionRow, names: dict[str, str], lang: str) -> list[str]:
    pillars = row.assessment.pillars
    respondents = label(lang, "progress.agreed", count=row.respondents) if row.agreed \
        else str(row.respondents)
    return [name, row.date.isoformat(), respondents,
            range_text(row.assessment.phase_range),
            *(f"{range_text(pillars[p].phase_range)} ({pillar_score_text(pillars[p], lang)})"
              for p in PILLARS),
            ", ".join(names.get(s, s) for s in _present(row))]


def _header(model: Model, lang: str) -> list[str]:
    return [label(lang, "coalition"), label(lang, "date"), label(lang, "compare.respondents"),
            label(lang, "phase").capitalize(), *(pillar_name(model, p, lang) for p in PILLARS),
            label(lang, "catalysts")]


def render_compare_markdown(rows: Sequence[CoalitionRow], model: Model, lang: str, *,
                            anonymise: bool = False) -> str:
    """The comparison as a markdown table; pillar cells read "phase (score)"."""
    names = signal_names(model, lang)
    body = []
    for name, row in shown_rows(rows, anonymise=anonymise):
        cells = _cells(name, row, names, lang)
        body.append([escape_markdown(cells[0]), *cells[1:-1], escape_markdown(cells[-1])])
    out = [f"# {label(lang, 'compare.title')}", ""]
    out += markdown_table([escape_markdown(h) for h in _header(model, lang)], body)
    out += ["", escape_markdown(label(lang, "compare.round_rule"))]
    return "\n".join(out) + "\n"


def render_compare_table(rows: Sequence[CoalitionRow], model: Model, lang: str, *,
                         anonymise: bool = False, color: bool = False) -> str:
    """The comparison for the terminal."""
    from rich.table import Table

    from stimulering.report.console import plain, render

    # Catalyst names do not fit in 80 columns beside the pillars: the terminal shows how
    # many are present; markdown, CSV and JSON name them.
    catalysts = sum(1 for signal in model.signals if signal.kind == "catalyst")
    grid = Table(box=None, padding=(0, 1), collapse_padding=True, pad_edge=False,
                 title=label(lang, "compare.title"), caption_justify="left",
                 caption=label(lang, "compare.catalysts_note", count=catalysts))
    headings = _header(model, lang)
    headings[4:7] = [label(lang, f"pillar_short.{p}") for p in PILLARS]
    # Short headings leave the name room: the caption says what the last column counts.
    headings[7] = label(lang, "compare.catalysts_short")
    # A name is shown whole: over several lines when the other columns leave little room
    # (at word boundaries, a long word folded), never cut; an anonymised code fits always.
    grid.add_column(plain(headings[0]), overflow="fold", min_width=len(coalition_code("")))
    for index, heading in enumerate(headings[1:], start=1):
        grid.add_column(plain(heading), justify="right" if index in (2, 3, 7) else "left",
                        no_wrap=True)
    for name, row in shown_rows(rows, anonymise=anonymise):
        cells = _cells(name, row, {}, lang)
        grid.add_row(*(plain(cell) for cell in cells[:-1]), f"{len(_present(row))}/{catalysts}")
    return render([grid], color=color)
