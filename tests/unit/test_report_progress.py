"""report/progress: one coalition over time as JSON, markdown and a terminal table."""

from __future__ import annotations

import datetime as dt
import json

from builders import answers_document, highest, lowest
from stimulering.core.progress import progress
from stimulering.model import Answers
from stimulering.report.progress import (
    dates_text,
    render_progress_json,
    render_progress_markdown,
    render_progress_table,
    step_warning,
)

COALITION = "Kanaalstad | *sterk* <b>"


def answers(values, date, round_label, organisation="Stroomnet", actions=(), level="tactisch"):
    return Answers.model_validate(answers_document(
        values, coalition=COALITION, date=date, round=round_label,
        respondent={"organisation": organisation, "role": "gemeente", "level": level},
        actions=list(actions)))


def history(engine, later=None):
    """Two rounds: everything lowest in May (a partner at each level), then everything
    highest in November."""
    first = [answers(lowest(engine), "2026-05-04", "voorjaar 2026",
                     actions=[{"what": "Vast overleg starten", "owner": "Gemeente"},
                              {"what": "Kaart delen"}]),
             answers(lowest(engine), "2026-05-06", "voorjaar 2026", organisation="Waternet",
                     level="strategisch"),
             answers(lowest(engine), "2026-05-05", "voorjaar 2026", organisation="Bronwater",
                     level="operationeel")]
    second = later or [answers(highest(engine), "2026-11-10", "najaar 2026",
                               actions=[{"what": "vast  overleg starten", "done": True}])]
    return progress(engine.scorer, first + second)


def test_json_has_a_point_per_round_and_what_moved_between_them(engine):
    result = history(engine)
    data = json.loads(render_progress_json(result, "en"))
    assert data["coalition"] == COALITION
    assert [(p["round"], p["first_date"], p["date"], p["respondents"], p["phase"])
            for p in data["points"]] == [
        ("voorjaar 2026", "2026-05-04", "2026-05-06", 3, result.points[0].assessment.phase),
        ("najaar 2026", "2026-11-10", "2026-11-10", 1, 6)]
    (step,) = data["steps"]
    assert (step["from"], step["to"]) == ("2026-05-06", "2026-11-10")
    scored = {q.id for q in engine.questions.questions if q.scored}
    assert {m["question"] for m in step["moved"]} <= scored
    assert all(m["change"] > 0 for m in step["moved"])
    assert [(a["what"], a["status"]) for a in step["actions"]] == [
        ("Vast overleg starten", "done"), ("Kaart delen", "not_listed")]
    assert data["warnings"] == []


def test_a_step_with_few_comparable_questions_carries_a_warning(engine):
    few = {q.id: v for q, v in zip(engine.questions.questions, highest(engine).values(),
                                   strict=True)
           if q.id in ("vast_overleg", "contactpersonen_bekend")}
    result = history(engine, later=[answers(few, "2026-11-10", "najaar 2026")])
    (step,) = result.steps
    assert step.comparable < 0.8
    for lang in ("nl", "en"):
        warning = step_warning(step, lang)
        assert warning is not None and "2026-05-06" in warning and "2026-11-10" in warning
        assert json.loads(render_progress_json(result, lang))["warnings"] == [warning]
    assert step_warning(history(engine).steps[0], "en") is None


def test_dates_of_a_round_are_one_date_or_a_range():
    day = dt.date(2026, 5, 6)
    assert dates_text(None, day) == "2026-05-06"
    assert dates_text(day, day) == "2026-05-06"
    assert dates_text(dt.date(2026, 5, 4), day) == "2026-05-04 – 2026-05-06"


def test_markdown_keeps_file_text_from_making_structure(engine):
    result = history(engine)
    text = render_progress_markdown(result, engine.questions, engine.model, "nl")
    heading = text.splitlines()[0]
    assert heading.startswith("# ") and "Kanaalstad" in heading
    assert "<b>" not in text and "| *sterk*" not in heading
    rows = [line for line in text.splitlines() if line.startswith(("| voorjaar", "| najaar"))]
    assert [row.split(" | ")[0] for row in rows] == ["| voorjaar 2026", "| najaar 2026"]
    assert "2026-05-04 – 2026-05-06" in rows[0]


def test_the_table_shows_every_round_and_no_escape_without_colour(engine):
    result = history(engine)
    text = render_progress_table(result, engine.questions, engine.model, "en")
    assert "\x1b" not in text
    assert "Kanaalstad | *sterk* <b>" in text  # shown as it is, not read as markup
    assert "2026-05-04 – 2026-05-06" in text and "2026-11-10" in text
    assert max(len(line) for line in text.splitlines()) <= 80
