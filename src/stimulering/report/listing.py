"""The question set as a terminal table."""

from __future__ import annotations

from rich.table import Table

from stimulering.i18n import pick
from stimulering.model import QuestionSet
from stimulering.report.text import render


def render_question_table(questions: QuestionSet, lang: str, *, color: bool = False) -> str:
    """One row per question: id, pillar, phase, category, type and text."""
    table = Table(title=f"{questions.id} {questions.version}", box=None, padding=(0, 1))
    table.add_column("#", justify="right")
    table.add_column("id", no_wrap=True)
    table.add_column("pijler" if lang == "nl" else "pillar")
    table.add_column("fase" if lang == "nl" else "phase", justify="right")
    table.add_column("type")
    table.add_column("tekst" if lang == "nl" else "text")
    for number, question in enumerate(questions.questions, start=1):
        flags = (" ⚑" if question.gate else "") + (" ⇅" if question.reverse else "") + \
                (" ?" if question.when else "")
        table.add_row(str(number), question.id, question.pillar, str(question.phase),
                      question.type + flags, pick(question.text, lang))
    return render([table], color=color)
