"""The offline form in a real headless Chromium: filled in, reloaded, saved, opened again.

Each test works the page as a respondent does (clicks, typing, the keyboard, the file
picker) and checks the downloaded files with the command line. The page's own logic is
also called directly, through ``window.stimuleringForm``, to compare it with the Python
engine over many generated cases. Without Chromium and its driver these tests skip.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from browser import chromium, wait_for_file
from builders import (
    FORBIDDEN,
    HOSTILE,
    WHO,
    WHO_RESPONDENT,
    hostile_set,
    model,
    question,
    question_set,
)
from stimulering.core.conditions import comparisons
from stimulering.core.interview import Interview, choices, slug
from stimulering.core.scoring import Scorer
from stimulering.form import render_form
from stimulering.i18n import label
from stimulering.model import LEVELS, PARTNER_ROLES, Answers, Question, QuestionSet, Respondent
from stimulering.session.store import answers_yaml
from stimulering.sources.engine import load
from stimulering.sources.files import load_answers

ENGINE = load()
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
TODAY = dt.date.today().isoformat()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def driver(downloads: Path) -> Any:
    with chromium(downloads) as browser:
        yield browser


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pages")


def write_form(folder: Path, name: str, qset: QuestionSet, sha256: str, lang: str = "nl",
               **options: Any) -> Path:
    path = folder / name
    path.write_text(render_form(qset, options.pop("model", ENGINE.model), sha256, lang,
                                **options), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shipped(pages: Path) -> Path:
    return write_form(pages, "formulier.html", ENGINE.questions, ENGINE.sha256)


def open_page(driver: Any, path: Path, *, fresh: bool = True) -> None:
    """Open a form; ``fresh`` clears what earlier tests left in local storage."""
    driver.get(path.as_uri())
    if fresh:
        driver.execute_script("localStorage.clear()")
        driver.get(path.as_uri())
    assert driver.execute_script("return typeof window.stimuleringForm") == "object", \
        driver.get_log("browser")


@pytest.fixture
def empty(downloads: Path) -> Path:
    for path in downloads.iterdir():
        path.unlink()
    return downloads


def by_id(driver: Any, element_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id)


def click_label(driver: Any, element_id: str) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, f'label[for="{element_id}"]').click()


def message(driver: Any) -> str:
    return " ".join(by_id(driver, "message").text.split())


def wait_until(driver: Any, condition: Any) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 15).until(lambda _: condition())


def open_file(driver: Any, path: Path, *, confirm: bool = False) -> str:
    """Open an answers file through the page's file picker; the message it shows."""
    before = message(driver)
    by_id(driver, "open-file").send_keys(str(path))
    if confirm:
        wait_until(driver, lambda: _alert(driver) is not None)
        _alert(driver).accept()
    wait_until(driver, lambda: message(driver) != before)
    return message(driver)


def _alert(driver: Any) -> Any:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        return driver.switch_to.alert
    except NoAlertPresentException:
        return None


def fill_respondent(driver: Any, coalition: str = "Rivierstad",
                    organisation: str = "Stroomnet", role: str = WHO_RESPONDENT.role,
                    level: str = WHO_RESPONDENT.level) -> None:
    from selenium.webdriver.support.ui import Select

    by_id(driver, "f-coalition").send_keys(coalition)
    by_id(driver, "f-organisation").send_keys(organisation)
    Select(by_id(driver, "f-role")).select_by_value(role)
    Select(by_id(driver, "f-level")).select_by_value(level)


# --- the same questions as the interview -------------------------------------------------------


def values_for(q: Question) -> st.SearchStrategy[Any]:
    special = st.sampled_from(["weet_niet", "nvt"])
    values = [choice.value for choice in choices(q, "nl")]
    if q.type == "text":
        return st.sampled_from(["", "Kanaalstad"])
    if q.type == "multi":
        plain: st.SearchStrategy[Any] = st.lists(st.sampled_from(values), unique=True)
    elif q.type == "number":
        plain = st.sampled_from([0, 1, 1.5, 2, 2.0, 2.5, 3, 5, 9.99, 10, 12.5, 40])
    else:
        plain = st.sampled_from(values)
    return st.one_of(plain, plain, plain, special)


def answer_sets(qset: QuestionSet) -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        return {q.id: draw(values_for(q)) for q in qset.questions
                if draw(st.integers(0, 5)) > 0}

    return build()


def visible_in_python(scorer: Scorer, answers: dict[str, Any],
                      who: tuple[str, str] | None = None) -> list[str]:
    respondent = None if who is None else Respondent(organisation="x", role=who[0],
                                                     level=who[1])
    return [q.id for q in Interview(scorer, answers, respondent=respondent).visible()]


WHOM = st.sampled_from([(role, level) for role in PARTNER_ROLES for level in LEVELS])


@SETTINGS
@given(answers=answer_sets(ENGINE.questions), who=WHOM)
def test_the_form_shows_the_questions_the_interview_asks(driver, shipped, answers, who):
    if driver.current_url != shipped.as_uri():
        open_page(driver, shipped)
    shown = driver.execute_script("return stimuleringForm.visible(arguments[0], arguments[1])",
                                  answers, {"role": who[0], "level": who[1]})
    assert shown == visible_in_python(ENGINE.scorer, answers, who)


