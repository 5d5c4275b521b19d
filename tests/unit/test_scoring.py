"""Engine unit tests on small question sets written here."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from builders import TEXT, answers, model, option, question, question_set
from stimulering.core.advice import advise, next_steps
from stimulering.core.scoring import Scorer, item_score


def scorer(questions, **model_options):
    return Scorer(question_set(questions), model(**model_options))


def by_id(qs, qid):
    return qs.by_id()[qid]


# --- item scores -------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "score"), [(1, 0.0), (2, 0.25), (3, 0.5), (4, 0.75), (5, 1.0)])
def test_scale_scores_are_linear(value, score):
    qs = question_set([question("a")])
    assert item_score(by_id(qs, "a"), value) == score


@pytest.mark.parametrize(("value", "score"), [(1, 1.0), (2, 0.75), (5, 0.0)])
def test_reverse_scale_turns_the_scale_around(value, score):
    qs = question_set([question("a", reverse=True)])
    assert item_score(by_id(qs, "a"), value) == score


def test_yesno_scores():
    qs = question_set([question("a", type_="yesno")])
    q = by_id(qs, "a")
    assert [item_score(q, v) for v in ("ja", "deels", "nee")] == [1.0, 0.5, 0.0]


def test_multi_sums_capped_at_one_or_takes_maximum():
    options = [option("x", 0.5), option("y", 0.75), option("z", 0.0)]
    qs = question_set([question("s", type_="multi", options=options),
                       question("m", type_="multi", options=options, aggregate="max")])
    assert item_score(by_id(qs, "s"), ["x"]) == 0.5
    assert item_score(by_id(qs, "s"), ["x", "y"]) == 1.0
    assert item_score(by_id(qs, "s"), []) == 0.0
    assert item_score(by_id(qs, "m"), ["x", "y"]) == 0.75


def test_number_bands_are_half_open():
    bands = [{"min": 0, "max": 4, "score": 0}, {"min": 4, "max": 10, "score": 0.5},
             {"min": 10, "max": None, "score": 1}]
    qs = question_set([question("n", type_="number", bands=bands)])
    q = by_id(qs, "n")
    assert [item_score(q, v) for v in (0, 3.99, 4, 9.5, 10, 40)] == [0, 0, 0.5, 0.5, 1, 1]


# --- levels and phases -------------------------------------------------------------------------


def test_coalition_with_nothing_in_place_is_in_phase_one():
    s = scorer([])
    result = s.assess(answers({q.id: 1 for q in s.qset.questions}))
    assert result.phase == 1
    assert all(p.phase == 1 and p.levels_met == 0 for p in result.pillars.values())


def test_without_answers_the_phase_is_open_from_one_to_six_not_one():
    s = scorer([])
    result = s.assess(answers({}))
    assert result.phase is None
    assert (result.phase_range.low, result.phase_range.high) == (1, 6)
    assert result.undetermined == ("people", "governance", "information")
    people = result.pillars["people"]
    assert (people.phase, people.answered, people.counting, people.levels_met) == (None, 0, 6, 0)
    assert [w.code for w in result.warnings] == ["unknown_items", "undetermined"]


def test_unknown_answers_leave_the_phase_between_their_lowest_and_their_highest():
    # Six items per pillar (one per level): two top answers meet levels 1 and 2 for certain;
    # the four unknown ones could fail level 3 (phase 3) or meet every level (phase 6).
    s = scorer([])
    two = {"people_1": 5, "people_2": 5}
    people = s.assess(answers(two)).pillars["people"]
    assert (people.phase, people.levels_met) == (None, 2)
    assert (people.phase_range.low, people.phase_range.high) == (3, 6)
    assert people.current is not None and people.current.phase == 3 and people.current.open
    # Knowing that level 3 fails settles it: the other unknown answers cannot matter.
    three = s.assess(answers(two | {"people_3": 1})).pillars["people"]
    assert (three.phase, three.levels_met, three.phase_range.low, three.phase_range.high) == \
        (3, 2, 3, 3)


def test_dont_know_counts_like_an_open_answer_and_nvt_leaves_the_count():
    s = scorer([])
    nvt = {"people_4": "nvt", "people_5": "nvt", "people_6": "nvt"}
    for third in ("weet_niet", None):
        values = {"people_1": 5, "people_2": 5, "people_3": third} | nvt
        people = s.assess(answers(values)).pillars["people"]
        # Levels 4 to 6 have no applicable item, so the pillar stops at phase 4 at best.
        assert (people.counting, people.answered) == (3, 2)
        assert (people.phase_range.low, people.phase_range.high) == (3, 4)
    assert s.assess(answers({"people_1": 5, "people_2": 5, "people_3": 5} | nvt)) \
        .pillars["people"].phase == 4


def test_one_undetermined_pillar_leaves_the_coalition_undetermined():
    s = scorer([])
    values = {q.id: 5 for q in s.qset.questions if q.pillar != "information"}
    result = s.assess(answers(values))
    assert result.pillars["people"].phase == 6
    assert result.pillars["information"].phase is None
    assert result.phase is None
    assert (result.phase_range.low, result.phase_range.high) == (1, 6)
    assert result.undetermined == ("information",)


def test_an_unknown_answer_that_cannot_change_the_phase_leaves_it_known():
    # Level 6 decides only whether all six levels are met, not the phase: it is 6 either way.
    s = scorer([])
    result = s.assess(answers({q.id: 5 for q in s.qset.questions if q.id != "people_6"}))
    people = result.pillars["people"]
    assert (people.phase, people.levels_met, people.levels[5].open) == (6, 5, True)
    assert result.phase == 6
    assert [w.code for w in result.warnings] == ["unknown_items"]


def test_all_highest_gives_phase_six_and_all_levels_met():
    s = scorer([])
    result = s.assess(answers({q.id: 5 for q in s.qset.questions}))
    assert result.phase == 6
    assert {p.levels_met for p in result.pillars.values()} == {6}


def test_level_met_exactly_at_threshold():
    # Two items at 0.5 and 0.75 give a mean of 0.625 >= 0.6; 0.5 and 0.5 give 0.5 < 0.6.
    s = scorer([question("a"), question("b")])
    met = s.assess(answers({"a": 3, "b": 4}))
    assert met.pillars["people"].levels[0].met
    missed = s.assess(answers({"a": 3, "b": 3}))
    assert not missed.pillars["people"].levels[0].met
    assert missed.pillars["people"].levels[0].reasons == ("below_threshold",)


def test_threshold_is_compared_with_tolerance():
    # 0.6 as a float sum of three items: (0.75 + 0.75 + 0.3) / 3 lands on 0.6000000000000001 or
    # 0.59999... depending on rounding; the level must count as met.
    bands = [{"min": 0, "max": 1, "score": 0.3}, {"min": 1, "max": None, "score": 0.0}]
    s = scorer([question("a"), question("b"), question("c", type_="number", bands=bands)])
    result = s.assess(answers({"a": 4, "b": 4, "c": 0}))
    assert result.pillars["people"].levels[0].met


def test_phase_threshold_override():
    s = scorer([question("a")], phase_thresholds={1: 0.9})
    assert not s.assess(answers({"a": 4})).pillars["people"].levels[0].met
    assert s.assess(answers({"a": 5})).pillars["people"].levels[0].met


def test_a_level_is_met_for_certain_only_when_its_unknown_answers_cannot_fail_it():
    s = scorer([question("a", weight=2), question("b"), question("c")])
    # Unknown b and c at their lowest: (2 x 1 + 0 + 0) / 4 = 0.5, below 0.6; at their
    # highest the level is met. So it is open, and says which items decide it.
    level = s.assess(answers({"a": 5, "b": "weet_niet"})).pillars["people"].levels[0]
    assert (level.met, level.open, level.reasons, level.unknown) == \
        (False, True, ("unknown",), ("b", "c"))
    # With b known the lowest c gives (2 + 1 + 0) / 4 = 0.75: met whatever c is.
    level = s.assess(answers({"a": 5, "b": 5})).pillars["people"].levels[0]
    assert (level.met, level.open, level.reasons, level.unknown) == (True, False, (), ("c",))
    # Nothing helps a level whose known answers fail it even with c at its best.
    level = s.assess(answers({"a": 1, "b": 1})).pillars["people"].levels[0]
    assert (level.met, level.open, level.reasons) == (False, False, ("below_threshold",))


def test_not_applicable_items_leave_the_level():
    s = scorer([question("a"), question("b")])
    level = s.assess(answers({"a": 5, "b": "nvt"})).pillars["people"].levels[0]
    assert level.met
    assert level.items == ("a",)


def test_level_with_only_not_applicable_items_is_not_met():
    s = scorer([question("a"), question("b")])
    level = s.assess(answers({"a": "nvt", "b": "nvt"})).pillars["people"].levels[0]
    assert not level.met
    assert level.reasons == ("no_items",)


def test_gate_must_score_half_and_be_known():
    s = scorer([question("a"), question("g", type_="yesno", gate=True)])
    assert s.assess(answers({"a": 5, "g": "deels"})).pillars["people"].levels[0].met
    failed = s.assess(answers({"a": 5, "g": "nee"})).pillars["people"].levels[0]
    assert not failed.met and failed.failed_gates == ("g",)
    unknown = s.assess(answers({"a": 5, "g": "weet_niet"})).pillars["people"].levels[0]
    assert (unknown.met, unknown.open, unknown.failed_gates, unknown.unknown) == \
        (False, True, (), ("g",))
    not_applicable = s.assess(answers({"a": 5, "g": "nvt"})).pillars["people"].levels[0]
    assert not_applicable.met


def test_phase_counts_consecutive_levels_only():
    s = scorer([])
    values = {q.id: 5 for q in s.qset.questions}
    values["people_2"] = 1
    result = s.assess(answers(values))
    assert result.pillars["people"].phase == 2
    assert result.pillars["people"].levels_met == 1
    assert result.pillars["people"].level_scores[3] == 1.0
    assert result.phase == 2


def test_weakest_pillar_sets_the_phase_and_hard_ahead_is_flagged():
    s = scorer([])
    values = {q.id: 5 for q in s.qset.questions}
    values["people_2"] = 1
    result = s.assess(answers(values))
    assert result.phase == 2
    assert [w.code for w in result.warnings] == ["hard_ahead"]
    assert result.warnings[0].ids == ("governance", "information")


def test_hard_ahead_is_flagged_only_when_it_is_certain():
    s = scorer([])
    values = {q.id: 5 for q in s.qset.questions}
    values["people_2"] = 1
    # People could still reach phase 4 or 5 with its unknown answers: not two phases behind.
    values.update({"people_1": "weet_niet", "people_2": "weet_niet"})
    result = s.assess(answers(values))
    assert (result.pillars["people"].phase_range.low,
            result.pillars["people"].phase_range.high) == (1, 6)
    assert "hard_ahead" not in [w.code for w in result.warnings]


# --- visibility and conditions -----------------------------------------------------------------


def test_hidden_items_are_not_counted_but_kept():
    s = scorer([question("a", type_="yesno"),
                question("b", when={"question": "a", "equals": "ja"})])
    result = s.assess(answers({"a": "nee", "b": 1}))
    assert result.items["b"].status == "hidden"
    assert result.items["b"].value == 1
    assert result.pillars["people"].levels[0].items == ("a",)


def test_condition_on_unknown_answer_hides_the_item():
    s = scorer([question("a", type_="yesno"),
                question("b", when={"not": {"question": "a", "equals": "ja"}})])
    assert s.assess(answers({"a": "weet_niet", "b": 5})).items["b"].status == "hidden"
    assert s.assess(answers({"a": "nee", "b": 5})).items["b"].status == "answered"


def test_three_valued_any_and_all():
    s = scorer([question("a", type_="yesno"), question("b", type_="yesno"),
                question("any_item", when={"any": [{"question": "a", "equals": "ja"},
                                                   {"question": "b", "equals": "ja"}]}),
                question("all_item", when={"all": [{"question": "a", "equals": "nee"},
                                                   {"question": "b", "equals": "ja"}]})])
    result = s.assess(answers({"a": "ja", "any_item": 3, "all_item": 3}))  # b unknown
    assert result.items["any_item"].status == "answered"  # true or unknown is true
    assert result.items["all_item"].status == "hidden"  # false and unknown is false


def test_multi_condition_means_contains():
    options = [option("x", 0.5), option("y", 0.5)]
    s = scorer([question("m", type_="multi", options=options),
                question("b", when={"question": "m", "equals": "y"}),
                question("c", when={"question": "m", "in": ["x"]})])
    result = s.assess(answers({"m": ["y"], "b": 5, "c": 5}))
    assert result.items["b"].status == "answered"
    assert result.items["c"].status == "hidden"


def test_at_least_and_at_most_compare_values_not_scores():
    s = scorer([question("r", reverse=True),
                question("b", when={"question": "r", "at_least": 4}),
                question("c", when={"question": "r", "at_most": 2})])
    result = s.assess(answers({"r": 5, "b": 5, "c": 5}))  # value 5 scores 0 but is >= 4
    assert result.items["b"].status == "answered"
    assert result.items["c"].status == "hidden"


# --- answers bookkeeping -----------------------------------------------------------------------


def test_renamed_question_keeps_its_answer():
    s = scorer([question("new_id", replaces=["old_id"])])
    result = s.assess(answers({"old_id": 5}))
    assert result.items["new_id"].score == 1.0
    assert not [w for w in result.warnings if w.code == "unknown_question"]


def test_unknown_ids_give_a_warning_not_a_failure():
    s = scorer([])
    result = s.assess(answers({"nonsense": 3}))
    assert ("unknown_question", ("nonsense",)) in [(w.code, w.ids) for w in result.warnings]


def test_all_dont_know_warns_about_unknowns():
    s = scorer([])
    result = s.assess(answers({q.id: "weet_niet" for q in s.qset.questions}))
    assert result.phase is None
    unknown = [w for w in result.warnings if w.code == "unknown_items"]
    assert unknown and unknown[0].numbers == (18, 18)


# --- signals, explanation, advice --------------------------------------------------------------


SIGNALS = [
    {"id": "cat", "kind": "catalyst", "name": {"nl": "k", "en": "c"}, "description": {"nl": "d",
     "en": "d"}, "when": {"question": "a", "at_least": 4}, "pillars": ["people"],
     "advice": {"nl": "bouw", "en": "build"}, "instruments": ["tool"]},
    {"id": "inh", "kind": "inhibitor", "name": {"nl": "r", "en": "i"}, "description": {"nl": "d",
     "en": "d"}, "when": {"question": "a", "at_most": 2}, "pillars": ["people"],
     "advice": {"nl": "rem", "en": "counter"}, "instruments": ["tool"]},
]


def test_signal_status_present_absent_unknown():
    s = scorer([question("a")], signals=SIGNALS)
    assert [x.status for x in s.assess(answers({"a": 5})).signals] == ["present", "absent"]
    assert [x.status for x in s.assess(answers({"a": 1})).signals] == ["absent", "present"]
    assert [x.status for x in s.assess(answers({})).signals] == ["unknown", "unknown"]


def test_lift_names_items_that_would_meet_the_level():
    s = scorer([question("a"), question("b"), question("g", type_="yesno", gate=True)])
    result = s.assess(answers({"a": 1, "b": 5, "g": "nee"}))
    pillar = result.pillars["people"]
    assert pillar.phase == 1
    assert pillar.lift[0] == "g"
    raised = {"a": 1, "b": 5, "g": "nee"}
    for qid in pillar.lift:
        raised[qid] = "ja" if qid == "g" else 5
    assert s.assess(answers(raised)).pillars["people"].levels[0].met


def test_advice_order_and_no_repeated_instrument():
    qs_items = [question("a", advice={"nl": "doe a", "en": "do a"}, instruments=["tool"]),
                question("g", type_="yesno", gate=True, advice={"nl": "g", "en": "g"},
                         instruments=["tool"])]
    s = scorer(qs_items, signals=SIGNALS)
    result = s.assess(answers({"a": 1, "g": "nee"}))
    advice = advise(result, s.qset, s.model)["people"]
    assert [item.kind for item in advice] == ["inhibitor", "gate", "low_item", "catalyst",
                                              "next_phase"]
    named = [i for item in advice for i in item.instruments]
    assert named == ["tool"]  # named once, at its first use
    assert advice[-1].subject == "2"


def test_every_pillar_below_six_gets_advice():
    s = scorer([])
    result = s.assess(answers({q.id: 1 for q in s.qset.questions}))
    advice = advise(result, s.qset, s.model)
    assert all(advice[p] for p in ("people", "governance", "information"))


def test_an_open_pillar_is_told_to_find_out_what_decides_it():
    s = scorer([question("a", advice={"nl": "doe a", "en": "do a"}, instruments=["tool"]),
                question("b")], signals=SIGNALS)
    result = s.assess(answers({"a": 5}))
    assert result.pillars["people"].phase is None
    advice = advise(result, s.qset, s.model)["people"]
    assert [(item.kind, item.subject) for item in advice] == \
        [("unknown_item", "b"), ("next_phase", "2")]


def test_only_a_catalyst_known_to_be_absent_is_advised():
    # Nobody answered "a": whether the catalyst is there is unknown, so advising to build it
    # would be a guess; the inhibitor is unknown too and gets no advice either.
    s = scorer([question("a"), question("b")], signals=SIGNALS)
    unknown = advise(s.assess(answers({"b": 5})), s.qset, s.model)["people"]
    assert [item.kind for item in unknown] == ["unknown_item", "next_phase"]
    absent = advise(s.assess(answers({"a": 3, "b": 5})), s.qset, s.model)["people"]
    assert "catalyst" in [item.kind for item in absent]


# --- context questions -------------------------------------------------------------------------


CONTEXT_OPTIONS = [{"id": "x", "label": TEXT}, {"id": "y", "label": TEXT}]


def test_a_context_question_is_kept_but_never_counted_and_conditions_can_use_it():
    s = scorer([question("ctx", type_="choice", context=True, options=CONTEXT_OPTIONS),
                question("years", type_="number", context=True),
                question("a", when={"question": "ctx", "equals": "x"})])
    result = s.assess(answers({"ctx": "x", "years": 12.5, "a": 5}))
    assert (result.items["ctx"].status, result.items["ctx"].value) == ("unscored", "x")
    assert (result.items["years"].status, result.items["years"].value) == ("unscored", 12.5)
    assert result.items["a"].status == "answered"
    assert result.pillars["people"].levels[0].items == ("a",)
    hidden = s.assess(answers({"ctx": "y", "a": 5}))
    assert hidden.items["a"].status == "hidden"


@pytest.mark.parametrize(("extra", "message"), [
    ({"type_": "choice", "options": [option("x", 1.0)], "context": True},
     "option 'x' has a score, but a context question is not scored"),
    ({"type_": "choice", "options": CONTEXT_OPTIONS}, "option 'x' needs a score"),
    ({"type_": "number", "context": True, "bands": [{"min": 0, "score": 1}]},
     "a context question is not scored and has no bands"),
    ({"type_": "yesno", "context": True, "gate": True},
     "a context question is not scored and cannot be a gate or reverse"),
    ({"type_": "text", "context": True}, "a text question is context already"),
])
def test_a_context_question_has_no_scores_and_a_scored_one_needs_them(extra, message):
    with pytest.raises(ValidationError) as caught:
        question_set([question("q", **extra)])
    assert message in str(caught.value)


def test_answers_to_context_questions_are_checked_like_any_other():
    qs = question_set([question("ctx", type_="choice", context=True, options=CONTEXT_OPTIONS),
                       question("years", type_="number", context=True)])
    assert by_id(qs, "years").answer_problem(7.5) is None
    assert by_id(qs, "years").answer_problem("weet_niet") is None
    assert by_id(qs, "years").answer_problem("zeven") == \
        "expected a number or weet_niet / nvt, got 'zeven'"
    assert by_id(qs, "years").answer_problem(-3) == \
        "expected a number of 0 or more or weet_niet / nvt, got -3"
    assert by_id(qs, "ctx").answer_problem("z") == \
        "expected one of x, y or weet_niet / nvt, got 'z'"


def all_answered(s, **given):
    """Every question of ``s`` answered at the top, except those given."""
    top = {q.id: ("ja" if q.type == "yesno" else 5) for q in s.qset.questions}
    return answers({**top, **given})


def test_a_signal_of_several_pillars_is_advised_once_under_the_weakest():
    shared = [{**SIGNALS[1], "pillars": ["governance", "people"]}]
    s = scorer([question("a")], signals=shared)
    result = s.assess(all_answered(s, a=1))
    assert result.pillars["people"].phase < result.pillars["governance"].phase
    advice = advise(result, s.qset, s.model)
    holders = [p for p, items in advice.items() if any(i.subject == "inh" for i in items)]
    assert holders == ["people"]


def test_the_same_advice_text_is_given_once():
    same = {"nl": "stel een coördinator aan", "en": "appoint a coordinator"}
    s = scorer([question("a", advice=same), question("b", pillar="governance", advice=same)])
    advice = advise(s.assess(all_answered(s, a=1, b=1)), s.qset, s.model)
    texts = [item.text for items in advice.values() for item in items if item.text == same]
    assert len(texts) == 1


def test_next_steps_take_what_blocks_first_in_the_weakest_pillar():
    qs_items = [question("a", advice={"nl": "doe a", "en": "do a"}),
                question("g", type_="yesno", gate=True, advice={"nl": "g", "en": "g"}),
                question("h", pillar="governance", type_="yesno", gate=True,
                         advice={"nl": "h", "en": "h"})]
    s = scorer(qs_items, signals=SIGNALS)
    result = s.assess(all_answered(s, a=1, g="nee", h="nee"))
    advice = advise(result, s.qset, s.model)
    steps = next_steps(result, advice)
    assert [(step.pillar, step.item.kind, step.item.subject) for step in steps] == [
        ("people", "inhibitor", "inh"), ("people", "gate", "g"), ("governance", "gate", "h")]
    assert len(next_steps(result, advice, limit=10)) > 3
