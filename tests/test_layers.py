"""The dependency direction of ``STYLE.md``: the pure core never reaches the loading layer.

Each check imports one module in a fresh interpreter and reads ``sys.modules``, so
what counts is everything the import pulls in, however indirectly.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

LOADING_LAYER = ("stimulering.loading", "stimulering.validation", "stimulering.engine",
                 "stimulering.bundle", "yaml")
"""Reading files: YAML, located problems, cross-file checks and the engine built on them."""


def modules_after_import(module: str) -> set[str]:
    """Names in ``sys.modules`` after importing ``module`` in a fresh interpreter."""
    probe = f"import {module}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=60)
    return set(json.loads(result.stdout.splitlines()[-1]))


def reached(modules: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(name for name in modules
                  if any(name == bad or name.startswith(bad + ".") for bad in forbidden))


@pytest.mark.parametrize("module", ["stimulering.model", "stimulering.conditions",
                                    "stimulering.scoring", "stimulering.advice",
                                    "stimulering.combine", "stimulering.interview"])
def test_the_pure_core_imports_neither_loading_nor_yaml_nor_rich(module):
    assert reached(modules_after_import(module), (*LOADING_LAYER, "rich")) == []


@pytest.mark.parametrize("module", ["stimulering.results", "stimulering.summary",
                                    "stimulering.report.markdown", "stimulering.report.json",
                                    "stimulering.report.coalition", "stimulering.report.text",
                                    "stimulering.report.xlsx", "stimulering.report.office"])
def test_renderers_read_results_without_the_loading_layer(module):
    assert reached(modules_after_import(module), LOADING_LAYER) == []


def test_the_bundle_is_read_and_made_without_the_engine():
    # The engine reads the bundle; the bundle must not need the engine back.
    assert reached(modules_after_import("stimulering.bundle"), ("stimulering.engine",)) == []
