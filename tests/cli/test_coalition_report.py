"""The coalition report is the document the steering group reads: everything a single report
has, for the combined result, in every format, with the round it combined and the evidence.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import docx
import openpyxl
import pypdf
import pytest
from markdown_it import MarkdownIt

from builders import highest, lowest

GEMEENTE = {"organisation": "Gemeente Rivierstad", "role": "gemeente", "level": "strategisch"}
STROOMNET = {"organisation": "Stroomnet", "role": "netbeheerder", "level": "tactisch"}
BRONWATER = {"organisation": "Bronwater", "role": "drinkwaterbedrijf", "level": "operationeel"}

SECTIONS = ["Samenvatting voor de stuurgroep", "Fase per respondent", "Gecombineerd",
            "Fasenladder", "Pijlers en categorieën", "Waarom deze fase", "Gespreksonderwerpen",
            "Advies", "Actieplan", "Bijlage: alle antwoorden"]
"""The sections of the coalition report, in order (a warnings section may stand between)."""


@pytest.fixture(autouse=True)
def in_the_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def round_files(engine, write_answers):
    """Last spring's file of the municipality, and this autumn's three partners, each with
    a target, an action and a note; the municipality's spring actions are still open."""
    high, low = highest(engine), lowest(engine)
    mixed = {key: (low[key] if index % 3 == 0 else value)
             for index, (key, value) in enumerate(high.items())}
    mixed["vast_overleg"] = "nee"
    spring = write_answers(
        low, "gemeente-voorjaar.yaml", respondent=GEMEENTE, date="2026-04-20",
        round="voorjaar 2026",
        actions=[{"what": "Contactlijst bijwerken", "owner": "Gemeente", "done": False},
                 {"what": "Kwartiermaker aanstellen", "owner": "Gemeente"},
                 {"what": "Eerste overleg plannen", "owner": "Gemeente", "done": True}])
    autumn = [
        write_answers(high, "gemeente.yaml", respondent=GEMEENTE, date="2026-11-30",
                      targets={"people": 3, "governance": 4},
                      notes={"vast_overleg": "Elke maand, wisselend voorzitterschap"},
                      actions=[{"what": "Convenant opstellen", "owner": "Gemeente",
                                "due": "2027-03-01", "item": "overeenkomst_vorm"},
                               {"what": "kwartiermaker  aanstellen", "owner": "Gemeente",
                                "done": True}]),
        write_answers(mixed, "stroomnet.yaml", respondent=STROOMNET, date="2026-11-30",
                      targets={"people": 4, "governance": 4},
                      notes={"vast_overleg": "Alleen bij grote projecten"},
                      actions=[{"what": "Planning delen in één systeem", "owner": "Netbeheer",
                                "due": "2027-01-15"}]),
        write_answers(mixed, "bronwater.xlsx.yaml", respondent=BRONWATER, date="2026-12-01",
                      actions=[{"what": "Convenant opstellen", "owner": "Gemeente",
                                "item": "overeenkomst_vorm"}]),
    ]
    return spring, autumn


def report(cli, files, *extra):
    """The report of ``files``, named as a coordinator in their folder names them."""
    return cli("report", *[f.name for f in files], *extra)


def headings(markdown: str, level: int = 2) -> list[str]:
    tokens = MarkdownIt("commonmark").enable(["table"]).parse(markdown)
    return [tokens[i + 1].content for i, token in enumerate(tokens)
            if token.type == "heading_open" and token.tag == f"h{level}"]


def section(markdown: str, title: str) -> str:
    return markdown.split(f"## {title}\n")[1].split("\n## ")[0]


def table_rows(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split(" | ")]
            for line in text.splitlines() if line.startswith("| ") and "---" not in line]


def test_the_markdown_report_has_every_section_of_a_single_report(cli, round_files, tmp_path):
    spring, autumn = round_files
    target = tmp_path / "coalitie.md"
    result = report(cli, [spring, *autumn], "-o", "coalitie.md")
    markdown = target.read_text(encoding="utf-8")
    assert [h for h in headings(markdown) if h != "Let op"] == SECTIONS
    assert "![Samenwerking Rivierstad: scores per pijler en categorie](coalitie-radar.svg)" \
        in markdown
    chart = ElementTree.fromstring((tmp_path / "coalitie-radar.svg").read_text("utf-8"))
    assert chart.tag.endswith("svg")
    assert "3 bestanden samengenomen als ronde" in result.stderr


