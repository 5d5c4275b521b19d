"""Calibration: fictional coalitions written from public facts land in the phases those
facts support, and coalitions further along land higher.

The cases, their facts and ranges are in tests/calibration/cases.yaml.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from paths import CALIBRATION
from stimulering.model import PILLARS

CASES: dict[str, Any] = yaml.safe_load((CALIBRATION / "cases.yaml").read_text(encoding="utf-8"))
NAMES = [case["file"] for case in CASES["cases"]]


def within(value: int | None, bounds: list[int]) -> bool:
    low, high = bounds
    return value is not None and low <= value <= high


@pytest.fixture(scope="module")
def placed(engine) -> dict[str, Any]:
    """Every case's assessment, by file name."""
    return {name: engine.evaluate_file(CALIBRATION / name).assessment for name in NAMES}


@pytest.mark.parametrize("case", CASES["cases"], ids=NAMES)
def test_each_case_lands_in_the_range_its_facts_support(case, placed):
    result = placed[case["file"]]
    phases = {p: result.pillars[p].phase for p in PILLARS}
    assert within(result.phase, case["phase"]), (case["why"], phases)
    for pillar, bounds in case.get("pillars", {}).items():
        assert within(phases[pillar], bounds), (pillar, case["why"], phases)


@pytest.mark.parametrize("case", CASES["cases"], ids=NAMES)
def test_each_case_says_why_and_answers_what_its_facts_name(case, engine):
    assert case["why"].strip() and case["assumed"].strip()
    low, high = case["phase"]
    assert 1 <= low <= high <= 6
    answers = engine.read_answers(CALIBRATION / case["file"]).answered()
    known = engine.questions.by_id()
    for fact in case["facts"]:
        assert fact["fact"].strip() and fact["source"].strip()
        for qid in fact["answers"]:
            assert qid in known, f"{case['file']}: {qid} is not a question"
            assert qid in answers and answers[qid] not in ("weet_niet", "nvt"), \
                f"{case['file']}: the fact behind {qid} should give it an answer"


def test_every_answers_file_in_the_folder_is_a_case():
    assert sorted(p.name for p in CALIBRATION.glob("*.yaml") if p.name != "cases.yaml") == \
        sorted(NAMES)


def test_coalitions_further_along_are_placed_higher(placed):
    # E-mail only < a signed declaration of intent < a convenant with a jointly run
    # coordination point < a renewed convenant with joint projects.
    phases = [placed[name].phase for name in CASES["order"]]
    assert None not in phases
    assert phases == sorted(set(phases)), dict(zip(CASES["order"], phases, strict=True))
