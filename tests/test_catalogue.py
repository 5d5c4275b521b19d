"""The catalogue command and the catalogue's links with advice and practice."""

from __future__ import annotations

import json

import pytest

from builders import answers, model, question, question_set
from conftest import DATA, highest, lowest
from stimulering.catalogue import CatalogueFilter, select
from stimulering.model import PILLARS
from stimulering.scoring import Scorer, category_scores

COALITIONS = {"Amsterdam", "Den Haag", "Groningen", "Leiden", "Rotterdam", "Tilburg",
              "Zeeland (AZON)", "Zoetermeer"}
"""The eight coalitions of the study (the domain notes spell the regional one "Zeeland / AZON")."""


def test_every_example_is_one_of_the_eight_coalitions(engine):
    assert {example.coalition for example in engine.model.examples} == COALITIONS


def test_every_instrument_named_in_advice_is_in_the_catalogue(engine, write_answers):
    catalogue = {instrument.id for instrument in engine.model.instruments}
    files = [DATA / "reports" / "early.yaml", DATA / "reports" / "advanced.yaml",
             write_answers(lowest(engine)), write_answers(highest(engine))]
    named = set()
    for path in files:
        advice = engine.evaluate_file(path).advice
        for pillar in PILLARS:
            ids = [i for item in advice[pillar] for i in item.instruments]
            assert len(ids) == len(set(ids)), (path, pillar)
            named.update(ids)
    assert named and named <= catalogue


def test_catalogue_json_without_filter_lists_everything(cli, engine):
    data = json.loads(cli("catalogue", "--format", "json").stdout)
    assert len(data["instruments"]) == len(engine.model.instruments) >= 30
    assert [e["id"] for e in data["examples"]] == [e.id for e in engine.model.examples]
    first = data["instruments"][0]
    assert set(first) >= {"id", "name", "pillars", "phases", "categories", "examples"}
    assert set(data["examples"][0]) >= {"id", "coalition", "parties", "facts", "sources"}


def test_catalogue_json_in_english(cli, engine):
    data = json.loads(cli("catalogue", "--format", "json", "--lang", "en",
                          "--search", "graafrust").stdout)
    names = {i["id"]: i["name"] for i in data["instruments"]}
    assert names["graafrust"] == "Dig-rest period"


@pytest.mark.parametrize(("args", "check"), [
    (["--phase", "6"], lambda i: 6 in i["phases"]),
    (["--pillar", "information"], lambda i: "information" in i["pillars"]),
    (["--category", "finances"], lambda i: "finances" in i["categories"]),
    (["--phase", "2", "--pillar", "governance"],
     lambda i: 2 in i["phases"] and "governance" in i["pillars"]),
])
def test_catalogue_filters(cli, engine, args, check):
    data = json.loads(cli("catalogue", "--format", "json", *args).stdout)
    everything = json.loads(cli("catalogue", "--format", "json").stdout)["instruments"]
    assert data["instruments"] == [i for i in everything if check(i)]
    assert data["instruments"]
    used = {e for i in data["instruments"] for e in i["examples"]}
    assert {e["id"] for e in data["examples"]} == used


def test_catalogue_search_finds_instruments_and_examples(engine):
    view = select(engine.model, CatalogueFilter(search="KOPPELKANSEN"))
    assert view.instruments
    assert all("amsterdam" in i.examples or "koppelkansen" in (
        " ".join(i.description.values()) + " ".join(i.name.values())).lower()
        for i in view.instruments)
    assert select(engine.model, CatalogueFilter(search="no such thing at all")).instruments == ()


def test_catalogue_markdown_and_table(cli):
    markdown = cli("catalogue", "--format", "markdown", "--phase", "6").stdout
    assert markdown.startswith("# Catalogus van instrumenten\n\n## Instrumenten\n\n### ")
    assert "## Praktijkvoorbeelden" in markdown
    table = cli("catalogue", "--pillar", "people", "--lang", "en").stdout
    assert "Instruments" in table and "practice examples" in table


@pytest.mark.parametrize(("args", "message"), [
    (["--pillar", "money"], "--pillar money: choose one of people, governance, information"),
    (["--category", "nope"], "--category nope: choose one of successes, challenges, lessons, "
                             "process, governance, goals, means, finances, future"),
])
def test_catalogue_rejects_unknown_filters(cli, args, message):
    assert cli("catalogue", *args, expect=2).stderr == f"error: {message}\n"


def test_category_scores_are_weighted_means_of_answered_items():
    qset = question_set([
        question("a", type_="scale", weight=2),
        question("b", type_="scale"),
        question("c", type_="scale"),
    ])
    result = Scorer(qset, model()).assess(answers({"a": 5, "b": 1, "c": "weet_niet"}))
    scores = {c.id: c for c in category_scores(result, qset, ["process", "other"])}
    assert scores["process"].score == pytest.approx((2 * 1.0 + 0.0) / 3)
    assert scores["process"].answered == 2
    assert scores["process"].counting == len(qset.questions)
    assert scores["other"].score is None and scores["other"].counting == 0
