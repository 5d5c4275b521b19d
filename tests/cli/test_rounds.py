"""Assessment rounds: three partners of one coalition, files either side of midnight.

A round is what a steering group calls "our assessment of May": report, compare and
progress must put the same files together, say so, and treat the coalition's own
(consensus) file as the agreed result rather than a fourth respondent.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml

from builders import highest, lowest

GEMEENTE = {"organisation": "Gemeente Kanaalstad", "role": "gemeente", "level": "strategisch"}
NETBEHEERDER = {"organisation": "Stroomnet", "role": "netbeheerder", "level": "tactisch"}
DRINKWATER = {"organisation": "Bronwater", "role": "drinkwaterbedrijf", "level": "operationeel"}
COALITIE = {"organisation": "Coalitie Kanaalstad", "role": "coalitie", "level": "tactisch"}


# --- through the command line -------------------------------------------------------------


@pytest.fixture
def kanaalstad(engine, write_answers):
    """Three partners of Kanaalstad, one at each level; the last one answered just after
    midnight. The two others each answer a different third of the questions low."""
    high, low = highest(engine), lowest(engine)

    def mixed(third):
        return {key: (low[key] if index % 3 == third else value)
                for index, (key, value) in enumerate(high.items())}

    common = {"coalition": "Kanaalstad"}
    return [
        write_answers(high, "gemeente.yaml", respondent=GEMEENTE, date="2026-05-12", **common),
        write_answers(mixed(0), "stroomnet.yaml", respondent=NETBEHEERDER, date="2026-05-12",
                      **common),
        write_answers(mixed(1), "bronwater.yaml", respondent=DRINKWATER, date="2026-05-13",
                      **common),
    ]


def test_report_compare_and_progress_agree_that_three_files_are_one_round(cli, kanaalstad):
    files = [str(path) for path in kanaalstad]
    report = cli("report", *files, "--format", "json")
    dates = "2026-05-12 – 2026-05-13"
    assert f"3 bestanden samengenomen als ronde {dates} (zonder naam" in report.stderr
    data = json.loads(report.stdout)
    assert data["round"] == dates and len(data["respondents"]) == 3

    progress = json.loads(cli("progress", *files, "--format", "json").stdout)
    assert [(p["round"], p["first_date"], p["date"], p["respondents"])
            for p in progress["points"]] == [(dates, "2026-05-12", "2026-05-13", 3)]

    compare = json.loads(cli("compare", *files, "--format", "json").stdout)["coalitions"]
    assert [(row["round"], row["date"], row["respondents"], row["phase"])
            for row in compare] == [(dates, "2026-05-13", 3, data["phase"]["number"])]


def test_an_earlier_round_is_left_out_of_the_report_and_kept_apart_in_progress(
        cli, engine, kanaalstad, write_answers):
    older = write_answers(lowest(engine), "gemeente-2025.yaml", respondent=GEMEENTE,
                          coalition="Kanaalstad", date="2025-11-03", round="najaar 2025")
    files = [str(path) for path in [older, *kanaalstad]]
    report = cli("report", *files)
    assert "3 bestanden samengenomen als ronde 2026-05-12 – 2026-05-13" in report.stderr
    assert "gemeente-2025.yaml (uit de eerdere ronde najaar 2025)" \
        in report.stderr.split("Niet meegenomen")[1]
    assert "- **Respondenten:** 3" in report.stdout

    points = json.loads(cli("progress", *files, "--format", "json").stdout)["points"]
    assert [(p["round"], p["respondents"]) for p in points] == [
        ("najaar 2025", 1), ("2026-05-12 – 2026-05-13", 3)]
    table = cli("progress", *files).stdout
    assert "2025-11-03" in table and "2026-05-12 – 2026-05-13" in table


def test_the_coalition_file_is_shown_as_the_agreed_result(cli, engine, kanaalstad,
                                                         write_answers):
    agreed = write_answers(highest(engine), "coalitie.yaml", respondent=COALITIE,
                           coalition="Kanaalstad", date="2026-05-20", round="2026-05")
    files = [str(path) for path in [*kanaalstad, agreed]]
    data = json.loads(cli("report", *files, "--format", "json").stdout)
    assert len(data["respondents"]) == 3
    assert data["agreed"] == {"date": "2026-05-20", "phase": 6,
                              "phase_range": {"low": 6, "high": 6}}
    assert data["phase"]["number"] == 6
    markdown = cli("report", *files).stdout
    assert "- **Respondenten:** 3" in markdown
    assert "| **Afgesproken resultaat** | 2026-05-20 | **6** | **6** | **6** | **6** |" \
        in markdown

    row = json.loads(cli("compare", *files, "--format", "json").stdout)["coalitions"][0]
    assert (row["respondents"], row["agreed"], row["phase"]) == (3, True, 6)
    assert "3 + coalitie" in cli("progress", *files).stdout


def test_the_agenda_says_why_and_shows_ten_unless_all_are_asked(cli, kanaalstad):
    files = [str(path) for path in kanaalstad]
    topics = json.loads(cli("report", *files, "--format", "json").stdout)["divergence"]
    assert len(topics) > 10
    keys = [(-t["steps"], -t["weight"], -t["gate"]) for t in topics]
    assert keys == sorted(keys)
    assert all(t["why"].split(" ")[1] in ("antwoordstap", "antwoordstappen") for t in topics)
    short = cli("report", *files).stdout.split("## Gespreksonderwerpen")[1].split("\n## ")[0]
    assert re.findall(r"^\d+\. `(\w+)`", short, re.M) == [t["question"] for t in topics[:10]]
    assert f"De eerste 10 van {len(topics)} onderwerpen" in short
    every = cli("report", *files, "--all").stdout.split("## Gespreksonderwerpen")[1]
    assert len(re.findall(r"^\d+\. `", every.split("\n## ")[0], re.M)) == len(topics)


def test_free_text_answers_and_first_steps_reach_the_coalition_report(cli, engine,
                                                                      write_answers):
    high = highest(engine)
    files = [
        str(write_answers({**high, "volgende_stap": "Een gezamenlijke planning voor 2027"},
                          "a.yaml", respondent=GEMEENTE, coalition="Kanaalstad")),
        str(write_answers({**high, "volgende_stap": "Een gezamenlijke planning voor 2027",
                           "grootste_les": "Begin klein"},
                          "b.yaml", respondent=NETBEHEERDER, coalition="Kanaalstad")),
    ]
    summary = cli("report", *files).stdout.split("## Samenvatting")[1].split("\n## ")[0]
    assert "### In eigen woorden" in summary
    assert "Gemeente Kanaalstad, Stroomnet: Een gezamenlijke planning voor 2027" in summary
    assert "Stroomnet: Begin klein" in summary


def test_validate_checks_a_folder_of_answers_files_as_answers(cli, kanaalstad, tmp_path):
    folder = kanaalstad[0].parent
    assert "ok" in cli("validate", str(folder)).stderr
    broken = yaml.safe_load(kanaalstad[0].read_text(encoding="utf-8"))
    broken["answers"]["scope_verbreding"] = ["geen", "warmte"]
    (folder / "kapot.yaml").write_text(yaml.safe_dump(broken), encoding="utf-8")
    result = cli("validate", str(folder), expect=1)
    assert "kapot.yaml" in result.stdout and "scope_verbreding" in result.stdout
    assert "'geen' cannot be chosen together with another option" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
