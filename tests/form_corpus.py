"""One corpus of answers files that the command line and the offline form must judge alike.

Each case is the text of an answers file and whether it is valid.
``tests/cli/test_form_corpus_cli.py`` runs every case through ``stimulering validate``,
``tests/e2e/test_form_corpus_browser.py`` through the page's own check in Chromium; both
must say what the case says. The files keep to the YAML the form reads (README, "What
the form writes and reads"), and use the question set in use, so they follow its ids.
Two kinds of file are for the command line only, on purpose (``cli_only``): a coalition
file made by ``assess --consensus``, which is continued in the terminal, and a file of
another question set.
"""

from __future__ import annotations

from typing import Any

from stimulering.model import (
    ACTION_MAX,
    MAX_LINE_CHARS,
    NAME_MAX,
    NOTE_MAX,
    ROUND_MAX,
    TEXT_ANSWER_MAX,
)


def _ids(engine: Any) -> dict[str, str]:
    questions = engine.questions.questions
    multi = next(q for q in questions if q.type == "multi"
                 and any(option.exclusive for option in q.options or []))
    return {
        "yesno": next(q.id for q in questions if q.type == "yesno" and q.when is None),
        "text": next(q.id for q in questions if q.type == "text"),
        "multi": multi.id,
        "alone": next(o.id for o in multi.options or [] if o.exclusive),
        "other": next(o.id for o in multi.options or [] if not o.exclusive),
        "set": engine.questions.id,
        "version": engine.questions.version,
    }


def _file(ids: dict[str, str], **parts: str) -> str:
    """An answers file; each part replaces the line of its key (or is added at the end)."""
    lines = {
        "stimulering_answers": "stimulering_answers: 1",
        "question_set": f"question_set: {{id: {ids['set']}, version: {ids['version']}}}",
        "coalition": "coalition: Rivierstad",
        "respondent": "respondent: {organisation: Stroomnet, role: netbeheerder, "
                      "level: tactisch}",
        "date": "date: 2026-11-28",
        "answers": f"answers:\n  {ids['yesno']}: ja",
    }
    for key, line in parts.items():
        if line:
            lines[key] = line
        else:
            lines.pop(key, None)
    return "\n".join(lines.values()) + "\n"


