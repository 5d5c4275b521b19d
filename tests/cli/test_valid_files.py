"""Every file in tests/data/valid/ is a case: ``stimulering validate`` accepts it with exit 0.

A case's name says what it is, as in tests/data/invalid/: ``answers-*`` (YAML or an
``.xlsx`` workbook), ``questions-*`` and ``expected-*`` (lists of expected respondents)
are given to ``validate`` as they are; a
``model-*`` folder holds model files that join or replace the shipped ones, checked
with ``validate --model``. A new file there becomes a test by itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paths import DATA
from stimulering.sources.files import default_model_path

VALID = DATA / "valid"
CASES = sorted(VALID.iterdir())


def command_for(case: Path, work: Path) -> list[str]:
    if case.name.startswith("model-"):
        models = work / "models"
        shutil.copytree(default_model_path(), models)
        for file in case.iterdir():
            shutil.copy(file, models / file.name)
        return ["validate", "--model", "models"]
    if case.name.startswith(("answers-", "questions-", "expected-")):
        shutil.copy(case, work / case.name)
        return ["validate", case.name]
    raise AssertionError(f"{case.name}: name must start with answers-, questions-, expected- "
                         "or model-")


def test_there_is_a_case_of_every_kind():
    kinds = {case.name.split("-")[0] for case in CASES}
    assert kinds == {"answers", "questions", "model", "expected"}
    assert any(case.suffix == ".xlsx" for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_valid_file_is_accepted(case, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = command_for(case, tmp_path)
    before = sorted(tmp_path.rglob("*"))
    result = cli(*args, expect=0)
    assert result.stdout == ""
    assert result.stderr.startswith("ok: "), result.stderr
    assert sorted(tmp_path.rglob("*")) == before, "validate writes nothing"
