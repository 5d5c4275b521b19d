"""Labels of the program itself per language; content texts live in the YAML files.

Each language's labels are one catalogue file in the package folder ``labels/``
(``nl.json``, ``en.json``): the languages are the catalogue files present, so a
third language is a third file. A catalogue holds::

    {"language": "nl", "name": "Nederlands", "plural": {"one": [1]},
     "decimal_separator": ",", "labels": {"key": "text", "key2": {"one": ..., "other": ...}}}

``plural`` is the language's plural rule in CLDR categories: each category but
``other`` lists the counts it takes, every other count takes ``other``. A label
that depends on a count holds one text per category and is read with ``plural``.

One fallback rule serves labels and content texts alike (``fallback``): the
requested language, then the default language (Dutch), then English; a content
text that has none of these gives the first language it has.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from stimulering.errors import StimuleringError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from stimulering.model import Question

DEFAULT_LANGUAGE = "nl"
FALLBACK_LANGUAGE = "en"
CATALOGUE_SUFFIX = ".json"

Entry = str | Mapping[str, str]
"""A label: one text, or one text per plural category."""


@dataclass(frozen=True)
class LabelCatalogue:
    """The program's labels in one language, as its catalogue file declares them."""

    language: str
    """The language code, the file's name without ``.json``."""
    plural: Mapping[str, tuple[int, ...]]
    """Plural categories other than ``other``, each with the counts that take it."""
    decimal_separator: str
    """What separates the decimals of a number ("," in Dutch)."""
    labels: Mapping[str, Entry]
    """Every label by key."""

    def plural_category(self, count: int) -> str:
        """The CLDR category (``one``, ``other``, ...) a count takes in this language."""
        return next((name for name, counts in self.plural.items() if count in counts), "other")


def _folder() -> Traversable:
    """Where the catalogue files are: the package's ``labels`` folder."""
    from importlib.resources import files

    return files("stimulering") / "labels"


@cache
def languages() -> tuple[str, ...]:
    """The languages the program's labels are written in: the default first, then by code."""
    found = sorted(entry.name.removesuffix(CATALOGUE_SUFFIX) for entry in _folder().iterdir()
                   if entry.name.endswith(CATALOGUE_SUFFIX))
    return tuple(sorted(found, key=lambda language: language != DEFAULT_LANGUAGE))


@cache
def label_catalogue(lang: str) -> LabelCatalogue:
    """The catalogue of ``lang``, read from its file once."""
    name = f"{lang}{CATALOGUE_SUFFIX}"
    try:
        data = json.loads(_folder().joinpath(name).read_text(encoding="utf-8"))
        plural = {category: tuple(int(count) for count in counts)
                  for category, counts in data.get("plural", {}).items()}
        labels = data["labels"]
        separator = data.get("decimal_separator", ".")
        if not isinstance(labels, dict) or not all(
                isinstance(text, str) or (isinstance(text, dict) and "other" in text
                                          and all(isinstance(t, str) for t in text.values()))
                for text in labels.values()) or not isinstance(separator, str):
            raise ValueError("every label must be a text or texts per plural category "
                             "with 'other'")
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
        raise StimuleringError(f"labels/{name}: not a label catalogue: {error}") from None
    return LabelCatalogue(lang, plural, separator, labels)


def fallback(lang: str) -> tuple[str, ...]:
    """The languages to try, in order, for a text in ``lang``: the one fallback rule."""
    return tuple(dict.fromkeys((lang, DEFAULT_LANGUAGE, FALLBACK_LANGUAGE)))


def _entry(lang: str, key: str) -> tuple[LabelCatalogue, Entry]:
    """The label ``key`` from the first catalogue along ``fallback(lang)`` that has it."""
    known = languages()
    for language in fallback(lang):
        if language in known:
            table = label_catalogue(language)
            if key in table.labels:
                return table, table.labels[key]
    raise KeyError(key)


def label(lang: str, key: str, **values: object) -> str:
    """The program's text for ``key`` in ``lang`` (see ``fallback``), filled with ``values``."""
    _, text = _entry(lang, key)
    if not isinstance(text, str):
        raise TypeError(f"label {key!r} depends on a count: use plural()")
    return text.format(**values) if values else text


def plural(lang: str, key: str, count: int, **values: object) -> str:
    """The form of label ``key`` that ``count`` takes in ``lang``, filled with ``count``."""
    table, forms = _entry(lang, key)
    if isinstance(forms, str):
        raise TypeError(f"label {key!r} has no plural forms: use label()")
    text = forms.get(table.plural_category(count)) or forms["other"]
    return text.format(count=count, **values)


def label_entry(lang: str, key: str) -> Entry:
    """The label ``key`` as the catalogue holds it: a text, or texts per plural category."""
    return _entry(lang, key)[1]


def plural_rule(lang: str) -> Mapping[str, tuple[int, ...]]:
    """The plural rule of ``lang``'s labels (see ``LabelCatalogue.plural``)."""
    return label_catalogue(_language(lang)).plural


def _language(lang: str) -> str:
    """The first language along ``fallback(lang)`` that has a catalogue."""
    known = languages()
    return next(language for language in fallback(lang) if language in known)


def decimal(value: float, lang: str, places: int = 2, *, signed: bool = False) -> str:
    """A number with a fixed number of decimals, with a decimal comma in Dutch ("0,60").

    ``signed`` always shows the sign ("+0,25").
    """
    text = f"{value:+.{places}f}" if signed else f"{value:.{places}f}"
    return text.replace(".", label_catalogue(_language(lang)).decimal_separator)


def number_text(value: float, lang: str) -> str:
    """A number as short as it goes ("4", "2.5"), with a decimal comma in Dutch ("2,5")."""
    return f"{value:g}".replace(".", label_catalogue(_language(lang)).decimal_separator)


def join_words(words: list[str], lang: str) -> str:
    """"a, b and c" in ``lang``."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {label(lang, 'and')} {words[-1]}"


def pick(text: Mapping[str, str] | None, lang: str) -> str:
    """A content text in ``lang`` (see ``fallback``), else in the first language it has."""
    if not text:
        return ""
    for language in fallback(lang):
        if found := text.get(language):
            return found
    return next(iter(text.values()))


def option_labels(question: Question, lang: str) -> list[tuple[str | int, str]]:
    """The answer values a closed question offers, each with its label in ``lang``.

    Scale and yes/no items share the program's labels; choice and multi items
    have their own options. Open (text and number) items offer none.
    """
    from stimulering.model import SCALE_VALUES, YESNO_SCORES

    if question.type == "scale":
        return [(value, label(lang, f"scale.{value}")) for value in SCALE_VALUES]
    if question.type == "yesno":
        return [(value, label(lang, f"yesno.{value}")) for value in YESNO_SCORES]
    return [(option.id, pick(option.label, lang)) for option in question.options or []]
