"""The interview as a small state machine: no terminal, no printing, no files.

It holds the answers and notes given so far, knows which questions are visible
(recomputed from the ``when`` conditions after every answer, so the counter
``[i/N]`` follows them), where the respondent is, and the questions actually
visited for going back. ``parse_input`` turns what was typed at a question into
an answer value, a command, or a message saying what is allowed. The terminal
adapter (``stimulering.session.terminal``) only shows and reads.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from stimulering.core.scoring import Scorer
from stimulering.i18n import label, number_text, option_labels
from stimulering.model import (
    DONT_KNOW,
    LARGEST_NUMBER,
    NOT_APPLICABLE,
    SLUG_MAX,
    TEXT_ANSWER_MAX,
    Answers,
    AnswerValue,
    Question,
    Respondent,
)

CommandKind = Literal["help", "back", "note", "review", "quit"]

COMMANDS: dict[str, CommandKind | None] = {
    "?": "help",
    ":b": "back",
    ":w": None,
    ":nvt": None,
    ":n": "note",
    ":r": "review",
    ":q": "quit",
}
"""Every command that works at a prompt; ``:w`` and ``:nvt`` are answers (``None`` here)."""


@dataclass(frozen=True)
class Command:
    """A command typed at a prompt: help, back, note, review or quit."""

    kind: CommandKind


@dataclass(frozen=True)
class Value:
    """A valid answer value for the question asked."""

    value: AnswerValue


@dataclass(frozen=True)
class Keep:
    """Enter on a question that already has an answer: keep it and go on."""


@dataclass(frozen=True)
class Invalid:
    """Input that is not allowed here, with a message saying what is."""

    message: str


Parsed = Command | Value | Keep | Invalid


@dataclass(frozen=True)
class Choice:
    """One numbered option as the respondent sees it."""

    number: int
    """What to type (1-based; for a scale item the scale value itself)."""
    value: str | int
    """The answer value it stands for."""
    label: str
    """What it means, in the interview's language."""


def choices(question: Question, lang: str) -> list[Choice]:
    """The numbered options of a question, in the order of ``questions --format json``."""
    # Numbered from 1, which makes a scale item's numbers its values.
    return [Choice(number, value, text)
            for number, (value, text) in enumerate(option_labels(question, lang), start=1)]


def _number(text: str) -> int | float | None:
    """The number typed, ``None`` when it is none, or infinity when it is too large to use."""
    text = text.strip().replace(" ", "")
    if re.fullmatch(r"[+-]?\d+", text):
        # Longer whole numbers cannot fit a float, and Python turns at most some
        # thousands of digits into a number at all.
        if len(text.lstrip("+-0")) > _LARGEST_DIGITS:
            return math.inf
        whole = int(text)
        return whole if abs(whole) <= LARGEST_NUMBER else math.inf
    if re.fullmatch(r"[+-]?\d*[.,]\d+|[+-]?\d+[.,]", text):
        value = float(text.replace(",", "."))  # too large a number gives infinity
        return int(value) if value.is_integer() else value
    return None


_LARGEST_DIGITS = len(str(int(LARGEST_NUMBER)))


def _band_text(low: float, high: float | None, lang: str) -> str:
    if high is None:
        return f"{number_text(low, lang)}+"
    return f"{number_text(low, lang)}–{number_text(high, lang)}"


