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
    app()
