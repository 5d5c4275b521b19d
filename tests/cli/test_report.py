"""The advice report: golden files, its markdown structure, safety of free text, the chart."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from builders import flat, highest
from paths import DATA, ROOT
from stimulering.model import PILLARS
from stimulering.report.common import escape_markdown, markdown_table
from stimulering.report.markdown import render_report_markdown
from stimulering.report.svg import report_svg

REPORTS = DATA / "reports"
CASES = [(name, lang) for name in ("early", "advanced") for lang in ("nl", "en")]
SVG = "{http://www.w3.org/2000/svg}"


def parse(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark", {"html": False}).enable("table").parse(markdown)


def headings(tokens: list[Token]) -> list[str]:
    return [f"{tokens[i].tag} {tokens[i + 1].content}" for i, token in enumerate(tokens)
            if token.type == "heading_open"]


def tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Every table as rows of cell texts, the header row first."""
    rows: list[list[str]] = []
    current: list[list[list[str]]] = []
    in_cell = False
    for token in tokens:
        if token.type == "table_open":
            current.append([])
        elif token.type == "tr_open":
            rows = current[-1]
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            in_cell = True
        elif token.type in ("th_close", "td_close"):
            in_cell = False
        elif token.type == "inline" and in_cell:
            rows[-1].append(text_of(token))
    return current


def text_of(token: Token) -> str:
    return "".join(child.content for child in token.children or []
                   if child.type in ("text", "code_inline", "softbreak"))


@pytest.fixture(scope="module")
def reports(engine) -> dict[tuple[str, str], str]:
    return {(name, lang): render_report_markdown(engine.evaluate_file(REPORTS / f"{name}.yaml"),
                                                 lang, f"{name}-radar.svg")
            for name, lang in CASES}


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_report_matches_golden_file(cli, name, lang):
    report = cli("report", str(REPORTS / f"{name}.yaml"), "--lang", lang).stdout
    golden = REPORTS / f"{name}.{lang}.md"
    if os.environ.get("STIMULERING_UPDATE_GOLDEN") == "1":
        golden.write_text(report, encoding="utf-8")
    assert report == golden.read_text(encoding="utf-8")


def test_assess_markdown_is_the_report(cli):
    answers = str(REPORTS / "advanced.yaml")
    assert cli("assess", "--answers", answers, "--format", "markdown").stdout == \
        cli("report", answers).stdout


def test_report_json_is_the_assessment_json(cli):
    answers = str(REPORTS / "early.yaml")
    assert cli("report", answers, "--format", "json").stdout == \
        cli("assess", "--answers", answers, "--format", "json").stdout


def test_headings_of_the_early_report(reports):
    coalition = "Duinstad | *pilot* <script>alert(1)</script>"
    assert headings(parse(reports[("early", "nl")])) == [
        f"h1 Adviesrapport samenwerking: {escape_markdown(coalition)}",
        "h2 Samenvatting voor de stuurgroep", "h3 Wat de fase bepaalt",
        "h3 Eerste stappen om over te besluiten",
        "h3 In eigen woorden",
        "h2 Fasenladder", "h2 Pijlers en categorieën", "h2 Waarom deze fase",
        "h2 Advies", "h3 Mens en samenwerking", "h3 Governance en afspraken",
        "h3 Informatie en data-uitwisseling", "h2 Katalysatoren en remmers", "h2 Let op",
        "h2 Bijlage: alle antwoorden", "h3 Mens en samenwerking", "h3 Governance en afspraken",
        "h3 Informatie en data-uitwisseling",
    ]


def test_headings_of_the_advanced_report(reports):
    assert headings(parse(reports[("advanced", "en")])) == [
        "h1 Collaboration advice report: Rivierstad",
        "h2 Executive summary", "h3 What decides the phase", "h3 First steps to decide on",
        "h3 In their own words",
        "h2 Phase ladder", "h2 Pillars and categories", "h2 Why this phase",
        "h2 Advice", "h3 People and collaboration", "h3 Governance and agreements",
        "h3 Information and data exchange", "h2 Catalysts and inhibitors",
        "h2 Action plan",
        "h2 Appendix: all answers", "h3 People and collaboration",
        "h3 Governance and agreements", "h3 Information and data exchange",
    ]


