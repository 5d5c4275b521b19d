"""What several renderers share: wording, markdown and JSON pieces, the roadmap's cells.

A renderer does not borrow from another renderer's module; what two of them need
lives here. Explanations, advice headings, warnings and answer labels; markdown
escaping and tables (every user text goes through ``escape_markdown``); the
deterministic JSON text; conditions in words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from stimulering.core.advice import AdviceItem
from stimulering.core.results import Evaluation
from stimulering.core.scoring import Assessment, LevelResult, Notice, PhaseRange, PillarResult
from stimulering.core.summary import RoadmapRow
from stimulering.i18n import decimal, join_words, label, number_text, pick, plural
from stimulering.model import (
    LEVELS,
    ROLES,
    SPECIAL_VALUES,
    AllOf,
    AnswerValue,
    AnyOf,
    Comparison,
    Condition,
    Example,
    Fact,
    Model,
    Question,
    QuestionSet,
    Respondent,
)
from stimulering.sanitise import escape_json, visible

if TYPE_CHECKING:
    # Only for a type: the coalition module is not needed to render one assessment.
    from stimulering.core.coalition import Divergence


def score_text(score: float | None, lang: str) -> str:
    """A score in [0, 1] with two decimals in ``lang`` ("0,63" in Dutch), or a dash."""
    return "–" if score is None else decimal(score, lang)


def phase_text(phase: int | None, lang: str) -> str:
    """A phase number, or a question mark when there is none."""
    return label(lang, "phase_unknown_short") if phase is None else str(phase)


def range_text(phases: PhaseRange) -> str:
    """"3" when the phase is known, "2–3" while unknown answers leave it open."""
    return str(phases.low) if phases.known else f"{phases.low}–{phases.high}"


def phases_words(phases: PhaseRange, lang: str) -> str:
    """An open range in words: "2 of 3", "1 tot en met 4"."""
    key = "phases.either" if phases.high == phases.low + 1 else "phases.span"
    return label(lang, key, low=phases.low, high=phases.high)


def overall_phase_text(model: Model, phases: PhaseRange, lang: str) -> str:
    """"4 · Ontwerpproces inrichten", or "2–3 · nog open"."""
    if not phases.known:
        return f"{range_text(phases)} · {label(lang, 'phase_open')}"
    return f"{phases.low} · {phase_name(model, phases.low, lang)}"


def pillar_score_text(pillar: PillarResult, lang: str) -> str:
    """A pillar's score, or a dash when nothing of it is answered."""
    return score_text(pillar.score, lang)


def level_text(pillar: PillarResult, level: LevelResult, lang: str) -> str:
    """A level's score, ticked when it counts towards the phase ("✓ 0,80")."""
    tick = "✓ " if level.phase <= pillar.levels_met else ""
    return tick + score_text(level.score, lang)


def percent(value: float) -> str:
    """A share as a whole percentage."""
    return f"{round(value * 100)}%"


def role_and_level(respondent: Respondent, lang: str) -> str:
    """"grid operator · tactical": a respondent's role and level in ``lang``."""
    return (f"{label(lang, f'role.{respondent.role}')} · "
            f"{label(lang, f'level.{respondent.level}')}")


def respondent_text(respondent: Respondent, lang: str) -> str:
    """"Stedin (grid operator, tactical)": organisation with role and level in ``lang``."""
    return (f"{respondent.organisation} ({label(lang, f'role.{respondent.role}')}, "
            f"{label(lang, f'level.{respondent.level}')})")


def signal_names(model: Model, lang: str) -> dict[str, str]:
    """Names of the catalysts and inhibitors in ``lang``, by id."""
    return {signal.id: pick(signal.name, lang) for signal in model.signals}


def pillar_name(model: Model, pillar: str, lang: str) -> str:
    """Name of a pillar in ``lang``."""
    return next(pick(p.name, lang) for p in model.pillars if p.id == pillar)


def phase_name(model: Model, number: int, lang: str) -> str:
    """Name of a phase in ``lang``."""
    return pick(model.phase(number).name, lang)


def question_text(questions: QuestionSet, question_id: str, lang: str) -> str:
    """The text of a question in ``lang``."""
    return pick(questions.by_id()[question_id].text, lang)


