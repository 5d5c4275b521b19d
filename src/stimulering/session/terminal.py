"""The interview in a terminal: a thin adapter that shows and reads around ``interview``.

Everything the respondent decides goes through ``stimulering.core.interview``; this
module only prints with rich and reads lines through ``read_line``, so tests can
feed it lines. The answers file is rewritten atomically after every answer.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from stimulering.core.interview import (
    Command,
    Interview,
    Invalid,
    Keep,
    Parsed,
    Value,
    choices,
    default_file_name,
    parse_date,
    parse_input,
    parse_phase,
    parse_yes_no,
    slug,
)
from stimulering.core.results import Evaluation
from stimulering.errors import StimuleringError, UsageError
from stimulering.i18n import join_words, label, pick, plural
from stimulering.model import (
    ACTION_MAX,
    LEVELS,
    NAME_MAX,
    NOTE_MAX,
    PILLARS,
    ROLES,
    Action,
    Answers,
    ConsensusRecord,
    Question,
    Respondent,
)
from stimulering.report.common import answer_label, pillar_name, range_text
from stimulering.report.console import plain, safe_console
from stimulering.session.store import (
    answers_yaml,
    atomic_write,
    changed_since,
    chart_path_for,
    save_answers,
    snapshot,
    write_report,
)
from stimulering.sources.engine import Engine

EXIT_INTERRUPTED = 130
REVIEW_ANSWER_WIDTH = 22

Outcome = Literal["done", "quit"]


@dataclass(frozen=True)
class Options:
    """What the command line gave for the interview."""

    lang: str
    save: Path | None = None
    resume: Path | None = None
    coalition: str | None = None
    organisation: str | None = None
    role: str | None = None
    level: str | None = None
    round: str | None = None
    """The assessment round a new answers file belongs to (none: grouped by its date)."""
    folder: Path = Path()
    """Where a default answers file is written and unfinished ones are looked for."""
    today: dt.date | None = None


class _Quit(Exception):
    """The respondent typed :q (or closed the input)."""


class Session:
    """One interview in one terminal."""

    def __init__(self, engine: Engine, options: Options, console: Console,
                 read_line: Callable[[str], str]) -> None:
        self.engine = engine
        self.context: dict[str, list[str]] = {}
        """Lines shown under a question, by id: in a consensus, what each partner answered."""
        self.options = options
        self.lang = options.lang
        self.console = console
        self._read_line = read_line
        self.path: Path | None = None
        self.base: Answers | None = None
        self.written: bytes | None = None
        """The answers file as this session last read or wrote it."""
        self.interview = Interview(engine.scorer)

    # --- small helpers -------------------------------------------------------------------------

    def say(self, text: str = "", style: str = "") -> None:
        """Print one paragraph, shown as it is (names and texts in it come from files)."""
        self.console.print(plain(text, style=style))

    def read(self, prompt: str) -> str:
        """Read one line; end of input counts as quitting."""
        try:
            return self._read_line(f"{prompt}: ")
        except EOFError:
            self.console.print()
            raise _Quit from None

    def label(self, key: str, **values: object) -> str:
        """A program label in the interview's language."""
        return label(self.lang, key, **values)

    def ask_text(self, key: str, limit: int, *, required: bool = True) -> str:
        """Ask for a text of at most ``limit`` characters (on one line; not empty if required)."""
        while True:
            text = " ".join(self.read(self.label(key)).split())
            if required and not text:
                self.say(self.label("iv.error.required"), "yellow")
            elif len(text) > limit:
                self.say(self.label("iv.error.too_long", limit=limit, count=len(text)), "yellow")
            else:
                return text

    def ask_menu(self, key: str, values: tuple[str, ...], names: str) -> str:
        """Ask for one of ``values`` by number or by id."""
        for number, value in enumerate(values, start=1):
            self.say(f"  {number:>2}  {self.label(f'{names}.{value}')}")
        while True:
            text = self.read(self.label(key)).strip().lower()
            if text.isdigit() and 1 <= int(text) <= len(values):
                return values[int(text) - 1]
            if text in values:
                return text
            self.say(self.label("iv.error.choice", count=len(values)), "yellow")

    def ask_yes_no(self, key: str, default: bool, count: int | None = None,
                   **values: object) -> bool:
        """Ask a yes/no question; ``count`` picks the form of a label with plural forms."""
        prompt = self.label(key, **values) if count is None \
            else plural(self.lang, key, count, **values)
        while True:
            answer = parse_yes_no(self.read(prompt), self.lang, default)
            if answer is not None:
                return answer
            self.say(self.label("iv.error.yes_no"), "yellow")

    def save(self) -> None:
        """Rewrite the answers file with everything given so far.

        When another program (a second interview on the same file) wrote the file since
        this session read or wrote it, it is left as it is: the answers go on in a new
        file beside it, and the respondent is told.
        """
        assert self.path is not None and self.base is not None
        content = answers_yaml(self.answers()).encode("utf-8")
        if changed_since(self.path, self.written):
            old = self.path
            self.path = self.free_name(old)
            self.say(self.label("iv.changed_elsewhere", old=str(old), path=str(self.path)),
                     "yellow")
        atomic_write(self.path, content)
        self.written = content

    def answers(self) -> Answers:
        """The answers file as it stands."""
        assert self.base is not None
        return self.interview.to_answers(self.base)

    # --- start ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Find or make the answers file, asking who answers where needed."""
        self.say(self.label("iv.title"), "bold")
        self.say(self.label("iv.intro"))
        self.say()
        if self.options.resume is not None:
            self.open(self.options.resume, self.engine.read_answers(self.options.resume))
            return
        options = self.options
        coalition = options.coalition or self.ask_text("iv.ask.coalition", NAME_MAX)
        organisation = options.organisation or self.ask_text("iv.ask.organisation", NAME_MAX)
        found = self.unfinished(coalition, organisation)
        if found is not None:
            path, answers = found
            self.say(plural(self.lang, "iv.found", len(answers.answered()), path=str(path)))
            if self.ask_yes_no("iv.resume_question", True):
                self.open(path, answers)
                return
        role = options.role or self.ask_menu(
            "iv.ask.role", tuple(role for role in ROLES if role != "coalitie"), "role")
        level = options.level or self.ask_menu("iv.ask.level", LEVELS, "level")
        today = options.today or dt.date.today()
        self.base = Answers(
            stimulering_answers=1, question_set=self.engine.scorer.ref, coalition=coalition,
            respondent=Respondent(organisation=organisation, role=role,
                                  level=level),
            date=today, round=options.round, lang=self.lang)
        self.interview = Interview(self.engine.scorer, respondent=self.base.respondent)
        self.path = options.save or self.free_name(
            options.folder / default_file_name(coalition, organisation, today))
        self.show_path()
        self.save()

    def open(self, path: Path, answers: Answers) -> None:
        """Continue an existing answers file (with the current question set)."""
        self.path = path
        self.written = snapshot(path)
        self.base = answers.model_copy(update={"question_set": self.engine.scorer.ref})
        topics = None
        if answers.consensus is not None:
            # A consensus file asks its topics only, with each partner's answer beside them.
            topics = tuple(answers.consensus.topics)
            self.context = consensus_context(answers.consensus, self.engine.questions.by_id(),
                                             self.lang)
        self.interview = Interview(self.engine.scorer, answers.answers, answers.notes,
                                   only=topics, respondent=answers.respondent)
        self.show_path()
        if answers.question_set is not None:
            for warning in self.engine.scorer.set_warnings(answers.question_set):
                made, used = warning.texts
                self.say(self.label("iv.other_set", made=made, used=used), "yellow")

    def show_path(self) -> None:
        """Say where the answers go."""
        self.say(self.label("iv.file", path=str(self.path)), "bold")

    def unfinished(self, coalition: str, organisation: str) -> tuple[Path, Answers] | None:
        """The newest unfinished answers file of this respondent in the folder, if any."""
        prefix = f"{slug(coalition)}-{slug(organisation)}-"
        for path in sorted(self.options.folder.glob(f"{prefix}*.yaml"), reverse=True):
            try:
                answers = self.engine.read_answers(path)
            except StimuleringError:
                continue
            same = (answers.coalition.casefold() == coalition.casefold()
                    and answers.respondent.organisation.casefold() == organisation.casefold())
            if same and not Interview(self.engine.scorer, answers.answers,
                                      respondent=answers.respondent).finished:
                return path, answers
        return None

    @staticmethod
    def free_name(path: Path) -> Path:
        """``path``, or the first of ``name-2.yaml``, ``name-3.yaml``... that does not exist."""
        number = 2
        candidate = path
        while os.path.lexists(candidate):  # a link, even a dangling one, is taken
            candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
            number += 1
        return candidate

    # --- questions -----------------------------------------------------------------------------

    def show(self, question: Question) -> None:
        """The header, text, options and commands of a question."""
        index, total = self.interview.position()
        model = self.engine.model
        category = next((pick(c.name, self.lang) for c in model.categories
                         if c.id == question.category), question.category)
        self.say()
        self.console.print(Text.assemble(
            (f"[{index}/{total}] ", "bold"),
            plain(f"{pillar_name(model, question.pillar, self.lang)} · {category}",
                  "bold cyan")))
        self.say(pick(question.text, self.lang))
        if question.id in self.context:
            self.say(self.label("iv.consensus.answers"), "magenta")
            for line in self.context[question.id]:
                self.say(line, "magenta")
        for choice in choices(question, self.lang):
            self.say(f"  {choice.number:>2}  {choice.label}")
        if question.type == "number":
            unit = pick(question.unit, self.lang)
            if unit:
                self.say(f"  ({unit})", "dim")
        note = self.interview.notes.get(question.id)
        if note:
            self.say(self.label("iv.current_note", note=note), "dim")
        self.say(self.label("iv.footer"), "dim")

    def prompt(self, question: Question) -> str:
        """The prompt text of a question."""
        current = self.interview.value(question.id)
        if current is not None:
            return self.label("iv.prompt.keep", answer=answer_label(question, current, self.lang))
        if question.type == "multi":
            return self.label("iv.prompt.multi")
        if question.type == "text":
            return self.label("iv.prompt.text")
        return self.label("iv.prompt")

    def ask(self, question: Question) -> Parsed:
        """Show a question and read until there is an answer or a command that moves."""
        self.show(question)
        while True:
            current = self.interview.value(question.id)
            parsed = parse_input(question, self.read(self.prompt(question)), self.lang, current)
            if isinstance(parsed, Invalid):
                self.say(parsed.message, "yellow")
            elif isinstance(parsed, Command) and parsed.kind == "help":
                self.say(pick(question.help, self.lang) or self.label("iv.no_help"), "italic")
                self.say(self.label("iv.footer"), "dim")
            elif isinstance(parsed, Command) and parsed.kind == "note":
                self.interview.set_note(self.ask_note())
                self.save()
                self.say(self.label("iv.note_saved"), "dim")
            else:
                return parsed

    def ask_note(self) -> str:
        """Ask for a note of at most ``NOTE_MAX`` characters (empty clears it)."""
        while True:
            text = self.read(self.label("iv.prompt.note")).strip()
            if len(text) <= NOTE_MAX:
                return text
            self.say(self.label("iv.error.too_long", limit=NOTE_MAX, count=len(text)), "yellow")

    def questions(self) -> Outcome:
        """Ask from the current question to the end."""
        interview = self.interview
        while interview.current is not None:
            parsed = self.ask(interview.current)
            if isinstance(parsed, Value):
                interview.answer(parsed.value)
                self.save()
            elif isinstance(parsed, Keep):
                interview.advance()
            elif isinstance(parsed, Command) and parsed.kind == "back":
                if not interview.back():
                    self.say(self.label("iv.error.first"), "yellow")
            elif isinstance(parsed, Command) and parsed.kind == "review":
                if self.review(final=False) == "quit":
                    return "quit"
            else:
                return "quit"
        return "done"

    def review(self, *, final: bool) -> Outcome | Literal["back"]:
        """The table of all answers; a number changes one, Enter accepts."""
        interview = self.interview
        here = interview.current_id
        while True:
            visible = interview.visible()
            self.show_review(visible)
            text = self.read(self.label("iv.review.prompt")).strip().lower()
            if not text:
                return "done"
            if text == ":q":
                return "quit"
            if text == ":b" and final:
                interview.back()
                return "back"
            if text.isdigit() and 1 <= int(text) <= len(visible):
                interview.current_id = visible[int(text) - 1].id
                parsed = self.ask(visible[int(text) - 1])
                if isinstance(parsed, Value):
                    interview.record(parsed.value)
                    self.save()
                interview.current_id = here
                if isinstance(parsed, Command) and parsed.kind == "quit":
                    return "quit"
                continue
            if text != ":r":
                self.say(self.label("iv.error.review"), "yellow")

    def show_review(self, visible: list[Question]) -> None:
        """Print the review table."""
        table = Table(title=self.label("iv.review.title"), box=None, padding=(0, 1),
                      title_justify="left", title_style="bold")
        # One line per question: the text is cut to what is left beside the answer.
        number_width = len(str(len(visible)))
        text_width = max(10, self.console.width - number_width - REVIEW_ANSWER_WIDTH - 6)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column(self.label("iv.review.question"), no_wrap=True)
        table.add_column(self.label("iv.review.answer"), no_wrap=True)
        for number, question in enumerate(visible, start=1):
            value = self.interview.value(question.id)
            shown = self.label("iv.review.open") if value is None else \
                answer_label(question, value, self.lang)
            table.add_row(str(number), plain(_cut(pick(question.text, self.lang), text_width)),
                          plain(_cut(shown, REVIEW_ANSWER_WIDTH)))
        self.say()
        self.console.print(table)

    # --- the end -------------------------------------------------------------------------------

    def finish(self) -> None:
        """Result screen, targets and actions, and the report."""
        from stimulering.report.markdown import render_report_markdown
        from stimulering.report.svg import report_svg
        from stimulering.report.text import assessment_renderables

        evaluation = self.engine.evaluate(self.answers())
        self.say()
        self.console.print(Group(*assessment_renderables(evaluation, self.lang,
                                                         deciding=False)))
        self.say()
        if self.ask_yes_no("iv.targets.offer", False):
            self.set_targets(evaluation)
        if self.ask_yes_no("iv.actions.offer", False):
            self.add_actions()
        assert self.path is not None
        report = self.path.with_suffix(".md")
        chart = chart_path_for(report)
        # Files already there are only replaced when the respondent says so.
        existing = [str(path) for path in (report, chart) if os.path.lexists(path)]
        if existing:
            write = self.ask_yes_no("iv.report.replace", False, count=len(existing),
                                    path=str(report), files=join_words(existing, self.lang))
        else:
            write = self.ask_yes_no("iv.report.offer", True, path=str(report))
        if write:
            final = self.engine.evaluate(self.answers())
            try:
                write_report(report, render_report_markdown(final, self.lang, chart.name),
                             report_svg(final, self.lang), force=bool(existing))
            except StimuleringError as error:
                self.say(str(error), "yellow")
            else:
                self.say(self.label("iv.report.written", path=str(report)), "bold")
        self.say(self.label("iv.saved", path=str(self.path)))

    def set_targets(self, evaluation: Evaluation) -> None:
        """Ask a target phase per pillar; each is saved as soon as it is given."""
        assert self.base is not None
        result = evaluation.assessment.pillars
        for pillar in PILLARS:
            name = pillar_name(self.engine.model, pillar, self.lang)
            now = result[pillar].phase_range
            while True:
                text = self.read(self.label("iv.targets.ask", pillar=name,
                                            phase=range_text(now)))
                if not text.strip():
                    break
                phase = parse_phase(text)
                if phase is None:
                    self.say(self.label("iv.error.phase"), "yellow")
                    continue
                if phase < now.low and not self.ask_yes_no(
                        "iv.targets.below", False, target=phase, phase=range_text(now)):
                    continue
                self.base = self.base.model_copy(
                    update={"targets": {**self.base.targets, pillar: phase}})
                self.save()
                break

    def add_actions(self) -> None:
        """Record planned actions, one after the other."""
        assert self.base is not None
        while True:
            what = self.ask_text("iv.actions.what", ACTION_MAX)
            owner = self.ask_text("iv.actions.owner", NAME_MAX, required=False)
            due = None
            while True:
                text = self.read(self.label("iv.actions.due"))
                due = parse_date(text)
                if due is not None or not text.strip():
                    break
                self.say(self.label("iv.error.date"), "yellow")
            item = self.ask_item()
            action = Action(what=what, owner=owner, due=due, item=item)
            self.base = self.base.model_copy(
                update={"actions": [*self.base.actions, action]})
            self.save()
            if not self.ask_yes_no("iv.actions.more", False):
                return

    def ask_item(self) -> str | None:
        """A question number from the review (or a question id); ``None`` when skipped."""
        visible = self.interview.visible()
        while True:
            text = self.read(self.label("iv.actions.item")).strip()
            if not text:
                return None
            if text.isdigit() and 1 <= int(text) <= len(visible):
                return visible[int(text) - 1].id
            if text in self.interview.by_id:
                return text
            self.say(self.label("iv.error.item", item=text), "yellow")

    # --- everything ----------------------------------------------------------------------------

    def run(self) -> int:
        """The whole interview; returns the exit code."""
        try:
            try:
                self.start()
                while True:
                    if self.questions() == "quit":
                        raise _Quit
                    outcome = self.review(final=True)
                    if outcome == "quit":
                        raise _Quit
                    if outcome == "back":
                        continue
                    if self.interview.finished:
                        break
                    self.interview.start()
                self.finish()
                return 0
            except _Quit:
                self.stopped()
                return 0
        except KeyboardInterrupt:
            self.console.print()
            self.stopped()
            return EXIT_INTERRUPTED

    def stopped(self) -> None:
        """Say where the answers are and how to continue."""
        if self.path is None or not self.path.exists():
            self.say(self.label("iv.nothing_saved"))
            return
        self.say(self.label("iv.saved", path=str(self.path)))
        self.say(self.label("iv.resume", path=str(self.path)), "bold")