def tangled_set() -> QuestionSet:
    """Conditions of every kind: all / any / not, at_least / at_most, lists, chains."""
    options = [{"id": oid, "label": {"nl": oid, "en": oid}, "score": 0.5} for oid in "xyz"]
    picks = [{"id": oid, "label": {"nl": oid, "en": oid}, "score": 0.5} for oid in "pqr"]
    bands = [{"min": 0, "max": 5, "score": 0}, {"min": 5, "max": None, "score": 1}]
    return question_set([
        question("a"),
        question("b", type_="yesno"),
        question("c", type_="choice", options=options),
        question("d", type_="multi", options=picks),
        question("e", type_="number", bands=bands),
        question("f", type_="number", context=True),
        question("g", when={"all": [{"question": "a", "at_least": 3},
                                    {"not": {"question": "b", "equals": "nee"}}]}),
        question("h", type_="yesno", when={"any": [{"question": "c", "in": ["x", "y"]},
                                                   {"question": "d", "equals": "q"}]}),
        question("i", type_="choice", options=options,
                 when={"not": {"any": [{"question": "e", "at_most": 2},
                                       {"question": "e", "at_least": 10}]}}),
        question("j", type_="yesno", when={"question": "g", "equals": 4}),
        question("k", when={"all": [{"question": "d", "in": ["p", "r"]},
                                    {"any": [{"question": "j", "equals": "ja"},
                                             {"question": "f", "at_least": 1.5}]}]}),
        question("l", type_="yesno", when={"question": "a", "equals": 2.0}),
        question("m", type_="number", context=True,
                 when={"question": "e", "in": [2, 2.5, 10]}),
        question("n", type_="yesno", when={"any": [{"question": "i", "equals": "z"},
                                                   {"question": "m", "at_most": 3}]}),
    ])


TANGLED = tangled_set()
TANGLED_SCORER = Scorer(TANGLED, model())


@pytest.fixture(scope="module")
def tangled(pages: Path) -> Path:
    return write_form(pages, "tangled.html", TANGLED, "0" * 64, model=model())


@SETTINGS
@given(answers=answer_sets(TANGLED))
def test_every_kind_of_condition_shows_and_hides_as_in_the_interview(driver, tangled, answers):
    if driver.current_url != tangled.as_uri():
        open_page(driver, tangled)
    shown = driver.execute_script("return stimuleringForm.visible(arguments[0])", answers)
    assert shown == visible_in_python(TANGLED_SCORER, answers)


AUDIENCE = question_set([
    question("a", type_="yesno"),
    question("b", type_="yesno", applies_to={"levels": ["strategisch"]}),
    question("c", type_="yesno", applies_to={"levels": ["strategisch"]},
             when={"question": "b", "equals": "ja"}),
    question("d", type_="yesno", applies_to={"roles": ["netbeheerder", "gemeente"],
                                             "levels": ["tactisch", "operationeel"]}),
    question("e", type_="text", applies_to={"roles": ["drinkwaterbedrijf"]}),
    question("f", type_="yesno", when={"question": "a", "equals": "ja"}),
])
AUDIENCE_SCORER = Scorer(AUDIENCE, model())


@pytest.fixture(scope="module")
def audience(pages: Path) -> Path:
    return write_form(pages, "audience.html", AUDIENCE, "0" * 64, model=model())


@SETTINGS
@given(answers=answer_sets(AUDIENCE), who=WHOM)
def test_each_role_and_level_is_shown_the_questions_the_interview_asks_them(driver, audience,
                                                                           answers, who):
    if driver.current_url != audience.as_uri():
        open_page(driver, audience)
    shown = driver.execute_script("return stimuleringForm.visible(arguments[0], arguments[1])",
                                  answers, {"role": who[0], "level": who[1]})
    assert shown == visible_in_python(AUDIENCE_SCORER, answers, who)


def test_choosing_role_and_level_shows_only_their_questions_and_counts_them(driver,
                                                                           audience):
    open_page(driver, audience)
    fill_respondent(driver, role="drinkwaterbedrijf", level="tactisch")
    shown = [box.get_attribute("data-id") for box in
             driver.find_elements("css selector", ".question") if box.is_displayed()]
    who = ("drinkwaterbedrijf", "tactisch")
    assert shown == visible_in_python(AUDIENCE_SCORER, {}, who)
    assert {"a", "e"} <= set(shown) and not {"b", "c", "d"} & set(shown)
    assert by_id(driver, "progress").text.startswith(f"0 van {len(shown)} vragen beantwoord")


# --- a whole questionnaire, as in the interview ------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One question as the interview asks it: the answer, and a note for some."""

    question: Question
    value: Any
    note: str | None


def opening_values(qset: QuestionSet) -> dict[str, Any]:
    """For each question a follow-up depends on: an answer that shows the follow-up."""
    found: dict[str, Any] = {}
    for q in qset.questions:
        if q.when is not None:
            for test, _ in comparisons(q.when, ()):
                found.setdefault(test.question,
                                 test.equals if test.equals is not None else test.in_[0])
    return found


def plan(engine: Any) -> list[Step]:
    """Every question the interview asks, in its order, each with a varied answer."""
    opening = opening_values(engine.questions)
    interview = Interview(engine.scorer, respondent=WHO_RESPONDENT)
    steps: list[Step] = []
    multis = 0
    while interview.current is not None:
        q = interview.current
        index = len(steps)
        values = [choice.value for choice in choices(q, "nl")]
        value: Any
        if q.id in opening:
            value = [opening[q.id]] if q.type == "multi" else opening[q.id]
        elif q.type == "text":
            value = f'Tekst {index}: "Stroomnet" & <b>Bronwater</b>'
        elif q.type == "multi":
            multis += 1
            # Two options that go together (an exclusive one such as "geen" goes alone).
            value = "weet_niet" if multis == 1 else [values[-2], values[-1]]
        elif index % 11 == 5:
            value = "weet_niet"
        elif index % 17 == 9:
            value = "nvt"
        elif q.type == "scale":
            value = 1 + index % 5
        elif q.type == "number":
            low = min((band.min for band in q.bands or []), default=0)
            value = low + 2.5
            assert q.bands is None or q.band_for(value) is not None
        else:
            value = values[index % len(values)]
        note = f'Notitie {index}: "verslag" & <i>bijlage</i>' if index % 10 == 3 else None
        steps.append(Step(q, value, note))
        interview.answer(value)
    return steps


