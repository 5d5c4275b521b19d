"""Shared fixtures: the CLI runner that shows what went wrong, the shipped engine, answer files."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

from builders import best_value, worst_value  # noqa: E402
from stimulering.cli import app  # noqa: E402
from stimulering.engine import Engine, load  # noqa: E402

DATA = Path(__file__).parent / "data"


class CliResult:
    """What a CLI run gave: exit code, stdout, stderr."""

    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    """Run the CLI in-process; on an unexpected exit code, show output and traceback."""

    def invoke(*args: str, expect: int = 0, input: str | None = None,
               env: dict[str, str] | None = None) -> CliResult:
        runner = CliRunner()
        result = runner.invoke(app, list(args), input=input, env=env or {"NO_COLOR": "1"})
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


def answers_document(values: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A whole answers file as data."""
    data: dict[str, Any] = {
        "stimulering_answers": 1,
        "coalition": "Rivierstad",
        "respondent": {"organisation": "Stroomnet", "role": "netbeheerder", "level": "tactisch"},
        "date": "2026-11-28",
        "lang": "nl",
        "answers": values,
    }
    data.update(extra)
    return data


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


def highest(engine: Engine) -> dict[str, Any]:
    """Every question answered with its highest-scoring value."""
    return {q.id: best_value(q) for q in engine.questions.questions}


def lowest(engine: Engine) -> dict[str, Any]:
    """Every question answered with its lowest-scoring value."""
    return {q.id: worst_value(q) for q in engine.questions.questions}
