"""`stimulering assess` as an interview: commands, invalid input, saving, resuming, the end.

CliRunner has no terminal, so these tests tell the command that stdin is one; the
real terminal is driven through a pseudo-terminal in test_assess_pty.py.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from builders import WHO, WHO_RESPONDENT, flat, typed_for, whole_interview
from stimulering.core.interview import Interview, parse_input
from stimulering.model import Answers, Respondent
from stimulering.sanitise import is_hidden
from stimulering.sources.files import load_answers


def first_count(engine, respondent=WHO_RESPONDENT) -> int:
    """How many questions the counter shows before any answer: those without a condition,
    for the respondent's role and level."""
    return len(Interview(engine.scorer, respondent=respondent).visible())


def answers_in(path: Path):
    return load_answers(path)[0]


def test_without_a_terminal_it_says_which_flag_or_command_to_use(cli):
    result = cli("assess", expect=2, input="1\n")
    assert result.stdout == ""
    assert result.stderr == (
        "error: no terminal to ask questions in: score a file with 'stimulering assess "
        "--answers FILE' (start one with 'stimulering template > antwoorden.yaml')\n")


def test_every_command_at_a_prompt(cli, terminal, engine):
    lines = ["?", ":n", "Alle partijen aan tafel", "Gemeente, Stroomnet",  # 1 text
             ":w", ":x", "",                                          # 2 text
             "5", ":w",                                               # 3 yesno
             ":nvt",                                                  # 4 yesno
             ":b", "",                                                # back to 4, keep
             ":r", "",                                                # review, back to 5
             ":q"]
    result = cli("assess", *WHO, "--save", "z.yaml", input="\n".join(lines) + "\n")
    out = result.stdout
    first = engine.questions.questions[0]
    total = first_count(engine)
    assert "Antwoorden worden bewaard in z.yaml" in out
    assert f"[1/{total}] Mens en samenwerking · Opbouw van de samenwerking" in out
    assert flat(first.help["nl"]) in flat(out)
    assert "Notitie bewaard." in out
    assert "Een open vraag kent geen 'weet niet' of 'n.v.t.': laat het antwoord leeg met " \
           "Enter." in flat(out)
    assert "Onbekend commando :x. Commando's: ? :b :w :nvt :n :r :q" in flat(out)
    assert "Typ een nummer van 1 tot 3, of een commando (? voor hulp)." in flat(out)
    assert out.count(f"[4/{total}]") == 2
    assert "Antwoord (Enter houdt niet van toepassing):" in out
    assert "Overzicht van uw antwoorden" in out
    assert out.count(f"[5/{total}]") == 3
    assert out.endswith("Opgeslagen in z.yaml.\n"
                        "Verdergaan: stimulering assess --resume z.yaml\n")
    saved = answers_in(terminal / "z.yaml")
    assert saved.answers == {"deelnemende_partijen": "Gemeente, Stroomnet", "aanleiding": "",
                             "vast_overleg": "weet_niet", "contactpersonen_bekend": "nvt"}
    assert saved.notes == {"deelnemende_partijen": "Alle partijen aan tafel"}
    assert saved.question_set is not None and saved.question_set.sha256 == engine.sha256
    assert (saved.coalition, saved.respondent.organisation, saved.respondent.role,
            saved.respondent.level) == ("Rivierstad", "Stroomnet", "netbeheerder",
                                        WHO_RESPONDENT.level)


def test_who_answers_is_asked_and_names_the_default_file(cli, terminal, engine):
    lines = ["", "Kustregio / KRO", "Helder", "9", "3", "operationeel", ":q"]
    result = cli("assess", "--lang", "en", input="\n".join(lines) + "\n")
    name = f"kustregio-kro-helder-{dt.date.today().isoformat()}.yaml"
    assert "This field is needed." in result.stdout
    assert "Type a number from 1 to 7." in result.stdout
    assert f"Answers are saved in {name}" in result.stdout
    helder = Respondent(organisation="Helder", role="drinkwaterbedrijf", level="operationeel")
    assert f"[1/{first_count(engine, helder)}] People and collaboration · " in result.stdout
    assert result.stdout.endswith(f"To continue: stimulering assess --resume {name}\n")
    saved = answers_in(terminal / name)
    assert (saved.coalition, saved.respondent.organisation, saved.respondent.role,
            saved.respondent.level, saved.lang, saved.answers) == (
        "Kustregio / KRO", "Helder", "drinkwaterbedrijf", "operationeel", "en", {})


