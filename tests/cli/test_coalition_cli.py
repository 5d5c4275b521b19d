"""The coalition commands end to end: report of several files, progress, compare."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
from pathlib import Path

import yaml

from builders import answers_document, highest, lowest, partners
from stimulering.core.combine import coalition_code


def test_report_of_three_partners_shows_them_side_by_side_and_combined(cli, engine,
                                                                       write_answers):
    files = [str(p) for p in partners(engine, write_answers)]
    out = cli("report", *files).stdout
    assert "\n".join([
        "## Fase per respondent",
        "",
        "| Respondent | Datum | Mens en samenwerking | Governance en afspraken | "
        "Informatie en data-uitwisseling | Totaal |",
        "| :--- | :--- | :--- | :--- | :--- | :--- |",
        "| Gemeente Rivierstad | 2026-11-28 | 6 | 6 | 6 | 6 |",
        "| Stroomnet | 2026-11-28 | 6 | 6 | 6 | 6 |",
        "| Bronwater | 2026-11-28 | 1 | 6 | 6 | 1 |",
        "",
        "## Gecombineerd",
        "",
        "_Gecombineerd: per vraag het gemiddelde van de itemscores van de respondenten aan wie "
        "ze gesteld is; 'weet niet' telt niet mee._",
        "",
        "**6 · Integraal uitvoeren en borgen** (laagste bekende fase van een respondent: 1)",
        "",
        "| Pijler | Fase | Laagste respondent | Score |",
        "| :--- | :--- | :--- | :--- |",
        "| Mens en samenwerking | 6 | 1 | 0,86 |",
        "| Governance en afspraken | 6 | 6 | 1,00 |",
        "| Informatie en data-uitwisseling | 6 | 6 | 1,00 |",
        "",
    ]) in out
    agenda = out.split("## Gespreksonderwerpen")[1].split("\n## ")[0]
    topic = agenda.split("`afspraak_gemeld`")[1].split("\n\n", 2)[1]
    assert topic.splitlines() == ["   - Gemeente Rivierstad: 5 (helemaal eens)",
                                  "   - Stroomnet: 5 (helemaal eens)",
                                  "   - Bronwater: 1 (helemaal oneens)"]


def test_report_json_lists_respondents_and_divergence(cli, engine, write_answers):
    files = [str(p) for p in partners(engine, write_answers)]
    data = json.loads(cli("report", *files, "--format", "json", "--lang", "en").stdout)
    assert data["combined_rule"] == ("Combined: per question, the mean of the item scores of "
                                     "the respondents it is asked of; 'don't know' does not "
                                     "count.")
    assert data["respondent"] == {"organisation": "Coalitie Rivierstad", "role": "coalitie",
                                  "level": "strategisch"}
    assert data["phase"]["number"] == 6
    assert data["lowest"] == {"phase": 1, "pillars": {"people": 1, "governance": 6,
                                                      "information": 6}}
    assert [(r["organisation"], r["role"], r["level"], r["phase"]) for r in data["respondents"]] \
        == [("Gemeente Rivierstad", "gemeente", "strategisch", 6),
            ("Stroomnet", "netbeheerder", "tactisch", 6),
            ("Bronwater", "drinkwaterbedrijf", "operationeel", 1)]
    spreads = [d["spread"] for d in data["divergence"]]
    assert spreads == sorted(spreads, reverse=True) and spreads
    assert {d["pillar"] for d in data["divergence"]} == {"people"}
    trust = next(d for d in data["divergence"] if d["question"] == "afspraak_gemeld")
    assert trust["answers"] == {"Gemeente Rivierstad": 5, "Stroomnet": 5, "Bronwater": 1}


def test_anonymous_report_names_no_organisation(cli, engine, write_answers):
    files = [str(p) for p in partners(engine, write_answers)]
    for output_format in ("markdown", "json"):
        out = cli("report", *files, "--anonymise", "--format", output_format).stdout
        assert "Stroomnet" not in out and "Bronwater" not in out
        assert "Gemeente Rivierstad" not in out
        assert "netbeheerder · tactisch" in out
    english = cli("report", *files, "--anonymise", "--lang", "en").stdout
    assert "grid operator · tactical" in english
    assert "netbeheerder" not in english


def test_files_of_different_coalitions_point_to_compare(cli, engine, write_answers):
    a = write_answers({}, "a.yaml")
    b = write_answers({}, "b.yaml", coalition="Molenveen")
    for command in ("report", "progress"):
        result = cli(command, str(a), str(b), expect=1)
        assert result.stdout == ""
        assert result.stderr == (
            f"error: {a}, {b}: these files belong to different coalitions (Molenveen, Rivierstad); "
            "a report or progress view covers one coalition. To set coalitions side by side, "
            "use 'stimulering compare FILE-or-FOLDER...'\n")


# --- progress ----------------------------------------------------------------------------------


def test_progress_over_two_dates(cli, engine, write_answers):
    high = highest(engine)
    first = write_answers({**high, "afspraak_gemeld": 1}, "2025.yaml", date="2025-11-01", actions=[
        {"what": "Vertrouwenssessie", "owner": "Piet", "item": "afspraak_gemeld"},
        {"what": "Convenant tekenen", "item": "overeenkomst_vorm"},
        {"what": "Al gedaan", "done": True}])
    second = write_answers({**high, "afspraak_gemeld": 4}, "2026.yaml", date="2026-11-01", actions=[
        {"what": "vertrouwenssessie ", "owner": "Piet", "item": "afspraak_gemeld", "done": True}])
    data = json.loads(cli("progress", str(second), str(first), "--format", "json").stdout)
    assert data["coalition"] == "Rivierstad"
    assert [p["date"] for p in data["points"]] == ["2025-11-01", "2026-11-01"]
    assert data["points"][1]["pillars"]["people"]["phase"] == 6
    step = data["steps"][0]
    assert step["moved"] == [{"question": "afspraak_gemeld", "pillar": "people", "before": 0.0,
                              "after": 0.75, "change": 0.75}]
    assert [(a["what"], a["status"]) for a in step["actions"]] == [
        ("Vertrouwenssessie", "done"), ("Convenant tekenen", "not_listed"),
        ("Al gedaan", "done")]
    assert step["comparable"] == 1.0
    assert data["warnings"] == []
    table = cli("progress", str(first), str(second)).stdout
    assert "Vergelijkbaar: 100% van de vragen (2025-11-01 → 2026-11-01)." in table
    markdown = cli("progress", str(first), str(second), "--format", "markdown").stdout
    assert "| Vertrouwenssessie | Piet | `afspraak_gemeld` | gedaan |" in markdown
    assert "| Convenant tekenen |   | `overeenkomst_vorm` | niet meer genoemd |" in markdown


def test_progress_over_three_dates_combines_respondents_of_one_date(cli, engine, write_answers):
    low, high = lowest(engine), highest(engine)
    files = [
        write_answers(low, "a.yaml", date="2024-05-01"),
        write_answers(high, "b.yaml", date="2025-05-01"),
        write_answers(low, "c.yaml", date="2025-05-01",
                      respondent={"organisation": "Bronwater", "role": "drinkwaterbedrijf",
                                  "level": "tactisch"}),
        write_answers(high, "d.yaml", date="2026-05-01"),
    ]
    data = json.loads(cli("progress", *map(str, files), "--format", "json").stdout)
    # The 2025 round had two tactical respondents: the questions for the board and for the
    # planners were asked of nobody, so they are open and the phase is a range.
    assert [(p["date"], p["respondents"], p["phase"]) for p in data["points"]] == [
        ("2024-05-01", 1, 1), ("2025-05-01", 2, None), ("2026-05-01", 1, 6)]
    assert data["points"][1]["phase_range"] == {"low": 1, "high": 2}
    first, second = data["steps"]
    # From all-lowest to the mean of lowest and highest, then to all-highest, for every
    # question both tactical respondents were asked.
    assert first["moved"][0]["change"] == 0.5
    assert second["moved"][0]["change"] == 0.5
    assert {m["change"] for m in first["moved"] + second["moved"]} == {0.5}


def renamed_set(tmp_path: Path) -> Path:
    """A copy of the shipped question set, version 1.1.0, with one item renamed."""
    from stimulering.sources.files import default_questions_path

    data = yaml.safe_load(default_questions_path().read_text(encoding="utf-8"))
    data["version"] = "1.1.0"
    item = next(q for q in data["questions"] if q["id"] == "afspraak_gemeld")
    item["id"] = "afspraak_zelf_gemeld"
    item["replaces"] = ["afspraak_gemeld"]
    path = tmp_path / "questions-1.1.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_progress_follows_an_item_renamed_through_replaces(cli, engine, write_answers,
                                                           tmp_path):
    high = highest(engine)
    old = write_answers({**high, "afspraak_gemeld": 2}, "old.yaml", date="2025-01-01")
    new_values = {key: value for key, value in high.items() if key != "afspraak_gemeld"}
    new = write_answers({**new_values, "afspraak_zelf_gemeld": 5}, "new.yaml",
                        date="2026-01-01")
    questions = renamed_set(tmp_path)
    data = json.loads(cli("progress", str(old), str(new), "--questions", str(questions),
                          "--format", "json").stdout)
    step = data["steps"][0]
    assert step["moved"] == [{"question": "afspraak_zelf_gemeld", "pillar": "people",
                              "before": 0.25, "after": 1.0, "change": 0.75}]
    assert step["comparable"] == 1.0
    assert data["warnings"] == []


def test_progress_warns_when_few_items_are_comparable(cli, engine, write_answers):
    high = highest(engine)
    scored = [q.id for q in engine.questions.questions if q.scored]
    # The older file answered a third of the items under ids this set does not know.
    renamed = set(scored[: len(scored) // 3])
    old = write_answers({(f"oud_{k}" if k in renamed else k): v for k, v in high.items()},
                        "old.yaml", date="2025-01-01")
    new = write_answers(high, "new.yaml", date="2026-01-01")
    data = json.loads(cli("progress", str(old), str(new), "--format", "json",
                          "--lang", "en").stdout)
    share = data["steps"][0]["comparable"]
    assert share < 0.8
    assert data["warnings"] == [
        f"Only {round(share * 100)}% of the questions is comparable between 2025-01-01 and "
        "2026-01-01 (another version of the question set, or respondents at other levels?); read "
        "the differences with care."]
    assert "Maar" in cli("progress", str(old), str(new)).stdout


# --- compare -----------------------------------------------------------------------------------


def build_archive(root: Path, engine, coalitions: int = 200, files: int = 2000) -> dict[str, str]:
    """Answers files spread over nested folders; returns each coalition's latest date."""
    rnd = random.Random(7)
    questions = [q for q in engine.questions.questions if q.scored and q.when is None]
    latest: dict[str, str] = {}
    for index in range(files):
        name = f"Coalitie {index % coalitions:03d}"
        date = f"{2020 + rnd.randrange(6)}-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}"
        latest[name] = max(latest.get(name, ""), date)
        values = {q.id: rnd.choice([1, 3, 5]) if q.type == "scale" else "weet_niet"
                  for q in questions[:12]}
        folder = root / f"regio-{index % 7}" / name.replace(" ", "_")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{index}.yaml").write_text(
            yaml.safe_dump(answers_document(values, coalition=name, date=date)),
            encoding="utf-8")
    (root / "LEESMIJ.md").write_text("not an answers file", encoding="utf-8")
    return latest


