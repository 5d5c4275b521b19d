"""The radar charts as a PNG picture for Word, drawn with Pillow.

Word shows a PNG everywhere. The picture has the geometry of ``svg``: the same panels,
rings, axes, threshold, values and targets, drawn at twice the SVG's size (about 290
dots per inch on an A4 page) and twice that again, then scaled down, which
smooths every edge. The document title and the legend are not in the picture: the
report prints them as its caption, in its own font.

Pillow's own font lacks accented letters (Financiën), so the letters come from a
TrueType font found on the computer (``FONTS``, in that order); only without any of
them does Pillow's own font stand in. Pillow is in the ``docx`` extra and is imported
only here, when a Word report is made.
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Sequence
from typing import Any

from stimulering.i18n import decimal
from stimulering.office import office_text, require
from stimulering.report.svg import (
    BARE_TOP,
    GRID,
    INK,
    LABEL_GAP,
    PANEL_HEIGHT,
    PANEL_WIDTH,
    RADIUS,
    TARGET,
    THRESHOLD,
    TOP,
    VALUE,
    Chart,
    target_points,
    wrap,
)

SCALE = 2
"""The picture's pixels per SVG unit."""
SMOOTH = 2
"""Drawn this many times larger, then scaled down: edges without steps."""
LABEL_SIZE = 12.5
TITLE_SIZE = 15
DOTS_PER_INCH = 300

FONTS = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
    ("arial.ttf", "arialbd.ttf"),
)
"""TrueType fonts with the letters of Western European languages (regular, bold), by file
name: Pillow looks for them in the computer's font folders."""

Color = tuple[int, int, int]


@functools.cache
def _font(size: int, bold: bool) -> Any:
    """A font of ``size`` pixels: the first of ``FONTS`` on this computer, else Pillow's own."""
    from PIL import ImageFont

    for regular, heavy in FONTS:
        try:
            return ImageFont.truetype(heavy if bold else regular, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _rgb(hex_color: str) -> Color:
    value = int(hex_color.lstrip("#"), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def _tint(color: Color, alpha: float) -> Color:
    """``color`` at ``alpha`` over white."""
    red, green, blue = (round(c * alpha + 255 * (1 - alpha)) for c in color)
    return red, green, blue


def _angles(count: int) -> list[float]:
    return [-math.pi / 2 + 2 * math.pi * index / count for index in range(count)]


def radar_png(charts: Sequence[Chart], *, lang: str, threshold: float | None = None) -> bytes:
    """The radar charts side by side as PNG bytes (without the document title and legend)."""
    image_module = require("PIL.Image", "docx", "--format docx")
    from PIL import ImageDraw

    size = SCALE * SMOOTH
    width = PANEL_WIDTH * len(charts)
    height = TOP + PANEL_HEIGHT - BARE_TOP
    image = image_module.new("RGB", (width * size, height * size), "white")
    draw = ImageDraw.Draw(image)
    for index, chart in enumerate(charts):
        _chart(draw, chart, PANEL_WIDTH * index, threshold, lang, size)
    image = image.resize((width * SCALE, height * SCALE), image_module.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DOTS_PER_INCH, DOTS_PER_INCH))
    return out.getvalue()


def _dashed(draw: Any, start: tuple[float, float], end: tuple[float, float], width: float,
            color: Color, dash: tuple[float, float]) -> None:
    """A dashed line: ``dash`` is (on, off) along the line."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    if length == 0:
        return
    dx, dy = (x1 - x0) / length, (y1 - y0) / length
    position = 0.0
    while position < length:
        stop = min(position + dash[0], length)
        draw.line([(x0 + dx * position, y0 + dy * position), (x0 + dx * stop, y0 + dy * stop)],
                  fill=color, width=round(width))
        position += dash[0] + dash[1]


def _dot(draw: Any, centre: tuple[float, float], radius: float, *, fill: Color | None = None,
         outline: Color | None = None, width: int = 0) -> None:
    x, y = centre
    draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill, outline=outline,
                 width=width)


def _chart(draw: Any, chart: Chart, left: float, threshold: float | None, lang: str,
           size: int) -> None:
    """One chart, as ``svg`` draws it, with every length in pixels (``size`` per unit)."""
    cx = (left + PANEL_WIDTH / 2) * size
    cy = (TOP + PANEL_HEIGHT / 2 + 8 - BARE_TOP) * size
    angles = _angles(len(chart.axes))

    def point(angle: float, radius: float) -> tuple[float, float]:
        return cx + radius * size * math.cos(angle), cy + radius * size * math.sin(angle)

    grid, ink, value = _rgb(GRID), _rgb(INK), _rgb(VALUE)
    draw.text((cx, (TOP + 4 - BARE_TOP) * size), office_text(chart.title), fill=ink, anchor="ms",
              font=_font(TITLE_SIZE * size, True))
    radii = [RADIUS * min(max(axis.value or 0.0, 0.0), 1.0) for axis in chart.axes]
    values = [point(angle, radius) for angle, radius in zip(angles, radii, strict=True)]
    draw.polygon(values, fill=_tint(value, 0.22))
    for ring in chart.rings:
        corners = [point(angle, RADIUS * ring) for angle in angles]
        draw.line([*corners, corners[0]], fill=grid, width=size, joint="curve")
    for angle in angles:
        draw.line([(cx, cy), point(angle, RADIUS)], fill=grid, width=size)
    if threshold is not None and not chart.has_target:
        corners = [point(angle, RADIUS * threshold) for angle in angles]
        for start, end in zip(corners, [*corners[1:], corners[0]], strict=True):
            _dashed(draw, start, end, 1.5 * size, _rgb(THRESHOLD), (5 * size, 4 * size))
    draw.line([*values, values[0]], fill=value, width=2 * size, joint="curve")
    for corner in values:
        _dot(draw, corner, 3.5 * size, fill=value)
    green = _rgb(TARGET)
    # The targets in SVG units around the origin, then placed and scaled like the rest.
    targets = [None if found is None else (cx + found[0] * size, cy + found[1] * size)
               for found in target_points(chart, 0.0, 0.0, angles)]
    for index, here in enumerate(targets):
        there = targets[(index + 1) % len(targets)]
        if here is not None and there is not None and len(targets) > 1:
            _dashed(draw, here, there, 2 * size, green, (2 * size, 4 * size))
    for target in targets:
        if target is not None:
            _dot(draw, target, 5 * size, outline=green, width=2 * size)
    regular = _font(round(LABEL_SIZE * size), False)
    bold = _font(round(LABEL_SIZE * size), True)
    for axis, angle in zip(chart.axes, angles, strict=True):
        x, y = point(angle, RADIUS + LABEL_GAP)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "l" if cos > 0.25 else ("r" if cos < -0.25 else "m")
        lines = wrap(axis.label)
        line_height = 15 * size
        height = line_height * (len(lines) + 1)
        # Labels above the centre grow upwards, those below grow downwards.
        top = y - height + 11 * size if sin < -0.25 else (
            y + 11 * size if sin > 0.25 else y - height / 2 + 11 * size)
        for index, text in enumerate(lines):
            draw.text((x, top + line_height * index), office_text(text), fill=ink,
                      anchor=f"{anchor}s", font=regular)
        shown = ("–" if axis.value is None else decimal(axis.value, lang)) \
            if axis.text is None else axis.text
        draw.text((x, top + line_height * len(lines)), office_text(shown), fill=value,
                  anchor=f"{anchor}s", font=bold)