def test_tables_have_the_right_shape(reports, engine):
    per_pillar = [sum(q.pillar == p for q in engine.questions.questions) for p in PILLARS]
    shapes = {
        "early": [(3, 5), (6, 4), (3, 9), (9, 3), (6, 3)] + [(n, 5) for n in per_pillar],
        "advanced": [(3, 5), (6, 4), (3, 9), (9, 3), (6, 3), (4, 5)] +
                    [(n, 5) for n in per_pillar],
    }
    for (name, _lang), report in reports.items():
        found = tables(parse(report))
        assert [(len(rows) - 1, len(rows[0])) for rows in found] == shapes[name], name
        for rows in found:
            assert all(len(row) == len(rows[0]) for row in rows), rows


def test_level_table_shows_why_a_low_pillar_score_can_sit_in_a_higher_phase(reports):
    levels = tables(parse(reports[("advanced", "nl")]))[2]
    assert levels[0] == ["Pijler", "Fase", "1", "2", "3", "4", "5", "6", "Score"]
    information = levels[3]
    assert information[:5] == ["Informatie en data-uitwisseling", "4", "✓ 0,88", "✓ 0,81",
                               "✓ 0,75"]
    assert information[-1] == "0,59"
    report = reports[("advanced", "nl")]
    assert "De pijlerscore (0,59) ligt onder de drempel 0,60 omdat hij het gemiddelde is over " \
           "alle niveaus" in report
    assert "0.59" not in report and "0.60" not in report


def test_ladder_marks_the_current_phase_of_each_pillar(reports):
    ladder = tables(parse(reports[("advanced", "en")]))[1]
    assert ladder == [
        ["Phase", "People and collaboration", "Governance and agreements",
         "Information and data exchange"],
        ["6 · Integrated execution and embedding", "◎ target", "◎ target", ""],
        ["5 · Integrated preparation", "◀ now", "◀ now", "◎ target"],
        ["4 · Setting up the design process", "✓", "✓", "◀ now"],
        ["3 · Integrated alignment", "✓", "✓", "✓"],
        ["2 · Developing and formalising", "✓", "✓", "✓"],
        ["1 · Exploring", "✓", "✓", "✓"],
    ]


def test_user_text_gives_no_html_and_stays_literal(reports):
    for report in reports.values():
        tokens = parse(report)
        kinds = {token.type for token in tokens} | {
            child.type for token in tokens for child in token.children or []}
        assert not kinds & {"html_block", "html_inline"}
    early = parse(reports[("early", "nl")])
    cells = [cell for rows in tables(early) for row in rows for cell in row]
    assert "Maandelijks | soms **afgelast** # geen kop - geen lijst" in cells
    assert "1. Geld | tijd --- `code` & <img src=x onerror=alert(1)>" in cells
    assert "Zie <script>alert('x')</script> en [link](http://example.invalid)" in cells


NASTY = st.text(alphabet=st.sampled_from(list("ab1. -+=#*_`|<>&\\[]()!~\n\t:/")), max_size=40)


@given(NASTY)
def test_escaped_text_is_one_literal_table_cell(text):
    markdown = "\n".join(markdown_table(["a", "b"], [[escape_markdown(text), "x"]]))
    found = tables(parse(markdown))
    assert found == [[["a", "b"], [" ".join(text.split()), "x"]]]


@given(NASTY)
def test_escaped_text_is_one_literal_list_item(text):
    tokens = parse(f"- {escape_markdown(text)}\n")
    kinds = [token.type for token in tokens]
    assert kinds.count("list_item_open") == 1 and "heading_open" not in kinds
    inline = [token for token in tokens if token.type == "inline"]
    assert [text_of(token) for token in inline] == ([" ".join(text.split())]
                                                     if text.split() else [])


def test_chart_has_one_axis_per_pillar_and_per_category(engine):
    evaluation = engine.evaluate_file(REPORTS / "advanced.yaml")
    svg = report_svg(evaluation, "nl")
    assert svg == report_svg(evaluation, "nl")
    root = ET.fromstring(svg)
    charts = {g.get("id"): [line.get("data-axis") for line in g.iter(f"{SVG}line")
                            if line.get("class") == "axis"]
              for g in root.iter(f"{SVG}g") if g.get("class") == "chart"}
    assert charts == {"chart-pillars": list(PILLARS),
                      "chart-categories": [c.id for c in engine.model.categories],
                      "chart-phases": list(PILLARS)}


def target_points(svg: str) -> dict[str, tuple[float, float]]:
    root = ET.fromstring(svg)
    return {circle.get("data-axis"): (float(circle.get("cx")), float(circle.get("cy")))
            for circle in root.iter(f"{SVG}circle") if circle.get("class") == "target"}


