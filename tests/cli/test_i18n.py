"""Program labels: one catalogue file per language, plurals, one fallback rule, --lang."""

from __future__ import annotations

import json
import re
import shutil
import string
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
import typer

from paths import ROOT
from stimulering import i18n
from stimulering.cli import app
from stimulering.i18n import fallback, label, label_catalogue, languages, pick, plural

SOURCE = ROOT / "src" / "stimulering"
SHIPPED = Path(str(files("stimulering") / "labels"))


def placeholders(entry: str | dict[str, str]) -> set[str]:
    """The ``{name}`` fields of a label, over all its plural forms."""
    texts = [entry] if isinstance(entry, str) else list(entry.values())
    return {field for text in texts for _, field, _, _ in string.Formatter().parse(text)
            if field is not None}


@pytest.fixture
def labels_in(monkeypatch):
    """Point the catalogue loader at a folder of catalogue files, for one test."""

    def use(folder: Path) -> None:
        monkeypatch.setattr(i18n, "_folder", lambda: folder)
        i18n.languages.cache_clear()
        i18n.label_catalogue.cache_clear()

    yield use
    i18n.languages.cache_clear()
    i18n.label_catalogue.cache_clear()


def with_language(tmp_path: Path, lang: str, labels: dict[str, object] | None = None,
                  plural_rule: dict[str, list[int]] | None = None) -> Path:
    """A copy of the shipped catalogues plus ``lang``: English with "DE " before every text."""
    folder = tmp_path / "labels"
    shutil.copytree(SHIPPED, folder)
    english = json.loads((SHIPPED / "en.json").read_text(encoding="utf-8"))
    if labels is None:
        labels = {key: f"DE {text}" if isinstance(text, str)
                  else {form: f"DE {form_text}" for form, form_text in text.items()}
                  for key, text in english["labels"].items()}
    document = {**english, "language": lang, "name": "Deutsch", "labels": labels}
    if plural_rule is not None:
        document["plural"] = plural_rule
    (folder / f"{lang}.json").write_text(json.dumps(document, ensure_ascii=False),
                                        encoding="utf-8")
    return folder


# --- the catalogues ----------------------------------------------------------------------------


def assert_catalogues_agree(folder: Path) -> None:
    names = sorted(path.stem for path in folder.glob("*.json"))
    catalogues = {name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
                  for name in names}
    reference = catalogues[i18n.DEFAULT_LANGUAGE]["labels"]
    for name, catalogue in catalogues.items():
        assert catalogue["language"] == name
        labels = catalogue["labels"]
        assert set(labels) == set(reference), (name, set(labels) ^ set(reference))
        categories = set(catalogue["plural"]) | {"other"}
        for key, entry in labels.items():
            assert placeholders(entry) == placeholders(reference[key]), (name, key)
            assert isinstance(entry, str) == isinstance(reference[key], str), (name, key)
            if not isinstance(entry, str):
                assert set(entry) == categories, (name, key)


def test_every_language_has_the_same_keys_and_placeholders():
    assert_catalogues_agree(SHIPPED)


def test_the_languages_are_the_catalogue_files_present():
    assert languages() == ("nl", "en")
    assert {path.stem for path in SHIPPED.glob("*.json")} == set(languages())


KEY_USES = [
    (re.compile(r"\blabel\(\s*(?:[\w.]+\s*,\s*)?[\"']([a-z][\w.]*)[\"']"), str),
    (re.compile(r"\bask_(?:text|menu|yes_no)\(\s*[\"']([a-z][\w.]*)[\"']"), None),
    (re.compile(r"\bplural\(\s*[\w.]+\s*,\s*[\"']([a-z][\w.]*)[\"']"), dict),
]


def test_every_label_key_written_in_the_code_exists():
    labels = label_catalogue(i18n.DEFAULT_LANGUAGE).labels
    found: list[tuple[str, str, type | None]] = []
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern, kind in KEY_USES:
            found += [(path.name, key, kind) for key in pattern.findall(text)]
    assert len({key for _, key, _ in found}) > 150  # the patterns still find the calls
    missing = [(where, key) for where, key, _ in found if key not in labels]
    assert missing == []
    wrong_kind = [(where, key) for where, key, kind in found
                  if kind is not None and not isinstance(labels[key], kind)]
    assert wrong_kind == []


# --- plurals -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_count_of_one_takes_the_singular_and_every_other_count_the_plural(lang):
    forms = label_catalogue(lang).labels["catalogue.count_instruments"]
    assert isinstance(forms, dict)
    assert plural(lang, "catalogue.count_instruments", 1) == forms["one"].format(count=1)
    for count in (0, 2, 11):
        assert plural(lang, "catalogue.count_instruments", count) == \
            forms["other"].format(count=count)
    assert plural("nl", "catalogue.count_instruments", 1) == "1 instrument"
    assert plural("en", "catalogue.count_examples", 3) == "3 practice examples"


def test_the_plural_rule_is_the_one_the_catalogue_declares(labels_in, tmp_path):
    # A language where 0 takes the singular too, as French does: no code, only its file.
    labels_in(with_language(tmp_path, "fr", plural_rule={"one": [0, 1]}))
    assert plural("fr", "catalogue.count_examples", 0) == "DE 0 practice example"
    assert plural("fr", "catalogue.count_examples", 2) == "DE 2 practice examples"
    assert plural("en", "catalogue.count_examples", 0) == "0 practice examples"


def test_a_plural_label_is_not_read_as_one_text_nor_the_reverse():
    with pytest.raises(TypeError, match="plural"):
        label("nl", "catalogue.count_examples")
    with pytest.raises(TypeError, match="label"):
        plural("nl", "report.title", 2)


