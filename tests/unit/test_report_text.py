"""report/text: the terminal screen, safe against markup and escapes in file text."""

from __future__ import annotations

import io

import pytest

from builders import answers_document, highest, lowest
from stimulering.core.scoring import PhaseRange
from stimulering.model import Answers
from stimulering.report.console import plain, render, safe_console
from stimulering.report.text import BAR_CELLS, bar, phase_steps, render_assessment_text

HOSTILE = "[bold red]Beekstad[/bold red] :smile: \x1b[2J\x1b]0;title\x07\u202e"


def evaluation(engine, values, **extra):
    return engine.evaluate(Answers.model_validate(answers_document(values, **extra)))


@pytest.mark.parametrize("score, filled", [(None, 0), (0.0, 0), (0.5, BAR_CELLS // 2),
                                           (1.0, BAR_CELLS)])
def test_a_bar_fills_its_share_of_the_cells(score, filled):
    assert bar(score) == "█" * filled + "░" * (BAR_CELLS - filled)


def test_phase_steps_fill_the_phases_reached_and_half_fill_those_still_open():
    assert phase_steps(PhaseRange(2, 2)) == "●●○○○○"
    assert phase_steps(PhaseRange(6, 6)) == "●●●●●●"
    assert phase_steps(PhaseRange(2, 4)) == "●●◐◐○○"
    assert phase_steps(PhaseRange(1, 6)) == "●◐◐◐◐◐"


def test_plain_text_is_never_markup_and_shows_hidden_characters():
    shown = render([plain(HOSTILE)], width=200)
    assert shown == ("[bold red]Beekstad[/bold red] :smile: <U+001B>[2J<U+001B>]0;title"
                     "<U+0007><U+202E>\n")


def test_the_safe_console_reads_no_markup_in_strings_and_prints_no_escape():
    buffer = io.StringIO()
    console = safe_console(buffer, width=200, force_terminal=False, no_color=True)
    console.print(HOSTILE)
    assert "\x1b" not in buffer.getvalue() and "\x07" not in buffer.getvalue()
    assert buffer.getvalue().startswith("[bold red]Beekstad[/bold red] :smile: <U+001B>")


def test_the_screen_fits_its_width_and_has_colour_only_when_asked(engine):
    result = evaluation(engine, highest(engine))
    text = render_assessment_text(result, "nl")
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "Rivierstad" in text
    narrow = render_assessment_text(result, "nl", width=60)
    assert max(len(line) for line in narrow.splitlines()) <= 60
    coloured = render_assessment_text(result, "nl", color=True)
    assert "\x1b[" in coloured
    assert coloured != text


def test_the_screen_speaks_the_language_asked(engine):
    result = evaluation(engine, lowest(engine))
    dutch = render_assessment_text(result, "nl")
    english = render_assessment_text(result, "en")
    assert dutch != english
    assert "Fase" in dutch and "Phase" in english


def test_file_text_on_the_screen_is_shown_not_obeyed(engine):
    result = evaluation(engine, highest(engine), coalition=HOSTILE,
                        respondent={"organisation": HOSTILE, "role": "gemeente",
                                    "level": "strategisch"})
    text = render_assessment_text(result, "en", color=True)
    assert "[bold red]Beekstad[/bold red]" in text
    assert "\x1b[2J" not in text and "\x1b]0" not in text and "\x07" not in text
    assert "<U+001B>[2J" in text
