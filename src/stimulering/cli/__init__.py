"""The ``stimulering`` command line: options in, one core call, output out.

``app`` (in ``app.py``) holds the typer app, its shared options and the one
place user errors are caught; each command lives in the module of its group.
Only typer is imported when the command line starts, so that ``stimulering
--help`` stays fast; each command imports the machinery it needs.

It may import every other part of the package; nothing imports it.
"""

import atexit
import gc

from stimulering.cli import assess, authoring, comparing, content, report, status
from stimulering.cli.app import app

__all__ = ["app", "main"]

START_UP_THRESHOLD = 100_000
"""New containers between two garbage collections while a command runs (default 700)."""

# In the order `stimulering --help` lists them.
app.command()(assess.assess)
app.command()(authoring.validate)
app.command("questions")(content.list_questions)
app.command()(content.template)
app.command()(content.form)
app.command()(content.catalogue)
app.command("report")(report.report_command)
app.command()(status.status)
app.command()(comparing.progress)
app.command()(comparing.compare)
app.command()(authoring.schema)
app.command()(authoring.diff)


def main() -> None:
    """Entry point of the console script."""
    # At exit Python walks every object still alive for garbage cycles, about 12 ms of
    # a 0.25 s `assess` (measured with gc.callbacks). Frozen objects are left out and the
    # operating system takes them back. The price: an object in a cycle that is still
    # alive at exit never runs its finalizer. Nothing here relies on one: every file is
    # written and closed by a context manager. Registered once, however often main()
    # runs in a process.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    # A command makes few garbage cycles, but loading pydantic's validators and the
    # question set allocates hundreds of thousands of objects: at the default threshold
    # (a collection every 700 new containers) an `assess --answers` of 0.2 s ran about 90
    # collections, 11-13 ms, that found next to nothing. Long runs (an interview, `compare`
    # over thousands of files) still collect, every 100,000 new containers. An in-process
    # caller gets its own threshold back.
    previous = gc.get_threshold()
    gc.set_threshold(START_UP_THRESHOLD, *previous[1:])
    try:
        app()
    finally:
        gc.set_threshold(*previous)
