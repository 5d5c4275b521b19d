"""Radar charts as SVG text: a pure, deterministic function of the numbers and labels.

One SVG document holds one or more charts side by side. Every chart has one
axis per value (``<line class="axis" data-axis="ID">``), rings at quarter
scores, an optional dashed threshold ring and the values as a filled polygon.
Coordinates are rounded to one decimal so the output is byte-identical
everywhere. Every text is escaped, and characters XML does not allow are left
out, so any name gives a valid document; other control, bidi and zero-width
characters are shown as their code point, as everywhere (``sanitise.visible``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from stimulering.core.results import Evaluation
from stimulering.core.scoring import category_scores
from stimulering.i18n import label, pick
from stimulering.model import PILLARS
from stimulering.report.common import pillar_name, range_text, score_text
from stimulering.sanitise import visible, xml_chars

PANEL_WIDTH = 480
PANEL_HEIGHT = 440
TOP = 56
"""Room above the charts for the document title."""
RADIUS = 120
LABEL_GAP = 16
LINE_CHARS = 15
"""Axis labels are wrapped at word boundaries to lines of about this many characters."""
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
INK = "#1f2933"
GRID = "#c8d0d8"
VALUE = "#1f6fb2"
THRESHOLD = "#d9822b"
TARGET = "#2f8f46"


@dataclass(frozen=True)
class Axis:
    """One spoke of a radar chart."""

    id: str
    """Stable id, written as ``data-axis``."""
    label: str
    """What the reader sees at the end of the spoke."""
    value: float | None
    """A score in [0, 1]; ``None`` is drawn at the centre and labelled with a dash."""
    text: str | None = None
    """What the label shows under the name instead of the value, when given."""
    target: float | None = None
    """A target in [0, 1], drawn over the value as a dotted polygon; ``None``: no target."""


@dataclass(frozen=True)
class Chart:
    """One radar chart: a title and its axes (at least three)."""

    id: str
    title: str
    axes: tuple[Axis, ...]
    rings: tuple[float, ...] = (0.25, 0.5, 0.75, 1.0)
    """The grid rings, as fractions of the radius."""

    @property
    def has_target(self) -> bool:
        """Whether any axis has a target."""
        return any(axis.target is not None for axis in self.axes)


def escape(text: str) -> str:
    """Text for an XML element: without what XML forbids, other hidden characters shown."""
    return _escape(visible(xml_chars(text)))


def quoteattr(text: str) -> str:
    """Text as a quoted XML attribute value, cleaned like ``escape``."""
    return _quoteattr(visible(xml_chars(text)))


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _point(cx: float, cy: float, angle: float, radius: float) -> tuple[float, float]:
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def _angles(count: int) -> list[float]:
    return [-math.pi / 2 + 2 * math.pi * index / count for index in range(count)]


def _polygon(cx: float, cy: float, angles: Sequence[float], radii: Sequence[float]) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in
                    (_point(cx, cy, a, r) for a, r in zip(angles, radii, strict=True)))


def wrap(text: str, width: int = LINE_CHARS) -> list[str]:
    """Words of ``text`` on lines of at most ``width`` characters (a long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _chart(chart: Chart, left: float, threshold: float | None, lang: str) -> list[str]:
    cx = left + PANEL_WIDTH / 2
    cy = TOP + PANEL_HEIGHT / 2 + 8
    angles = _angles(len(chart.axes))
    out = [f'<g class="chart" id={quoteattr("chart-" + chart.id)}>',
           f'<text class="chart-title" x="{_num(cx)}" y="{_num(TOP + 4)}" '
           f'text-anchor="middle" font-size="15" font-weight="600">{escape(chart.title)}</text>']
    for ring in chart.rings:
        points = _polygon(cx, cy, angles, [RADIUS * ring] * len(angles))
        out.append(f'<polygon class="ring" points="{points}" fill="none" stroke="{GRID}" '
                   'stroke-width="1"/>')
    if threshold is not None and not chart.has_target:
        out.append(f'<polygon class="threshold" points='
                   f'"{_polygon(cx, cy, angles, [RADIUS * threshold] * len(angles))}" '
                   f'fill="none" stroke="{THRESHOLD}" stroke-width="1.5" '
                   f'stroke-dasharray="5 4"/>')
    for axis, angle in zip(chart.axes, angles, strict=True):
        x, y = _point(cx, cy, angle, RADIUS)
        out.append(f'<line class="axis" data-axis={quoteattr(axis.id)} x1="{_num(cx)}" '
                   f'y1="{_num(cy)}" x2="{_num(x)}" y2="{_num(y)}" stroke="{GRID}" '
                   f'stroke-width="1"/>')
    radii = [RADIUS * min(max(axis.value or 0.0, 0.0), 1.0) for axis in chart.axes]
    out.append(f'<polygon class="value" points="{_polygon(cx, cy, angles, radii)}" '
               f'fill="{VALUE}" fill-opacity="0.22" stroke="{VALUE}" stroke-width="2" '
               f'stroke-linejoin="round"/>')
    for angle, radius in zip(angles, radii, strict=True):
        x, y = _point(cx, cy, angle, radius)
        out.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="3.5" fill="{VALUE}"/>')
    out += _target(chart, cx, cy, angles)
    for axis, angle in zip(chart.axes, angles, strict=True):
        x, y = _point(cx, cy, angle, RADIUS + LABEL_GAP)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "start" if cos > 0.25 else ("end" if cos < -0.25 else "middle")
        lines = wrap(axis.label)
        height = 15 * (len(lines) + 1)
        # Labels above the centre grow upwards, those below grow downwards.
        top = y - height + 11 if sin < -0.25 else (y + 11 if sin > 0.25 else y - height / 2 + 11)
        spans = "".join(
            f'<tspan x="{_num(x)}" y="{_num(top + 15 * index)}">{escape(line)}</tspan>'
            for index, line in enumerate(lines))
        shown = score_text(axis.value, lang) if axis.text is None else axis.text
        spans += (f'<tspan x="{_num(x)}" y="{_num(top + 15 * len(lines))}" '
                  f'font-weight="600" fill="{VALUE}">{escape(shown)}</tspan>')
        out.append(f'<text class="label" data-axis={quoteattr(axis.id)} '
                   f'text-anchor="{anchor}" font-size="12.5">{spans}</text>')
    out.append("</g>")
    return out


def target_points(chart: Chart, cx: float, cy: float,
                  angles: Sequence[float]) -> list[tuple[float, float] | None]:
    """Where each axis's target lies, or ``None`` for an axis without a target."""
    return [None if axis.target is None else
            _point(cx, cy, angle, RADIUS * min(max(axis.target, 0.0), 1.0))
            for axis, angle in zip(chart.axes, angles, strict=True)]


def _target(chart: Chart, cx: float, cy: float, angles: Sequence[float]) -> list[str]:
    """The target over the values: dotted lines between neighbouring targets, and points."""
    points = target_points(chart, cx, cy, angles)
    out = []
    for index, start in enumerate(points):
        end = points[(index + 1) % len(points)]
        if start is not None and end is not None and len(points) > 1:
            out.append(f'<line class="target" x1="{_num(start[0])}" y1="{_num(start[1])}" '
                       f'x2="{_num(end[0])}" y2="{_num(end[1])}" stroke="{TARGET}" '
                       f'stroke-width="2" stroke-dasharray="2 4" stroke-linecap="round"/>')
    for axis, point in zip(chart.axes, points, strict=True):
        if point is not None:
            out.append(f'<circle class="target" data-axis={quoteattr(axis.id)} '
                       f'cx="{_num(point[0])}" cy="{_num(point[1])}" r="5" fill="none" '
                       f'stroke="{TARGET}" stroke-width="2"/>')
    return out


BARE_TOP = 30
"""What a bare picture leaves out at the top: the room of the document title."""


def radar_svg(title: str, charts: Sequence[Chart], *, lang: str,
              threshold: float | None = None, legend: str = "", bare: bool = False) -> str:
    """Radar charts side by side in one SVG document, with a title and a one-line legend.

    The values are written the way ``lang`` writes decimals. ``bare`` leaves the
    document title and the legend out of the picture (a Word or PDF report prints them
    as the caption, in its own font), and the room they took.
    """
    width = PANEL_WIDTH * len(charts)
    legend_lines = wrap(legend, int(width / 6.4)) if legend and not bare else []
    height = TOP + PANEL_HEIGHT + 24 + 16 * max(len(legend_lines) - 1, 0)
    top, shift = 0, ""
    if bare:
        top, height = BARE_TOP, TOP + PANEL_HEIGHT - BARE_TOP
        shift = f' y="{top}"'
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 {top} {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="radar-title" '
        f'font-family="{FONT}" fill="{INK}">',
        f'<title id="radar-title">{escape(title)}</title>',
        f'<rect{shift} width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    if not bare:
        out.append(f'<text x="{_num(width / 2)}" y="24" text-anchor="middle" font-size="17" '
                   f'font-weight="700">{escape(title)}</text>')
    for index, chart in enumerate(charts):
        out += _chart(chart, PANEL_WIDTH * index, threshold, lang)
    for index, line in enumerate(legend_lines):
        y = height - 10 - 16 * (len(legend_lines) - 1 - index)
        out.append(f'<text class="legend" x="{_num(width / 2)}" y="{y}" '
                   f'text-anchor="middle" font-size="12" fill="#52606d">{escape(line)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Figure:
    """The report's radar charts with their title, threshold ring and legend."""

    title: str
    charts: list[Chart]
    threshold: float
    legend: str


def report_figure(evaluation: Evaluation, lang: str) -> Figure:
    """The report's radar charts: pillars, categories, and the phases with their targets."""
    result = evaluation.assessment
    model = evaluation.model
    pillars = Chart("pillars", label(lang, "report.chart_pillars"), tuple(
        Axis(p, pillar_name(model, p, lang), result.pillars[p].score) for p in PILLARS))
    names = {c.id: pick(c.name, lang) for c in model.categories}
    categories = Chart("categories", label(lang, "report.chart_categories"), tuple(
        Axis(c.id, names[c.id], c.score)
        for c in category_scores(result, evaluation.questions, names)))
    threshold = model.settings.threshold
    charts = [pillars, categories]
    legend = label(lang, "report.chart_legend", threshold=score_text(threshold, lang))
    phases = phase_chart(evaluation, lang)
    if phases is not None:
        charts.append(phases)
        legend = f"{legend}. {label(lang, 'report.chart_target_legend')}"
    return Figure(label(lang, "report.chart_title", coalition=result.coalition), charts,
                  threshold, legend)


def report_svg(evaluation: Evaluation, lang: str) -> str:
    """The report's radar charts as SVG text."""
    figure = report_figure(evaluation, lang)
    return radar_svg(figure.title, figure.charts, threshold=figure.threshold,
                     legend=figure.legend, lang=lang)


def phase_chart(evaluation: Evaluation, lang: str) -> Chart | None:
    """The phase of each pillar now with its target over it; ``None`` without any target.

    The radius is the phase, from 0 at the centre to 6 at the rim. The target is
    what the answers file sets; a pillar without one gets no target point, and a
    pillar whose phase is still open is drawn at the low end, its text "2–3".
    Where partners set different targets, the point is the lowest and the label
    names them all ("2 → 3/4").
    """
    if not evaluation.targets:
        return None
    result = evaluation.assessment
    axes = []
    for p in PILLARS:
        now = result.pillars[p].phase_range
        phases = evaluation.target_phases(p)
        target = phases[0] if phases else None
        shown = range_text(now) + (
            f" → {'/'.join(str(phase) for phase in phases)}" if phases else "")
        axes.append(Axis(p, pillar_name(evaluation.model, p, lang), now.low / 6, text=shown,
                         target=None if target is None else target / 6))
    return Chart("phases", label(lang, "report.chart_phases"), tuple(axes),
                 rings=tuple(number / 6 for number in range(1, 7)))