def typed(step: Step) -> list[str]:
    """What a respondent types in the interview for a step."""
    q, value = step.question, step.value
    lines = [":n", step.note] if step.note else []
    values = [choice.value for choice in choices(q, "nl")]
    if value in ("weet_niet", "nvt"):
        lines.append(":w" if value == "weet_niet" else ":nvt")
    elif q.type == "multi":
        lines.append(", ".join(str(values.index(item) + 1) for item in value))
    elif q.type == "number":
        lines.append(str(value).replace(".", ","))
    elif q.type in ("yesno", "choice"):
        lines.append(str(values.index(value) + 1))
    else:
        lines.append(str(value))
    return lines


def click(driver: Any, step: Step) -> None:
    """Answer a step in the form, as a respondent does."""
    q, value = step.question, step.value
    values = [choice.value for choice in choices(q, "nl")]
    if step.note:
        from selenium.webdriver.common.by import By

        driver.find_element(By.CSS_SELECTOR, f"#q-{q.id} details.note summary").click()
        by_id(driver, f"n-{q.id}").send_keys(step.note)
    if value in ("weet_niet", "nvt"):
        click_label(driver, f"a-{q.id}-s{0 if value == 'weet_niet' else 1}")
    elif q.type == "text":
        by_id(driver, f"a-{q.id}").send_keys(value)
    elif q.type == "number":
        by_id(driver, f"a-{q.id}-number").send_keys(str(value).replace(".", ","))
    elif q.type == "multi":
        for item in value:
            click_label(driver, f"a-{q.id}-{values.index(item)}")
    else:
        click_label(driver, f"a-{q.id}-{values.index(value)}")


