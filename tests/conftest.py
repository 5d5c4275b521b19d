"""Shared fixtures: the CLI runner that shows what went wrong, the shipped engine, answer files."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from builders import answers_document
from stimulering.cli import app
from stimulering.cli.environment import Environment
from stimulering.sources.engine import Engine, load


class CliResult:
    """What a CLI run gave: exit code, stdout, stderr."""

    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr


@pytest.fixture
def surroundings() -> dict[str, bool]:
    """What the command line finds around it in a test: no terminal, unless a test says so."""
    return {"stdin_is_terminal": False, "stdout_is_terminal": False}


@pytest.fixture
def cli(surroundings: dict[str, bool]) -> Callable[..., CliResult]:
    """Run the CLI in-process; on an unexpected exit code, show output and traceback."""

    def invoke(*args: str, expect: int = 0, input: str | None = None,
               env: dict[str, str] | None = None) -> CliResult:
        runner = CliRunner()
        env = env or {"NO_COLOR": "1"}
        around = Environment(**surroundings, no_color="NO_COLOR" in env)
        result = runner.invoke(app, list(args), input=input, env=env, obj=around)
        stderr = result.stderr if result.stderr_bytes is not None else ""
        if result.exit_code != expect:
            shown = "".join(traceback.format_exception(*result.exc_info)) if result.exc_info \
                and not isinstance(result.exception, SystemExit) else ""
            pytest.fail(f"stimulering {' '.join(args)} exited {result.exit_code}, "
                        f"expected {expect}\n--- stdout\n{result.stdout}\n--- stderr\n{stderr}"
                        f"\n{shown}")
        return CliResult(result.exit_code, result.stdout, stderr)

    return invoke


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The shipped question set and model."""
    return load()


@pytest.fixture
def write_answers(tmp_path: Path) -> Callable[..., Path]:
    """Write an answers file into the test's folder and return its path."""
    counter = iter(range(10_000))

    def write(values: dict[str, Any], name: str | None = None, **extra: Any) -> Path:
        path = tmp_path / (name or f"answers-{next(counter)}.yaml")
        path.write_text(yaml.safe_dump(answers_document(values, **extra), allow_unicode=True,
                                       sort_keys=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def terminal(surroundings, monkeypatch, tmp_path):
    """Someone at a terminal answers, in an empty folder."""
    surroundings["stdin_is_terminal"] = True
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every end-to-end test ``slow``: ``pytest -m "not slow"`` is the fast loop."""
    e2e = Path(__file__).parent / "e2e"
    for item in items:
        if e2e in Path(item.path).parents:
            item.add_marker(pytest.mark.slow)
