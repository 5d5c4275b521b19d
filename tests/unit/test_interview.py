"""The interview state machine, without any terminal."""

from __future__ import annotations

import datetime as dt

import pytest

from builders import model, option, question, question_set
from stimulering.core.interview import (
    Command,
    Interview,
    Invalid,
    Keep,
    Value,
    choices,
    default_file_name,
    parse_date,
    parse_input,
    parse_phase,
    parse_yes_no,
    slug,
)
from stimulering.core.scoring import Scorer
from stimulering.model import TEXT_ANSWER_MAX, Answers, Respondent

BANDS = [{"min": 0, "max": 2, "score": 0}, {"min": 2, "max": 5, "score": 0.5},
         {"min": 5, "max": None, "score": 1}]


def scorer() -> Scorer:
    qset = question_set([
        question("intro", type_="text"),
        question("overleg", type_="yesno"),
        question("coordinator", type_="yesno"),
        question("mandaat", when={"question": "coordinator", "in": ["ja", "deels"]}),
        question("systeem", "information", type_="choice",
                 options=[option("geen", 0), option("excel", 0.5), option("gis", 1)]),
        question("niveaus", "information", type_="multi",
                 options=[option("strategisch", 0.4), option("tactisch", 0.3),
                          option("operationeel", 0.3)]),
        question("horizon", "governance", type_="number", bands=BANDS),
    ], fill_levels=False)
    return Scorer(qset, model())


@pytest.fixture
def interview() -> Interview:
    return Interview(scorer())


def by_id(qid: str):
    return scorer().questions[qid]


# --- parsing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "kind"), [
    ("?", "help"), (":b", "back"), (":n", "note"), (":r", "review"), (":q", "quit"),
    (" :Q ", "quit"),
])
def test_commands_work_at_every_type_of_question(typed, kind):
    for qid in ("intro", "overleg", "mandaat", "systeem", "niveaus", "horizon"):
        assert parse_input(by_id(qid), typed, "nl") == Command(kind)


def test_dont_know_and_not_applicable_are_answers_of_scored_questions():
    for qid in ("overleg", "mandaat", "systeem", "niveaus", "horizon"):
        assert parse_input(by_id(qid), ":w", "nl") == Value("weet_niet")
        assert parse_input(by_id(qid), ":nvt", "nl") == Value("nvt")


def test_a_text_question_has_no_dont_know():
    assert parse_input(by_id("intro"), ":w", "nl") == Invalid(
        "Een open vraag kent geen 'weet niet' of 'n.v.t.': laat het antwoord leeg met Enter.")
    assert parse_input(by_id("intro"), ":nvt", "en") == Invalid(
        "An open question has no 'don't know' or 'not applicable': leave the answer empty "
        "with Enter.")


def test_scale_numbers_are_the_scale_values():
    scale = by_id("mandaat")
    assert [parse_input(scale, str(n), "nl") for n in range(1, 6)] == [
        Value(1), Value(2), Value(3), Value(4), Value(5)]
    for typed in ("0", "6", "eens", "3,5", ""):
        assert parse_input(scale, typed, "nl") == Invalid(
            "Typ een getal van 1 tot 5, of een commando (? voor hulp).")


def test_yesno_and_choice_numbers_follow_the_listed_options():
    assert [parse_input(by_id("overleg"), t, "nl") for t in ("1", "2", "3", "Ja")] == [
        Value("ja"), Value("deels"), Value("nee"), Value("ja")]
    assert [parse_input(by_id("systeem"), t, "nl") for t in ("1", "2", "3", "gis")] == [
        Value("geen"), Value("excel"), Value("gis"), Value("gis")]
    assert parse_input(by_id("systeem"), "4", "en") == Invalid(
        "Type a number from 1 to 3, or a command (? for help).")
    assert [c.value for c in choices(by_id("overleg"), "nl")] == ["ja", "deels", "nee"]
    assert [c.number for c in choices(by_id("mandaat"), "nl")] == [1, 2, 3, 4, 5]