def assessed(cli: Any, path: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(
        cli("assess", "--answers", str(path), "--format", "json").stdout)
    result.pop("date")  # the day each file was made; the only thing that may differ
    return result


def test_a_whole_questionnaire_in_the_browser_scores_as_in_the_interview(
        driver, shipped, empty, cli, surroundings, monkeypatch, tmp_path):
    steps = plan(ENGINE)
    follow_ups = [step.question.id for step in steps if step.question.when is not None]
    assert len(follow_ups) >= 3  # the walk meets several follow-up questions
    assert {step.value for step in steps if isinstance(step.value, str)} >= {"weet_niet", "nvt"}

    surroundings["stdin_is_terminal"] = True
    monkeypatch.chdir(tmp_path)
    lines = [line for step in steps for line in typed(step)] + [":q"]
    cli("assess", *WHO, "--save", "interview.yaml", input="\n".join(lines) + "\n")

    open_page(driver, shipped)
    fill_respondent(driver)
    for step in steps:
        if step.question.id in follow_ups:
            assert by_id(driver, f"q-{step.question.id}").is_displayed()
        click(driver, step)
    for q in ENGINE.questions.questions:
        shown = by_id(driver, f"q-{q.id}").is_displayed()
        assert shown == (q.id in {step.question.id for step in steps}), q.id
    # One count: every question the interview asked, open ones included.
    total = len(steps)
    assert total == len(Interview(ENGINE.scorer, {s.question.id: s.value for s in steps},
                                  respondent=WHO_RESPONDENT).visible())
    assert by_id(driver, "progress").text == \
        f"Klaar: {total} van {total} vragen beantwoord; de open vragen mogen leeg blijven."
    by_id(driver, "download").click()
    name = f"rivierstad-stroomnet-{TODAY}.yaml"
    form_file = wait_for_file(empty / name)
    assert message(driver) == (f"Het bestand {name} is aan uw browser gegeven om op te slaan, "
                               "meestal in de map Downloads. Stuur het naar de coördinator.")

    assert cli("validate", str(form_file)).stdout == ""  # no problems, exit 0
    interview_file = tmp_path / "interview.yaml"
    from_form, from_interview = load_answers(form_file)[0], load_answers(interview_file)[0]
    assert from_form.answers == from_interview.answers
    assert from_form.notes == from_interview.notes
    assert from_form.model_dump(exclude={"answers", "notes", "date"}) == \
        from_interview.model_dump(exclude={"answers", "notes", "date"})
    assert assessed(cli, form_file) == assessed(cli, interview_file)


def test_a_follow_up_question_appears_only_after_the_answer_that_asks_for_it(driver, shipped):
    open_page(driver, shipped)
    follow_up = by_id(driver, "q-regie_mandaat")
    assert not follow_up.is_displayed()
    before = by_id(driver, "progress").text
    click_label(driver, "a-regie_bij-0")  # the first option: no one coordinates
    assert not follow_up.is_displayed()
    values = [choice.value for choice in choices(ENGINE.questions.by_id()["regie_bij"], "nl")]
    click_label(driver, f"a-regie_bij-{values.index('gemeente')}")
    assert follow_up.is_displayed()
    count = re.compile(r"(\d+) van (\d+)")
    assert int(count.search(by_id(driver, "progress").text)[2]) == \
        int(count.search(before)[2]) + 2  # regie_mandaat and regie_kosten
    click_label(driver, "a-regie_bij-s0")  # don't know: the follow-ups hide again
    assert not follow_up.is_displayed()


def test_none_yet_is_chosen_alone_as_in_the_interview(driver, shipped):
    open_page(driver, shipped)
    values = [c.value for c in choices(ENGINE.questions.by_id()["scope_verbreding"], "nl")]
    boxes = [by_id(driver, f"a-scope_verbreding-{index}") for index in range(len(values))]
    none_yet, first, second = values.index("geen"), values.index("warmte"), values.index("telecom")
    click_label(driver, f"a-scope_verbreding-{first}")
    click_label(driver, f"a-scope_verbreding-{second}")
    click_label(driver, f"a-scope_verbreding-{none_yet}")
    assert [box.is_selected() for box in boxes] == [i == none_yet for i in range(len(values))]
    click_label(driver, f"a-scope_verbreding-{first}")
    assert [box.is_selected() for box in boxes] == [i == first for i in range(len(values))]
    answers = driver.execute_script("return stimuleringForm.answersYaml()")
    assert 'scope_verbreding:\n  - "warmte"\n' in answers


def test_a_number_is_typed_as_in_the_interview_and_checked_as_it_is_typed(driver, shipped):
    open_page(driver, shipped)
    field = by_id(driver, "a-planhorizon_jaren-number")
    error = by_id(driver, "e-planhorizon_jaren")
    script = "return stimuleringForm.answersYaml()"
    field.send_keys("vijf")
    assert error.text == "Typ een getal, bijvoorbeeld 4 of 2,5."
    assert field.get_attribute("aria-invalid") == "true"
    assert "planhorizon_jaren" not in driver.execute_script(script)
    field.clear()
    field.send_keys("-1")
    assert error.text == "-1 valt buiten het bereik van deze vraag (0+)."
    click_label(driver, "a-planhorizon_jaren-s0")  # don't know: the field empties
    assert field.get_attribute("value") == "" and not error.is_displayed()
    assert '  planhorizon_jaren: "weet_niet"' in driver.execute_script(script)
    field.send_keys("7,5")
    assert not by_id(driver, "a-planhorizon_jaren-s0").is_selected()
    assert "  planhorizon_jaren: 7.5\n" in driver.execute_script(script)
    driver.refresh()
    assert by_id(driver, "a-planhorizon_jaren-number").get_attribute("value") == "7,5"


# --- progress, partial files, opening a file ---------------------------------------------------


def test_progress_survives_a_reload_and_a_partial_file_comes_back(
        driver, shipped, empty, cli, surroundings, monkeypatch, tmp_path):
    steps = plan(ENGINE)[:6]
    open_page(driver, shipped)
    fill_respondent(driver, "Kanaalstad", "Bronwater")
    for step in steps:
        click(driver, step)
    answered = len(steps)
    progress = by_id(driver, "progress").text
    assert progress.startswith(f"{answered} van ")

    driver.refresh()
    assert by_id(driver, "progress").text == progress
    assert message(driver) == "Uw eerdere antwoorden in deze browser zijn teruggezet."
    assert by_id(driver, "f-organisation").get_attribute("value") == "Bronwater"
    noted = next(step for step in steps if step.note)
    assert by_id(driver, f"n-{noted.question.id}").get_attribute("value") == noted.note
    assert by_id(driver, f"n-{noted.question.id}").is_displayed()  # its note stays open

    by_id(driver, "download").click()  # not finished: says so, and goes to the open question
    first_open = Interview(ENGINE.scorer, {s.question.id: s.value for s in steps},
                           respondent=WHO_RESPONDENT).first_open()
    assert driver.switch_to.active_element.get_attribute("id").startswith(f"a-{first_open}-")
    assert "vragen open" in message(driver)
    assert not list(empty.iterdir())

    by_id(driver, "download-partial").click()
    partial = wait_for_file(empty / f"kanaalstad-bronwater-{TODAY}.yaml")
    assert cli("validate", str(partial)).stdout == ""  # no problems, exit 0
    saved = load_answers(partial)[0]
    assert saved.answers == {s.question.id: s.value for s in steps}
    assert saved.notes == {s.question.id: s.note for s in steps if s.note}

    # The command line continues the file at the first open question.
    surroundings["stdin_is_terminal"] = True
    monkeypatch.chdir(tmp_path)
    resumed = cli("assess", "--resume", str(partial), input=":q\n").stdout
    total = len(Interview(ENGINE.scorer, saved.answers, respondent=WHO_RESPONDENT).visible())
    assert f"[{len(steps) + 1}/{total}]" in resumed

    by_id(driver, "clear").click()
    _alert(driver).accept()
    assert message(driver) == "Het formulier is leeg."
    assert by_id(driver, "progress").text.startswith("0 van ")
    driver.refresh()
    assert by_id(driver, "f-organisation").get_attribute("value") == ""

    shown = open_file(driver, partial)
    assert shown == f"Geopend: {partial.name}, met {len(steps)} antwoorden."
    assert by_id(driver, "progress").text == progress
    assert by_id(driver, "f-coalition").get_attribute("value") == "Kanaalstad"
    empty_again = partial.rename(tmp_path / "eerder.yaml")
    by_id(driver, "download-partial").click()
    again = wait_for_file(empty / partial.name)
    assert again.read_text(encoding="utf-8") == empty_again.read_text(encoding="utf-8")


def test_the_form_opens_what_the_interview_saved(driver, shipped, cli, surroundings, monkeypatch,
                                                 tmp_path):
    steps = plan(ENGINE)[:12]
    surroundings["stdin_is_terminal"] = True
    monkeypatch.chdir(tmp_path)
    lines = [line for step in steps for line in typed(step)] + [":q"]
    cli("assess", *WHO, "--save", "half.yaml", input="\n".join(lines) + "\n")
    open_page(driver, shipped)
    assert open_file(driver, tmp_path / "half.yaml") == \
        f"Geopend: half.yaml, met {len(steps)} antwoorden."
    assert driver.execute_script("return stimuleringForm.answersYaml()") == (
        expected_form_yaml(load_answers(tmp_path / "half.yaml")[0]))


def expected_form_yaml(answers: Answers) -> str:
    """What the form writes for a file it opened: the same data in its own style."""
    def text(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["stimulering_answers: 1", "question_set:",
             f"  id: {text(ENGINE.questions.id)}",
             f"  version: {text(ENGINE.questions.version)}",
             f"  sha256: {text(ENGINE.sha256)}",
             f"coalition: {text(answers.coalition)}", "respondent:",
             f"  organisation: {text(answers.respondent.organisation)}",
             f"  role: {text(answers.respondent.role)}",
             f"  level: {text(answers.respondent.level)}",
             f"date: {answers.date.isoformat()}",
             *([f"round: {text(answers.round)}"] if answers.round else []),
             f"lang: {text('nl')}", "answers:"]
    for key, value in answers.answers.items():
        if isinstance(value, list):
            lines += [f"  {key}:", *(f"  - {text(item)}" for item in value)]
        elif isinstance(value, str):
            lines.append(f"  {key}: {text(value)}")
        else:
            lines.append(f"  {key}: {value}")
    if answers.notes:
        lines += ["notes:", *(f"  {key}: {text(note)}" for key, note in answers.notes.items())]
    return "\n".join(lines) + "\n"


REFUSED = {
    "anchor.yaml": ("stimulering_answers: 1\ncoalition: &c Kanaalstad\nanswers: {}\n",
                    "Regel 2: dit formulier leest antwoordbestanden zoals stimulering ze "
                    "schrijft; dit deel kan het niet lezen."),
    "block.yaml": ("stimulering_answers: 1\nnotes:\n  vast_overleg: |\n    tekst\n",
                   "Regel 3: dit formulier leest antwoordbestanden zoals stimulering ze "
                   "schrijft; dit deel kan het niet lezen."),
    "tab.yaml": ("stimulering_answers: 1\nanswers:\n\tvast_overleg: ja\n",
                 "Regel 3: een tab om in te springen; gebruik spaties."),
    "twice.yaml": ("stimulering_answers: 1\nanswers:\n  vast_overleg: ja\n  vast_overleg: nee\n",
                   "Regel 4: vast_overleg staat er twee keer."),
    "quote.yaml": ('stimulering_answers: 1\ncoalition: "Kanaalstad\n',
                   "Regel 2: een tekst tussen aanhalingstekens wordt niet afgesloten."),
    "two.yaml": ("stimulering_answers: 1\n---\nstimulering_answers: 1\n",
                 "Regel 2: het bestand bevat meer dan één document."),
    "octal.yaml": ("stimulering_answers: 1\nanswers:\n  openheid: 010\n",
                   "Regel 3: 010 is een getal in een schrijfwijze die dit formulier niet "
                   "leest."),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_files_outside_the_subset_are_refused_with_a_clear_message(driver, shipped, tmp_path,
                                                                   name):
    source, reason = REFUSED[name]
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    open_page(driver, shipped)
    assert open_file(driver, path) == f"{name} kan niet worden gelezen. {reason}"
    assert by_id(driver, "message").get_attribute("class") == "problem"


def test_files_that_do_not_fit_the_form_are_refused_and_change_nothing(driver, shipped,
                                                                         tmp_path):
    head = ("stimulering_answers: 1\ncoalition: Beekstad\ndate: 2026-03-02\n"
            "respondent: {organisation: Bronwater, role: drinkwaterbedrijf, level: tactisch}\n")
    cases = {
        "ander.yaml": ("stimulering_answers: 1\nquestion_set: {id: ander, version: 1.0.0}\n",
                       "ander.yaml hoort bij vragenset ander; dit formulier is voor "
                       f"{ENGINE.questions.id}."),
        "fout.yaml": (head + "answers:\n  vast_overleg: misschien\n",
                      'fout.yaml: het antwoord op vast_overleg past niet bij die vraag '
                      '("misschien").'),
        "lijst.yaml": (head + "answers:\n  openheid: 7\n",
                       "lijst.yaml: het antwoord op openheid past niet bij die vraag (7)."),
        "iets.yaml": ("naam: Kanaalstad\n", "iets.yaml is geen antwoordbestand van stimulering."),
        "rol.yaml": (head.replace("drinkwaterbedrijf", "burgemeester"),
                     "rol.yaml: respondent.role heeft een waarde die hier niet past."),
        "half.yaml": ("stimulering_answers: 1\nanswers:\n  vast_overleg: ja\n",
                      "half.yaml: coalition heeft een waarde die hier niet past."),
    }
    open_page(driver, shipped)
    click_label(driver, "a-vast_overleg-0")
    driver.execute_script("window.confirm = function () { return true; }")
    for name, (source, shown) in cases.items():
        path = tmp_path / name
        path.write_text(source, encoding="utf-8")
        assert open_file(driver, path) == shown
        assert by_id(driver, "a-vast_overleg-0").is_selected()


def test_a_file_of_another_version_or_with_unknown_questions_opens_with_a_warning(
        driver, shipped, tmp_path, empty):
    path = tmp_path / "oud.yaml"
    path.write_text(
        "stimulering_answers: 1\n"
        f"question_set: {{id: {ENGINE.questions.id}, version: 0.9.0}}\n"
        "coalition: Beekstad\nrespondent: {organisation: Bronwater, role: drinkwaterbedrijf, "
        "level: strategisch}\ndate: 2026-03-02\nlang: nl\n"
        "answers:\n  vast_overleg: ja\n  oude_vraag: 3\n"
        "notes:\n  oude_vraag: Een notitie bij een vraag die er niet meer is.\n"
        "targets:\n  people: 3\nactions:\n- what: Convenant opstellen\n  due: 2027-03-01\n"
        "  done: false\n", encoding="utf-8")
    open_page(driver, shipped)
    assert open_file(driver, path) == (
        f"Geopend: oud.yaml, met 1 antwoord. oud.yaml is begonnen met vragenset "
        f"{ENGINE.questions.id} 0.9.0; dit formulier gebruikt {ENGINE.questions.id} "
        f"{ENGINE.questions.version}. Antwoorden op hernoemde vragen gaan mee; antwoorden op "
        "vragen die er niet meer zijn, blijven in het bestand maar tellen niet mee. 1 antwoord "
        "hoort bij een vraag die dit formulier niet kent; het blijft in het bestand.")
    assert by_id(driver, "f-date").get_attribute("value") == "2026-03-02"
    driver.refresh()  # what is kept survives a reload too
    by_id(driver, "download-partial").click()
    saved = load_answers(wait_for_file(empty / "beekstad-bronwater-2026-03-02.yaml"))[0]
    assert saved.answers["oude_vraag"] == 3
    assert saved.notes == {"oude_vraag": "Een notitie bij een vraag die er niet meer is."}
    assert dict(saved.targets) == {"people": 3}
    assert [(a.what, a.due, a.done) for a in saved.actions] == [
        ("Convenant opstellen", dt.date(2027, 3, 1), False)]
    assert saved.question_set is not None and saved.question_set.version == \
        ENGINE.questions.version


def test_a_renamed_question_takes_the_answer_of_its_old_id(driver, pages, tmp_path):
    qset = question_set([question("nieuw", type_="yesno", replaces=["oud"]),
                         question("ander", type_="yesno")])
    page = write_form(pages, "renamed.html", qset, "0" * 64, model=model())
    path = tmp_path / "oud.yaml"
    path.write_text("stimulering_answers: 1\ncoalition: Beekstad\ndate: 2026-03-02\n"
                    "respondent: {organisation: Bronwater, role: waterschap, level: tactisch}\n"
                    "answers:\n  oud: nee\n  ander: ja\n", encoding="utf-8")
    open_page(driver, page)
    open_file(driver, path)
    assert by_id(driver, "a-nieuw-2").is_selected()
    yaml_text = driver.execute_script("return stimuleringForm.answersYaml()")
    assert yaml.safe_load(yaml_text)["answers"] == {"nieuw": "nee", "ander": "ja"}


# --- the file format: what the command line writes, the form reads; and back -------------------

WORDS = st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)
NASTY = st.one_of(WORDS, st.sampled_from([
    "", " ", "  leading and trailing  ", "ja", "yes", "no", "null", "~", "123", "1.5", "0o17",
    "2026-02-30", "2026-11-28", "a: b", "a #b", "#c", "- d", "'q'", '"q"', "x\ny", "x\n\ny",
    "\t", "é ü ß 中文 🙂", "\x85", "\u2028", "\x00\x01", "\\", "\\n", "--- x", "...", "[a]",
    "{b: c}", "&a", "*a", "!t", "%d", "@e", "`f", "|", ">", "? g", ",", "a" * 250 + " b" * 60,
]))
IDS = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)


@st.composite
def answers_documents(draw: st.DrawFn) -> Answers:
    value = st.one_of(NASTY, st.integers(-10**6, 10**6),
                      st.floats(allow_nan=False, allow_infinity=False, width=64),
                      st.lists(NASTY, max_size=4), st.none())
    data: dict[str, Any] = {
        "stimulering_answers": 1,
        "question_set": {"id": "stimulering_basis", "version": "2.0.0",
                         "sha256": draw(st.none() | st.just("a" * 64))},
        "coalition": draw(NASTY.filter(lambda s: 1 <= len(s) <= 200)),
        "respondent": {"organisation": draw(NASTY.filter(lambda s: 1 <= len(s) <= 200)),
                       "role": "gemeente", "level": "tactisch"},
        "date": draw(st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1))),
        "lang": "nl",
        "answers": draw(st.dictionaries(IDS, value, max_size=6)),
        "notes": draw(st.dictionaries(IDS, NASTY, max_size=3)),
        "targets": draw(st.dictionaries(st.sampled_from(["people", "governance"]),
                                        st.integers(1, 6))),
        "actions": draw(st.lists(st.builds(dict, what=NASTY.filter(lambda s: len(s) >= 1),
                                           owner=NASTY.filter(lambda s: len(s) <= 200),
                                           due=st.none() | st.dates(),
                                           done=st.booleans()), max_size=2)),
    }
    return Answers.model_validate(data)


