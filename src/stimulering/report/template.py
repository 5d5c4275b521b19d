"""A blank answers file for a question set, every id with its allowed values as comments.

The template is what a respondent fills in, so it says what each question asks and
which answers it takes, in words, and nothing about scores, phases, weights or gates:
it must not hint at which answer counts as "mature". Role and level are left empty,
so nobody is silently filed under a role they did not choose, unless the coordinator
makes the template for one role or level (``--role``, ``--level``): it then holds only
the questions for them.
"""

from __future__ import annotations

import datetime as dt
import json

from stimulering.i18n import label, option_labels, pick, plural
from stimulering.model import (
    LEVELS,
    PARTNER_ROLES,
    ROLES,
    Question,
    QuestionSet,
)
from stimulering.report.common import asked_of, audience_text, blank_for, condition_text
from stimulering.sanitise import visible

SPECIAL = "weet_niet | nvt"


def comment(text: str) -> str:
    """Text for one comment line: line breaks become spaces, hidden characters visible.

    So a text from the question set can neither end the comment and add a key, nor put
    a character in the file that YAML refuses or a terminal acts on.
    """
    return visible(" ".join(text.split()))


def allowed_lines(question: Question, lang: str) -> list[str]:
    """The answers a question takes, as comment lines: values with what they mean."""
    if question.type == "scale":
        scale = " | ".join(f"{value} ({text})" for value, text in option_labels(question, lang))
        return [f"{scale} | {SPECIAL}"]
    if question.type == "yesno":
        return [" | ".join(str(value) for value, _ in option_labels(question, lang))
                + f" | {SPECIAL}"]
    if question.type in ("choice", "multi"):
        key = "template.one_of" if question.type == "choice" else "template.list_of"
        lines = [label(lang, key, special=SPECIAL.replace(" | ", " / "))]
        lines += [f"  {value}: {' '.join(text.split())}"
                  for value, text in option_labels(question, lang)]
        return lines
    if question.type == "number":
        unit = " ".join(pick(question.unit, lang).split())
        return [f"{label(lang, 'template.number')}{f' ({unit})' if unit else ''} | {SPECIAL}"]
    return [label(lang, "template.text")]


def render_template_yaml(questions: QuestionSet, sha256: str, lang: str, today: dt.date, *,
                         round_name: str | None = None, role: str | None = None,
                         level: str | None = None) -> str:
    """The blank answers file as YAML text.

    ``round_name`` names the round it belongs to; with ``role`` and/or ``level`` it holds
    only the questions for them, with those filled in. Without them it holds every question,
    each one that is not for everyone saying whom it is for.
    """
    listed = asked_of(questions, role, level)
    who = blank_for(role, level, lang)
    opening = sum(1 for question in listed if question.when is None)
    restricted = any(question.applies_to is not None for question in questions.questions)
    lines = [
        "# " + label(lang, "template.title", id=questions.id, version=questions.version),
        "# " + plural(lang, "template.count", opening),
        *(["# " + (label(lang, "template.for_you", who=who) if who else
                   label(lang, "template.for_everyone"))] if restricted or who else []),
        "# " + label(lang, "template.fill"),
        "# " + label(lang, "template.special"),
        "# " + label(lang, "template.score"),
        "stimulering_answers: 1",
        f"question_set: {{id: {questions.id}, version: {questions.version}, sha256: {sha256}}}",
        'coalition: ""',
        "respondent:",
        '  organisation: ""',
        f"  role: {role}" if role else f"  role: \"\"  # {label(lang, 'template.choose')}: "
        + " | ".join(role for role in ROLES if role != "coalitie"),
        f"  level: {level}" if level else
        f"  level: \"\"  # {label(lang, 'template.choose')}: {' | '.join(LEVELS)}",
        f"date: {today.isoformat()}",
        *([f"round: {json.dumps(visible(round_name), ensure_ascii=False)}"]
          if round_name else []),
        f"lang: {lang}",
        "answers:",
    ]
    pillar = None
    for question in listed:
        if question.pillar != pillar:
            pillar = question.pillar
            lines.append(f"  # --- {label(lang, f'pillar_short.{pillar}')} ---")
        lines.append(f"  # {comment(pick(question.text, lang))}")
        audience = audience_text(question, lang)
        if audience is not None and who is None:
            lines.append(f"  # {comment(audience)}")
        lines += [f"  # {visible(line)}" for line in allowed_lines(question, lang)]
        if question.when is not None:
            lines.append("  # " + comment(label(lang, "template.when",
                                                condition=condition_text(question.when, lang,
                                                                         questions.by_id()))))
        lines.append(f"  {question.id}:")
    lines += [
        "notes: {}  # " + label(lang, "template.notes"),
        "targets: {}  # people: 3, governance: 3, information: 2",
        "actions: []  # - {what: ..., owner: ..., due: 2027-03-01, item: question_id, done: false}",
    ]
    return "\n".join(lines) + "\n"


def render_expected_template(lang: str, *, round_name: str | None = None) -> str:
    """A blank list of expected respondents (``stimulering status --expected``), as YAML."""
    choose = label(lang, "template.choose")
    about = label(lang, "template.expected.round")
    round_line = f"round: {json.dumps(visible(round_name), ensure_ascii=False)}  # {about}" \
        if round_name else f'# round: "najaar 2026"  # {about}'
    return "\n".join([
        "# " + label(lang, "template.expected.title"),
        "# " + label(lang, "template.expected.how"),
        "stimulering_expected: 1",
        'coalition: ""',
        round_line,
        f"# due: 2026-12-15  # {label(lang, 'template.expected.due')}",
        "respondents:",
        '  - organisation: ""',
        f"    role: gemeente  # {choose}: " + " | ".join(PARTNER_ROLES),
        f"    level: strategisch  # {choose}: {' | '.join(LEVELS)}",
        f'    contact: ""  # {label(lang, "template.expected.contact")}',
        '  - organisation: ""',
        "    role: netbeheerder",
        "    level: tactisch",
        '  - organisation: ""',
        "    role: drinkwaterbedrijf",
    ]) + "\n"
