"""A file named on the command line that cannot be read: exit 1 naming it, not a usage box.

The command runs in a subprocess. As root, which may read any file, it runs without
the capabilities that allow that (Linux), so that a file with mode 000 is as
unreadable to it as to anyone else.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from invalid_cases import VALID_ANSWERS

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2


def _as_an_ordinary_user() -> Callable[[], None] | None:
    """For root: drop the capabilities that let it read any file, in the child only."""
    if os.geteuid() != 0:
        return None
    libc = ctypes.CDLL(None, use_errno=True)

    def drop() -> None:
        for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "cannot drop a capability")

    return drop


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stimulering", *args], cwd=folder,
                          env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True,
                          timeout=120, check=False, stdin=subprocess.DEVNULL,
                          preexec_fn=_as_an_ordinary_user())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "ok.yaml").write_text(VALID_ANSWERS, encoding="utf-8")
    locked = tmp_path / "locked.yaml"
    locked.write_text(VALID_ANSWERS, encoding="utf-8")
    locked.chmod(0)
    probe = run(tmp_path, "--version")  # the interpreter itself must still start
    if probe.returncode != 0:
        pytest.skip(f"cannot run without file capabilities: {probe.stderr}")
    return tmp_path


@pytest.mark.parametrize("args", [
    ["assess", "--answers", "locked.yaml"],
    ["assess", "--answers", "ok.yaml", "--questions", "locked.yaml"],
    ["report", "locked.yaml"],
    ["report", "ok.yaml", "locked.yaml"],
    ["progress", "locked.yaml"],
    ["validate", "locked.yaml"],
    ["diff", "locked.yaml", "ok.yaml"],
])
def test_an_unreadable_file_is_named_with_exit_1(folder, args):
    result = run(folder, *args)
    assert result.returncode == 1, result.stderr
    assert "locked.yaml: cannot be read (Permission denied)" in result.stdout + result.stderr
    assert "Usage:" not in result.stderr


def test_compare_skips_an_unreadable_file_and_fails_when_nothing_was_read(folder):
    result = run(folder, "compare", "locked.yaml")
    assert (result.returncode, result.stderr) == (
        1, "warning: skipped locked.yaml: cannot be read (Permission denied)\n"
           "error: 1 of 1 files could not be read\n")


def test_an_unreadable_model_folder_is_named_with_exit_1(folder):
    models = folder / "models"
    models.mkdir()
    models.chmod(0)
    result = run(folder, "assess", "--answers", "ok.yaml", "--model", "models")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "error: models: cannot be read (Permission denied)\n"
