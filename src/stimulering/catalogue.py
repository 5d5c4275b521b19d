"""Pure: the catalogue of instruments and practice examples, filtered.

Filters combine with "and". With no filter at all, every instrument and every
practice example is listed. With a filter, the examples listed are exactly the
ones the selected instruments name, so the two lists always belong together.
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
    facts = " ".join(text for fact in example.facts for text in fact.values())
    return " ".join([example.id, example.coalition, *example.parties, facts])


def _matches(instrument: Instrument, wanted: CatalogueFilter,
             examples: dict[str, Example]) -> bool:
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
            *(_example_text(examples[e]) for e in instrument.examples if e in examples),
        ])
        if needle not in haystack.casefold():
            return False
    return True


def select(model: Model, wanted: CatalogueFilter) -> CatalogueView:
    """The instruments matching ``wanted`` (catalogue order) and their examples."""
    examples = {example.id: example for example in model.examples}
    instruments = tuple(i for i in model.instruments if _matches(i, wanted, examples))
    if wanted.empty:
        return CatalogueView(instruments, tuple(model.examples))
    used = {example_id for instrument in instruments for example_id in instrument.examples}
    return CatalogueView(instruments, tuple(e for e in model.examples if e.id in used))


def first_example(model: Model, instrument: Instrument) -> Example | None:
    """The practice example shown beside an instrument: the first one it names, if any."""
    for example_id in instrument.examples:
        for example in model.examples:
            if example.id == example_id:
                return example
    return None


def instrument_data(instrument: Instrument, lang: str) -> dict[str, object]:
    """An instrument as plain data in ``lang`` (the catalogue JSON shape)."""
    return {
        "id": instrument.id,
        "name": pick(instrument.name, lang),
        "pillars": list(instrument.pillars),
        "phases": list(instrument.phases),
        "categories": list(instrument.categories),
        "examples": list(instrument.examples),
        "description": pick(instrument.description, lang),
        "source": instrument.source,
    }


def example_data(example: Example, lang: str) -> dict[str, object]:
    """A practice example as plain data in ``lang`` (the catalogue JSON shape)."""
    return {
        "id": example.id,
        "coalition": example.coalition,
        "parties": list(example.parties),
        "facts": [pick(fact, lang) for fact in example.facts],
        "sources": list(example.sources),
    }


def catalogue_data(view: CatalogueView, lang: str) -> dict[str, object]:
    """The catalogue JSON: ``{"instruments": [...], "examples": [...]}``."""
    return {"instruments": [instrument_data(i, lang) for i in view.instruments],
            "examples": [example_data(e, lang) for e in view.examples]}


def _words(text: str) -> set[str]:
    return {word for word in "".join(c if c.isalnum() else " " for c in text.casefold()).split()
            if len(word) >= 5}


def example_fact(example: Example, instrument: Instrument, lang: str) -> str:
    """The fact of ``example`` that says most about ``instrument`` (the first one on a tie).

    Relevance is the number of longer words (five letters or more) the fact shares
    with the instrument's name and description; it is cheap, deterministic and
    usually picks the fact about the instrument itself.
    """
    wanted = _words(pick(instrument.name, lang) + " " + pick(instrument.description, lang))
    facts = [pick(fact, lang) for fact in example.facts]
    best = max(range(len(facts)), key=lambda index: (len(_words(facts[index]) & wanted), -index))
    return facts[best]
