"""Every file in tests/data/invalid/ is a case: exit 1, one exact message, no traceback.

A case's name says what it is: ``answers-*`` is scored with ``assess --answers``,
``questions-*`` is checked with ``validate``, and a ``model-*`` folder holds model
files that replace or join the shipped ones. ``<case>.expected`` holds the exact
error output. Run with STIMULERING_UPDATE_EXPECTED=1 to write missing ones (then
read them before committing).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import DATA
from stimulering.loading import default_model_path

INVALID = DATA / "invalid"
CASES = sorted(p for p in INVALID.iterdir() if p.suffix != ".expected") if INVALID.exists() \
    else []


def command_for(case: Path, work: Path) -> list[str]:
    target = work / case.name
    if case.is_dir():
        models = work / "models"
        shutil.copytree(default_model_path(), models)
        for file in case.iterdir():
            shutil.copy(file, models / file.name)
        return ["validate", "--model", "models"]
    shutil.copy(case, target)
    if case.name.startswith("answers-"):
        return ["assess", "--answers", case.name, "--format", "json", "--output", "out.json"]
    if case.name.startswith("questions-"):
        return ["validate", case.name]
    raise AssertionError(f"{case.name}: name must start with answers-, questions- or model-")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_invalid_file_gives_one_clear_message(case, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = command_for(case, tmp_path)
    result = cli(*args, expect=1)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert not (tmp_path / "out.json").exists(), "nothing may be written on bad input"
    expected_file = INVALID / f"{case.name}.expected"
    if not expected_file.exists() and os.environ.get("STIMULERING_UPDATE_EXPECTED"):
        expected_file.write_text(output, encoding="utf-8")
    assert expected_file.exists(), f"no {expected_file.name}; the output was:\n{output}"
    assert output == expected_file.read_text(encoding="utf-8")