def _cut(text: str, width: int) -> str:
    """``text`` on one line, cut short with an ellipsis to at most ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def consensus_context(record: ConsensusRecord, questions: Mapping[str, Question],
                      lang: str) -> dict[str, list[str]]:
    """Per topic, a line per partner with their answer, and under it their note."""
    context = {}
    for question_id, given in record.topics.items():
        if question_id not in questions:
            continue
        notes = record.notes.get(question_id, {})
        lines = []
        for who, value in given.items():
            lines.append(f"  {who}: {answer_label(questions[question_id], value, lang)}")
            if notes.get(who):
                lines.append("    " + label(lang, "iv.consensus.note",
                                            note=" ".join(notes[who].split())))
        context[question_id] = lines
    return context


def run_consensus(engine: Engine, options: Options, files: list[Path],
                  read_line: Callable[[str], str] | None = None, *,
                  all_topics: bool = False) -> int:
    """The consensus conversation: only the discussion topics are asked.

    Every other item is taken from the combined result; the answers are saved as one
    coalition answers file (role ``coalitie``) that keeps the topics and the partners'
    answers, so ``--resume`` continues the same conversation.
    """
    from stimulering.core.coalition import TOPIC_LIMIT, consensus

    partners = [engine.read_answers(path) for path in files]
    draft = consensus(engine.scorer, partners, limit=None if all_topics else TOPIC_LIMIT)
    today = options.today or dt.date.today()
    document = draft.answers.model_copy(update={
        "date": today, "lang": options.lang,
        "round": options.round or draft.answers.round})
    path = options.save or Session.free_name(options.folder / default_file_name(
        document.coalition, document.respondent.role, today))
    if os.path.lexists(path):
        raise UsageError(f"--save {path}: exists already; continue it with "
                         f"'stimulering assess --resume {path}' or choose another name")
    save_answers(path, document)
    console = safe_console()
    console.print(Text(plural(options.lang, "iv.consensus.intro", len(draft.topics),
                              partners=len(partners)), style="bold"))
    if len(draft.topics) < draft.total:
        console.print(Text(label(options.lang, "iv.consensus.capped", shown=len(draft.topics),
                                 count=draft.total)))

    def terminal_line(prompt: str) -> str:
        return console.input(plain(prompt, style="bold"))

    session = Session(engine, replace(options, resume=path), console,
                      read_line or terminal_line)
    return session.run()


def run_interview(engine: Engine, options: Options,
                  read_line: Callable[[str], str] | None = None) -> int:
    """Run the interview in this terminal and return the exit code (0, or 130 after Ctrl-C).

    Args:
        engine: the question set and model to ask and score with.
        options: what the command line gave.
        read_line: reads one line after showing a prompt; the console's input by default.
    """
    if options.save is not None and options.resume is None and os.path.lexists(options.save):
        raise UsageError(f"--save {options.save}: exists already; continue it with "
                         f"'stimulering assess --resume {options.save}' or choose another name")
    console = safe_console()

    def terminal_line(prompt: str) -> str:
        return console.input(plain(prompt, style="bold"))

    return Session(engine, options, console, read_line or terminal_line).run()
