"""The wheel carries the question set and model: install it in a fresh venv and use it."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import yaml

from builders import answers_document, highest
from paths import ROOT
from stimulering.sources.bundle import make_bundle


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout."""
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(dist), str(ROOT)], check=True, capture_output=True)
    wheels = list(dist.glob("stimulering-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    """A fresh virtual environment with the built wheel installed; returns its bin folder."""
    work = tmp_path_factory.mktemp("install")
    wheels = [wheel]
    venv.create(work / "venv", with_pip=True)
    bin_dir = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet",
                    str(wheels[0])], check=True, capture_output=True)
    return bin_dir


def run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run([str(bin_dir / "stimulering"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


def test_wheel_works_from_an_empty_folder(installed, tmp_path, engine):
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    checked = run(installed, "validate", cwd=empty)
    assert checked.returncode == 0, checked.stderr
    answers = empty / "antwoorden.yaml"
    answers.write_text(yaml.safe_dump(answers_document(highest(engine))), encoding="utf-8")
    assessed = run(installed, "assess", "--answers", "antwoorden.yaml", "--format", "json",
                   cwd=empty)
    assert assessed.returncode == 0, assessed.stderr
    assert json.loads(assessed.stdout)["phase"]["number"] == 6
    assert sorted(p.name for p in empty.iterdir()) == ["antwoorden.yaml"]


def test_wheel_carries_a_bundle_made_from_the_yaml_it_carries(wheel):
    with zipfile.ZipFile(wheel) as archive:
        carried = {name: archive.read(name) for name in archive.namelist()
                   if name.startswith("stimulering/data/") or name == "stimulering/bundle.json"}
    shipped = {f"stimulering/data/{path.relative_to(ROOT).as_posix()}": path.read_bytes()
               for path in [ROOT / "questions.yaml", *sorted((ROOT / "models").glob("*.yaml"))]}
    bundle_text = carried.pop("stimulering/bundle.json").decode("utf-8")
    assert carried == shipped
    assert bundle_text == make_bundle(ROOT / "questions.yaml", ROOT / "models")
    entries = json.loads(bundle_text)["files"]
    assert {name: entry["sha256"] for name, entry in entries.items()} == {
        name.removeprefix("stimulering/data/"): hashlib.sha256(data).hexdigest()
        for name, data in shipped.items()}


def test_wheel_holds_questions_and_models(installed, tmp_path):
    python = installed / "python"
    cache = tmp_path / "cache"  # empty: the bundle found must be the wheel's own
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "LOCALAPPDATA": str(cache),
           "HOME": str(tmp_path)}
    listing = subprocess.run(
        [str(python), "-c", "import importlib.resources as r; d = r.files('stimulering') / "
         "'data'; print(sorted(p.name for p in (d / 'models').iterdir())); "
         "print((d / 'questions.yaml').is_file()); "
         "from stimulering.sources.bundle import read_bundle; print(read_bundle() is not None)"],
        capture_output=True, text=True, check=True, cwd=installed, env=env)
    models_line, questions_line, bundle_line = listing.stdout.splitlines()
    shipped = sorted(p.name for p in (ROOT / "models").iterdir() if p.suffix == ".yaml")
    assert models_line == str(shipped)
    assert questions_line == "True"
    assert bundle_line == "True", "the wheel's bundle does not match its shipped files"
    assert not cache.exists()


def test_wheel_writes_the_form_with_its_script_and_style(installed, tmp_path):
    result = run(installed, "form", "-o", "formulier.html", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "formulier.html").read_text(encoding="utf-8")
    assert "window.stimuleringForm" in html  # the script, from the package's data
    assert "--surface-page:" in html  # the style sheet


def test_a_checkout_reads_the_shipped_files_at_its_root():
    # An editable install: an edit to the root questions.yaml counts without reinstalling.
    from stimulering.sources.files import default_model_path, default_questions_path

    assert default_questions_path() == ROOT / "questions.yaml"
    assert default_model_path() == ROOT / "models"


def test_the_checkout_holds_no_symbolic_links():
    # Links break checkouts on Windows.
    listed = subprocess.run(["git", "ls-files", "--stage"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    assert [line for line in listed.stdout.splitlines() if line.startswith("120000")] == []
