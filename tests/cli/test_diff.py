"""``stimulering diff``: what changed between two question sets, from files and from git."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from builders import option, question
from paths import DATA
from stimulering.core.diffing import declared_bump, diff_question_sets
from stimulering.model import QuestionSet

ROOT = DATA.parent.parent


def question_set(version: str, questions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": "regio_set", "version": version, "languages": ["nl", "en"],
            "questions": questions}


OLD = question_set("1.0.0", [
    question("vast_overleg", type_="yesno"),
    question("oude_vraag"),
    question("doel_helder", text={"nl": "Het doel is helder.", "en": "The goal is clear."}),
    question("systeem", "information", 2, "choice",
             options=[option("geen", 0), option("gedeeld", 1)]),
    question("kwartier", "governance"),
])
NEW = question_set("1.1.0", [
    question("vast_overleg", type_="yesno"),
    question("doel_helder", text={"nl": "Het gezamenlijke doel is helder.",
                                  "en": "The shared goal is clear."}),
    question("systeem", "information", 2, "choice",
             options=[option("geen", 0), option("gedeeld", 0.8)]),
    question("kwartiermaker", "governance", replaces=["kwartier"]),
    question("nieuwe_vraag", "people", 3),
])


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def sets(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path / "old.yaml", OLD), write(tmp_path / "new.yaml", NEW)


EXPECTED_JSON = {
    "added": ["nieuwe_vraag"],
    "removed": ["oude_vraag"],
    "reworded": ["doel_helder"],
    "rescored": ["systeem"],
    "renamed": {"kwartier": "kwartiermaker"},
    "suggested_bump": "major",
    "comparable": False,
    "old_version": "1.0.0",
    "new_version": "1.1.0",
    "declared_bump": "minor",
}

EXPECTED_TEXT = """\
Changes in question set regio_set 1.0.0 -> regio_set 1.1.0

Added (1):
  nieuwe_vraag
Removed (1):
  oude_vraag
Reworded (1):
  doel_helder
Rescored (1):
  systeem
Renamed (1):
  kwartier -> kwartiermaker

Scores made with 1.0.0 are no longer comparable: questions were removed or rescored.
Suggested version bump: major; declared: minor (1.0.0 -> 1.1.0).
"""

EXPECTED_MARKDOWN = """\
## Verschillen in vragenset regio_set 1.0.0 -> regio_set 1.1.0

**Toegevoegd** (1):

- `nieuwe_vraag`

**Verwijderd** (1):

- `oude_vraag`

**Anders verwoord** (1):

- `doel_helder`

**Anders gescoord** (1):

- `systeem`

**Hernoemd** (1):

- `kwartier` -> `kwartiermaker`