def test_the_chart_overlays_each_target_phase_on_the_phase_now(engine, write_answers):
    # Rivierstad: people and governance in phase 5 with target 6, information 4 with target 5.
    evaluation = engine.evaluate_file(REPORTS / "advanced.yaml")
    svg = report_svg(evaluation, "en")
    root = ET.fromstring(svg)
    panel = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "chart-phases")
    centre_x = 480 * 2 + 240
    centre_y = 56 + 440 / 2 + 8
    targets = target_points(svg)
    assert list(targets) == list(PILLARS)
    # The target of people (straight up) lies at 6/6 of the radius: on the rim.
    assert targets["people"] == (centre_x, round(centre_y - 120, 1))
    distance = {p: ((x - centre_x) ** 2 + (y - centre_y) ** 2) ** 0.5
                for p, (x, y) in targets.items()}
    assert round(distance["governance"]) == 120 and round(distance["information"]) == 100
    labels = [" ".join(t.itertext()) for t in panel.iter(f"{SVG}text")
              if t.get("class") == "label"]
    assert labels == ["People and collaboration 5 → 6", "Governance and agreements 5 → 6",
                      "Information and data exchange 4 → 5"]
    assert "dotted green the target from the answers file" in svg
    # Without targets there is no target chart; a pillar without a target has no point.
    without = engine.evaluate_file(REPORTS / "early.yaml")
    assert "chart-phases" not in report_svg(without, "en")
    one = engine.evaluate_file(write_answers(highest(engine), targets={"governance": 6}))
    assert list(target_points(report_svg(one, "en"))) == ["governance"]


def summary_of(report: str) -> list[list[str]]:
    return tables(parse(report.split("\n## ")[1]))[0]


def test_the_summary_comes_first_with_the_roadmap_and_percent_to_target(reports):
    report = reports[("advanced", "en")]
    assert report.split("\n## ")[1].startswith("Executive summary\n")
    assert summary_of(report) == [
        ["Pillar", "Now", "Next", "Target", "To target"],
        ["People and collaboration", "5", "6", "6", "80%"],
        ["Governance and agreements", "5", "6", "6", "80%"],
        ["Information and data exchange", "4", "5", "5", "75%"],
    ]
    steps = report.split("### First steps to decide on\n\n")[1].split("\n\n")[0]
    assert [line[:3] for line in steps.splitlines() if line[:1].isdigit()] == \
        ["1. ", "2. ", "3. "]


def test_percent_to_target_is_honest_about_missing_targets_and_unknown_phases(
        cli, engine, write_answers):
    values = highest(engine)
    # Governance with one answer: its phase is open.
    values.update({q.id: None for q in engine.questions.questions
                   if q.pillar == "governance" and q.id != "overleg_afspraken"})
    path = write_answers(values, targets={"people": 1, "governance": 4})
    rows = summary_of(cli("report", str(path), "--lang", "en").stdout)
    assert rows[1:] == [
        ["People and collaboration", "6", "–", "1", "100% (reached)"],
        ["Governance and agreements", "1–6", "–", "4", "– (phase still open)"],
        ["Information and data exchange", "6", "–", "–", "– (no target)"],
    ]


@pytest.mark.parametrize(("levels_met", "target", "percent"), [
    (0, 1, 100), (0, 2, 0), (1, 2, 100), (1, 4, 33), (2, 4, 67), (3, 4, 100), (5, 6, 100),
    (6, 3, 100), (2, 6, 40)])
def test_percent_to_target_counts_the_levels_the_target_asks_for(levels_met, target, percent):
    from stimulering.core.summary import percent_to_target

    assert percent_to_target(levels_met, target) == percent


def test_chart_labels_are_escaped(engine):
    evaluation = engine.evaluate_file(REPORTS / "early.yaml")
    root = ET.fromstring(report_svg(evaluation, "en"))
    assert root.find(f"{SVG}title").text == \
        "Coalition Duinstad | *pilot* <script>alert(1)</script>: scores per pillar and category"
    assert not list(root.iter(f"{SVG}script"))


def test_report_writes_markdown_and_chart(cli, tmp_path):
    target = tmp_path / "advies.md"
    cli("report", str(REPORTS / "advanced.yaml"), "-o", str(target))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["advies-radar.svg", "advies.md"]
    report = target.read_text(encoding="utf-8")
    assert "](advies-radar.svg)" in report
    assert report == cli("report", str(REPORTS / "advanced.yaml")).stdout.replace(
        "advanced-radar.svg", "advies-radar.svg")
    ET.fromstring((tmp_path / "advies-radar.svg").read_text(encoding="utf-8"))


