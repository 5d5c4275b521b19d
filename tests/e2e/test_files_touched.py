"""The files a command touches: only the user's, and never the network.

The command line runs in a subprocess whose ``sitecustomize`` disables sockets and
records, through an audit hook, every file opened and renamed; the test then checks
that only the user's own files were read and only the named output was written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import stimulering
from builders import answers_document, highest
from stimulering.sources import bundle, files
from stimulering.sources.engine import Engine

SITECUSTOMIZE = '''
import atexit, json, os, socket, sys

def _refuse(*args, **kwargs):
    raise OSError("network access is disabled in this test")

class _NoSocket(socket.socket):  # a class, so that modules can still subclass it
    def __init__(self, *args, **kwargs):
        _refuse()

socket.socket = _NoSocket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse

_log = {"read": [], "written": [], "network": []}
_done = False

def _hook(event, args):
    if _done:
        return
    if event.startswith("socket."):
        _log["network"].append(event)
        raise OSError("network access is disabled in this test")
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path, mode, flags = args
        writing = (mode is not None and any(c in mode for c in "wax+")) or (
            mode is None and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        _log["written" if writing else "read"].append(os.fsdecode(path))
    elif event in ("os.rename", "os.remove", "os.mkdir", "os.rmdir"):
        paths = [a for a in args if isinstance(a, (str, bytes, os.PathLike))]
        _log["written"].extend(os.fsdecode(a) for a in paths)

def _report():
    global _done
    _done = True
    with open(os.environ["STIMULERING_AUDIT_LOG"], "w") as stream:
        json.dump(_log, stream)

sys.addaudithook(_hook)
atexit.register(_report)
'''


@pytest.fixture
def guarded(tmp_path: Path):
    """Run ``python -m stimulering ARGS`` in ``tmp_path/work`` with sockets disabled."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    log = tmp_path / "audit.json"

    def run(*args: str, python: tuple[str, ...] = ("-m", "stimulering"), expect: int = 0):
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
        env.update(PYTHONPATH=str(site), PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1",
                   STIMULERING_AUDIT_LOG=str(log))
        result = subprocess.run([sys.executable, *python, *args], cwd=work, env=env,
                                capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == expect, result.stdout + result.stderr
        audit = json.loads(log.read_text(encoding="utf-8"))
        return result, audit

    run.work = work  # type: ignore[attr-defined]
    return run


def ours(paths: list[str], work: Path) -> list[str]:
    """Paths outside the interpreter, its libraries, the package, its shipped files and cache.

    The user's files, that is; in a checkout the shipped files are at the repository's root.
    """
    package = Path(stimulering.__file__).parent
    roots = [Path(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, package)]
    roots += [files.default_questions_path(), files.default_model_path(),
              bundle.cache_folder()]
    roots += [root.resolve() for root in roots]
    found = []
    for name in paths:
        path = Path(os.path.normpath(work / name))
        if any(candidate.is_relative_to(root) for root in roots
               for candidate in (path, path.resolve())):
            continue
        if path.parts[1] in ("dev", "proc", "sys", "usr", "etc", "lib", "lib64"):
            continue
        found.append(str(path.relative_to(work)) if path.is_relative_to(work) else str(path))
    return sorted(set(found))


def test_the_guard_refuses_sockets(guarded):
    script = "import socket\ntry:\n    socket.create_connection(('example.org', 80))\n" \
             "except OSError as error:\n    print(error)\n"
    result, audit = guarded(python=("-c", script))
    assert result.stdout == "network access is disabled in this test\n"


@pytest.fixture
def answers_file(guarded, engine: Engine) -> str:
    document = answers_document(highest(engine))
    (guarded.work / "antwoorden.yaml").write_text(
        yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return "antwoorden.yaml"


@pytest.mark.parametrize("args", [
    ("--help",),
    ("--version",),
    ("validate",),
    ("questions",),
    ("questions", "--format", "json", "--lang", "en"),
    ("template",),
    ("catalogue",),
    ("catalogue", "--format", "markdown", "--phase", "2"),
])
def test_commands_run_offline_and_write_nothing(guarded, args):
    result, audit = guarded(*args)
    assert (result.stdout + result.stderr).strip()
    assert audit["network"] == []
    assert ours(audit["written"], guarded.work) == []
    assert ours(audit["read"], guarded.work) == []


@pytest.mark.parametrize("output_format", ["text", "json", "markdown"])
def test_assess_reads_only_the_answers_file_and_writes_only_the_output(
        guarded, answers_file, output_format):
    result, audit = guarded("assess", "--answers", answers_file, "--format", output_format,
                            "--output", "uitslag.out")
    assert audit["network"] == []
    assert ours(audit["read"], guarded.work) == [answers_file]
    written = ours(audit["written"], guarded.work)
    assert "uitslag.out" in written
    # A markdown report is written with the chart it links.
    made = ["uitslag.out", "uitslag-radar.svg"] if output_format == "markdown" else ["uitslag.out"]
    assert all(name in made or name.startswith(tuple(f".{m}." for m in made))
               for name in written)
    assert sorted(p.name for p in guarded.work.iterdir()) == sorted([answers_file, *made])


@pytest.mark.parametrize("output_format", ["markdown", "html", "json"])
def test_report_reads_only_the_answers_file_and_writes_only_its_files(
        guarded, answers_file, output_format):
    result, audit = guarded("report", answers_file, "--format", output_format,
                            "-o", "advies.out")
    assert audit["network"] == []
    assert ours(audit["read"], guarded.work) == [answers_file]
    made = ["advies.out", "advies-radar.svg"] if output_format == "markdown" else ["advies.out"]
    written = ours(audit["written"], guarded.work)
    assert all(name in made or name.startswith(tuple(f".{m}." for m in made))
               for name in written)
    assert sorted(p.name for p in guarded.work.iterdir()) == sorted([answers_file, *made])


def test_report_on_stdout_writes_nothing(guarded, answers_file):
    result, audit = guarded("report", answers_file)
    assert result.stdout.startswith("#")
    assert ours(audit["written"], guarded.work) == []


def test_validate_reads_only_the_files_named(guarded, answers_file):
    (guarded.work / "vragen.yaml").write_text(
        files.default_questions_path().read_text(encoding="utf-8"), encoding="utf-8")
    result, audit = guarded("validate", "vragen.yaml", answers_file)
    assert audit["network"] == []
    assert ours(audit["read"], guarded.work) == [answers_file, "vragen.yaml"]
    assert ours(audit["written"], guarded.work) == []


# --- YAML ----------------------------------------------------------------------------------------
