"""A writer killed at any moment leaves the old file or the new one, whole.

A child process replaces one answers file over and over with two big contents in
turn, through ``atomic_write``; it is killed with SIGKILL after a random short
delay. Whatever the moment, the file holds one of the two contents completely, and
what the killed writer may leave behind is a hidden ``.tmp`` file that no command
takes for an answers file.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

from stimulering.session.store import atomic_write

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

WRITER = """
import sys
from pathlib import Path
from stimulering.session.store import atomic_write

target = Path(sys.argv[1])
contents = [Path(name).read_bytes() for name in sys.argv[2:]]
print("ready", flush=True)
turn = 0
while True:
    atomic_write(target, contents[turn % len(contents)])
    turn += 1
"""


def content(letter: str, size: int) -> bytes:
    """A valid answers file of about ``size`` bytes whose every line shows its version."""
    head = (f"stimulering_answers: 1\ncoalition: Versie {letter}\n"
            "respondent: {organisation: Stroomnet, role: netbeheerder, level: tactisch}\n"
            "date: 2026-11-28\n")
    line = f"# {letter * 96}\n"
    return (head + line * (size // len(line)) + f"# end of version {letter}\n").encode()


def test_a_killed_writer_leaves_the_old_or_the_new_file(tmp_path):
    old, new = content("a", 3_000_000), content("b", 1_700_000)
    sources = [tmp_path / "new.src", tmp_path / "old.src"]
    sources[0].write_bytes(new)
    sources[1].write_bytes(old)
    folder = tmp_path / "answers"
    folder.mkdir()
    target = folder / "antwoorden.yaml"
    atomic_write(target, old)
    chance = random.Random(7)
    seen = set()
    for _ in range(20):
        with subprocess.Popen([sys.executable, "-c", WRITER, str(target), *map(str, sources)],
                              stdout=subprocess.PIPE, text=True) as writer:
            assert writer.stdout is not None
            assert writer.stdout.readline() == "ready\n"
            time.sleep(chance.uniform(0.0, 0.15))
            writer.send_signal(signal.SIGKILL)
        assert writer.returncode == -signal.SIGKILL
        found = target.read_bytes()
        assert found in (old, new), f"a file of {len(found):,} bytes is neither version"
        seen.add(found)
        leftovers = [p.name for p in folder.iterdir() if p != target]
        assert all(name.startswith(".antwoorden.yaml.") and name.endswith(".tmp")
                   for name in leftovers), leftovers
        assert sorted(folder.glob("*.yaml")) == [target]
        assert sorted(folder.glob("*.yml")) == []
    assert len(seen) == 2, "the writer never got as far as replacing the file"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path,
                                                                          monkeypatch):
    target = tmp_path / "antwoorden.yaml"
    target.write_text("old\n", encoding="utf-8")

    def no_space(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", no_space)
    from stimulering.errors import StimuleringError

    with pytest.raises(StimuleringError, match="cannot write \\(No space left on device\\)"):
        atomic_write(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["antwoorden.yaml"]
