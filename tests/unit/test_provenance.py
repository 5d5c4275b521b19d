"""Where the model comes from: every part of the shipped model names its origin, and the
README's account of it is made from that data.

The README section between the ``origins`` markers is generated here from the origins in
the YAML; ``STIMULERING_UPDATE_README=1 python -m pytest tests/test_provenance.py`` rewrites
it after a deliberate change.
"""

from __future__ import annotations

import os
import re
from collections import Counter

from paths import ROOT
from stimulering.model import REPORT_SECTIONS, Origin

README = ROOT / "README.md"
START, END = "<!-- origins: generated from the YAML by tests -->", "<!-- /origins -->"
KINDS = {"report": "the report", "samenwerkwijzer": "De Samenwerkwijzer", "own": "our own choice"}


def parts(engine) -> list[tuple[str, str, Origin | None]]:
    """(kind of part, what it is, its origin) for every part whose origin the model records."""
    model, found = engine.model, []
    found.append(("threshold", f"the threshold ({model.settings.threshold:g})".replace(".", ","),
                  model.settings.threshold_origin))
    for phase in model.phases:
        found.append(("phase", f"phase {phase.number} ({phase.id})", phase.origin))
        if phase.threshold is not None:
            found.append(("threshold", f"threshold of phase {phase.number}",
                          phase.threshold_origin))
        for marker in phase.markers:
            found.append(("marker", f"the marker of phase {phase.number} "
                                    f"\"{marker.text['en'].rstrip('.')}\"", marker.origin))
    for signal in model.signals:
        found.append(("signal", f"{signal.kind} {signal.id}", signal.origin))
        if signal.caps_phase is not None:
            found.append(("cap", f"`{signal.id}` holds its pillars at phase {signal.caps_phase}",
                          signal.caps_origin))
    for advice in model.advice:
        found.append(("advice", f"advice {advice.pillar}/{advice.phase}", advice.origin))
    for question in engine.questions.questions:
        if question.gate:
            found.append(("gate", f"gate {question.id}", None if question.entry_condition is None
                          else Origin(source="report", section=question.entry_condition.section,
                                      quote=question.entry_condition.quote)))
        if question.scored:
            found.append(("question", f"question `{question.id}`", question.origin))
    return found


ROWS = (("phase", "phases (their names)"), ("marker", "phase markers"),
        ("gate", "gates (entry conditions)"), ("threshold", "thresholds"),
        ("signal", "catalysts and inhibitors"), ("cap", "what a present inhibitor does"),
        ("advice", "advice per pillar and phase"),
        ("question", "scored questions, their scoring and advice"))


def origins_section(engine) -> str:
    found = parts(engine)
    counts = Counter((kind, origin.source) for kind, _, origin in found if origin is not None)
    lines = ["| part of the model | from the report | from De Samenwerkwijzer | our own choice |",
             "| :--- | ---: | ---: | ---: |"]
    for kind, title in ROWS:
        lines.append(f"| {title} | {counts[(kind, 'report')]} | "
                     f"{counts[(kind, 'samenwerkwijzer')]} | {counts[(kind, 'own')]} |")
    lines += ["", "Our own choices, each with its reason as the YAML gives it:", ""]
    for _, what, origin in found:
        if origin is not None and origin.source == "own":
            lines.append(f"- {what}: {origin.why}")
    return "\n".join([START, *lines, END])


def test_every_part_of_the_shipped_model_names_its_origin(engine):
    missing = [what for _, what, origin in parts(engine) if origin is None]
    assert missing == []


def test_the_readme_account_of_the_origins_is_made_from_the_yaml(engine):
    text = README.read_text(encoding="utf-8")
    section = origins_section(engine)
    current = re.search(re.escape(START) + r".*?" + re.escape(END), text, re.DOTALL)
    assert current is not None, "README has no origins section"
    if os.environ.get("STIMULERING_UPDATE_README") == "1":
        README.write_text(text.replace(current.group(0), section), encoding="utf-8")
        return
    assert current.group(0) == section


def test_every_source_that_names_the_report_names_its_section(engine):
    names = REPORT_SECTIONS
    sources = [(instrument.id, instrument.source) for instrument in engine.model.instruments]
    sources += [(example.id, fact.source) for example in engine.model.examples
                for fact in example.facts]
    vague = [(where, source) for where, source in sources
             if "Rapport afstemmingsvormen" in source
             and not any(name in source for name in names)]
    assert vague == []


def test_readme_and_changelog_give_the_catalogue_its_number_of_instruments(engine):
    count = len(engine.model.instruments)
    readme = README.read_text(encoding="utf-8")
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"The catalogue holds {count} instruments" in readme
    totals = re.findall(r"\b(\d+) instruments\b", changelog)
    assert totals and set(totals) == {str(count)}, totals