def _quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar with escapes, as the form writes."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or 0x7f <= ord(char) < 0xa0 or char in "\u2028\u2029\ufeff":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def corpus(engine: Any) -> dict[str, tuple[str, bool]]:
    """Every case: name -> (file text, whether it is a valid answers file)."""
    ids = _ids(engine)
    yes, text, multi = ids["yesno"], ids["text"], ids["multi"]

    def f(**parts: str) -> str:
        return _file(ids, **parts)

    def answers(*lines: str) -> str:
        return "answers:\n" + "\n".join(f"  {line}" for line in lines)

    def action(**fields: str) -> str:
        given = {"what": "Convenant opstellen", **fields}
        return "actions:\n" + "\n".join(
            ("- " if index == 0 else "  ") + f"{key}: {value}"
            for index, (key, value) in enumerate(given.items()))

    long_name = "R" * NAME_MAX
    astral = "\U0001d4b3" * NAME_MAX  # one code point each, two UTF-16 units in a browser
    cases: dict[str, tuple[str, bool]] = {
        # Accepted by both.
        "plain": (f(), True),
        "separators kept": (f(coalition=f"coalition: {_quoted('Rivier' + chr(0x2028) + 'stad')}",
                              respondent="respondent: {organisation: "
                                         f"{_quoted('Stroom' + chr(0x85) + 'net')}, "
                                         "role: netbeheerder, level: tactisch}",
                              notes=f"notes:\n  {yes}: {_quoted('een' + chr(0x2029) + 'twee')}"),
                            True),
        "hostile texts": (f(coalition=f"coalition: {_quoted('Pol' + chr(1) + 'der' + chr(0x1b))}",
                            notes=f"notes:\n  {yes}: {_quoted('<script>' + chr(0x202e) + 'x')}",
                            answers=answers(f"{yes}: ja",
                                            f"{text}: {_quoted('=HYPERLINK(1)')}")),
                          True),
        "longest texts": (f(coalition=f"coalition: {long_name}",
                            respondent=f"respondent: {{organisation: {long_name}, "
                                       "role: netbeheerder, level: tactisch}",
                            round=f"round: {'r' * ROUND_MAX}",
                            notes=f"notes:\n  {yes}: {'n' * NOTE_MAX}",
                            answers=answers(f"{yes}: ja", f"{text}: {'t' * TEXT_ANSWER_MAX}"),
                            actions=action(what="w" * ACTION_MAX, owner="o" * NAME_MAX)),
                          True),
        "longest name of astral letters": (f(coalition=f"coalition: {astral}"), True),
        "date as text": (f(date="date: '2026-11-28'"), True),
        "date and time": (f(date="date: 2026-11-28 10:30:00"), True),
        "everything": (f(round="round: najaar 2026", lang="lang: en",
                         answers=answers(f"{yes}: deels", f"{multi}: [{ids['other']}]",
                                         f"{text}: Gemeente en Stroomnet"),
                         notes=f"notes:\n  {yes}: Elke maand",
                         targets="targets: {people: 3, governance: 6, information: 1}",
                         actions=action(owner="gemeente", due="2027-03-01", item=yes,
                                        done="false")),
                       True),
        "unknown question of another version kept": (
            f(question_set=f"question_set: {{id: {ids['set']}, version: 0.9.0}}",
              answers=answers(f"{yes}: ja", "oude_vraag: 3")), True),
        "open answer": (f(answers=answers(f"{yes}: null")), True),
        # Refused by both.
        "unknown question of this version": (f(answers=answers(f"{yes}: ja", "oude_vraag: 3")),
                                             False),
        "lone surrogate escape": (f(coalition='coalition: "Rivier\\udc80stad"'), False),
        "surrogate pair as escapes": (f(coalition='coalition: "Rivier\\ud83d\\ude00"'), False),
        "round with U+0000": (f(round='round: "najaar\\0 2026"'), False),
        "round too long": (f(round=f"round: {'r' * (ROUND_MAX + 1)}"), False),
        "coalition too long": (f(coalition=f"coalition: {long_name}R"), False),
        "coalition too long in astral letters": (f(coalition=f"coalition: {astral}R"), False),
        "organisation empty": (f(respondent="respondent: {organisation: '', role: gemeente, "
                                            "level: tactisch}"), False),
        "no coalition": (f(coalition=""), False),
        "no date": (f(date=""), False),
        "no level": (f(respondent="respondent: {organisation: Stroomnet, role: gemeente}"),
                     False),
        "note too long": (f(notes=f"notes:\n  {yes}: {'n' * (NOTE_MAX + 1)}"), False),
        "open answer too long": (f(answers=answers(f"{text}: {'t' * (TEXT_ANSWER_MAX + 1)}")),
                                 False),
        "action too long": (f(actions=action(what="w" * (ACTION_MAX + 1))), False),
        "owner too long": (f(actions=action(owner="o" * (NAME_MAX + 1))), False),
        "action done as text": (f(actions=action(done="ja")), False),
        "action without what": (f(actions="actions:\n- owner: gemeente"), False),
        "target as decimal": (f(targets="targets: {people: 3.0}"), False),
        "target as text": (f(targets="targets: {people: '3'}"), False),
        "target seven": (f(targets="targets: {people: 7}"), False),
        "target of no pillar": (f(targets="targets: {mensen: 3}"), False),
        "date as a number": (f(date="date: 0"), False),
        "impossible date": (f(date="date: 2026-02-30"), False),
        "date in another order": (f(date="date: 28-11-2026"), False),
        "due impossible": (f(actions=action(due="2026-13-01")), False),
        "version as decimal": (f(stimulering_answers="stimulering_answers: 1.0"), False),
        "lang empty": (f(lang="lang: null"), False),
        "lang in capitals": (f(lang="lang: NL"), False),
        "question set without version": (f(question_set=f"question_set: {{id: {ids['set']}}}"),
                                         False),
        "answers empty": (f(answers="answers:"), False),
        "answer true": (f(answers=answers(f"{yes}: yes")), False),
        "unknown answer as mapping": (f(answers=answers(f"{yes}: ja", "oude_vraag: {a: 1}")),
                                      False),
        "answer under a key that is no id": (f(answers=answers("Vast-Overleg: ja")), False),
        "alone with another": (f(answers=answers(f"{multi}: [{ids['alone']}, {ids['other']}]")),
                               False),
        "note under a key that is no id": (f(notes="notes:\n  Vast-Overleg: tekst"), False),
        "unknown key": (f(remarks="remarks: tekst"), False),
        "line too long": (f(comment="# " + "x" * MAX_LINE_CHARS), False),
    }
    return cases


def cli_only(engine: Any) -> dict[str, tuple[str, str]]:
    """Files the command line takes and the form refuses on purpose: name -> (file, message key).

    A coalition file made by ``assess --consensus`` is continued in the terminal, and a
    file of another question set cannot be shown by a form made for this one.
    """
    ids = _ids(engine)
    return {
        "coalition file": (_file(ids, respondent="respondent: {organisation: Rivierstad, "
                                                 "role: coalitie, level: strategisch}"),
                           "form.load.coalition_file"),
        "another question set": (_file(ids, question_set="question_set: {id: ander, "
                                                         "version: 1.0.0}"),
                                 "form.load.other_set"),
    }
