"""The bundle of the shipped files: made from the YAML, used only when it matches, strict."""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path

import pytest
from pydantic import BaseModel

from stimulering.report.json import render_questions_json
from stimulering.sources import bundle, validation
from stimulering.sources.engine import load


@pytest.fixture
def cache(monkeypatch, tmp_path):
    """An empty cache folder of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setattr(bundle, "cache_folder", lambda: folder)
    return folder


def test_loading_from_yaml_leaves_a_bundle_in_the_cache_and_none_in_the_package(cache):
    assert bundle.read_bundle() is None
    load()
    assert not (resources.files("stimulering") / bundle.BUNDLE_NAME).is_file()
    written = sorted(cache.iterdir())
    assert len(written) == 1 and written[0].name.startswith("bundle-")
    assert written[0].read_text(encoding="utf-8") == bundle.make_bundle()
    assert bundle.read_bundle() is not None


def test_a_matching_bundle_is_used_without_reading_the_yaml(cache, monkeypatch):
    slow = load(use_bundle=False)
    load()  # writes the cache

    def no_yaml(*args, **kwargs):
        raise AssertionError("the YAML was read although the bundle matches")

    monkeypatch.setattr(validation, "load_checked", no_yaml)
    fast = load()
    assert fast.questions == slow.questions
    assert fast.model == slow.model
    assert fast.sha256 == slow.sha256
    assert render_questions_json(fast.questions, fast.sha256, "en") == \
        render_questions_json(slow.questions, slow.sha256, "en")


def test_a_changed_shipped_file_is_read_from_yaml(cache, monkeypatch, tmp_path):
    load()
    edited = tmp_path / "questions.yaml"
    original = bundle.default_questions_path().read_text(encoding="utf-8")
    edited.write_text(original.replace("\nversion: ", "\nversion: 0.", 1), encoding="utf-8")
    assert edited.read_text(encoding="utf-8") != original
    monkeypatch.setattr(bundle, "default_questions_path", lambda: edited)
    assert bundle.read_bundle() is None


def test_a_bundle_of_other_code_is_not_read(cache, monkeypatch, tmp_path):
    load()
    assert bundle.read_bundle() is not None
    # The same shipped files, read by an edited model.py (as in a checkout).
    package = Path(bundle.__file__).parents[1]
    edited = tmp_path / "stimulering"
    (edited / "sources").mkdir(parents=True)
    (edited / "sources" / "bundle.py").write_bytes((package / "sources" / "bundle.py").read_bytes())
    (edited / "model.py").write_bytes((package / "model.py").read_bytes() + b"# edited\n")
    monkeypatch.setattr(bundle.resources, "files", lambda name: edited)
    assert bundle.read_bundle() is None


@pytest.mark.parametrize("broken", ["", "{not json", '{"format": 99, "files": {}}', "[]"])
def test_a_broken_bundle_is_ignored(cache, broken):
    digests = {name: bundle._digest(path) for name, path in bundle._sources()}
    cache.mkdir()
    bundle._cache_file(digests).write_text(broken, encoding="utf-8")
    assert bundle.read_bundle() is None
    assert load().questions == load(use_bundle=False).questions


def test_an_unwritable_cache_only_costs_speed(monkeypatch, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setattr(bundle, "cache_folder", lambda: blocked / "cache")
    assert load().questions == load(use_bundle=False).questions


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


class _Dated(BaseModel):
    due: dt.date


class _Paired(BaseModel):
    pair: tuple[int, int]


class _Numbered(BaseModel):
    by_number: dict[int, str]


@pytest.mark.parametrize("kind, data", [
    (_Dated, {"due": "2026-12-01"}),
    (_Paired, {"pair": [1, 2]}),
    (_Numbered, {"by_number": {"1": "een"}}),
])
def test_hydrating_a_type_it_does_not_know_raises(kind, data):
    # Passing these through would give a string for a date, a list for a tuple, a
    # string key for a number: objects that validating would never make.
    with pytest.raises(TypeError, match="cannot turn JSON back into"):
        bundle.hydrate(kind, data)


def test_the_cache_keeps_only_the_latest_bundles(cache):
    cache.mkdir()
    for index in range(bundle.KEPT_IN_CACHE + 3):
        old = cache / f"bundle-{index:064x}.json"
        old.write_text("{}", encoding="utf-8")
        os.utime(old, (1_000_000 + index, 1_000_000 + index))
    load()
    kept = sorted(path.name for path in cache.iterdir())
    assert len(kept) == bundle.KEPT_IN_CACHE
    assert bundle.read_bundle() is not None  # the one just written is among them
    assert f"bundle-{0:064x}.json" not in kept
