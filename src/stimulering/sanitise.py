"""Text from files made safe to show: nothing in it can act on a terminal or hide itself.

Names, notes, answers, question texts and file names come from files a user may not
control. A terminal acts on some characters instead of showing them: ESC starts
sequences that clear the screen, erase lines, set the window title or plant a link
(CSI and OSC), a carriage return moves back over what was printed, and the C1
controls do the same in eight bits. Other characters hide or reorder text: bidi
overrides and isolates, zero-width spaces and joiners, line and paragraph
separators. Every renderer for a terminal passes text through ``visible``, which
writes each such character as its code point (``<U+001B>``), so a reader sees
that it is there and nothing acts on it. JSON keeps the text exactly but escapes
those characters (``escape_json``); SVG drops what XML does not allow
(``xml_chars``).
"""

from __future__ import annotations

import json
import re
import unicodedata

HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Unicode categories a terminal acts on or does not show: controls (C0, DEL, C1),
format characters (bidi controls, zero-width characters, the byte-order mark), lone
surrogates (from file names that are not UTF-8) and the line and paragraph separators."""

_CANDIDATE = re.compile(r"[^\t\n\x20-\x7e]")
"""Characters worth a closer look: everything but tab, newline and printable ASCII."""
_CANDIDATE_IN_A_LINE = re.compile(r"[^\t\x20-\x7e]")
"""The same, when a line break is to be shown too."""

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 does not allow in a document, even as a character reference."""


def is_hidden(char: str) -> bool:
    """Whether a terminal would act on ``char`` or not show it."""
    return unicodedata.category(char) in HIDDEN_CATEGORIES


def code_point(char: str) -> str:
    """How ``visible`` writes a hidden character: ``<U+202E>``."""
    return f"<U+{ord(char):04X}>"


def visible(text: str, keep: str = "\t\n") -> str:
    """``text`` with every hidden character but those in ``keep`` written as its code point.

    Tab and newline are kept by default: a terminal shows them as space and a line
    break. Everything else that could move the cursor, start an escape sequence, or
    hide or reorder text becomes visible, for example ``<U+001B>`` for ESC.
    """
    # Every hidden character is one Python calls not printable: most texts stop here.
    candidate = _CANDIDATE if "\n" in keep else _CANDIDATE_IN_A_LINE
    if text.isprintable() or candidate.search(text) is None:
        return text

    def shown(match: re.Match[str]) -> str:
        char = match.group()
        return code_point(char) if char not in keep and is_hidden(char) else char

    return candidate.sub(shown, text)


def one_line(text: str) -> str:
    """``text`` as one line of a message: line breaks too are written as their code points.

    A message names files and quotes their contents; a line break in a YAML key or a
    file name must not start a line of its own, which could pass for another message
    ("ok: 3 items checked").
    """
    return visible(text, keep="\t")


def escape_json(document: str) -> str:
    r"""A JSON document with every hidden character written as a ``\u`` escape.

    The data stays exactly the same (``json.loads`` gives it back), but printed in a
    terminal the text cannot act on it. ``json.dumps`` escapes only C0 controls when
    it writes non-ASCII text as is; this escapes C1 controls, bidi and zero-width
    characters and separators too. Hidden characters can only occur inside strings,
    where an escape means the same character.
    """
    if _CANDIDATE.search(document) is None:
        return document

    def escaped(match: re.Match[str]) -> str:
        char = match.group()
        return json.dumps(char)[1:-1] if is_hidden(char) else char

    return _CANDIDATE.sub(escaped, document)


def xml_chars(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids, so any name makes a valid document."""
    return _XML_ILLEGAL.sub("", text)
