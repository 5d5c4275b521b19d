"""The JSON Schemas: kept up to date in schemas/, and the shipped files validate against them.

When a model in src/stimulering/model.py changes, regenerate the schemas with:

    for kind in questions model answers expected; do
        stimulering schema --kind $kind > schemas/$kind.schema.json
    done
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from builders import answers_document, highest
from paths import ROOT
from stimulering.core.schema import KINDS, json_schema

SCHEMAS = ROOT / "schemas"


def json_compatible(data: Any) -> Any:
    """YAML data as JSON would hold it: dates (which YAML loads as objects) as ISO strings."""
    if isinstance(data, dict):
        return {str(key): json_compatible(value) for key, value in data.items()}
    if isinstance(data, list):
        return [json_compatible(value) for value in data]
    if isinstance(data, dt.date):
        return data.isoformat()
    return data


def validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def errors(kind: str, data: Any) -> list[str]:
    found = validator(kind).iter_errors(json_compatible(data))
    return sorted(f"{'/'.join(str(p) for p in e.absolute_path)}: {e.validator}" for e in found)


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_up_to_date(kind, cli):
    committed = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    printed = cli("schema", "--kind", kind).stdout
    assert printed == committed, (
        f"schemas/{kind}.schema.json is out of date; regenerate it with "
        f"'stimulering schema --kind {kind} > schemas/{kind}.schema.json'")


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_a_valid_draft_2020_12_schema(kind):
    schema = json_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    titles = {"questions": "question set", "model": "model file", "answers": "answers file",
              "expected": "expected respondents"}
    assert schema["title"] == f"stimulering {titles[kind]}"
    Draft202012Validator.check_schema(schema)


def test_schema_without_kind_is_the_question_set_schema(cli):
    assert cli("schema").stdout == (SCHEMAS / "questions.schema.json").read_text(encoding="utf-8")


def test_shipped_question_set_validates_and_points_to_its_schema():
    text = (ROOT / "questions.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=schemas/questions.schema.json"
    assert errors("questions", yaml.safe_load(text)) == []


MODEL_FILES = sorted((ROOT / "models").glob("*.yaml"))


@pytest.mark.parametrize("path", MODEL_FILES, ids=[p.name for p in MODEL_FILES])
def test_shipped_model_files_validate_and_point_to_their_schema(path):
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/model.schema.json"
    assert errors("model", yaml.safe_load(text)) == []


def test_answers_file_with_yaml_dates_validates(engine, tmp_path):
    document = answers_document(
        highest(engine),
        question_set={"id": engine.questions.id, "version": engine.questions.version,
                      "sha256": engine.sha256},
        notes={"vast_overleg": "Elke maand"},
        targets={"people": 3, "governance": 3, "information": 2},
        actions=[{"what": "Convenant opstellen", "owner": "gemeente",
                  "due": dt.date(2027, 3, 1), "item": "convenant_status"}],
    )
    document["date"] = dt.date(2026, 11, 28)
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    loaded = load_yaml(path)
    assert isinstance(loaded["date"], dt.date)
    assert errors("answers", loaded) == []
    engine.read_answers(path)  # the program accepts it too


def test_wrong_question_set_fails():
    data = load_yaml(ROOT / "questions.yaml")
    first = data["questions"][0]
    first["colour"] = "red"  # unknown key
    first["weight"] = "heavy"  # wrong type
    first["text"]["NL"] = "hoofdletters"  # not a language code
    data["questions"][1]["when"] = {"question": first["id"], "equals": "ja", "in": ["ja"]}
    assert errors("questions", data) == [
        "questions/0/text: additionalProperties",
        "questions/0/weight: type",
        "questions/0: additionalProperties",
        "questions/1/when: anyOf",
    ]


def test_condition_needs_one_known_form():
    data = load_yaml(ROOT / "questions.yaml")
    question = data["questions"][1]
    good = copy.deepcopy(data)
    good["questions"][1]["when"] = {
        "all": [{"question": "x", "in": [1, 2]}, {"not": {"any": [{"question": "y",
                                                                     "at_least": 3}]}}]}
    assert errors("questions", good) == []
    question["when"] = {"question": "x", "between": [1, 2]}
    assert errors("questions", data) == ["questions/1/when: anyOf"]


def test_wrong_answers_file_fails():
    data = answers_document({"Vast-Overleg": "ja", "waarom_besproken": [1]},
                            respondent={"organisation": "Stroomnet", "role": "directeur",
                                        "level": "tactisch"})
    data["date"] = 20261128
    assert errors("answers", data) == [
        "answers/waarom_besproken: anyOf",
        "answers: additionalProperties",
        "date: type",
        "respondent/role: enum",
    ]