def test_the_report_says_which_files_it_combined_and_which_it_left_out(cli, round_files):
    spring, autumn = round_files
    header = report(cli, [spring, *autumn]).stdout.split("\n## ")[0]
    assert "- **Ronde:** 2026-11-30 – 2026-12-01 (zonder naam: de bestanden zijn op hun " \
           "datum samengenomen)" in header
    files = ("gemeente.yaml (Gemeente Rivierstad); stroomnet.yaml (Stroomnet); "
             "bronwater.xlsx.yaml (Bronwater)")
    assert re.search(r"- \*\*Samengenomen:\*\* .*" + re.escape(files), header)
    assert re.search(r"- \*\*Niet meegenomen:\*\* .*gemeente-voorjaar\.yaml \(uit de eerdere "
                     r"ronde voorjaar 2026\)", header)


def test_different_targets_are_both_shown_with_who_set_them(cli, round_files):
    _, autumn = round_files
    markdown = report(cli, autumn).stdout
    roadmap = {row[0]: row for row in table_rows(section(markdown, "Samenvatting voor de "
                                                                   "stuurgroep"))}
    assert roadmap["Mens en samenwerking"][3] == "3 (Gemeente Rivierstad) · 4 (Stroomnet)"
    assert roadmap["Governance en afspraken"][3] == "4"
    assert roadmap["Informatie en data-uitwisseling"][3] == "–"
    ladder = {row[0]: row for row in table_rows(section(markdown, "Fasenladder"))}
    assert "◎ doel" in ladder["3 · Integraal afstemmen"][1]
    assert "◎ doel" in ladder["4 · Ontwerpproces inrichten"][1]

    data = json.loads(report(cli, autumn, "--format", "json").stdout)
    assert data["partner_targets"] == {
        "people": [{"phase": 3, "by": ["Gemeente Rivierstad"]},
                   {"phase": 4, "by": ["Stroomnet"]}],
        "governance": [{"phase": 4, "by": ["Gemeente Rivierstad", "Stroomnet"]}]}
    assert data["targets"] == {"people": 3, "governance": 4}


def test_one_action_plan_of_every_partner_with_last_rounds_open_actions_carried(cli,
                                                                                round_files):
    spring, autumn = round_files
    markdown = report(cli, [spring, *autumn]).stdout
    rows = table_rows(section(markdown, "Actieplan"))
    assert rows[0] == ["Actie", "Eigenaar", "Uiterlijk", "Betreft", "Van", "Status"]
    plan = {row[0]: (row[4], row[5]) for row in rows[1:]}
    assert plan == {
        "Convenant opstellen": ("Gemeente Rivierstad, Bronwater", "open"),
        # Listed again, done now: this round's entry stands, nothing is carried.
        "kwartiermaker aanstellen": ("Gemeente Rivierstad", "✓ klaar"),
        "Planning delen in één systeem": ("Stroomnet", "open"),
        # Open in spring, not listed in autumn: carried over and marked.
        "Contactlijst bijwerken": ("Gemeente Rivierstad", "open · uit ronde voorjaar 2026"),
    }
    actions = json.loads(report(cli, [spring, *autumn], "--format", "json").stdout)["actions"]
    assert [(a["what"], a["by"], a["carried_over_from"]) for a in actions] == [
        ("Convenant opstellen", ["Gemeente Rivierstad", "Bronwater"], None),
        ("kwartiermaker  aanstellen", ["Gemeente Rivierstad"], None),
        ("Planning delen in één systeem", ["Stroomnet"], None),
        ("Contactlijst bijwerken", ["Gemeente Rivierstad"], "voorjaar 2026")]


def test_each_partners_note_stands_beside_their_answer(cli, round_files):
    _, autumn = round_files
    markdown = report(cli, autumn, "--all").stdout
    agenda = section(markdown, "Gespreksonderwerpen")
    topic = agenda.split("`vast_overleg`")[1].split("\n\n", 2)[1]
    assert topic.splitlines() == [
        "   - Gemeente Rivierstad: ja — Elke maand, wisselend voorzitterschap",
        "   - Stroomnet: nee — Alleen bij grote projecten",
        "   - Bronwater: nee"]
    appendix = section(markdown, "Bijlage: alle antwoorden")
    answers = appendix.split("**`vast_overleg`**")[1].split("\n\n", 2)[1]
    assert answers.splitlines() == [
        "- *Samen:* deels",
        "- Gemeente Rivierstad: ja — Elke maand, wisselend voorzitterschap",
        "- Stroomnet: nee — Alleen bij grote projecten",
        "- Bronwater: nee"]
    data = json.loads(report(cli, autumn, "--format", "json").stdout)
    topic = next(t for t in data["divergence"] if t["question"] == "vast_overleg")
    assert topic["notes"] == {"Gemeente Rivierstad": "Elke maand, wisselend voorzitterschap",
                              "Stroomnet": "Alleen bij grote projecten"}


