"""The question set as a terminal table."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from stimulering.catalogue import CatalogueView
from stimulering.i18n import label, pick
from stimulering.model import Model, QuestionSet
from stimulering.report.text import render


def render_question_table(questions: QuestionSet, lang: str, *, color: bool = False) -> str:
    """One row per question: id, pillar, phase, category, type and text."""
    table = Table(title=f"{questions.id} {questions.version}", box=None, padding=(0, 1))
    table.add_column("#", justify="right")
    table.add_column("id", no_wrap=True)
    table.add_column(label(lang, "pillar"))
    table.add_column(label(lang, "phase"), justify="right")
    table.add_column("type")
    table.add_column(label(lang, "text"))
    for number, question in enumerate(questions.questions, start=1):
        flags = (" ⚑" if question.gate else "") + (" ⇅" if question.reverse else "") + \
                (" ?" if question.when else "")
        table.add_row(str(number), question.id, question.pillar, str(question.phase),
                      question.type + flags, pick(question.text, lang))
    return render([table], color=color)


def render_catalogue_table(view: CatalogueView, model: Model, lang: str, *,
                           color: bool = False) -> str:
    """The catalogue as terminal tables: instruments, then the practice examples they use."""
    coalitions = {e.id: e.coalition for e in model.examples}
    instruments = Table(title=label(lang, "instruments"), box=None, padding=(0, 1),
                        collapse_padding=True, pad_edge=False)
    # Name and id share a column (the id dim, below the name) so the row fits 80 columns.
    instruments.add_column(label(lang, "report.name"))
    instruments.add_column(label(lang, "pillar"))
    instruments.add_column(label(lang, "catalogue.phases").lower(), no_wrap=True)
    instruments.add_column(label(lang, "catalogue.examples").lower())
    for instrument in view.instruments:
        instruments.add_row(Text.assemble(pick(instrument.name, lang), "\n",
                                          (instrument.id, "dim")),
                            ", ".join(label(lang, f"pillar_short.{p}")
                                      for p in instrument.pillars),
                            ",".join(str(n) for n in instrument.phases),
                            ", ".join(coalitions.get(e, e) for e in instrument.examples))
    examples = Table(title=label(lang, "catalogue.examples"), box=None, padding=(0, 1))
    examples.add_column("id", no_wrap=True)
    examples.add_column(label(lang, "coalition"))
    examples.add_column(label(lang, "catalogue.parties").lower())
    for example in view.examples:
        examples.add_row(example.id, example.coalition, ", ".join(example.parties))
    count = label(lang, "catalogue.count", instruments=len(view.instruments),
                  examples=len(view.examples))
    return render([instruments, Text(), examples, Text(count, style="dim")], color=color)
