"""JSON renderers: the assessment (a contract other tools rely on) and the question list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from stimulering.core.results import Evaluation
from stimulering.core.scoring import PillarResult, item_score
from stimulering.i18n import label, option_labels, pick
from stimulering.model import PHASE_IDS, Question, QuestionSet
from stimulering.report.common import (
    advice_heading,
    advice_text,
    json_text,
    phases_words,
    pillar_summary,
    range_data,
    rounded,
    topic_reason,
    undetermined_summary,
    warning_message,
)

if TYPE_CHECKING:
    from stimulering.core.coalition import CoalitionView


def undetermined_data(pillar: PillarResult) -> dict[str, Any] | None:
    """Why a pillar has no one phase: how much is answered (``None`` when it has one)."""
    if pillar.phase is not None:
        return None
    unknown = sum(len(level.unknown) for level in pillar.levels)
    return {"reason": "unknown_answers", "answered": pillar.answered,
            "counting": pillar.counting, "unknown": unknown}


def pillar_data(pillar: PillarResult, deciding_unknown: Sequence[str] = ()) -> dict[str, Any]:
    """The JSON of one pillar result: phase, levels met, scores and explanation."""
    level = pillar.current
    return {
        "phase": pillar.phase,
        "phase_id": None if pillar.phase is None else PHASE_IDS[pillar.phase - 1],
        "phase_range": range_data(pillar.phase_range),
        "deciding_unknown": list(deciding_unknown),
        "undetermined": undetermined_data(pillar),
        "levels_met": pillar.levels_met,
        "held_by": list(pillar.held_by),
        "score": rounded(pillar.score),
        "level_scores": {str(k): rounded(v) for k, v in pillar.level_scores.items()},
        "explanation": None if level is None else {
            "level": level.phase,
            "reasons": list(level.reasons),
            "score": rounded(level.score),
            "threshold": level.threshold,
            "coverage": rounded(level.coverage),
            "failed_gates": list(level.failed_gates),
            "unknown": list(level.unknown),
            "lift": list(pillar.lift),
        },
    }


def assessment_data(evaluation: Evaluation, lang: str) -> dict[str, Any]:
    """The assessment as plain data, in the documented JSON shape."""
    result = evaluation.assessment
    answers = evaluation.answers
    model = evaluation.model
    respondent = result.respondent
    decided = evaluation.verdict
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
        "phase_range": range_data(result.phase_range),
        "deciding_unknown": list(decided.unknown),
        "undetermined": None if summary is None else {
            **summary, "message": label(lang, "summary.open",
                                        phases=phases_words(result.phase_range, lang))},
        "deciding": [
            {"question": change.question, "answer": change.answer,
             "would_be": change.would_be, "phase": change.phase_range.phase,
             "phase_range": range_data(change.phase_range)}
            for change in decided.deciding],
        "pillars": {pillar_id: pillar_data(pillar, decided.pillar_unknown.get(pillar_id, ()))
                    for pillar_id, pillar in result.pillars.items()},
        "catalysts": [{"id": s.id, "status": s.status} for s in result.catalysts],
        "inhibitors": [{"id": s.id, "status": s.status} for s in result.inhibitors],
        "advice": {
            pillar_id: [
                {"kind": item.kind, "stage": item.stage, "topic": item.topic,
                 "subject": item.subject,
                 "reason": advice_heading(evaluation, item, lang),
                 "text": advice_text(item, lang), "instruments": list(item.instruments),
                 "examples": dict(item.examples)}
                for item in items
            ]
            for pillar_id, items in evaluation.advice.items()
        },
        "next_steps": [
            {"pillar": step.pillar, "kind": step.item.kind, "topic": step.item.topic,
             "subject": step.item.subject,
             "reason": advice_heading(evaluation, step.item, lang),
             "text": advice_text(step.item, lang)}
            for step in evaluation.next_steps
        ],
        "targets": dict(answers.targets),
        "actions": [action.model_dump(mode="json") for action in answers.actions],
        "warnings": [
            {"code": w.code, "message": warning_message(w, evaluation, lang), "ids": list(w.ids)}
            for w in result.warnings
        ],
    }


def render_assessment_json(evaluation: Evaluation, lang: str) -> str:
    """The assessment JSON."""
    return json_text(assessment_data(evaluation, lang))


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
                "applies_to": None if q.applies_to is None else q.applies_to.model_dump(),
            }
            for q in questions.questions
        ],
    }


def render_questions_json(questions: QuestionSet, sha256: str, lang: str) -> str:
    """The question list as JSON."""
    return json_text(questions_data(questions, sha256, lang))


def coalition_data(view: CoalitionView, evaluation: Evaluation, lang: str) -> dict[str, Any]:
    """The coalition view as plain data: the combined assessment plus respondents and topics.

    JSON lists every discussion topic, in agenda order; the markdown agenda shows the first.
    """
    by_id = evaluation.questions.by_id()
    data = assessment_data(evaluation, lang)
    data["round"] = view.round
    data["round_files"] = _round_files(view, lang)
    # The coalition's targets: the lowest of each pillar, as a single report has one; and
    # every partner's, with who set it.
    data["targets"] = {pillar: phases[0] for pillar in evaluation.targets
                       if (phases := evaluation.target_phases(pillar))}
    data["partner_targets"] = {pillar: [{"phase": vote.phase, "by": list(vote.by)}
                                        for vote in votes]
                               for pillar, votes in evaluation.targets.items()}
    data["actions"] = [{**row.action.model_dump(mode="json"), "by": list(row.by),
                        "agreed": row.agreed, "carried_over_from": row.carried_from}
                       for row in view.plan]
    data["agreed"] = None if view.agreed is None else {
        "date": view.agreed.answers.date.isoformat(), "phase": view.agreed.assessment.phase,
        "phase_range": range_data(view.agreed.assessment.phase_range)}
    data["combined_rule"] = label(lang, "view.combined_rule") if view.agreed is None else \
        label(lang, "view.agreed_rule", date=view.agreed.answers.date.isoformat())
    data["signal_rule"] = label(lang, "view.signal_rule")
    data["lowest"] = {"phase": view.lowest_phase, "pillars": dict(view.lowest)}
    data["respondents"] = [
        {
            "organisation": None if view.anonymise else r.answers.respondent.organisation,
            "label": r.label,
            "role": r.answers.respondent.role,
            "level": r.answers.respondent.level,
            "date": r.answers.date.isoformat(),
            "phase": r.assessment.phase,
            "phase_range": range_data(r.assessment.phase_range),
            "undetermined": undetermined_summary(r.assessment),
            "pillars": pillar_summary(r.assessment.pillars),
            "notes": dict(r.notes),
        }
        for r in view.respondents
    ]
    notes = {r.label: r.notes for r in view.respondents}
    data["divergence"] = [
        {"question": d.question, "pillar": d.pillar, "spread": rounded(d.spread),
         "steps": d.steps, "weight": d.weight, "gate": d.gate,
         "why": topic_reason(d, by_id[d.question], lang),
         "answers": {who: value for who, value, _ in d.answers},
         "scores": {who: rounded(score) for who, _, score in d.answers},
         "notes": {who: notes[who][d.question] for who, _, _ in d.answers
                   if d.question in notes.get(who, {})}}
        for d in view.divergence
    ]
    return data


def _round_files(view: CoalitionView, lang: str) -> dict[str, Any] | None:
    """The files combined as the round and those left out, with why.

    An anonymised view names no file: file names often hold the organisation.
    """
    info = view.round_info
    if info is None:
        return None

    def shown(name: str) -> str | None:
        return None if view.anonymise else name

    return {
        "named": info.named, "first": info.first.isoformat(), "last": info.last.isoformat(),
        "combined": [{"file": shown(f.file), "respondent": f.label or None,
                      "agreed": f.agreed} for f in info.files],
        "left_out": [{"file": shown(f.file), "round": f.round, "reason": f.reason,
                      "message": label(lang, f"view.left_out.{f.reason}", round=f.round)}
                     for f in info.left_out],
    }


def render_coalition_json(view: CoalitionView, evaluation: Evaluation, lang: str) -> str:
    """The coalition view as JSON; ``evaluation`` is its combined result."""
    return json_text(coalition_data(view, evaluation, lang))
