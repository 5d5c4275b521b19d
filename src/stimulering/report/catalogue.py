"""Renderers of the catalogue of instruments and practice examples: JSON and markdown."""

from __future__ import annotations

from stimulering.core.catalogue import CatalogueView, catalogue_data
from stimulering.i18n import label, pick
from stimulering.model import Model
from stimulering.report.common import escape_markdown, json_text, pillar_name


def render_catalogue_json(view: CatalogueView, model: Model, lang: str) -> str:
    """The catalogue JSON: ``{"instruments": [...], "examples": [...]}``."""
    return json_text(catalogue_data(view, model, lang))


def render_catalogue_markdown(view: CatalogueView, model: Model, lang: str) -> str:
    """The catalogue as markdown: one section per instrument, then the practice examples."""
    categories = {c.id: pick(c.name, lang) for c in model.categories}
    out = [f"# {label(lang, 'catalogue.title')}", ""]
    out += [f"## {label(lang, 'instruments')}", ""]
    if not view.instruments:
        out += [label(lang, "catalogue.none"), ""]
    for instrument in view.instruments:
        out += [f"### {escape_markdown(pick(instrument.name, lang))}", "",
                escape_markdown(pick(instrument.description, lang)), ""]
        out.append(f"- **{label(lang, 'pillar').capitalize()}:** "
                   + ", ".join(escape_markdown(pillar_name(model, p, lang))
                               for p in instrument.pillars))
        out.append(f"- **{label(lang, 'catalogue.phases')}:** "
                   + ", ".join(str(n) for n in instrument.phases))
        out.append(f"- **{label(lang, 'report.category')}:** "
                   + ", ".join(escape_markdown(categories.get(c, c))
                               for c in instrument.categories))
        shown = model.examples_of(instrument.id)
        if shown:
            out.append(f"- **{label(lang, 'catalogue.examples')}:** "
                       + ", ".join(escape_markdown(example.coalition) for example, _ in shown))
        out.append(f"- **{label(lang, 'catalogue.source')}:** {escape_markdown(instrument.source)}")
        out.append(f"- id: `{instrument.id}`")
        out.append("")
    if view.examples:
        out += [f"## {label(lang, 'catalogue.examples')}", ""]
    for example in view.examples:
        out += [f"### {escape_markdown(example.coalition)}", "",
                f"**{label(lang, 'catalogue.parties')}:** "
                + ", ".join(escape_markdown(p) for p in example.parties), ""]
        out += [f"- {escape_markdown(pick(fact.text, lang))} _({escape_markdown(fact.source)})_"
                for fact in example.facts]
        out.append("")
    while out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
