"""The catalogue command and the catalogue's links with advice and practice."""

from __future__ import annotations

import json

import pytest

from builders import answers, highest, lowest, model, question, question_set
from paths import DATA
from stimulering.core.catalogue import CatalogueFilter, select
from stimulering.core.scoring import Scorer, category_scores
from stimulering.model import PILLARS

COALITIONS = {"Amsterdam", "Den Haag", "Groningen", "Leiden", "Rotterdam", "Tilburg",
              "Zeeland (AZON)", "Zoetermeer"}
"""The eight coalitions of the study (the domain notes spell the regional one "Zeeland / AZON")."""


def test_the_eight_coalitions_are_practice_examples_beside_joint_bodies(engine):
    coalitions = {example.coalition for example in engine.model.examples}
    assert coalitions == COALITIONS | {"GROND'G (Noord-Nederland)"}


def test_every_fact_names_its_source_and_links_instruments_explicitly(engine):
    instruments = {instrument.id for instrument in engine.model.instruments}
    for example in engine.model.examples:
        for fact in example.facts:
            assert fact.source.strip(), (example.id, fact.text["nl"])
            assert set(fact.instruments) <= instruments, example.id
    for instrument in engine.model.instruments:
        assert instrument.source.strip(), instrument.id


def test_the_example_shown_with_an_instrument_is_the_fact_that_names_it(engine):
    example, fact = engine.model.examples_of("gemeentelijke_regie")[0]
    assert example.id == "leiden" and "regisseur" in fact.text["nl"]
    example, fact = engine.model.examples_of("raamcontracten")[0]
    assert example.id == "grondg" and "2,5 miljard" in fact.text["nl"]


def test_public_facts_that_were_once_wrong_stay_right(engine):
    examples = {example.id: example for example in engine.model.examples}
    groningen = " ".join(f.text["nl"] for f in examples["groningen"].facts)
    assert "GROND'G" not in groningen
    assert "Gemeente Groningen" not in examples["grondg"].parties
    zeeland = examples["zeeland_azon"]
    zong = next(f for f in zeeland.facts if "ZONG" in f.text["nl"])
    assert "16 december 2021" in zong.text["nl"] and "waterschap is geen partij" in \
        zong.text["nl"]
    enduris = next(f for f in zeeland.facts if "Enduris is sinds" in f.text["nl"])
    assert "1 januari 2022 onderdeel van Stedin" in enduris.text["nl"] and enduris.source
    text = " ".join(" ".join(i.description.values()) for i in engine.model.instruments)
    assert "CROW 500 biedt" not in text
    protocol = engine.model.instrument("procesprotocol").description["nl"]
    assert "op verzoek van de provincie" in protocol
    signals = " ".join(" ".join(s.description.values()) for s in engine.model.signals)
    assert "zoals Rotterdam en Tilburg" not in signals


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
    assert all("amsterdam" in [e.id for e, _ in engine.model.examples_of(i.id)]
               or "koppelkansen" in (" ".join(i.description.values())
                                     + " ".join(i.name.values())).lower()
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


@pytest.mark.parametrize("instrument", ["avoi", "gemeentelijke_regie", "klic_orientatie",
                                        "bouwteam", "omgevingsmanager", "kostenverevening",
                                        "convenant_voorbeelden", "zorgvuldig_graafproces"])
def test_the_catalogue_has_the_instruments_coalitions_use(cli, instrument):
    data = json.loads(cli("catalogue", "--format", "json", "--search", instrument).stdout)
    assert instrument in [i["id"] for i in data["instruments"]]
