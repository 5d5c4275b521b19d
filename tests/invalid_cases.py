"""The bad-input corpus: the cases in tests/data/invalid/ and the command each is run with.

Shared by ``test_invalid_files.py`` and ``benchmarks/run.py`` (which times every case);
it needs nothing but stimulering itself.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import workbook_bombs as bombs
from stimulering.model import TEXT_ANSWER_MAX
from stimulering.sources.files import default_model_path
from stimulering.sources.yaml_text import MAX_FILE_BYTES, MAX_LINE_CHARS

INVALID = Path(__file__).resolve().parent / "data" / "invalid"
VALID_ANSWERS = (
    "stimulering_answers: 1\ncoalition: Rivierstad\n"
    "respondent: {organisation: Stroomnet, role: netbeheerder, level: tactisch}\n"
    "date: 2026-11-28\nanswers:\n  vast_overleg: ja\n"
)
GENERATED: dict[str, str | Callable[[], bytes]] = {
    # Over the size cap, with nothing else wrong: a long run of comment lines.
    "answers-over-size-cap.yaml": VALID_ANSWERS + ("# " + "x" * 98 + "\n") * (
        MAX_FILE_BYTES // 100 + 1),
    # One line just over the line cap, in a comment.
    "answers-very-long-line.yaml": VALID_ANSWERS + "# " + "x" * (MAX_LINE_CHARS - 1) + "\n",
    # Far too long a line to hold a real answer, in a value this time.
    "answers-very-long-value.yaml": VALID_ANSWERS.replace(
        "coalition: Rivierstad", "coalition: " + "Rivierstad " * 50_000),
    # An answer to an open question one character over its limit, on a line of its own.
    "answers-text-answer-too-long.yaml": VALID_ANSWERS + "  deelnemende_partijen: "
    + "x" * (TEXT_ANSWER_MAX + 1) + "\n",
    # More values than a document may have, written out without a single alias.
    "answers-many-values.yaml": VALID_ANSWERS + "".join(
        f"  vraag_{number}: {{a: 1}}\n" for number in range(50_000)),
    # Workbooks that unpack to far more than they weigh, each just over one bound.
    "answers-workbook-rows-in-the-lists-sheet.xlsx":
        lambda: bombs.many_rows(bombs.template(), 5_000, bombs.LISTS_SHEET),
    "answers-workbook-too-many-columns.xlsx":
        lambda: bombs.many_cells(bombs.template(), 1, 41),
    "answers-workbook-too-many-cells.xlsx":
        lambda: bombs.many_cells(bombs.template(), 4_990, 20),
    "answers-workbook-too-many-shared-strings.xlsx":
        lambda: bombs.shared_strings(bombs.template(), 100_001),
    "answers-workbook-wide-dimension.xlsx": lambda: bombs.wide_dimension(bombs.template()),
    "answers-workbook-too-many-elements.xlsx":
        lambda: bombs.many_elements(bombs.template(), 200_001),
    "answers-workbook-entity.xlsx": lambda: bombs.entity(bombs.template()),
}
LARGE_FILES = frozenset({"answers-over-size-cap.yaml", "answers-very-long-value.yaml",
                         "answers-many-values.yaml"})
"""Cases that are hostile by their size: the benchmark holds them to the large-file target."""
CASES = sorted([p for p in INVALID.iterdir() if p.suffix != ".expected"]
               + [INVALID / name for name in GENERATED])


def command_for(case: Path, work: Path) -> list[str]:
    target = work / case.name
    if case.name in GENERATED:
        content = GENERATED[case.name]
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content())
        return ["assess", "--answers", case.name, "--format", "json", "--output", "out.json"]
    if case.is_dir():
        models = work / "models"
        shutil.copytree(default_model_path(), models)
        for file in case.iterdir():
            shutil.copy(file, models / file.name)
        return ["validate", "--model", "models"]
    shutil.copy(case, target)
    if case.name.startswith("answers-"):
        return ["assess", "--answers", case.name, "--format", "json", "--output", "out.json"]
    if case.name.startswith(("questions-", "expected-")):
        return ["validate", case.name]
    raise AssertionError(f"{case.name}: name must start with answers-, questions-, expected- "
                         "or model-")