def answer_label(question: Question, value: AnswerValue, lang: str) -> str:
    """What an answer means, in words ("4 (eens)", "ja", option labels, "12 jaar")."""
    if value is None:
        return "–"
    if isinstance(value, str) and value in SPECIAL_VALUES and question.type != "text":
        return label(lang, f"special.{value}")
    if question.type == "scale" and isinstance(value, int):
        return f"{value} ({label(lang, f'scale.{value}')})"
    if question.type == "yesno" and isinstance(value, str):
        return label(lang, f"yesno.{value}")
    if question.type in ("choice", "multi"):
        labels = {option.id: pick(option.label, lang) for option in question.options or []}
        chosen = value if isinstance(value, list) else [str(value)]
        return "; ".join(labels.get(choice, choice) for choice in chosen) or \
            label(lang, "answer.nothing_selected")
    if question.type == "number":
        unit = pick(question.unit, lang)
        return f"{number_text(value, lang)} {unit}".strip() if isinstance(value, (int, float)) \
            else str(value)
    return str(value)


def score_gap(pillar: PillarResult, threshold: float, lang: str) -> str | None:
    """Why a pillar's score and its phase seem to disagree, when they do (for the detail)."""
    if pillar.score is None or pillar.phase is None:
        return None
    score, bar = score_text(pillar.score, lang), score_text(threshold, lang)
    if pillar.levels_met >= 1 and pillar.score < threshold:
        levels = plural(lang, "levels", pillar.levels_met, first=1, last=pillar.levels_met)
        return label(lang, "gap.below", score=score, threshold=bar, levels=levels)
    if pillar.levels_met < 6 and pillar.score >= threshold:
        return label(lang, "gap.above", score=score, threshold=bar,
                     level=pillar.levels_met + 1)
    return None


def explanation(evaluation: Evaluation, pillar: PillarResult, lang: str) -> list[str]:
    """Why a pillar is in its phase, in sentences a steering group reads at once.

    Where it stands, what is in place, what holds it back, and what the next phase
    still takes (each with the answer it has now). Scores and thresholds are left to
    the table of level scores.
    """
    model = evaluation.model
    name = pillar_name(model, pillar.id, lang)
    phases = pillar.phase_range
    if not phases.known:
        deciding = evaluation.verdict.pillar_unknown.get(pillar.id, ()) or \
            (pillar.current.unknown if pillar.current is not None else ())
        lines = [label(lang, "held_open", pillar=name, phases=phases_words(phases, lang),
                       items="; ".join(deciding_unknown_lines(evaluation, deciding, lang)))]
    elif pillar.levels_met >= 6 and phases.low == 6:
        return [label(lang, "held_complete", pillar=name)]
    else:
        lines = [label(lang, "held_at", pillar=name, phase=phases.low,
                       name=phase_name(model, phases.low, lang))]
    if pillar.levels_met == 2:
        lines.append(label(lang, "held_done_two"))
    elif pillar.levels_met:
        lines.append(plural(lang, "held_done", pillar.levels_met, last=pillar.levels_met))
    reached = min(pillar.levels_met + 1, 6)
    if pillar.held_by:
        names = [pick(signal.name, lang) for signal in model.signals
                 if signal.id in pillar.held_by]
        lines.append(label(lang, "held_by", names="; ".join(names), pillar=name,
                           phase=phases.low + 1))
    level = pillar.current
    if phases.known and level is not None and phases.low == reached:
        if "no_items" in level.reasons:
            if reached < 6:
                lines.append(label(lang, "held_nothing_applies", next=reached + 1))
        elif pillar.lift:
            questions = evaluation.questions.by_id()
            items = "; ".join(
                label(lang, "held_item", question=quoted_question(evaluation.questions, q, lang),
                      answer=current_answer(evaluation, questions[q], lang))
                for q in pillar.lift)
            lines.append(label(lang, "held_needs", next=reached + 1, items=items)
                         if reached < 6 else label(lang, "held_needs_last", items=items))
    return lines


def advice_heading(evaluation: Evaluation, item: AdviceItem, lang: str) -> str:
    """The one-line reason of an advice item."""
    model = evaluation.model
    if item.kind in ("inhibitor", "catalyst"):
        signal = next(s for s in model.signals if s.id == item.subject)
        return label(lang, f"advice.{item.kind}", name=pick(signal.name, lang))
    if item.kind == "next_phase":
        number = int(item.subject)
        return label(lang, "advice.next_phase", phase=number,
                     name=phase_name(model, number, lang))
    # The question with the answer it has: a fact, read the same for a statement and for
    # a question, and no score that would call "partly" low.
    question = evaluation.questions.by_id()[item.subject]
    return label(lang, f"advice.{item.kind}", phase=question.phase,
                 question=quoted_question(evaluation.questions, question.id, lang),
                 answer=current_answer(evaluation, question, lang))


