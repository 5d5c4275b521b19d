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

HEAVY = ("yaml", "pydantic", "pydantic_core", "rich", "markdown_it", "openpyxl", "docx", "fpdf",
         "lxml", "PIL", "defusedxml")
"""Libraries the command line needs only inside commands."""

LIGHT_OWN_MODULES = {"stimulering", "stimulering.cli", "stimulering.cli.app",
                     "stimulering.cli.assess", "stimulering.cli.authoring",
                     "stimulering.cli.common", "stimulering.cli.comparing",
                     "stimulering.cli.content", "stimulering.cli.environment",
                     "stimulering.cli.report", "stimulering.cli.status",
                     "stimulering.report", "stimulering.report.formats"}


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


def probed(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter; the lines it printed that start with ``>>``."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return [line[3:] for line in result.stdout.splitlines() if line.startswith(">> ")]


CALL_MAIN = """
def call(*argv):
    sys.argv = ['stimulering', *argv]
    try:
        main()
    except SystemExit:
        pass
"""


def test_main_gives_an_in_process_caller_its_garbage_collector_back():
    # main() collects garbage cycles less often while a command runs; a program that
    # calls it in-process gets the collector back as it was, whatever the exit.
    code = ("import gc, sys\nfrom stimulering.cli import main\n" + CALL_MAIN +
            "gc.set_threshold(500, 7, 9)\n"
            "for argv in (['--version'], ['questions', '--format', 'json'], ['nonsense']):\n"
            "    call(*argv)\n"
            "    print('>>', argv[0], gc.isenabled(), gc.get_threshold())\n"
            "gc.disable()\n"
            "call('questions', '--format', 'json')\n"
            "print('>> off before', gc.isenabled())\n")
    assert probed(code) == [
        "--version True (500, 7, 9)", "questions True (500, 7, 9)",
        "nonsense True (500, 7, 9)", "off before False"]


def test_a_command_runs_with_next_to_no_garbage_collection(tmp_path):
    # Loading pydantic's validators and the question set allocates hundreds of thousands
    # of objects; collecting every 700 new ones ran about 90 collections that found
    # next to nothing. Now one, maybe two.
    import yaml

    from builders import answers_document

    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers_document({"vast_overleg": "ja"})), encoding="utf-8")
    code = ("import gc, sys\nfrom stimulering.cli import main\n" + CALL_MAIN +
            "runs = []\n"
            "gc.callbacks.append(lambda phase, info: runs.append(info) if phase == 'start' "
            "else None)\n"
            "import contextlib, io\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    call('assess', '--answers', {str(path)!r}, '--format', 'json')\n"
            "print('>>', len(runs))\n")
    assert int(probed(code)[0]) <= 2


def test_garbage_is_collected_once_the_engine_is_loaded():
    # A long interview or a large compare runs after the engine is loaded; the
    # collector must be running by then.
    code = ("import gc, sys\nimport stimulering.sources.engine as engine\n"
            "from stimulering.cli import main\n"
            + CALL_MAIN +
            "loaded = engine.load\n"
            "def probe(*args, **options):\n"
            "    result = loaded(*args, **options)\n"
            "    print('>> collecting after load', gc.isenabled())\n"
            "    return result\n"
            "engine.load = probe\n"
            "call('questions', '--format', 'json')\n")
    assert probed(code) == ["collecting after load True"]


def test_the_app_alone_leaves_the_collector_untouched():
    # Tests and other programs that invoke the typer app directly get no freezing.
    code = ("import gc\nfrom typer.testing import CliRunner\nfrom stimulering.cli import app\n"
            "CliRunner().invoke(app, ['questions', '--format', 'json'])\n"
            "print('>>', gc.isenabled(), gc.get_freeze_count())\n")
    assert probed(code) == ["True 0"]


OFFICE = {"openpyxl", "docx", "fpdf", "lxml", "PIL", "fontTools", "defusedxml"}
"""Libraries of the spreadsheet, Word and PDF files: loaded only when such a file is used."""


def test_scoring_a_yaml_file_loads_no_office_library(tmp_path):
    import yaml

    from builders import answers_document

    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers_document({"vast_overleg": "ja"})), encoding="utf-8")
    run = ("import sys\nfrom stimulering.cli import main\n" + CALL_MAIN +
           f"call('assess', '--answers', {str(path)!r}, '--format', 'json')\n"
           f"call('report', {str(path)!r}, '--format', 'html')\n")
    assert top(modules_after(run)) & OFFICE == set()


@pytest.mark.slow  # runs the whole command line thirty times
def test_calling_main_again_and_again_does_not_grow_memory(tmp_path):
    # A program that runs commands in-process, one after another, must not keep what
    # each run leaves behind. The first runs fill bounded caches (typer's, pydantic's),
    # so memory is traced only from the tenth run on.
    import yaml

    from builders import answers_document

    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers_document({"vast_overleg": "ja"})), encoding="utf-8")
    code = ("import contextlib, gc, io, sys, tracemalloc\nfrom stimulering.cli import main\n"
            + CALL_MAIN +
            "def run():\n"
            "    with contextlib.redirect_stdout(io.StringIO()):\n"
            f"        call('assess', '--answers', {str(path)!r}, '--format', 'json')\n"
            "for _ in range(10):\n"
            "    run()\n"
            "gc.collect()\n"
            "tracemalloc.start()\n"
            "for _ in range(20):\n"
            "    run()\n"
            "gc.collect()\n"
            "print('>>', tracemalloc.get_traced_memory()[0])\n")
    grown = int(probed(code)[0])
    assert grown < 512 * 1024, f"20 more runs kept {grown:,} bytes"
