"""Combining respondents of one coalition: combined scores, divergence, consensus."""

from __future__ import annotations

import datetime as dt

import pytest

from builders import TEXT, answers, best_value, model, question, question_set, worst_value
from stimulering.core.coalition import coalition_view, consensus
from stimulering.core.combine import coalition_code, nearest_value, respondent_labels
from stimulering.core.scoring import Scorer
from stimulering.errors import MixedCoalitionsError
from stimulering.model import Answers, Respondent
from stimulering.session.store import answers_yaml


def respondent(organisation, role="gemeente", level="tactisch"):
    return {"organisation": organisation, "role": role, "level": level}


def three_partners(engine):
    """Three respondents, one at each level, who agree on everything except the people
    questions everyone is asked."""
    people = {q.id for q in engine.questions.questions
              if q.pillar == "people" and q.applies_to is None}
    high = {q.id: best_value(q) for q in engine.questions.questions}
    low = {q.id: worst_value(q) if q.id in people else best_value(q)
           for q in engine.questions.questions}
    return [
        answers(high, coalition="Rivierstad", respondent=respondent("Gemeente Rivierstad")),
        answers(high, coalition="Rivierstad",
                respondent=respondent("Stroomnet", "netbeheerder", "strategisch")),
        answers(low, coalition="Rivierstad",
                respondent=respondent("Bronwater", "drinkwaterbedrijf", "operationeel")),
    ]


def test_partners_who_differ_on_people_discuss_exactly_those_items(engine):
    partners = three_partners(engine)
    view = coalition_view(engine.scorer, partners)
    bronwater = engine.scorer.assess(partners[2])
    # Items Bronwater's low answers hide (their `when` no longer holds) have one answer less
    # but still two equal ones, so they are no topic.
    expected = {q.id for q in engine.questions.questions
                if q.pillar == "people" and q.scored and q.applies_to is None
                and bronwater.items[q.id].status == "answered"}
    assert {topic.question for topic in view.divergence} == expected
    assert {topic.pillar for topic in view.divergence} == {"people"}
    assert all(topic.spread == 1.0 for topic in view.divergence)
    # The agenda: most answer steps apart first (a scale from 1 to 5 is four steps, ja to
    # nee two), then the heavier item, then gates, then the order of the set.
    # Every spread here is the whole range, so the steps are the distinct answers less one.
    def steps(q):
        return {"scale": 4, "yesno": 2}.get(q.type) or len({o.score for o in q.options}) - 1

    order = sorted((q for q in engine.questions.questions if q.id in expected),
                   key=lambda q: (-steps(q), -q.weight, -q.gate,
                                  engine.questions.questions.index(q)))
    assert [topic.question for topic in view.divergence] == [q.id for q in order]
    assert [topic.steps for topic in view.divergence] == [steps(q) for q in order]
    first = view.divergence[0]
    assert [(who, score) for who, _, score in first.answers] == [
        ("Gemeente Rivierstad", 1.0), ("Stroomnet", 1.0), ("Bronwater", 0.0)]


def test_combined_phase_follows_the_mean_and_shows_the_lowest_respondent(engine):
    view = coalition_view(engine.scorer, three_partners(engine))
    people = [q for q in engine.questions.questions if q.pillar == "people" and q.scored]
    for q in people:
        item = view.combined.items[q.id]
        if item.status == "answered" and q.id in {t.question for t in view.divergence}:
            # (1 + 1 + 0) / 3 by hand
            assert item.score == pytest.approx(2 / 3)
    # Every people item scores 2/3 or 1, above the threshold 0.6, and every gate at least
    # 0.5: all levels met.
    assert view.combined.pillars["people"].phase == 6
    assert view.lowest == {"people": 1, "governance": 6, "information": 6}
    assert view.lowest_phase == 1
    assert view.combined.phase == 6


def scorer_three_items():
    return Scorer(question_set([question("a"), question("b"), question("c")]), model())


def people_answers(values, name):
    return answers(values, respondent=respondent(name))


