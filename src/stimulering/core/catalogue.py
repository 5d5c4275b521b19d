"""Pure: the catalogue of instruments and practice examples, filtered.

Filters combine with "and". With no filter at all, every instrument and every
practice example is listed. With a filter, the examples listed are exactly the
ones that show the selected instruments (a fact of theirs names the instrument),
so the two lists always belong together.
"""

from __future__ import annotations

from dataclasses import dataclass

from stimulering.i18n import pick
from stimulering.model import Example, Instrument, Model


@dataclass(frozen=True)
class CatalogueFilter:
    """What to select; ``None`` (or an empty search) means "any"."""

    phase: int | None = None
    """Keep instruments that help in this phase (1-6)."""
    pillar: str | None = None
    """Keep instruments of this pillar."""
    category: str | None = None
    """Keep instruments of this category."""
    search: str | None = None
    """Keep instruments whose id, name or description (in any language), or one of whose
    examples' coalition, parties or facts, contain this text (case-insensitive)."""

    @property
    def empty(self) -> bool:
        """Whether nothing is filtered."""
        return (self.phase is None and self.pillar is None and self.category is None
                and not self.search)


@dataclass(frozen=True)
class CatalogueView:
    """The instruments that match a filter and the practice examples they use."""

    instruments: tuple[Instrument, ...]
    examples: tuple[Example, ...]


def _example_text(example: Example) -> str:
    facts = " ".join(text for fact in example.facts for text in fact.text.values())
    return " ".join([example.id, example.coalition, *example.parties, facts])


def _matches(instrument: Instrument, wanted: CatalogueFilter, model: Model) -> bool:
    if wanted.phase is not None and wanted.phase not in instrument.phases:
        return False
    if wanted.pillar is not None and wanted.pillar not in instrument.pillars:
        return False
    if wanted.category is not None and wanted.category not in instrument.categories:
        return False
    if wanted.search:
        needle = wanted.search.casefold()
        haystack = " ".join([
            instrument.id, *instrument.name.values(), *instrument.description.values(),
            *(_example_text(example) for example, _ in model.examples_of(instrument.id)),
        ])
        if needle not in haystack.casefold():
            return False
    return True


def select(model: Model, wanted: CatalogueFilter) -> CatalogueView:
    """The instruments matching ``wanted`` (catalogue order) and their examples."""
    instruments = tuple(i for i in model.instruments if _matches(i, wanted, model))
    if wanted.empty:
        return CatalogueView(instruments, tuple(model.examples))
    used = {example.id for instrument in instruments
            for example, _ in model.examples_of(instrument.id)}
    return CatalogueView(instruments, tuple(e for e in model.examples if e.id in used))


def instrument_data(instrument: Instrument, model: Model, lang: str) -> dict[str, object]:
    """An instrument as plain data in ``lang`` (the catalogue JSON shape)."""
    return {
        "id": instrument.id,
        "name": pick(instrument.name, lang),
        "pillars": list(instrument.pillars),
        "phases": list(instrument.phases),
        "categories": list(instrument.categories),
        "examples": [example.id for example, _ in model.examples_of(instrument.id)],
        "description": pick(instrument.description, lang),
        "source": instrument.source,
    }


def example_data(example: Example, lang: str) -> dict[str, object]:
    """A practice example as plain data in ``lang`` (the catalogue JSON shape)."""
    return {
        "id": example.id,
        "coalition": example.coalition,
        "parties": list(example.parties),
        "facts": [{"text": pick(fact.text, lang), "source": fact.source,
                   "instruments": list(fact.instruments)} for fact in example.facts],
        "sources": example.sources,
    }


def catalogue_data(view: CatalogueView, model: Model, lang: str) -> dict[str, object]:
    """The catalogue JSON: ``{"instruments": [...], "examples": [...]}``."""
    return {"instruments": [instrument_data(i, model, lang) for i in view.instruments],
            "examples": [example_data(e, lang) for e in view.examples]}