def parse_input(question: Question, raw: str, lang: str,
                current: AnswerValue = None) -> Parsed:
    """What typed text means at ``question``: an answer, a command, or why it is not allowed.

    Args:
        question: the question being asked.
        raw: the line as typed.
        lang: language of the messages.
        current: the answer the question has already, if any (Enter keeps it).

    Returns:
        A ``Value`` to record, a ``Keep``, a ``Command``, or an ``Invalid`` with a message.
    """
    text = raw.strip()
    lowered = text.lower()
    if lowered in COMMANDS:
        kind = COMMANDS[lowered]
        if kind is not None:
            return Command(kind)
        if question.type == "text":
            return Invalid(label(lang, "iv.error.text_special"))
        return Value(DONT_KNOW if lowered == ":w" else NOT_APPLICABLE)
    if text.startswith(":") and (question.type != "text" or re.fullmatch(r":\w*", text)):
        return Invalid(label(lang, "iv.error.command", command=text))
    if not text and current is not None:
        return Keep()
    if question.type == "text":
        answer = " ".join(raw.split())
        if len(answer) > TEXT_ANSWER_MAX:
            return Invalid(label(lang, "iv.error.too_long", limit=TEXT_ANSWER_MAX,
                                 count=len(answer)))
        return Value(answer)
    if question.type == "number":
        return _parse_number(question, text, lang)
    options = choices(question, lang)
    by_number = {str(choice.number): choice.value for choice in options}
    by_value = {str(choice.value).lower(): choice.value for choice in options}
    if question.type == "multi":
        parts = [part for part in re.split(r"[,\s;]+", text) if part]
        picked: list[str] = []
        for part in parts:
            value = by_number.get(part, by_value.get(part.lower()))
            if value is None:
                picked = []
                break
            if str(value) not in picked:
                picked.append(str(value))
        alone = question.exclusive_clash(picked)
        if alone is not None:
            return Invalid(label(lang, "iv.error.exclusive", option=next(
                choice.label for choice in options if choice.value == alone)))
        if picked:
            order = [str(choice.value) for choice in options]
            return Value(sorted(picked, key=order.index))
        return Invalid(label(lang, "iv.error.multi", count=len(options)))
    value = by_number.get(text, by_value.get(lowered))
    if value is not None:
        return Value(value)
    if question.type == "scale":
        return Invalid(label(lang, "iv.error.scale"))
    return Invalid(label(lang, "iv.error.option", count=len(options)))


def _parse_number(question: Question, text: str, lang: str) -> Parsed:
    number = _number(text)
    if number is None:
        return Invalid(label(lang, "iv.error.number"))
    fault = question.number_fault(number)
    if fault == "not_finite":
        return Invalid(label(lang, "iv.error.number_too_large"))
    if fault == "negative":
        return Invalid(label(lang, "iv.error.negative"))
    if fault == "outside_bands":
        ranges = ", ".join(_band_text(band.min, band.max, lang) for band in question.bands or [])
        return Invalid(label(lang, "iv.error.band", value=number_text(number, lang),
                             ranges=ranges))
    return Value(number)




