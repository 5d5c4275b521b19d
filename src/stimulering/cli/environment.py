"""What the command line finds around it: terminals on stdin and stdout, and NO_COLOR.

The app makes one ``Environment`` from the running process when a command starts
and keeps it as the context's object, where each command finds it (``of``); a test
hands in its own (``obj=`` of ``CliRunner.invoke``), as httpie passes an
``Environment``, instead of patching how the process is asked.
"""

import os
import sys
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Environment:
    """The process's terminals and colour wish, as the commands see them."""

    stdin_is_terminal: bool
    """Someone at a terminal can answer questions."""
    stdout_is_terminal: bool
    """Output goes to a terminal: binary files are refused there, colour is allowed."""
    no_color: bool
    """``NO_COLOR`` is set: no colour, whatever the terminal."""

    @classmethod
    def of_process(cls) -> "Environment":
        """The environment of this process."""
        return cls(stdin_is_terminal=sys.stdin.isatty(), stdout_is_terminal=sys.stdout.isatty(),
                   no_color="NO_COLOR" in os.environ)

    @property
    def color(self) -> bool:
        """Whether output on stdout may be coloured."""
        return self.stdout_is_terminal and not self.no_color


def of(context: Any) -> Environment:
    """The environment a command runs in, from its (typer) context."""
    found = context.find_object(Environment)
    return found if isinstance(found, Environment) else Environment.of_process()
