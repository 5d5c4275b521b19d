"""Every user text at its longest goes through every output format, whole.

The longest texts come from the limits in ``model.py`` (``longest.text_limits``), and the
formats from the ``--format`` enums (``outputs.every_output``): a new limit or a new
format is tested here without a change to this file. A PDF table row with a note of
10,000 characters used to stop the report ("too high to be rendered on a single page").
"""

from __future__ import annotations

import pytest
import yaml

from longest import END, FILLED, longest_answers, text_limits
from outputs import arguments, every_output, read
from stimulering.report.formats import ReportFormat


def test_every_limited_text_of_an_answers_file_is_filled_at_its_limit():
    assert set(text_limits()) == FILLED


@pytest.fixture
def longest(tmp_path, engine):
    files = []
    for year in (2025, 2026):
        data = longest_answers(engine)
        data["date"] = f"{year}-11-28"
        data["round"] = data["round"][:-4] + str(year)
        path = tmp_path / f"lang-{year}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        files.append(path)
    return files


def test_the_longest_file_is_valid(cli, longest):
    result = cli("validate", *map(str, longest))
    assert result.stderr.startswith("ok:")


SLOW = {("report", "pdf")}
"""About fifty pages of tables: fpdf2 breaks every line of them twice (several seconds)."""


@pytest.mark.parametrize(("command", "kind"), [
    pytest.param(*case, marks=pytest.mark.slow) if case in SLOW else case
    for case in every_output()])
def test_every_output_takes_every_text_at_its_longest(cli, longest, tmp_path, command, kind):
    target = tmp_path / f"out.{kind}"
    cli(*arguments(command, kind, longest, target))
    seen = read(kind, target)
    if command in ("report", "assess") and kind not in ("text", "xlsx"):
        # The last word of the longest note and answer arrives: nothing was cut or lost.
        assert END in seen


# The PDF of a coalition view with every text at its longest runs to many pages (seconds).
@pytest.mark.parametrize("kind", [
    pytest.param(f.value, marks=[pytest.mark.slow] if f.value == "pdf" else [])
    for f in ReportFormat if f.value != "xlsx"])
def test_the_coalition_view_takes_every_text_at_its_longest(cli, tmp_path, engine, kind):
    files = []
    for name in ("Stroomnet", "Bronwater"):
        data = longest_answers(engine, name)
        del data["consensus"]
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        files.append(str(path))
    target = tmp_path / f"coalitie.{kind}"
    cli("report", *files, "--format", kind, "-o", str(target))
    assert END in read(kind, target)