def slug(text: str) -> str:
    """A name made safe for a file name: lower case ASCII letters, digits and hyphens.

    Long names are cut to ``SLUG_MAX`` characters, so that a name as long as a file
    allows still gives a file name the file system takes.
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cut = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:SLUG_MAX]
    return cut.rstrip("-") or "x"


def default_file_name(coalition: str, organisation: str, date: dt.date) -> str:
    """The answers file name used when none is given: ``zoetermeer-stedin-2026-11-28.yaml``."""
    return f"{slug(coalition)}-{slug(organisation)}-{date.isoformat()}.yaml"


def parse_phase(raw: str) -> int | None:
    """A target phase 1-6 as typed; ``None`` when it is not one."""
    text = raw.strip()
    return int(text) if text in {"1", "2", "3", "4", "5", "6"} else None


def parse_date(raw: str) -> dt.date | None:
    """A date typed as ``2027-03-01`` (or ``1-3-2027``); ``None`` when it is not one."""
    text = raw.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


class Interview:
    """Answers, notes, the visible questions and the position of one interview."""

    def __init__(self, scorer: Scorer, answers: Mapping[str, AnswerValue] | None = None,
                 notes: Mapping[str, str] | None = None, *,
                 only: Iterable[str] | None = None,
                 respondent: Respondent | None = None) -> None:
        self.scorer = scorer
        self.only = None if only is None else tuple(only)
        """Ask these questions only, in this order (a consensus conversation asks its
        discussion topics, the largest differences first)."""
        self.respondent = respondent
        """Who answers: only the questions for their role and level are asked (see
        ``Question.asks``); ``None`` asks every question."""
        self.questions = scorer.qset.questions
        self.by_id = scorer.questions
        self.answers: dict[str, AnswerValue] = dict(answers or {})
        self.notes: dict[str, str] = dict(notes or {})
        self.history: list[str] = []
        """Ids of the questions visited before the current one, oldest first."""
        self.current_id: str | None = None
        self.start()

    # --- what is asked -------------------------------------------------------------------------

    def values(self) -> dict[str, AnswerValue]:
        """The answers keyed by current question ids (old ids followed through ``replaces``)."""
        return self.scorer.effective_values(self.answers)[0]

    def value(self, question_id: str) -> AnswerValue:
        """The answer given to a question, or ``None``."""
        return self.values().get(question_id)

    def visible(self) -> list[Question]:
        """The questions asked with the answers so far, in the order they are asked.

        Those whose ``when`` holds and that are for the respondent's role and level: their
        number is the ``N`` of the counter (``Scorer.asked``).
        """
        asked = set(self.scorer.asked(self.scorer.items(self.values()), self.respondent))
        return [question for question in self._order() if question.id in asked]

    def _order(self) -> list[Question]:
        """The questions in the order they are asked, hidden ones included."""
        if self.only is None:
            return list(self.questions)
        return [self.by_id[question_id] for question_id in self.only if question_id in self.by_id]

    def first_open(self) -> str | None:
        """Id of the first visible question without an answer, or ``None``."""
        values = self.values()
        return next((q.id for q in self.visible() if values.get(q.id) is None), None)

    @property
    def current(self) -> Question | None:
        """The question being asked, or ``None`` when the end is reached."""
        return None if self.current_id is None else self.by_id[self.current_id]

    @property
    def finished(self) -> bool:
        """Whether every visible question has an answer."""
        return self.first_open() is None

    def position(self) -> tuple[int, int]:
        """The counter ``(i, N)``: the current question's place among the visible ones."""
        visible = [question.id for question in self.visible()]
        index = visible.index(self.current_id) + 1 if self.current_id in visible else 0
        return index, len(visible)

    # --- moving --------------------------------------------------------------------------------

    def start(self) -> None:
        """Go to the first open question (or to the end when there is none)."""
        self.current_id = self.first_open()

    def goto(self, question_id: str) -> None:
        """Ask ``question_id`` next, remembering where the respondent was."""
        if self.current_id is not None and self.current_id != question_id:
            self.history.append(self.current_id)
        self.current_id = question_id

    def record(self, value: AnswerValue) -> None:
        """Store an answer to the current question without moving on."""
        question = self.current
        if question is None:
            raise RuntimeError("no question is being asked")
        for old in question.replaces:
            self.answers.pop(old, None)
        self.answers[question.id] = value

    def advance(self) -> None:
        """Go to the next visible question after the current one (``None`` at the end)."""
        if self.current_id is None:
            return
        order = [question.id for question in self._order()]
        after = set(order[order.index(self.current_id) + 1:]) if self.current_id in order else set()
        self.history.append(self.current_id)
        self.current_id = next((q.id for q in self.visible() if q.id in after), None)

    def answer(self, value: AnswerValue) -> None:
        """Store an answer to the current question and go to the next one."""
        self.record(value)
        self.advance()

    def back(self) -> bool:
        """Go back to the question visited before; ``False`` when there is none."""
        visible = {question.id for question in self.visible()}
        while self.history:
            previous = self.history.pop()
            if previous in visible and previous != self.current_id:
                self.current_id = previous
                return True
        order = [question.id for question in self.visible()]
        if self.current_id is None and order:
            self.current_id = order[-1]
            return True
        if self.current_id in order and order.index(self.current_id) > 0:
            # Resumed interviews have no history: go to the question before in the set.
            self.current_id = order[order.index(self.current_id) - 1]
            return True
        return False

    def set_note(self, text: str) -> None:
        """Attach a note to the current question (an empty text removes it)."""
        if self.current_id is None:
            raise RuntimeError("no question is being asked")
        text = text.strip()
        if text:
            self.notes[self.current_id] = text
        else:
            self.notes.pop(self.current_id, None)

    # --- the file ------------------------------------------------------------------------------

    def to_answers(self, base: Answers) -> Answers:
        """``base`` (who, when, targets, actions) with this interview's answers and notes."""
        order = {question.id: index for index, question in enumerate(self.questions)}
        ordered = dict(sorted(self.answers.items(),
                              key=lambda item: order.get(item[0], len(order))))
        notes = dict(sorted(self.notes.items(), key=lambda item: order.get(item[0], len(order))))
        return Answers.model_validate({**base.model_dump(), "answers": ordered, "notes": notes})


def parse_yes_no(raw: str, lang: str, default: bool) -> bool | None:
    """A yes/no reply (Enter gives ``default``); ``None`` when it is neither."""
    text = raw.strip().lower()
    if not text:
        return default
    if text in label(lang, "iv.yes_words").split():
        return True
    if text in label(lang, "iv.no_words").split():
        return False
    return None
