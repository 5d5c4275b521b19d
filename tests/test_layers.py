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


TERMINAL_MODULES = {"stimulering.__main__", "stimulering.cli", "stimulering.terminal",
                    "stimulering.report.text", "stimulering.report.listing"}
"""Where rich may be imported when the module is: the command line, the interview's
terminal, and the renderers whose only output is the terminal. The table renderers
of ``report.progress`` and ``report.compare`` import it inside the function, next to
their markdown and JSON siblings."""


def test_rich_is_imported_only_by_the_terminal_modules():
    probe = (
        "import importlib, json, pkgutil, sys, stimulering\n"
        f"terminal = {sorted(TERMINAL_MODULES)!r}\n"
        "names = sorted(info.name for info in pkgutil.walk_packages(stimulering.__path__, "
        "'stimulering.') if info.name not in terminal)\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps([names, sorted(sys.modules)]))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=120)
    names, modules = json.loads(result.stdout.splitlines()[-1])
    assert "stimulering.report.progress" in names  # the walk found the package's modules
    assert reached(set(modules), ("rich",)) == []
