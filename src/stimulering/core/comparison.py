"""Pure: many coalitions side by side, each by its latest combined assessment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from stimulering.core.combine import combine_items, combine_signals
from stimulering.core.scoring import (
    Assessment,
    Scorer,
)
from stimulering.model import (
    AnswerValue,
)


@dataclass(frozen=True)
class CoalitionRow:
    """One coalition's latest assessment in a comparison."""

    coalition: str
    date: dt.date
    respondents: int
    assessment: Assessment
    round: str = ""
    agreed: bool = False
    """Whether the row is the coalition file agreed in a consensus conversation."""


def latest_assessment(scorer: Scorer, coalition: str, date: dt.date,
                      answer_sets: Sequence[Mapping[str, AnswerValue]]) -> CoalitionRow:
    """The combined assessment of the respondents of one coalition on one date.

    Works on raw answer mappings, so a comparison need not keep whole files.
    """
    item_sets = [scorer.items(scorer.effective_values(values)[0]) for values in answer_sets]
    items = combine_items(scorer, item_sets)
    assessment = scorer.assess_items(coalition=coalition, date=date, respondent=None,
                                     items=items)
    assessment = replace(assessment, signals=combine_signals(
        [scorer.signals(item_set) for item_set in item_sets]))
    return CoalitionRow(coalition, date, len(item_sets), assessment)
