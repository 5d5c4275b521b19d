"""store: whole files or none, never anything but a regular file replaced, answers round-trip."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml

from builders import answers_document, highest
from stimulering.errors import OutputExistsError, StimuleringError
from stimulering.model import Answers
from stimulering.session.store import (
    answers_yaml,
    atomic_write,
    changed_since,
    chart_path_for,
    save_answers,
    snapshot,
    write_files,
    write_report,
)
from stimulering.sources.locate import validate_document
from stimulering.sources.yaml_text import parse_yaml


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_atomic_write_writes_text_and_bytes_and_keeps_the_mode(tmp_path):
    target = tmp_path / "rapport.md"
    atomic_write(target, "# Kanaalstad\n")
    assert target.read_text(encoding="utf-8") == "# Kanaalstad\n"
    target.chmod(0o600)
    atomic_write(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_replaced_only_with_force(tmp_path):
    target = tmp_path / "rapport.md"
    target.write_text("oud\n", encoding="utf-8")
    with pytest.raises(OutputExistsError) as refused:
        atomic_write(target, "nieuw\n", force=False)
    assert str(refused.value) == f"{target}: exists already; use --force to replace it"
    assert target.read_text(encoding="utf-8") == "oud\n"


def test_a_folder_is_never_replaced(tmp_path):
    folder = tmp_path / "rapport.md"
    folder.mkdir()
    with pytest.raises(StimuleringError) as refused:
        atomic_write(folder, "x")
    assert str(refused.value) == f"{folder}: not a regular file; choose another output file"
    assert folder.is_dir()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_is_replaced_itself_never_the_file_it_points_to(tmp_path):
    other = tmp_path / "elders.md"
    other.write_text("van een ander\n", encoding="utf-8")
    link = tmp_path / "rapport.md"
    link.symlink_to(other)
    atomic_write(link, "nieuw\n")
    assert not link.is_symlink()
    assert link.read_text(encoding="utf-8") == "nieuw\n"
    assert other.read_text(encoding="utf-8") == "van een ander\n"


def test_files_that_belong_together_are_written_all_or_none(tmp_path):
    first = tmp_path / "rapport.md"
    first.write_text("oud\n", encoding="utf-8")
    missing = tmp_path / "geen-map" / "rapport-radar.svg"
    with pytest.raises(StimuleringError, match="cannot write"):
        write_files([(first, "nieuw\n"), (missing, "<svg/>")], force=True)
    assert first.read_text(encoding="utf-8") == "oud\n"
    assert leftovers(tmp_path) == []


def test_a_report_gets_its_chart_beside_it(tmp_path):
    report = tmp_path / "kanaalstad.md"
    chart = write_report(report, "# Kanaalstad\n", "<svg/>\n", force=False)
    assert chart == chart_path_for(report) == tmp_path / "kanaalstad-radar.svg"
    assert chart.read_text(encoding="utf-8") == "<svg/>\n"
    # A chart in the way refuses the pair: the report is not written either.
    report.unlink()
    with pytest.raises(OutputExistsError):
        write_report(report, "# Kanaalstad\n", "<svg/>\n", force=False)
    assert not report.exists()


def test_answers_survive_a_round_trip_through_yaml_with_any_text(engine, tmp_path):
    strange = "regel\u2028scheiding\x85 en \x1b[2J\ttab\nnieuwe regel"
    answers = Answers.model_validate(answers_document(
        highest(engine), coalition="Beekstad", notes={"vast_overleg": strange},
        actions=[{"what": strange, "owner": "Gemeente"}]))
    path = tmp_path / "antwoorden.yaml"
    save_answers(path, answers)
    text = path.read_text(encoding="utf-8")
    assert text == answers_yaml(answers)
    again = validate_document(parse_yaml(text, str(path)), Answers)
    assert again == answers
    data = yaml.safe_load(text)
    assert "targets" not in data and "consensus" not in data  # empty sections are left out
    assert data["actions"] == [{"what": strange, "owner": "Gemeente", "done": False}]


def test_changed_since_tells_whether_another_program_wrote_the_file(tmp_path):
    path = tmp_path / "antwoorden.yaml"
    assert snapshot(path) is None
    assert changed_since(path, None) is False  # gone: simply written again
    path.write_text("a: 1\n", encoding="utf-8")
    seen = snapshot(path)
    assert seen == b"a: 1\n"
    assert changed_since(path, seen) is False
    path.write_text("a: 2\n", encoding="utf-8")
    assert changed_since(path, seen) is True
    path.unlink()
    path.mkdir()
    assert snapshot(path) is None
    assert changed_since(path, seen) is True
