"""Output files: only regular files are replaced, links count as files, and a pair is whole.

A device, a FIFO or a folder given to ``-o`` is never replaced, not even with
``--force``; a symbolic link, dangling or not, counts as an existing file, and with
``--force`` the link itself is replaced, never the file it points to. A report and
its chart are both written to temporary files first, so a full disk leaves the old
pair as it was.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from paths import DATA

ANSWERS = DATA / "reports" / "early.yaml"

COMMANDS = {
    "report": ["report", str(ANSWERS), "-o"],
    "json": ["assess", "--answers", str(ANSWERS), "--format", "json", "-o"],
    "template": ["template", "-o"],
}


def special_file(path: Path, kind: str) -> None:
    """Make a FIFO, or a character device like /dev/null (only as root)."""
    if kind == "fifo":
        os.mkfifo(path)
        return
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")


@pytest.mark.parametrize("kind", ["fifo", "device"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_device_or_fifo_is_not_replaced_even_with_force(cli, tmp_path, kind, command):
    target = tmp_path / "uit.md"
    special_file(target, kind)
    result = cli(*COMMANDS[command], str(target), "--force", expect=1)
    assert result.stderr == f"error: {target}: not a regular file; choose another output file\n"
    mode = target.lstat().st_mode
    assert stat.S_ISFIFO(mode) if kind == "fifo" else stat.S_ISCHR(mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["uit.md"]


def test_a_link_to_a_device_is_not_replaced_either(cli, tmp_path):
    target = tmp_path / "uit.json"
    target.symlink_to(os.devnull)
    result = cli(*COMMANDS["json"], str(target), "--force", expect=1)
    assert result.stderr == f"error: {target}: not a regular file; choose another output file\n"
    assert target.is_symlink()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_dangling_link_needs_force_and_its_target_is_never_written(cli, tmp_path, command):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    target = tmp_path / "uit.md"
    target.symlink_to(elsewhere / "doel.md")
    result = cli(*COMMANDS[command], str(target), expect=1)
    assert result.stderr == f"error: {target}: exists already; use --force to replace it\n"
    assert target.is_symlink()
    cli(*COMMANDS[command], str(target), "--force")
    assert not target.is_symlink() and target.is_file()
    assert list(elsewhere.iterdir()) == []


def test_force_replaces_a_link_not_the_file_it_points_to(cli, tmp_path):
    kept = tmp_path / "gedeeld.json"
    kept.write_text("gedeeld\n", encoding="utf-8")
    target = tmp_path / "uit.json"
    target.symlink_to(kept)
    cli(*COMMANDS["json"], str(target), "--force")
    assert not target.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("{")
    assert kept.read_text(encoding="utf-8") == "gedeeld\n"


@pytest.mark.parametrize("failing", [1, 2])
def test_a_full_disk_leaves_the_old_report_and_chart_both(cli, tmp_path, monkeypatch, failing):
    report, chart = tmp_path / "advies.md", tmp_path / "advies-radar.svg"
    report.write_text("oud rapport\n", encoding="utf-8")
    chart.write_text("oude grafiek\n", encoding="utf-8")
    synced = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        synced.append(descriptor)
        if len(synced) == failing:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    result = cli("report", str(ANSWERS), "-o", str(report), "--force", expect=1)
    assert result.stderr.endswith(": cannot write (No space left on device)\n")
    assert report.read_text(encoding="utf-8") == "oud rapport\n"
    assert chart.read_text(encoding="utf-8") == "oude grafiek\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["advies-radar.svg", "advies.md"]
    monkeypatch.setattr(os, "fsync", real_fsync)
    cli("report", str(ANSWERS), "-o", str(report), "--force")
    assert report.read_text(encoding="utf-8").startswith("# ")
    assert chart.read_text(encoding="utf-8").startswith("<svg")
