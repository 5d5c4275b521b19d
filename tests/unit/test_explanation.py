"""'Why this phase' in words a steering group reads at once; the numbers stay in the table."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pytest

from builders import TEXT, answers, highest, lowest, model, question, question_set
from paths import CALIBRATION, DATA
from stimulering.core.results import evaluate
from stimulering.core.scoring import Scorer, SignalResult
from stimulering.model import PILLARS
from stimulering.report.common import escape_markdown, explanation
from stimulering.report.markdown import interpretation, render_report_markdown

FILES = sorted(p for p in CALIBRATION.glob("*.yaml") if p.name != "cases.yaml") + \
    sorted((DATA / "reports").glob("*.yaml"))


def why(evaluation: Any, pillar: str, lang: str = "nl") -> str:
    return " ".join(explanation(evaluation, evaluation.assessment.pillars[pillar], lang))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_why_this_phase_has_no_scores_or_thresholds_and_the_table_keeps_them(
        engine, path, lang):
    evaluation = engine.evaluate_file(path)
    report = render_report_markdown(evaluation, lang)
    heading = "## Waarom deze fase" if lang == "nl" else "## Why this phase"
    section = report.split(heading)[1].split("\n## ")[0]
    assert not re.search(r"\d[,.]\d\d", section), section
    assert not re.search(r"drempel|threshold|score|niveau \d|level \d", section, re.I), section
    # One paragraph per pillar.
    assert [line for line in section.splitlines() if line.startswith("- ")] == [
        f"- {escape_markdown(why(evaluation, p, lang))}" for p in PILLARS]
    details = report.split("## Pijlers en categorieën" if lang == "nl"
                           else "## Pillars and categories")[1].split("\n## ")[0]
    assert re.search(r"\d[,.]\d\d", details)


def test_it_says_what_is_in_place_and_what_the_next_phase_still_takes(engine):
    evaluation = engine.evaluate_file(DATA / "reports" / "advanced.yaml")
    text = why(evaluation, "information")
    assert text.startswith("Informatie en data-uitwisseling staat in fase 4 (Ontwerpproces "
                           "inrichten). Wat fase 1 tot en met 3 vraagt, is op orde. Voor fase 5 "
                           "is nog nodig: ‘")
    assert "(nu: nee)" in text
    english = why(evaluation, "information", "en")
    assert english.startswith("Information and data exchange is in phase 4 (Setting up the "
                              "design process). What phases 1 to 3 ask is in place. Phase 5 "
                              "still takes: ‘")


def test_an_open_pillar_names_the_unknown_answers_that_decide_it(engine):
    values = {q.id: "weet_niet" for q in engine.questions.questions if q.scored}
    evaluation = engine.evaluate(answers(values | {"vast_overleg": "ja"}))
    text = why(evaluation, "people")
    first = engine.questions.by_id()[evaluation.verdict.pillar_unknown["people"][0]]
    assert text.startswith("Mens en samenwerking staat in fase 1 tot en met 6; welke het is, "
                           "hangt af van antwoorden die nog onbekend zijn: ")
    assert f"‘{first.text['nl'].rstrip('.')}’ (weet niet)" in text


class Limited(Scorer):
    """A scorer in which a present inhibitor holds the pillars it concerns below phase 6."""

    def phase_limits(self, signals: Iterable[SignalResult]) -> dict[str, int]:
        limits = dict.fromkeys(PILLARS, 6)
        for result in signals:
            if result.kind == "inhibitor" and result.status == "present":
                signal = next(s for s in self.model.signals if s.id == result.id)
                limits.update(dict.fromkeys(signal.pillars, 5))
        return limits


def test_a_pillar_held_back_by_an_inhibitor_says_so():
    inhibitor = {"id": "rem", "kind": "inhibitor", "name": {"nl": "Geen bestuur aan tafel",
                                                            "en": "No board at the table"},
                 "description": TEXT, "when": {"question": "x", "equals": "nee"},
                 "pillars": ["people"], "advice": TEXT}
    # x is the only item of people's level 6: with nee, levels 1 to 5 are met (phase 6
    # by its levels), and the inhibitor it sets off holds the pillar at phase 5.
    s = Limited(question_set([question("x", type_="yesno", phase=6)]),
                model(signals=[inhibitor]))
    values = {q.id: 5 for q in s.qset.questions if q.id != "x"} | {"x": "nee"}
    filled = answers(values)
    result = s.assess(filled)
    evaluation = evaluate(filled, result, s.qset, s.model, s)
    assert (result.pillars["people"].phase, result.pillars["people"].held_by) == (5, ("rem",))
    assert result.pillars["governance"].held_by == ()
    assert why(evaluation, "people") == (
        "tekst staat in fase 5 (tekst). Wat fase 1 tot en met 5 vraagt, is op orde. "
        "Remmend werkt: Geen bestuur aan tafel; dat houdt tekst onder fase 6.")


def test_the_reading_names_every_pillar_of_a_tie_but_one_place_to_start(engine):
    best, worst = highest(engine), lowest(engine)
    values = {q.id: worst[q.id] if q.phase >= 3 else best[q.id]
              for q in engine.questions.questions if q.id in best}
    # People is a phase further than the other two, which tie at the bottom.
    values |= {q.id: best[q.id] for q in engine.questions.questions
               if q.pillar == "people" and q.phase == 3 and q.id in best}
    evaluation = engine.evaluate(answers(values))
    reading = interpretation(evaluation, "nl")
    assert "Dat zijn Governance en afspraken en Informatie en data-uitwisseling (fase 3); " \
           "Mens en samenwerking loopt het verst voor (fase 4), 1 fase verder." in reading
    # The place to start is the pillar of the first step the summary lists.
    start = reading.split("Begin bij het advies voor ")[1]
    first = evaluation.next_steps[0].pillar
    assert start == {"people": "Mens en samenwerking.", "governance": "Governance en afspraken.",
                     "information": "Informatie en data-uitwisseling."}[first]
