"""Small question sets, models and answers for engine tests, built in code."""

from __future__ import annotations

import datetime as dt
from typing import Any

from stimulering.core.interview import Interview, parse_input
from stimulering.model import (
    PHASE_IDS,
    PILLARS,
    Answers,
    Model,
    Question,
    QuestionSet,
    Respondent,
)

TEXT = {"nl": "tekst", "en": "text"}


def question(qid: str, pillar: str = "people", phase: int = 1, type_: str = "scale",
             **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": qid, "pillar": pillar, "category": "process", "phase": phase,
                            "type": type_, "text": TEXT, "help": TEXT}
    data.update(extra)
    return data


def option(oid: str, score: float) -> dict[str, Any]:
    return {"id": oid, "label": TEXT, "score": score}


def question_set(questions: list[dict[str, Any]], fill_levels: bool = True) -> QuestionSet:
    """A set with the given questions; every empty level gets one plain scale item."""
    items = list(questions)
    if fill_levels:
        for pillar in PILLARS:
            for phase in range(1, 7):
                if not any(q["pillar"] == pillar and q["phase"] == phase for q in items):
                    items.append(question(f"{pillar}_{phase}", pillar, phase))
    return QuestionSet.model_validate(
        {"id": "test_set", "version": "1.0.0", "languages": ["nl", "en"], "questions": items})


def model(signals: list[dict[str, Any]] | None = None, threshold: float = 0.6,
          phase_thresholds: dict[int, float] | None = None) -> Model:
    """A model with advice for every level."""
    phases = []
    for number, phase_id in enumerate(PHASE_IDS, start=1):
        phase: dict[str, Any] = {"number": number, "id": phase_id, "name": TEXT,
                                 "description": TEXT}
        if phase_thresholds and number in phase_thresholds:
            phase["threshold"] = phase_thresholds[number]
        phases.append(phase)
    return Model.model_validate({
        "settings": {"id": "test_model", "version": "1.0.0", "languages": ["nl", "en"],
                     "threshold": threshold},
        "pillars": [{"id": p, "name": TEXT, "description": TEXT} for p in PILLARS],
        "categories": [{"id": "process", "name": TEXT}],
        "phases": phases,
        "signals": signals or [],
        "advice": [{"pillar": p, "phase": k, "text": TEXT, "instruments": ["tool"]}
                   for p in PILLARS for k in range(1, 7)],
        "instruments": [{"id": "tool", "name": TEXT, "description": TEXT, "pillars": ["people"],
                         "phases": [1], "categories": ["process"], "source": "test"}],
        "examples": [],
    })


def answers(values: dict[str, Any], **extra: Any) -> Answers:
    data: dict[str, Any] = {
        "stimulering_answers": 1,
        "coalition": "Testdorp",
        "respondent": {"organisation": "Gemeente Testdorp", "role": "gemeente",
                       "level": "tactisch"},
        "date": dt.date(2026, 11, 28),
        "answers": values,
    }
    data.update(extra)
    return Answers.model_validate(data)


def best_value(q: Question) -> Any:
    """The answer with the highest score."""
    if q.type == "scale":
        return 1 if q.reverse else 5
    if q.type == "yesno":
        return "ja"
    if q.context and q.type in ("choice", "multi", "number"):
        return context_value(q)
    if q.type == "choice":
        return max(q.options or [], key=lambda o: o.score or 0.0).id
    if q.type == "multi":
        return [o.id for o in q.options or [] if (o.score or 0.0) > 0]
    if q.type == "number":
        return max(q.bands or [], key=lambda b: b.score).min
    return "context"


def context_value(q: Question) -> Any:
    """An answer to a context question: its first option, or a number."""
    if q.type == "choice":
        return (q.options or [])[0].id
    if q.type == "multi":
        return [(q.options or [])[0].id]
    return 3


def worst_value(q: Question) -> Any:
    """The answer with the lowest score."""
    if q.type == "scale":
        return 5 if q.reverse else 1
    if q.type == "yesno":
        return "nee"
    if q.context and q.type in ("choice", "multi", "number"):
        return context_value(q)
    if q.type == "choice":
        return min(q.options or [], key=lambda o: o.score or 0.0).id
    if q.type == "multi":
        return []
    if q.type == "number":
        return min(q.bands or [], key=lambda b: b.score).min
    return "context"


