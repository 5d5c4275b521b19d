"""The layers of ``docs/architecture.md``, held against every import in the package.

Two kinds of check. The first reads every ``import`` with ``ast``, also those made
inside a function (a lazy import still ties two layers together), and holds it to
what its layer may import (``MAY_IMPORT``). The second imports a module in a fresh
interpreter and reads ``sys.modules``, so what counts is everything the import
pulls in at run time.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import stimulering

PACKAGE = Path(stimulering.__file__).parent

LAYERS = (
    ("values", ("stimulering.errors", "stimulering.model", "stimulering.i18n",
                "stimulering.sanitise", "stimulering.office")),
    ("core", ("stimulering.core",)),
    ("sources", ("stimulering.sources",)),
    ("renderers", ("stimulering.report", "stimulering.form")),
    ("session", ("stimulering.session",)),
    ("api", ("stimulering",)),
    ("cli", ("stimulering.cli", "stimulering.__main__")),
)
"""From the bottom up: the layers, each with the modules and packages it holds."""

MAY_IMPORT = {
    "values": {"values"},
    "core": {"values", "core"},
    "sources": {"values", "core", "sources"},
    "renderers": {"values", "core", "renderers"},
    "session": {"values", "core", "sources", "renderers", "session"},
    "api": {"values", "core", "sources", "api"},
    "cli": {name for name, _ in LAYERS},
}
"""What each layer may import. Files in and renderers stand side by side: a renderer
reads results of the core, never a file."""

NOT_IN = {
    "core": ("yaml", "rich", "openpyxl", "docx", "fpdf", "markdown_it", "defusedxml"),
    "renderers": ("yaml",),
}
"""Libraries a layer never imports: the pure core reads no file and prints nothing."""


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    """The rank of the layer that holds ``module`` (the longest matching prefix wins)."""
    best, rank = -1, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), index
    assert rank >= 0, f"{module} is in no layer of LAYERS"
    return rank


def imports_of(path: Path, root: Path = PACKAGE) -> list[tuple[int, str]]:
    """Every module ``path`` imports, at any depth of its code, with the line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path, root)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            # `from stimulering.sources import engine` imports the module engine.
            found += [(node.lineno, f"{name}.{alias.name}") if name.startswith("stimulering")
                      and (root.parent / name.replace(".", "/") / f"{alias.name}.py").exists()
                      else (node.lineno, name) for alias in node.names]
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_the_walk_finds_every_layer():
    found = {LAYERS[layer_of(module_name(path))][0] for path in SOURCES}
    assert found == {name for name, _ in LAYERS}


def upward_imports(root: Path) -> list[str]:
    """Every import in the package at ``root`` that its layer may not make."""
    wrong = []
    for path in sorted(root.rglob("*.py")):
        here = module_name(path, root)
        for line, target in imports_of(path, root):
            if target.split(".")[0] != "stimulering":
                continue
            if LAYERS[layer_of(target)][0] not in MAY_IMPORT[LAYERS[layer_of(here)][0]]:
                wrong.append(f"{path.relative_to(root.parent)}:{line}: {here} "
                             f"({LAYERS[layer_of(here)][0]}) imports {target} "
                             f"({LAYERS[layer_of(target)][0]})")
    return wrong


def test_every_import_is_one_its_layer_may_make_even_inside_functions():
    assert upward_imports(PACKAGE) == []


def test_the_layer_check_sees_an_import_inside_a_function(tmp_path):
    # A renderer that imports the engine lazily is caught as well as one at the top.
    report = tmp_path / "stimulering" / "report"
    report.mkdir(parents=True)
    (report / "__init__.py").write_text('"""Renderers."""\n', encoding="utf-8")
    (report / "sneaky.py").write_text(
        "def render():\n    from stimulering.sources.engine import load\n", encoding="utf-8")
    assert upward_imports(tmp_path / "stimulering") == [
        "stimulering/report/sneaky.py:2: stimulering.report.sneaky (renderers) imports "
        "stimulering.sources.engine (sources)"]


def test_nothing_imports_the_command_line():
    wrong = [f"{path.relative_to(PACKAGE.parent)}:{line}: {target}"
             for path in SOURCES if not module_name(path).startswith(("stimulering.cli",
                                                                      "stimulering.__main__"))
             for line, target in imports_of(path) if target.startswith("stimulering.cli")]
    assert wrong == []


def test_the_core_and_the_renderers_leave_files_and_terminals_to_others():
    wrong = []
    for path in SOURCES:
        layer = LAYERS[layer_of(module_name(path))][0]
        for line, target in imports_of(path):
            if target.split(".")[0] in NOT_IN.get(layer, ()):
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {layer} imports "
                             f"{target}")
    assert wrong == []


@pytest.mark.parametrize("package", sorted({path.parent for path in SOURCES}),
                         ids=lambda path: module_name(path / "__init__.py"))
def test_each_package_says_what_it_owns_and_what_it_may_import(package):
    docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text("utf-8")))
    assert docstring, f"{package} has no docstring"
    if package != PACKAGE:
        assert "may import" in docstring


# --- what an import pulls in at run time ---------------------------------------------------------

SOURCES_LAYER = ("stimulering.sources", "yaml")
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


@pytest.mark.parametrize("module", ["stimulering.model", "stimulering.core.conditions",
                                    "stimulering.core.scoring", "stimulering.core.advice",
                                    "stimulering.core.combine", "stimulering.core.coalition",
                                    "stimulering.core.interview"])
def test_the_pure_core_pulls_in_neither_files_nor_yaml_nor_rich(module):
    assert reached(modules_after_import(module), (*SOURCES_LAYER, "rich")) == []


@pytest.mark.parametrize("module", ["stimulering.core.results", "stimulering.core.summary",
                                    "stimulering.report.markdown", "stimulering.report.json",
                                    "stimulering.report.text", "stimulering.report.xlsx",
                                    "stimulering.report.office"])
def test_renderers_read_results_without_the_sources(module):
    assert reached(modules_after_import(module), SOURCES_LAYER) == []


TERMINAL_MODULES = {"stimulering.__main__", "stimulering.cli", "stimulering.session.terminal",
                    "stimulering.report.console", "stimulering.report.text",
                    "stimulering.report.listing"}
"""Where rich may be imported when the module is: the command line, the interview's
terminal, and the renderers whose only output is the terminal. The table renderers
of ``report.progress`` and ``report.compare`` import it inside the function, next to
their markdown and JSON siblings."""


def test_rich_is_imported_only_by_the_terminal_modules():
    probe = (
        "import importlib, json, pkgutil, sys, stimulering\n"
        f"terminal = {sorted(TERMINAL_MODULES)!r}\n"
        "names = sorted(info.name for info in pkgutil.walk_packages(stimulering.__path__, "
        "'stimulering.') if not any(info.name == t or info.name.startswith(t + '.') "
        "for t in terminal))\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps([names, sorted(sys.modules)]))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=120)
    names, modules = json.loads(result.stdout.splitlines()[-1])
    assert "stimulering.report.progress" in names  # the walk found the package's modules
    assert reached(set(modules), ("rich",)) == []