def test_compare_lists_every_coalition_with_its_latest_date(cli, engine, tmp_path):
    latest = build_archive(tmp_path / "archief", engine)
    data = json.loads(cli("compare", str(tmp_path / "archief"), "--format", "json").stdout)
    rows = data["coalitions"]
    assert len(rows) == 200
    assert {row["coalition"]: row["date"] for row in rows} == latest
    assert [row["coalition"] for row in rows] == sorted(latest)
    assert set(rows[0]) == {"coalition", "round", "date", "respondents", "agreed", "phase",
                            "phase_range", "undetermined", "pillars", "catalysts"}
    assert set(rows[0]["pillars"]["people"]) == {"phase", "phase_range", "score"}

    text = cli("compare", str(tmp_path / "archief"), "--format", "csv").stdout
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert len(parsed) == 200
    assert {row["coalition"]: row["date"] for row in parsed} == latest
    assert list(parsed[0].keys()) == [
        "coalition", "round", "date", "respondents", "agreed", "phase", "phase_low",
        "phase_high", *(f"{p}_{column}" for p in ("people", "governance", "information")
                        for column in ("phase", "phase_low", "phase_high", "score")),
        "catalysts"]


def test_compare_combines_respondents_of_the_latest_date(cli, engine, write_answers):
    low, high = lowest(engine), highest(engine)
    files = [write_answers(high, "a.yaml", date="2024-01-01"),
             write_answers(low, "b.yaml", date="2026-01-01"),
             write_answers(high, "c.yaml", date="2026-01-01",
                           respondent={"organisation": "Bronwater", "role": "drinkwaterbedrijf",
                                       "level": "tactisch"}),
             write_answers(high, "d.yaml", coalition="Molenveen", date="2025-06-30")]
    data = json.loads(cli("compare", *map(str, files), "--format", "json").stdout)
    assert [(r["coalition"], r["date"], r["respondents"]) for r in data["coalitions"]] == [
        ("Molenveen", "2025-06-30", 1), ("Rivierstad", "2026-01-01", 2)]
    rivierstad = data["coalitions"][1]
    # Each item's score is the mean over the respondents who were asked it; the low
    # answers hide some questions, which then count with the high answer alone. Both
    # respondents work at the tactical level: the rest of what they answered does not count.
    evaluations = [engine.evaluate_file(path) for path in files[1:3]]
    tactical = evaluations[0].answers.respondent
    items = [evaluation.assessment.items for evaluation in evaluations]
    means = [sum(scores) / len(scores) for scores in (
        [i[q.id].score for i in items if i[q.id].status == "answered"]
        for q in engine.questions.questions
        if q.pillar == "people" and q.scored and q.asks(tactical)) if scores]
    assert rivierstad["pillars"]["people"]["score"] == round(sum(means) / len(means), 4)
    assert 0.5 < rivierstad["pillars"]["people"]["score"] < 1
    markdown = cli("compare", *map(str, files), "--format", "markdown").stdout
    assert markdown.startswith("# Vergelijking van samenwerkingen\n\n| Samenwerking | Datum |")


