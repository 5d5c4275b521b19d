"""Plain data only from YAML: object tags refused, deep nesting refused by either loader."""

from __future__ import annotations

import pytest
import yaml

from paths import DATA
from stimulering.errors import InvalidInputError, StimuleringError
from stimulering.sources import yaml_text
from stimulering.sources.yaml_text import parse_yaml


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.mkdir", "!!python/object/new:os.mkdir",
                                 "!!python/name:os.mkdir", "!!python/object:os.mkdir"])
def test_python_object_tags_are_refused_and_never_run(tmp_path, tag):
    target = tmp_path / "made-by-yaml"
    text = f"coalition: {tag} [{str(target)!r}]\n"
    with pytest.raises(InvalidInputError) as raised:
        parse_yaml(text, "evil.yaml")
    assert not target.exists()
    [problem] = raised.value.problems
    assert (problem.line, problem.column) == (1, 12)
    assert "is not allowed: files hold plain data only" in problem.message


@pytest.fixture
def pure_python_loader(monkeypatch):
    """Load as if libyaml were missing: the pure-Python safe loader."""
    monkeypatch.setattr(yaml_text, "_Loader", yaml_text.loader_class(yaml.SafeLoader))


def test_deep_nesting_is_refused_by_the_pure_python_loader_too(pure_python_loader):
    for depth in (100, 2000, 50_000):
        with pytest.raises(InvalidInputError, match="nesting is deeper than 64 levels"):
            parse_yaml("a: " + "[" * depth + "]" * depth, "deep.yaml")


INVALID_FILES = sorted(p for p in (DATA / "invalid").iterdir()
                       if p.is_file() and p.suffix != ".expected")


@pytest.mark.parametrize("case", INVALID_FILES, ids=[p.name for p in INVALID_FILES])
def test_invalid_files_fail_cleanly_with_the_pure_python_loader(pure_python_loader, engine,
                                                               case):
    if case.name.startswith("answers-"):
        with pytest.raises(StimuleringError):
            engine.read_answers(case)
    else:
        from stimulering.sources.engine import load

        with pytest.raises(StimuleringError):
            load(case, None)
