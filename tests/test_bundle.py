"""The checked bundle of the shipped files: current, identical to the YAML, and only used then."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from stimulering import bundle
from stimulering.engine import load
from stimulering.report.json import render_questions

PACKAGE = Path(bundle.__file__).parent


def test_bundle_is_current():
    committed = (PACKAGE / bundle.BUNDLE_NAME).read_text(encoding="utf-8")
    assert committed == bundle.make_bundle(), (
        "src/stimulering/bundle.json is out of date; regenerate it with "
        "'python -m stimulering.bundle > src/stimulering/bundle.json'")


def test_bundle_gives_the_same_objects_as_the_yaml():
    fast = load()
    slow = load(use_bundle=False)
    assert fast.questions == slow.questions
    assert fast.model == slow.model
    assert fast.sha256 == slow.sha256
    assert render_questions(fast.questions, fast.sha256, "en") == \
        render_questions(slow.questions, slow.sha256, "en")


def test_a_changed_shipped_file_is_read_from_yaml(monkeypatch, tmp_path):
    edited = tmp_path / "questions.yaml"
    original = bundle.default_questions_path().read_text(encoding="utf-8")
    edited.write_text(original.replace("version: 2.0.0", "version: 2.0.1", 1), encoding="utf-8")
    monkeypatch.setattr(bundle, "default_questions_path", lambda: edited)
    assert bundle.read_bundle() is None


@pytest.mark.parametrize("broken", ["", "{not json", '{"format": 99, "files": {}}'])
def test_a_broken_bundle_is_ignored(monkeypatch, tmp_path, broken):
    (tmp_path / bundle.BUNDLE_NAME).write_text(broken, encoding="utf-8")
    monkeypatch.setattr(bundle.resources, "files", lambda package: tmp_path)
    assert bundle.read_bundle() is None


class _Part(BaseModel):
    size: int


class _Whole(BaseModel):
    parts: list[_Part | None]
    named: dict[str, _Part | None] = {}
    extra: list[str] = []


def test_hydrating_gives_what_validating_gives_for_optional_entries_and_defaults():
    data = {"parts": [{"size": 1}, None], "named": {"a": None, "b": {"size": 2}}}
    hydrated = bundle.hydrate(_Whole, data)
    validated = _Whole.model_validate(data)
    assert hydrated == validated
    assert hydrated.model_fields_set == validated.model_fields_set == {"parts", "named"}
