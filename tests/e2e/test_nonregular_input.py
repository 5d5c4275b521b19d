"""Devices, named pipes and links to them are refused before they are read.

``/dev/zero`` reports a size of 0 and never ends; a named pipe blocks whoever opens it
until someone writes to it. Every command that reads a file must refuse them with exit 1
and a message naming the file, instead of reading forever or hanging. The commands run
in a subprocess with a time limit, so a regression fails instead of hanging the tests.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from invalid_cases import VALID_ANSWERS
from stimulering.sources.yaml_text import MAX_FILE_BYTES

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")

HANG = 60
"""Seconds after which a command counts as hanging (it takes well under one)."""


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "stimulering", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=HANG, check=False,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def pipe(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_before_it_is_read(tmp_path, device):
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    result = run(tmp_path, "assess", "--answers", device, "--format", "json")
    assert (result.returncode, result.stdout, result.stderr) == (
        1, "", f"error: {device}: is a device, not a regular file\n")


@pytest.mark.parametrize("args", [
    ["assess", "--answers", "pipe.yaml"],
    ["assess", "--answers", "ok.yaml", "--questions", "pipe.yaml"],
    ["report", "pipe.yaml"],
    ["progress", "ok.yaml", "pipe.yaml"],
    ["validate", "pipe.yaml"],
    ["diff", "pipe.yaml", "pipe.yaml"],
])
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path, pipe, args):
    (tmp_path / "ok.yaml").write_text(VALID_ANSWERS, encoding="utf-8")
    result = run(tmp_path, *args)
    assert result.returncode == 1
    assert "pipe.yaml: is a named pipe, not a regular file" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_link_to_a_device_in_a_compare_archive_is_skipped_with_a_warning(tmp_path):
    archive = tmp_path / "archief"
    (archive / "rivierstad").mkdir(parents=True)
    (archive / "rivierstad" / "stroomnet.yaml").write_text(VALID_ANSWERS, encoding="utf-8")
    (archive / "rivierstad" / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(archive / "rivierstad" / "pipe.yml")
    result = run(tmp_path, "compare", "archief", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"warning: skipped {Path('archief/rivierstad/pipe.yml')}: is a named pipe, not a "
        "regular file",
        f"warning: skipped {Path('archief/rivierstad/zero.yaml')}: is a device, not a regular "
        "file",
    ]
    assert '"coalition": "Rivierstad"' in result.stdout
    strict = run(tmp_path, "compare", "archief", "--strict")
    assert strict.returncode == 1
    assert strict.stderr.endswith("error: 2 of 3 files could not be read\n")


def test_a_pipe_that_looks_like_an_unfinished_answers_file_does_not_stop_the_interview(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    today = dt.date.today().isoformat()
    os.mkfifo(tmp_path / f"rivierstad-stroomnet-{today}.yaml")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "LINES": "24", "TERM": "xterm"}
    child = pexpect.spawn(sys.executable, [
        "-m", "stimulering", "assess", "--coalition", "Rivierstad", "--organisation",
        "Stroomnet", "--role", "netbeheerder", "--level", "tactisch"],
        cwd=str(tmp_path), env=env, encoding="utf-8", timeout=HANG, dimensions=(24, 80))
    child.expect_exact(f"Antwoorden worden bewaard in rivierstad-stroomnet-{today}-2.yaml")
    child.expect_exact("Tekst (Enter laat leeg): ")
    child.sendline(":q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / f"rivierstad-stroomnet-{today}-2.yaml").is_file()


BIG_BLOB = 128 * 2**20
"""Size of a blob far over the limit: reading it would show in the memory a command takes."""


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository whose last commit holds ``huge.yaml``, a comment of ``BIG_BLOB`` bytes."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "repo"
    folder.mkdir()

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-c", "user.name=Coalitie",
                               "-c", "user.email=c@example.invalid", *args],
                              cwd=folder, check=True, capture_output=True)
        return done.stdout.decode().strip()

    git("init", "-q")
    # Written in pieces: the test process itself must not grow by the blob's size, since
    # a command it starts begins as a copy of it.
    content = tmp_path / "huge.yaml"
    with content.open("wb") as stream:
        for _ in range(BIG_BLOB // 2**20):
            stream.write(b"#" * 2**20)
        stream.write(b"\n")
    blob = git("hash-object", "-w", str(content))
    content.unlink()
    git("update-index", "--add", "--cacheinfo", f"100644,{blob},huge.yaml")
    git("commit", "-q", "-m", "A big file")
    return folder


MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                      stdin=subprocess.DEVNULL)
sys.stderr.buffer.write(done.stderr)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(done.returncode)
"""
"""Runs a command and prints the peak memory of it and the processes it waited for.

A small process of its own starts the command: a command started from the test
process would count the test process's memory as its own."""


def peak_memory(folder: Path, *args: str) -> tuple[int, str, int]:
    """Exit code, stderr and peak memory in bytes of a command and the processes it waited for."""
    done = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-m", "stimulering",
                           *args], cwd=folder, capture_output=True, text=True, timeout=HANG,
                          check=False)
    scale = 1 if sys.platform == "darwin" else 1024
    return done.returncode, done.stderr, int(done.stdout) * scale


def test_diff_refuses_a_git_blob_over_the_limit_without_reading_it(repository):
    code, error, peak = peak_memory(repository, "diff", "HEAD:huge.yaml", "HEAD:huge.yaml")
    assert (code, error) == (1, f"error: HEAD:huge.yaml: file is {BIG_BLOB + 1:,} bytes; the "
                                f"limit is {MAX_FILE_BYTES:,}\n")
    assert peak < BIG_BLOB / 2, f"diff took {peak / 2**20:.0f} MiB for a refused blob"


@pytest.mark.parametrize("command", [["assess", "--answers"], ["validate"], ["report"]])
def test_a_workbook_that_is_a_pipe_or_a_device_is_refused_too(tmp_path, command):
    os.mkfifo(tmp_path / "pipe.xlsx")
    (tmp_path / "zero.xlsx").symlink_to("/dev/zero")
    for name, kind in (("pipe.xlsx", "a named pipe"), ("zero.xlsx", "a device")):
        result = run(tmp_path, *command, name)
        assert result.returncode == 1, name
        assert f"{name}: is {kind}, not a regular file" in result.stdout + result.stderr
        assert "Traceback" not in result.stderr
