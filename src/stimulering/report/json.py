"""JSON renderers: the assessment (a contract other tools rely on) and the question list."""

from __future__ import annotations

import json
from typing import Any

from stimulering.advice import next_steps
from stimulering.i18n import option_labels, pick
from stimulering.model import PHASE_IDS, Question, QuestionSet
from stimulering.report.common import advice_heading, advice_text, needs_text, warning_message
from stimulering.results import Evaluation
from stimulering.sanitise import escape_json
from stimulering.scoring import Assessment, PillarResult, item_score

DECIMALS = 4
"""Scores are rounded so that the same inputs give byte-identical output everywhere."""


def dumps(data: Any) -> str:
    r"""Deterministic, readable JSON with a final newline; no character in it acts on a terminal.

    Text stays as it is, but control, bidi and zero-width characters are written as
    ``\u`` escapes (see ``sanitise.escape_json``).
    """
    return escape_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def rounded(value: float | None) -> float | None:
    """A score rounded for output (``None`` stays ``None``)."""
    return None if value is None else round(value, DECIMALS)


def undetermined_summary(assessment: Assessment) -> dict[str, Any] | None:
    """Beside a ``"phase": null``: why, and which pillars (``None`` when there is a phase)."""
    if assessment.phase is not None:
        return None
    return {"reason": "too_few_answers", "pillars": list(assessment.undetermined)}


def pillar_summary(pillars: dict[str, PillarResult]) -> dict[str, dict[str, Any]]:
    """Phase, levels met and score per pillar: the short form used beside other data."""
    return {p: {"phase": pillar.phase, "levels_met": pillar.levels_met,
                "score": rounded(pillar.score)} for p, pillar in pillars.items()}


def undetermined_data(pillar: PillarResult) -> dict[str, Any] | None:
    """Why a pillar has no phase and what it takes (``None`` when it has one)."""
    if pillar.phase is not None:
        return None
    return {"reason": "too_few_answers", "answered": pillar.answered,
            "counting": pillar.counting, "required": pillar.required,
            "missing": pillar.missing}


def pillar_data(pillar: PillarResult) -> dict[str, Any]:
    """The JSON of one pillar result: phase, levels met, scores and explanation."""
    level = pillar.current
    return {
        "phase": pillar.phase,
        "phase_id": None if pillar.phase is None else PHASE_IDS[pillar.phase - 1],
        "undetermined": undetermined_data(pillar),
        "levels_met": pillar.levels_met,
        "score": rounded(pillar.score),
        "level_scores": {str(k): rounded(v) for k, v in pillar.level_scores.items()},
        "explanation": None if level is None else {
            "level": level.phase,
            "reasons": list(level.reasons),
            "score": rounded(level.score),
            "threshold": level.threshold,
            "coverage": rounded(level.coverage),
            "failed_gates": list(level.failed_gates),
            "lift": list(pillar.lift),
        },
    }


def assessment_data(evaluation: Evaluation, lang: str) -> dict[str, Any]:
    """The assessment as plain data, in the documented JSON shape."""
    result = evaluation.assessment
    answers = evaluation.answers
    model = evaluation.model
    respondent = result.respondent
    summary = undetermined_summary(result)
    return {
        "coalition": result.coalition,
        "date": result.date.isoformat(),
        "respondent": None if respondent is None else respondent.model_dump(),
        "question_set": {"id": result.question_set.id, "version": result.question_set.version,
                         "sha256": result.question_set.sha256},
        "model": {"id": model.settings.id, "version": model.settings.version},
        "lang": lang,
        "phase": None if result.phase is None else {
            "number": result.phase, "id": PHASE_IDS[result.phase - 1],
            "name": pick(model.phase(result.phase).name, lang)},
        "undetermined": None if summary is None else {
            **summary, "message": needs_text(evaluation, result.undetermined, lang)},
        "pillars": {pillar_id: pillar_data(pillar) for pillar_id, pillar in result.pillars.items()},
        "catalysts": [{"id": s.id, "status": s.status} for s in result.catalysts],
        "inhibitors": [{"id": s.id, "status": s.status} for s in result.inhibitors],
        "advice": {
            pillar_id: [
                {"kind": item.kind, "subject": item.subject,
                 "reason": advice_heading(evaluation, item, lang),
                 "text": advice_text(item, lang), "instruments": list(item.instruments),
                 "examples": dict(item.examples)}
                for item in items
            ]
            for pillar_id, items in evaluation.advice.items()
        },
        "next_steps": [
            {"pillar": step.pillar, "kind": step.item.kind, "subject": step.item.subject,
             "reason": advice_heading(evaluation, step.item, lang),
             "text": advice_text(step.item, lang)}
            for step in next_steps(result, evaluation.advice)
        ],
        "targets": dict(answers.targets),
        "actions": [action.model_dump(mode="json") for action in answers.actions],
        "warnings": [
            {"code": w.code, "message": warning_message(w, evaluation, lang), "ids": list(w.ids)}
            for w in result.warnings
        ],
    }


def render_assessment(evaluation: Evaluation, lang: str) -> str:
    """The assessment JSON."""
    return dumps(assessment_data(evaluation, lang))


def question_options(question: Question, lang: str) -> list[dict[str, Any]]:
    """Options of a question with their value, effective score, label and exclusivity.

    A context question's options have no score (``None``); an exclusive option of a
    multi item (such as "geen") is chosen alone.
    """
    own_options = question.type in ("choice", "multi")  # a multi item scores lists, not ids
    alone = {option.id for option in question.options or [] if option.exclusive}
    return [{"value": value,
             "score": None if not question.scored
             else question.option_scores[str(value)] if own_options
             else item_score(question, value),
             "label": text,
             "exclusive": value in alone}
            for value, text in option_labels(question, lang)]


def questions_data(questions: QuestionSet, sha256: str, lang: str) -> dict[str, Any]:
    """The question set as listed by ``stimulering questions --format json``."""
    return {
        "id": questions.id,
        "version": questions.version,
        "sha256": sha256,
        "languages": list(questions.languages),
        "questions": [
            {
                "id": q.id,
                "pillar": q.pillar,
                "category": q.category,
                "phase": q.phase,
                "type": q.type,
                "context": q.context,
                "gate": q.gate,
                "weight": q.weight,
                "reverse": q.reverse,
                "when": None if q.when is None else q.when.model_dump(
                    by_alias=True, exclude_none=True),
                "text": pick(q.text, lang),
                "help": pick(q.help, lang),
                "options": question_options(q, lang) if q.type in (
                    "scale", "yesno", "choice", "multi") else [],
                "aggregate": q.aggregate if q.type == "multi" else None,
                "bands": [band.model_dump() for band in q.bands or []],
                "unit": pick(q.unit, lang) or None,
                "instruments": list(q.instruments),
                "replaces": list(q.replaces),
            }
            for q in questions.questions
        ],
    }


def render_questions(questions: QuestionSet, sha256: str, lang: str) -> str:
    """The question list as JSON."""
    return dumps(questions_data(questions, sha256, lang))
