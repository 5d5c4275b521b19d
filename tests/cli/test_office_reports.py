"""Word, PDF and spreadsheet reports, read back with their own parsers as a reader's tools would."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pypdf
import pytest

from paths import DATA
from stimulering.office import install_command

REPORTS = DATA / "reports"
ADVANCED = REPORTS / "advanced.yaml"
EARLY = REPORTS / "early.yaml"
NASTY = "Duinstad | *pilot* <script>alert(1)</script>"


def make(cli, tmp_path: Path, answers: Path, kind: str, *extra: str) -> Path:
    target = tmp_path / f"advies.{kind}"
    cli("report", str(answers), "--format", kind, "-o", str(target), "--force", *extra)
    return target


# --- Word ---------------------------------------------------------------------------------


def test_word_report_has_the_summary_first_tables_the_chart_and_a4(cli, tmp_path):
    document = docx.Document(str(make(cli, tmp_path, ADVANCED, "docx")))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith(("Heading", "Title"))]
    assert headings[:4] == [("Title", "Adviesrapport samenwerking: Rivierstad"),
                            ("Heading 1", "Samenvatting voor de stuurgroep"),
                            ("Heading 2", "Wat de fase bepaalt"),
                            ("Heading 2", "Eerste stappen om over te besluiten")]
    assert ("Heading 1", "Bijlage: alle antwoorden") in headings
    roadmap = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert roadmap == [["Pijler", "Nu", "Volgende", "Doel", "Naar het doel"],
                       ["Mens en samenwerking", "5", "6", "6", "80%"],
                       ["Governance en afspraken", "5", "6", "6", "80%"],
                       ["Informatie en data-uitwisseling", "4", "5", "5", "75%"]]
    assert len(document.inline_shapes) == 1
    image = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    part = document.part.related_parts[image]
    assert part.content_type == "image/png" and part.blob.startswith(b"\x89PNG")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    body = document.element.body.xml
    # The summary has a page of its own: a page break before the phase ladder.
    assert body.index('w:type="page"') < body.index("Fasenladder")


def test_word_report_keeps_user_text_literal_and_is_reproducible(cli, tmp_path):
    first = make(cli, tmp_path, EARLY, "docx").read_bytes()
    document = docx.Document(io.BytesIO(first))
    assert document.paragraphs[0].text == f"Adviesrapport samenwerking: {NASTY}"
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "1. Geld | tijd --- `code` & <img src=x onerror=alert(1)>" in cells
    assert make(cli, tmp_path, EARLY, "docx").read_bytes() == first


# --- PDF ----------------------------------------------------------------------------------


def test_pdf_report_is_a4_numbered_with_the_summary_on_page_one(cli, tmp_path):
    reader = pypdf.PdfReader(make(cli, tmp_path, ADVANCED, "pdf"))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) > 3
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == \
            (595, 842)
    for number, text in enumerate(pages, start=1):
        assert f"Pagina {number} van {len(pages)}" in text
    first = pages[0]
    assert "Samenvatting voor de stuurgroep" in first
    assert "Informatie en data-uitwisseling 4 5 5 75%" in first
    assert "Eerste stappen om over te besluiten" in first
    assert "Fasenladder" not in first
    assert "Bijlage: alle antwoorden" in "".join(pages)


def test_the_pdf_chart_is_drawn_as_vectors_with_its_labels_as_text(cli, tmp_path):
    reader = pypdf.PdfReader(make(cli, tmp_path, ADVANCED, "pdf"))
    assert not any(page.images for page in reader.pages), "the chart is no raster picture"
    page = next(page.extract_text() for page in reader.pages
                if "Pijlers en categorieën" in page.extract_text())
    flat = " ".join(page.split())
    # The chart's own titles, axis labels and values, as text of the page.
    for text in ("Drie pijlers", "Negen categorieën", "Fase nu en doel", "Financiën 0,46",
                 "Governance 1,00", "5 » 6"):
        assert text in flat, text
    # Its title and legend stand under it as the caption.
    assert "Samenwerking Rivierstad: scores per pijler en categorie — Score 0–1" in flat


def test_pdf_report_leaves_out_the_appendix_when_asked(cli, tmp_path):
    whole = pypdf.PdfReader(make(cli, tmp_path, ADVANCED, "pdf"))
    short = pypdf.PdfReader(make(cli, tmp_path, ADVANCED, "pdf", "--no-appendix"))
    text = "".join(page.extract_text() for page in short.pages)
    assert "Bijlage: alle antwoorden" not in text
    assert "De bijlage met alle antwoorden is weggelaten." in text
    assert len(short.pages) < len(whole.pages)


def test_pdf_report_shows_user_text_as_typed_and_is_reproducible(cli, tmp_path):
    first = make(cli, tmp_path, EARLY, "pdf").read_bytes()
    text = " ".join(pypdf.PdfReader(io.BytesIO(first)).pages[0].extract_text().split())
    assert f"Adviesrapport samenwerking: {NASTY}" in text
    assert make(cli, tmp_path, EARLY, "pdf").read_bytes() == first


def test_pdf_text_keeps_western_letters_and_stands_in_for_the_rest():
    from stimulering.report.office import pdf_text

    assert pdf_text("Financiën – “één” ✓ ◀ ◎") == "Financiën – “één” • « »"
    assert pdf_text("Łódź 東京") == "?ód? ??"


def test_the_coalition_view_comes_as_word_and_pdf(cli, tmp_path, write_answers):
    one = write_answers({"vast_overleg": "ja"})
    two = write_answers({"vast_overleg": "nee"}, respondent={
        "organisation": "Bronwater", "role": "drinkwaterbedrijf", "level": "tactisch"})
    target = tmp_path / "coalitie.pdf"
    cli("report", str(one), str(two), "--format", "pdf", "-o", str(target))
    assert "Rivierstad" in pypdf.PdfReader(target).pages[0].extract_text()
    target = tmp_path / "coalitie.docx"
    cli("report", str(one), str(two), "--format", "docx", "-o", str(target))
    assert docx.Document(str(target)).paragraphs[0].text.endswith("Rivierstad")


@pytest.mark.parametrize(("kind", "module", "extra"), [("docx", "docx", "docx"),
                                                      ("pdf", "fpdf", "pdf")])
def test_a_missing_optional_library_names_the_extra_to_install(cli, tmp_path, monkeypatch,
                                                              kind, module, extra):
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    result = cli("report", str(ADVANCED), "--format", kind, "-o", str(tmp_path / "x"),
                 expect=1)
    # This checkout is installed from its folder: the command installs the extra from there.
    command = install_command(extra)
    assert command.startswith(("pip install -e \"", "pip install \"")) and \
        command.endswith(f'[{extra}]"')
    assert result.stderr == (f"error: --format {kind} needs the optional package of "
                             f"stimulering's '{extra}' extra; install it with: {command}\n")
    assert list(tmp_path.iterdir()) == []


def test_binary_formats_are_not_written_to_a_terminal(cli, surroundings, tmp_path):
    surroundings["stdout_is_terminal"] = True
    result = cli("report", str(ADVANCED), "--format", "pdf", expect=2)
    assert result.stderr == "error: --format pdf writes a file: give -o NAME.pdf (or redirect " \
                            "stdout)\n"


# --- the chart as PNG ---------------------------------------------------------------------


def test_the_word_chart_is_a_picture_of_the_charts_at_twice_their_size(engine):
    from PIL import Image

    from stimulering.report.picture import radar_png
    from stimulering.report.svg import GRID, TARGET, THRESHOLD, VALUE, report_figure

    evaluation = engine.evaluate_file(ADVANCED)
    figure = report_figure(evaluation, "nl")
    charts, threshold = figure.charts, figure.threshold
    png = radar_png(charts, lang="nl", threshold=threshold)
    picture = Image.open(io.BytesIO(png))
    assert (picture.format, picture.size) == ("PNG", (3 * 480 * 2, (56 + 440 - 30) * 2))
    assert [round(dots) for dots in picture.info["dpi"]] == [300, 300]
    colours = {colour for _, colour in picture.getcolors(maxcolors=1 << 20)}
    for name in (VALUE, TARGET, THRESHOLD, GRID):  # values, targets, threshold ring, grid
        rgb = tuple(int(name[index:index + 2], 16) for index in (1, 3, 5))
        assert rgb in colours, name
    # Three panels: each holds the blue of its values.
    blue = tuple(int(VALUE[index:index + 2], 16) for index in (1, 3, 5))
    for panel in range(3):
        part = picture.crop((panel * 960, 0, (panel + 1) * 960, picture.height))
        assert blue in {colour for _, colour in part.getcolors(maxcolors=1 << 20)}
    assert radar_png(charts, lang="nl", threshold=threshold) == png


def test_the_word_report_holds_the_chart_picture_and_its_caption(cli, tmp_path):
    from PIL import Image

    document = docx.Document(str(make(cli, tmp_path, ADVANCED, "docx")))
    shape = document.inline_shapes[0]
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    picture = Image.open(io.BytesIO(document.part.related_parts[blip].blob))
    assert picture.size == (2880, 932)
    assert round(shape.width.mm) == 174  # the width of the text on an A4 page
    captions = [p.text for p in document.paragraphs if p.text.startswith("Samenwerking Rivierstad")]
    assert captions and " — Score 0–1" in captions[0]


# --- spreadsheets -------------------------------------------------------------------------

HOSTILE = "=HYPERLINK(\"http://example.invalid\",\"klik\")"


def test_compare_as_a_workbook_keeps_names_as_text_never_formulas(cli, tmp_path,
                                                                 write_answers):
    write_answers({"vast_overleg": "ja"}, coalition=HOSTILE)
    write_answers({"vast_overleg": "nee"}, coalition="+Kanaalstad")
    write_answers({"vast_overleg": "ja"}, coalition="Beekstad")
    target = tmp_path / "out" / "vergelijking.xlsx"
    target.parent.mkdir()
    cli("compare", str(tmp_path), "--format", "xlsx", "-o", str(target))
    sheet = openpyxl.load_workbook(target).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:4] == ["Samenwerking", "Datum", "resp.", "Fase"]
    names = [row[0] for row in rows[1:]]
    assert sorted(names) == sorted([HOSTILE, "+Kanaalstad", "Beekstad"])
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(2, 5))
    with zipfile.ZipFile(target) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_the_action_plan_as_a_workbook(cli, tmp_path, write_answers):
    path = write_answers({"vast_overleg": "ja"}, targets={"people": 3}, actions=[
        {"what": "=cmd|' /C calc'!A0", "owner": "@gemeente", "due": "2027-03-01",
         "item": "vast_overleg"},
        {"what": "Convenant opstellen", "owner": "Stroomnet", "done": True}])
    target = tmp_path / "plan.xlsx"
    cli("report", str(path), "--format", "xlsx", "-o", str(target))
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Samenvatting voor de stuurgroep", "Actieplan", "Advies"]
    summary = [[c.value for c in row] for row in book.worksheets[0].iter_rows(min_row=5,
                                                                             max_row=8)]
    assert summary[0] == ["Pijler", "Nu", "Volgende", "Doel", "Naar het doel"]
    assert summary[1][0] == "Mens en samenwerking" and summary[1][3] == "3"
    plan = book["Actieplan"]
    rows = [[c.value for c in row] for row in plan.iter_rows(min_row=2)]
    assert rows[0][0] == "=cmd|' /C calc'!A0" and plan["A2"].data_type == "s"
    assert rows[0][1] == "@gemeente" and rows[0][2].date().isoformat() == "2027-03-01"
    assert rows[1][4] == "klaar"
    assert book["Advies"].max_row > 3


# --- the HTML page in print ----------------------------------------------------------------


def test_html_prints_on_a4_with_headings_kept_and_dates_whole(cli, tmp_path):
    target = tmp_path / "advies.html"
    cli("report", str(ADVANCED), "--format", "html", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    assert "@page { size: A4;" in page
    assert re.search(r"h1, h2, h3 \{ break-after: avoid;", page)
    assert ".date { white-space: nowrap;" in page
    assert '<span class="date">2027-03-01</span>' in page
