"""One coalition over time as markdown, JSON and a terminal table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from stimulering.core.progress import COMPARABLE_MINIMUM, Progress, ProgressStep
from stimulering.core.rounds import ROUND_WINDOW_DAYS
from stimulering.i18n import decimal, label, pick
from stimulering.model import PILLARS, Model, QuestionSet
from stimulering.report.common import (
    escape_markdown,
    json_text,
    markdown_table,
    percent,
    pillar_name,
    pillar_summary,
    range_data,
    range_text,
    rounded,
    score_text,
    undetermined_summary,
)

TOP_MOVED = 10
"""How many moved items per step markdown and the table show; JSON has them all."""


def step_warning(step: ProgressStep, lang: str) -> str | None:
    """The warning of a step whose comparable share is below the minimum, if any."""
    if step.comparable >= COMPARABLE_MINIMUM:
        return None
    return label(lang, "warning.low_comparable", share=percent(step.comparable),
                 before=step.before.isoformat(), after=step.after.isoformat())


def progress_data(result: Progress, lang: str) -> dict[str, Any]:
    """Progress as plain data: points sorted by date, and what changed between them."""
    return {
        "coalition": result.coalition,
        "comparable": rounded(result.comparable),
        "points": [
            {"round": point.round, "date": point.date.isoformat(),
             "first_date": (point.first or point.date).isoformat(),
             "respondents": point.respondents, "agreed": point.agreed,
             "phase": point.assessment.phase,
             "phase_range": range_data(point.assessment.phase_range),
             "undetermined": undetermined_summary(point.assessment),
             "pillars": pillar_summary(point.assessment.pillars)}
            for point in result.points
        ],
        "steps": [
            {"from": step.before.isoformat(), "to": step.after.isoformat(),
             "comparable": rounded(step.comparable),
             "moved": [{"question": m.question, "pillar": m.pillar, "before": rounded(m.before),
                        "after": rounded(m.after), "change": rounded(m.change)}
                       for m in step.moved],
             "actions": [{**status.action.model_dump(mode="json"), "status": status.status}
                         for status in step.actions]}
            for step in result.steps
        ],
        "warnings": [text for step in result.steps
                     if (text := step_warning(step, lang)) is not None],
    }


def render_progress_json(result: Progress, lang: str) -> str:
    """Progress as JSON."""
    return json_text(progress_data(result, lang))


def dates_text(first: dt.date | None, last: dt.date) -> str:
    """The dates of a round: one date, or the first and the last."""
    if first is None or first == last:
        return last.isoformat()
    return f"{first.isoformat()} – {last.isoformat()}"


def _point_rows(result: Progress, lang: str) -> list[list[str]]:
    return [[point.round, dates_text(point.first, point.date),
             label(lang, "progress.agreed", count=point.respondents) if point.agreed
             else str(point.respondents),
             *(range_text(point.assessment.pillars[p].phase_range) for p in PILLARS),
             range_text(point.assessment.phase_range)] for point in result.points]


def _point_header(model: Model, lang: str) -> list[str]:
    return [label(lang, "progress.round"), label(lang, "date"),
            label(lang, "compare.respondents"),
            *(pillar_name(model, p, lang) for p in PILLARS),
            label(lang, "view.overall").capitalize()]


def render_progress_markdown(result: Progress, questions: QuestionSet, model: Model,
                             lang: str) -> str:
    """Progress as a markdown report."""
    by_id = questions.by_id()
    out = [f"# {label(lang, 'progress.title')}: {escape_markdown(result.coalition)}", "",
           f"## {label(lang, 'progress.points')}", ""]
    rows = [[escape_markdown(cell) for cell in row] for row in _point_rows(result, lang)]
    out += markdown_table([escape_markdown(h) for h in _point_header(model, lang)], rows) + [""]
    out += [escape_markdown(label(lang, "progress.round_rule", days=ROUND_WINDOW_DAYS)), ""]
    for step in result.steps:
        before, after = step.before.isoformat(), step.after.isoformat()
        out += [f"## {label(lang, 'progress.moved', before=before, after=after)}", "",
                escape_markdown(label(lang, "progress.comparable", share=percent(step.comparable),
                             before=before, after=after)), ""]
        warning = step_warning(step, lang)
        if warning is not None:
            out += [f"**{escape_markdown(warning)}**", ""]
        if step.moved:
            rows = [[f"`{m.question}`", escape_markdown(pick(by_id[m.question].text, lang)),
                     escape_markdown(pillar_name(model, m.pillar, lang)),
                     score_text(m.before, lang),
                     score_text(m.after, lang), decimal(m.change, lang, signed=True)]
                    for m in step.moved[:TOP_MOVED]]
            out += markdown_table([label(lang, "view.question").capitalize(), "",
                          label(lang, "pillar").capitalize(), before, after,
                          label(lang, "progress.change").capitalize()], rows) + [""]
        else:
            out += [label(lang, "progress.no_moved"), ""]
        out += [f"### {label(lang, 'progress.actions', date=before)}", ""]
        if step.actions:
            rows = [[escape_markdown(s.action.what), escape_markdown(s.action.owner),
                     f"`{s.action.item}`" if s.action.item else "",
                     label(lang, f"action.{s.status}")] for s in step.actions]
            out += markdown_table([label(lang, "progress.action").capitalize(),
                          label(lang, "progress.owner").capitalize(),
                          label(lang, "view.question").capitalize(),
                          label(lang, "progress.status").capitalize()], rows) + [""]
        else:
            out += [label(lang, "progress.no_actions"), ""]
    return "\n".join(out)


def render_progress_table(result: Progress, questions: QuestionSet, model: Model, lang: str,
                          *, color: bool = False) -> str:
    """Progress for the terminal."""
    from rich.table import Table
    from rich.text import Text

    from stimulering.report.console import plain, render

    by_id = questions.by_id()
    parts: list[Any] = [plain(f"{label(lang, 'progress.title')}: {result.coalition}",
                              style="bold")]
    points = Table(box=None, padding=(0, 1))
    headings = _point_header(model, lang)
    # Full pillar names do not fit in 80 columns beside a round's dates.
    headings[3:6] = [label(lang, f"pillar_short.{p}") for p in PILLARS]
    for index, heading in enumerate(headings):
        points.add_column(plain(heading), justify="left" if index < 2 else "right",
                          no_wrap=index in (1, 2))
    for row in _point_rows(result, lang):
        points.add_row(*(plain(cell) for cell in row))
    parts += [Text(), points,
              Text(label(lang, "progress.round_rule", days=ROUND_WINDOW_DAYS), style="dim")]
    for step in result.steps:
        before, after = step.before.isoformat(), step.after.isoformat()
        parts += [Text(), Text(label(lang, "progress.moved", before=before, after=after),
                               style="bold underline"),
                  Text(label(lang, "progress.comparable", share=percent(step.comparable),
                             before=before, after=after), style="dim")]
        warning = step_warning(step, lang)
        if warning is not None:
            parts.append(Text(warning, style="bold yellow"))
        if step.moved:
            moved = Table(box=None, padding=(0, 1))
            moved.add_column(label(lang, "view.question"))
            moved.add_column(before, justify="right")
            moved.add_column(after, justify="right")
            moved.add_column("±", justify="right")
            for m in step.moved[:TOP_MOVED]:
                moved.add_row(plain(pick(by_id[m.question].text, lang)),
                              score_text(m.before, lang),
                              score_text(m.after, lang), decimal(m.change, lang, signed=True))
            parts.append(moved)
        else:
            parts.append(Text(label(lang, "progress.no_moved")))
        if step.actions:
            parts.append(Text(label(lang, "progress.actions", date=before), style="bold"))
            actions = Table(box=None, padding=(0, 1))
            actions.add_column(label(lang, "progress.action"))
            actions.add_column(label(lang, "progress.status"))
            for s in step.actions:
                style = "green" if s.status == "done" else "yellow"
                actions.add_row(plain(s.action.what), Text(label(lang, f"action.{s.status}"),
                                                           style=style))
            parts.append(actions)
    return render(parts, color=color)
