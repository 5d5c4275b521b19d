"""A blank answers file for a question set, every id with its allowed values as comments."""

from __future__ import annotations

import datetime as dt
import json

from stimulering.i18n import label, pick
from stimulering.model import LEVELS, ROLES, SCALE_VALUES, YESNO_SCORES, Question, QuestionSet


def allowed_comment(question: Question, lang: str) -> str:
    """The values a question accepts, as one comment line's text."""
    special = "weet_niet | nvt"
    if question.type == "scale":
        low, high = SCALE_VALUES[0], SCALE_VALUES[-1]
        return (f"{low} ({label(lang, f'scale.{low}')}) .. {high} "
                f"({label(lang, f'scale.{high}')}) | {special}")
    if question.type == "yesno":
        return " | ".join(YESNO_SCORES) + f" | {special}"
    if question.type == "choice":
        return " | ".join(o.id for o in question.options or []) + f" | {special}"
    if question.type == "multi":
        ids = ", ".join(o.id for o in question.options or [])
        return f"[{label(lang, 'template.list_of', ids=ids)}] | {special}"
    if question.type == "number":
        unit = pick(question.unit, lang)
        return f"{label(lang, 'template.number')}{f' ({unit})' if unit else ''} | {special}"
    return label(lang, "template.text")


def render_template(questions: QuestionSet, sha256: str, lang: str, today: dt.date) -> str:
    """The blank answers file as YAML text."""
    lines = [
        "# " + label(lang, "template.title", id=questions.id, version=questions.version),
        "# " + label(lang, "template.fill"),
        "# " + label(lang, "template.score"),
        "stimulering_answers: 1",
        f"question_set: {{id: {questions.id}, version: {questions.version}, sha256: {sha256}}}",
        'coalition: ""',
        "respondent:",
        '  organisation: ""',
        f"  role: {ROLES[0]}  # {' | '.join(ROLES)}",
        f"  level: {LEVELS[1]}  # {' | '.join(LEVELS)}",
        f"date: {today.isoformat()}",
        f"lang: {lang}",
        "answers:",
    ]
    pillar = None
    for question in questions.questions:
        if question.pillar != pillar:
            pillar = question.pillar
            lines.append(f"  # --- {label(lang, 'pillar')}: {pillar} ---")
        text = " ".join(pick(question.text, lang).split())
        lines.append(f"  # [{question.category} · {label(lang, 'phase')} {question.phase}] {text}")
        lines.append(f"  # {allowed_comment(question, lang)}")
        if question.when is not None:
            condition = json.dumps(question.when.model_dump(by_alias=True, exclude_none=True),
                                   ensure_ascii=False)
            lines.append(f"  # {label(lang, 'template.when', condition=condition)}")
        lines.append(f"  {question.id}:")
    lines += [
        "notes: {}  # " + label(lang, "template.notes"),
        "targets: {}  # people: 3, governance: 3, information: 2",
        "actions: []  # - {what: ..., owner: ..., due: 2027-03-01, item: question_id, done: false}",
    ]
    return "\n".join(lines) + "\n"
