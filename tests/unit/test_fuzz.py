"""Mutated valid files either load or raise the project's own error, never anything else.

Each example takes a valid file (the shipped question set, a shipped model file, a
valid answers file), changes it a few times, at the data level (delete, duplicate or
retype a key or value, then dump it again) or at the text level (delete, duplicate,
indent or cut a line, or put YAML punctuation into it), and loads and checks the
result the way the command line does.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import answers_document, highest
from stimulering.errors import StimuleringError
from stimulering.sources.engine import Engine, load
from stimulering.sources.files import default_model_path, default_questions_path

FUZZ = settings(max_examples=100, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

ODD_VALUES: list[Any] = [
    None, True, False, 0, -1, 7, 1.5, float("nan"), "", "x", "weet_niet", "2026-02-30",
    "Zoë\u2028\x07", [], [None], [1, "a"], {}, {"a": 1}, {"question": "vast_overleg"},
    "z" * 5000, list(range(50)),
]
TEXT_PIECES = [":", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "!!python/none ",
               "\t", "#", "'", '"', "? ", "|", ">", "<<: ", "~", "%", "@", "\x00", "\ufeff",
               "2026-02-30", "yes", "-1", "1e999", "\\u0000"]


def paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key or index path inside a document."""
    found = [here]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*here, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*here, index))
    return found


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


@st.composite
def data_mutation(draw: st.DrawFn, data: Any) -> str:
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        candidates = paths(data)[1:]
        if not candidates:
            break
        path = draw(st.sampled_from(candidates))
        parent, last = parent_of(data, path), path[-1]
        operation = draw(st.sampled_from(["delete", "duplicate", "retype", "rename"]))
        if operation == "delete":
            del parent[last]
        elif operation == "duplicate":
            if isinstance(parent, list):
                parent.insert(last, copy.deepcopy(parent[last]))
            else:
                parent[f"{last}_copy"] = copy.deepcopy(parent[last])
        elif operation == "retype":
            parent[last] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from([1, True, None, "ID", "x y", "text"]))] = parent.pop(last)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@st.composite
def text_mutation(draw: st.DrawFn, text: str) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "cut",
                                          "insert"]))
        line = lines[index]
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, line)
        elif operation == "indent":
            lines[index] = "  " + line
        elif operation == "dedent":
            lines[index] = line[2:] if line.startswith("  ") else line.lstrip()
        elif operation == "cut":
            lines[index] = line[: draw(st.integers(0, len(line)))]
        else:
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.sampled_from(TEXT_PIECES)) + line[at:]
    return "".join(lines)


def mutations(text: str) -> st.SearchStrategy[str]:
    return st.one_of(data_mutation(yaml.safe_load(text)), text_mutation(text))


def expect_own_error_or_success(action: Any) -> None:
    try:
        action()
    except StimuleringError:
        pass


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def shipped(engine: Engine) -> Engine:
    return engine


QUESTIONS_TEXT = default_questions_path().read_text(encoding="utf-8")
SIGNALS_TEXT = (default_model_path() / "signals.yaml").read_text(encoding="utf-8")


@pytest.mark.slow  # several seconds: a whole question set checked per example
@FUZZ
@given(text=mutations(QUESTIONS_TEXT))
def test_mutated_question_set(folder: Path, text: str) -> None:
    path = folder / "questions.yaml"
    path.write_text(text, encoding="utf-8")
    expect_own_error_or_success(lambda: load(path, None))


@pytest.mark.slow  # several seconds: a whole model checked per example
@FUZZ
@given(text=mutations(SIGNALS_TEXT))
def test_mutated_model_file(folder: Path, text: str) -> None:
    models = folder / "models"
    if not models.exists():
        shutil.copytree(default_model_path(), models)
    (models / "signals.yaml").write_text(text, encoding="utf-8")
    expect_own_error_or_success(lambda: load(None, models))


@pytest.fixture(scope="module")
def answers_text(shipped: Engine) -> str:
    document = answers_document(highest(shipped), notes={"vast_overleg": "Elke maand"},
                                targets={"people": 3}, actions=[
                                    {"what": "Convenant", "due": "2027-03-01",
                                     "item": "overeenkomst_vorm"}])
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@FUZZ
@given(data=st.data())
def test_mutated_answers_file(folder: Path, shipped: Engine, answers_text: str,
                              data: st.DataObject) -> None:
    text = data.draw(mutations(answers_text))
    path = folder / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    expect_own_error_or_success(lambda: shipped.evaluate_file(path))


def test_the_files_before_mutation_are_valid(shipped: Engine, answers_text: str,
                                             folder: Path) -> None:
    path = folder / "answers-valid.yaml"
    path.write_text(answers_text, encoding="utf-8")
    evaluation = shipped.evaluate_file(path)
    assert (evaluation.answers.coalition, evaluation.assessment.warnings) == ("Rivierstad", ())