def answers_document(values: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A whole answers file as data."""
    data: dict[str, Any] = {
        "stimulering_answers": 1,
        "coalition": "Rivierstad",
        "respondent": {"organisation": "Stroomnet", "role": "netbeheerder", "level": "tactisch"},
        "date": "2026-11-28",
        "lang": "nl",
        "answers": values,
    }
    data.update(extra)
    return data


def highest(engine: Any) -> dict[str, Any]:
    """Every question answered with its highest-scoring value."""
    return {q.id: best_value(q) for q in engine.questions.questions}


def lowest(engine: Any) -> dict[str, Any]:
    """Every question answered with its lowest-scoring value."""
    return {q.id: worst_value(q) for q in engine.questions.questions}


WHO_RESPONDENT = Respondent(organisation="Stroomnet", role="netbeheerder", level="strategisch")
"""Who answers in the interview tests: asked the questions for their role and level (a
director of a grid operator, asked the board's questions too)."""
WHO = ["--coalition", "Rivierstad", "--organisation", WHO_RESPONDENT.organisation,
       "--role", WHO_RESPONDENT.role, "--level", WHO_RESPONDENT.level]


def typed_for(question) -> str:
    """A valid line for a question of the shipped set."""
    return {"text": "Gemeente, Stroomnet en Bronwater", "scale": "4", "yesno": "1", "choice": "2",
            "multi": "2, 3", "number": "2,5"}[question.type]


def whole_interview(engine, respondent: Respondent = WHO_RESPONDENT) -> list[str]:
    """The lines that answer every question a respondent is asked, in order."""
    interview = Interview(engine.scorer, respondent=respondent)
    lines = []
    while interview.current is not None:
        line = typed_for(interview.current)
        parsed = parse_input(interview.current, line, "nl")
        interview.answer(parsed.value)
        lines.append(line)
    return lines


def flat(text: str) -> str:
    """Output with its line wrapping undone, to find sentences in it."""
    return " ".join(text.split())


FORBIDDEN = r"\b(score|scores|scoort|fase|fasen|phase|phases|volwassen|mature|gate|poortvraag|" \
            r"weight|weights|gewicht|drempel|threshold|band|bands)\b"
"""Words a respondent must not read (as in the interview's and the template's tests)."""


HOSTILE = ('</script><script>alert("x")</script> <img src=x onerror=alert(1)> '
           "<!-- \"quotes\" 'single' & \x01\x07\x1b[31m \u2028 </SCRIPT >")


def hostile_set():
    text = {"nl": HOSTILE, "en": HOSTILE}
    return question_set([
        question("kies", type_="choice", text=text, help=text,
                 options=[{"id": "a", "label": text, "score": 1.0},
                          {"id": "b", "label": {"nl": "b", "en": "b"}, "score": 0.0}]),
        question("vervolg", when={"question": "kies", "equals": "a"}, text=text, help=text),
    ]).model_copy(update={"name": text})


def partners(engine, write_answers, pillars=("people",), **extra):
    """Three respondents of Rivierstad, one at each level, who differ only on the questions
    of ``pillars`` that everyone is asked (each question is combined over those it is
    asked of, so only there can they differ): Bronwater answers those lowest."""
    differing = {q.id for q in engine.questions.questions
                 if q.pillar in pillars and q.applies_to is None}
    high = highest(engine)
    low = {key: value if key not in differing else lowest(engine)[key]
           for key, value in high.items()}
    return [
        write_answers(high, "gemeente.yaml",
                      respondent={"organisation": "Gemeente Rivierstad", "role": "gemeente",
                                  "level": "strategisch"}, **extra),
        write_answers(high, "stroomnet.yaml", **extra),
        write_answers(low, "bronwater.yaml",
                      respondent={"organisation": "Bronwater", "role": "drinkwaterbedrijf",
                                  "level": "operationeel"}, **extra),
    ]


def every_answer(q: Question) -> list[Any]:
    """Plain answers that reach every score of a question (numbers: each band's start)."""
    if q.type in ("scale", "yesno", "choice"):
        return list(q.option_values)
    if q.type == "multi":
        shared = [o.id for o in q.options or [] if not o.exclusive]
        return [[], shared, *([o.id] for o in q.options or [])]
    return [band.min for band in q.bands or []]