def nobody_asked_ids(evaluation: Evaluation) -> frozenset[str]:
    """In a combined result, the questions none of the respondents combined was asked."""
    return frozenset(question_id for warning in evaluation.assessment.warnings
                     if warning.code == "nobody_asked" for question_id in warning.ids)


def nobody_asked_text(question: Question, lang: str) -> str:
    """"niemand van strategisch niveau deed mee": why a question of a combination is open."""
    return label(lang, "deciding.nobody_asked", who=audience_who(question, lang) or "")


def audiences_text(questions: QuestionSet, question_ids: Sequence[str], lang: str) -> str:
    """The roles and levels the questions are for, each once.

    "strategisch en operationeel niveau"; roles come first.
    """
    by_id = questions.by_id()
    roles: dict[str, None] = {}
    levels: dict[str, None] = {}
    for question_id in question_ids:
        audience = by_id[question_id].applies_to
        if audience is not None:
            roles.update(dict.fromkeys(audience.roles))
            levels.update(dict.fromkeys(audience.levels))
    parts = []
    if roles:
        parts.append(join_words([label(lang, f"role.{role}") for role in ROLES if role in roles],
                                lang))
    if levels:
        parts.append(label(lang, "audience.levels", levels=join_words(
            [label(lang, f"level.{level}") for level in LEVELS if level in levels], lang)))
    return "; ".join(parts)


def current_answer(evaluation: Evaluation, question: Question, lang: str) -> str:
    """The answer a question has in this result, in words ("deels", "weet niet")."""
    value = evaluation.assessment.items[question.id].value
    if value is None and question.id in nobody_asked_ids(evaluation):
        return nobody_asked_text(question, lang)
    if value is None or (value in SPECIAL_VALUES and question.type == "text"):
        return label(lang, "deciding.not_answered")
    return answer_label(question, value, lang)


SHOWN_RAISING = 5
"""How many answers that would raise the phase a report shows; JSON has them all."""
SHOWN_LOWERING = 3
"""How many answers that would lower the phase a report shows (the largest drops)."""


def quoted_question(questions: QuestionSet, question_id: str, lang: str) -> str:
    """A question's text to quote in a sentence: without its closing full stop."""
    return question_text(questions, question_id, lang).rstrip(".")


def deciding_unknown_lines(evaluation: Evaluation, question_ids: Sequence[str],
                           lang: str) -> list[str]:
    """"‘question’ (weet niet)": the unknown answers that decide a phase, as they stand."""
    lines = []
    for question_id in question_ids:
        value = evaluation.assessment.items[question_id].value
        state = label(lang, "special.weet_niet") if value in SPECIAL_VALUES else \
            nobody_asked_text(evaluation.questions.by_id()[question_id], lang) \
            if question_id in nobody_asked_ids(evaluation) else label(lang, "deciding.not_answered")
        lines.append(label(lang, "deciding.unknown", state=state,
                           question=quoted_question(evaluation.questions, question_id, lang)))
    return lines


def deciding_lines(evaluation: Evaluation, lang: str, raising_limit: int = SHOWN_RAISING,
                   lowering_limit: int = SHOWN_LOWERING) -> tuple[list[str], int]:
    """The deciding answers as sentences, raises first, and how many are left out.

    "Fase 4 zodra het antwoord op ‘…’ ja is (nu: deels)." States what the answers give,
    for a steering group: never which answer a respondent should give.
    """
    decided = evaluation.verdict
    questions = evaluation.questions.by_id()
    raising = [d for d in decided.deciding if decided.raises(d)]
    lowering = [d for d in decided.deciding if not decided.raises(d)]
    shown = [*raising[:raising_limit], *lowering[:lowering_limit]]
    lines = []
    for change in shown:
        question = questions[change.question]
        lines.append(label(lang, "deciding.up" if decided.raises(change) else "deciding.down",
                           phase=range_text(change.phase_range),
                           question=quoted_question(evaluation.questions, question.id, lang),
                           answer=answer_label(question, change.would_be, lang),
                           now=answer_label(question, change.answer, lang)))
    return lines, len(decided.deciding) - len(shown)


def example_fact(model: Model, instrument_id: str, example_id: str) -> tuple[Example, Fact]:
    """The practice example shown with an instrument, and its fact about that instrument."""
    return next((example, fact) for example, fact in model.examples_of(instrument_id)
                if example.id == example_id)


def advice_text(item: AdviceItem, lang: str) -> str:
    """What to do, in ``lang``; empty when the heading says it all (find out an answer)."""
    if item.text is not None:
        return pick(item.text, lang)
    return "" if item.kind == "unknown_item" else label(lang, "advice.no_text")


