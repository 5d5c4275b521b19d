"""Terminal rendering of an assessment with rich: phase, ladder, pillars, explanation, advice.

Every text from a file reaches rich as a ``Text`` made with ``plain``, so it is never
read as markup, and with its hidden characters made visible. The console of
``safe_console`` reads no markup in plain strings either, and makes visible whatever
hidden character a renderable might still carry, so nothing printed can act on the
terminal.
"""

from __future__ import annotations

from rich.console import (
    RenderableType,
)
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from stimulering.core.results import Evaluation
from stimulering.core.scoring import PhaseRange
from stimulering.i18n import label, pick, plural
from stimulering.model import PILLARS
from stimulering.report.common import (
    advice_heading,
    advice_text,
    deciding_lines,
    deciding_unknown_lines,
    explanation,
    overall_phase_text,
    phase_name,
    pillar_name,
    pillar_score_text,
    range_text,
    respondent_text,
    signal_names,
    warning_message,
)
from stimulering.report.console import WIDTH, bullet, plain, render

BAR_CELLS = 12
TOP_ADVICE = 3
"""How many advice items per pillar the terminal shows; the report has them all."""


def bar(score: float | None, cells: int = BAR_CELLS) -> str:
    """A score in [0, 1] as a bar of block characters."""
    filled = round((score or 0.0) * cells)
    return "█" * filled + "░" * (cells - filled)


def phase_steps(phases: PhaseRange) -> str:
    """A pillar's phase as six steps: reached ones filled, those still open half filled."""
    return "●" * phases.low + "◐" * (phases.high - phases.low) + "○" * (6 - phases.high)