def test_a_plain_assess_offers_to_resume_an_unfinished_file(cli, terminal, engine):
    cli("assess", *WHO, input="a\nb\n1\n:q\n")
    name = f"rivierstad-stroomnet-{dt.date.today().isoformat()}.yaml"
    result = cli("assess", "--coalition", "rivierstad", "--organisation", "Stroomnet",
                 input="\n2\n:q\n")
    assert f"Er is een onafgemaakt antwoordbestand: {name} (3 antwoorden)." in \
        flat(result.stdout)
    assert f"[4/{first_count(engine)}]" in result.stdout
    assert answers_in(terminal / name).answers["contactpersonen_bekend"] == "deels"
    assert sorted(path.name for path in terminal.iterdir()) == [name]


def test_declining_to_resume_starts_a_new_file(cli, terminal):
    cli("assess", *WHO, input="a\n:q\n")
    result = cli("assess", *WHO, input="n\n:q\n")
    today = dt.date.today().isoformat()
    assert f"Antwoorden worden bewaard in rivierstad-stroomnet-{today}-2.yaml" in result.stdout
    assert answers_in(terminal / f"rivierstad-stroomnet-{today}-2.yaml").answers == {}


def test_the_whole_interview_review_result_targets_actions_and_report(cli, terminal, engine):
    lines = whole_interview(engine)
    # The phases the answers give: a target below one is asked to be confirmed.
    interview = Interview(engine.scorer, respondent=WHO_RESPONDENT)
    while interview.current is not None:
        interview.answer(parse_input(interview.current, typed_for(interview.current),
                                     "nl").value)
    values = {**interview.answers, "vast_overleg": "deels"}
    now = engine.scorer.assess(Answers.model_validate({
        "stimulering_answers": 1, "coalition": "Rivierstad", "date": "2026-11-28",
        "respondent": WHO_RESPONDENT.model_dump(), "answers": values})).pillars

    def confirmed(pillar: str, target: int) -> list[str]:
        below = now[pillar].phase is not None and target < now[pillar].phase
        return [str(target), *(["j"] if below else [])]

    lines += ["3", "2", "",          # review: change vast_overleg to deels, accept
              # targets: people 3, governance skipped, information 7 (no phase), then 2
              "j", *confirmed("people", 3), "", "7", *confirmed("information", 2),
              "j", "Convenant opstellen", "gemeente", "1-3-2027", "3", "n",
              ""]                     # write the report
    result = cli("assess", *WHO, "--save", "z.yaml", input="\n".join(lines) + "\n")
    out = result.stdout
    assert "Overzicht van uw antwoorden" in out
    assert "Fase van de samenwerking:" in out
    assert "Typ een fase van 1 tot 6, of Enter om over te slaan." in flat(out)
    assert "Rapport geschreven: z.md" in out
    saved = answers_in(terminal / "z.yaml")
    assert saved.answers["vast_overleg"] == "deels"
    # Every other answer is what was typed for it ("2,5" is 2.5, "2, 3" two options).
    asked = Interview(engine.scorer, saved.answers, respondent=WHO_RESPONDENT).visible()
    assert {q.id: saved.answers[q.id] for q in asked if q.id != "vast_overleg"} == {
        q.id: parse_input(q, typed_for(q), "nl").value for q in asked if q.id != "vast_overleg"}
    assert any(q.type == "multi" for q in asked)
    assert dict(saved.targets) == {"people": 3, "information": 2}
    assert [a.model_dump() for a in saved.actions] == [
        {"what": "Convenant opstellen", "owner": "gemeente", "due": dt.date(2027, 3, 1),
         "item": "vast_overleg", "instrument": None, "done": False}]
    scored = cli("assess", "--answers", "z.yaml", "--format", "markdown")
    assert (terminal / "z.md").read_text(encoding="utf-8") == scored.stdout
    # Whoever answered sees the result, but not which answers would move the phase; the
    # report for the steering group says it.
    assert "Wat de fase bepaalt" not in out and "zodra het antwoord" not in out
    assert "### Wat de fase bepaalt" in scored.stdout
    assert (terminal / "z-radar.svg").read_text(encoding="utf-8").startswith("<svg")


def test_resuming_a_finished_file_opens_the_review(cli, terminal, engine):
    cli("assess", *WHO, "--save", "z.yaml",
        input="\n".join([*whole_interview(engine), ":q"]) + "\n")
    result = cli("assess", "--resume", "z.yaml", input="x\n\nn\nn\nn\n")
    out = result.stdout
    assert "[" not in out.split("Overzicht van uw antwoorden")[0].split("z.yaml")[-1]
    assert "Typ het nummer van een antwoord om het te wijzigen, of Enter om alles goed te " \
           "keuren." in flat(out)
    assert "Fase van de samenwerking:" in out
    assert not (terminal / "z.md").exists()


