"""What the terminal renderers share: rich text that shows user text and never obeys it.

Every text from a file reaches rich as a ``Text`` made with ``plain``, so it is never
read as markup, and with its hidden characters made visible. The console of
``safe_console`` reads no markup in plain strings either, and makes visible whatever
hidden character a renderable might still carry, so nothing printed can act on the
terminal. Only the terminal renderers (and the interactive terminal) import this.
"""

from __future__ import annotations

import io
from typing import IO, Any

from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    Group,
    RenderableType,
    RenderHook,
    RenderResult,
)
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from stimulering.sanitise import visible

WIDTH = 80


def plain(text: str, style: str = "") -> Text:
    """Text to show as it is: no markup, and hidden characters written as code points."""
    return Text(visible(text), style=style)


def safe_console(file: IO[str] | None = None, **settings: Any) -> Console:
    """A console that reads no markup or emoji codes and prints no hidden character."""
    console = Console(file=file, markup=False, emoji=False, highlight=False, **settings)
    console.push_render_hook(_ShowHidden())
    return console


def render(renderables: list[RenderableType], *, color: bool = False, width: int = WIDTH) -> str:
    """Rich renderables as a string, with or without colour codes."""
    buffer = io.StringIO()
    console = safe_console(buffer, width=width, force_terminal=color, no_color=not color,
                           color_system="standard" if color else None, legacy_windows=False)
    console.print(Group(*renderables))
    return buffer.getvalue()


class _Visible:
    """A renderable whose output shows every hidden character as its code point."""

    def __init__(self, renderable: ConsoleRenderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            if segment.control:
                yield segment
            else:
                yield Segment(visible(segment.text, keep="\n"), segment.style)


class _ShowHidden(RenderHook):
    """Wraps everything a console prints in ``_Visible``: the last line of defence."""

    def process_renderables(
            self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Visible(renderable) for renderable in renderables]


def bullet(text: str | Text, *, indent: int = 1, mark: str = "•",
           style: str = "") -> RenderableType:
    """A list item with a hanging indent, so wrapped lines stay under the text."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=indent + len(mark), justify="right", no_wrap=True)
    grid.add_column()
    grid.add_row(mark, text if isinstance(text, Text) else plain(text, style=style))
    return grid
