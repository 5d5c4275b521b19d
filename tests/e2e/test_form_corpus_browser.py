"""The offline form in Chromium judges the shared corpus as the command line does.

``form_corpus.corpus`` holds answers files that are valid or not;
``tests/cli/test_form_corpus_cli.py`` holds ``stimulering validate`` to them, and here
the page's own check (the one behind "open an answers file") must say the same. A file
the page opens comes back from it as it was: no character is changed, not even a line
separator, and its hostile texts stand in the fields as text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from browser import chromium
from form_corpus import cli_only, corpus
from stimulering.form import render_form
from stimulering.sources.engine import load

ENGINE = load()
CASES = corpus(ENGINE)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "formulier.html"
    path.write_text(render_form(ENGINE.questions, ENGINE.model, ENGINE.sha256, "nl"),
                    encoding="utf-8")
    with chromium(folder) as driver:
        driver.get(path.as_uri())
        driver.execute_script("localStorage.clear(); window.confirm = function () "
                              "{ return true; };")
        yield driver


def check(driver: Any, text: str) -> str | None:
    return driver.execute_script("return stimuleringForm.check(arguments[0])", text)


@pytest.mark.parametrize("name", list(CASES))
def test_the_form_judges_each_file_as_the_command_line_does(page, name):
    text, valid = CASES[name]
    found = check(page, text)
    assert (found is None) == valid, f"the page says {found!r}"


@pytest.mark.parametrize("name", list(cli_only(ENGINE)))
def test_the_files_for_the_command_line_only_are_refused_with_their_reason(page, name):
    text, key = cli_only(ENGINE)[name]
    assert check(page, text) == key


def _as_written(data: dict[str, Any]) -> dict[str, Any]:
    """What a file says about who answered, when, and what, as PyYAML reads it."""
    date = data["date"]
    return {
        "coalition": data["coalition"],
        "respondent": data["respondent"],
        "date": date.date() if isinstance(date, dt.datetime) else dt.date.fromisoformat(str(date)),
        "answers": {key: value for key, value in (data.get("answers") or {}).items()
                    if value is not None},
        "notes": data.get("notes") or {},
        "targets": data.get("targets"),
        "actions": data.get("actions"),
        **({"round": data["round"]} if "round" in data else {}),
    }


@pytest.mark.parametrize("name", [name for name, (_, valid) in CASES.items() if valid])
def test_a_file_the_form_opens_comes_back_as_it_was(page, name):
    text, _ = CASES[name]
    page.execute_script("stimuleringForm.load('antwoorden.yaml', arguments[0])", text)
    written = yaml.safe_load(page.execute_script("return stimuleringForm.answersYaml()"))
    original = yaml.safe_load(text)
    expected = _as_written(original)
    found = _as_written(written)
    if "round" not in original:
        found.pop("round", None)
    assert found == expected
    shown = page.execute_script("return document.getElementById('f-coalition').value")
    assert shown == original["coalition"]


def test_hostile_texts_stand_in_the_fields_as_text_and_run_nothing(page):
    text, _ = CASES["hostile texts"]
    page.execute_script("window.ran = false; stimuleringForm.load('antwoorden.yaml', "
                        "arguments[0])", text)
    original = yaml.safe_load(text)
    note_id, note = next(iter(original["notes"].items()))
    assert page.execute_script(f"return document.getElementById('n-{note_id}').value") == note
    assert page.execute_script("return document.querySelectorAll('script').length") == 2
    assert page.execute_script("return window.ran") is False


NAMES = [("Rivierstad", "Stroomnet"), ("Ünïcödé & Co", "Gemeente 's-Hertogenbosch"),
         ("K" * 199, "O" * 40), ("R" * 200, "S" * 200), ("---", "日本"),
         ("Kanaalstad " * 18, "a-b-" * 50)]


@pytest.mark.parametrize(("coalition", "organisation"), NAMES)
def test_the_form_names_its_file_as_the_interview_does(page, coalition, organisation):
    from stimulering.core.interview import default_file_name

    date = dt.date(2026, 11, 28)
    name = page.execute_script("return stimuleringForm.fileName(arguments[0], arguments[1], "
                               "arguments[2])", coalition, organisation, date.isoformat())
    assert name == default_file_name(coalition, organisation, date)
    assert len(name.encode("utf-8")) <= 255


def test_a_save_that_fails_is_reported_and_not_called_done(page):
    text, _ = CASES["plain"]
    page.execute_script("stimuleringForm.load('antwoorden.yaml', arguments[0]);"
                        "window.Blob = function () { throw new Error('schijf vol'); };", text)
    page.find_element("id", "download-partial").click()
    message = page.find_element("id", "message").text
    assert message.startswith("Opslaan is niet gelukt (schijf vol).")
    assert "gegeven om op te slaan" not in message
