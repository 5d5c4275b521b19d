"""The offline form: one self-contained HTML page a partner fills in and saves as answers file.

``render_form`` is pure: question set, model and language in, the page as text out.
The page carries everything it needs: its style sheet and script (the package data
files ``form.css`` and ``form.js``, inline) and the questions as one JSON blob in a
``<script type="application/json">`` element. The script builds the page from that
blob with DOM text nodes, so no text of the question set is ever parsed as HTML, and
the blob is escaped so that nothing in it can end its element. A content security
policy allows only this script and this style sheet, and no connection at all.

Like the interview and the template, the blob carries no scores, weights, gates or
phases: what a respondent's browser holds cannot tell which answer counts.

A renderer like those in ``report``: it may import the values at the top of the
package and ``core``; never ``sources``, ``session`` or ``cli``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from importlib.resources import files
from typing import Any

from stimulering.i18n import label, label_entry, option_labels, pick, plural_rule
from stimulering.model import (
    ACTION_MAX,
    ITEM_ID_MAX,
    LEVELS,
    MAX_FILE_BYTES,
    MAX_LINE_CHARS,
    MAX_NODES,
    NAME_MAX,
    NOTE_MAX,
    ROLES,
    ROUND_MAX,
    SLUG_MAX,
    TEXT_ANSWER_MAX,
    Band,
    Model,
    Question,
    QuestionSet,
)

FORMAT = 1
"""Version of the blob's shape, for the script."""

LABELS: tuple[str, ...] = (
    "iv.title", "iv.ask.coalition", "iv.ask.organisation", "iv.ask.role", "iv.ask.level",
    "date", "special.weet_niet", "special.nvt", "iv.error.negative", "iv.error.band",
    *(f"form.{key}" for key in (
        "intro", "special_hint", "respondent", "round", "choose", "optional", "help", "note",
        "note_hint",
        "answer", "multi_hint", "error.number", "progress", "progress.done", "download",
        "download_partial", "open", "clear", "clear_confirm", "replace_confirm",
        "missing_header", "open_questions", "downloaded", "downloaded_partial", "loaded",
        "restored", "storage_off",
        "set", "skip", "cleared",
        "load.other_set", "load.other_version", "load.unknown",
        "load.unreadable", "load.not_answers", "load.field", "load.answer", "load.too_big",
        "load.unknown_question",
        "load.coalition_file", "download_failed",
        "yaml.tab", "yaml.indent", "yaml.unsupported", "yaml.quote", "yaml.duplicate",
        "yaml.key", "yaml.escape", "yaml.documents", "yaml.mapping", "yaml.value",
        "yaml.number", "yaml.line", "yaml.values",
    )),
)
"""Program labels the page uses, looked up in the form's language."""


def _resource(name: str) -> str:
    return files("stimulering.form").joinpath(name).read_text(encoding="utf-8")


def _ranges(bands: list[Band] | None) -> list[list[float | None]] | None:
    """The values a number question takes, as merged ``[min, max)`` ranges, without scores.

    Merging keeps the bands' edges (where the score changes) out of the page.
    """
    if bands is None:
        return None
    merged: list[list[float | None]] = []
    for band in sorted(bands, key=lambda item: item.min):
        last = merged[-1] if merged else None
        if last is not None and last[1] is not None and last[1] == band.min:
            last[1] = band.max
        else:
            merged.append([band.min, band.max])
    return merged


def _question(question: Question, model: Model, lang: str) -> dict[str, Any]:
    """What the page needs of one question: what to show and when, never how it counts."""
    category = next((pick(c.name, lang) for c in model.categories if c.id == question.category),
                    question.category)
    item: dict[str, Any] = {
        "id": question.id,
        "pillar": question.pillar,
        "category": category,
        "type": question.type,
        "text": pick(question.text, lang),
        "help": pick(question.help, lang),
    }
    if question.type in ("scale", "yesno", "choice", "multi"):
        alone = {option.id for option in question.options or [] if option.exclusive}
        item["options"] = [{"value": value, "label": text, **({"exclusive": True}
                                                             if value in alone else {})}
                           for value, text in option_labels(question, lang)]
    if question.type == "number":
        item["unit"] = pick(question.unit, lang)
        item["ranges"] = _ranges(question.bands)
    if question.when is not None:
        item["when"] = question.when.model_dump(mode="json", by_alias=True, exclude_none=True)
    if question.replaces:
        item["replaces"] = list(question.replaces)
    if question.applies_to is not None:
        # Whom it is asked of; like the rest of the blob, nothing about how it counts.
        item["for"] = {"roles": list(question.applies_to.roles),
                       "levels": list(question.applies_to.levels)}
    return item


def form_data(questions: QuestionSet, model: Model, sha256: str, lang: str,
              coalition: str | None = None, round_name: str | None = None) -> dict[str, Any]:
    """The page's blob: the questions, the respondent choices and the labels, in ``lang``.

    ``coalition`` and ``round_name`` are filled in for every partner who uses the page.
    """
    return {
        "format": FORMAT,
        "lang": lang,
        "question_set": {"id": questions.id, "version": questions.version, "sha256": sha256},
        "set_name": pick(questions.name, lang),
        "coalition": coalition,
        "round": round_name,
        "roles": [{"value": role, "label": label(lang, f"role.{role}")}
                  for role in ROLES if role != "coalitie"],
        "levels": [{"value": level, "label": label(lang, f"level.{level}")} for level in LEVELS],
        "pillars": [{"id": pillar.id, "name": pick(pillar.name, lang)}
                    for pillar in model.pillars],
        "questions": [_question(question, model, lang) for question in questions.questions],
        "labels": {key: label_entry(lang, key) for key in LABELS},
        "plural": {category: list(counts) for category, counts in plural_rule(lang).items()},
        "limits": limits(),
    }


def limits() -> dict[str, int]:
    """The limits of an answers file, as the command line holds them, for the page's checks."""
    return {"file": MAX_FILE_BYTES, "line": MAX_LINE_CHARS, "values": MAX_NODES,
            "name": NAME_MAX, "note": NOTE_MAX, "text": TEXT_ANSWER_MAX, "action": ACTION_MAX,
            "round": ROUND_MAX, "id": ITEM_ID_MAX, "slug": SLUG_MAX}


def script_json(data: Any) -> str:
    """JSON that is safe as the content of a ``<script>`` element.

    ASCII only, with ``<``, ``>`` and ``&`` as escapes: no ``</script>`` or ``<!--``
    can appear, whatever the texts hold. JSON.parse gives the same data back.
    """
    text = json.dumps(data, ensure_ascii=True, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def render_form(questions: QuestionSet, model: Model, sha256: str, lang: str,
                coalition: str | None = None, round_name: str | None = None) -> str:
    """The form as one HTML page: no server, no network, nothing outside the file."""
    script = _resource("form.js")
    style = _resource("form.css")
    for text, end in ((script, "</script"), (style, "</style")):
        if end in text.lower():  # pragma: no cover - a check on the package's own files
            raise ValueError(f"the form's own {end[2:]} contains {end}")
    data = form_data(questions, model, sha256, lang, coalition, round_name)
    title = f"{label(lang, 'iv.title')}: {data['set_name'] or questions.id}"
    # Only this script and this style sheet run; nothing may connect, load or submit.
    policy = (f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
              "img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f'<noscript><p>{escape(label(lang, "form.noscript"))}</p></noscript>\n'
        '<div id="app"></div>\n'
        f'<script type="application/json" id="form-data">{script_json(data)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )
