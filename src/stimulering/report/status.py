"""Who has answered (``stimulering status``) as text, markdown and JSON, and the reminder.

The reminder is a short text the coordinator pastes into an e-mail; nothing is sent.
Names and file names come from files: they are shown as text, never obeyed.
"""

from __future__ import annotations

from typing import Any

from stimulering.core.rounds import dates_label
from stimulering.core.status import CoalitionStatus, FileStatus, RoundStatus, Status
from stimulering.i18n import join_words, label
from stimulering.model import PILLARS, ExpectedRespondent
from stimulering.report.common import escape_markdown, json_text, markdown_table


def _round_name(coalition: CoalitionStatus, found: RoundStatus, lang: str) -> str:
    if not found.files:
        return label(lang, "status.round", coalition=coalition.coalition, round=found.label)
    dates = dates_label(found.first, found.last)
    name = f"{found.label} ({dates})" if found.named else dates
    return label(lang, "status.round", coalition=coalition.coalition, round=name)


def _expected_name(person: ExpectedRespondent, lang: str) -> str:
    details = [label(lang, f"role.{person.role}")] if person.role else []
    if person.level:
        details.append(label(lang, f"level.{person.level}"))
    return f"{person.organisation} ({', '.join(details)})" if details else person.organisation


def _done(found: FileStatus, lang: str) -> str:
    if found.agreed:
        return label(lang, "status.agreed")
    return label(lang, "status.finished" if found.finished else "status.unfinished_short")


def _cells(found: FileStatus, lang: str) -> list[str]:
    return [found.organisation, label(lang, f"role.{found.role}"),
            label(lang, f"level.{found.level}"), found.date.isoformat(),
            *(f"{p.answered}/{p.asked}" for p in found.pillars), _done(found, lang)]


def _header(lang: str) -> list[str]:
    return [label(lang, "status.organisation"), label(lang, "status.role"),
            label(lang, "status.level"), label(lang, "date"),
            *(label(lang, f"pillar_short.{p}") for p in PILLARS), label(lang, "status.done")]


def _notes(found: RoundStatus, lang: str) -> list[str]:
    """What the coordinator should know about the round, one sentence each."""
    out = []
    if found.unfinished:
        out.append(label(lang, "status.unfinished", files=join_words(
            [f"{f.organisation} ({f.file})" for f in found.unfinished], lang)))
    if found.expected:
        if found.missing:
            # The contact is for the coordinator: here, never in the reminder.
            out.append(label(lang, "status.missing", names=join_words(
                [_expected_name(p, lang) + (f" — {p.contact}" if p.contact else "")
                 for p in found.missing], lang)))
        else:
            out.append(label(lang, "status.everyone"))
        if found.unexpected:
            out.append(label(lang, "status.unexpected", files=join_words(
                list(found.unexpected), lang)))
    return out


def reminder(result: Status, lang: str) -> str | None:
    """The reminder to paste into an e-mail, or ``None`` when nobody needs one.

    It is about the round of the list of expected respondents, or the latest round when
    the files are of one coalition.
    """
    focus = result.focus
    if focus is None:
        return None
    coalition, found = focus
    missing = [_expected_name(p, lang) for p in found.missing]
    unfinished = [f.organisation for f in found.unfinished]
    if not missing and not unfinished:
        return None
    name = found.label if found.named or not found.files else \
        dates_label(found.first, found.last)
    due = result.expected.due if result.expected is not None else None
    lines = [label(lang, "status.reminder.greeting"), "",
             label(lang, "status.reminder.intro", round=name, coalition=coalition.coalition)]
    if missing:
        lines.append(label(lang, "status.reminder.missing", names=join_words(missing, lang)))
    if unfinished:
        lines.append(label(lang, "status.reminder.unfinished",
                           names=join_words(unfinished, lang)))
    lines += [label(lang, "status.reminder.ask_due", due=due.isoformat()) if due else
              label(lang, "status.reminder.ask"), "", label(lang, "status.reminder.closing")]
    return "\n".join(lines)


