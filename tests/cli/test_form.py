"""`stimulering form`: one self-contained HTML page, safe with any text, that hints at no score.

What the page does in a browser is tested in test_form_browser.py; these tests read the
file itself and need no browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from typing import Any

import pytest
import yaml

from builders import FORBIDDEN, HOSTILE, hostile_set, model, question, question_set
from paths import ROOT
from stimulering.form import LABELS, form_data, render_form
from stimulering.i18n import label_catalogue

FORM_JS = ROOT / "src" / "stimulering" / "form" / "form.js"
FORM_CSS = FORM_JS.with_name("form.css")


class Page(HTMLParser):
    """The elements, attributes and script texts of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = tag
            if tag == "script":
                self.scripts.append((dict(attrs), ""))
            else:
                self.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._open == "style":
            self.styles[-1] += data


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def blob(html: str) -> Any:
    page = parsed(html)
    texts = [text for attrs, text in page.scripts if attrs.get("type") == "application/json"]
    assert len(texts) == 1
    return json.loads(texts[0])


def every_key(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | set().union(*(every_key(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(every_key(item) for item in value))
    return set()


def every_text(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in every_text(item)]
    if isinstance(value, list):
        return [text for item in value for text in every_text(item)]
    return [value] if isinstance(value, str) else []


# --- the command -------------------------------------------------------------------------------


def test_form_writes_one_page_and_keeps_an_existing_file(cli, tmp_path, engine):
    target = tmp_path / "formulier.html"
    assert cli("form", "-o", str(target)).stdout == ""
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert html == render_form(engine.questions, engine.model, engine.sha256, "nl")
    result = cli("form", "-o", str(target), "--lang", "en", expect=1)
    assert result.stderr == f"error: {target}: exists already; use --force to replace it\n"
    cli("form", "-o", str(target), "--lang", "en", "--force")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>\n<html lang=\"en\">")


def test_form_without_output_prints_the_page_in_the_chosen_language(cli, engine):
    data = blob(cli("form", "--lang", "en", "--coalition", "  Kanaalstad  ").stdout)
    assert data["lang"] == "en"
    assert data["coalition"] == "Kanaalstad"
    assert data["question_set"] == {"id": engine.questions.id,
                                    "version": engine.questions.version,
                                    "sha256": engine.sha256}
    first = engine.questions.questions[0]
    assert data["questions"][0]["text"] == first.text["en"]
    assert data["labels"]["form.download_partial"] == "Download what I have so far"


def test_form_refuses_an_empty_coalition_and_an_unknown_language(cli):
    assert cli("form", "--coalition", " ", expect=2).stderr == \
        "error: --coalition: must not be empty\n"
    assert "Invalid value for '--lang': 'de': expected one of nl, en" in \
        cli("form", "--lang", "de", expect=2).stderr


def test_form_takes_another_question_set(cli, tmp_path):
    questions = tmp_path / "vragen.yaml"
    data = yaml.safe_load((ROOT / "questions.yaml").read_text("utf-8"))
    data["id"] = "kanaalstad_eigen"
    questions.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    page = blob(cli("form", "--questions", str(questions)).stdout)
    assert page["question_set"]["id"] == "kanaalstad_eigen"


# --- self-contained and safe -------------------------------------------------------------------


def test_the_page_loads_nothing_from_anywhere(engine):
    html = render_form(engine.questions, engine.model, engine.sha256, "nl")
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    for word in ("@import", "fetch(", "XMLHttpRequest", "WebSocket", "EventSource",
                 "sendBeacon", "<link", "<iframe", "<img", "import("):
        assert word.lower() not in html.lower(), word
    assert not re.search(r"(?<![a-z])url\(", html, re.I)
    page = parsed(html)
    assert [tag for tag, _ in page.tags] == [
        "html", "head", "meta", "meta", "meta", "title", "style", "body", "noscript", "p",
        "div", "script", "script"]
    assert not [attrs for tag, attrs in page.tags if tag == "script" and "src" in attrs]


def test_the_content_security_policy_allows_only_the_pages_own_script_and_style(engine):
    html = render_form(engine.questions, engine.model, engine.sha256, "nl")
    page = parsed(html)
    policy = next(attrs["content"] for tag, attrs in page.tags
                  if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    [code] = [text for attrs, text in page.scripts if "type" not in attrs]

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert policy == (f"default-src 'none'; script-src 'sha256-{digest(code)}'; "
                      f"style-src 'sha256-{digest(page.styles[0])}'; img-src 'none'; "
                      "connect-src 'none'; form-action 'none'; base-uri 'none'")
    assert code == FORM_JS.read_text(encoding="utf-8")
    assert page.styles[0] == FORM_CSS.read_text(encoding="utf-8")


def test_hostile_texts_cannot_close_the_data_or_add_markup():
    qset = hostile_set()
    html = render_form(qset, model(), "0" * 64, "nl", coalition=HOSTILE)
    page = parsed(html)
    assert [tag for tag, _ in page.tags].count("script") == 2
    assert "img" not in [tag for tag, _ in page.tags]
    assert html.count("</script>") == 2 and "</SCRIPT" not in html
    data = blob(html)
    assert data == form_data(qset, model(), "0" * 64, "nl", coalition=HOSTILE)
    assert data["questions"][0]["text"] == HOSTILE
    assert data["questions"][0]["options"][0]["label"] == HOSTILE
    assert data["coalition"] == HOSTILE
    assert data["set_name"] == HOSTILE
    # The title is the only place a content text goes into markup: escaped there.
    assert "<title>Zelfevaluatie samenwerking in de ondergrond: &lt;/script&gt;" in html


# --- nothing that hints at a score -------------------------------------------------------------


def test_the_pages_data_carries_no_scores_weights_gates_or_phases(engine):
    data = form_data(engine.questions, engine.model, engine.sha256, "nl")
    assert every_key(data) & {"score", "scores", "weight", "gate", "phase", "phases", "reverse",
                              "bands", "advice", "instruments", "threshold", "context"} == set()
    options = {option["value"] for q in data["questions"] for option in q.get("options", [])}
    assert "ja" in options
    for lang in ("nl", "en"):
        texts = every_text(form_data(engine.questions, engine.model, engine.sha256, lang))
        found = [text for text in texts if re.search(FORBIDDEN, text.lower())]
        assert found == [], lang


def test_number_questions_show_the_range_they_take_not_the_edges_of_their_bands(engine):
    data = form_data(engine.questions, engine.model, engine.sha256, "nl")
    numbers = {q["id"]: q for q in data["questions"] if q["type"] == "number"}
    for qid, item in numbers.items():
        bands = engine.questions.by_id()[qid].bands
        if bands is None:
            assert item["ranges"] is None  # a context number: 0 or more
            continue
        assert len(bands) > 1
        assert item["ranges"] == [[min(b.min for b in bands), None]]


def test_ranges_with_a_gap_stay_apart():
    qset = question_set([question("jaren", type_="number", bands=[
        {"min": 0, "max": 2, "score": 0}, {"min": 2, "max": 5, "score": 0.5},
        {"min": 10, "max": None, "score": 1}])])
    data = form_data(qset, model(), "0" * 64, "en")
    assert data["questions"][0]["ranges"] == [[0, 5], [10, None]]


def test_the_page_and_its_data_never_name_a_phase(engine):
    for lang in ("nl", "en"):
        html = render_form(engine.questions, engine.model, engine.sha256, lang)
        page = parsed(html)
        outside = re.sub(r"<script.*?</script>|<style>.*?</style>", "", html, flags=re.S)
        assert not re.search(FORBIDDEN, outside.lower())
        assert len(page.scripts) == 2


# --- labels ------------------------------------------------------------------------------------


def test_every_label_the_script_uses_is_passed_to_it_in_both_languages():
    script = FORM_JS.read_text(encoding="utf-8")
    used = set(re.findall(r'"((?:form|iv|special)\.[a-z_.]+)"', script))
    used |= {f"special.{value}" for value in ("weet_niet", "nvt")}
    assert used <= set(LABELS), used - set(LABELS)
    dutch, english = label_catalogue("nl").labels, label_catalogue("en").labels
    for key in LABELS:
        assert key in dutch and key in english, key
    assert "form.noscript" in dutch and "form.noscript" in english


# --- contrast ----------------------------------------------------------------------------------


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_wcag_contrast_of_the_colour_pairs_the_style_sheet_uses():
    css = FORM_CSS.read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6});", css))
    assert re.findall(r"#[0-9a-fA-F]{3,8}\b", css.split("}", 1)[1]) == [], \
        "colours outside :root escape the check"
    surfaces = [name for name in colours if name.startswith("surface-")]
    texts = [name for name in colours if name.startswith("text-")]
    assert len(surfaces) >= 3 and len(texts) >= 3
    pairs = [(text, surface, 4.5) for text in texts for surface in surfaces
             if surface != "surface-accent"]
    pairs += [("on-accent", "surface-accent", 4.5)]
    # The focus ring sits 2px outside the control, on the surface around it; the accent
    # colour fills buttons only, never a surface around a control.
    around = [surface for surface in surfaces if surface != "surface-accent"]
    assert "outline-offset: 2px" in css
    pairs += [("focus", surface, 3.0) for surface in around]
    pairs += [("border-control", surface, 3.0) for surface in around]
    low = [(a, b, round(contrast(colours[a], colours[b]), 2)) for a, b, need in pairs
           if contrast(colours[a], colours[b]) < need]
    assert low == []


# --- start-up ----------------------------------------------------------------------------------


def test_only_the_form_command_loads_the_form(tmp_path, write_answers, engine):
    from builders import highest

    path = write_answers(highest(engine))
    code = ("import sys\nfrom stimulering.cli import main\n"
            f"sys.argv = ['stimulering', 'assess', '--answers', {str(path)!r}, "
            "'--format', 'json']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('>>', sorted(m for m in sys.modules if m.startswith('stimulering.form')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.splitlines()[-1] == ">> []"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_same_input_same_page(engine, lang):
    one = render_form(engine.questions, engine.model, engine.sha256, lang)
    two = render_form(engine.questions, engine.model, engine.sha256, lang)
    assert one == two


def test_without_a_browser_the_browser_tests_skip_and_name_what_is_missing(monkeypatch,
                                                                          tmp_path):
    import browser

    monkeypatch.setattr(browser, "CHROMEDRIVER", tmp_path / "chromedriver")
    reason = f"{tmp_path / 'chromedriver'} is missing (install the Debian package " \
             "chromium-driver)"
    assert browser.missing() == reason
    with pytest.raises(pytest.skip.Exception) as skipped, browser.chromium(tmp_path):
        pass  # pragma: no cover - never reached
    assert str(skipped.value) == f"no browser for the form tests: {reason}"


def test_joint_project_questions_carry_the_one_guidance_and_their_condition(engine):
    data = form_data(engine.questions, engine.model, engine.sha256, "nl")
    questions = {q["id"]: q for q in data["questions"]}
    guidance = ("Deze vraag gaat over de gezamenlijke projecten die lopen of liepen; ze komt "
                "pas als er zo'n project is.")
    for question_id in ("klic_orientatie", "een_stem_omgeving", "revisie_gedeeld"):
        assert questions[question_id]["help"].startswith(guidance), question_id
        assert questions[question_id]["when"] == {"question": "gezamenlijke_projecten",
                                                  "equals": "gestart"}
    # Where a part of the model comes from, and which advice is about money, stay out.
    assert every_key(data) & {"origin", "topic", "entry_condition"} == set()
