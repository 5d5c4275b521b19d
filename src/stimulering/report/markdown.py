"""The markdown advice report (GitHub-flavoured), a pure function of an evaluation.

Every text that comes from a user file (coalition, organisation, notes, actions,
free-text answers) and every content text goes through ``escape``, so it can
neither break a table, start a heading or list, nor produce an HTML token.
The report links its chart as an image; the caller decides the file name.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from stimulering.advice import AdviceItem, next_steps
from stimulering.i18n import label, pick, plural
from stimulering.model import PILLARS, Model
from stimulering.report.common import (
    advice_heading,
    advice_text,
    answer_label,
    example_fact,
    explanation,
    level_text,
    needs_text,
    overall_phase_text,
    phase_name,
    phase_text,
    pillar_name,
    pillar_score_text,
    respondent_text,
    score_text,
    signal_names,
    warning_message,
)
from stimulering.report.svg import Axis, Chart, radar_svg
from stimulering.results import Evaluation
from stimulering.sanitise import visible
from stimulering.scoring import Assessment, PillarResult, category_scores
from stimulering.summary import RoadmapRow, roadmap

_SPECIAL = re.compile(r"([\\`*_\[\]#!|~])")
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)](?: |$)))")


def escape(text: str) -> str:
    r"""User text made inert: no markdown syntax, no HTML, no line breaks that end a block.

    Line breaks become spaces (so a table row or list item stays one line); other
    control, bidi and zero-width characters are written as their code point (so
    nothing acts on a terminal or hides text, see ``sanitise.visible``);
    ``&``, ``<`` and ``>`` become entities (so no HTML tag or autolink can form);
    inline markers (``\ ` * _ [ ] # ! | ~``) are backslash-escaped (so no
    emphasis, code, link, heading or table cell can form); and a leading ``-``,
    ``+``, ``=`` or ``1. `` / ``1) `` is escaped so the text cannot start a list or
    underline a heading.
    """
    text = visible(" ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match:
        end = match.end()
        text = text[:end] + "\\" + text[end:] if match.group(1).isdigit() else "\\" + text
    return text


def table(header: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    """A GFM table; cells must already be escaped. ``align`` has one of l, r, c per column."""
    marks = {"l": ":---", "r": "---:", "c": ":---:"}
    rule = [marks.get(align[index] if index < len(align) else "l", "---")
            for index in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def report_charts(evaluation: Evaluation, lang: str) -> tuple[str, list[Chart], float, str]:
    """The report's radar charts: title, charts, threshold and legend."""
    result = evaluation.assessment
    model = evaluation.model
    pillars = Chart("pillars", label(lang, "report.chart_pillars"), tuple(
        Axis(p, pillar_name(model, p, lang), result.pillars[p].score) for p in PILLARS))
    names = {c.id: pick(c.name, lang) for c in model.categories}
    categories = Chart("categories", label(lang, "report.chart_categories"), tuple(
        Axis(c.id, names[c.id], c.score)
        for c in category_scores(result, evaluation.questions, names)))
    threshold = model.settings.threshold
    charts = [pillars, categories]
    legend = label(lang, "report.chart_legend", threshold=score_text(threshold, lang))
    phases = phase_chart(evaluation, lang)
    if phases is not None:
        charts.append(phases)
        legend = f"{legend}. {label(lang, 'report.chart_target_legend')}"
    return (label(lang, "report.chart_title", coalition=result.coalition), charts, threshold,
            legend)


def chart_svg(evaluation: Evaluation, lang: str) -> str:
    """The radar charts of the report (three pillars, nine categories) as SVG text."""
    title, charts, threshold, legend = report_charts(evaluation, lang)
    return radar_svg(title, charts, threshold=threshold, legend=legend, lang=lang)


def phase_chart(evaluation: Evaluation, lang: str) -> Chart | None:
    """The phase of each pillar now with its target over it; ``None`` without any target.

    The radius is the phase, from 0 at the centre to 6 at the rim. The target is
    what the answers file sets; a pillar without one gets no target point, and a
    pillar whose phase cannot be determined is drawn at the centre with a "?".
    """
    targets = evaluation.answers.targets
    if not targets:
        return None
    result = evaluation.assessment
    axes = []
    for p in PILLARS:
        now = result.pillars[p].phase
        target = targets.get(p)  # type: ignore[call-overload]
        shown = phase_text(now, lang) + ("" if target is None else f" → {target}")
        axes.append(Axis(p, pillar_name(evaluation.model, p, lang),
                         None if now is None else now / 6, text=shown,
                         target=None if target is None else target / 6))
    return Chart("phases", label(lang, "report.chart_phases"), tuple(axes),
                 rings=tuple(number / 6 for number in range(1, 7)))


def _weakest(result: Assessment) -> PillarResult:
    return min((result.pillars[p] for p in PILLARS),
               key=lambda p: (p.phase or 0, -1.0 if p.score is None else p.score))


def interpretation(evaluation: Evaluation, lang: str) -> str:
    """One short paragraph that reads the result: weakest pillar, gap, signals, where to start."""
    result = evaluation.assessment
    model = evaluation.model
    pillars = [result.pillars[p] for p in PILLARS]
    if result.phase is None:
        sentences = [label(lang, "summary.undetermined",
                           needs=needs_text(evaluation, result.undetermined, lang))]
    elif all(p.levels_met >= 6 for p in pillars):
        sentences = [label(lang, "summary.complete")]
    else:
        sentences = [label(lang, "summary.phase", phase=result.phase,
                           name=phase_name(model, result.phase, lang))]
        weak = _weakest(result)
        strong = max(pillars, key=lambda p: p.phase or 0)
        if strong.phase == weak.phase:
            sentences.append(label(lang, "summary.even", pillar=pillar_name(model, weak.id, lang),
                                   score=score_text(weak.score, lang)))
        else:
            gap = (strong.phase or 0) - (weak.phase or 0)
            sentences.append(plural(
                lang, "summary.gap", gap, weak=pillar_name(model, weak.id, lang),
                weak_phase=weak.phase, strong=pillar_name(model, strong.id, lang),
                strong_phase=strong.phase, gap=gap))
    sentences += [warning_message(w, evaluation, lang) for w in result.warnings
                  if w.code == "hard_ahead"]
    names = signal_names(model, lang)
    inhibitors = [names[s.id] for s in result.inhibitors if s.status == "present"]
    missing = [names[s.id] for s in result.catalysts if s.status == "absent"]
    unknown = [names[s.id] for s in result.signals if s.status == "unknown"]
    if inhibitors:
        sentences.append(label(lang, "summary.inhibitors", names="; ".join(inhibitors)))
    if missing:
        sentences.append(label(lang, "summary.catalysts_missing", names="; ".join(missing)))
    if unknown:
        sentences.append(label(lang, "summary.catalysts_unknown", names="; ".join(unknown)))
    if not (inhibitors or missing or unknown):
        sentences.append(label(lang, "summary.signals_good"))
    if result.phase is not None and not all(p.levels_met >= 6 for p in pillars):
        sentences.append(label(lang, "summary.start",
                               pillar=pillar_name(model, _weakest(result).id, lang)))
    return " ".join(sentences)


def _header(evaluation: Evaluation, lang: str) -> list[str]:
    result = evaluation.assessment
    model = evaluation.model
    out = [f"# {label(lang, 'report.title')}: {escape(result.coalition)}", ""]
    out.append(f"- **{label(lang, 'coalition')}:** {escape(result.coalition)}")
    if result.respondent is not None:
        out.append(f"- **{label(lang, 'respondent')}:** "
                   f"{escape(respondent_text(result.respondent, lang))}")
    out.append(f"- **{label(lang, 'date')}:** {result.date.isoformat()}")
    out.append(f"- **{label(lang, 'question_set')}:** {escape(result.question_set.id)} "
               f"{escape(result.question_set.version)}")
    out.append(f"- **{label(lang, 'report.model')}:** {escape(model.settings.id)} "
               f"{escape(model.settings.version)}")
    return out + [""]


def _summary(evaluation: Evaluation, lang: str) -> list[str]:
    """The executive summary: phase, the roadmap per pillar, the next steps, a reading."""
    result = evaluation.assessment
    phase = escape(overall_phase_text(evaluation.model, result.phase, lang))
    return [f"## {label(lang, 'report.executive')}", "",
            f"**{label(lang, 'overall_phase')}: {phase}**", "",
            *roadmap_section(evaluation, lang),
            *next_steps_section(evaluation, lang),
            escape(interpretation(evaluation, lang)), "",
            *own_words_section(evaluation, lang)]


def roadmap_cells(row: RoadmapRow, lang: str) -> list[str]:
    """A roadmap row as plain texts: now, next, target and percent-to-target."""
    if row.status == "undetermined":
        percent = label(lang, "report.pct.undetermined")
    elif row.status == "no_target":
        percent = label(lang, "report.pct.no_target")
    elif row.status == "reached":
        percent = label(lang, "report.pct.reached", percent=f"{row.percent}%")
    else:
        percent = f"{row.percent}%"
    return [phase_text(row.now, lang), "–" if row.next is None else str(row.next),
            "–" if row.target is None else str(row.target), percent]


def roadmap_header(lang: str) -> list[str]:
    """The header of the roadmap table."""
    return [label(lang, "pillar").capitalize(), label(lang, "report.current"),
            label(lang, "report.next"), label(lang, "report.target"),
            label(lang, "report.to_target")]


def roadmap_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The roadmap table, pillar by pillar: now, next, target and percent-to-target."""
    rows = [[escape(pillar_name(evaluation.model, row.pillar, lang)),
             *(escape(cell) for cell in roadmap_cells(row, lang))]
            for row in roadmap(evaluation)]
    return [*table(roadmap_header(lang), rows, "lrrrl"), "",
            f"_{escape(label(lang, 'report.percent_note'))}_", ""]


def next_steps_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The few next steps a steering group can decide on, most urgent first."""
    steps = next_steps(evaluation.assessment, evaluation.advice)
    out = [f"### {label(lang, 'report.next_steps')}", ""]
    if not steps:
        return [*out, escape(label(lang, "report.next_steps_none")), ""]
    for number, step in enumerate(steps, start=1):
        pillar = pillar_name(evaluation.model, step.pillar, lang)
        # The backslash is a hard line break, as in the advice section.
        out += [f"{number}. **{escape(advice_heading(evaluation, step.item, lang))}** "
                f"({escape(pillar)})\\",
                f"   {escape(advice_text(step.item, lang))}"]
    return [*out, ""]


def own_words_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The free-text answers (such as the next step and the biggest lesson), as written."""
    rows = [(question, evaluation.answers.answers.get(question.id))
            for question in evaluation.questions.questions if question.type == "text"]
    given = [(question, value) for question, value in rows
             if isinstance(value, str) and value.strip()]
    if not given:
        return []
    out = [f"### {label(lang, 'report.own_words')}", "",
           escape(label(lang, "report.own_words_intro")), ""]
    for question, value in given:
        out.append(f"- **{escape(pick(question.text, lang))}**")
        out += [f"  - {escape(line.strip())}" for line in str(value).splitlines() if line.strip()]
    return [*out, ""]


def _ladder(evaluation: Evaluation, lang: str) -> list[str]:
    result = evaluation.assessment
    model = evaluation.model
    targets = evaluation.answers.targets
    rows = []
    for number in range(6, 0, -1):
        row = [f"{number} · {escape(phase_name(model, number, lang))}"]
        for p in PILLARS:
            pillar = result.pillars[p]
            marks = []
            if number <= pillar.levels_met:
                marks.append("✓")
            if number == pillar.phase:
                marks.append(f"**{label(lang, 'report.now')}**")
            if targets.get(p) == number:  # type: ignore[call-overload]
                marks.append(label(lang, "report.target_mark"))
            row.append(" ".join(marks))
        rows.append(row)
    header = [label(lang, "phase").capitalize()] + \
        [escape(pillar_name(model, p, lang)) for p in PILLARS]
    out = [f"## {label(lang, 'report.ladder')}", "", *table(header, rows, "lccc"), "",
           f"_{label(lang, 'report.ladder_legend')}_", ""]
    # The weakest pillar's open level is where the coalition works now: show what it asks.
    if result.phase is not None and any(p.levels_met < 6 for p in result.pillars.values()):
        phase = model.phase(result.phase)
        out += [label(lang, "report.markers", phase=result.phase,
                      name=escape(pick(phase.name, lang))), ""]
        out += [f"- {escape(pick(marker, lang))}" for marker in phase.markers] + [""]
    return out


def _chart(evaluation: Evaluation, lang: str, chart: str) -> list[str]:
    result = evaluation.assessment
    model = evaluation.model
    alt = label(lang, "report.chart_title", coalition=result.coalition)
    out = [f"## {label(lang, 'report.chart')}", "", f"![{escape(alt)}]({quote(chart)})", "",
           escape(label(lang, "report.chart_note",
                        threshold=score_text(model.settings.threshold, lang))), ""]
    rows = []
    for p in PILLARS:
        pillar = result.pillars[p]
        rows.append([escape(pillar_name(model, p, lang)), phase_text(pillar.phase, lang),
                     *(level_text(pillar, level, lang) for level in pillar.levels),
                     pillar_score_text(pillar, lang)])
    out += table([label(lang, "pillar").capitalize(), label(lang, "phase").capitalize(),
                  *(str(number) for number in range(1, 7)), label(lang, "score").capitalize()],
                 rows, "lrrrrrrrr") + [""]
    out += [escape(label(lang, "report.level_note")), ""]
    names = {c.id: pick(c.name, lang) for c in model.categories}
    rows = [[escape(names[c.id]), score_text(c.score, lang), f"{c.answered}/{c.counting}"]
            for c in category_scores(result, evaluation.questions, names)]
    out += table([label(lang, "report.category"), label(lang, "score").capitalize(),
                  label(lang, "report.answered")], rows, "lrr") + [""]
    return out


def _explanation(evaluation: Evaluation, lang: str) -> list[str]:
    out = [f"## {label(lang, 'explanation')}", ""]
    for p in PILLARS:
        first, *rest = explanation(evaluation, evaluation.assessment.pillars[p], lang)
        out.append(f"- {escape(first)}")
        out += [f"  - {escape(line)}" for line in rest]
    return out + [""]


def _instrument_line(model: Model, item: AdviceItem, instrument_id: str, lang: str) -> str:
    instrument = model.instrument(instrument_id)
    line = f"   - **{escape(pick(instrument.name, lang))}**"
    shown = dict(item.examples).get(instrument_id)
    if shown is not None:
        example, fact = example_fact(model, instrument_id, shown)
        line += (f" — {label(lang, 'report.example')} {escape(example.coalition)}: "
                 f"{escape(pick(fact.text, lang))}")
    return line


def _advice_item(evaluation: Evaluation, number: int, item: AdviceItem, lang: str) -> list[str]:
    # The backslash is a hard line break: the reason and what to do stay on their own lines.
    lines = [f"{number}. **{escape(advice_heading(evaluation, item, lang))}**\\",
             f"   {escape(advice_text(item, lang))}"]
    if item.instruments:
        lines.append("")
        lines += [_instrument_line(evaluation.model, item, i, lang) for i in item.instruments]
    return lines + [""]


def advice_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The advice per pillar, numbered, each with its instruments and a practice example."""
    out = [f"## {label(lang, 'advice')}", ""]
    for p in PILLARS:
        out += [f"### {escape(pillar_name(evaluation.model, p, lang))}", ""]
        items = evaluation.advice[p]
        if not items:
            out += [escape(label(lang, "report.no_advice")), ""]
        for number, item in enumerate(items, start=1):
            out += _advice_item(evaluation, number, item, lang)
    return out


def signal_rows(result: Assessment, model: Model, lang: str) -> list[list[str]]:
    """Table rows of the catalysts and inhibitors: kind, name, status."""
    names = signal_names(model, lang)
    return [[label(lang, f"kind.{signal.kind}"), escape(names[signal.id]),
             label(lang, f"status.{signal.status}")]
            for signal in (*result.catalysts, *result.inhibitors)]


def _signals(evaluation: Evaluation, lang: str) -> list[str]:
    rows = signal_rows(evaluation.assessment, evaluation.model, lang)
    return [f"## {label(lang, 'report.signals')}", "",
            *table([label(lang, "report.kind"), label(lang, "report.name"),
                    label(lang, "report.status")], rows), ""]


def _roadmap(evaluation: Evaluation, lang: str) -> list[str]:
    # The targets are in the summary's roadmap; here is the plan of actions towards them.
    answers = evaluation.answers
    if not answers.actions:
        return []
    model = evaluation.model
    out = [f"## {label(lang, 'report.action_plan')}", ""]
    if answers.actions:
        questions = evaluation.questions.by_id()
        instruments = {i.id: pick(i.name, lang) for i in model.instruments}
        rows = []
        for action in answers.actions:
            concerns = []
            if action.item is not None:
                question = questions.get(action.item)
                concerns.append(escape(pick(question.text, lang)) if question is not None
                                else f"`{action.item}`")
            if action.instrument is not None:
                concerns.append(escape(instruments.get(action.instrument, action.instrument)))
            rows.append([escape(action.what), escape(action.owner) or "–",
                         action.due.isoformat() if action.due else "–",
                         "; ".join(concerns) or "–",
                         f"✓ {label(lang, 'report.done')}" if action.done
                         else label(lang, "report.open")])
        out += table([label(lang, "report.action"), label(lang, "report.owner"),
                      label(lang, "report.due"), label(lang, "report.concerns"),
                      label(lang, "report.status")], rows) + [""]
    return out


def warnings_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The warnings of the result, if any."""
    warnings = evaluation.assessment.warnings
    if not warnings:
        return []
    return [f"## {label(lang, 'warnings')}", "",
            *(f"- {escape(warning_message(w, evaluation, lang))}" for w in warnings), ""]


def _appendix(evaluation: Evaluation, lang: str) -> list[str]:
    result = evaluation.assessment
    answers = evaluation.answers
    out = [f"## {label(lang, 'report.appendix')}", ""]
    header = ["id", label(lang, "phase").capitalize(), label(lang, "report.question"),
              label(lang, "report.answer"), label(lang, "report.note")]
    for p in PILLARS:
        rows = []
        for question in evaluation.questions.questions:
            if question.pillar != p:
                continue
            item = result.items[question.id]
            answer = escape(answer_label(question, item.value, lang))
            if item.status == "hidden":
                answer = label(lang, "report.not_asked") if item.value is None else \
                    f"{answer} ({label(lang, 'report.not_asked')})"
            rows.append([f"`{question.id}`", str(question.phase),
                         escape(pick(question.text, lang)), answer,
                         escape(answers.notes.get(question.id, ""))])
        out += [f"### {escape(pillar_name(evaluation.model, p, lang))}", ""]
        out += table(header, rows, "lrlll") + [""]
    known = evaluation.questions.by_id()
    other = [[f"`{key}`", escape(note)] for key, note in answers.notes.items()
             if key not in known]
    if other:
        out += [f"### {label(lang, 'report.other_notes')}", ""]
        out += table(["id", label(lang, "report.note")], other) + [""]
    return out


def render_report(evaluation: Evaluation, lang: str, chart: str = "radar.svg", *,
                  appendix: bool = True) -> str:
    """The whole advice report; ``chart`` is the file name the radar chart is linked as.

    Without ``appendix`` the report ends before the appendix of every answer and note.
    """
    out = _header(evaluation, lang)
    out += _summary(evaluation, lang)
    out += _ladder(evaluation, lang)
    out += _chart(evaluation, lang, chart)
    out += _explanation(evaluation, lang)
    out += advice_section(evaluation, lang)
    out += _signals(evaluation, lang)
    out += _roadmap(evaluation, lang)
    out += warnings_section(evaluation, lang)
    out += _appendix(evaluation, lang) if appendix else \
        [f"_{label(lang, 'report.appendix_left_out')}_"]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