@pytest.mark.parametrize(("people_phase", "sentence"), [
    (5, "(phase 6), 1 phase further."), (2, "(phase 6), 4 phases further.")])
def test_the_summary_counts_the_gap_in_phases_with_the_right_form(
        engine, write_answers, cli, people_phase, sentence):
    from builders import highest, lowest

    answers, worst = highest(engine), lowest(engine)
    for question in engine.questions.questions:
        if question.pillar == "people" and question.phase >= people_phase:
            answers[question.id] = worst[question.id]
    report = cli("report", str(write_answers(answers)), "--lang", "en").stdout
    assert f"(phase {people_phase}); " in report and sentence in report, report[:1500]


# --- one fallback rule -------------------------------------------------------------------------


def test_the_fallback_rule_is_requested_then_dutch_then_english():
    assert fallback("de") == ("de", "nl", "en")
    assert fallback("en") == ("en", "nl")
    assert fallback("nl") == ("nl", "en")


def test_labels_and_content_fall_back_the_same_way(labels_in, tmp_path):
    # A German catalogue that has one label only: the rest comes from Dutch, as content does.
    labels_in(with_language(tmp_path, "de", labels={"report.title": "Beratungsbericht"}))
    assert label("de", "report.title") == "Beratungsbericht"
    assert label("de", "report.summary") == label("nl", "report.summary") == "Samenvatting"
    assert plural("de", "catalogue.count_examples", 2) == "2 praktijkvoorbeelden"
    assert pick({"nl": "Samenvatting", "en": "Summary"}, "de") == "Samenvatting"
    assert pick({"en": "Summary", "fr": "Résumé"}, "de") == "Summary"
    assert pick({"fr": "Résumé"}, "de") == "Résumé"
    assert pick(None, "de") == ""


def test_a_language_without_a_catalogue_follows_the_same_rule():
    assert label("de", "report.summary") == "Samenvatting"
    assert pick({"nl": "Samenvatting", "en": "Summary"}, "de") == "Samenvatting"


# --- a third language is a third file ----------------------------------------------------------


def test_a_third_language_is_adding_its_file(labels_in, tmp_path):
    folder = with_language(tmp_path, "de")
    assert_catalogues_agree(folder)
    labels_in(folder)
    assert languages() == ("nl", "de", "en")
    assert label("de", "report.title") == f"DE {label('en', 'report.title')}"
    assert plural("de", "catalogue.count_examples", 1) == "DE 1 practice example"
    assert i18n.decimal(0.6, "de") == "0.60"  # the separator the file declares


def test_a_broken_catalogue_is_named_in_the_error(labels_in, tmp_path):
    from stimulering.errors import StimuleringError

    folder = with_language(tmp_path, "de")
    (folder / "de.json").write_text('{"labels": ', encoding="utf-8")
    labels_in(folder)
    with pytest.raises(StimuleringError, match=r"labels/de\.json: not a label catalogue"):
        label("de", "report.title")


# --- --lang on the command line ----------------------------------------------------------------


def commands_with_lang() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(name for name, command in group.commands.items()  # type: ignore[attr-defined]
                  if any(param.name == "lang" for param in command.params))


def arguments(command: str, answers: Path) -> list[str]:
    """What each command needs besides ``--lang`` to get as far as using it."""
    questions = str(ROOT / "questions.yaml")
    return {"assess": ["assess", "--answers", str(answers)],
            "report": ["report", str(answers)],
            "progress": ["progress", str(answers)],
            "compare": ["compare", str(answers)],
            "status": ["status", str(answers)],
            "diff": ["diff", questions, questions]}.get(command, [command])


def test_every_command_with_lang_is_covered():
    assert commands_with_lang() == ["assess", "catalogue", "compare", "diff", "form",
                                    "progress", "questions", "report", "status", "template"]


@pytest.mark.parametrize("command", commands_with_lang())
def test_lang_without_labels_is_refused_by_every_command(cli, write_answers, command):
    result = cli(*arguments(command, write_answers({})), "--lang", "de", expect=2)
    assert "'de': expected one of nl, en" in result.stderr


@pytest.mark.parametrize("command", commands_with_lang())
def test_lang_with_labels_but_not_in_the_question_set_is_refused(cli, write_answers, labels_in,
                                                                 tmp_path, command):
    labels_in(with_language(tmp_path, "de"))
    answers = write_answers({})
    if command == "diff":  # compares two question sets, in program labels only
        result = cli(*arguments(command, answers), "--lang", "de")
        assert result.stdout.startswith("DE ")
        return
    result = cli(*arguments(command, answers), "--lang", "de", expect=2)
    assert "--lang de: the question set is written in nl, en" in result.stderr


# --- start-up ----------------------------------------------------------------------------------


def catalogues_opened(*argv: str) -> list[str]:
    """The catalogue files a fresh ``stimulering ARGV`` opens."""
    code = ("import os, sys\nopened = []\n"
            "def hook(event, args):\n"
            "    path = str(args[0])\n"
            "    if event == 'open' and os.path.basename(os.path.dirname(path)) == 'labels':\n"
            "        opened.append(os.path.basename(path))\n"
            "sys.addaudithook(hook)\n"
            f"sys.argv = ['stimulering', *{list(argv)!r}]\n"
            "from stimulering.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('>>', *opened)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=False)
    return next(line[3:].split() for line in result.stdout.splitlines()
                if line.startswith(">>"))


def test_help_reads_no_catalogue():
    assert catalogues_opened("--help") == []


def test_assess_reads_at_most_the_catalogue_of_its_language(write_answers):
    answers = write_answers({"vast_overleg": "ja"})
    assert catalogues_opened("assess", "--answers", str(answers), "--format", "json") in (
        [], ["nl.json"])
    assert catalogues_opened("assess", "--answers", str(answers), "--lang", "en") == ["en.json"]
