"""Pure: many coalitions side by side, each by its latest combined assessment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from stimulering.core.combine import (
    asked_of_nobody,
    coalition_code,
    combine_items,
    respondents_signals,
)
from stimulering.core.scoring import (
    Assessment,
    Scorer,
)
from stimulering.model import (
    AnswerValue,
    Respondent,
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
                      answer_sets: Sequence[Mapping[str, AnswerValue]],
                      respondents: Sequence[Respondent | None] | None = None) -> CoalitionRow:
    """The combined assessment of the respondents of one coalition on one date.

    Works on raw answer mappings, so a comparison need not keep whole files.
    ``respondents`` are who gave each set, so that each question is combined over the
    respondents it is asked of (see ``combine``).
    """
    value_sets = [scorer.effective_values(values)[0] for values in answer_sets]
    item_sets = [scorer.items(values) for values in value_sets]
    items = combine_items(scorer, item_sets, value_sets, respondents)
    assessment = scorer.assess_items(
        coalition=coalition, date=date, respondent=None, items=items,
        unasked=() if respondents is None else asked_of_nobody(scorer, respondents))
    assessment = replace(assessment,
                         signals=respondents_signals(scorer, item_sets, respondents))
    return CoalitionRow(coalition, date, len(item_sets), assessment)


def shown_rows(rows: Sequence[CoalitionRow], *, anonymise: bool = False,
               ) -> list[tuple[str, CoalitionRow]]:
    """Rows with the name to show (a stable code when anonymised), sorted by that name."""
    named = [(coalition_code(row.coalition) if anonymise else row.coalition, row)
             for row in rows]
    return sorted(named, key=lambda entry: (entry[0].casefold(), entry[0]))