def test_compare_anonymises_with_stable_codes(cli, engine, write_answers):
    files = [write_answers({}, "a.yaml"), write_answers({}, "b.yaml", coalition="Molenveen")]
    out = cli("compare", *map(str, files), "--format", "csv", "--anonymise").stdout
    codes = [row["coalition"] for row in csv.DictReader(io.StringIO(out))]
    expected = sorted("C-" + hashlib.sha256(name.encode()).hexdigest()[:6]
                      for name in ("rivierstad", "molenveen"))
    assert codes == expected
    assert "Rivierstad" not in out and "Molenveen" not in out


def test_compare_skips_a_broken_file_with_a_warning(cli, engine, write_answers, tmp_path):
    write_answers({}, "good.yaml")
    broken = tmp_path / "broken.yml"
    broken.write_text("coalition: [\n", encoding="utf-8")
    result = cli("compare", str(tmp_path), "--format", "json")
    assert len(json.loads(result.stdout)["coalitions"]) == 1
    assert result.stderr == (f"warning: skipped {broken}:2:1: YAML syntax error: did not find "
                             "expected node content (while parsing a flow node)\n")
    strict = cli("compare", str(tmp_path), "--strict", expect=1)
    assert strict.stderr.endswith("error: 1 of 2 files could not be read\n")
    only_broken = cli("compare", str(broken), expect=1)
    assert only_broken.stderr.endswith("error: 1 of 1 files could not be read\n")
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert cli("compare", str(empty), expect=1).stderr == (
        "error: no answers files found (folders are searched for *.yaml and *.yml)\n")