def assessment_renderables(evaluation: Evaluation, lang: str, *,
                           top_advice: int | None = TOP_ADVICE,
                           deciding: bool = True) -> list[RenderableType]:
    """The result screen as rich renderables.

    Without ``deciding`` it leaves out what decides the phase: the interview shows its
    result to whoever answered, who should not read which answer would count.
    """
    result = evaluation.assessment
    model = evaluation.model
    parts: list[RenderableType] = []
    who = ""
    if result.respondent is not None:
        who = f" · {respondent_text(result.respondent, lang)}"
    parts.append(plain(f"{result.coalition}{who} · {result.date.isoformat()}", style="bold"))
    parts.append(plain(f"{label(lang, 'question_set')}: {result.question_set.id} "
                       f"{result.question_set.version}", style="dim"))
    parts.append(Text())
    parts.append(Text.assemble((f"{label(lang, 'overall_phase')}: ", "bold"),
                               plain(overall_phase_text(model, result.phase_range, lang),
                                     "bold cyan")))
    parts.append(Text())

    ladder = Table(show_header=False, box=None, padding=(0, 1))
    ladder.add_column(justify="right")
    ladder.add_column()
    ladder.add_column(style="cyan")
    for number in range(6, 0, -1):
        here = [pillar_name(model, p, lang) for p in PILLARS if result.pillars[p].phase == number]
        # A pillar still open stands at its lowest phase, with the range beside it.
        maybe = [f"{pillar_name(model, p, lang)} ({range_text(result.pillars[p].phase_range)})"
                 for p in PILLARS if result.pillars[p].phase is None
                 and result.pillars[p].phase_range.low == number]
        marker = " ".join(f"{mark} {', '.join(names)}" for mark, names in
                          (("◀", here), ("◀?", maybe)) if names)
        style = "bold" if number == result.phase else ""
        ladder.add_row(str(number), plain(phase_name(model, number, lang), style=style),
                       plain(marker))
    parts.append(ladder)
    parts.append(Text())

    pillars = Table(box=None, padding=(0, 1), show_edge=False)
    pillars.add_column(label(lang, "pillar").capitalize())
    pillars.add_column(label(lang, "phase").capitalize())
    pillars.add_column(label(lang, "score").capitalize(), justify="right")
    pillars.add_column("", no_wrap=True)
    # With targets, the roadmap of the report's summary: the target and how far towards it.
    roadmap_rows = {row.pillar: row for row in evaluation.roadmap}
    with_targets = bool(evaluation.targets)
    if with_targets:
        pillars.add_column(label(lang, "report.target"), no_wrap=True)
    for pillar_id in PILLARS:
        pillar = result.pillars[pillar_id]
        cells: list[RenderableType] = [
            plain(pillar_name(model, pillar_id, lang)),
            f"{range_text(pillar.phase_range)} {phase_steps(pillar.phase_range)}",
            pillar_score_text(pillar, lang), Text(bar(pillar.score), style="green")]
        if with_targets:
            row = roadmap_rows[pillar_id]
            cells.append("–" if row.target is None else " / ".join(
                f"{vote.phase} · {'?' if percent is None else f'{percent}%'}"
                for vote, percent in zip(row.targets, row.percents, strict=True)))
        pillars.add_row(*cells)
    parts.append(pillars)
    parts.append(Text())

    if deciding:
        parts.extend(deciding_renderables(evaluation, lang))

    steps = evaluation.next_steps
    if steps:
        parts.append(Text(label(lang, "report.next_steps"), style="bold underline"))
        for number, step in enumerate(steps, start=1):
            parts.append(bullet(f"{advice_heading(evaluation, step.item, lang)} "
                                f"({pillar_name(model, step.pillar, lang)})",
                                mark=f"{number}."))
        parts.append(Text())

    parts.append(Text(label(lang, "explanation"), style="bold underline"))
    for pillar_id in PILLARS:
        parts.append(bullet(" ".join(explanation(evaluation, result.pillars[pillar_id], lang))))
    parts.append(Text())

    signals = Table(box=None, padding=(0, 1), show_header=False)
    signals.add_column()
    signals.add_column()
    signals.add_column()
    names = signal_names(model, lang)
    for signal in (*result.catalysts, *result.inhibitors):
        good = (signal.status == "present") == (signal.kind == "catalyst")
        style = "yellow" if signal.status == "unknown" else ("green" if good else "red")
        signals.add_row(label(lang, f"kind.{signal.kind}"), plain(names[signal.id]),
                        Text(label(lang, f"status.{signal.status}"), style=style))
    parts.append(Text(f"{label(lang, 'catalysts')} / {label(lang, 'inhibitors').lower()}",
                      style="bold underline"))
    parts.append(signals)
    parts.append(Text())

    parts.append(Text(label(lang, "advice"), style="bold underline"))
    instruments = {instrument.id: pick(instrument.name, lang) for instrument in model.instruments}
    for pillar_id in PILLARS:
        items = evaluation.advice[pillar_id]
        if not items:
            continue
        parts.append(plain(pillar_name(model, pillar_id, lang), style="bold"))
        shown = items if top_advice is None else items[:top_advice]
        for item in shown:
            parts.append(bullet(advice_heading(evaluation, item, lang), style="bold"))
            if advice_text(item, lang):
                parts.append(Padding(plain(advice_text(item, lang)), (0, 0, 0, 3)))
            if item.instruments:
                used = ", ".join(instruments.get(i, i) for i in item.instruments)
                parts.append(Padding(plain(f"{label(lang, 'instruments')}: {used}", style="dim"),
                                     (0, 0, 0, 3)))
    if result.warnings:
        parts.append(Text())
        parts.append(Text(label(lang, "warnings"), style="bold yellow"))
        for warning in result.warnings:
            parts.append(bullet(warning_message(warning, evaluation, lang)))
    return parts


def deciding_renderables(evaluation: Evaluation, lang: str) -> list[RenderableType]:
    """What decides the phase, as on the report's summary."""
    result = evaluation.assessment
    parts: list[RenderableType] = [Text(label(lang, "deciding.title"), style="bold underline")]
    if not result.phase_range.known:
        parts.append(plain(label(lang, "deciding.open", low=result.phase_range.low,
                                 high=result.phase_range.high)))
        parts.extend(bullet(line) for line in deciding_unknown_lines(
            evaluation, evaluation.verdict.unknown, lang))
    lines, more = deciding_lines(evaluation, lang)
    if lines:
        parts.append(plain(label(lang, "deciding.intro")))
        parts.extend(bullet(line) for line in lines)
        if more:
            parts.append(plain(plural(lang, "deciding.more", more)))
    elif result.phase_range.known:
        parts.append(plain(label(lang, "deciding.none")))
    parts.append(Text())
    return parts


def render_assessment_text(evaluation: Evaluation, lang: str, *, color: bool = False,
                      width: int = WIDTH) -> str:
    """The result screen as text."""
    return render(assessment_renderables(evaluation, lang), color=color, width=width)
