"""The real program in a pseudo-terminal: answering, going back, Ctrl-C, resuming, kill -9."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from builders import WHO, WHO_RESPONDENT, whole_interview
from stimulering.core.interview import Interview
from stimulering.sources.engine import load
from stimulering.sources.files import load_answers

pexpect = pytest.importorskip("pexpect")

TIMEOUT = 15
TOTAL = len(Interview(load().scorer, respondent=WHO_RESPONDENT).visible())
"""How many questions the counter shows ``WHO`` before any answer."""


def spawn(folder: Path, *args: str):
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "LINES": "24", "TERM": "xterm"}
    env.pop("FORCE_COLOR", None)
    return pexpect.spawn(sys.executable, ["-m", "stimulering", "assess", *args], cwd=str(folder),
                         env=env, encoding="utf-8", timeout=TIMEOUT, dimensions=(24, 80))


def finish(child) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def answer_three_and_change_the_third(child) -> None:
    child.expect_exact(f"[1/{TOTAL}]")
    child.expect_exact("Tekst (Enter laat leeg): ")
    child.sendline("Gemeente, Stroomnet en Bronwater")
    child.expect_exact(f"[2/{TOTAL}]")
    child.expect_exact("Tekst (Enter laat leeg): ")
    child.sendline("Samen graven")
    child.expect_exact(f"[3/{TOTAL}]")
    child.expect_exact("Antwoord: ")
    child.sendline("1")
    child.expect_exact(f"[4/{TOTAL}]")
    child.expect_exact("Antwoord: ")
    child.sendline(":b")
    child.expect_exact(f"[3/{TOTAL}]")
    child.expect_exact("Antwoord (Enter houdt ja): ")
    child.sendline("3")
    child.expect_exact(f"[4/{TOTAL}]")
    child.expect_exact("Antwoord: ")


THREE = {"deelnemende_partijen": "Gemeente, Stroomnet en Bronwater", "aanleiding": "Samen graven",
         "vast_overleg": "nee"}


def test_ctrl_c_keeps_every_answer_and_resume_continues_there(tmp_path):
    child = spawn(tmp_path, *WHO, "--save", "z.yaml")
    child.expect_exact("Antwoorden worden bewaard in z.yaml")
    answer_three_and_change_the_third(child)
    child.sendintr()
    child.expect_exact("Opgeslagen in z.yaml.")
    child.expect_exact("Verdergaan: stimulering assess --resume z.yaml")
    assert finish(child) == 130
    assert load_answers(tmp_path / "z.yaml")[0].answers == THREE

    child = spawn(tmp_path, "--resume", "z.yaml")
    child.expect_exact(f"[4/{TOTAL}]")
    child.expect_exact("Antwoord: ")
    child.sendline("2")
    child.expect_exact(f"[5/{TOTAL}]")
    child.expect_exact("Antwoord: ")
    child.sendline(":q")
    child.expect_exact("Verdergaan: stimulering assess --resume z.yaml")
    assert finish(child) == 0
    assert load_answers(tmp_path / "z.yaml")[0].answers == {
        **THREE, "contactpersonen_bekend": "deels"}


def test_a_killed_process_leaves_a_valid_file_with_every_answer(tmp_path):
    child = spawn(tmp_path, *WHO, "--save", "z.yaml")
    answer_three_and_change_the_third(child)
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL
    assert load_answers(tmp_path / "z.yaml")[0].answers == THREE
    assert sorted(path.name for path in tmp_path.iterdir()) == ["z.yaml"]


def test_a_whole_interview_ends_on_the_result_screen(tmp_path, engine):
    child = spawn(tmp_path, *WHO, "--save", "z.yaml")
    lines = whole_interview(engine)
    for number, line in enumerate(lines, start=1):
        child.expect_exact(f"[{number}/")
        child.expect_exact(": ")
        child.sendline(line)
    child.expect_exact("Overzicht van uw antwoorden")
    child.expect_exact("Enter om goed te keuren: ")
    child.sendline("")
    child.expect_exact("Fase van de samenwerking: ")
    child.expect_exact("Een doelfase per pijler vastleggen? [j/N]: ")
    child.sendline("")
    child.expect_exact("Een geplande actie vastleggen? [j/N]: ")
    child.sendline("")
    child.expect_exact("[J/n]: ")
    child.sendline("n")
    child.expect_exact("Opgeslagen in z.yaml.")
    assert finish(child) == 0
    assert len(load_answers(tmp_path / "z.yaml")[0].answers) == len(lines)


def test_ctrl_c_in_a_consensus_keeps_the_topics_the_partners_answers_and_notes(tmp_path):
    import yaml

    from builders import answers_document, highest, lowest

    engine = load()
    high, low = highest(engine), lowest(engine)
    mixed = {key: (low[key] if index % 3 == 0 else value)
             for index, (key, value) in enumerate(high.items())}
    for name, values, date in (("gemeente", high, "2026-05-12"), ("stroomnet", mixed,
                                                                  "2026-05-12"),
                               ("bronwater", mixed, "2026-05-13")):
        document = answers_document(values, coalition="Kanaalstad", date=date, respondent={
            "organisation": name.capitalize(), "role": "overig", "level": "tactisch"},
            notes={key: f"bewijs van {name}: de notulen" for key in values})
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    files = ["gemeente.yaml", "stroomnet.yaml", "bronwater.yaml"]

    child = spawn(tmp_path, "--consensus", *files, "--save", "coalitie.yaml")
    child.expect_exact("[1/10]")
    child.expect_exact("De antwoorden van de partners, met hun toelichting:")
    for name in ("gemeente", "stroomnet", "bronwater"):
        # Each partner's answer, and under it their note.
        child.expect(rf"{name.capitalize()}: [^\r\n]+\r\n +toelichting: bewijs van {name}: "
                     "de notulen")
    child.expect_exact("Antwoord: ")
    child.sendline("1")
    child.expect_exact("[2/10]")
    child.expect_exact("De antwoorden van de partners, met hun toelichting:")
    child.sendintr()
    child.expect_exact("Verdergaan: stimulering assess --resume coalitie.yaml")
    assert finish(child) == 130
    saved = load_answers(tmp_path / "coalitie.yaml")[0]
    assert saved.consensus is not None and len(saved.consensus.topics) == 10
    first = next(iter(saved.consensus.topics))
    assert saved.answers[first] is not None

    child = spawn(tmp_path, "--resume", "coalitie.yaml")
    child.expect_exact("[2/10]")
    child.expect_exact("De antwoorden van de partners, met hun toelichting:")
    child.expect(r"Gemeente: [^\r\n]+\r\n +toelichting: bewijs van gemeente: de notulen")
    child.sendline(":q")
    assert finish(child) == 0


def test_two_interviews_on_one_file_keep_each_others_answers(tmp_path):
    first = spawn(tmp_path, *WHO, "--save", "z.yaml")
    first.expect_exact(f"[1/{TOTAL}]")
    first.expect_exact("Tekst (Enter laat leeg): ")
    first.sendline("Gemeente en Stroomnet")
    first.expect_exact(f"[2/{TOTAL}]")
    first.expect_exact("Tekst (Enter laat leeg): ")
    second = spawn(tmp_path, "--resume", "z.yaml")
    second.expect_exact(f"[2/{TOTAL}]")
    second.expect_exact("Tekst (Enter laat leeg): ")
    second.sendline("Samen graven")
    second.expect_exact(f"[3/{TOTAL}]")
    second.expect_exact("Antwoord: ")
    first.sendline("Samen plannen")  # z.yaml changed since the first interview wrote it
    first.expect_exact("z.yaml is intussen door een ander programma gewijzigd (een tweede")
    first.expect_exact("Uw antwoorden gaan verder in z-2.yaml; z.yaml blijft zoals het is.")
    first.expect_exact(f"[3/{TOTAL}]")
    first.expect_exact("Antwoord: ")
    first.sendline("1")
    first.expect_exact(f"[4/{TOTAL}]")
    first.expect_exact("Antwoord: ")
    first.sendline(":q")
    first.expect_exact("Verdergaan: stimulering assess --resume z-2.yaml")
    second.sendline(":q")
    second.expect_exact("Verdergaan: stimulering assess --resume z.yaml")
    assert (finish(first), finish(second)) == (0, 0)
    assert load_answers(tmp_path / "z.yaml")[0].answers == {
        "deelnemende_partijen": "Gemeente en Stroomnet", "aanleiding": "Samen graven"}
    assert load_answers(tmp_path / "z-2.yaml")[0].answers == {
        "deelnemende_partijen": "Gemeente en Stroomnet", "aanleiding": "Samen plannen",
        "vast_overleg": "ja"}
