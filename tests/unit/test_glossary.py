"""One glossary (docs/glossary.md), used everywhere: every text in both languages follows it."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from paths import ROOT
from stimulering.i18n import label_catalogue
from stimulering.sources.files import MODEL_SECTIONS
from stimulering.sources.validation import local_texts

GLOSSARY = ROOT / "docs" / "glossary.md"


def glossary() -> list[tuple[str, str]]:
    """(Dutch term, English term) for every row of the glossary's table."""
    tokens = MarkdownIt("commonmark").enable("table").parse(
        GLOSSARY.read_text(encoding="utf-8"))
    rows: list[list[str]] = []
    in_body = False
    for token in tokens:
        if token.type == "tbody_open":
            in_body = True
        elif token.type == "tr_open" and in_body:
            rows.append([])
        elif token.type == "inline" and in_body:
            rows[-1].append(token.content)
    return [(row[0], row[1]) for row in rows]


TERMS = glossary()


def paired_texts(engine) -> list[tuple[str, str, str]]:
    """(where, Dutch, English) for every text that exists in both languages."""
    found = []
    for question in engine.questions.questions:
        for text, location in local_texts(question, (question.id,)):
            found.append((".".join(map(str, location)), text["nl"], text["en"]))
    for section in MODEL_SECTIONS:
        for index, entry in enumerate(getattr(engine.model, section)):
            for text, location in local_texts(entry, (section, index)):
                found.append((".".join(map(str, location)), text["nl"], text["en"]))
    english = label_catalogue("en").labels
    for key, dutch in label_catalogue("nl").labels.items():
        if isinstance(dutch, str):
            found.append((f"label {key}", dutch, english[key]))
        else:
            found += [(f"label {key}.{form}", text, english[key][form])
                      for form, text in dutch.items()]
    return found


def test_the_glossary_has_the_words_of_the_model():
    dutch = {term for term, _ in TERMS}
    assert {"kwartiermaker", "regisseur", "graafrust", "projecthardheid", "uitvoerder"} <= dutch
    assert all(english for _, english in TERMS)


@pytest.mark.parametrize(("term", "english"), TERMS)
def test_every_text_translates_a_glossary_word_the_same_way(engine, term, english):
    word = re.compile(rf"\b{re.escape(term)}", re.IGNORECASE)
    wrong = [where for where, dutch, text in paired_texts(engine)
             if word.search(dutch) and english.lower() not in text.lower()]
    assert wrong == [], f"{term} is not translated as {english!r} in: {', '.join(wrong)}"