def test_compare_table_fits_80_columns_and_counts_catalysts(cli, engine, write_answers):
    write_answers(highest(engine), "a.yaml", coalition="Kustregio (KRO)")
    write_answers({}, "b.yaml", coalition="Rivierstad")
    folder = str(write_answers({}, "c.yaml", coalition="Lindeburg").parent)
    out = cli("compare", folder).stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    # A long coalition name may wrap onto a second line; its row holds the count. The
    # highest answers record working agreements, not a covenant: three of four catalysts.
    rows = {line.split()[0]: line.split()[-1] for line in out.splitlines()[2:]
            if line.endswith("/4")}
    assert rows == {"Lindeburg": "0/4", "Kustregio": "3/4", "Rivierstad": "0/4"}


def test_compare_and_progress_say_which_pillars_are_still_open(cli, engine, write_answers):
    high = highest(engine)
    people = {q.id for q in engine.questions.questions if q.pillar == "people"}
    few = {key: value for key, value in high.items() if key not in people}
    old = write_answers(few, "old.yaml", date="2025-06-01")
    new = write_answers(high, "new.yaml", date="2026-06-01")
    compare = json.loads(cli("compare", str(old), "--format", "json").stdout)
    row = compare["coalitions"][0]
    assert (row["phase"], row["pillars"]["people"]["phase"]) == (None, None)
    assert row["phase_range"] == row["pillars"]["people"]["phase_range"] == \
        {"low": 1, "high": 6}
    assert row["undetermined"] == {"reason": "unknown_answers", "pillars": ["people"]}
    progress = json.loads(cli("progress", str(old), str(new), "--format", "json").stdout)
    assert [p["undetermined"] for p in progress["points"]] == [
        {"reason": "unknown_answers", "pillars": ["people"]}, None]
    assert [p["phase"] for p in progress["points"]] == [None, 6]
    assert [p["phase_range"] for p in progress["points"]] == [
        {"low": 1, "high": 6}, {"low": 6, "high": 6}]
    table = cli("compare", str(old), "--format", "markdown").stdout
    assert "| 1–6 | 1–6 (–) | 6 (1,00) | 6 (1,00) |" in table