def warning_message(warning: Notice, evaluation: Evaluation, lang: str) -> str:
    """A warning as a sentence in ``lang``."""
    if warning.code == "unknown_question":
        return label(lang, "warning.unknown_question", ids=", ".join(warning.ids))
    if warning.code == "unknown_items":
        count, total = (int(number) for number in warning.numbers)
        key = "warning.unknown_items" if evaluation.assessment.phase is not None \
            else "warning.unknown_items_open"
        return plural(lang, key, count, total=total)
    if warning.code == "not_asked":
        return plural(lang, "warning.not_asked", int(warning.numbers[0]))
    if warning.code == "nobody_asked":
        return plural(lang, "warning.nobody_asked", int(warning.numbers[0]),
                      whom=audiences_text(evaluation.questions, warning.ids, lang))
    if warning.code == "undetermined":
        names = [f"{pillar_name(evaluation.model, p, lang)} "
                 f"({range_text(evaluation.assessment.pillars[p].phase_range)})"
                 for p in warning.ids]
        return label(lang, "warning.undetermined", pillars=join_words(names, lang))
    if warning.code == "hard_ahead":
        names = [pillar_name(evaluation.model, p, lang) for p in warning.ids]
        people = pillar_name(evaluation.model, "people", lang)
        if len(names) == 1:
            return label(lang, "warning.hard_ahead", pillars=names[0], people=people)
        return label(lang, "warning.hard_ahead_two", first=names[0], second=names[1],
                     people=people)
    made, used = warning.texts
    if warning.code == "changed_question_set":
        return label(lang, "warning.changed_question_set", made=made, used=used)
    return label(lang, "warning.other_question_set", made=made, used=used)


def audience_text(question: Question, lang: str) -> str | None:
    """Whom a question is asked of, in words ("voor: netbeheerder, strategisch niveau").

    ``None`` for a question asked of everyone.
    """
    who = audience_who(question, lang)
    return None if who is None else label(lang, "audience", who=who)


def audience_who(question: Question, lang: str) -> str | None:
    """Whom a question is asked of, as a name ("netbeheerder, strategisch niveau")."""
    audience = question.applies_to
    if audience is None:
        return None
    either = f" {label(lang, 'cond.or')} "
    parts = []
    if audience.roles:
        parts.append(either.join(label(lang, f"role.{role}") for role in audience.roles))
    if audience.levels:
        parts.append(label(lang, "audience.levels", levels=either.join(
            label(lang, f"level.{level}") for level in audience.levels)))
    return ", ".join(parts)


def blank_for(role: str | None, level: str | None, lang: str) -> str | None:
    """Whom a blank made with ``--role`` and ``--level`` is for, in words (``None``: anyone)."""
    parts = [label(lang, f"role.{role}")] if role else []
    if level:
        parts.append(label(lang, "audience.levels", levels=label(lang, f"level.{level}")))
    return ", ".join(parts) or None


def asked_of(questions: QuestionSet, role: str | None, level: str | None) -> list[Question]:
    """The questions a blank for ``role`` and ``level`` holds (``None``: any)."""
    return [question for question in questions.questions
            if question.applies_to is None or question.applies_to.takes(role, level)]


def topic_reason(topic: Divergence, question: Question, lang: str) -> str:
    """Why a question is on the discussion agenda: answer steps apart, weight, gate."""
    parts = [plural(lang, "view.why.steps", topic.steps)]
    if topic.weight != 1:
        parts.append(label(lang, "view.why.weight", weight=number_text(topic.weight, lang)))
    if topic.gate:
        parts.append(label(lang, "view.why.gate", phase=question.phase))
    return "; ".join(parts)


_SPECIAL = re.compile(r"([\\`*_\[\]#!|~])")


_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)](?: |$)))")


