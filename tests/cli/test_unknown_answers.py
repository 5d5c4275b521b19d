"""Answers that do not count: a typo is an error, a question that has gone is a warning.

In a file made with the question set in use, an id the set does not have is a mistake
(named with the id it most looks like); in a file of another version it may be a question
that has gone since, which `validate` warns about, as about an answer to a follow-up
question that is not asked with the answers given.
"""

from __future__ import annotations

import json
from pathlib import Path


def line_of(path: Path, key: str) -> int:
    """The line an answer stands on in a written file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1)
                if line.strip().startswith(f"{key}:"))


def current(engine):
    return {"id": engine.questions.id, "version": engine.questions.version,
            "sha256": engine.sha256}


def test_an_unknown_id_in_a_file_of_this_set_is_an_error_with_a_suggestion(
        cli, engine, write_answers):
    path = write_answers({"vast_overlegg": "ja", "zelfde_niveau": 4, "xyzzy": 3},
                         question_set=current(engine))
    for command in (["validate", str(path)], ["assess", "--answers", str(path)]):
        result = cli(*command, expect=1)
        found = result.stdout + result.stderr
        version = f"{engine.questions.id} {engine.questions.version}"
        assert f"{path}:{line_of(path, 'vast_overlegg')}:18: vast_overlegg: not a question of " \
               f"{version}, which the file says it was made with; did you mean " \
               "'vast_overleg'?" in found
        assert f"xyzzy: not a question of {version}, which the file says it was made with\n" \
            in found


def test_an_unknown_id_in_a_file_of_another_version_is_a_warning(cli, engine, write_answers):
    path = write_answers({"vast_overleg": "ja", "oude_vraag": "ja"},
                         question_set={"id": engine.questions.id, "version": "0.9.0"})
    result = cli("validate", str(path))
    assert result.stdout == (
        f"{path}:{line_of(path, 'oude_vraag')}:15: oude_vraag: warning: not a question of "
        f"{engine.questions.id} {engine.questions.version} (the file names "
        f"{engine.questions.id} 0.9.0); the answer does not count\n")
    assert result.stderr == "ok: 3 items checked (1 warning)\n"
    data = json.loads(cli("assess", "--answers", str(path), "--format", "json").stdout)
    assert "unknown_question" in [w["code"] for w in data["warnings"]]


def test_an_answer_to_a_follow_up_that_is_not_asked_is_a_warning(cli, engine, write_answers):
    path = write_answers({"regie_bij": "niemand", "regie_mandaat": "ja"},
                         question_set=current(engine))
    result = cli("validate", str(path))
    assert result.stdout == (
        f"{path}:{line_of(path, 'regie_mandaat')}:18: regie_mandaat: warning: asked only when "
        "regie_bij in [gemeente, coordinator, coordinatiepunt, convenantmanagers], which does "
        "not hold with the answers given; "
        "the answer does not count\n")
    assert result.stderr == "ok: 3 items checked (1 warning)\n"