def test_compare_shows_names_and_codes_whole_however_wide_the_other_columns(
        cli, engine, write_answers, tmp_path):
    agreed = {"organisation": "Coalitie", "role": "coalitie", "level": "tactisch"}
    names = ["Rivierstad-Oost en Omstreken", "Groot-Polderwaard", "Kanaalstad"]
    for index, name in enumerate(names):
        # Half the answers (no phase for some pillars) and an agreed file: wide columns.
        half = {key: value for number, (key, value) in enumerate(highest(engine).items())
                if number % 2}
        write_answers(half, f"{index}.yaml", coalition=name)
        write_answers(half, f"{index}-c.yaml", coalition=name, respondent=agreed)
    for args, shown in ((["--lang", "en"], names), (["--anonymise"], [
            coalition_code(name) for name in names])):
        out = cli("compare", str(tmp_path), *args).stdout
        lines = out.splitlines()
        assert all(len(line) <= 80 for line in lines)
        # The first column, read down: a name goes on over the lines below it, whole.
        width = lines[1].index(" " + ("Date" if "--lang" in args else "Datum")) + 1
        first_column = "".join(line[:width].strip() for line in lines[2:-1]).replace(" ", "")
        for name in shown:
            assert name.replace(" ", "") in first_column, (name, out)


def test_compare_says_which_workbooks_in_a_folder_it_skipped(cli, engine, write_answers,
                                                             tmp_path):
    write_answers(highest(engine), "a.yaml", coalition="Kanaalstad")
    cli("template", "--format", "xlsx", "-o", str(tmp_path / "bronwater.xlsx"))
    result = cli("compare", str(tmp_path))
    assert "note: skipped 1 workbook in folders (compare reads a workbook named on the " \
           f"command line): {tmp_path / 'bronwater.xlsx'}" in result.stderr
