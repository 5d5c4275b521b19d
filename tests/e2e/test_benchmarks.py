"""The benchmark script runs as the README says; here on tiny data, only to show it works.

The real measurement is ``python benchmarks/run.py``; its figures are in the README.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from paths import ROOT

BENCHMARKS = ROOT / "benchmarks" / "run.py"


def test_the_benchmarks_run_and_report_every_comparison(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS), "--smoke", "--rounds", "1", "--files", "4",
         "--coalitions", "2", "--cases", "2", "--unknown-keys", "50", "--data", str(tmp_path)],
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
        "| a minimal Typer app reading one answers file into one pydantic model vs importing "
        "typer, rich, pydantic, yaml",
        "| `compare DIR --format json` over 4 files vs C loader parse only",
        "| `assess --answers F.xlsx --format json` vs the same answers as YAML",
        "| `report F --format docx` vs `report F --format html`",
    ]
    assert len(list((tmp_path / "answers").rglob("*.yaml"))) == 4
    assert "\nBad input: 2 cases of tests/data/invalid/, each run once; slowest " \
        in result.stdout
    assert "\nMany problems: `validate` on a file with 50 unknown keys, 1 runs; median " \
        in result.stdout
    assert "4 answers files" in result.stderr
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


def load_script(monkeypatch):
    spec = importlib.util.spec_from_file_location("benchmark_script", BENCHMARKS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look it up
    spec.loader.exec_module(module)
    return module


def test_a_missed_target_is_named(monkeypatch):
    script = load_script(monkeypatch)
    result = {"name": "x", "ratio": 1.84, "target": 1.7, "peak_mib": 160.0,
              "memory_target_mib": 150}
    assert script.missed_target(result) == "ratio 1.84 > 1.7; peak 160 MiB >= 150 MiB"
    assert script.missed_target({**result, "ratio": 1.5, "peak_mib": 80.0}) == ""
    assert script.missed_target({**result, "target": None, "memory_target_mib": None}) == ""