def test_dont_know_does_not_count_in_the_mean():
    scorer = scorer_three_items()
    # Level 2 fails for everyone, so each phase is known once level 1 is.
    later = {f"people_{level}": 1 for level in range(2, 7)}
    # Item scores 0.75, 0.75 and 0.25: mean 0.583 is below the threshold 0.6.
    view = coalition_view(scorer, [people_answers({"a": 4, "b": 4, "c": 4} | later, "A"),
                                   people_answers({"a": 4, "b": 4, "c": 4} | later, "B"),
                                   people_answers({"a": 2, "b": 2, "c": 2} | later, "C")])
    assert view.combined.items["a"].score == pytest.approx(7 / 12)
    assert view.combined.pillars["people"].phase == 1
    assert [t.question for t in view.divergence] == ["a", "b", "c"]
    # The same third respondent saying "don't know": the mean is 0.75, level 1 is met.
    view = coalition_view(scorer, [people_answers({"a": 4, "b": 4, "c": 4} | later, "A"),
                                   people_answers({"a": 4, "b": 4, "c": 4} | later, "B"),
                                   people_answers({"a": "weet_niet", "b": "weet_niet",
                                                   "c": "weet_niet"} | later, "C")])
    assert view.combined.items["a"].score == 0.75
    assert view.combined.pillars["people"].phase == 2
    # A respondent who knows nothing leaves the phase open, so it does not set the lowest one.
    assert view.respondents[2].assessment.pillars["people"].phase is None
    assert view.lowest["people"] == 2
    assert view.divergence == ()


def test_nobody_answered_is_unknown_and_nvt_for_everyone_stays_out():
    scorer = scorer_three_items()
    view = coalition_view(scorer, [people_answers({"a": "nvt", "b": "weet_niet"}, "A"),
                                   people_answers({"a": "nvt"}, "B")])
    assert view.combined.items["a"].status == "not_applicable"
    assert view.combined.items["b"].status == "unknown"
    assert view.combined.items["c"].status == "unknown"


def test_signals_follow_the_majority_and_a_tie_is_read_cautiously():
    signals = [
        {"id": "cat", "kind": "catalyst", "name": {"nl": "k", "en": "c"},
         "description": {"nl": "k", "en": "c"}, "when": {"question": "a", "at_least": 4},
         "pillars": ["people"], "advice": {"nl": "k", "en": "c"}},
        {"id": "inh", "kind": "inhibitor", "name": {"nl": "r", "en": "i"},
         "description": {"nl": "r", "en": "i"}, "when": {"question": "a", "at_most": 2},
         "pillars": ["people"], "advice": {"nl": "r", "en": "i"}},
    ]
    scorer = Scorer(question_set([question("a")]), model(signals))

    def statuses(*values):
        view = coalition_view(scorer, [people_answers({"a": v}, str(i))
                                       for i, v in enumerate(values)])
        return [(s.id, s.status) for s in view.combined.signals]

    assert statuses(5, 5, 1) == [("cat", "present"), ("inh", "absent")]
    assert statuses(5, 1) == [("cat", "absent"), ("inh", "present")]
    assert statuses(5, "weet_niet", "weet_niet") == [("cat", "present"), ("inh", "absent")]
    assert statuses("weet_niet") == [("cat", "unknown"), ("inh", "unknown")]


def test_different_coalitions_are_refused():
    scorer = scorer_three_items()
    with pytest.raises(MixedCoalitionsError, match="stimulering compare"):
        coalition_view(scorer, [answers({}, coalition="Molenveen"),
                                answers({}, coalition="Zandwijk")])
    # Case and spacing do not make another coalition.
    coalition_view(scorer, [answers({}, coalition="Nieuw  Veen"),
                            answers({}, coalition="nieuw veen")])


def test_labels_are_unique_and_anonymous_labels_show_role_and_level():
    people = [Respondent.model_validate(r) for r in (
        respondent("Gemeente", "gemeente", "strategisch"),
        respondent("Gemeente", "gemeente", "tactisch"),
        respondent("Stroomnet", "netbeheerder", "tactisch"),
        respondent("Noordnet", "netbeheerder", "tactisch"))]
    assert respondent_labels(people) == [
        "Gemeente (gemeente · strategisch)", "Gemeente (gemeente · tactisch)", "Stroomnet",
        "Noordnet"]
    assert respondent_labels(people, anonymise=True) == [
        "gemeente · strategisch", "gemeente · tactisch", "netbeheerder · tactisch #1",
        "netbeheerder · tactisch #2"]


