"""Which answers files form one assessment round: by the name the coordinator gave, else by date.

A round usually runs two to four weeks, so most rounds cross the end of a month: a
calendar month is never what puts files together, nor what a round is called.
"""

from __future__ import annotations

import datetime as dt

from stimulering.core.rounds import Entry, effective_round, group_rounds
from stimulering.model import Answers


def entry(name, date, round_label=None, role="gemeente"):
    return Entry(name, round_label, dt.date.fromisoformat(date), role)


def labels(rounds):
    return [(r.label, [e.source for e in r.entries]) for r in rounds]


def test_files_either_side_of_a_month_end_are_one_round_named_by_its_dates():
    rounds = group_rounds([entry("a", "2026-11-30"), entry("b", "2026-11-30"),
                           entry("c", "2026-12-01")])
    assert labels(rounds) == [("2026-11-30 – 2026-12-01", ["a", "b", "c"])]
    assert (rounds[0].first, rounds[0].last) == (dt.date(2026, 11, 30), dt.date(2026, 12, 1))
    assert not rounds[0].labelled


def test_a_round_of_one_day_is_named_by_that_day():
    assert labels(group_rounds([entry("a", "2026-11-30")])) == [("2026-11-30", ["a"])]


def test_a_named_round_holds_its_files_across_a_month_end():
    rounds = group_rounds([entry("a", "2026-11-30", "najaar 2026"),
                           entry("b", "2026-12-01", "najaar 2026"),
                           entry("c", "2026-12-20", "najaar 2026")])
    assert labels(rounds) == [("najaar 2026", ["a", "b", "c"])]
    assert rounds[0].labelled


def test_a_name_groups_whatever_the_dates_and_unnamed_files_join_the_nearest():
    rounds = group_rounds([
        entry("nov", "2025-11-20", "najaar 2025"), entry("late", "2025-12-30", "najaar 2025"),
        entry("may-a", "2026-05-12", "voorjaar 2026"), entry("loose", "2026-05-20"),
        entry("alone", "2026-09-01"),
    ])
    assert labels(rounds) == [("najaar 2025", ["nov", "late"]),
                              ("voorjaar 2026", ["may-a", "loose"]),
                              ("2026-09-01", ["alone"])]
    assert [r.labelled for r in rounds] == [True, True, False]


def test_unnamed_files_further_apart_than_the_window_are_two_rounds():
    rounds = group_rounds([entry("a", "2026-01-05"), entry("b", "2026-01-30"),
                           entry("c", "2026-03-01")])
    assert labels(rounds) == [("2026-01-05 – 2026-01-30", ["a", "b"]), ("2026-03-01", ["c"])]


def test_the_coalition_file_is_the_agreed_result_not_a_respondent():
    found = group_rounds([entry("a", "2026-05-12"), entry("b", "2026-05-13"),
                          entry("coalitie", "2026-05-20", role="coalitie")])[0]
    assert [e.source for e in found.respondents] == ["a", "b"]
    assert found.agreed is not None and found.agreed.source == "coalitie"


def answers(date, round_label):
    return Answers.model_validate({
        "stimulering_answers": 1, "coalition": "Kanaalstad", "date": date, "round": round_label,
        "respondent": {"organisation": "Stroomnet", "role": "netbeheerder", "level": "tactisch"},
    })


def test_the_month_label_earlier_versions_wrote_by_themselves_counts_as_no_name():
    # What an interview of November 30 and one of December 1 wrote before rounds had names.
    files = [answers("2026-11-30", "2026-11"), answers("2026-11-30", "2026-11"),
             answers("2026-12-01", "2026-12")]
    rounds = group_rounds([Entry.of(index, item) for index, item in enumerate(files)])
    assert labels(rounds) == [("2026-11-30 – 2026-12-01", [0, 1, 2])]


def test_a_month_name_is_a_name_when_it_is_not_the_month_of_the_file():
    assert effective_round("2026-11", dt.date(2026, 11, 30)) is None
    assert effective_round("2026-11", dt.date(2026, 12, 1)) == "2026-11"
    assert effective_round("najaar 2026", dt.date(2026, 11, 30)) == "najaar 2026"
    assert effective_round(None, dt.date(2026, 11, 30)) is None
