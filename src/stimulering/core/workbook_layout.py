"""The answers workbook's layout: its sheets, columns and the dropdown of each question.

Pure, and shared by the workbook's writer (``report.workbook_template``) and its
reader (``sources.workbook``), so that what one writes the other reads: the
sheet and column names, the rows of the respondent sheet, how an option of a
multiple choice is named in column A, and the texts each dropdown offers. Like
the YAML template it says nothing about scores, phases, weights or gates.
"""

from __future__ import annotations

from stimulering.i18n import label, option_labels
from stimulering.model import SCALE_VALUES, SPECIAL_VALUES, AnswerValue, Question

WORKBOOK_FORMAT = 1
"""Version of the workbook's layout, kept on its hidden sheet."""


META_SHEET = "stimulering"
"""The hidden sheet that says what the workbook is: format, language and question set."""


QUESTION_COLUMNS = ("id", "question", "answer", "note", "help")
"""The columns of the questions sheet, in order (A to E)."""


RESPONDENT_COLUMNS = ("field", "name", "value", "help")
"""The columns of the respondent sheet, in order (A to D)."""


RESPONDENT_FIELDS = ("coalition", "organisation", "role", "level", "date")
"""The rows of the respondent sheet, in order, by the key in its column A."""


OPTION_SEPARATOR = "."
"""Joins a question id and an option id in column A of an option's row: ``scope.warmte``."""


def sheet_name(lang: str, key: str) -> str:
    """The name of one of the workbook's sheets in ``lang``."""
    return label(lang, f"wb.sheet.{key}")


def header(lang: str, key: str) -> str:
    """A column header of the workbook in ``lang``."""
    return label(lang, f"wb.col.{key}")


def dropdown_key(text: str) -> str:
    """Text as matched against a dropdown: case and runs of white space do not matter."""
    return " ".join(text.split()).casefold()


def special_labels(lang: str) -> list[tuple[str, str]]:
    """The two special answers with their text: don't know, not applicable."""
    return [(value, label(lang, f"special.{value}")) for value in SPECIAL_VALUES]


def choices(question: Question, lang: str) -> list[tuple[AnswerValue, str]]:
    """The dropdown of a closed question: each value with the text shown for it.

    Scale items read "4 – eens"; an option whose text equals another's gets its id
    added, so every text in one dropdown picks exactly one value.
    """
    if question.type == "scale":
        offered: list[tuple[AnswerValue, str]] = [
            (value, f"{value} – {label(lang, f'scale.{value}')}") for value in SCALE_VALUES]
    elif question.type in ("yesno", "choice"):
        offered = [(value, " ".join(text.split()))
                   for value, text in option_labels(question, lang)]
    else:
        offered = []
    offered += special_labels(lang)
    seen: dict[str, int] = {}
    for _, text in offered:
        seen[dropdown_key(text)] = seen.get(dropdown_key(text), 0) + 1
    return [(value, text if seen[dropdown_key(text)] == 1 else f"{text} ({value})")
            for value, text in offered]


def tick_labels(lang: str) -> list[tuple[bool, str]]:
    """The two answers of an option row of a multiple choice: ticked or not."""
    return [(True, label(lang, "yesno.ja")), (False, label(lang, "yesno.nee"))]