def as_form_data(value: Any) -> Any:
    """Python data as the page's parser gives it: floats and dates marked."""
    if isinstance(value, dict):
        return {key: as_form_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_form_data(item) for item in value]
    if isinstance(value, float):
        return {"float": value}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    return value


def same(one: Any, other: Any) -> bool:
    """The same data, types included, except that a float may come back from the browser as
    a whole number (its JSON writes 2.0 as 2); the parser marks floats, so a float read as
    an integer still shows."""
    if isinstance(one, dict) and isinstance(other, dict):
        return one.keys() == other.keys() and all(same(one[k], other[k]) for k in one)
    if isinstance(one, list) and isinstance(other, list):
        return len(one) == len(other) and all(map(same, one, other))
    if isinstance(one, bool) or isinstance(other, bool):
        return one is other
    if isinstance(one, (int, float)) and isinstance(other, (int, float)):
        return one == other
    return type(one) is type(other) and one == other


@SETTINGS
@given(document=answers_documents())
def test_the_form_reads_answers_files_as_the_command_line_writes_them(driver, shipped, document):
    if driver.current_url != shipped.as_uri():
        open_page(driver, shipped)
    text = answers_yaml(document)
    read = driver.execute_script("return stimuleringForm.parseYaml(arguments[0])", text)
    assert "error" not in read, (read, text)
    assert same(read["data"], as_form_data(yaml.safe_load(text))), text


