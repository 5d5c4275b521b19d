"""Questions per role and level: each respondent is asked only what applies to them.

A respondent's own assessment counts every answer they give. The coalition view combines
each question over the respondents it is asked of: an answer beyond one's role and level
does not count there, and a question nobody it is asked of answered is unknown, never
hidden, so the coalition view says what it does not know.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from builders import answers, model, question, question_set
from stimulering.core.coalition import coalition_view, consensus
from stimulering.core.interview import Interview
from stimulering.core.scoring import Scorer
from stimulering.core.uncertainty import verdict
from stimulering.model import AppliesTo, Respondent

BOARD = {"levels": ["strategisch"]}
GRID = {"roles": ["netbeheerder"], "levels": ["tactisch", "operationeel"]}


def scorer() -> Scorer:
    return Scorer(question_set([
        question("overleg", type_="yesno"),
        question("opdracht", type_="yesno", applies_to=BOARD),
        question("mandaat", type_="yesno", applies_to=BOARD,
                 when={"question": "opdracht", "equals": "ja"}),
        question("net", "information", type_="yesno", applies_to=GRID),
    ], fill_levels=True), model())


def who(role: str, level: str) -> Respondent:
    return Respondent(organisation=f"{role} {level}", role=role, level=level)


@pytest.mark.parametrize(("role", "level", "expected"), [
    ("gemeente", "strategisch", ["overleg", "opdracht"]),
    ("netbeheerder", "tactisch", ["overleg", "net"]),
    ("netbeheerder", "strategisch", ["overleg", "opdracht"]),
    ("drinkwaterbedrijf", "operationeel", ["overleg"]),
])
def test_the_interview_asks_each_role_and_level_only_what_applies(role, level, expected):
    s = scorer()
    interview = Interview(s, respondent=who(role, level))
    asked = [q.id for q in interview.visible() if q.id in ("overleg", "opdracht", "mandaat",
                                                            "net")]
    assert asked == expected
    assert interview.position()[1] == len(interview.visible())


def test_a_follow_up_comes_once_its_question_is_answered_by_whom_it_is_for():
    interview = Interview(scorer(), {"opdracht": "ja"}, respondent=who("gemeente",
                                                                       "strategisch"))
    assert "mandaat" in [q.id for q in interview.visible()]
    tactical = Interview(scorer(), {"opdracht": "ja"}, respondent=who("gemeente", "tactisch"))
    assert "mandaat" not in [q.id for q in tactical.visible()]


def test_without_a_respondent_and_for_the_coalition_file_every_question_is_asked():
    everything = [q.id for q in Interview(scorer()).visible()]
    assert {"opdracht", "net"} <= set(everything)
    assert [q.id for q in Interview(scorer(), respondent=who("coalitie", "tactisch")
                                    ).visible()] == everything


def test_a_question_not_asked_is_unknown_in_ones_own_result_and_said_so():
    s = scorer()
    result = s.assess(answers({"overleg": "ja"}, respondent={
        "organisation": "Bronwater", "role": "drinkwaterbedrijf", "level": "operationeel"}))
    assert result.items["opdracht"].status == "unknown"
    notices = {n.code: n for n in result.warnings}
    assert notices["not_asked"].ids == ("opdracht", "net")
    asked = s.asked(result.items, who("drinkwaterbedrijf", "operationeel"))
    count, total = notices["unknown_items"].numbers
    assert total == len(asked) and "opdracht" not in notices["unknown_items"].ids


def test_every_given_answer_counts_whoever_gives_it():
    s = scorer()
    # The coordinator filled in the whole template, board questions included.
    result = s.assess(answers({"overleg": "ja", "opdracht": "ja"}))
    assert result.items["opdracht"].status == "answered"
    # The follow-up of the board question is for the board too: not asked of this planner.
    assert [n.ids for n in result.warnings if n.code == "not_asked"] == [("mandaat", "net")]


def test_the_coalition_view_knows_what_someone_it_applies_to_answered():
    s = scorer()
    board = answers({"opdracht": "ja"}, respondent={
        "organisation": "Gemeente", "role": "gemeente", "level": "strategisch"})
    planner = answers({"opdracht": None, "net": "nee"}, respondent={
        "organisation": "Stroomnet", "role": "netbeheerder", "level": "tactisch"})
    view = coalition_view(s, [board, planner])
    assert view.combined.items["opdracht"].status == "answered"
    assert view.combined.items["opdracht"].score == 1.0  # the planner was not asked: no vote
    assert view.combined.items["net"].score == 0.0


def test_a_question_nobody_it_applies_to_answered_counts_as_unknown():
    s = scorer()
    planners = [answers({"overleg": "ja"}, respondent={
        "organisation": name, "role": "drinkwaterbedrijf", "level": "tactisch"})
        for name in ("Bronwater", "Duinwater")]
    view = coalition_view(s, planners)
    assert view.combined.items["opdracht"].status == "unknown"
    assert view.combined_answers.answers.get("opdracht") is None
    assert "not_asked" not in {n.code for n in view.combined.warnings}


def scorer_by_level():
    """A board question, a planners' question and one for everyone."""
    return Scorer(question_set([question("board", applies_to={"levels": ["strategisch"]}),
                                question("planning", applies_to={"levels": ["operationeel"]}),
                                question("shared")]), model())


