"""The shipped question set asks each respondent at most about 45 questions, and the README
says how many each role and level gets.

If the set changes, the README's table follows it (the numbers are computed here): with a
new marking, update the table between the ``audience`` markers.
"""

from __future__ import annotations

import re

from paths import ROOT
from stimulering.model import LEVELS, PARTNER_ROLES
from stimulering.sources.engine import load

MOST = 45
"""The most questions one respondent is asked, with every follow-up shown."""


def counts() -> dict[tuple[str, str], tuple[int, int]]:
    """Per role and level: the questions asked with every follow-up, and those at the start."""
    questions = load().questions.questions
    found = {}
    for role in PARTNER_ROLES:
        for level in LEVELS:
            asked = [q for q in questions
                     if q.applies_to is None or q.applies_to.takes(role, level)]
            found[(role, level)] = (len(asked), sum(q.when is None for q in asked))
    return found


def test_nobody_is_asked_more_than_about_45_questions():
    assert max(every for every, _ in counts().values()) <= MOST


def test_the_readme_says_how_many_each_role_and_level_gets():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- audience -->")[1].split("<!-- /audience -->")[0]
    rows = {match[0]: (int(match[1]), int(match[2]))
            for match in re.findall(r"^\| (\w+) \| (\d+) \| (\d+) \|$", block, re.M)}
    found = counts()
    # The table is per level: it holds while every role gets the same questions at one level.
    for level in LEVELS:
        assert {found[(role, level)] for role in PARTNER_ROLES} == {rows[level]}, level
