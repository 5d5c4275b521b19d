"""Answers know their question set: id, version and a sha256 that survives reformatting."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from builders import highest
from paths import ROOT
from stimulering.sources.files import canonical_sha256, load_question_set


def test_reformatting_and_reordering_keep_the_hash_and_a_new_text_changes_it(tmp_path):
    shipped = load_question_set(ROOT / "questions.yaml")
    data = yaml.safe_load((ROOT / "questions.yaml").read_text(encoding="utf-8"))

    reordered = {key: data[key] for key in reversed(list(data))}
    reordered["questions"] = [dict(reversed(list(q.items()))) for q in data["questions"]]
    reformatted = tmp_path / "reformatted.yaml"
    reformatted.write_text("# reformatted\n" + yaml.safe_dump(
        reordered, sort_keys=False, default_flow_style=True, width=70, allow_unicode=False),
        encoding="utf-8")
    assert reformatted.read_text(encoding="utf-8") != (ROOT / "questions.yaml").read_text(
        encoding="utf-8")
    assert load_question_set(reformatted).sha256 == shipped.sha256

    data["questions"][0]["text"]["nl"] += " Echt."
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                       encoding="utf-8")
    assert load_question_set(changed).sha256 != shipped.sha256


def test_template_records_the_hash_of_the_set(cli, engine):
    template = yaml.safe_load(cli("template").stdout)
    data = yaml.safe_load((ROOT / "questions.yaml").read_text(encoding="utf-8"))
    assert template["question_set"] == {"id": "stimulering_basis",
                                        "version": engine.questions.version,
                                        "sha256": canonical_sha256(data)}
    assert engine.sha256 == canonical_sha256(data)


def warnings_of(cli, path: Path) -> list[dict[str, object]]:
    result = cli("assess", "--answers", str(path), "--format", "json", "--lang", "en")
    warnings: list[dict[str, object]] = json.loads(result.stdout)["warnings"]
    return warnings


def test_answers_of_the_same_set_give_no_warning(cli, engine, write_answers):
    path = write_answers(highest(engine), question_set={
        "id": "stimulering_basis", "version": engine.questions.version, "sha256": engine.sha256})
    assert warnings_of(cli, path) == []


def test_same_version_with_another_hash_is_a_changed_set(cli, engine, write_answers):
    other = "0" * 64
    version = engine.questions.version
    path = write_answers(highest(engine) | {"verdwenen_vraag": "ja"}, question_set={
        "id": "stimulering_basis", "version": version, "sha256": other})
    assert warnings_of(cli, path) == [
        {"code": "unknown_question",
         "message": "These answers do not (or no longer) belong to the question set and do "
                    "not count: verdwenen_vraag.",
         "ids": ["verdwenen_vraag"]},
        {"code": "changed_question_set",
         "message": f"The answers were made with question set stimulering_basis {version} "
                    f"(sha256 000000000000) but scored with stimulering_basis {version} "
                    f"(sha256 {engine.sha256[:12]}): the same version, but the questions have "
                    "changed since.",
         "ids": []},
    ]


def test_another_version_names_both_and_lists_answers_that_no_longer_apply(
        cli, engine, write_answers):
    path = write_answers(highest(engine) | {"oude_vraag": 4, "nog_een": "ja"}, question_set={
        "id": "stimulering_basis", "version": "0.9.0", "sha256": "1" * 64})
    assert warnings_of(cli, path) == [
        {"code": "unknown_question",
         "message": "These answers do not (or no longer) belong to the question set and do "
                    "not count: nog_een, oude_vraag.",
         "ids": ["nog_een", "oude_vraag"]},
        {"code": "other_question_set",
         "message": "The answers were made with question set stimulering_basis 0.9.0 but "
                    f"scored with stimulering_basis {engine.questions.version}.",
         "ids": []},
    ]


def test_answers_without_a_hash_are_not_flagged(cli, engine, write_answers):
    path = write_answers(highest(engine), question_set={
        "id": "stimulering_basis", "version": engine.questions.version})
    assert warnings_of(cli, path) == []
