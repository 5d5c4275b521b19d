"""The hostile-text corpus through every output format: shown as typed, never obeyed.

Every text of ``outputs.CORPUS`` stands in a valid answers file, in each place a user
writes text: the coalition, the organisation, a free-text answer, a note, an action and
its owner. Each command that shows answers files writes each of its formats, and the
file is opened with the tool a reader would use (``outputs.read``). Hidden characters
must arrive as their code points, as on the terminal; JSON keeps the text exactly; no
workbook or CSV cell may run as a formula.
"""

from __future__ import annotations

import json

import pytest

from builders import highest
from outputs import CORPUS, SHOWN, arguments, every_output, read
from stimulering.report.formats import ReportFormat
from stimulering.sanitise import visible

TEXT_ANSWER = "deelnemende_partijen"


def strings(data: object) -> list[str]:
    """Every text in a JSON document, keys and values."""
    if isinstance(data, dict):
        return [*data, *(text for value in data.values() for text in strings(value))]
    if isinstance(data, list):
        return [text for value in data for text in strings(value)]
    return [data] if isinstance(data, str) else []


NAMES = {"hidden": ["control", "escape", "bidi", "separators"],
         "active": ["formula", "markup", "xml"]}
"""The coalition's name in each variant: every hidden character, or text that could act."""


@pytest.fixture(params=sorted(NAMES))
def hostile(request, write_answers, engine):
    """Two files of one coalition a year apart, every kind of user text hostile.

    The coalition and the organisation carry the variant's texts; the notes, actions,
    owners and the free-text answer carry the whole corpus, one text each.
    """
    names = NAMES[request.param]
    coalition = " ".join(CORPUS[name] for name in names)
    questions = [q.id for q in engine.questions.questions if q.type != "text"]
    files = []
    for year in (2025, 2026):
        values = highest(engine)
        values[TEXT_ANSWER] = " ".join(CORPUS.values())
        files.append(write_answers(
            values, f"hostile-{year}.yaml", coalition=coalition, date=f"{year}-11-01",
            respondent={"organisation": CORPUS[names[-1]], "role": "gemeente",
                        "level": "tactisch"},
            notes=dict(zip(questions, CORPUS.values(), strict=False)),
            actions=[{"what": text, "owner": CORPUS[owner], "item": questions[0]}
                     for text, owner in zip(CORPUS.values(), names, strict=False)]))
    return names, coalition, files


@pytest.mark.parametrize(("command", "kind"), every_output())
def test_every_output_shows_hostile_text_as_typed(cli, hostile, tmp_path, command, kind):
    names, coalition, files = hostile
    target = tmp_path / f"out.{kind}"
    cli(*arguments(command, kind, files, target))
    seen = read(kind, target)
    if kind == "json":
        assert any(coalition in text for text in strings(json.loads(seen)))
        return
    unwrapped = " ".join(seen.split())
    for name in names:
        for shown in SHOWN.get(name, []):
            # Tables may wrap a long name over lines: compare with white space collapsed.
            # A terminal table may also cut a long name short to fit 80 columns.
            wanted = " ".join(shown.split())[:12 if kind == "table" else None]
            assert wanted in unwrapped, f"{wanted!r} not shown"
    chart = target.with_name(f"{target.stem}-radar.svg")
    if chart.exists():
        read("svg", chart)


@pytest.mark.parametrize("kind", [f.value for f in ReportFormat if f.value != "xlsx"])
def test_the_coalition_view_shows_hostile_text_as_typed(cli, write_answers, engine, tmp_path,
                                                       kind):
    """xlsx is the single report's plan; the coalition view refuses it (a usage error)."""
    files = [write_answers(highest(engine), f"{name}.yaml", coalition=CORPUS["control"],
                           respondent={"organisation": f"{name} {CORPUS['escape']}",
                                       "role": role, "level": "tactisch"},
                           notes={"vast_overleg": CORPUS["bidi"]})
             for name, role in (("gemeente", "gemeente"), ("stroomnet", "netbeheerder"))]
    target = tmp_path / f"coalitie.{kind}"
    cli("report", *map(str, files), "--format", kind, "-o", str(target))
    seen = read(kind, target)
    if kind != "json":
        for shown in SHOWN["control"] + SHOWN["escape"]:
            assert shown in seen or shown in "".join(seen.split("\n"))


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_report_workbook_never_turns_user_text_into_a_formula(cli, write_answers, engine,
                                                                 tmp_path, text):
    path = write_answers(highest(engine), coalition=text, notes={"vast_overleg": text},
                         actions=[{"what": text, "owner": text}])
    target = tmp_path / "plan.xlsx"
    cli("report", str(path), "--format", "xlsx", "-o", str(target))
    assert visible(text) in read("xlsx", target)