@st.composite
def trees(draw: st.DrawFn) -> dict[str, Any]:
    scalar = st.one_of(NASTY, st.integers(-10**15, 10**15), st.booleans(), st.none(),
                       st.floats(allow_nan=False, allow_infinity=False),
                       st.dates().map(lambda d: {"date": d.isoformat()}))
    item = st.one_of(scalar, st.lists(scalar, max_size=3),
                     st.dictionaries(IDS, scalar, max_size=3))
    return draw(st.dictionaries(IDS, st.one_of(item, st.lists(
        st.dictionaries(IDS, scalar, min_size=1, max_size=3), max_size=2)),
        min_size=1, max_size=6))


def revive(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"date"}:
            return dt.date.fromisoformat(value["date"])
        return {key: revive(item) for key, item in value.items()}
    if isinstance(value, list):
        return [revive(item) for item in value]
    return value


def marked(value: Any) -> Any:
    """Data for the page's writer: floats marked as such, so 2.0 stays a float."""
    if isinstance(value, dict):
        return value if set(value) == {"date"} else {k: marked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [marked(item) for item in value]
    return {"float": value} if isinstance(value, float) else value


@SETTINGS
@given(tree=trees())
# Keys that YAML 1.1 reads as true, false or null unless they are quoted.
@example(tree={"no": None, "on": {"off": "yes"}, "null": [{"y": 1}]})
def test_what_the_form_writes_pyyaml_reads_back_as_it_was(driver, shipped, tree):
    if driver.current_url != shipped.as_uri():
        open_page(driver, shipped)
    text = driver.execute_script("return stimuleringForm.writeYaml(arguments[0])", marked(tree))
    assert same(yaml.safe_load(text), revive(tree)), text
    assert max(map(len, text.splitlines()), default=0) <= 400
    again = driver.execute_script("return stimuleringForm.parseYaml(arguments[0])", text)
    assert same(again["data"], as_form_data(revive(tree))), text


# --- safe with any text, and nothing leaves the page -------------------------------------------


def test_hostile_texts_show_as_text_and_run_nothing(driver, pages):
    from selenium.webdriver.common.by import By

    page = write_form(pages, "hostile.html", hostile_set(), "0" * 64, model=model(),
                      coalition=HOSTILE)
    open_page(driver, page)
    assert _alert(driver) is None
    assert driver.execute_script("return document.querySelectorAll('img, iframe').length") == 0
    assert driver.execute_script("return document.scripts.length") == 2
    shown = driver.execute_script(
        "return document.querySelector('#q-kies .text').textContent")
    assert shown == HOSTILE
    assert driver.execute_script(
        "return document.querySelector('#q-kies label[for=\"a-kies-0\"]').textContent") == HOSTILE
    assert by_id(driver, "f-coalition").get_attribute("value") == HOSTILE
    assert not by_id(driver, "q-vervolg").is_displayed()
    driver.find_element(By.CSS_SELECTOR, 'label[for="a-kies-0"]').click()
    assert by_id(driver, "q-vervolg").is_displayed()
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    problems = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert problems == []


def test_the_page_runs_under_its_content_security_policy_in_english(driver, pages):
    page = write_form(pages, "en.html", ENGINE.questions, ENGINE.sha256, "en")
    open_page(driver, page)
    assert driver.execute_script("return document.documentElement.lang") == "en"
    assert by_id(driver, "download-partial").text == "Download what I have so far"
    assert by_id(driver, "progress").text.startswith("0 of ")
    driver.execute_script(
        "document.querySelectorAll('.question').forEach(function (q) { q.hidden = false; });"
        "document.querySelectorAll('details').forEach(function (d) { d.open = true; });")
    assert not re.search(FORBIDDEN, driver.execute_script("return document.body.innerText")
                         .lower())
    assert [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"] == []


# --- accessible --------------------------------------------------------------------------------


def test_every_control_has_a_label_and_every_option_group_a_legend(driver, shipped):
    from selenium.webdriver.common.by import By

    open_page(driver, shipped)
    # Show every question and open every note, so that every control is checked.
    driver.execute_script(
        "document.querySelectorAll('.question').forEach(function (q) { q.hidden = false; });"
        "document.querySelectorAll('details').forEach(function (d) { d.open = true; });")
    unlabelled = driver.execute_script("""
        return Array.from(document.querySelectorAll('input, select, textarea, button, summary'))
          .filter(function (control) {
            var named = control.tagName === 'BUTTON' || control.tagName === 'SUMMARY' ?
              control.textContent : Array.from(control.labels || []).map(function (label) {
                return label.textContent; }).join('');
            return !named.trim();
          }).map(function (control) { return control.id || control.tagName; });""")
    assert unlabelled == []
    loose = driver.execute_script("""
        return Array.from(document.querySelectorAll('input[type=radio], input[type=checkbox]'))
          .filter(function (input) {
            var group = input.closest('fieldset');
            var legend = group && group.querySelector(':scope > legend');
            return !legend || !legend.textContent.trim();
          }).map(function (input) { return input.id; });""")
    assert loose == []
    names = driver.execute_script(
        "return Array.from(document.querySelectorAll('[id]')).map(function (e) { return e.id; })")
    assert len(names) == len(set(names)), "ids are unique, so every label finds its control"
    # What assistive technology reads, for the respondent's fields, the buttons, and every
    # control of one question of each type.
    one_of_each = {q.type: q.id for q in reversed(ENGINE.questions.questions)}
    selectors = ["section.respondent *", "section.actions *",
                 *(f"#q-{qid} *" for qid in one_of_each.values())]
    controls = [control for selector in selectors
                for control in driver.find_elements(By.CSS_SELECTOR, selector)
                if control.tag_name in ("input", "select", "textarea", "button", "summary")]
    assert len(controls) > 40
    assert [c.get_attribute("id") for c in controls if not c.accessible_name] == []
    # Everything a respondent can read, with every question and note open: no score, no
    # phase, no weight, no gate, nothing that says which answer counts.
    assert not re.search(FORBIDDEN, driver.find_element(By.TAG_NAME, "body").text.lower())
    legend = driver.find_element(By.CSS_SELECTOR, "#q-vast_overleg legend")
    assert driver.find_element(By.CSS_SELECTOR, "#q-vast_overleg fieldset").accessible_name == \
        " ".join(legend.text.split())


def test_the_form_works_by_keyboard_alone_with_a_visible_focus(driver, shipped, empty):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_page(driver, shipped)

    def press(*sequence: str) -> None:
        ActionChains(driver).send_keys(*sequence).perform()

    def focused() -> str:
        return driver.switch_to.active_element.get_attribute("id") or \
            driver.switch_to.active_element.tag_name

    def tab_to(element_id: str, limit: int = 60) -> None:
        for _ in range(limit):
            if focused() == element_id:
                return
            press(Keys.TAB)
        raise AssertionError(f"Tab never reached {element_id}")

    tab_to("f-coalition")
    press("Kanaalstad", Keys.TAB, "Stroomnet", Keys.TAB)
    assert focused() == "f-role"
    press(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.TAB)  # the second role: netbeheerder
    press(Keys.ARROW_DOWN)
    assert by_id(driver, "f-role").get_attribute("value") == "netbeheerder"
    assert by_id(driver, "f-level").get_attribute("value") == "strategisch"
    tab_to("a-vast_overleg-0")
    outline = driver.execute_script(
        "var style = getComputedStyle(document.activeElement);"
        "return [style.outlineStyle, style.outlineWidth, style.outlineColor];")
    assert outline == ["solid", "3px", "rgb(179, 71, 0)"]
    press(Keys.SPACE)
    assert by_id(driver, "a-vast_overleg-0").is_selected()
    press(Keys.ARROW_DOWN)  # arrows move through the options of a group
    assert by_id(driver, "a-vast_overleg-1").is_selected()
    press(Keys.TAB)  # on to the explanation, opened with Enter
    assert driver.switch_to.active_element.tag_name == "summary"
    press(Keys.ENTER)
    assert driver.execute_script("return document.activeElement.parentElement.open") is True
    # Through the rest of the questions, three Tabs at a time (fewer than the four stops
    # at the end), to the buttons at the end.
    for _ in range(400):
        if driver.execute_script("return document.activeElement.closest('.actions') !== null"):
            break
        press(Keys.TAB, Keys.TAB, Keys.TAB)
    for _ in range(10):
        if focused() == "download-partial":
            break
        press(Keys.SHIFT + Keys.TAB if focused() in ("open-file", "clear") else Keys.TAB)
    assert focused() == "download-partial"
    press(Keys.ENTER)
    saved = load_answers(wait_for_file(empty / f"kanaalstad-stroomnet-{TODAY}.yaml"))[0]
    assert saved.answers == {"vast_overleg": "deels"}
    assert (saved.respondent.role, saved.respondent.level) == ("netbeheerder", "strategisch")


def test_every_text_on_the_page_meets_wcag_aa_contrast(driver, shipped):
    open_page(driver, shipped)
    by_id(driver, "download").click()  # a message in the colour of problems
    by_id(driver, "a-planhorizon_jaren-number").send_keys("x")  # an error under a field
    assert by_id(driver, "e-planhorizon_jaren").text == label("nl", "form.error.number")
    low = driver.execute_script("""
        function rgb(text) { return text.match(/[\\d.]+/g).map(Number); }
        function lum(c) {
          var v = c.slice(0, 3).map(function (x) {
            x = x / 255; return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
          });
          return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
        }
        function background(node) {
          for (; node; node = node.parentElement) {
            var c = rgb(getComputedStyle(node).backgroundColor);
            if (c.length < 4 || c[3] > 0) { return c; }
          }
          return [255, 255, 255];
        }
        var low = [];
        document.querySelectorAll('body *').forEach(function (node) {
          var own = Array.from(node.childNodes).some(function (child) {
            return child.nodeType === 3 && child.textContent.trim();
          });
          if (!own || !node.getClientRects().length) { return; }
          var a = lum(rgb(getComputedStyle(node).color)), b = lum(background(node));
          var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < 4.5) { low.push([node.tagName, node.textContent.slice(0, 30), ratio]); }
        });
        return low;""")
    assert low == []


# --- a round across a month end ----------------------------------------------------------------


MONTH_END = [("Gemeente Rivierstad", "gemeente", "strategisch", "2026-11-30"),
             ("Stroomnet", "netbeheerder", "tactisch", "2026-11-30"),
             ("Bronwater", "drinkwaterbedrijf", "operationeel", "2026-12-01")]


@pytest.mark.parametrize("round_name", [None, "najaar 2026"])
def test_partners_of_the_form_either_side_of_a_month_end_are_one_round(
        driver, pages, empty, cli, tmp_path, monkeypatch, round_name):
    page = write_form(pages, f"ronde-{'naam' if round_name else 'datum'}.html",
                      ENGINE.questions, ENGINE.sha256, round_name=round_name)
    files = []
    for organisation, role, level, day in MONTH_END:
        open_page(driver, page)
        if round_name:
            assert by_id(driver, "round").text == f"Ronde: {round_name}"
        fill_respondent(driver, "Rivierstad", organisation, role, level)
        date = by_id(driver, "f-date")
        driver.execute_script("arguments[0].value = arguments[1];"
                              "arguments[0].dispatchEvent(new Event('input'));", date, day)
        click_label(driver, "a-vast_overleg-0")
        by_id(driver, "download-partial").click()
        files.append(wait_for_file(empty / f"rivierstad-{slug(organisation)}-{day}.yaml"))
    for path, (_, _, _, day) in zip(files, MONTH_END, strict=True):
        saved = load_answers(path)[0]
        assert (saved.date.isoformat(), saved.round) == (day, round_name)

    monkeypatch.chdir(empty)
    result = cli("report", *(path.name for path in files), "--format", "json")
    data = json.loads(result.stdout)
    assert data["round"] == (round_name or "2026-11-30 – 2026-12-01")
    assert [r["organisation"] for r in data["respondents"]] == [p[0] for p in MONTH_END]
    assert data["round_files"]["left_out"] == []