def test_multi_takes_several_numbers_in_option_order_without_repeats():
    multi = by_id("niveaus")
    assert parse_input(multi, "3, 1", "nl") == Value(["strategisch", "operationeel"])
    assert parse_input(multi, "1 2 2", "nl") == Value(["strategisch", "tactisch"])
    assert parse_input(multi, "1,,3", "nl") == Value(["strategisch", "operationeel"])
    assert parse_input(multi, "1, 4", "nl") == Invalid(
        "Typ een of meer nummers van 1 tot 3, gescheiden door komma's of spaties, of een "
        "commando (? voor hulp).")


def test_numbers_take_a_decimal_comma_and_must_fall_in_a_band():
    number = by_id("horizon")
    assert parse_input(number, "2,5", "nl") == Value(2.5)
    assert parse_input(number, "2.5", "nl") == Value(2.5)
    assert parse_input(number, "4", "nl") == Value(4)
    assert parse_input(number, "vier", "nl") == Invalid(
        "Typ een getal, bijvoorbeeld 4 of 2,5, of een commando (? voor hulp).")
    assert parse_input(number, "-1", "nl") == Invalid(
        "-1 valt buiten het bereik van deze vraag (0–2, 2–5, 5+).")


def test_an_open_answer_over_its_limit_is_asked_again_as_a_file_refuses_it():
    intro = by_id("intro")
    longest = "x" * TEXT_ANSWER_MAX
    assert parse_input(intro, longest, "nl") == Value(longest)
    assert parse_input(intro, longest + "y", "nl") == Invalid(
        f"Hooguit {TEXT_ANSWER_MAX} tekens; dit zijn er {TEXT_ANSWER_MAX + 1}.")
    assert intro.answer_problem(longest) is None
    assert intro.answer_problem(longest + "y") == "at most 10,000 characters, not 10,001"


def test_a_context_number_takes_no_negative_value():
    years = question_set([question("jaren", type_="number", context=True)]).by_id()["jaren"]
    assert parse_input(years, "12,5", "nl") == Value(12.5)
    assert parse_input(years, "-1", "nl") == Invalid("Typ een getal van 0 of meer.")


def test_text_is_free_and_enter_keeps_a_given_answer():
    assert parse_input(by_id("intro"), "  Gemeente,  Stroomnet ", "nl") == \
        Value("Gemeente, Stroomnet")
    assert parse_input(by_id("intro"), "", "nl") == Value("")
    assert parse_input(by_id("overleg"), "", "nl", current="ja") == Keep()
    for qid in ("intro", "overleg"):
        assert parse_input(by_id(qid), ":x", "nl") == Invalid(
            "Onbekend commando :x. Commando's: ? :b :w :nvt :n :r :q")
    assert parse_input(by_id("intro"), ":-) goed", "nl") == Value(":-) goed")


# --- moving ------------------------------------------------------------------------------------


def test_counter_follows_the_when_conditions(interview):
    assert interview.current_id == "intro"
    assert interview.position() == (1, 6)  # mandaat hidden while coordinator is open
    interview.answer("")
    interview.answer("ja")
    assert interview.current_id == "coordinator"
    interview.answer("ja")
    assert (interview.current_id, interview.position()) == ("mandaat", (4, 7))
    interview.back()
    interview.answer("nee")
    assert (interview.current_id, interview.position()) == ("systeem", (4, 6))


def test_back_goes_through_the_questions_visited(interview):
    assert interview.back() is False
    for value in ("", "ja", "ja", 4):
        interview.answer(value)
    assert interview.current_id == "systeem"
    interview.back()
    assert interview.current_id == "mandaat"
    interview.back()
    interview.answer("nee")  # hides mandaat
    assert interview.current_id == "systeem"
    visited = []
    while interview.back():
        visited.append(interview.current_id)
    assert visited == ["coordinator", "overleg", "intro"]


