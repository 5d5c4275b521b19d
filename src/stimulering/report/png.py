"""Radar charts as PNG, for Word and PDF: a small pure-Python rasteriser, no image library.

Word shows a PNG everywhere (an SVG needs a PNG beside it anyway), and a PDF
embeds one as it is. The charts have the geometry of ``svg``: the same panels,
rings, axes, threshold, values and targets, drawn at twice the SVG's size
(about 290 dots per inch on an A4 page), where the edges need no smoothing.
Letters come from ``glyphs.bin`` (made by ``tools/make_glyphs.py`` from DejaVu
Sans), grey-scale bitmaps blended onto the picture; a character it lacks is
drawn as "?". The document title and the legend are not in
the picture: the report prints them as its caption, in its own font.
"""

from __future__ import annotations

import functools
import math
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from stimulering.i18n import decimal
from stimulering.report.svg import (
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
    wrap,
)

SCALE = 2
SHIFT = 30
"""The SVG's room for the document title, left out here (in SVG units)."""
LABEL_SIZE = 24
TITLE_SIZE = 30

Color = tuple[int, int, int]


def _rgb(hex_color: str) -> Color:
    value = int(hex_color.lstrip("#"), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def _mix(color: Color, alpha: float, under: Color = (255, 255, 255)) -> Color:
    return tuple(round(c * alpha + u * (1 - alpha)) for c, u in zip(color, under,
                                                                     strict=True))  # type: ignore[return-value]


@dataclass(frozen=True)
class _Glyph:
    advance: int
    left: int
    top: int
    width: int
    height: int
    alpha: bytes


@functools.cache
def _glyphs() -> dict[tuple[int, bool], dict[str, _Glyph]]:
    """The packed letters, by (size, bold) and character."""
    data = zlib.decompress((resources.files("stimulering.report") / "glyphs.bin").read_bytes())
    sizes: dict[tuple[int, bool], dict[str, _Glyph]] = {}
    offset = 0
    while offset < len(data):
        size, bold, count = struct.unpack_from("<HHH", data, offset)
        offset += 6
        table: dict[str, _Glyph] = {}
        for _ in range(count):
            code, advance, left, top, _, width, height = struct.unpack_from("<IhhhhHH", data,
                                                                            offset)
            offset += struct.calcsize("<IhhhhHH")
            table[chr(code)] = _Glyph(advance, left, top, width, height,
                                      data[offset:offset + width * height])
            offset += width * height
        sizes[(size, bool(bold))] = table
    return sizes


class Canvas:
    """An RGB picture with the few drawing operations a radar chart needs."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.pixels = bytearray(b"\xff" * (width * height * 3))

    def polygon(self, points: Sequence[tuple[float, float]], color: Color) -> None:
        """Fill a polygon (even-odd rule), sampling each row at its centre."""
        fill = bytes(color)
        top = max(int(math.floor(min(y for _, y in points))), 0)
        bottom = min(int(math.ceil(max(y for _, y in points))), self.height - 1)
        edges = list(zip(points, [*points[1:], points[0]], strict=True))
        for row in range(top, bottom + 1):
            y = row + 0.5
            crossings = sorted(x0 + (y - y0) * (x1 - x0) / (y1 - y0)
                               for (x0, y0), (x1, y1) in edges
                               if (y0 <= y < y1) or (y1 <= y < y0))
            for start, end in zip(crossings[::2], crossings[1::2], strict=False):
                first = max(int(round(start)), 0)
                last = min(int(round(end)), self.width)
                if last > first:
                    at = (row * self.width + first) * 3
                    self.pixels[at:at + (last - first) * 3] = fill * (last - first)

    def line(self, start: tuple[float, float], end: tuple[float, float], width: float,
             color: Color, dash: tuple[float, float] | None = None) -> None:
        """A straight line of ``width``, solid or dashed (``dash``: on, off)."""
        (x0, y0), (x1, y1) = start, end
        length = math.hypot(x1 - x0, y1 - y0)
        if length == 0:
            return
        pieces = [(0.0, length)] if dash is None else [
            (position, min(position + dash[0], length))
            for position in _steps(length, dash[0] + dash[1])]
        dx, dy = (x1 - x0) / length, (y1 - y0) / length
        nx, ny = -dy * width / 2, dx * width / 2
        for a, b in pieces:
            ax, ay = x0 + dx * a, y0 + dy * a
            bx, by = x0 + dx * b, y0 + dy * b
            self.polygon([(ax + nx, ay + ny), (bx + nx, by + ny), (bx - nx, by - ny),
                          (ax - nx, ay - ny)], color)

    def circle(self, centre: tuple[float, float], radius: float, color: Color) -> None:
        """A filled circle."""
        cx, cy = centre
        self.polygon([(cx + radius * math.cos(2 * math.pi * k / 24),
                       cy + radius * math.sin(2 * math.pi * k / 24)) for k in range(24)], color)

    def ring(self, centre: tuple[float, float], radius: float, width: float,
             color: Color) -> None:
        """The outline of a circle."""
        cx, cy = centre
        points = [(cx + radius * math.cos(2 * math.pi * k / 32),
                   cy + radius * math.sin(2 * math.pi * k / 32)) for k in range(33)]
        for start, end in zip(points, points[1:], strict=False):
            self.line(start, end, width, color)

    def text(self, x: float, y: float, text: str, size: int, color: Color, *,
             anchor: str = "start", bold: bool = False) -> None:
        """Text with its baseline at ``y``; ``anchor`` start, middle or end at ``x``."""
        table = _glyphs()[(size, bold)]
        glyphs = [table.get(char) or table["?"] for char in text]
        width = sum(glyph.advance for glyph in glyphs)
        pen = x - (width if anchor == "end" else width / 2 if anchor == "middle" else 0)
        for glyph in glyphs:
            self._blend(int(round(pen)) + glyph.left, int(round(y)) + glyph.top, glyph, color)
            pen += glyph.advance

    def _blend(self, left: int, top: int, glyph: _Glyph, color: Color) -> None:
        for row in range(glyph.height):
            y = top + row
            if not 0 <= y < self.height:
                continue
            source = glyph.alpha[row * glyph.width:(row + 1) * glyph.width]
            for column, alpha in enumerate(source):
                x = left + column
                if alpha and 0 <= x < self.width:
                    at = (y * self.width + x) * 3
                    share = alpha / 255
                    for channel in range(3):
                        under = self.pixels[at + channel]
                        self.pixels[at + channel] = round(color[channel] * share
                                                          + under * (1 - share))

    def png(self) -> bytes:
        """The picture as a PNG file."""
        rows = b"".join(b"\x00" + bytes(self.pixels[row * self.width * 3:
                                                     (row + 1) * self.width * 3])
                        for row in range(self.height))

        def chunk(kind: bytes, data: bytes) -> bytes:
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        dpi = struct.pack(">IIB", 11811, 11811, 1)  # 300 dots per inch
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"pHYs", dpi)
                + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


def _steps(length: float, period: float) -> list[float]:
    count = int(length // period) + 1
    return [index * period for index in range(count)]


def _angles(count: int) -> list[float]:
    return [-math.pi / 2 + 2 * math.pi * index / count for index in range(count)]


def radar_png(charts: Sequence[Chart], *, lang: str, threshold: float | None = None) -> bytes:
    """The radar charts side by side as a PNG (without the document title and legend)."""
    width = PANEL_WIDTH * len(charts) * SCALE
    height = (TOP + PANEL_HEIGHT - SHIFT) * SCALE
    canvas = Canvas(width, height)
    for index, chart in enumerate(charts):
        _chart(canvas, chart, PANEL_WIDTH * index, threshold, lang)
    return canvas.png()


def _chart(canvas: Canvas, chart: Chart, left: float, threshold: float | None,
           lang: str) -> None:
    s = SCALE
    cx = (left + PANEL_WIDTH / 2) * s
    cy = (TOP + PANEL_HEIGHT / 2 + 8 - SHIFT) * s
    angles = _angles(len(chart.axes))

    def point(angle: float, radius: float) -> tuple[float, float]:
        return cx + radius * s * math.cos(angle), cy + radius * s * math.sin(angle)

    grid, ink, value = _rgb(GRID), _rgb(INK), _rgb(VALUE)
    canvas.text(cx, (TOP + 4 - SHIFT) * s, chart.title, TITLE_SIZE, ink, anchor="middle",
                bold=True)
    radii = [RADIUS * min(max(axis.value or 0.0, 0.0), 1.0) for axis in chart.axes]
    values = [point(a, r) for a, r in zip(angles, radii, strict=True)]
    canvas.polygon(values, _mix(value, 0.22))
    for ring in chart.rings:
        corners = [point(a, RADIUS * ring) for a in angles]
        for start, end in zip(corners, [*corners[1:], corners[0]], strict=True):
            canvas.line(start, end, s, grid)
    for angle in angles:
        canvas.line((cx, cy), point(angle, RADIUS), s, grid)
    if threshold is not None and not chart.has_target:
        corners = [point(a, RADIUS * threshold) for a in angles]
        for start, end in zip(corners, [*corners[1:], corners[0]], strict=True):
            canvas.line(start, end, 1.5 * s, _rgb(THRESHOLD), dash=(5 * s, 4 * s))
    for start, end in zip(values, [*values[1:], values[0]], strict=True):
        canvas.line(start, end, 2 * s, value)
        canvas.circle(start, 3.5 * s, value)
    targets = [None if axis.target is None else point(a, RADIUS * min(max(axis.target, 0), 1))
               for axis, a in zip(chart.axes, angles, strict=True)]
    green = _rgb(TARGET)
    for index, here in enumerate(targets):
        there = targets[(index + 1) % len(targets)]
        if here is not None and there is not None:
            canvas.line(here, there, 2 * s, green, dash=(3 * s, 4 * s))
    for target in targets:
        if target is not None:
            canvas.ring(target, 5 * s, 2 * s, green)
    for axis, angle in zip(chart.axes, angles, strict=True):
        x, y = point(angle, RADIUS + LABEL_GAP)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "start" if cos > 0.25 else ("end" if cos < -0.25 else "middle")
        lines = wrap(axis.label)
        line_height = 15 * s
        height = line_height * (len(lines) + 1)
        top = y - height + 11 * s if sin < -0.25 else (
            y + 11 * s if sin > 0.25 else y - height / 2 + 11 * s)
        for index, text in enumerate(lines):
            canvas.text(x, top + line_height * index, text, LABEL_SIZE, ink, anchor=anchor)
        shown = ("–" if axis.value is None else decimal(axis.value, lang)) \
            if axis.text is None else axis.text
        canvas.text(x, top + line_height * len(lines), shown, LABEL_SIZE, value, anchor=anchor,
                    bold=True)