@pytest.mark.parametrize("existing", ["advies.md", "advies-radar.svg"])
def test_report_refuses_to_replace_without_force(cli, tmp_path, existing):
    (tmp_path / existing).write_text("keep", encoding="utf-8")
    result = cli("report", str(REPORTS / "early.yaml"), "-o", str(tmp_path / "advies.md"),
                 expect=1)
    assert result.stderr == \
        f"error: {tmp_path / existing}: exists already; use --force to replace it\n"
    assert [p.name for p in tmp_path.iterdir()] == [existing]
    assert (tmp_path / existing).read_text(encoding="utf-8") == "keep"
    cli("report", str(REPORTS / "early.yaml"), "-o", str(tmp_path / "advies.md"), "--force")
    assert (tmp_path / existing).read_text(encoding="utf-8") != "keep"


def test_html_report_is_one_self_contained_page(cli, tmp_path):
    target = tmp_path / "advies.html"
    cli("report", str(REPORTS / "early.yaml"), "--format", "html", "-o", str(target))
    assert [p.name for p in tmp_path.iterdir()] == ["advies.html"]
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg ") == 1 and "<img" not in page and "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "@media print" in page
    cli("report", str(REPORTS / "early.yaml"), "--format", "html", "-o", str(target), expect=1)


def test_missing_answers_file_is_a_clear_error(cli, tmp_path):
    result = cli("report", str(tmp_path / "missing.yaml"), expect=1)
    assert "missing.yaml" in result.stderr and "Traceback" not in result.stderr


def test_docs_example_is_what_the_tool_makes(engine):
    docs = ROOT / "docs"
    evaluation = engine.evaluate_file(REPORTS / "advanced.yaml")
    assert (docs / "example-radar.svg").read_text(encoding="utf-8") == report_svg(evaluation, "nl")
    report = render_report_markdown(evaluation, "nl", "example-radar.svg")
    assert report.startswith((docs / "example-report.md").read_text(encoding="utf-8"))


def test_each_practice_example_and_signal_appears_once_in_the_advice(reports, engine):
    for (name, lang), report in reports.items():
        advice = report.split("\n## ")[[h.split("\n")[0] for h in report.split("\n## ")].index(
            "Advies" if lang == "nl" else "Advice")]
        examples = [line.split(" — ", 1)[1] for line in advice.splitlines() if " — " in line]
        assert examples, name
        assert len(examples) == len(set(examples)), (name, lang)
        reasons = [line for line in advice.splitlines()
                   if line.split(". ", 1)[-1].startswith(("**Remmer", "**Katalysator",
                                                          "**Inhibitor", "**Catalyst"))]
        assert len(reasons) == len(set(reasons)), (name, lang)


def test_the_summary_starts_with_three_steps_from_the_advice(reports):
    report = reports[("early", "nl")]
    summary = report.split("## Samenvatting")[1].split("\n## ")[0]
    steps_block = summary.split("### Eerste stappen om over te besluiten")[1].split("###")[0]
    steps = [line for line in steps_block.splitlines() if line[:3] in ("1. ", "2. ", "3. ")]
    assert len(steps) == 3
    advice = report.split("## Advies")[1].split("\n## ")[0]
    for step in steps:
        heading = step[3:].split(" (")[0]
        assert heading in advice


def test_a_pillar_held_by_an_inhibitor_says_which_in_the_report_and_the_json(cli, engine,
                                                                             write_answers):
    # Every level met, but no board takes part and none commissioned the collaboration.
    path = write_answers(highest(engine) | {"niveau_strategisch": "nee",
                                            "bestuurlijke_opdracht": "nee"})
    report = flat(cli("report", str(path)).stdout)
    assert "**Fase van de samenwerking: 5 · Integraal voorbereiden**" in report
    assert ("Mens en samenwerking staat in fase 5 (Integraal voorbereiden). Wat fase 1 tot en "
            "met 6 vraagt, is op orde. Remmend werkt: Niet alle niveaus aangehaakt; dat houdt "
            "Mens en samenwerking onder fase 6.") in report
    data = json.loads(cli("assess", "--answers", str(path), "--format", "json").stdout)
    assert {p: (v["phase"], v["levels_met"], v["held_by"]) for p, v in data["pillars"].items()} \
        == {"people": (5, 6, ["niveaus_ontbreken"]), "governance": (5, 6, ["niveaus_ontbreken"]),
            "information": (6, 6, [])}
