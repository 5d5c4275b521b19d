"""The shared corpus of answers files, judged by the command line (the form: tests/e2e)."""

from __future__ import annotations

import pytest

from form_corpus import cli_only, corpus
from stimulering.sources.engine import load

CASES = corpus(load())


@pytest.mark.parametrize("name", list(CASES))
def test_validate_judges_each_file_as_the_corpus_says(cli, tmp_path, name):
    text, valid = CASES[name]
    path = tmp_path / "antwoorden.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", str(path), expect=0 if valid else 1)
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("name", list(cli_only(load())))
def test_the_files_only_the_command_line_takes_are_valid(cli, tmp_path, name):
    path = tmp_path / "antwoorden.yaml"
    path.write_text(cli_only(load())[name][0], encoding="utf-8")
    cli("validate", str(path))