def test_coalition_codes_are_stable():
    assert coalition_code("Rivierstad") == coalition_code(" rivierstad ")
    assert coalition_code("Rivierstad") == "C-" + __import__("hashlib").sha256(
        b"rivierstad").hexdigest()[:6]
    assert coalition_code("Rivierstad") != coalition_code("Molenveen")


@pytest.mark.parametrize(("score", "value"), [(0.5, 3), (0.625, 3), (0.7, 4), (1.0, 5)])
def test_a_mean_maps_back_to_the_nearest_scale_value_ties_to_the_lower(score, value):
    q = question_set([question("a")]).by_id()["a"]
    assert nearest_value(q, score, []) == value


def test_a_mean_maps_back_to_the_nearest_yesno_value():
    q = question_set([question("a", type_="yesno")]).by_id()["a"]
    assert [nearest_value(q, s, []) for s in (0.2, 0.25, 0.5, 0.75, 0.9)] == [
        "nee", "nee", "deels", "deels", "ja"]


def test_consensus_leaves_the_topics_open_and_takes_the_rest_from_the_combined_result():
    scorer = Scorer(question_set([question("a"), question("b"), question("c", type_="yesno"),
                                  question("t", type_="text")]), model())
    partners = [
        answers({"a": 5, "b": 4, "c": "ja", "t": "Wij"}, coalition="Molenveen",
                respondent=respondent("Gemeente Molenveen"), notes={"a": "klopt"},
                date=dt.date(2026, 3, 1)),
        answers({"a": 1, "b": 3, "c": "ja"}, coalition="Molenveen",
                respondent=respondent("Stroomnet", "netbeheerder", "tactisch"),
                notes={"a": "niet waar"}, date=dt.date(2026, 3, 2)),
        answers({"a": 2, "b": "weet_niet", "c": "nvt"}, coalition="Molenveen",
                respondent=respondent("Bronwater", "drinkwaterbedrijf", "operationeel"),
                date=dt.date(2026, 3, 2)),
    ]
    result = consensus(scorer, partners)
    assert [t.question for t in result.topics] == ["a"]
    document = result.answers
    assert document.respondent == Respondent(organisation="Coalitie Molenveen", role="coalitie",
                                             level="tactisch")
    assert document.date == dt.date(2026, 3, 2)
    # b: (0.75 + 0.5) / 2 = 0.625, a tie between 3 (0.5) and 4 (0.75): the lower.
    assert document.answers["a"] is None
    assert document.answers["b"] == 3
    assert document.answers["c"] == "ja"
    assert document.answers["t"] == "Gemeente Molenveen: Wij"
    # A topic's note is the coalition's own, to write; the partners' notes stand beside
    # their answers in the consensus record.
    assert document.notes == {}
    assert document.consensus is not None
    assert document.consensus.notes == {"a": {"Gemeente Molenveen": "klopt",
                                              "Stroomnet": "niet waar"}}
    # The file is an ordinary answers file.
    import yaml

    again = Answers.model_validate(yaml.safe_load(answers_yaml(document)))
    assert again == document
    assert scorer.assess(again).items["a"].status == "unknown"


def test_the_coalition_file_keeps_shared_context_answers_and_notes_different_ones():
    options = [{"id": "x", "label": TEXT}, {"id": "y", "label": TEXT}]
    scorer = Scorer(question_set([
        question("tool", type_="choice", context=True, options=options),
        question("scale", type_="choice", context=True, options=options),
        question("a")]), model())
    partners = [people_answers({"tool": "x", "scale": "x", "a": 5}, "A"),
                people_answers({"tool": "x", "scale": "y", "a": 5}, "B")]
    view = coalition_view(scorer, partners)
    assert view.combined_answers.answers["tool"] == "x"
    assert "scale" not in view.combined_answers.answers
    assert view.combined_answers.notes["scale"] == "A: x\nB: y"
