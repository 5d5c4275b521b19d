"""Text from files is shown, never obeyed: no rich markup, no terminal escapes, no hidden text.

Every answers file, question set and model here is valid; only its names, notes and
texts are hostile. Each command that shows them must exit 0, show them literally, and
write no character a terminal would act on or not show.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from rich.table import Table

from builders import highest
from stimulering.report.common import json_text
from stimulering.report.console import render
from stimulering.sanitise import code_point, is_hidden, visible
from stimulering.sources.files import default_model_path, default_questions_path

MARKUP = "Kanaalstad [/bold]"
LINK = "[link=https://kwaad.example]Beekstad[/link]"
ESCAPES = "Duin\x1b[2J\x1b]0;titel\x07\x9b1Kwijk"
"""Clear the screen, set the window title (OSC ... BEL), erase the line (8-bit CSI)."""
ESCAPES_SHOWN = "Duin<U+001B>[2J<U+001B>]0;titel<U+0007><U+009B>1Kwijk"
BIDI = "Polder\u202eigerd\u200b"
"""A right-to-left override and a zero-width space: reads as "Poldergerdi"."""
BIDI_SHOWN = "Polder<U+202E>igerd<U+200B>"


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_inert(text: str) -> None:
    """Nothing in ``text`` acts on a terminal or hides: only newlines may be controls."""
    hidden = sorted({f"U+{ord(c):04X}" for c in text if c != "\n" and is_hidden(c)})
    assert hidden == [], f"hidden characters in the output: {hidden}"


def hostile_file(write_answers, engine, name: str, coalition: str, organisation: str,
                 **extra):
    values = highest(engine)
    values["deelnemende_partijen"] = f"{MARKUP} {LINK} {ESCAPES} {BIDI}"
    return write_answers(
        values, name, coalition=coalition,
        respondent={"organisation": organisation, "role": "gemeente", "level": "tactisch"},
        notes={"vast_overleg": f"{ESCAPES} [red]rood[/red]"}, **extra)


@pytest.fixture
def hostile(write_answers, engine):
    """Two dates of a coalition named with markup, and one each named with escapes or bidi."""
    actions = [{"what": f"[/bold] {ESCAPES}", "owner": LINK, "item": "vast_overleg"}]
    return {
        "before": hostile_file(write_answers, engine, "voor.yaml", MARKUP, LINK,
                               date="2025-11-01", actions=actions),
        "after": hostile_file(write_answers, engine, "na.yaml", MARKUP, ESCAPES,
                              date="2026-11-01"),
        "escapes": hostile_file(write_answers, engine, "escapes.yaml", ESCAPES, BIDI),
        "bidi": hostile_file(write_answers, engine, "bidi.yaml", BIDI, MARKUP),
    }


def test_assess_text_shows_names_and_answers_literally(cli, hostile):
    out = cli("assess", "--answers", str(hostile["before"])).stdout
    assert_inert(out)
    assert f"{MARKUP} · {LINK} (gemeente, tactisch)" in flat(out)
    out = cli("assess", "--answers", str(hostile["escapes"])).stdout
    assert_inert(out)
    assert f"{ESCAPES_SHOWN} · {BIDI_SHOWN} (gemeente, tactisch)" in flat(out)


def test_a_table_in_colour_plants_no_link(cli, surroundings, write_answers, engine):
    surroundings["stdout_is_terminal"] = True
    path = write_answers(highest(engine), "beek.yaml", coalition=LINK)
    out = cli("compare", str(path), env={"TERM": "xterm"}).stdout
    assert "\x1b[" in out  # in colour
    assert "\x1b]8;" not in out
    assert "[link=https:" in out  # the terminal table cuts long names short


def test_compare_table_shows_every_name_literally(cli, hostile):
    out = cli("compare", *(str(path) for path in hostile.values())).stdout
    assert_inert(out)
    # The terminal table shows every name whole, as its code points, over several lines
    # where it is long: read down its first column.
    lines = out.splitlines()
    width = lines[1].index(" Datum") + 1
    first_column = "".join(line[:width].strip() for line in lines[2:-1]).replace(" ", "")
    for shown in (MARKUP, ESCAPES_SHOWN, BIDI_SHOWN):
        assert shown.replace(" ", "") in first_column


def test_compare_markdown_and_json_keep_escapes_out_of_the_terminal(cli, hostile):
    paths = [str(path) for path in hostile.values()]
    markdown = cli("compare", *paths, "--format", "markdown").stdout
    assert_inert(markdown)
    assert "Duin&lt;U+001B&gt;\\[2J" in markdown
    text = cli("compare", *paths, "--format", "json").stdout
    assert_inert(text)
    names = [row["coalition"] for row in json.loads(text)["coalitions"]]
    assert sorted(names) == sorted([ESCAPES, MARKUP, BIDI])


def test_progress_table_and_markdown_show_actions_and_names_literally(cli, hostile):
    paths = [str(hostile["before"]), str(hostile["after"])]
    out = cli("progress", *paths).stdout
    assert_inert(out)
    assert f"Voortgang: {MARKUP}" in out
    assert "\n [/bold]  " in out and f"\n {ESCAPES_SHOWN} " in out  # the action, wrapped
    markdown = cli("progress", *paths, "--format", "markdown").stdout
    assert_inert(markdown)
    assert "\\[/bold\\] Duin&lt;U+001B&gt;" in markdown


def test_report_markdown_html_and_json_are_inert(cli, hostile, tmp_path):
    for key in ("escapes", "bidi"):
        markdown = cli("report", str(hostile[key])).stdout
        assert_inert(markdown)
        page = cli("report", str(hostile[key]), "--format", "html").stdout
        assert_inert(page)
        text = cli("report", str(hostile[key]), "--format", "json").stdout
        assert_inert(text)
        assert json.loads(text)["coalition"] == {"escapes": ESCAPES, "bidi": BIDI}[key]
    assert "# Adviesrapport samenwerking: Polder&lt;U+202E&gt;igerd&lt;U+200B&gt;\n" in \
        cli("report", str(hostile["bidi"])).stdout


def test_the_chart_is_valid_xml_for_any_name(cli, write_answers, engine, tmp_path):
    name = "Kanaal\x00stad\x01\x08\x0b\x0c\x1b\x7f\x9b\ufffe"
    path = write_answers(highest(engine), "kanaal.yaml", coalition=name)
    cli("report", str(path), "-o", str(tmp_path / "advies.md"))
    root = ET.fromstring((tmp_path / "advies-radar.svg").read_text(encoding="utf-8"))
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text is not None
    # What XML forbids is left out; what it allows is shown, as on the terminal.
    assert title.text.startswith("Samenwerking Kanaalstad<U+007F><U+009B>:")
    page = cli("report", str(path), "--format", "html").stdout
    assert "\x00" not in page and "\x01" not in page


def test_csv_cells_cannot_start_a_formula(cli, write_answers, engine):
    formulas = ["=HYPERLINK(\"http://kwaad.example\")", "+1+1", "-2+3", "@SUM(A1)",
                "\tTab", "\rRegel", "Gewoon\rmidden"]
    for number, name in enumerate(formulas):
        write_answers(highest(engine), f"f{number}.yaml", coalition=name)
    text = cli("compare", str(Path(write_answers(highest(engine), "z.yaml")).parent),
               "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(text, newline="")))
    names = sorted(row[0] for row in rows[1:])
    assert names == sorted(["'=HYPERLINK(\"http://kwaad.example\")", "'+1+1", "'-2+3",
                            "'@SUM(A1)", "'\tTab", "'\rRegel", "Gewoon\rmidden", "Rivierstad"])
    assert '"Gewoon\rmidden"' in text
    assert '"\'\rRegel"' in text


def test_errors_and_warnings_name_a_hostile_file_visibly(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "a\x1b]0;titel\x07\u202e.yaml"
    result = cli("assess", "--answers", name, expect=1)
    assert result.stderr == "error: a<U+001B>]0;titel<U+0007><U+202E>.yaml: file not found\n"
    Path(name).write_text("coalition: [\n", encoding="utf-8")
    Path("goed.yaml").write_text("stimulering_answers: 1\n", encoding="utf-8")
    for result in (cli("validate", name, expect=1), cli("compare", ".", expect=1)):
        assert_inert(result.stdout + result.stderr)
        assert "a<U+001B>]0;titel<U+0007><U+202E>.yaml:" in result.stdout + result.stderr


def test_a_question_set_and_model_with_hostile_texts(cli, tmp_path, write_answers, engine):
    questions = yaml.safe_load(default_questions_path().read_text(encoding="utf-8"))
    questions["questions"][0]["text"]["nl"] = f"{MARKUP} {ESCAPES}"
    (tmp_path / "vragen.yaml").write_text(yaml.safe_dump(questions, allow_unicode=True),
                                          encoding="utf-8")
    model = tmp_path / "model"
    shutil.copytree(default_model_path(), model)
    instruments = yaml.safe_load((model / "instruments.yaml").read_text(encoding="utf-8"))
    instruments["instruments"][0]["name"]["nl"] = f"[/] {BIDI}"
    (model / "instruments.yaml").write_text(yaml.safe_dump(instruments, allow_unicode=True),
                                            encoding="utf-8")
    custom = ["--questions", str(tmp_path / "vragen.yaml"), "--model", str(model)]
    out = cli("questions", *custom).stdout
    assert_inert(out)
    assert MARKUP in out
    out = cli("catalogue", *custom).stdout
    assert_inert(out)
    assert "\n[/] " in out and "\nPolder<U+202E>igerd" in out
    answers = write_answers(highest(engine), "a.yaml")
    out = cli("assess", "--answers", str(answers), *custom).stdout
    assert_inert(out)
    template = cli("template", "--questions", str(tmp_path / "vragen.yaml")).stdout
    assert_inert(template)
    assert f"  # {MARKUP} {ESCAPES_SHOWN}\n" in template
    assert yaml.safe_load(template)["stimulering_answers"] == 1


def test_the_terminal_console_shows_what_a_renderable_still_carries():
    table = Table()
    table.add_column("[/bold] \x1b[2J")
    table.add_row("\u202e[link=https://kwaad.example]x[/link]")
    out = render([table], color=True)
    assert "[/bold] <U+001B>[2J" in out
    assert "<U+202E>[link=https://kwaad.example]x[/link]" in out
    assert "\x1b]8;" not in out


@given(st.text())
def test_json_keeps_any_text_and_escapes_what_a_terminal_would_obey(text):
    document = json_text({"naam": text})
    assert json.loads(document) == {"naam": text}
    assert_inert(document)


@given(st.text())
def test_every_hidden_character_becomes_visible_and_nothing_else_changes(text):
    shown = visible(text)
    assert_inert(shown.replace("\t", " "))
    assert shown == "".join(code_point(c) if is_hidden(c) and c not in "\t\n" else c
                            for c in text)