def view_by_level(scorer, *partners):
    """The coalition view of partners given as (their answers, name, level).

    Level 2 of people fails for everyone, so each phase is known once level 1 is.
    """
    later = {f"people_{level}": 1 for level in range(2, 7)}
    return coalition_view(scorer, [
        answers(values | later, respondent={"organisation": name, "role": "gemeente",
                                            "level": level})
        for values, name, level in partners])


def test_each_question_counts_only_the_respondents_it_is_asked_of():
    scorer = scorer_by_level()
    # Each answers their own question 5 and the other's 1: only their own counts.
    view = view_by_level(scorer, ({"board": 5, "planning": 1, "shared": 5}, "A", "strategisch"),
                         ({"board": 1, "planning": 5, "shared": 3}, "B", "operationeel"))
    items = view.combined.items
    assert (items["board"].score, items["planning"].score) == (1.0, 1.0)
    assert (items["board"].value, items["planning"].value) == (5, 5)
    assert items["shared"].score == pytest.approx((1.0 + 0.5) / 2)
    # What they answered beyond their level is no topic; the question for both is.
    assert [topic.question for topic in view.divergence] == ["shared"]
    assert [who for who, _, _ in view.divergence[0].answers] == ["A", "B"]
    # The coalition file of a consensus takes the answers of those asked, too.
    draft = consensus(scorer, [a.answers for a in view.respondents]).answers
    assert (draft.answers["board"], draft.answers["planning"]) == (5, 5)


def test_a_question_nobody_it_is_asked_of_answered_is_unknown():
    scorer = scorer_by_level()
    # No planner took part: the planners' question is open, though a board member answered.
    view = view_by_level(scorer, ({"board": 5, "planning": 5, "shared": 3}, "A", "strategisch"),
                         ({"board": 5, "planning": 5, "shared": 3}, "B", "tactisch"))
    assert view.combined.items["planning"].status == "unknown"
    assert view.combined.items["board"].score == 1.0
    # Level 1 scores (1 + 0.5 + x) / 3: met if the planners would say 4 or 5 (x >= 0.3),
    # not if they would say 1. So the phase is 1 or 2, and their question decides it.
    people = view.combined.pillars["people"]
    assert (people.phase_range.low, people.phase_range.high) == (1, 2)
    assert verdict(scorer, view.combined).pillar_unknown["people"] == ("planning",)


def test_applies_to_names_roles_or_levels_of_partners():
    assert AppliesTo(levels=["tactisch"]).takes("overig", "tactisch")
    assert not AppliesTo(roles=["gemeente"]).takes("netbeheerder", "tactisch")
    for bad in ({}, {"roles": ["coalitie"]}, {"levels": ["tactisch", "tactisch"]}):
        with pytest.raises(ValidationError):
            AppliesTo.model_validate(bad)


def test_a_follow_up_of_a_question_nobody_was_asked_is_not_asked_either():
    # As for one respondent: a follow-up whose condition is not known to hold is not asked.
    scorer = Scorer(question_set([
        question("board", type_="yesno", applies_to={"levels": ["strategisch"]}),
        question("board_more", when={"question": "board", "equals": "ja"},
                 applies_to={"levels": ["strategisch"]}),
        question("shared")]), model())
    view = view_by_level(scorer, ({"board": "ja", "board_more": 5, "shared": 5}, "A", "tactisch"),
                         ({"board": "ja", "board_more": 5, "shared": 5}, "B", "tactisch"))
    assert view.combined.items["board"].status == "unknown"
    assert view.combined.items["board_more"].status == "hidden"
    assert [n.ids for n in view.combined.warnings if n.code == "nobody_asked"] == [("board",)]


def test_free_text_of_the_coalition_file_comes_from_those_it_is_asked_of():
    scorer = Scorer(question_set([
        question("why", type_="text", applies_to={"levels": ["strategisch"]}),
        question("shared")]), model())
    view = view_by_level(scorer, ({"why": "Het bestuur wilde het.", "shared": 5}, "A",
                                  "strategisch"),
                         ({"why": "Geen idee.", "shared": 5}, "B", "operationeel"))
    assert view.combined_answers.answers["why"] == "A: Het bestuur wilde het."


def test_the_signals_of_a_combination_rest_on_what_each_partner_was_asked(engine):
    # The board says its level is not involved; two partners at other levels answered the
    # board's questions too, in full templates, and said it is.
    from builders import highest

    high = highest(engine)
    board = high | {"bestuurlijke_opdracht": "nee", "niveau_strategisch": "nee"}
    others = high | {"niveau_strategisch": "nee"}
    partners = [answers(values, respondent={"organisation": name, "role": role,
                                            "level": level})
                for values, name, role, level in (
                    (board, "A", "gemeente", "strategisch"),
                    (others, "B", "netbeheerder", "tactisch"),
                    (others, "C", "drinkwaterbedrijf", "operationeel"))]
    combined = coalition_view(engine.scorer, partners).combined
    shown = {signal.id: signal.status for signal in combined.signals}
    # What the table of signals says is what holds the phase.
    assert shown == {signal.id: signal.status for signal in engine.scorer.signals(combined.items)}
    assert shown["niveaus_ontbreken"] == "present"
    assert combined.pillars["governance"].held_by == ("niveaus_ontbreken",)
