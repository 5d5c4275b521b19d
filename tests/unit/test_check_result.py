"""Checks gather every problem of every file before anything stops.

A broken question set does not hide a broken model, and one broken model file
does not hide another: each is read, its problems recorded, and the next one read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stimulering.errors import CheckResult, InvalidInputError, Problem
from stimulering.sources.validation import check_files


def broken_files(folder):
    (folder / "set.yaml").write_text("id: regio_set\nversion: 1.0.0\nquestions: 3\n",
                                     encoding="utf-8")
    model = folder / "model"
    model.mkdir()
    (model / "a.yaml").write_text("pillars: 3\n", encoding="utf-8")
    (model / "b.yaml").write_text("phases:\n  - [\n", encoding="utf-8")


EXPECTED = (
    "set.yaml:1:1: regio_set: missing key 'languages'\n"
    "set.yaml:3:12: regio_set: questions: Input should be a valid list, not a number\n"
    "model/a.yaml:1:10: pillars: Input should be a valid list, not a number\n"
    "model/b.yaml:3:1: YAML syntax error: did not find expected node content "
    "(while parsing a flow node)\n"
)


def test_validate_lists_a_broken_question_set_and_every_broken_model_file(cli, tmp_path,
                                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    broken_files(tmp_path)
    result = cli("validate", "set.yaml", "model", expect=1)
    assert result.stdout == EXPECTED
    assert result.stderr == "4 problems found\n"


def test_checking_files_records_problems_instead_of_raising(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    broken_files(tmp_path)
    assert check_files().ok  # the shipped question set and model
    checked = check_files(Path("set.yaml"), Path("model"))
    assert not checked.ok
    assert "".join(f"{problem}\n" for problem in checked.problems) == EXPECTED


def test_a_check_result_raises_only_when_asked_and_then_with_every_problem():
    result = CheckResult()
    result.raise_for_problems()  # nothing recorded: nothing to stop for
    first, second = Problem("a.yaml", "one", 1), Problem("b.yaml", "two", 2, 3, "x")
    result.record([first])
    result.record([second])
    with pytest.raises(InvalidInputError) as raised:
        result.raise_for_problems()
    assert raised.value.problems == (first, second)
    assert str(raised.value) == "a.yaml:1: one\nb.yaml:2:3: x: two"
