"""One self-contained HTML page from the markdown report, for e-mail and printing.

The page is rendered from the very same markdown with markdown-it-py, with raw
HTML switched off, so user text (already escaped in the markdown) cannot add
markup. The report's only image is its radar chart; it is replaced by the SVG
itself, inline, so the page needs no other file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from stimulering.sanitise import visible

_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")

STYLE = """
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d3dae1;
  --band: #f3f6f9; --accent: #1f6fb2; }
* { box-sizing: border-box; }
body { margin: 0; background: #eef1f4; color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 60rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff;
  border-radius: 6px; box-shadow: 0 1px 4px rgba(0, 0, 0, .08); }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 1.08rem; margin: 1.6rem 0 .6rem; color: var(--accent); }
p, ul, ol { margin: 0 0 .9rem; }
li { margin: .25rem 0; }
li > ul { margin: .35rem 0 .6rem; color: var(--muted); }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: var(--band); padding: .05rem .3rem; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.2rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .6rem; vertical-align: top; }
th { background: var(--band); text-align: left; }
tbody tr:nth-child(even) td { background: #fafbfc; }
em { color: var(--muted); }
.chart svg { display: block; width: 100%; height: auto; margin: .5rem 0 1rem; }
.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  h2:nth-of-type(2) { break-before: page; page-break-before: always; }
  p, table, tr, li, .chart { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"""


def _parser(svg: str) -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])

    def image(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
        return f'<span class="chart">{svg}</span>'

    def text(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
        # A date such as 2026-11-28 is never broken over two lines at its hyphens.
        return _DATE.sub(r'<span class="date">\1</span>', escape(tokens[index].content,
                                                                   quote=False))

    parser.add_render_rule("image", image)
    parser.add_render_rule("text", text)
    return parser


def render_html(markdown: str, svg: str, title: str, lang: str) -> str:
    """The report page: the markdown rendered, the chart inline, a small style sheet."""
    body = _parser(svg.strip()).render(markdown)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(visible(title))}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
