"""Start-up stays light: the command line imports its machinery only in the commands.

Measured by the modules a fresh interpreter holds, not by time. Typer itself may
bring rich or other libraries depending on its version, so the checks are about
what this project adds on top of typer.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("yaml", "pydantic", "pydantic_core", "rich", "markdown_it")
"""Libraries the command line needs only inside commands."""

LIGHT_OWN_MODULES = {"stimulering", "stimulering.cli"}


def modules_after(code: str) -> set[str]:
    """Names in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=60)
    return set(json.loads(result.stdout.splitlines()[-1]))


def top(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


@pytest.fixture(scope="module")
def typer_alone() -> set[str]:
    return modules_after("import typer, typer.core")


def test_importing_the_cli_adds_nothing_heavy_to_typer(typer_alone):
    added = modules_after("import stimulering.cli") - typer_alone
    assert {name for name in added if name.startswith("stimulering")} == LIGHT_OWN_MODULES
    assert top(added) & set(HEAVY) == set()


def test_help_loads_none_of_the_engine(typer_alone):
    run = ("import sys\nfrom stimulering.cli import app\nsys.argv = ['stimulering', '--help']\n"
           "try:\n    app()\nexcept SystemExit:\n    pass\n")
    added = modules_after(run) - typer_alone
    assert {name for name in added if name.startswith("stimulering")} == LIGHT_OWN_MODULES
    assert top(added) & {"yaml", "pydantic", "pydantic_core"} == set()



def test_a_command_leaves_the_garbage_collector_running():
    # main() holds cyclic garbage collection back during start-up; a program that
    # calls it in-process must get a running collector back, whatever the exit.
    run = ("import gc, sys\nfrom stimulering.cli import main\n"
           "for argv in (['--version'], ['questions', '--format', 'json'], ['nonsense']):\n"
           "    sys.argv = ['stimulering', *argv]\n"
           "    try:\n        main()\n    except SystemExit:\n        pass\n"
           "    assert gc.isenabled(), argv\n"
           "print('collector running')\n")
    result = subprocess.run([sys.executable, "-c", run], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip().endswith("collector running"), result.stderr
