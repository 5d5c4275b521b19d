"""The markdown advice report (GitHub-flavoured), a pure function of an evaluation."""

from __future__ import annotations

import re

from stimulering.engine import Evaluation
from stimulering.i18n import label, pick
from stimulering.model import PILLARS
from stimulering.report.common import (
    advice_heading,
    advice_text,
    answer_label,
    explanation,
    phase_name,
    pillar_name,
    score_text,
    warning_message,
)

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def escape(text: str) -> str:
    """User text made inert: no markdown syntax, no HTML, no line breaks that end a block."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; cells must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_report(evaluation: Evaluation, lang: str) -> str:
    """The advice report of one answers file."""
    result = evaluation.assessment
    model = evaluation.model
    answers = evaluation.answers
    out: list[str] = []
    title = "Adviesrapport samenwerking" if lang == "nl" else "Collaboration advice report"
    out += [f"# {title}: {escape(result.coalition)}", ""]
    meta = [[label(lang, "coalition"), escape(result.coalition)],
            [label(lang, "date"), result.date.isoformat()],
            [label(lang, "question_set"),
             f"{escape(result.question_set.id)} {escape(result.question_set.version)}"]]
    if result.respondent is not None:
        r = result.respondent
        meta.insert(1, [label(lang, "respondent"),
                        f"{escape(r.organisation)} ({r.role}, {r.level})"])
    out += table(["", ""], meta) + [""]
    out += [f"## {label(lang, 'overall_phase')}", "",
            f"**{result.phase} · {escape(phase_name(model, result.phase, lang))}**", ""]
    rows = [[escape(pillar_name(model, p, lang)), str(result.pillars[p].phase),
             str(result.pillars[p].levels_met), score_text(result.pillars[p].score)]
            for p in PILLARS]
    out += table([label(lang, "pillar").capitalize(), label(lang, "phase").capitalize(),
                  label(lang, "levels_met").capitalize(), label(lang, "score").capitalize()],
                 rows) + [""]
    out += [f"## {label(lang, 'explanation')}", ""]
    for p in PILLARS:
        out += [f"- {escape(line)}" for line in explanation(evaluation, result.pillars[p], lang)]
    out += [""]
    out += [f"## {label(lang, 'advice')}", ""]
    instruments = {i.id: pick(i.name, lang) for i in model.instruments}
    for p in PILLARS:
        out += [f"### {escape(pillar_name(model, p, lang))}", ""]
        for item in evaluation.advice[p]:
            out.append(f"- **{escape(advice_heading(evaluation, item, lang))}**  ")
            out.append(f"  {escape(advice_text(item, lang))}")
            if item.instruments:
                names = ", ".join(escape(instruments.get(i, i)) for i in item.instruments)
                out.append(f"  _{label(lang, 'instruments')}: {names}_")
        out.append("")
    out += [f"## {label(lang, 'catalysts')} / {label(lang, 'inhibitors').lower()}", ""]
    signal_names = {signal.id: pick(signal.name, lang) for signal in model.signals}
    out += table(["", "", ""],
                 [[label(lang, f"kind.{signal.kind}"), escape(signal_names[signal.id]),
                   label(lang, f"status.{signal.status}")]
                  for signal in (*result.catalysts, *result.inhibitors)]) + [""]
    if result.warnings:
        out += [f"## {label(lang, 'warnings')}", ""]
        out += [f"- {escape(warning_message(w, evaluation, lang))}" for w in result.warnings]
        out += [""]
    rows = []
    for question in evaluation.questions.questions:
        value = answers.answers.get(question.id)
        note = answers.notes.get(question.id, "")
        rows.append([f"`{question.id}`", escape(pick(question.text, lang)),
                     escape(answer_label(question, value, lang)), escape(note)])
    appendix = "Bijlage: alle antwoorden" if lang == "nl" else "Appendix: all answers"
    out += [f"## {appendix}", ""]
    header = ["id", "Vraag", "Antwoord", "Toelichting"] if lang == "nl" else \
        ["id", "Question", "Answer", "Note"]
    out += table(header, rows)
    return "\n".join(out) + "\n"
