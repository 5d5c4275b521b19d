"""Who has answered in a round: each file's progress, who is busy, who is missing."""

from __future__ import annotations

from builders import answers, model, question, question_set
from stimulering.core.scoring import Scorer
from stimulering.core.status import file_status, status
from stimulering.model import ExpectedRespondents
from stimulering.report.status import reminder

SCORER = Scorer(question_set([
    question("intro", type_="text"),
    question("overleg", type_="yesno"),
    question("opdracht", type_="yesno", applies_to={"levels": ["strategisch"]}),
    question("mandaat", type_="yesno", when={"question": "overleg", "equals": "ja"}),
    question("net", "information", type_="yesno"),
], fill_levels=False), model())


def file_of(organisation, role, level, date, values, **extra):
    return answers(values, coalition="Rivierstad", date=date, respondent={
        "organisation": organisation, "role": role, "level": level}, **extra)


def test_progress_counts_the_questions_asked_of_the_respondent():
    board = file_status(SCORER, "a.yaml", file_of("Gemeente", "gemeente", "strategisch",
                                                 "2026-11-30", {"overleg": "ja"}))
    assert [(p.pillar, p.answered, p.asked) for p in board.pillars] == [
        ("people", 1, 4), ("governance", 0, 0), ("information", 0, 1)]
    planner = file_status(SCORER, "b.yaml", file_of(
        "Stroomnet", "netbeheerder", "tactisch", "2026-11-30",
        {"overleg": "nee", "net": "weet_niet"}))
    # Not asked the board question; no follow-up after "nee"; weet niet is an answer.
    assert [(p.answered, p.asked) for p in planner.pillars] == [(1, 2), (0, 0), (1, 1)]
    assert planner.finished  # the open question may stay empty
    assert not board.finished


def test_a_list_says_who_is_missing_and_who_is_not_on_it():
    files = [("a.yaml", file_of("Gemeente Rivierstad", "gemeente", "strategisch", "2026-11-30",
                                {"overleg": "ja"})),
             ("b.yaml", file_of("STROOMNET ", "netbeheerder", "tactisch", "2026-12-01",
                                {"overleg": "nee", "net": "ja"})),
             ("c.yaml", file_of("Duinwater", "drinkwaterbedrijf", "tactisch", "2026-12-01",
                                {"overleg": "nee", "net": "ja"}))]
    expected = ExpectedRespondents.model_validate({
        "stimulering_expected": 1, "coalition": "rivierstad", "due": "2026-12-15",
        "respondents": [{"organisation": "Gemeente Rivierstad", "role": "gemeente"},
                        {"organisation": "Stroomnet", "level": "tactisch"},
                        {"organisation": "Bronwater", "role": "drinkwaterbedrijf",
                         "level": "operationeel"},
                        {"organisation": "Stroomnet", "level": "strategisch"}]})
    result = status(SCORER, files, expected=expected)
    (coalition,) = result.coalitions
    (found,) = coalition.rounds
    assert found.label == "2026-11-30 – 2026-12-01" and found.expected
    assert [p.organisation for p in found.missing] == ["Bronwater", "Stroomnet"]
    assert found.unexpected == ("c.yaml",)
    assert [f.file for f in found.unfinished] == ["a.yaml"]
    assert reminder(result, "nl") == "\n".join([
        "Beste partners,", "",
        "Voor de ronde 2026-11-30 – 2026-12-01 van Rivierstad zijn nog niet alle antwoorden "
        "binnen.",
        "Nog niets ontvangen van: Bronwater (drinkwaterbedrijf, operationeel) en Stroomnet "
        "(strategisch).",
        "Begonnen maar nog niet af: Gemeente Rivierstad.",
        "Wilt u uw antwoorden uiterlijk 2026-12-15 aan mij sturen? Alvast dank.", "",
        "Met vriendelijke groet,"])


def test_a_list_for_a_named_round_nobody_has_answered_yet_misses_everyone():
    files = [("oud.yaml", file_of("Stroomnet", "netbeheerder", "tactisch", "2026-04-01",
                                  {"overleg": "ja"}, round="voorjaar 2026"))]
    expected = ExpectedRespondents.model_validate({
        "stimulering_expected": 1, "coalition": "Rivierstad", "round": "najaar 2026",
        "respondents": [{"organisation": "Stroomnet"}]})
    rounds = status(SCORER, files, expected=expected).coalitions[0].rounds
    assert [(r.label, r.expected, len(r.files)) for r in rounds] == [
        ("voorjaar 2026", False, 1), ("najaar 2026", True, 0)]
    assert [p.organisation for p in rounds[-1].missing] == ["Stroomnet"]


def test_no_reminder_when_everyone_answered_and_finished():
    files = [("a.yaml", file_of("Stroomnet", "netbeheerder", "tactisch", "2026-11-30",
                                {"overleg": "nee", "net": "ja"}))]
    assert reminder(status(SCORER, files), "en") is None