def escape_markdown(text: str) -> str:
    r"""User text made inert: no markdown syntax, no HTML, no line breaks that end a block.

    Line breaks become spaces (so a table row or list item stays one line); other
    control, bidi and zero-width characters are written as their code point (so
    nothing acts on a terminal or hides text, see ``sanitise.visible``);
    ``&``, ``<`` and ``>`` become entities (so no HTML tag or autolink can form);
    inline markers (``\ ` * _ [ ] # ! | ~``) are backslash-escaped (so no
    emphasis, code, link, heading or table cell can form); and a leading ``-``,
    ``+``, ``=`` or ``1. `` / ``1) `` is escaped so the text cannot start a list or
    underline a heading.
    """
    text = visible(" ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match:
        end = match.end()
        text = text[:end] + "\\" + text[end:] if match.group(1).isdigit() else "\\" + text
    return text


def markdown_table(header: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    """A GFM table; cells must already be escaped. ``align`` has one of l, r, c per column."""
    marks = {"l": ":---", "r": "---:", "c": ":---:"}
    rule = [marks.get(align[index] if index < len(align) else "l", "---")
            for index in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def roadmap_cells(row: RoadmapRow, lang: str) -> list[str]:
    """A roadmap row as plain texts: now, next, target and percent-to-target."""
    if row.status == "open":
        percent = label(lang, "report.pct.open")
    elif row.status == "no_target":
        percent = label(lang, "report.pct.no_target")
    elif row.status == "reached":
        percent = label(lang, "report.pct.reached", percent=f"{row.percent}%")
    else:
        percent = f"{row.percent}%"
    target = "–" if row.target is None else str(row.target)
    if len(row.targets) > 1:  # partners set different targets: each with who set it
        target = " · ".join(f"{vote.phase} ({', '.join(vote.by)})" if vote.by
                            else str(vote.phase) for vote in row.targets)
        if row.now is not None:
            percent = " · ".join("–" if value is None else f"{value}%"
                                 for value in row.percents)
    return [range_text(row.phase_range), "–" if row.next is None else str(row.next),
            target, percent]


def roadmap_header(lang: str) -> list[str]:
    """The header of the roadmap table."""
    return [label(lang, "pillar").capitalize(), label(lang, "report.current"),
            label(lang, "report.next"), label(lang, "report.target"),
            label(lang, "report.to_target")]


DECIMALS = 4
"""Scores are rounded so that the same inputs give byte-identical output everywhere."""


def json_text(data: Any) -> str:
    r"""Deterministic, readable JSON with a final newline; no character in it acts on a terminal.

    Text stays as it is, but control, bidi and zero-width characters are written as
    ``\u`` escapes (see ``sanitise.escape_json``).
    """
    return escape_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def rounded(value: float | None) -> float | None:
    """A score rounded for output (``None`` stays ``None``)."""
    return None if value is None else round(value, DECIMALS)


def range_data(phases: PhaseRange) -> dict[str, int]:
    """A phase range in JSON: ``{"low": 2, "high": 3}``."""
    return {"low": phases.low, "high": phases.high}


def undetermined_summary(assessment: Assessment) -> dict[str, Any] | None:
    """Beside a ``"phase": null``: why, and which pillars (``None`` when there is a phase)."""
    if assessment.phase is not None:
        return None
    return {"reason": "unknown_answers", "pillars": list(assessment.undetermined)}


def pillar_summary(pillars: dict[str, PillarResult]) -> dict[str, dict[str, Any]]:
    """Phase, its range, levels met and score per pillar: the short form beside other data."""
    return {p: {"phase": pillar.phase, "phase_range": range_data(pillar.phase_range),
                "levels_met": pillar.levels_met, "score": rounded(pillar.score)}
            for p, pillar in pillars.items()}



def condition_text(condition: Condition, lang: str,
                   questions: Mapping[str, Question] | None = None) -> str:
    """A ``when`` condition in words: "regie_bij is gemeente or coordinator".

    With ``questions`` known, a test on a multiple-choice question reads "contains".
    """
    if isinstance(condition, Comparison):
        if condition.at_least is not None:
            return label(lang, "cond.at_least", question=condition.question,
                         value=condition.at_least)
        if condition.at_most is not None:
            return label(lang, "cond.at_most", question=condition.question,
                         value=condition.at_most)
        values = [condition.equals] if condition.equals is not None else condition.in_ or []
        either = f" {label(lang, 'cond.or')} ".join(str(value) for value in values)
        asked = (questions or {}).get(condition.question)
        key = "cond.contains" if asked is not None and asked.type == "multi" else "cond.is"
        return label(lang, key, question=condition.question, values=either)
    if isinstance(condition, AllOf):
        return f" {label(lang, 'and')} ".join(_part(part, lang, questions)
                                              for part in condition.all)
    if isinstance(condition, AnyOf):
        return f" {label(lang, 'cond.or')} ".join(_part(part, lang, questions)
                                                  for part in condition.any)
    return label(lang, "cond.not", condition=_part(condition.not_, lang, questions))


def _part(condition: Condition, lang: str, questions: Mapping[str, Question] | None) -> str:
    # A part that combines others keeps its brackets, so "and" and "or" cannot mix up.
    text = condition_text(condition, lang, questions)
    return f"({text})" if isinstance(condition, (AllOf, AnyOf)) else text
