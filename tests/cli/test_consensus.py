"""`stimulering assess --consensus`: the partners talk through where they diverge."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from builders import partners
from stimulering.model import PILLARS
from stimulering.report.common import answer_label
from stimulering.sanitise import is_hidden
from stimulering.sources.files import load_answers


def test_consensus_asks_only_the_topics_and_writes_one_coalition_file(cli, engine,
                                                                      write_answers, terminal):
    files = [str(p) for p in partners(engine, write_answers, pillars=PILLARS)]
    # The topics: every scored question asked of everyone that the low partner answered
    # (its low answers hide the questions about joint projects, which the others then
    # answer alike).
    asked = engine.evaluate_file(Path(files[2])).assessment.items
    topics = [q for q in engine.questions.questions
              if q.applies_to is None and q.scored and asked[q.id].status == "answered"]
    assert len(topics) > 10
    # --all: each topic, accept the review, then no targets, no actions, no report
    typed = "1\n" * len(topics) + "\n" + "n\nn\nn\n"
    result = cli("assess", "--consensus", *files, "--all", "--save", "coalitie.yaml",
                 input=typed)
    out = result.stdout
    assert f"{len(topics)} onderwerpen waarop de 3 partners uiteenlopen" in " ".join(out.split())
    assert "\n".join(["De antwoorden van de partners, met hun toelichting:",
                      "  Gemeente Rivierstad: ja", "  Stroomnet: ja", "  Bronwater: nee"]) \
        in out
    assert out.count("De antwoorden van de partners") == len(topics)
    saved, _ = load_answers(terminal / "coalitie.yaml")
    assert saved.respondent.role == "coalitie"
    assert saved.coalition == "Rivierstad"
    for question in topics:
        expected = 1 if question.type == "scale" else \
            question.options[0].id if question.options else "ja"
        assert saved.answers[question.id] == expected, question.id
    # Everything else the partners answered alike, as those asked of each question did.
    partner = load_answers(terminal / "stroomnet.yaml")[0]
    for question in engine.questions.questions:
        if question not in topics and question.scored:
            assert saved.answers[question.id] == partner.answers[question.id], question.id
    scored = json.loads(cli("assess", "--answers", "coalitie.yaml", "--format", "json").stdout)
    assert scored["respondent"]["role"] == "coalitie"


def test_the_default_agenda_is_ten_topics_and_survives_quitting_and_resuming(
        cli, engine, write_answers, terminal):
    files = [str(p) for p in partners(engine, write_answers, pillars=PILLARS)]
    every = json.loads(cli("report", *files, "--format", "json").stdout)["divergence"]
    assert len(every) > 10
    first = cli("assess", "--consensus", *files, "--save", "coalitie.yaml",
                input="1\n1\n1\n:q\n")
    flat = " ".join(first.stdout.split())
    assert "Consensusgesprek: 10 onderwerpen" in flat
    assert f"de eerste 10 van {len(every)} onderwerpen" in flat
    assert "[1/10]" in flat and "[3/10]" in flat
    saved, _ = load_answers(terminal / "coalitie.yaml")
    agenda = [topic["question"] for topic in every[:10]]
    assert saved.consensus is not None
    assert list(saved.consensus.topics) == agenda
    assert sum(saved.answers.get(q) is not None for q in agenda) == 3
    # Topics beyond the agenda take the combined result, like every item the partners share.
    assert all(saved.answers.get(topic["question"]) is not None for topic in every[10:])

    again = cli("assess", "--resume", "coalitie.yaml", input="1\n" * 7 + "\nn\nn\nn\n")
    out = " ".join(again.stdout.split())
    assert out.count("De antwoorden van de partners") == 7
    assert "[4/10]" in out and "[10/10]" in out and "[11/" not in out
    done, _ = load_answers(terminal / "coalitie.yaml")
    assert all(done.answers.get(q) is not None for q in agenda)
    assert done.consensus == saved.consensus


def test_consensus_needs_two_files_and_a_terminal(cli, engine, write_answers, monkeypatch):
    files = [str(p) for p in partners(engine, write_answers)]
    assert "at least two partners" in cli("assess", "--consensus", files[0], expect=2).stderr
    no_terminal = cli("assess", "--consensus", *files, expect=2)
    assert "stimulering report FILE..." in no_terminal.stderr


def test_partner_names_with_escapes_show_literally(cli, engine, write_answers, terminal):
    files = partners(engine, write_answers)
    data = yaml.safe_load(files[2].read_text(encoding="utf-8"))
    data["respondent"]["organisation"] = "Bron\x1b]0;titel\x07water [/bold]"
    files[2].write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = cli("assess", "--consensus", *(str(f) for f in files), "--save", "c.yaml",
              input=":q\n").stdout
    assert "Bron<U+001B>]0;titel<U+0007>water [/bold]: " in " ".join(out.split())
    assert not [c for c in out if c != "\n" and is_hidden(c)]


def test_each_partners_note_stands_under_their_answer_and_comes_back_on_resume(
        cli, engine, write_answers, terminal):
    files = partners(engine, write_answers)
    names = [str(f) for f in files]
    first = json.loads(cli("report", *names, "--format", "json").stdout)["divergence"][0]
    topic = first["question"]
    notes = {"gemeente.yaml": "Elke maand,\nwisselend voorzitterschap",
             "bronwater.yaml": "Alleen bij grote projecten"}
    for path in files:
        if path.name in notes:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["notes"] = {topic: notes[path.name]}
            path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    question = engine.questions.by_id()[topic]
    given = first["answers"]
    shown = [f"  Gemeente Rivierstad: {answer_label(question, given['Gemeente Rivierstad'], 'nl')}",
             "    toelichting: Elke maand, wisselend voorzitterschap",
             f"  Stroomnet: {answer_label(question, given['Stroomnet'], 'nl')}",
             f"  Bronwater: {answer_label(question, given['Bronwater'], 'nl')}",
             "    toelichting: Alleen bij grote projecten"]
    out = cli("assess", "--consensus", *names, "--save", "c.yaml", input=":q\n").stdout
    assert "\n".join(shown) in out
    saved, _ = load_answers(terminal / "c.yaml")
    assert saved.consensus is not None
    assert saved.consensus.notes[topic] == {"Gemeente Rivierstad": notes["gemeente.yaml"],
                                            "Bronwater": notes["bronwater.yaml"]}
    # The coalition's own note to a topic starts empty: the partners' notes are beside it.
    assert topic not in saved.notes
    again = cli("assess", "--resume", "c.yaml", input=":q\n").stdout
    assert "\n".join(shown) in again
