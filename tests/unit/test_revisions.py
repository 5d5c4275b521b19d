"""revisions: a question set from a file or from a git revision, safely."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from stimulering.errors import StimuleringError
from stimulering.sources import revisions
from stimulering.sources.files import default_questions_path
from stimulering.sources.revisions import git_show, load_question_set_at

SHIPPED = yaml.safe_load(default_questions_path().read_text(encoding="utf-8"))["version"]
PATCHED = ".".join([*SHIPPED.split(".")[:2], str(int(SHIPPED.split(".")[2]) + 1)])
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(folder, *args):
    subprocess.run(["git", "-c", "user.name=Beekstad", "-c", "user.email=b@example.invalid",
                    *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path):
    """A repository whose questions.yaml has the shipped version (such as 3.0.0) committed and
    that version's first patch (3.0.1) in the work tree."""
    shipped = default_questions_path().read_text(encoding="utf-8")
    assert f"version: {SHIPPED}\n" in shipped
    git(tmp_path, "init", "-q")
    (tmp_path / "questions.yaml").write_text(shipped, encoding="utf-8")
    git(tmp_path, "add", "questions.yaml")
    git(tmp_path, "commit", "-q", "-m", "vragen")
    (tmp_path / "questions.yaml").write_text(
        shipped.replace(f"version: {SHIPPED}", f"version: {PATCHED}", 1), encoding="utf-8")
    return tmp_path


def test_a_file_is_read_as_a_file(repository):
    loaded = load_question_set_at(str(repository / "questions.yaml"))
    assert loaded.questions.version == PATCHED


@needs_git
def test_a_revision_is_read_from_git(repository):
    loaded = load_question_set_at("HEAD:questions.yaml", cwd=repository)
    assert loaded.questions.version == SHIPPED


def test_a_revision_that_looks_like_an_option_is_refused(repository):
    with pytest.raises(StimuleringError) as refused:
        git_show("--output=/tmp/x:questions.yaml", repository)
    assert str(refused.value) == \
        "--output=/tmp/x:questions.yaml: a revision cannot start with '-'"


@needs_git
def test_an_unknown_revision_names_what_git_said(repository):
    with pytest.raises(StimuleringError) as failed:
        load_question_set_at("nergens:questions.yaml", cwd=repository)
    assert str(failed.value).startswith("nergens:questions.yaml: git show failed: ")


@needs_git
def test_a_blob_over_the_size_limit_is_not_read(repository, monkeypatch):
    monkeypatch.setattr(revisions, "MAX_FILE_BYTES", 1000)
    with pytest.raises(StimuleringError) as refused:
        git_show("HEAD:questions.yaml", repository)
    size = len(default_questions_path().read_bytes())  # what was committed
    assert str(refused.value) == \
        f"HEAD:questions.yaml: file is {size:,} bytes; the limit is 1,000"


def test_without_git_a_revision_says_git_is_missing(repository, monkeypatch):
    monkeypatch.setenv("PATH", str(repository / "no-programs-here"))
    with pytest.raises(StimuleringError) as failed:
        load_question_set_at("HEAD:questions.yaml", cwd=repository)
    assert str(failed.value) == \
        "HEAD:questions.yaml: cannot read a git revision: git is not installed"
