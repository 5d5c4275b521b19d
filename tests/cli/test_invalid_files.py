"""Every file in tests/data/invalid/ is a case: exit 1, one exact message, no traceback.

A case's name says what it is: ``answers-*`` is scored with ``assess --answers``,
``questions-*`` is checked with ``validate``, and a ``model-*`` folder holds model
files that replace or join the shipped ones. ``<case>.expected`` holds the exact
error output. Run with STIMULERING_UPDATE_EXPECTED=1 to write missing ones (then
read them before committing).

Cases too big to keep in git are made by ``GENERATED`` when the test runs; only
their ``.expected`` file is in the folder.
"""

from __future__ import annotations

import os

import pytest

from invalid_cases import CASES, GENERATED, INVALID, VALID_ANSWERS, command_for
from paths import DATA


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_invalid_file_gives_one_clear_message(case, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = command_for(case, tmp_path)
    before = sorted(tmp_path.rglob("*"))
    result = cli(*args, expect=1)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert sorted(tmp_path.rglob("*")) == before, "nothing may be written on bad input"
    expected_file = INVALID / f"{case.name}.expected"
    if not expected_file.exists() and os.environ.get("STIMULERING_UPDATE_EXPECTED"):
        expected_file.write_text(output, encoding="utf-8")
    assert expected_file.exists(), f"no {expected_file.name}; the output was:\n{output}"
    assert output == expected_file.read_text(encoding="utf-8")


def test_generated_cases_are_not_also_files():
    assert not [name for name in GENERATED if (INVALID / name).exists()]


def test_every_expected_file_has_a_case():
    names = {case.name for case in CASES}
    assert [p.name for p in INVALID.glob("*.expected") if p.name[:-9] not in names] == []


def test_an_answers_file_with_a_byte_order_mark_is_read(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plain.yaml").write_text(VALID_ANSWERS, encoding="utf-8")
    (tmp_path / "bom.yaml").write_text(VALID_ANSWERS, encoding="utf-8-sig")
    assert (tmp_path / "bom.yaml").read_bytes().startswith(b"\xef\xbb\xbf")
    plain = cli("assess", "--answers", "plain.yaml", "--format", "json")
    with_bom = cli("assess", "--answers", "bom.yaml", "--format", "json")
    assert with_bom.stdout == plain.stdout


def test_a_question_set_with_a_byte_order_mark_is_valid(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = (DATA.parent.parent / "questions.yaml").read_text(encoding="utf-8")
    (tmp_path / "questions.yaml").write_text(text, encoding="utf-8-sig")
    result = cli("validate", "questions.yaml")
    assert (result.stdout, result.stderr) == ("", "ok: 2 items checked\n")
