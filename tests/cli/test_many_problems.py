"""A file with thousands of problems: each located in one pass, and at most 200 listed.

How long that takes is a row of ``benchmarks/run.py`` (validate on a file with 50,000
unknown keys); here are the two things that keep it short: locating a problem does not
search the file again, and the listing stops after 200 problems with how many more
there are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stimulering.errors import MAX_LISTED, InvalidInputError
from stimulering.model import Answers
from stimulering.sources.locate import validate_document
from stimulering.sources.yaml_text import parse_yaml

HEAD = ("stimulering_answers: 1\ncoalition: Rivierstad\n"
        "respondent: {organisation: Stroomnet, role: netbeheerder, level: tactisch}\n"
        "date: 2026-11-28\n")


def unknown_keys(count: int) -> str:
    return HEAD + "".join(f"onbekend_{number}: 1\n" for number in range(count))


class CountingList(list[Any]):
    """A list that counts how often it is gone through from the start."""

    walks = 0

    def __iter__(self) -> Any:
        CountingList.walks += 1
        return super().__iter__()


def test_locating_every_problem_goes_through_a_mapping_once():
    document = parse_yaml(unknown_keys(2000), "veel.yaml")
    assert document.root is not None
    document.root.value = CountingList(document.root.value)
    CountingList.walks = 0
    with pytest.raises(InvalidInputError) as caught:
        validate_document(document, Answers)
    problems = caught.value.problems
    assert len(problems) == 2000  # the error keeps them all; only its message is cut short
    assert (problems[0].line, problems[-1].line) == (5, 2004)
    assert CountingList.walks <= 2


def test_validate_lists_200_problems_and_says_how_many_more(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "veel.yaml").write_text(unknown_keys(250), encoding="utf-8")
    result = cli("validate", "veel.yaml", expect=1)
    lines = result.stdout.splitlines()
    assert MAX_LISTED == 200
    assert lines[:2] == ["veel.yaml:5:13: unknown key 'onbekend_0'",
                         "veel.yaml:6:13: unknown key 'onbekend_1'"]
    assert lines[199:] == ["veel.yaml:204:15: unknown key 'onbekend_199'",
                           "... and 50 more problems"]
    assert result.stderr == "250 problems found\n"


def test_assess_lists_200_problems_and_says_how_many_more(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "veel.yaml").write_text(
        HEAD + "answers:\n" + "".join(f"  Fout-{number}: ja\n" for number in range(201)),
        encoding="utf-8")
    result = cli("assess", "--answers", "veel.yaml", expect=1)
    lines = result.stderr.splitlines()
    assert len(lines) == 201
    assert lines[0] == ("veel.yaml:6:11: Fout-0: answers.Fout-0: an id is snake_case: "
                        "lower-case letters, digits and _, starting with a letter")
    assert lines[-1] == "... and 1 more problem"


def test_exactly_200_problems_are_all_listed(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "veel.yaml").write_text(unknown_keys(200), encoding="utf-8")
    result = cli("validate", "veel.yaml", expect=1)
    assert len(result.stdout.splitlines()) == 200
    assert "more problem" not in result.stdout


def test_problems_of_a_question_set_are_gathered_without_comparing_each_to_all(
        tmp_path, monkeypatch):
    from stimulering.errors import Problem
    from stimulering.sources import checking

    (tmp_path / "vragen.yaml").write_text(
        "id: kleine_set\nversion: 1.0.0\nlanguages: [nl]\nquestions: []\n"
        + "".join(f"onbekend_{number}: 1\n" for number in range(2000)), encoding="utf-8")
    comparisons = 0
    equal = Problem.__eq__

    def counting(self: Problem, other: object) -> bool:
        nonlocal comparisons
        comparisons += 1
        return equal(self, other)

    monkeypatch.setattr(Problem, "__eq__", counting)
    problems, _, _ = checking.validate_paths([tmp_path / "vragen.yaml"], None, None)
    assert len(problems) == 2001  # every unknown key, and the empty list of questions
    assert comparisons < 2001 * 4


def test_compare_warns_about_200_skipped_files_and_says_how_many_more(cli, tmp_path,
                                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)
    archive = tmp_path / "archief"
    archive.mkdir()
    (archive / "goed.yaml").write_text(HEAD + "answers: {vast_overleg: ja}\n",
                                       encoding="utf-8")
    for number in range(202):
        (archive / f"kapot-{number:03d}.yaml").write_text("[", encoding="utf-8")
    result = cli("compare", "archief", "--format", "json")
    lines = result.stderr.splitlines()
    assert len(lines) == 201
    assert lines[0].startswith(f"warning: skipped {Path('archief/kapot-000.yaml')}:2:1: ")
    assert lines[-1] == "warning: ... and 2 more problems"
