"""Messages that cannot be forged, and checks that say what they checked.

A line break in a key or a file name stays inside its message (shown as its code
point), so no file can print a line such as "ok: 3 items checked"; `validate` on a folder
without answers files says so; names given as options keep to the limits of a file.
"""

from __future__ import annotations

import os

import pytest

from builders import WHO

FORGED = "x\nok: 3 items checked\r"


def test_a_file_name_with_line_breaks_stays_on_the_line_of_its_message(cli, tmp_path):
    name = tmp_path / f"{FORGED}.yaml"
    result = cli("report", str(name), expect=1)
    assert result.stderr == (f"error: {tmp_path}/x<U+000A>ok: 3 items checked<U+000D>.yaml: "
                             "file not found\n")


def test_validate_on_a_folder_without_answers_files_says_so(cli, tmp_path):
    (tmp_path / "leeg").mkdir()
    (tmp_path / "leeg" / "notities.txt").write_text("geen antwoorden\n", encoding="utf-8")
    result = cli("validate", str(tmp_path / "leeg"), expect=1)
    assert result.stdout == (f"{tmp_path / 'leeg'}: no answers file found in this folder "
                             "(*.yaml or *.yml, searched recursively)\n")
    assert result.stderr == "1 problem found\n"


REFUSED = {
    "x" * 120_000: "at most 200 characters, not 120,000",
    "Rivier\nstad": "contains the control character U+000A; give the name as one line of "
                    "plain text",
    "Rivier\x1b[2Jstad": "contains the control character U+001B; give the name as one line of "
                         "plain text",
    os.fsdecode(b"Rivier\xffstad"): "is not UTF-8 text; give the name as plain text",
}
"""Names refused as ``--coalition`` (and the message after the option's name)."""


@pytest.mark.parametrize("name", list(REFUSED), ids=["long", "newline", "escape", "not-utf8"])
def test_form_takes_a_coalition_name_as_a_file_does(cli, tmp_path, name):
    target = tmp_path / "formulier.html"
    result = cli("form", "--coalition", name, "-o", str(target), expect=1)
    assert result.stderr == f"error: --coalition: {REFUSED[name]}\n"
    assert not target.exists()


@pytest.mark.parametrize("option", ["--coalition", "--organisation"])
def test_the_interview_takes_names_as_the_form_does(cli, terminal, option):
    given = dict(zip(WHO[::2], WHO[1::2], strict=True))
    given[option] = "Rivier\x1b]0;titel\x07stad"
    result = cli("assess", *[part for pair in given.items() for part in pair], expect=1,
                 input=":q\n")
    assert result.stderr == (f"error: {option}: contains the control character U+001B; give "
                             "the name as one line of plain text\n")
    assert list(terminal.iterdir()) == []


def test_the_longest_name_a_file_takes_is_taken_as_an_option(cli, tmp_path):
    target = tmp_path / "formulier.html"
    cli("form", "--coalition", "R" * 200, "-o", str(target))
    assert "R" * 200 in target.read_text(encoding="utf-8")
