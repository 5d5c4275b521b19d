"""Make ``src/stimulering/report/glyphs.bin``: the letters the PNG chart is drawn with.

The PNG radar chart (for Word and PDF reports) is drawn by stimulering's own
pure-Python rasteriser, which needs letters as small grey-scale bitmaps. This
script renders them once from DejaVu Sans and DejaVu Sans Bold (free fonts:
Bitstream Vera licence, DejaVu changes in the public domain) and packs them;
run it with Pillow and the DejaVu fonts installed (Debian: fonts-dejavu-core):

    python tools/make_glyphs.py

The format: zlib-compressed; per face a header ``<HHH`` (size, bold, count),
then per letter ``<IhhhhHH`` (code point, advance, left, top, -, width,
height) and its width x height alpha bytes; ``top`` is measured from the
baseline (negative above it).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")
FACES = ((24, False), (24, True), (30, True))
"""(size in pixels, bold): axis labels, their values, and chart titles."""
CHARS = [chr(c) for c in range(32, 127)] + [chr(c) for c in range(160, 256)] + \
    list("–—‘’“”…•·→€✓◀◎ŁłŒœŠšŽžŸ")
TARGET = Path(__file__).resolve().parent.parent / "src" / "stimulering" / "report" / "glyphs.bin"


def main() -> None:
    """Render, pack and write the letters."""
    out = bytearray()
    for size, bold in FACES:
        font = ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold
                                               else "DejaVuSans.ttf")), size)
        ascent, _ = font.getmetrics()
        out += struct.pack("<HHH", size, int(bold), len(CHARS))
        for char in CHARS:
            advance = round(font.getlength(char))
            left, top, right, bottom = font.getbbox(char)
            width, height = max(right - left, 0), max(bottom - top, 0)
            image = Image.new("L", (max(width, 1), max(height, 1)), 0)
            ImageDraw.Draw(image).text((-left, -top), char, font=font, fill=255)
            alpha = image.tobytes() if width and height else b""
            out += struct.pack("<IhhhhHH", ord(char), advance, left, top - ascent, 0,
                               width if alpha else 0, height if alpha else 0)
            out += alpha
    TARGET.write_bytes(zlib.compress(bytes(out), 9))
    print(f"{TARGET}: {TARGET.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
