"""The pre-commit hook, run as a coalition would: from its ``.pre-commit-config.yaml``.

Each coalition repository here names this checkout (at one commit holding its tracked
files as they are now) as the hook's repository. pre-commit installs it into an
environment of its own, which takes a while; the tests share one pre-commit home and
name the same commit, so that environment is built once.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from paths import ROOT

pytestmark = pytest.mark.slow

SHIPPED = (ROOT / "questions.yaml").read_text(encoding="utf-8")


def run(*args: str, cwd: Path,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def checkout() -> tuple[Path, str]:
    """This checkout and one commit holding its tracked files as they are now."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed; pre-commit try-repo needs it")
    inside = run("git", "rev-parse", "--is-inside-work-tree", cwd=ROOT)
    if inside.stdout.strip() != "true":
        pytest.skip(f"{ROOT} is not a git checkout; pre-commit try-repo needs one")
    # `git stash create` makes a commit of the uncommitted changes without touching the
    # work tree (and prints nothing when there are none).
    changes = run("git", "stash", "create", cwd=ROOT)
    ref = changes.stdout.strip()
    if changes.returncode != 0 or not re.fullmatch(r"[0-9a-f]{40}", ref):
        # Nothing to stash, or git cannot stash now (in the middle of a merge): use HEAD.
        ref = run("git", "rev-parse", "HEAD", cwd=ROOT).stdout.strip()
    return ROOT, ref


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def coalition_repository(folder: Path, files: dict[str, str],
                         checkout: tuple[Path, str]) -> Path:
    root, ref = checkout
    files = {".pre-commit-config.yaml": (
        f"repos:\n  - repo: {root}\n    rev: {ref}\n"
        "    hooks:\n      - id: stimulering-validate\n"), **files}
    folder.mkdir()
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    run("git", "init", "-q", cwd=folder)
    run("git", "add", ".", cwd=folder)
    committed = run("git", "-c", "user.name=Coalitie", "-c", "user.email=c@example.invalid",
                    "commit", "-q", "-m", "Question set", cwd=folder)
    assert committed.returncode == 0, committed.stderr
    return folder


def try_hook(repository: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    return run(sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never",
               cwd=repository, env=env)


def hook_report(output: str) -> list[str]:
    """The lines the hook itself printed, after pre-commit's header."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("- exit code:"))
    return [line for line in lines[start + 1:] if line]


def test_hook_names_file_and_line_of_an_unknown_category(checkout, pre_commit_home, tmp_path):
    broken = SHIPPED.replace("category: process", "category: proces", 1)
    line = broken.splitlines().index("    category: proces") + 1
    item_id = [text.split(": ")[1] for text in broken.splitlines()[:line]
               if text.startswith("  - id: ")][-1]
    repository = coalition_repository(tmp_path / "coalitie", {
        "questions.yaml": broken,
        "notes/not-a-question-set.yaml": "this: [is not checked\n",
    }, checkout)
    result = try_hook(repository, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "stimulering validate" in result.stdout and "Failed" in result.stdout
    assert hook_report(result.stdout) == [
        f"questions.yaml:{line}:15: {item_id}: unknown category 'proces' (known: challenges, "
        "finances, future, goals, governance, lessons, means, process, successes)",
        "1 problem found",
    ]


def test_hook_names_file_and_line_of_a_yaml_syntax_error(checkout, pre_commit_home, tmp_path):
    repository = coalition_repository(tmp_path / "coalitie", {
        "sets/questions.yml": "id: basis\nversion: 1.0.0\nquestions:\n  - id: a\n"
                              "    text: {nl: \"open\n",
    }, checkout)
    result = try_hook(repository, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert hook_report(result.stdout) == [
        "sets/questions.yml:6:1: YAML syntax error: found unexpected end of stream (while "
        "scanning a quoted scalar that starts on line 5)",
        "1 problem found",
    ]


def test_hook_passes_a_valid_question_set(checkout, pre_commit_home, tmp_path):
    repository = coalition_repository(tmp_path / "coalitie", {"questions.yaml": SHIPPED},
                                      checkout)
    result = try_hook(repository, pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "stimulering validate" in result.stdout and "Passed" in result.stdout
