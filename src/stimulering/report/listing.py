"""The question set as a terminal table."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from stimulering.core.catalogue import CatalogueView
from stimulering.i18n import label, pick, plural
from stimulering.model import Model, QuestionSet
from stimulering.report.common import audience_text
from stimulering.report.console import plain, render


def render_question_table(questions: QuestionSet, lang: str, *, color: bool = False) -> str:
    """One row per question: id, pillar, type and text.

    What a respondent may see: no phase, weight, gate or score, which would tell which
    answer counts as "mature" (``questions --format json`` has them all, for tools).
    """
    table = Table(title=plain(f"{questions.id} {questions.version}"), box=None, padding=(0, 1))
    table.add_column("#", justify="right")
    table.add_column("id", no_wrap=True)
    table.add_column(label(lang, "pillar"))
    table.add_column("type")
    table.add_column(label(lang, "text"))
    for number, question in enumerate(questions.questions, start=1):
        text = pick(question.text, lang)
        audience = audience_text(question, lang)
        if audience is not None:
            text += f" ({audience})"
        table.add_row(str(number), question.id, label(lang, f"pillar_short.{question.pillar}"),
                      question.type, plain(text))
    return render([table], color=color)


def render_catalogue_table(view: CatalogueView, model: Model, lang: str, *,
                           color: bool = False) -> str:
    """The catalogue as terminal tables: instruments, then the practice examples they use."""
    instruments = Table(title=label(lang, "instruments"), box=None, padding=(0, 1),
                        collapse_padding=True, pad_edge=False)
    # Name and id share a column (the id dim, below the name) so the row fits 80 columns.
    instruments.add_column(label(lang, "report.name"))
    instruments.add_column(label(lang, "pillar"))
    instruments.add_column(label(lang, "catalogue.phases").lower(), no_wrap=True)
    instruments.add_column(label(lang, "catalogue.examples").lower())
    for instrument in view.instruments:
        instruments.add_row(Text.assemble(plain(pick(instrument.name, lang)), "\n",
                                          (instrument.id, "dim")),
                            ", ".join(label(lang, f"pillar_short.{p}")
                                      for p in instrument.pillars),
                            ",".join(str(n) for n in instrument.phases),
                            plain(", ".join(example.coalition
                                            for example, _ in model.examples_of(instrument.id))))
    examples = Table(title=label(lang, "catalogue.examples"), box=None, padding=(0, 1))
    examples.add_column("id", no_wrap=True)
    examples.add_column(label(lang, "coalition"))
    examples.add_column(label(lang, "catalogue.parties").lower())
    for example in view.examples:
        examples.add_row(example.id, plain(example.coalition), plain(", ".join(example.parties)))
    count = (f"{plural(lang, 'catalogue.count_instruments', len(view.instruments))}, "
             f"{plural(lang, 'catalogue.count_examples', len(view.examples))}")
    return render([instruments, Text(), examples, Text(count, style="dim")], color=color)
