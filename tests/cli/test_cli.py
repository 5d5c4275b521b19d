"""The command line as a user meets it: outputs, exit codes and messages."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import yaml

from builders import highest
from stimulering import __version__


def test_version(cli):
    assert cli("--version").stdout == f"stimulering {__version__}\n"


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "stimulering", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout == f"stimulering {__version__}\n"


def test_help_lists_every_command_and_each_command_has_help(cli):
    import typer.main

    from stimulering.cli import app

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    out = cli("--help").stdout
    panel = out[out.index("─ Commands ─"):]
    # Each row of the commands panel starts with the command's name; a long description
    # continues on rows that start with spaces.
    listed = re.findall(r"^│ (\S+) {2,}", panel, flags=re.MULTILINE)
    assert sorted(listed) == sorted(commands)
    for name in commands:
        usage_line = cli(name, "--help").stdout.strip().splitlines()[0]
        assert usage_line.startswith(f"Usage: stimulering {name} "), name


def test_assess_text_shows_phase_pillars_and_advice(cli, write_answers, engine):
    path = write_answers(highest(engine) | {"vast_overleg": "nee"})
    out = cli("assess", "--answers", str(path)).stdout
    assert "Fase van de samenwerking: 1 · Verkennen" in out
    assert "Mens en samenwerking" in out
    assert "Nodig om fase 1 af te ronden: ‘Er is een vast, periodiek overleg" in out
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "\x1b[" not in out


def test_assess_in_english(cli, write_answers, engine):
    path = write_answers(highest(engine))
    out = cli("assess", "--answers", str(path), "--lang", "en").stdout
    assert "Phase of the collaboration: 6 · " in out
    assert "People and collaboration" in out


def test_assess_json_fields(cli, write_answers, engine):
    path = write_answers(highest(engine) | {"vast_overleg": "nee", "bestaat_niet": 3})
    data = json.loads(cli("assess", "--answers", str(path), "--format", "json").stdout)
    assert data["coalition"] == "Rivierstad"
    assert data["date"] == "2026-11-28"
    assert data["question_set"] == {"id": engine.questions.id,
                                    "version": engine.questions.version,
                                    "sha256": engine.sha256}
    assert data["phase"] == {"number": 1, "id": "verkennen", "name": "Verkennen"}
    assert data["pillars"]["people"]["phase"] == 1
    assert data["pillars"]["people"]["levels_met"] == 0
    assert data["pillars"]["people"]["explanation"]["failed_gates"] == ["vast_overleg"]
    assert data["pillars"]["governance"] | {"explanation": None} == {
        "phase": 6, "phase_id": "uitvoeren", "phase_range": {"low": 6, "high": 6},
        "deciding_unknown": [], "undetermined": None, "levels_met": 6, "held_by": [],
        "score": 1.0, "level_scores": {str(k): 1.0 for k in range(1, 7)}, "explanation": None}
    assert data["phase_range"] == {"low": 1, "high": 1}
    assert data["undetermined"] is None
    assert data["advice"]["people"][0]["kind"] == "gate"
    assert all(isinstance(i, str) for item in data["advice"]["people"]
               for i in item["instruments"])
    assert [w["code"] for w in data["warnings"]] == ["unknown_question", "hard_ahead"]
    assert data["warnings"][0]["ids"] == ["bestaat_niet"]


def test_assess_output_file_and_force(cli, write_answers, engine, tmp_path):
    path = write_answers(highest(engine))
    target = tmp_path / "result.json"
    cli("assess", "--answers", str(path), "--format", "json", "--output", str(target))
    written = target.read_text(encoding="utf-8")
    assert json.loads(written)["phase"]["number"] == 6
    refused = cli("assess", "--answers", str(path), "--format", "json", "--output", str(target),
                  expect=1)
    assert refused.stderr == f"error: {target}: exists already; use --force to replace it\n"
    assert target.read_text(encoding="utf-8") == written
    cli("assess", "--answers", str(path), "--output", str(target), "--force")
    assert "Fase van de samenwerking" in target.read_text(encoding="utf-8")


def test_assess_without_terminal_or_answers_exits_2(cli):
    result = cli("assess", expect=2, input="")
    assert "--answers" in result.stderr
    assert "stimulering template" in result.stderr


def test_unknown_language_is_a_usage_error(cli, write_answers, engine):
    path = write_answers(highest(engine))
    result = cli("assess", "--answers", str(path), "--lang", "de", expect=2)
    assert "Invalid value for '--lang': 'de': expected one of nl, en" in result.stderr


def test_answer_out_of_range_names_file_line_and_id(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(
        "stimulering_answers: 1\ncoalition: Lindeburg\n"
        "respondent: {organisation: Bronwater, role: drinkwaterbedrijf, level: strategisch}\n"
        "date: 2026-11-28\nanswers:\n  vast_overleg: ja\n  zelfde_niveau: 7\n",
        encoding="utf-8")
    result = cli("assess", "--answers", "a.yaml", expect=1)
    assert result.stdout == ""
    assert result.stderr == ("error: a.yaml:7:18: zelfde_niveau: expected a whole number "
                             "from 1 to 5 or weet_niet / nvt, got 7\n")


def test_broken_question_set_reports_every_problem(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "q.yaml").write_text(
        "id: mini\nversion: 1.0.0\nlanguages: [nl]\nquestions:\n"
        "  - id: a\n    pillar: people\n    category: onbekend\n    phase: 1\n"
        "    type: scale\n    text: {nl: tekst}\n    help: {nl: hulp}\n"
        "    when: {question: b, equals: ja}\n",
        encoding="utf-8")
    result = cli("validate", "q.yaml", expect=1)
    lines = result.stdout.splitlines()
    assert "q.yaml:7:15: a: unknown category 'onbekend' (known: challenges, finances, future, " \
           "goals, governance, lessons, means, process, successes)" in lines
    assert "q.yaml:12:22: a: refers to 'b', which is not an earlier question" in lines
    assert "q.yaml:5:3: every level needs a scored question without a 'when' condition; " \
           "missing for " + ", ".join(f"{p}/{k}" for p in ("people", "governance", "information")
                                      for k in range(1, 7)) in lines
    # The shipped model's catalysts and inhibitors look at questions this set lacks.
    assert "models/signals.yaml:39:21: coordinator: refers to 'regie_bij', " \
           "which is not a question of the question set" in lines
    assert result.stderr.endswith("problems found\n")


def test_template_lists_every_question_and_fills_into_a_valid_file(cli, engine, tmp_path):
    text = cli("template").stdout
    data = yaml.safe_load(text)
    assert list(data["answers"]) == [q.id for q in engine.questions.questions]
    assert all(value is None for value in data["answers"].values())
    assert "# ja | deels | nee | weet_niet | nvt" in text
    assert data["respondent"] == {"organisation": "", "role": "", "level": ""}
    data["coalition"] = "Molenveen"
    data["respondent"] = {"organisation": "Bronwater", "role": "drinkwaterbedrijf",
                          "level": "tactisch"}
    data["answers"] = highest(engine)
    path = tmp_path / "filled.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = json.loads(cli("assess", "--answers", str(path), "--format", "json").stdout)
    assert out["phase"]["number"] == 6
    assert out["warnings"] == []


def test_english_template_speaks_english_and_keeps_the_answer_values(cli, engine):
    text = cli("template", "--lang", "en").stdout
    data = yaml.safe_load(text)
    assert data["lang"] == "en"
    assert list(data["answers"]) == [q.id for q in engine.questions.questions]
    assert "# --- People ---" in text
    assert "# Then run: stimulering assess --answers THIS_FILE" in text
    # The values to fill in stay the Dutch ids the file format knows.
    assert "# ja | deels | nee | weet_niet | nvt" in text
    assert "Verwerken" not in text and "Mens en samenwerking" not in text


def test_questions_table_and_json(cli, engine):
    table = cli("questions").stdout
    # Every question of the shipped set has its row, numbered, in the set's order.
    rows = [match.groups() for match in
            re.finditer(r"^ {0,4}(\d+) +([a-z][a-z0-9_]*) ", table, flags=re.MULTILINE)]
    ids = [q.id for q in engine.questions.questions]
    assert rows == [(str(number), qid) for number, qid in enumerate(ids, start=1)]
    listing = json.loads(cli("questions", "--format", "json", "--lang", "en").stdout)
    assert [q["id"] for q in listing["questions"]] == [q.id for q in engine.questions.questions]
    scale = next(q for q in listing["questions"] if q["type"] == "scale")
    assert [o["label"] for o in scale["options"]][0] == "strongly disagree"


def test_error_shows_traceback_only_with_debug(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text("just text\n", encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "stimulering", "assess", "--answers", "a.yaml"],
                           capture_output=True, text=True, check=False)
    assert plain.returncode == 1
    assert "Traceback" not in plain.stderr
    debug = subprocess.run([sys.executable, "-m", "stimulering", "--debug", "assess",
                            "--answers", "a.yaml"], capture_output=True, text=True, check=False)
    assert "Traceback" in debug.stderr


def test_validate_checks_an_unrecognisable_file_as_a_question_set(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "other.yaml").write_text("stimulering_answers: 1\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("id: regio_set\nversion: 2\n", encoding="utf-8")
    result = cli("validate", "b.yaml", expect=1)
    assert result.stdout == (
        "b.yaml:2:10: regio_set: version: Input should be a valid string, not a number\n"
        "b.yaml:1:1: regio_set: missing key 'languages'\n"
        "b.yaml:1:1: regio_set: missing key 'questions'\n")


def test_validate_reports_answers_and_question_set_problems_together(cli, tmp_path,
                                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "set.yaml").write_text("id: regio_set\nversion: 2\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "stimulering_answers: 1\ncoalition: Lindeburg\n"
        "respondent: {organisation: Bronwater, role: bakker, level: strategisch}\n"
        "date: 2026-11-28\n", encoding="utf-8")
    (tmp_path / "kapot.yaml").write_text("a: [1\n", encoding="utf-8")
    result = cli("validate", "set.yaml", "a.yaml", "kapot.yaml", expect=1)
    assert result.stdout == (
        "a.yaml:3:45: respondent.role: Input should be 'gemeente', 'netbeheerder', "
        "'drinkwaterbedrijf', 'waterschap', 'warmte', 'telecom', 'overig' or 'coalitie'\n"
        "kapot.yaml:2:1: YAML syntax error: did not find expected ',' or ']' (while parsing a "
        "flow sequence that starts on line 1)\n"
        "set.yaml:2:10: regio_set: version: Input should be a valid string, not a number\n"
        "set.yaml:1:1: regio_set: missing key 'languages'\n"
        "set.yaml:1:1: regio_set: missing key 'questions'\n")


def test_validate_locates_an_answer_its_question_does_not_accept(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    good = ("stimulering_answers: 1\ncoalition: Lindeburg\n"
            "respondent: {organisation: Bronwater, role: drinkwaterbedrijf, level: strategisch}\n"
            "date: 2026-11-28\nanswers:\n  vast_overleg: ja\n  zelfde_niveau: 4\n")
    (tmp_path / "goed.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "fout.yaml").write_text(good.replace(": 4", ": 9"), encoding="utf-8")
    result = cli("validate", "goed.yaml", "fout.yaml", expect=1)
    assert result.stdout == ("fout.yaml:7:18: zelfde_niveau: expected a whole number from 1 "
                             "to 5 or weet_niet / nvt, got 9\n")
    assert result.stderr == "1 problem found\n"
    assert cli("validate", "goed.yaml").stderr == "ok: 3 items checked\n"


def test_a_decimal_is_no_scale_answer(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(
        "stimulering_answers: 1\ncoalition: Lindeburg\n"
        "respondent: {organisation: Bronwater, role: drinkwaterbedrijf, level: strategisch}\n"
        "date: 2026-11-28\nanswers:\n  zelfde_niveau: 3.0\n", encoding="utf-8")
    result = cli("assess", "--answers", "a.yaml", expect=1)
    assert result.stderr == ("error: a.yaml:6:18: zelfde_niveau: expected a whole number "
                             "from 1 to 5 or weet_niet / nvt, got 3.0\n")


def test_assess_markdown_to_a_file_writes_the_chart_it_links(cli, write_answers, engine,
                                                             tmp_path):
    path = write_answers(highest(engine))
    target = tmp_path / "verslag.md"
    cli("assess", "--answers", str(path), "--format", "markdown", "--output", str(target))
    assert "(verslag-radar.svg)" in target.read_text(encoding="utf-8")
    assert (tmp_path / "verslag-radar.svg").read_text(encoding="utf-8").startswith("<svg")
    report = tmp_path / "report.md"
    cli("report", str(path), "-o", str(report))
    assert report.read_text(encoding="utf-8") == target.read_text(encoding="utf-8").replace(
        "verslag-radar.svg", "report-radar.svg")


def test_the_public_api_loads_and_assesses(write_answers, engine):
    import stimulering

    path = write_answers(highest(engine))
    evaluation = stimulering.assess(path)
    assert evaluation.assessment.phase == 6
    assert stimulering.load().questions == engine.questions


def test_unknown_answers_leave_the_phase_open_in_text_json_and_markdown(
        cli, write_answers, engine):
    values = {q.id: "weet_niet" for q in engine.questions.questions if q.scored}
    path = write_answers(values | {"vast_overleg": "ja"})
    text = cli("assess", "--answers", str(path)).stdout
    assert "Fase van de samenwerking: 1–6 · nog open" in text
    data = json.loads(cli("assess", "--answers", str(path), "--format", "json").stdout)
    assert (data["phase"], data["phase_range"]) == (None, {"low": 1, "high": 6})
    people = engine.evaluate_file(path).assessment.pillars["people"]
    assert data["pillars"]["people"]["phase"] is None
    assert data["pillars"]["people"]["undetermined"] == {
        "reason": "unknown_answers", "answered": 1, "counting": people.counting,
        "unknown": people.counting - 1}
    assert data["undetermined"] == {
        "reason": "unknown_answers", "pillars": ["people", "governance", "information"],
        "message": "De fase van de samenwerking ligt nog open: fase 1 tot en met 6, "
                   "afhankelijk van antwoorden die nog onbekend zijn."}
    markdown = cli("assess", "--answers", str(path), "--format", "markdown").stdout
    assert "**Fase van de samenwerking: 1–6 · nog open**" in markdown


def test_answering_nvt_everywhere_stops_the_pillar_where_nothing_applies(
        cli, write_answers, engine):
    # The first level keeps its answers; every later level of people is not applicable,
    # so no level there can be met, whatever was answered elsewhere.
    best = highest(engine)
    later = [q.id for q in engine.questions.questions
             if q.scored and q.pillar == "people" and q.phase > 1]
    data = json.loads(cli("assess", "--answers", str(write_answers(
        best | {qid: "nvt" for qid in later})), "--format", "json").stdout)
    assert data["pillars"]["people"]["phase"] == 2
    assert data["pillars"]["people"]["explanation"]["reasons"] == ["no_items"]
    assert data["pillars"]["governance"]["phase"] == 6


def test_an_open_pillar_shows_its_range_and_its_score(cli, write_answers, engine):
    people = {q.id for q in engine.questions.questions if q.pillar == "people"}
    values = {k: v for k, v in highest(engine).items() if k not in people}
    path = write_answers(values | {"vast_overleg": "ja"})
    markdown = cli("assess", "--answers", str(path), "--format", "markdown").stdout
    assert "| Mens en samenwerking | 1–6 | 1,00 | – | – | – | – | – | 1,00 |" in markdown
    data = json.loads(cli("assess", "--answers", str(path), "--format", "json").stdout)
    assert data["pillars"]["people"]["score"] == 1.0
    assert data["pillars"]["people"]["phase_range"] == {"low": 1, "high": 6}
    assert data["pillars"]["governance"]["phase"] == 6


def test_questions_table_shows_no_phase_gate_or_score(cli):
    table = cli("questions").stdout
    header = table.splitlines()[1].split()
    assert header == ["#", "id", "pijler", "type", "tekst"]
    assert "⚑" not in table and "⇅" not in table


def test_template_says_what_options_mean_and_when_in_words(cli):
    text = cli("template").stdout
    lines = text.splitlines()
    assert '  role: ""  # kies: gemeente | netbeheerder | drinkwaterbedrijf | waterschap | ' \
           'warmte | telecom | overig' in lines
    assert '  level: ""  # kies: strategisch | tactisch | operationeel' in lines
    at = lines.index("  regie_mandaat:")
    assert lines[at - 1] == ("  # alleen als regie_bij is gemeente of coordinator of "
                             "coordinatiepunt of convenantmanagers")
    # Questions about joint projects say in words that they come only with a project.
    at = lines.index("  klic_orientatie:")
    assert lines[at - 1] == "  # alleen als gezamenlijke_projecten is gestart"
    at = lines.index("  overeenkomst_vorm:")
    assert lines[at - 6:at] == [
        "  # een van deze waarden, of weet_niet / nvt:",
        "  #   niets: Nog niet vastgelegd",
        "  #   in_voorbereiding: Er wordt aan een tekst gewerkt, maar die is nog niet vastgesteld",
        "  #   werkafspraken: In werkafspraken die alle partners hebben vastgesteld",
        "  #   intentieverklaring: In een intentieverklaring",
        "  #   convenant: In een convenant of samenwerkingsovereenkomst"]
    for word in ("fase", "score", "gewicht", "poortvraag", "gate", "volwassen"):
        assert not re.search(rf"\b{word}\b", text.lower()), word


def test_every_command_with_lang_refuses_a_language_it_cannot_speak(cli):
    import typer.main

    from stimulering.cli import app

    group = typer.main.get_command(app)
    with_lang = sorted(name for name, command in group.commands.items()  # type: ignore[attr-defined]
                       if any("--lang" in p.opts for p in command.params))
    assert {"assess", "report", "diff", "catalogue", "progress", "compare"} <= set(with_lang)
    for name in with_lang:
        result = cli(name, "--lang", "de", expect=2)
        assert "'de': expected one of nl, en" in result.stderr, name