def test_a_long_note_is_cut_in_the_agenda_and_whole_in_the_appendix(cli, engine,
                                                                    write_answers):
    note = "Bewijs: " + "notulen van het overleg " * 40 + "einde."
    files = [write_answers(highest(engine), "a.yaml", respondent=GEMEENTE,
                           notes={"vast_overleg": note}),
             write_answers(lowest(engine), "b.yaml", respondent=STROOMNET)]
    markdown = report(cli, files, "--all").stdout
    agenda = section(markdown, "Gespreksonderwerpen")
    assert "einde." not in agenda and "… (helemaal in de bijlage)" in agenda
    assert note.rstrip() in section(markdown, "Bijlage: alle antwoorden")


def test_the_html_page_has_the_chart_inline(cli, round_files):
    _, autumn = round_files
    page = report(cli, autumn, "--format", "html").stdout
    assert page.count("<svg") == 1 and "<img" not in page
    assert "Samengenomen" in page and "Actieplan" in page


def test_word_and_pdf_have_the_chart_the_sections_and_the_files(cli, round_files, tmp_path):
    spring, autumn = round_files
    word = tmp_path / "coalitie.docx"
    report(cli, [spring, *autumn], "--format", "docx", "-o", str(word))
    document = docx.Document(str(word))
    titles = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [t for t in titles if t in SECTIONS] == SECTIONS
    assert len(document.inline_shapes) == 1
    text = "\n".join(p.text for p in document.paragraphs)
    assert "gemeente-voorjaar.yaml (uit de eerdere ronde voorjaar 2026)" in text

    pdf = tmp_path / "coalitie.pdf"
    report(cli, [spring, *autumn], "--format", "pdf", "-o", str(pdf))
    pages = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    flat = " ".join(pages.split())
    for title in SECTIONS:
        assert title in flat
    assert "Samenwerking Rivierstad: scores per pijler en categorie" in flat  # its caption
    assert "gemeente-voorjaar.yaml (uit de eerdere ronde voorjaar 2026)" in flat


def test_the_action_plan_as_a_workbook_says_who_and_what_is_carried(cli, round_files,
                                                                    tmp_path):
    spring, autumn = round_files
    target = tmp_path / "plan.xlsx"
    report(cli, [spring, *autumn], "--format", "xlsx", "-o", str(target))
    sheet = openpyxl.load_workbook(target)["Actieplan"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Actie", "Eigenaar", "Uiterlijk", "Betreft", "Status", "Van"]
    assert rows[-1][0] == "Contactlijst bijwerken"
    assert rows[-1][4:] == ["open · uit ronde voorjaar 2026", "Gemeente Rivierstad"]


def test_an_anonymised_report_names_no_organisation_and_no_file(cli, round_files):
    spring, autumn = round_files
    for fmt in ("markdown", "json"):
        out = report(cli, [spring, *autumn], "--anonymise", "--format", fmt).stdout
        for name in ("Gemeente Rivierstad", "Stroomnet", "Bronwater", ".yaml"):
            assert name not in out, (fmt, name)
    header = report(cli, [spring, *autumn], "--anonymise").stdout.split("\n## ")[0]
    assert "- **Samengenomen:** 3 bestanden" in header
    assert "- **Niet meegenomen:** 1 bestand (uit de eerdere ronde voorjaar 2026)" in header


def test_without_the_appendix_the_report_says_so(cli, round_files):
    _, autumn = round_files
    markdown = report(cli, autumn, "--no-appendix").stdout
    assert "Bijlage: alle antwoorden" not in headings(markdown)
    assert markdown.rstrip().endswith("_De bijlage met alle antwoorden is weggelaten._")


def test_a_named_round_is_named_in_the_report(cli, engine, write_answers):
    files = [write_answers(highest(engine), f"{name}.yaml", respondent=who, date=date,
                           round="najaar 2026")
             for name, who, date in (("a", GEMEENTE, "2026-11-30"), ("b", STROOMNET,
                                                                     "2026-12-01"))]
    header = report(cli, files).stdout.split("\n## ")[0]
    assert "- **Ronde:** najaar 2026 (2026-11-30 – 2026-12-01)" in header


def test_an_older_agreed_file_of_the_round_is_left_out_with_its_reason(cli, round_files,
                                                                      write_answers, engine):
    _, autumn = round_files
    agreed = {"organisation": "Coalitie Rivierstad", "role": "coalitie", "level": "tactisch"}
    first = write_answers(highest(engine), "coalitie-1.yaml", respondent=agreed,
                          date="2026-12-02")
    second = write_answers(highest(engine), "coalitie-2.yaml", respondent=agreed,
                           date="2026-12-05")
    header = report(cli, [*autumn, first, second]).stdout.split("\n## ")[0]
    assert "coalitie-2.yaml (Afgesproken resultaat)" in header
    assert "coalitie-1.yaml (een eerder afgesproken resultaat van deze ronde; het laatste " \
           "telt)" in header


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")