def test_changing_an_answer_in_the_review_hides_and_shows_questions(cli, terminal, engine):
    cli("assess", *WHO, "--save", "z.yaml",
        input="\n".join([*whole_interview(engine), ":q"]) + "\n")
    saved = answers_in(terminal / "z.yaml")
    assert (saved.answers["ambassadeurs_benoemd"], saved.answers["ambassadeurs_intern"]) == (
        "ja", "ja")
    visible = [q.id for q in Interview(engine.scorer, saved.answers,
                                      respondent=WHO_RESPONDENT).visible()]
    number = visible.index("ambassadeurs_benoemd") + 1
    result = cli("assess", "--resume", "z.yaml", input=f"{number}\n3\n{number}\n:q\n")
    # nee hides ambassadeurs_intern: one question fewer; its answer stays in the file
    assert f"[{number}/{len(visible)}]" in result.stdout
    assert f"[{number}/{len(visible) - 1}]" in result.stdout
    saved = answers_in(terminal / "z.yaml")
    assert (saved.answers["ambassadeurs_benoemd"], saved.answers["ambassadeurs_intern"]) == (
        "nee", "ja")


def test_an_existing_save_file_is_not_overwritten(cli, terminal):
    (terminal / "z.yaml").write_text("keep me\n", encoding="utf-8")
    result = cli("assess", *WHO, "--save", "z.yaml", expect=2, input=":q\n")
    assert result.stderr == ("error: --save z.yaml: exists already; continue it with "
                             "'stimulering assess --resume z.yaml' or choose another name\n")
    assert (terminal / "z.yaml").read_text(encoding="utf-8") == "keep me\n"


def test_unknown_role_is_a_usage_error(cli, terminal):
    result = cli("assess", "--role", "burgemeester", expect=2)
    assert result.stderr == ("error: --role burgemeester: expected one of gemeente, "
                             "netbeheerder, drinkwaterbedrijf, waterschap, warmte, telecom, "
                             "overig, coalitie\n")


def test_resuming_a_file_of_another_question_set_version_says_so(cli, terminal, engine):
    cli("assess", *WHO, "--save", "z.yaml", input="4\n:q\n")
    saved = terminal / "z.yaml"
    text = saved.read_text(encoding="utf-8")
    version = engine.questions.version
    saved.write_text(text.replace(f"version: {version}", "version: 0.9.0", 1),
                     encoding="utf-8")
    next_question = Interview(engine.scorer, answers_in(saved).answers,
                              respondent=WHO_RESPONDENT).current
    result = cli("assess", "--resume", "z.yaml", input=f"{typed_for(next_question)}\n:q\n")
    assert (f"Dit bestand is begonnen met vragenset stimulering_basis 0.9.0; u gaat verder met "
            f"stimulering_basis {version}. Antwoorden op hernoemde vragen gaan mee; antwoorden "
            f"op vragen die er niet meer zijn, blijven in het bestand maar tellen niet mee."
            ) in flat(result.stdout)
    assert answers_in(saved).question_set == engine.scorer.ref  # saved with the current set


def test_resuming_a_file_of_this_question_set_says_nothing_about_it(cli, terminal):
    cli("assess", *WHO, "--save", "z.yaml", input="4\n:q\n")
    result = cli("assess", "--resume", "z.yaml", input=":q\n")
    assert "vragenset" not in result.stdout


def test_none_yet_with_another_option_is_refused_and_asked_again(cli, terminal, engine):
    lines = []
    interview = Interview(engine.scorer, respondent=WHO_RESPONDENT)
    while interview.current is not None and interview.current.id != "scope_verbreding":
        line = typed_for(interview.current)
        interview.answer(parse_input(interview.current, line, "nl").value)
        lines.append(line)
    assert interview.current is not None
    result = cli("assess", *WHO, "--save", "z.yaml",
                 input="\n".join([*lines, "1, 2", "1", ":q"]) + "\n")
    assert "'Geen' kan alleen op zichzelf gekozen worden" in flat(result.stdout)
    assert answers_in(terminal / "z.yaml").answers["scope_verbreding"] == ["geen"]


def test_a_target_is_kept_as_soon_as_it_is_given(cli, terminal, engine):
    lines = [*whole_interview(engine), "",   # accept the review
             "j", "3", "j"]                  # people: 3, below the phase now, confirmed
    # The input ends here, as when the terminal is closed before the other pillars.
    cli("assess", *WHO, "--save", "z.yaml", input="\n".join(lines) + "\n")
    assert dict(answers_in(terminal / "z.yaml").targets) == {"people": 3}


