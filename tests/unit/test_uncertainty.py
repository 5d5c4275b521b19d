"""What decides a phase: the range unknown answers leave open, the unknown answers that
decide it, and the answers that, changed alone, would move it.

Every claim is checked against scoring the answers again from scratch.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

import pytest

from builders import answers, every_answer, model, option, question, question_set
from paths import CALIBRATION, DATA
from stimulering.core.coalition import coalition_view
from stimulering.core.conditions import referenced_questions
from stimulering.core.scoring import PhaseRange, Scorer, SignalResult, item_score
from stimulering.core.uncertainty import MAX_DECIDING_UNKNOWN, verdict
from stimulering.model import PILLARS


def partner(organisation: str) -> dict[str, str]:
    return {"organisation": organisation, "role": "netbeheerder", "level": "tactisch"}


def scorer(questions: list[dict[str, Any]], **options: Any) -> Scorer:
    return Scorer(question_set(questions), model(**options))


def phase_of(s: Scorer, values: dict[str, Any]) -> PhaseRange:
    return s.assess(answers(values)).phase_range


def known(phases: PhaseRange) -> int:
    assert phases.known, phases
    return phases.low


# --- the range ---------------------------------------------------------------------------------


def test_the_range_is_the_lowest_and_highest_phase_of_every_way_to_answer_the_unknowns():
    # Two levels of people with a mix of types; five unknown answers, 3 x 3 x 5 x 2 x 3
    # ways to fill them in, each scored from scratch.
    bands = [{"min": 0, "max": 2, "score": 0}, {"min": 2, "max": 5, "score": 0.5},
             {"min": 5, "max": None, "score": 1}]
    s = scorer([question("a", type_="yesno"), question("b", type_="yesno", gate=True),
                question("c"), question("d", phase=2, type_="choice",
                                        options=[option("x", 0), option("y", 1)]),
                question("e", phase=2, type_="number", bands=bands),
                question("f", phase=2, type_="yesno")])
    given = {"a": "ja", "f": "deels"} | {f"people_{k}": 5 for k in range(3, 7)}
    given |= {q.id: 5 for q in s.qset.questions if q.pillar != "people"}
    unknown = ["b", "c", "d", "e"]
    phases = set()
    for filled in itertools.product(*(every_answer(s.questions[q]) for q in unknown)):
        phases.add(known(phase_of(s, given | dict(zip(unknown, filled, strict=True)))))
    result = s.assess(answers(given | {"b": "weet_niet"}))
    assert (result.phase_range.low, result.phase_range.high) == (min(phases), max(phases))
    assert min(phases) < max(phases)


def test_a_follow_up_of_an_unknown_answer_counts_at_the_high_end_only():
    # Unknown "a" at its lowest (nee) hides "b"; at its highest (ja) shows it, and "b",
    # unanswered, is then filled in at the high end too.
    s = scorer([question("a", type_="yesno"), question("c", type_="yesno"),
                question("b", type_="yesno", when={"question": "a", "equals": "ja"})])
    high = {q.id: 5 for q in s.qset.questions if q.pillar != "people"} | \
        {f"people_{k}": 5 for k in range(2, 7)}
    # With c = deels: nee for a gives 0.5 / 2 (level 1 fails); ja, ja gives 2.5 / 3.
    result = s.assess(answers(high | {"c": "deels"}))
    assert (result.phase_range.low, result.phase_range.high) == (1, 6)
    assert phase_of(s, high | {"c": "deels", "a": "nee"}) == PhaseRange(1, 1)
    assert phase_of(s, high | {"c": "deels", "a": "ja", "b": "ja"}) == PhaseRange(6, 6)
    # An answer kept while hidden comes back with the answer it has: b = nee gives
    # (1 + 0.5 + 0) / 3 = 0.5 even with a at its highest.
    result = s.assess(answers(high | {"c": "deels", "b": "nee"}))
    assert (result.phase_range.low, result.phase_range.high) == (1, 1)


def test_an_unknown_context_answer_keeps_what_it_hides_hidden_at_both_ends():
    context = [{"id": "x", "label": {"nl": "x", "en": "x"}},
               {"id": "y", "label": {"nl": "y", "en": "y"}}]
    s = scorer([question("ctx", type_="choice", context=True, options=context),
                question("a"),
                question("b", when={"question": "ctx", "equals": "x"})])
    values = {q.id: 5 for q in s.qset.questions if q.id not in ("ctx", "b")}
    result = s.assess(answers(values))
    assert result.items["b"].status == "hidden"
    assert (result.phase, result.phase_range.low) == (6, 6)


def test_a_partner_who_knows_narrows_the_range_for_the_coalition():
    s = scorer([question("a"), question("b")])
    rest = {q.id: 5 for q in s.qset.questions if q.id not in ("a", "b")}
    unsure = answers(rest | {"a": 5, "b": "weet_niet"}, respondent=partner("Stroomnet"))
    sure = answers(rest | {"a": 5, "b": 4}, respondent=partner("Bronwater"))
    alone = s.assess(unsure).phase_range
    assert (alone.low, alone.high) == (1, 6)
    view = coalition_view(s, [unsure, sure])
    assert view.combined.phase_range == PhaseRange(6, 6)


# --- deciding unknowns -------------------------------------------------------------------------


def test_the_unknown_answers_that_decide_come_largest_effect_first_and_at_most_five():
    # Level 1 of people has six unknown items and one known "ja"; the gate decides most.
    items = [question("g", type_="yesno", gate=True), question("w", weight=3),
             *(question(f"u{n}") for n in range(4)), question("k", type_="yesno")]
    s = scorer(items)
    rest = {q.id: 5 for q in s.qset.questions if q.pillar != "people" or q.phase > 1}
    result = s.assess(answers(rest | {"k": "ja"}))
    decided = verdict(s, result)
    assert len(decided.unknown) == MAX_DECIDING_UNKNOWN
    assert decided.unknown[:2] == ("g", "w")
    assert decided.pillar_unknown["people"] == decided.unknown
    assert decided.pillar_unknown["governance"] == ()
    # Answering the first of them at its lowest settles the phase at 1.
    assert phase_of(s, rest | {"k": "ja", "g": "nee"}) == PhaseRange(1, 1)


def test_a_known_phase_has_no_deciding_unknowns_for_the_coalition():
    s = scorer([question("a"), question("b")])
    values = {q.id: 5 for q in s.qset.questions if q.id != "people_6"} | {"a": 1}
    decided = verdict(s, s.assess(answers(values)))
    assert decided.phase_range == PhaseRange(1, 1)
    assert decided.unknown == ()


# --- deciding answers --------------------------------------------------------------------------


def moves_by_scoring_again(s: Scorer, values: dict[str, Any]) -> set[tuple[str, PhaseRange]]:
    """Every (question, range) that one changed answer gives, scored again from scratch."""
    result = s.assess(answers(values))
    now = result.phase_range
    moved = set()
    asked_after = set().union(*(referenced_questions(f.when) for f in s.qset.questions
                                if f.when is not None))
    for q in s.qset.questions:
        item = result.items[q.id]
        counts = item.status == "answered" or (
            item.status == "unscored" and item.value not in (None, "weet_niet", "nvt")
            and q.id in asked_after)
        if not counts:
            continue
        for value in every_answer(q):
            if value == item.value:
                continue
            changed = phase_of(s, values | {q.id: value})
            if changed != now:
                moved.add((q.id, changed))
    return moved


def deciding_moves(s: Scorer, values: dict[str, Any]) -> set[tuple[str, PhaseRange]]:
    found = verdict(s, s.assess(answers(values))).deciding
    assert len(found) == len({(d.question, d.phase_range) for d in found})
    return {(d.question, d.phase_range) for d in found}


def test_each_deciding_answer_moves_the_phase_to_what_it_says_and_no_other_answer_does():
    s = scorer([question("a", type_="yesno", gate=True), question("b"),
                question("c", phase=2, type_="yesno"), question("d", phase=2)])
    values = {q.id: 5 for q in s.qset.questions} | {"a": "ja", "b": 3, "c": "nee", "d": 2}
    assert phase_of(s, values) == PhaseRange(2, 2)
    assert deciding_moves(s, values) == moves_by_scoring_again(s, values)
    # c = ja meets level 2 ((1 + 0.25) / 2 = 0.625) and every level above: phase 6. Then
    # the drops: a = deels leaves level 1 at 0.5, b = 1 at (1 + 0) / 2; d alone cannot lift
    # level 2, and a = nee drops no further than a = deels, which is nearer to ja.
    found = verdict(s, s.assess(answers(values))).deciding
    assert [(d.question, d.answer, d.would_be, d.phase_range) for d in found
            if d.question in "abcd"] == [
        ("c", "nee", "ja", PhaseRange(6, 6)), ("a", "ja", "deels", PhaseRange(1, 1)),
        ("b", 3, 1, PhaseRange(1, 1))]
    # The raise first, then the largest drops.
    assert found[0].question == "c"
    assert [d.phase_range.low for d in found[1:]] == sorted(d.phase_range.low for d in found[1:])


def test_a_deciding_answer_reaches_its_phase_with_the_answer_nearest_the_current_one():
    s = scorer([question("a"), question("b")])
    values = {q.id: 5 for q in s.qset.questions} | {"a": 5, "b": 3}
    found = [d for d in verdict(s, s.assess(answers(values))).deciding if d.question == "a"]
    # a = 3 is the first answer below 5 that fails level 1 ((0.5 + 0.5) / 2 < 0.6); a = 2
    # and a = 1 fail it too, but are further from what was answered.
    assert [(d.answer, d.would_be, d.phase_range) for d in found] == [(5, 3, PhaseRange(1, 1))]


def test_showing_follow_ups_that_nobody_answered_opens_the_range():
    s = scorer([question("a", type_="yesno"), question("c", type_="yesno"),
                question("b", type_="yesno", when={"question": "a", "equals": "ja"})])
    values = {q.id: 5 for q in s.qset.questions if q.pillar != "people"} | \
        {f"people_{k}": 5 for k in range(2, 7)} | {"a": "nee", "c": "deels"}
    # Now (0 + 0.5) / 2 fails level 1. With a = ja, b is asked and nobody answered it:
    # (1 + 0.5 + 0) / 3 fails, (1 + 0.5 + 1) / 3 does not. So the phase would be open.
    assert deciding_moves(s, values) == moves_by_scoring_again(s, values)
    assert ("a", PhaseRange(1, 6)) in deciding_moves(s, values)


class Limited(Scorer):
    """A scorer in which a present inhibitor holds its pillars below phase 6."""

    def phase_limits(self, signals: Iterable[SignalResult]) -> dict[str, int]:
        held = any(s.kind == "inhibitor" and s.status == "present" for s in signals)
        return dict.fromkeys(PILLARS, 5 if held else 6)


def test_an_answer_that_sets_off_an_inhibitor_which_holds_the_phase_back_is_deciding():
    inhibitor = {"id": "rem", "kind": "inhibitor", "name": {"nl": "r", "en": "r"},
                 "description": {"nl": "d", "en": "d"},
                 "when": {"all": [{"question": "x", "equals": "nee"},
                                  {"question": "y", "equals": "nee"}]},
                 "pillars": ["people"], "advice": {"nl": "a", "en": "a"}}
    s = Limited(question_set([question("x", type_="yesno", phase=6),
                              question("y", type_="yesno", pillar="governance", phase=6)]),
                model(signals=[inhibitor]))
    values = {q.id: 5 for q in s.qset.questions} | {"x": "ja", "y": "nee"}
    assert phase_of(s, values) == PhaseRange(6, 6)
    # Only x = nee sets off the inhibitor (y is nee already); neither level moves the phase
    # (each is the last level), but the one-item levels below them do.
    assert deciding_moves(s, values) == moves_by_scoring_again(s, values)
    found = verdict(s, s.assess(answers(values))).deciding
    assert [(d.question, d.would_be, d.phase_range) for d in found
            if d.question in ("x", "y")] == [("x", "nee", PhaseRange(5, 5))]
    # Unknown, the inhibitor holds the low end only.
    result = s.assess(answers(values | {"x": "weet_niet"}))
    assert result.phase_range == PhaseRange(5, 6)


# --- on the shipped question set ---------------------------------------------------------------


FILES = sorted(p for p in CALIBRATION.glob("*.yaml") if p.name != "cases.yaml") + \
    sorted((DATA / "reports").glob("*.yaml"))


def effect(s: Scorer, values: dict[str, Any], question_id: str) -> int:
    """How far one unknown answer moves the coalition's range: set to its highest, the low
    end rises; set to its lowest, the high end falls. Scored again from scratch."""
    q = s.questions[question_id]
    lowest = min(every_answer(q), key=lambda v: item_score(q, v))
    highest = max(every_answer(q), key=lambda v: item_score(q, v))
    now = phase_of(s, values)
    return (phase_of(s, values | {question_id: highest}).low - now.low) + \
        (now.high - phase_of(s, values | {question_id: lowest}).high)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_what_decides_the_phase_of_real_files_holds_when_scored_again(engine, path):
    s = engine.scorer
    values, _ = s.effective_values(engine.read_answers(path).answers)
    # Knowing less: every fourth scored answer made unknown, to open some ranges.
    scored = [q.id for q in engine.questions.questions if q.scored and q.id in values]
    for variant in (values, values | {qid: "weet_niet" for qid in scored[::4]}):
        result = s.assess(answers(variant))
        decided = verdict(s, result)
        assert decided.phase_range == result.phase_range
        assert deciding_moves(s, variant) == moves_by_scoring_again(s, variant)
        for change in decided.deciding:
            assert phase_of(s, variant | {change.question: change.would_be}) == \
                change.phase_range, change
        unknown = [q.id for q in engine.questions.questions
                   if result.items[q.id].status == "unknown"]
        effects = {question_id: effect(s, variant, question_id) for question_id in unknown}
        named = [effects[question_id] for question_id in decided.unknown]
        assert named == sorted(named, reverse=True)
        for question_id, moved in effects.items():
            if moved > 0 and question_id not in decided.unknown:
                assert len(named) == MAX_DECIDING_UNKNOWN and min(named) >= moved
