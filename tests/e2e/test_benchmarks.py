"""The benchmark script runs as the README says, here on a small archive and one round."""

from __future__ import annotations

import subprocess
import sys

import pytest

from invalid_cases import CASES
from paths import ROOT

pytestmark = pytest.mark.slow

BENCHMARKS = ROOT / "benchmarks" / "run.py"


def test_the_benchmarks_run_and_report_every_comparison(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS), "--rounds", "1", "--files", "12", "--coalitions", "3",
         "--data", str(tmp_path)],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    comparisons = result.stdout.split("\nHostile inputs")[0]
    rows = [line for line in comparisons.splitlines() if line.startswith("| ")]
    assert [row.split(" | ")[0] for row in rows] == [
        "| comparison",
        "| `stimulering --help` vs a minimal Typer app",
        "| `assess --answers F --format json` vs importing typer, rich, pydantic, yaml",
        "| `form` (the offline page) vs importing typer, rich, pydantic, yaml",
        "| a minimal Typer app parsing one option vs importing typer, rich, pydantic, yaml",
        "| `compare DIR --format json` over 12 files vs C loader parse only",
        "| `assess --answers F.xlsx --format json` vs the same answers as YAML",
        "| `report F --format docx` vs `report F --format html`",
    ]
    assert len(list((tmp_path / "answers").rglob("*.yaml"))) == 12
    cases = len(CASES)
    assert f"\nBad input: {cases} cases of tests/data/invalid/, each run once; slowest " \
        in result.stdout
    assert "\nMany problems: `validate` on a file with 50,000 unknown keys, 1 runs; median " \
        in result.stdout
    assert "12 answers files" in result.stderr
    limits = result.stdout.split("\nHostile inputs, each through `validate`:\n\n", 1)[1]
    assert [row.split(" | ")[0] for row in limits.splitlines() if row.startswith("| ")] == [
        "| hostile input",
        "| a 31 KB workbook with 3,000,000 cells in Keuzelijsten",
        "| a 138 KB workbook with 2,900,000 unused shared strings",
        "| a 162 KB workbook with 1,000,000 rows in Vragen",
        "| the same rows in Keuzelijsten",
        "| a workbook at every bound (accepted)",
        "| 50,000 list answers of the wrong shape (`q: [1]`)",
        "| 50,000 answers that are mappings: over 200,000 values",
    ]
