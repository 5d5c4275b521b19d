"""Renderers of a question-set diff: plain text, markdown and JSON, each data -> str."""

from __future__ import annotations

import json

from stimulering.core.diffing import QuestionSetDiff
from stimulering.i18n import label

SECTIONS: tuple[str, ...] = ("added", "removed", "reworded", "rescored", "renamed")
"""The lists of a diff, in the order they are shown."""


def _entries(diff: QuestionSetDiff, section: str) -> list[str]:
    if section == "renamed":
        return [f"{old} -> {new}" for old, new in diff.renamed.items()]
    entries: tuple[str, ...] = getattr(diff, section)
    return list(entries)


def _summary(diff: QuestionSetDiff, lang: str) -> list[str]:
    key = "diff.comparable" if diff.comparable else "diff.not_comparable"
    return [
        label(lang, key, version=diff.old_version),
        label(lang, "diff.bump", suggested=label(lang, f"bump.{diff.suggested_bump}"),
              declared=label(lang, f"bump.{diff.declared_bump}"), old=diff.old_version,
              new=diff.new_version),
    ]


def _title(diff: QuestionSetDiff, lang: str) -> str:
    return label(lang, "diff.title", old=f"{diff.old_id} {diff.old_version}",
                 new=f"{diff.new_id} {diff.new_version}")


def render_diff_text(diff: QuestionSetDiff, lang: str) -> str:
    """The diff for a terminal: one section per kind of change, then the verdict."""
    lines = [_title(diff, lang), ""]
    for section in SECTIONS:
        entries = _entries(diff, section)
        heading = label(lang, f"diff.{section}")
        if not entries:
            lines.append(f"{heading}: {label(lang, 'diff.nothing')}")
            continue
        lines.append(f"{heading} ({len(entries)}):")
        lines.extend(f"  {entry}" for entry in entries)
    lines.append("")
    lines.extend(_summary(diff, lang))
    return "\n".join(lines) + "\n"


def render_diff_markdown(diff: QuestionSetDiff, lang: str) -> str:
    """The diff as markdown, for a pull-request description or review comment."""
    lines = [f"## {_title(diff, lang)}", ""]
    for section in SECTIONS:
        entries = _entries(diff, section)
        heading = label(lang, f"diff.{section}")
        if not entries:
            lines.extend([f"**{heading}**: {label(lang, 'diff.nothing')}", ""])
            continue
        lines.extend([f"**{heading}** ({len(entries)}):", ""])
        if section == "renamed":
            lines.extend(f"- `{old}` -> `{new}`" for old, new in diff.renamed.items())
        else:
            lines.extend(f"- `{entry}`" for entry in entries)
        lines.append("")
    lines.extend(f"{sentence}  " if i == 0 else sentence
                 for i, sentence in enumerate(_summary(diff, lang)))
    return "\n".join(lines) + "\n"


def render_diff_json(diff: QuestionSetDiff) -> str:
    """The diff as JSON with the lists, the renames and the suggested bump."""
    data = {
        "added": list(diff.added),
        "removed": list(diff.removed),
        "reworded": list(diff.reworded),
        "rescored": list(diff.rescored),
        "renamed": dict(diff.renamed),
        "suggested_bump": diff.suggested_bump,
        "comparable": diff.comparable,
        "old_version": diff.old_version,
        "new_version": diff.new_version,
        "declared_bump": diff.declared_bump,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