def test_keeping_an_answer_moves_on_without_changing_it(interview):
    interview.answer("")
    interview.answer("deels")
    interview.back()
    interview.advance()
    assert interview.current_id == "coordinator"
    assert interview.values() == {"intro": "", "overleg": "deels"}


def test_resume_starts_at_the_first_open_question_and_back_works_without_history():
    interview = Interview(scorer(), {"intro": "x", "overleg": "ja", "coordinator": "nee"})
    assert interview.current_id == "systeem"
    assert interview.position() == (4, 6)
    assert interview.back() is True
    assert interview.current_id == "coordinator"


def test_the_end_and_finished():
    interview = Interview(scorer(), {"intro": "", "overleg": "ja", "coordinator": "nee",
                                     "systeem": "gis", "niveaus": ["tactisch"]})
    assert not interview.finished
    interview.answer(7)
    assert interview.current is None
    assert interview.finished
    assert interview.back() is True
    assert interview.current_id == "horizon"


def test_an_answer_under_an_old_id_is_replaced():
    qset = question_set([question("nieuw", type_="yesno", replaces=["oud"])], fill_levels=False)
    interview = Interview(Scorer(qset, model()), {"oud": "nee"})
    assert interview.value("nieuw") == "nee"
    interview.goto("nieuw")
    interview.record("ja")
    assert interview.answers == {"nieuw": "ja"}


def test_notes_and_the_answers_file(interview):
    interview.answer("")
    interview.set_note("  vier keer per jaar ")
    interview.answer("ja")
    interview.back()
    interview.set_note("")
    interview.back()
    interview.set_note("over de partners")
    base = Answers(stimulering_answers=1, coalition="Rivierstad", date=dt.date(2026, 11, 28),
                   respondent=Respondent(organisation="Stroomnet", role="netbeheerder",
                                         level="tactisch"))
    saved = interview.to_answers(base)
    assert saved.answers == {"intro": "", "overleg": "ja"}
    assert saved.notes == {"intro": "over de partners"}
    assert saved.coalition == "Rivierstad"


# --- small parsers -----------------------------------------------------------------------------


def test_file_names_and_replies():
    assert slug("Kustregio / KRO") == "kustregio-kro"
    assert slug("Duinstad (Één)") == "duinstad-een"
    assert default_file_name("Rivierstad", "Stroomnet", dt.date(2026, 11, 28)) == \
        "rivierstad-stroomnet-2026-11-28.yaml"
    assert [parse_phase(t) for t in ("1", "6", "0", "7", "", "x")] == [1, 6, None, None, None,
                                                                        None]
    assert parse_date("2027-03-01") == dt.date(2027, 3, 1)
    assert parse_date("1-3-2027") == dt.date(2027, 3, 1)
    assert parse_date("31-2-2027") is None
    assert parse_date("morgen") is None
    assert [parse_yes_no(t, "nl", True) for t in ("", "j", "Nee", "yes", "misschien")] == [
        True, True, False, True, None]
    assert parse_yes_no("", "en", False) is False


def test_only_asks_the_given_questions_and_counts_them():
    s = Scorer(question_set([question("a"), question("b"), question("c"), question("d")]),
               model())
    interview = Interview(s, {"a": None, "b": None, "c": None}, only=["a", "c"])
    assert interview.current_id == "a"
    assert interview.position() == (1, 2)
    interview.answer(4)
    assert interview.current_id == "c"
    interview.answer(2)
    assert interview.current_id is None and interview.finished
    agenda = Interview(s, {}, only=["c", "a"])
    assert [q.id for q in agenda.visible()] == ["c", "a"]
    agenda.answer(1)
    assert agenda.current_id == "a"
    plain = Interview(s, {"b": 3})
    plain.answer(4)
    assert plain.current_id == "b"