Scores gemaakt met 1.0.0 zijn niet meer vergelijkbaar: vragen zijn verwijderd of anders gescoord.  
Voorgestelde versiesprong: major; opgegeven: minor (1.0.0 -> 1.1.0).
"""  # noqa: W291 - two trailing spaces are a markdown line break


def test_diff_of_files_as_json(cli, sets):
    old, new = sets
    result = cli("diff", str(old), str(new), "--format", "json")
    assert json.loads(result.stdout) == EXPECTED_JSON


def test_diff_of_files_as_text(cli, sets):
    old, new = sets
    assert cli("diff", str(old), str(new), "--lang", "en").stdout == EXPECTED_TEXT


def test_diff_of_files_as_markdown(cli, sets):
    old, new = sets
    assert cli("diff", str(old), str(new), "--format", "markdown").stdout == EXPECTED_MARKDOWN


def test_check_fails_when_the_declared_bump_is_too_small(cli, sets):
    old, new = sets
    result = cli("diff", str(old), str(new), "--check", "--format", "json", "--lang", "en",
                 expect=1)
    assert json.loads(result.stdout) == EXPECTED_JSON
    assert result.stderr == ("The version bump is too small: declared minor (1.0.0 -> 1.1.0), "
                             "suggested major.\n")


def test_check_passes_with_a_major_bump(cli, sets, tmp_path):
    old, _ = sets
    major = write(tmp_path / "major.yaml", {**NEW, "version": "2.0.0"})
    result = cli("diff", str(old), str(major), "--check", "--format", "json")
    assert json.loads(result.stdout) == {**EXPECTED_JSON, "new_version": "2.0.0",
                                         "declared_bump": "major"}
    assert result.stderr == ""


def test_identical_sets_need_no_bump(cli, sets):
    old, _ = sets
    result = cli("diff", str(old), str(old), "--check", "--format", "json")
    assert json.loads(result.stdout) == {
        "added": [], "removed": [], "reworded": [], "rescored": [], "renamed": {},
        "suggested_bump": "none", "comparable": True, "old_version": "1.0.0",
        "new_version": "1.0.0", "declared_bump": "none"}


def git(repository: Path, *args: str) -> None:
    done = subprocess.run(["git", "-c", "user.name=Coalitie", "-c", "user.email=c@example.invalid",
                           *args], cwd=repository, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose questions.yaml went from OLD to NEW in two commits."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "coalitie"
    (folder / "sets").mkdir(parents=True)
    git(folder, "init", "-q")
    write(folder / "sets" / "questions.yaml", OLD)
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "Question set 1.0.0")
    write(folder / "sets" / "questions.yaml", NEW)
    git(folder, "commit", "-q", "-a", "-m", "Question set 1.1.0")
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize("output_format", ["json", "text", "markdown"])
def test_diff_between_two_commits(cli, repository, output_format):
    result = cli("diff", "HEAD~1:sets/questions.yaml", "HEAD:sets/questions.yaml",
                 "--format", output_format, "--lang", "en" if output_format == "text" else "nl")
    expected = {"json": json.dumps(EXPECTED_JSON, indent=2) + "\n", "text": EXPECTED_TEXT,
                "markdown": EXPECTED_MARKDOWN}[output_format]
    assert result.stdout == expected


def test_diff_between_a_commit_and_the_working_file(cli, repository):
    result = cli("diff", "HEAD~1:./sets/questions.yaml", "sets/questions.yaml", "--check",
                 "--format", "json", expect=1)
    assert json.loads(result.stdout) == EXPECTED_JSON
    assert result.stderr == ("De versiesprong is te klein: opgegeven minor (1.0.0 -> 1.1.0), "
                             "voorgesteld major.\n")


def test_a_revision_git_cannot_show_is_a_clear_error(cli, repository):
    result = cli("diff", "HEAD~5:sets/questions.yaml", "sets/questions.yaml", expect=1)
    assert result.stdout == ""
    assert result.stderr.startswith("error: HEAD~5:sets/questions.yaml: git show failed: fatal: ")
    assert "Traceback" not in result.stderr


def test_a_broken_old_set_is_reported_with_its_revision(cli, repository):
    (repository / "sets" / "questions.yaml").write_text("id: regio_set\nversion: 2\n",
                                                        encoding="utf-8")
    git(repository, "commit", "-q", "-a", "-m", "Broken")
    result = cli("diff", "HEAD:sets/questions.yaml", "HEAD~1:sets/questions.yaml", expect=1)
    assert result.stderr == (
        "HEAD:sets/questions.yaml:2:10: regio_set: version: Input should be a valid string, "
        "not a number\n"
        "HEAD:sets/questions.yaml:1:1: regio_set: missing key 'languages'\n"
        "HEAD:sets/questions.yaml:1:1: regio_set: missing key 'questions'\n")


def test_a_revision_that_looks_like_an_option_never_reaches_git(cli, repository, tmp_path):
    planted = tmp_path / "x:sets" / "questions.yaml"
    planted.parent.mkdir()
    for spec in (f"--output={planted.parent.parent}/x:sets/questions.yaml", "-p:sets/q.yaml"):
        result = cli("diff", "--", spec, "sets/questions.yaml", expect=1)
        assert (result.stdout, result.stderr) == (
            "", f"error: {spec}: a revision cannot start with '-'\n")
    assert not planted.exists()
    assert not list(tmp_path.glob("x:*/*"))


def test_diff_does_not_fetch_a_missing_object_from_the_remote(cli, repository, tmp_path,
                                                              monkeypatch):
    # A partial clone without blobs: reading an old question set would fetch it from
    # the remote. diff reads only what is in the repository.
    git(repository, "config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "kloon"
    git(tmp_path, "clone", "-q", "--no-checkout", "--filter=blob:none",
        repository.as_uri(), str(clone))
    monkeypatch.chdir(clone)
    result = cli("diff", "HEAD~1:sets/questions.yaml", "HEAD:sets/questions.yaml", expect=1)
    assert result.stderr.startswith("error: HEAD~1:sets/questions.yaml: git show failed: ")
    missing = subprocess.run(["git", "rev-list", "--objects", "--all", "--missing=print"],
                             cwd=clone, capture_output=True, text=True, check=True,
                             env={**os.environ, "GIT_NO_LAZY_FETCH": "1"}).stdout
    assert len([line for line in missing.splitlines() if line.startswith("?")]) == 2


# --- the pure diff -----------------------------------------------------------------------------


def test_a_renamed_item_that_also_changed_scoring_is_renamed_and_rescored():
    old = QuestionSet.model_validate(question_set("1.0.0", [question("a"), question("b")]))
    new = QuestionSet.model_validate(question_set("1.0.1", [
        question("a", text={"nl": "nieuw", "en": "new"}),
        question("c", weight=2, replaces=["b"]),
    ]))
    changes = diff_question_sets(old, new)
    assert (changes.added, changes.removed, changes.reworded, changes.rescored,
            changes.renamed) == ((), (), ("a",), ("c",), {"b": "c"})
    assert changes.suggested_bump == "major"
    assert not changes.comparable


def test_only_a_rename_asks_for_a_minor_bump_and_stays_comparable():
    old = QuestionSet.model_validate(question_set("1.0.0", [question("a"), question("b")]))
    new = QuestionSet.model_validate(question_set("1.1.0", [
        question("a"), question("c", replaces=["b"])]))
    changes = diff_question_sets(old, new)
    assert changes.renamed == {"b": "c"}
    assert (changes.suggested_bump, changes.comparable, changes.bump_too_small) == (
        "minor", True, False)


def test_changed_option_label_is_rewording_and_changed_when_is_rescoring():
    old = QuestionSet.model_validate(question_set("1.0.0", [
        question("a", type_="choice", options=[option("x", 0), option("y", 1)]),
        question("b", when={"question": "a", "equals": "y"}),
    ]))
    relabelled = option("x", 0) | {"label": {"nl": "niets", "en": "nothing"}}
    new = QuestionSet.model_validate(question_set("1.0.1", [
        question("a", type_="choice", options=[relabelled, option("y", 1)]),
        question("b", when={"question": "a", "equals": "x"}),
    ]))
    changes = diff_question_sets(old, new)
    assert (changes.reworded, changes.rescored) == (("a",), ("b",))


@pytest.mark.parametrize(("old", "new", "bump"), [
    ("1.0.0", "2.0.0", "major"),
    ("1.4.2", "2.0.0", "major"),
    ("1.0.0", "1.1.0", "minor"),
    ("1.0.0", "1.0.1", "patch"),
    ("1.0.0", "1.0.0", "none"),
    ("1.2.0", "1.1.9", "none"),
    ("1.0.0-rc.1", "1.0.0", "none"),
])
def test_declared_bump(old, new, bump):
    assert declared_bump(old, new) == bump


def test_the_shipped_set_reports_its_major_change_from_1_0_0(cli):
    old = DATA / "questions-1.0.0.yaml"
    result = cli("diff", str(old), str(ROOT / "questions.yaml"), "--check", "--format", "json")
    data = json.loads(result.stdout)
    assert (data["old_version"], data["new_version"]) == ("1.0.0", "3.0.0")
    assert (data["suggested_bump"], data["declared_bump"], data["comparable"]) == \
        ("major", "major", False)
    # The double-barrelled and reverse-worded items of 1.0.0 are gone, not renamed: their
    # old answers do not mean the same under the new items.
    assert {"coordinator_mandaat", "governance_drie_niveaus", "vertrouwen", "graafrust_afspraak",
            "niveaus_betrokken", "aanbestedingsvorm", "financiele_focus", "ambassadeurs",
            "gemeente_bestaat_niet", "meerjarenplannen_cyclus"} <= set(data["removed"])
    assert data["renamed"] == {}
    assert {"overeenkomst_vorm", "regie_bij", "scope_gekozen", "aanjager"} <= \
        set(data["added"])
    assert result.stderr == ""
    text = cli("diff", str(old), str(ROOT / "questions.yaml"), "--lang", "en").stdout
    assert "Suggested version bump: major; declared: major (1.0.0 -> 3.0.0)." in text


def test_the_shipped_set_reports_its_major_change_from_2_0_0(cli):
    old = DATA / "questions-2.0.0.yaml"
    result = cli("diff", str(old), str(ROOT / "questions.yaml"), "--check", "--format", "json")
    data = json.loads(result.stdout)
    assert (data["old_version"], data["new_version"]) == ("2.0.0", "3.0.0")
    assert (data["suggested_bump"], data["declared_bump"], data["comparable"]) == \
        ("major", "major", False)
    # The opinion gate, the partner's motive, the invented instrument and the double item
    # are gone, not renamed: the new items ask something else.
    assert data["removed"] == ["kansen_afgeketst", "afwegingskader", "ontwerpers_samen",
                               "interne_processen"]
    assert data["renamed"] == {}
    # Gates that were lifted and questions now asked only with a joint project are rescored.
    assert {"bestuurlijke_opdracht", "plannen_gedeeld", "plannen_een_plek", "verdeelsleutel",
            "ontwerpdata_gedeeld", "klic_orientatie", "een_stem_omgeving",
            "graafrust_nageleefd"} <= set(data["rescored"])
    assert {"eigen_werk_aangepast", "proces_inhoud_gescheiden", "ontwerpwijze_afgesproken",
            "kansen_kosten"} <= set(data["added"])