def test_a_target_below_the_phase_now_is_not_recorded_unless_confirmed(cli, terminal, engine):
    lines = [*whole_interview(engine), "", "j", "2", "n", "", "", ""]
    result = cli("assess", *WHO, "--save", "z.yaml", input="\n".join(lines) + "\n")
    assert "Fase 2 ligt onder de fase waar deze pijler nu staat" in flat(result.stdout)
    assert dict(answers_in(terminal / "z.yaml").targets) == {}


def test_hostile_names_and_answers_show_literally_and_a_resumed_interview_finishes(
        cli, terminal, engine):
    answer = "[/bold] \x1b]0;titel\x07 [link=https://kwaad.example]x[/link]"
    save = "z\x1b[2J.yaml"
    lines = whole_interview(engine, Respondent(organisation="Beek", role="gemeente",
                                               level="tactisch"))
    who = ["--coalition", "Kanaalstad [/bold]", "--organisation", "Beek\u202estad",
           "--role", "gemeente", "--level", "tactisch", "--save", save]
    first = cli("assess", *who, input=f"{answer}\n:r\n\n:q\n").stdout
    assert "Antwoorden worden bewaard in z<U+001B>[2J.yaml" in first
    assert "[/bold] <U+001B>]0;ti" in first  # in the review, cut to fit
    resumed = cli("assess", "--resume", save,
                  input="\n".join([*lines[1:], "", "n", "n", "n"]) + "\n").stdout
    assert "Fase van de samenwerking:" in resumed
    assert "Kanaalstad [/bold] · Beek<U+202E>stad (gemeente, tactisch)" in flat(resumed)
    for out in (first, resumed):
        assert not [c for c in out if c != "\n" and is_hidden(c)]
    assert answers_in(terminal / save).answers["deelnemende_partijen"] == answer


@pytest.mark.parametrize("existing", [["z.md"], ["z-radar.svg"], ["z.md", "z-radar.svg"]])
def test_the_report_offer_does_not_replace_existing_files_silently(cli, terminal, engine,
                                                                   existing):
    for name in existing:
        (terminal / name).write_text("keep\n", encoding="utf-8")
    lines = [*whole_interview(engine), "", "n", "n"]
    result = cli("assess", *WHO, "--save", "z.yaml", input="\n".join([*lines, ""]) + "\n")
    named = " en ".join(existing)
    assert (f"Het adviesrapport (markdown) schrijven naar z.md? {named} "
            f"{'bestaan' if len(existing) > 1 else 'bestaat'} al en "
            f"{'worden' if len(existing) > 1 else 'wordt'} dan vervangen. [j/N]:") \
        in flat(result.stdout)
    assert "Rapport geschreven" not in result.stdout
    for name in existing:
        assert (terminal / name).read_text(encoding="utf-8") == "keep\n"
    result = cli("assess", "--resume", "z.yaml", input="\nn\nn\nj\n")
    assert "Rapport geschreven: z.md" in result.stdout
    assert (terminal / "z.md").read_text(encoding="utf-8").startswith("# ")
    assert (terminal / "z-radar.svg").read_text(encoding="utf-8").startswith("<svg")


def test_a_report_that_cannot_be_written_is_said_and_the_answers_stay(cli, terminal, engine):
    os.mkfifo(terminal / "z.md")
    lines = [*whole_interview(engine), "", "n", "n", "j"]
    result = cli("assess", *WHO, "--save", "z.yaml", input="\n".join(lines) + "\n")
    assert "z.md: not a regular file; choose another output file" in result.stdout
    assert result.stdout.endswith("Opgeslagen in z.yaml.\n")
    assert len(answers_in(terminal / "z.yaml").answers) == len(whole_interview(engine))


def test_a_dangling_link_as_save_file_is_not_replaced(cli, terminal):
    (terminal / "z.yaml").symlink_to(terminal / "elders" / "z.yaml")
    result = cli("assess", *WHO, "--save", "z.yaml", expect=2, input=":q\n")
    assert result.stderr == ("error: --save z.yaml: exists already; continue it with "
                             "'stimulering assess --resume z.yaml' or choose another name\n")
    assert (terminal / "z.yaml").is_symlink()


def test_a_dangling_link_with_the_default_name_is_passed_by(cli, terminal):
    name = f"rivierstad-stroomnet-{dt.date.today().isoformat()}"
    (terminal / f"{name}.yaml").symlink_to(terminal / "elders.yaml")
    result = cli("assess", *WHO, input=":q\n")
    assert f"Antwoorden worden bewaard in {name}-2.yaml" in result.stdout
    assert (terminal / f"{name}.yaml").is_symlink()
    assert not (terminal / "elders.yaml").exists()