def render_status_text(result: Status, lang: str, *, color: bool = False) -> str:
    """Who answered, per coalition and round, for the terminal."""
    from rich.table import Table
    from rich.text import Text

    from stimulering.report.console import plain, render

    parts: list[Any] = [Text(label(lang, "status.title"), style="bold"), Text()]
    if not result.coalitions:
        parts.append(Text(label(lang, "status.no_files")))
    for coalition in result.coalitions:
        for found in coalition.rounds:
            parts.append(plain(_round_name(coalition, found, lang), style="bold"))
            if found.files:
                # Role and level share a column, so the row fits 80 columns.
                grid = Table(box=None, padding=(0, 1), collapse_padding=True, pad_edge=False)
                header = _header(lang)
                for index, heading in enumerate([header[0], f"{header[1]} · {header[2]}",
                                                 *header[3:]]):
                    grid.add_column(plain(heading), justify="right" if 3 <= index <= 5
                                    else "left", no_wrap=index >= 2)
                for found_file in found.files:
                    cells = _cells(found_file, lang)
                    grid.add_row(*(plain(cell) for cell in [cells[0], f"{cells[1]} · {cells[2]}",
                                                            *cells[3:]]))
                parts.append(grid)
            parts += [plain(line) for line in _notes(found, lang)]
            parts.append(Text())
    parts += [plain(label(lang, "status.unreadable", file=u.file, problem=u.problem))
              for u in result.unreadable]
    text = reminder(result, lang)
    parts += [Text(), plain(label(lang, "status.reminder.title"), style="bold"), Text()]
    parts.append(plain(text if text is not None else label(lang, _no_reminder(result))))
    return render(parts, color=color)


def _no_reminder(result: Status) -> str:
    return "status.no_reminder" if result.focus is not None else "status.reminder_needs_list"


def render_status_markdown(result: Status, lang: str) -> str:
    """Who answered, per coalition and round, as markdown."""
    out = [f"# {label(lang, 'status.title')}", ""]
    if not result.coalitions:
        out += [escape_markdown(label(lang, "status.no_files")), ""]
    for coalition in result.coalitions:
        for found in coalition.rounds:
            out += [f"## {escape_markdown(_round_name(coalition, found, lang))}", ""]
            if found.files:
                rows = [[escape_markdown(cell) for cell in _cells(f, lang)] for f in found.files]
                out += markdown_table([escape_markdown(h) for h in _header(lang)], rows,
                                      "llllrrrl") + [""]
            out += [f"- {escape_markdown(line)}" for line in _notes(found, lang)]
            out.append("")
    if result.unreadable:
        lines = [label(lang, "status.unreadable", file=u.file, problem=u.problem)
                 for u in result.unreadable]
        out += [f"- {escape_markdown(line)}" for line in lines] + [""]
    text = reminder(result, lang)
    out += [f"## {label(lang, 'status.reminder.title')}", ""]
    if text is None:
        out += [escape_markdown(label(lang, _no_reminder(result)))]
    else:
        # A block of its own, as typed: the coordinator copies it as it stands.
        out += ["```text", *text.replace("`", "'").splitlines(), "```"]
    return "\n".join(out) + "\n"


def status_data(result: Status, lang: str) -> dict[str, Any]:
    """What ``status`` found as plain data (the documented JSON shape)."""
    return {
        "coalitions": [
            {"coalition": coalition.coalition, "rounds": [
                {"round": found.label, "named": found.named,
                 "first": found.first.isoformat() if found.files else None,
                 "last": found.last.isoformat() if found.files else None,
                 "respondents": [
                     {"file": f.file, "organisation": f.organisation, "role": f.role,
                      "level": f.level, "date": f.date.isoformat(), "finished": f.finished,
                      "agreed": f.agreed, "answered": f.answered, "asked": f.asked,
                      "pillars": {p.pillar: {"answered": p.answered, "asked": p.asked}
                                  for p in f.pillars}}
                     for f in found.files],
                 "unfinished": [f.file for f in found.unfinished],
                 "expected": found.expected,
                 "missing": [person.model_dump() for person in found.missing],
                 "unexpected": list(found.unexpected)}
                for found in coalition.rounds]}
            for coalition in result.coalitions],
        "unreadable": [{"file": u.file, "problem": u.problem} for u in result.unreadable],
        "reminder": reminder(result, lang),
    }


def render_status_json(result: Status, lang: str) -> str:
    """What ``status`` found as JSON."""
    return json_text(status_data(result, lang))
