"""The answers workbook: the template a partner fills in, read back like a YAML answers file."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml

import workbook_bombs as bombs
from builders import FORBIDDEN
from stimulering.sources.engine import load

SPECIAL = {"weet niet": "weet_niet", "niet van toepassing": "nvt"}

EXCLUSIVE = {(q.id, o.id) for q in load().questions.questions for o in q.options or []
             if o.exclusive}
"""Options a partner chooses alone (such as "Geen")."""


@pytest.fixture(scope="module")
def listing():
    from typer.testing import CliRunner

    from stimulering.cli import app

    result = CliRunner().invoke(app, ["questions", "--format", "json"])
    return json.loads(result.stdout)


@pytest.fixture
def template(cli, tmp_path) -> Path:
    path = tmp_path / "antwoorden.xlsx"
    cli("template", "--format", "xlsx", "-o", str(path))
    return path


def dropdowns(book, sheet) -> dict[str, list[str]]:
    """Every cell of ``sheet`` with a dropdown, and the texts the dropdown offers."""
    offered: dict[str, list[str]] = {}
    for validation in sheet.data_validations.dataValidation:
        title, cells = validation.formula1.split("!")
        source = book[title.strip("'")]
        texts = [row[0].value for row in source[cells.replace("$", "")]]
        for cell_range in validation.sqref.ranges:
            for row in sheet.iter_rows(min_row=cell_range.min_row, max_row=cell_range.max_row,
                                       min_col=cell_range.min_col, max_col=cell_range.max_col):
                for cell in row:
                    offered[cell.coordinate] = texts
    return offered


def fill_as_partner(template: Path, target: Path, listing, seed: int) -> dict:
    """Fill the workbook as a partner would, choosing from each dropdown; return the same
    answers as the data of a YAML answers file."""
    chance = random.Random(seed)
    book = openpyxl.load_workbook(template)
    respondent = book["Respondent"]
    respondent["C2"] = "Kanaalstad"
    respondent["C3"] = "Bronwater"
    respondent["C4"] = "drinkwaterbedrijf"
    respondent["C5"] = "operationeel"
    sheet = book["Vragen"]
    offered = dropdowns(book, sheet)
    questions = {q["id"]: q for q in listing["questions"]}
    answers: dict[str, object] = {}
    notes: dict[str, str] = {}
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    for question_id, question in questions.items():
        row = rows[question_id]
        answer = sheet.cell(row=row, column=3)
        kind = question["type"]
        if chance.random() < 0.1:
            continue  # left open
        if kind == "text":
            answer.value = chance.choice(["Maandelijks overleg", "Zie notulen; @agenda", "2025"])
            answers[question_id] = answer.value
        elif kind == "number":
            value = chance.choice([0, 2.5, 4, 12, "weet niet"])
            answer.value = value
            answers[question_id] = SPECIAL.get(value, value)  # type: ignore[arg-type]
        elif kind == "multi":
            if chance.random() < 0.2:
                answer.value = chance.choice(offered[answer.coordinate])
                answers[question_id] = SPECIAL[answer.value]
            else:
                chosen = []
                for option in question["options"]:
                    cell = sheet.cell(row=rows[f"{question_id}.{option['value']}"], column=3)
                    cell.value = chance.choice(offered[cell.coordinate])
                    if (question_id, option["value"]) in EXCLUSIVE and chosen:
                        cell.value = "nee"  # "Geen" goes alone, as the help says
                    if cell.value == "ja":
                        chosen.append(option["value"])
                alone = [value for value in chosen if (question_id, value) in EXCLUSIVE]
                if alone and len(chosen) > 1:  # chosen first: the others are dropped
                    for value in chosen[1:]:
                        sheet.cell(row=rows[f"{question_id}.{value}"], column=3).value = "nee"
                    chosen = chosen[:1]
                answers[question_id] = chosen
        else:
            text = chance.choice(offered[answer.coordinate])
            if kind == "scale" and chance.random() < 0.5:
                answer.value = int(text[0]) if text[0].isdigit() else text  # typed as a number
            else:
                answer.value = text
            labels = {option["label"]: option["value"] for option in question["options"]}
            labels |= {f"{value} – {label}": value for label, value in labels.items()
                       if kind == "scale"}
            answers[question_id] = SPECIAL.get(text) or labels.get(text) or int(text[0])
        if chance.random() < 0.2:
            sheet.cell(row=row, column=4).value = f"Toelichting bij {question_id}"
            notes[question_id] = f"Toelichting bij {question_id}"
    book.save(target)
    return {"stimulering_answers": 1,
            "question_set": {key: listing[key] for key in ("id", "version", "sha256")},
            "coalition": "Kanaalstad",
            "respondent": {"organisation": "Bronwater", "role": "drinkwaterbedrijf",
                           "level": "operationeel"},
            "date": dt.date.today().isoformat(), "lang": "nl",
            "answers": answers, "notes": notes}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_filled_workbook_scores_exactly_as_the_same_answers_in_yaml(cli, template, listing,
                                                                     tmp_path, seed):
    workbook = tmp_path / "kanaalstad-bronwater.xlsx"
    data = fill_as_partner(template, workbook, listing, seed)
    yaml_file = tmp_path / "kanaalstad-bronwater.yaml"
    yaml_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                         encoding="utf-8")
    from_workbook = cli("assess", "--answers", str(workbook), "--format", "json").stdout
    from_yaml = cli("assess", "--answers", str(yaml_file), "--format", "json").stdout
    assert from_workbook == from_yaml
    codes = {warning["code"] for warning in json.loads(from_workbook)["warnings"]}
    # None on ids or the set.
    assert codes <= {"unknown_items", "not_asked", "undetermined", "hard_ahead"}
    assert cli("report", str(workbook)).stdout.replace("kanaalstad-bronwater-radar", "X") == \
        cli("report", str(yaml_file)).stdout.replace("kanaalstad-bronwater-radar", "X")
    checked = cli("validate", str(workbook))
    assert checked.stderr.startswith("ok: 3 items checked")
    # The partner may have answered follow-ups whose condition does not hold: warned about.
    assert all(" warning: asked only when " in line for line in checked.stdout.splitlines())


def test_the_template_has_every_question_a_dropdown_for_each_closed_one_and_a_header_sheet(
        template, listing):
    book = openpyxl.load_workbook(template)
    assert [(sheet.title, sheet.sheet_state) for sheet in book.worksheets] == [
        ("Respondent", "visible"), ("Vragen", "visible"), ("Keuzelijsten", "hidden"),
        ("stimulering", "hidden")]
    sheet = book["Vragen"]
    assert [cell.value for cell in sheet[1]] == ["Vraag-id", "Vraag", "Antwoord", "Notitie",
                                                 "Toelichting"]
    ids = [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]
    assert [i for i in ids if i and "." not in i] == [q["id"] for q in listing["questions"]]
    offered = dropdowns(book, sheet)
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    regie = offered[f"C{rows['regie_bij']}"]
    question = next(q for q in listing["questions"] if q["id"] == "regie_bij")
    assert regie == [option["label"] for option in question["options"]] + \
        ["weet niet", "niet van toepassing"]
    assert offered[f"C{rows['vast_overleg']}"] == ["ja", "deels", "nee", "weet niet",
                                                   "niet van toepassing"]
    respondent = dropdowns(book, book["Respondent"])
    assert respondent["C4"][:2] == ["gemeente", "netbeheerder"]
    assert respondent["C5"] == ["strategisch", "tactisch", "operationeel"]
    # The date is the day of the answers: left for the partner, never the day it was made.
    assert book["Respondent"]["C6"].value is None
    help_text = sheet.cell(row=rows["regie_mandaat"], column=5).value
    assert help_text.endswith("Alleen beantwoorden als regie_bij is gemeente of coordinator of "
                              "coordinatiepunt of convenantmanagers.")
    # A question about joint projects starts its help with the one guidance the question set
    # gives every such question, and says when it applies.
    # A question for one level says so first.
    help_text = sheet.cell(row=rows["klic_orientatie"], column=5).value
    audience, guidance = help_text.splitlines()[:2]
    assert audience == "Voor: operationeel niveau."
    assert guidance.startswith("Deze vraag gaat over de gezamenlijke projecten die lopen of "
                               "liepen; ze komt pas als er zo'n project is.")
    assert help_text.endswith("Alleen beantwoorden als gezamenlijke_projecten is gestart.")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_respondents_see_no_score_phase_weight_or_gate_in_the_workbook(cli, tmp_path, lang):
    path = tmp_path / "leeg.xlsx"
    cli("template", "--format", "xlsx", "-o", str(path), "--lang", lang)
    book = openpyxl.load_workbook(path)
    texts = [str(cell.value) for sheet in book.worksheets if sheet.sheet_state == "visible"
             for row in sheet.iter_rows() for cell in row if cell.value is not None]
    for validation in (v for sheet in book.worksheets
                       for v in sheet.data_validations.dataValidation):
        texts += [validation.error or "", validation.errorTitle or ""]
    assert len(texts) > 200
    for text in texts:
        assert not re.search(FORBIDDEN, text.lower()), text


def test_the_workbook_is_the_same_for_the_same_day(cli, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    cli("template", "--format", "xlsx", "-o", str(first))
    cli("template", "--format", "xlsx", "-o", str(second))
    assert first.read_bytes() == second.read_bytes()


# --- hostile and broken workbooks ---------------------------------------------------------


def filled(template: Path, tmp_path: Path, change, name="antwoorden.xlsx") -> Path:
    """The template with a respondent, a few answers, and ``change`` applied."""
    book = openpyxl.load_workbook(template)
    respondent = book["Respondent"]
    for cell, value in (("C2", "Beekstad"), ("C3", "Gemeente Beekstad"), ("C4", "gemeente"),
                        ("C5", "strategisch")):
        respondent[cell] = value
    sheet = book["Vragen"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(row=rows["vast_overleg"], column=3).value = "ja"
    change(book, sheet, rows)
    path = tmp_path / name
    book.save(path)
    return path


def error_of(cli, path: Path) -> str:
    result = cli("assess", "--answers", str(path), "--format", "json", expect=1)
    assert result.stdout == ""
    return result.stderr


def test_an_answer_not_in_the_dropdown_names_sheet_cell_and_question(cli, template, tmp_path):
    def change(book, sheet, rows):
        sheet.cell(row=rows["regie_bij"], column=3).value = "De provincie"

    path = filled(template, tmp_path, change)
    row = openpyxl.load_workbook(path)["Vragen"]
    row_number = next(r for r in range(2, row.max_row + 1)
                      if row.cell(row=r, column=1).value == "regie_bij")
    assert error_of(cli, path) == (
        f"error: {path}, sheet 'Vragen', cell C{row_number} (question regie_bij): "
        "'De provincie' is not one of the choices: 'Niemand in het bijzonder: elke partner "
        "regelt zijn eigen werk', 'Dat verschilt per project', 'De gemeente, als beheerder van "
        "de openbare ruimte', 'Een coördinator of regisseur namens alle partners', 'Een "
        "gezamenlijk coördinatiepunt dat de partners samen hebben ingericht', 'Een manager van de "
        "samenwerking bij elke partner, zoals een convenantmanager, die samen de regie voeren', "
        "'weet niet', 'niet van toepassing'\n")


def set_answer(question_id, value, column=3):
    def change(book, sheet, rows):
        sheet.cell(row=rows[question_id], column=column).value = value
    return change


SCALE = ("'1 – helemaal oneens', '2 – oneens', '3 – neutraal', '4 – eens', "
         "'5 – helemaal eens', 'weet niet', 'niet van toepassing'")

BROKEN = {
    "formula": (set_answer("vast_overleg", "=1+1"),
                ", cell C{vast_overleg} (question vast_overleg): holds a formula; type the "
                "answer itself"),
    "date in a scale": (set_answer("zelfde_niveau", dt.datetime(2026, 4, 1)),
                        ", cell C{zelfde_niveau} (question zelfde_niveau): holds a date and "
                        f"time; expected {SCALE}"),
    "text for a number": (set_answer("planhorizon_jaren", "vijf"),
                          ", cell C{planhorizon_jaren} (question planhorizon_jaren): 'vijf' is "
                          "not a number; expected a number, 'weet niet' or 'niet van "
                          "toepassing'"),
    "number out of range": (set_answer("planhorizon_jaren", -3),
                            ", cell C{planhorizon_jaren} (question planhorizon_jaren): -3 is "
                            "outside every score band ([0, 1), [1, 2), [2, 4), [4, 10), "
                            "[10, ∞))"),
    "merged answers": (lambda book, sheet, rows: sheet.merge_cells(
        f"C{rows['vast_overleg']}:C{rows['vast_overleg'] + 1}"),
        ", cell C{vast_overleg}:C{vast_overleg+1}: cells are merged where answers go; unmerge "
        "them so that every answer has its own cell"),
    "renamed header": (lambda book, sheet, rows: setattr(sheet["C1"], "value", "Antwoorden"),
                       ", cell C1: the header is 'Antwoorden', expected 'Antwoord'; keep the "
                       "columns as the template made them"),
    "huge sheet": (lambda book, sheet, rows: setattr(sheet.cell(row=6000, column=1), "value",
                                                     "x"),
                   ": reaches row 6,000; an answers workbook has at most 5,000 rows"),
    "id twice": (set_answer("contactpersonen_bekend", "regie_bij", column=1),
                 ", cell A{regie_bij} (question regie_bij): the question appears twice "
                 "(first in row {contactpersonen_bekend})"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_workbook_gets_one_located_message(cli, template, tmp_path, case):
    change, expected = BROKEN[case]
    sheet = openpyxl.load_workbook(template)["Vragen"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    for name in re.findall(r"\{(\w+)", expected):
        expected = expected.replace(f"{{{name}+1}}", str(rows[name] + 1))
        expected = expected.replace(f"{{{name}}}", str(rows[name]))
    path = filled(template, tmp_path, change)
    assert error_of(cli, path) == f"error: {path}, sheet 'Vragen'{expected}\n"


def test_missing_sheets_and_foreign_files_are_named(cli, template, tmp_path):
    path = filled(template, tmp_path, lambda book, sheet, rows: book.remove(book["Respondent"]))
    assert error_of(cli, path) == (f"error: {path}: sheet 'Respondent' is missing (the "
                                   "workbook has 'Vragen', 'Keuzelijsten'); keep the sheets as "
                                   "the template made them\n")
    plain = tmp_path / "begroting.xlsx"
    openpyxl.Workbook().save(plain)
    assert error_of(cli, plain) == (
        f"error: {plain}: is not a stimulering answers workbook (it has no sheet "
        "'stimulering'); make one with 'stimulering template --format xlsx'\n")
    text = tmp_path / "tekst.xlsx"
    text.write_text("coalition: Beekstad\n", encoding="utf-8")
    assert error_of(cli, text) == (f"error: {text}: is not an xlsx workbook (not a zip file); "
                                   "save it as an Excel workbook (.xlsx)\n")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(cli, tmp_path):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    assert error_of(cli, path) == (f"error: {path}: unpacks to 62,914,560 bytes; the limit is "
                                   "52,428,800\n")


def test_one_part_that_unpacks_to_too_much_is_refused_before_it_is_read(cli, tmp_path):
    path = tmp_path / "deel.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/styles.xml", b" " * (17 * 1024 * 1024))
    assert error_of(cli, path) == (
        f"error: {path}: its part xl/styles.xml unpacks to 17,825,792 bytes; the limit for one "
        "part is 16,777,216\n")


def test_a_workbook_at_every_bound_is_read(cli, tmp_path):
    """The lists sheet reaches row 5,000 and column AN with 95,000 cells: all within bounds."""
    path = tmp_path / "vol.xlsx"
    path.write_bytes(bombs.at_the_bounds(bombs.template()))
    assert cli("validate", str(path)).stderr == "ok: 3 items checked\n"


def test_an_empty_respondent_and_an_unknown_role_are_named(cli, template, tmp_path):
    def change(book, sheet, rows):
        book["Respondent"]["C2"] = None
        book["Respondent"]["C4"] = "provincie"

    path = filled(template, tmp_path, change)
    assert error_of(cli, path) == (
        f"{path}, sheet 'Respondent', cell C2: coalition ('Samenwerking') is empty; fill "
        f"it in\n{path}, sheet 'Respondent', cell C4: role ('Rol') is 'provincie'; choose one of "
        "gemeente, netbeheerder, drinkwaterbedrijf, waterschap, warmtebedrijf, telecom, "
        "overig\n")


def test_validate_reports_workbook_problems_and_exits_1(cli, template, tmp_path):
    def change(book, sheet, rows):
        sheet.cell(row=rows["vast_overleg"], column=3).value = "misschien"

    path = filled(template, tmp_path, change)
    result = cli("validate", str(path), expect=1)
    assert result.stdout.startswith(f"{path}, sheet 'Vragen', cell C")
    assert "(question vast_overleg): 'misschien' is not one of the choices" in result.stdout


def test_ticked_options_and_a_special_answer_together_are_refused(cli, template, tmp_path):
    def change(book, sheet, rows):
        sheet.cell(row=rows["scope_verbreding"], column=3).value = "weet niet"
        option = next(key for key in rows if str(key).startswith("scope_verbreding."))
        sheet.cell(row=rows[option], column=3).value = "ja"

    path = filled(template, tmp_path, change)
    assert "(question scope_verbreding): says 'weet niet' while options below it are " \
           "ticked; give one or the other" in error_of(cli, path)


def test_workbooks_join_yaml_files_in_the_coalition_view_and_compare(cli, template, tmp_path,
                                                                     write_answers):
    path = filled(template, tmp_path, lambda book, sheet, rows: None)
    other = write_answers({"vast_overleg": "nee"}, coalition="Beekstad")
    view = json.loads(cli("report", str(path), str(other), "--format", "json").stdout)
    assert [r["organisation"] for r in view["respondents"]] == ["Gemeente Beekstad",
                                                                 "Stroomnet"]
    compared = json.loads(cli("compare", str(path), "--format", "json").stdout)
    assert [c["coalition"] for c in compared["coalitions"]] == ["Beekstad"]


def test_the_interview_does_not_resume_or_save_a_workbook(cli, template):
    result = cli("assess", "--resume", str(template), expect=2)
    assert "--resume takes a YAML answers file" in result.stderr


def saved_on(template: Path, target: Path, day: dt.datetime, date: object = None) -> Path:
    """The template filled in and saved by a spreadsheet program on ``day``."""
    from openpyxl.writer.excel import ExcelWriter

    book = openpyxl.load_workbook(template)
    sheet = book["Respondent"]
    for cell, value in (("C2", "Kanaalstad"), ("C3", "Bronwater"), ("C4", "drinkwaterbedrijf"),
                        ("C5", "operationeel"), ("C6", date)):
        sheet[cell] = value
    book.properties.modified = day  # what the program records when it saves
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return target


def test_an_empty_date_is_the_day_the_partner_saved_the_workbook(cli, template, tmp_path,
                                                                 engine):
    made = openpyxl.load_workbook(template).properties.created
    noon = dt.datetime.combine(made.date() + dt.timedelta(days=3), dt.time(12))
    answers = engine.read_answers(saved_on(template, tmp_path / "a.xlsx", noon))
    assert answers.date == noon.date()
    typed = engine.read_answers(saved_on(template, tmp_path / "b.xlsx", noon,
                                         dt.datetime(2026, 11, 30)))
    assert typed.date == dt.date(2026, 11, 30)  # what the partner typed comes first


def test_a_date_nobody_gave_is_asked_for(cli, template, tmp_path):
    book = openpyxl.load_workbook(template)
    made = book.properties.created
    path = saved_on(template, tmp_path / "c.xlsx", made)  # saved by nobody after it was made
    result = cli("validate", str(path), expect=1)
    assert "sheet 'Respondent', cell C6: date ('Datum') is empty; fill it in" in result.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_workbook_speaks_of_the_answers_its_dropdowns_offer(cli, tmp_path, lang):
    path = tmp_path / "leeg.xlsx"
    cli("template", "--format", "xlsx", "-o", str(path), "--lang", lang)
    sheet = openpyxl.load_workbook(path)["Respondent"]  # the program's own texts
    texts = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row
                     if cell.value is not None)
    assert "weet_niet" not in texts and not re.search(r"\bnvt\b", texts)
    special = {"nl": ('"weet niet"', '"niet van toepassing"'),
               "en": ('"don\'t know"', '"not applicable"')}[lang]
    assert all(text in texts for text in special)
