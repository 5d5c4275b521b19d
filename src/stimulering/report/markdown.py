"""The markdown advice report (GitHub-flavoured), a pure function of an evaluation.

Every text that comes from a user file (coalition, organisation, notes, actions,
free-text answers) and every content text goes through ``escape``, so it can
neither break a table, start a heading or list, nor produce an HTML token.
The report links its chart as an image; the caller decides the file name.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from stimulering.core.advice import AdviceItem
from stimulering.core.coalition import (
    DIVERGENCE_MINIMUM,
    TOPIC_LIMIT,
    CoalitionView,
    PlanRow,
    RoundInfo,
)
from stimulering.core.combine import counts
from stimulering.core.results import Evaluation
from stimulering.core.rounds import dates_label
from stimulering.core.scoring import Assessment, PillarResult, category_scores
from stimulering.i18n import join_words, label, pick, plural
from stimulering.model import PILLARS, AnswerValue, Model, Question, QuestionSet
from stimulering.report.common import (
    advice_heading,
    advice_text,
    answer_label,
    audience_text,
    audience_who,
    deciding_lines,
    deciding_unknown_lines,
    escape_markdown,
    example_fact,
    explanation,
    level_text,
    markdown_table,
    nobody_asked_text,
    overall_phase_text,
    phase_name,
    phase_text,
    phases_words,
    pillar_name,
    pillar_score_text,
    range_text,
    respondent_text,
    roadmap_cells,
    roadmap_header,
    score_gap,
    score_text,
    signal_names,
    topic_reason,
    warning_message,
)


def _weakest(result: Assessment) -> list[PillarResult]:
    """The pillars at the lowest phase (the low end of each range), in pillar order."""
    lowest = min(pillar.phase_range.low for pillar in result.pillars.values())
    return [result.pillars[p] for p in PILLARS if result.pillars[p].phase_range.low == lowest]


def interpretation(evaluation: Evaluation, lang: str) -> str:
    """One short paragraph that reads the result: weakest pillar, gap, signals, where to start."""
    result = evaluation.assessment
    model = evaluation.model
    pillars = [result.pillars[p] for p in PILLARS]
    weakest = _weakest(result)
    if result.phase is None:
        sentences = [label(lang, "summary.open",
                           phases=phases_words(result.phase_range, lang))]
    elif all(p.levels_met >= 6 for p in pillars):
        sentences = [label(lang, "summary.complete")]
    else:
        sentences = [label(lang, "summary.phase", phase=result.phase,
                           name=phase_name(model, result.phase, lang))]
        highest = max(p.phase_range.low for p in pillars)
        if highest == result.phase:
            weak = min(pillars, key=lambda p: -1.0 if p.score is None else p.score)
            sentences.append(label(lang, "summary.even", pillar=pillar_name(model, weak.id, lang),
                                   score=score_text(weak.score, lang)))
        else:
            # Every pillar of a tie is named: one of them is not further ahead than another.
            strongest = [p for p in pillars if p.phase_range.low == highest]
            weak_names = join_words([pillar_name(model, p.id, lang) for p in weakest], lang)
            strong_names = join_words([pillar_name(model, p.id, lang) for p in strongest], lang)
            ahead = " / ".join(dict.fromkeys(range_text(p.phase_range) for p in strongest))
            gap = plural(lang, "phases_count", highest - result.phase)
            sentences.append(
                plural(lang, "summary.weakest", len(weakest), pillars=weak_names,
                       phase=result.phase) + "; " +
                plural(lang, "summary.ahead", len(strongest), pillars=strong_names,
                       phase=ahead, gap=gap) + ".")
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
        # One place to start, the same as the first step above it; without steps, the
        # weakest pillar with the lowest score.
        start = evaluation.next_steps[0].pillar if evaluation.next_steps else \
            min(weakest, key=lambda p: -1.0 if p.score is None else p.score).id
        sentences.append(label(lang, "summary.start", pillar=pillar_name(model, start, lang)))
    return " ".join(sentences)


def _header(evaluation: Evaluation, lang: str) -> list[str]:
    result = evaluation.assessment
    model = evaluation.model
    out = [f"# {label(lang, 'report.title')}: {escape_markdown(result.coalition)}", ""]
    out.append(f"- **{label(lang, 'coalition')}:** {escape_markdown(result.coalition)}")
    if result.respondent is not None:
        out.append(f"- **{label(lang, 'respondent')}:** "
                   f"{escape_markdown(respondent_text(result.respondent, lang))}")
    out.append(f"- **{label(lang, 'date')}:** {result.date.isoformat()}")
    out.append(f"- **{label(lang, 'question_set')}:** {escape_markdown(result.question_set.id)} "
               f"{escape_markdown(result.question_set.version)}")
    out.append(f"- **{label(lang, 'report.model')}:** {escape_markdown(model.settings.id)} "
               f"{escape_markdown(model.settings.version)}")
    return out + [""]


def summary_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The executive summary: phase, the roadmap per pillar, the next steps, a reading."""
    result = evaluation.assessment
    phase = escape_markdown(overall_phase_text(evaluation.model, result.phase_range, lang))
    return [f"## {label(lang, 'report.executive')}", "",
            f"**{label(lang, 'overall_phase')}: {phase}**", "",
            *deciding_section(evaluation, lang),
            *roadmap_section(evaluation, lang),
            *next_steps_section(evaluation, lang),
            escape_markdown(interpretation(evaluation, lang)), "",
            *own_words_section(evaluation, lang)]


def deciding_section(evaluation: Evaluation, lang: str) -> list[str]:
    """What decides the phase: the unknown answers that keep it open, the answers that move it.

    Facts for the steering group, in the summary of every report.
    """
    result = evaluation.assessment
    decided = evaluation.verdict
    out = [f"### {label(lang, 'deciding.title')}", ""]
    if not result.phase_range.known:
        out += [escape_markdown(label(lang, "deciding.open", low=result.phase_range.low,
                                      high=result.phase_range.high)), ""]
        out += [f"- {escape_markdown(line)}"
                for line in deciding_unknown_lines(evaluation, decided.unknown, lang)] + [""]
    lines, more = deciding_lines(evaluation, lang)
    if lines:
        out += [escape_markdown(label(lang, "deciding.intro")), ""]
        out += [f"- {escape_markdown(line)}" for line in lines] + [""]
        if more:
            out += [escape_markdown(plural(lang, "deciding.more", more)), ""]
    elif result.phase_range.known:
        out += [escape_markdown(label(lang, "deciding.none")), ""]
    return out


def roadmap_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The roadmap table, pillar by pillar: now, next, target and percent-to-target."""
    rows = [[escape_markdown(pillar_name(evaluation.model, row.pillar, lang)),
             *(escape_markdown(cell) for cell in roadmap_cells(row, lang))]
            for row in evaluation.roadmap]
    return [*markdown_table(roadmap_header(lang), rows, "lrrrl"), "",
            f"_{escape_markdown(label(lang, 'report.percent_note'))}_", ""]


def next_steps_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The few next steps a steering group can decide on, most urgent first."""
    steps = evaluation.next_steps
    out = [f"### {label(lang, 'report.next_steps')}", ""]
    if not steps:
        return [*out, escape_markdown(label(lang, "report.next_steps_none")), ""]
    for number, step in enumerate(steps, start=1):
        pillar = pillar_name(evaluation.model, step.pillar, lang)
        # The backslash is a hard line break, as in the advice section.
        heading = (f"{number}. **{escape_markdown(advice_heading(evaluation, step.item, lang))}**"
                   f" ({escape_markdown(pillar)})")
        text = advice_text(step.item, lang)
        out += [f"{heading}\\", f"   {escape_markdown(text)}"] if text else [heading]
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
           escape_markdown(label(lang, "report.own_words_intro")), ""]
    for question, value in given:
        out.append(f"- **{escape_markdown(pick(question.text, lang))}**")
        out += [f"  - {escape_markdown(line.strip())}" for line in str(value).splitlines()
                if line.strip()]
    return [*out, ""]


def ladder_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The phase ladder: levels met, the phase now or still open, targets, what it asks."""
    result = evaluation.assessment
    model = evaluation.model
    rows = []
    for number in range(6, 0, -1):
        row = [f"{number} · {escape_markdown(phase_name(model, number, lang))}"]
        for p in PILLARS:
            pillar = result.pillars[p]
            marks = []
            if number <= pillar.levels_met:
                marks.append("✓")
            if number == pillar.phase:
                marks.append(f"**{label(lang, 'report.now')}**")
            elif pillar.phase is None and \
                    pillar.phase_range.low <= number <= pillar.phase_range.high:
                marks.append(f"**{label(lang, 'report.maybe_now')}**")
            if number in evaluation.target_phases(p):
                marks.append(label(lang, "report.target_mark"))
            row.append(" ".join(marks))
        rows.append(row)
    header = [label(lang, "phase").capitalize()] + \
        [escape_markdown(pillar_name(model, p, lang)) for p in PILLARS]
    out = [f"## {label(lang, 'report.ladder')}", "", *markdown_table(header, rows, "lccc"), "",
           f"_{label(lang, 'report.ladder_legend')}_", ""]
    # The weakest pillar's open level is where the coalition works now: show what it asks.
    if result.phase is not None and any(p.levels_met < 6 for p in result.pillars.values()):
        phase = model.phase(result.phase)
        out += [label(lang, "report.markers", phase=result.phase,
                      name=escape_markdown(pick(phase.name, lang))), ""]
        out += [f"- {escape_markdown(pick(marker.text, lang))}" for marker in phase.markers] + [""]
    return out


def chart_section(evaluation: Evaluation, lang: str, chart: str) -> list[str]:
    """The radar chart (linked as ``chart``) with the tables of level and category scores."""
    result = evaluation.assessment
    model = evaluation.model
    alt = label(lang, "report.chart_title", coalition=result.coalition)
    out = [f"## {label(lang, 'report.chart')}", "",
           f"![{escape_markdown(alt)}]({quote(chart)})", "",
           escape_markdown(label(lang, "report.chart_note",
                        threshold=score_text(model.settings.threshold, lang))), ""]
    rows = []
    for p in PILLARS:
        pillar = result.pillars[p]
        rows.append([escape_markdown(pillar_name(model, p, lang)), range_text(pillar.phase_range),
                     *(level_text(pillar, level, lang) for level in pillar.levels),
                     pillar_score_text(pillar, lang)])
    out += markdown_table([label(lang, "pillar").capitalize(), label(lang, "phase").capitalize(),
                  *(str(number) for number in range(1, 7)), label(lang, "score").capitalize()],
                 rows, "lrrrrrrrr") + [""]
    out += [escape_markdown(label(lang, "report.level_note")), ""]
    gaps = [score_gap(result.pillars[p], model.settings.threshold, lang) for p in PILLARS]
    out += [f"- {escape_markdown(f'{pillar_name(model, p, lang)}: {gap}')}"
            for p, gap in zip(PILLARS, gaps, strict=True) if gap is not None]
    out += [""] if any(gaps) else []
    names = {c.id: pick(c.name, lang) for c in model.categories}
    rows = [[escape_markdown(names[c.id]), score_text(c.score, lang), f"{c.answered}/{c.counting}"]
            for c in category_scores(result, evaluation.questions, names)]
    out += markdown_table([label(lang, "report.category"), label(lang, "score").capitalize(),
                  label(lang, "report.answered")], rows, "lrr") + [""]
    return out


def explanation_section(evaluation: Evaluation, lang: str) -> list[str]:
    """Why each pillar is in its phase: one short paragraph per pillar."""
    out = [f"## {label(lang, 'explanation')}", ""]
    for p in PILLARS:
        lines = explanation(evaluation, evaluation.assessment.pillars[p], lang)
        out.append(f"- {escape_markdown(' '.join(lines))}")
    return out + [""]


def _instrument_line(model: Model, item: AdviceItem, instrument_id: str, lang: str) -> str:
    instrument = model.instrument(instrument_id)
    line = f"   - **{escape_markdown(pick(instrument.name, lang))}**"
    shown = dict(item.examples).get(instrument_id)
    if shown is not None:
        example, fact = example_fact(model, instrument_id, shown)
        line += (f" — {label(lang, 'report.example')} {escape_markdown(example.coalition)}: "
                 f"{escape_markdown(pick(fact.text, lang))}")
    return line


def _advice_item(evaluation: Evaluation, number: int, item: AdviceItem, lang: str,
                 step: int | None = None) -> list[str]:
    # A first step's text stands in the summary; here it points there, so that every
    # advice text is read once in the report.
    text = label(lang, "advice.first_step", number=step) if step is not None \
        else advice_text(item, lang)
    heading = f"{number}. **{escape_markdown(advice_heading(evaluation, item, lang))}**"
    # The backslash is a hard line break: the reason and what to do stay on their own lines.
    lines = [f"{heading}\\", f"   {escape_markdown(text)}"] if text else [heading]
    if item.instruments:
        lines.append("")
        lines += [_instrument_line(evaluation.model, item, i, lang) for i in item.instruments]
    return lines + [""]


def advice_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The advice per pillar, numbered, each with its instruments and a practice example.

    Advice for now and the next phase first; catalysts of a later phase under "Later".
    """
    steps = {id(step.item): number
             for number, step in enumerate(evaluation.next_steps, start=1)}
    out = [f"## {label(lang, 'advice')}", ""]
    for p in PILLARS:
        out += [f"### {escape_markdown(pillar_name(evaluation.model, p, lang))}", ""]
        items = evaluation.advice[p]
        if not items:
            out += [escape_markdown(label(lang, "report.no_advice")), ""]
        soon = [item for item in items if item.stage != "later"]
        for number, item in enumerate(soon, start=1):
            out += _advice_item(evaluation, number, item, lang, steps.get(id(item)))
        later = [item for item in items if item.stage == "later"]
        if later:
            out += [f"**{escape_markdown(label(lang, 'advice.later'))}**", "",
                    escape_markdown(label(lang, "advice.later_intro")), ""]
            for number, item in enumerate(later, start=len(soon) + 1):
                out += _advice_item(evaluation, number, item, lang)
    return out


def signal_rows(result: Assessment, model: Model, lang: str) -> list[list[str]]:
    """Table rows of the catalysts and inhibitors: kind, name, status."""
    names = signal_names(model, lang)
    return [[label(lang, f"kind.{signal.kind}"), escape_markdown(names[signal.id]),
             label(lang, f"status.{signal.status}")]
            for signal in (*result.catalysts, *result.inhibitors)]


def signals_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The catalysts and inhibitors as a table."""
    rows = signal_rows(evaluation.assessment, evaluation.model, lang)
    return [f"## {label(lang, 'report.signals')}", "",
            *markdown_table([label(lang, "report.kind"), label(lang, "report.name"),
                    label(lang, "report.status")], rows), ""]


def action_plan_section(evaluation: Evaluation, lang: str,
                        plan: Sequence[PlanRow] | None = None) -> list[str]:
    """The plan of actions towards the targets (the targets are in the summary's roadmap).

    ``plan`` is the coalition view's plan, which says who listed each action and which
    are carried over from the previous round; by default the answers file's own actions.
    """
    rows_of = [PlanRow(action, ()) for action in evaluation.answers.actions] \
        if plan is None else list(plan)
    if not rows_of:
        return []
    model = evaluation.model
    out = [f"## {label(lang, 'report.action_plan')}", ""]
    questions = evaluation.questions.by_id()
    instruments = {i.id: pick(i.name, lang) for i in model.instruments}
    rows = []
    for row in rows_of:
        action = row.action
        concerns = []
        if action.item is not None:
            question = questions.get(action.item)
            concerns.append(escape_markdown(pick(question.text, lang)) if question is not None
                            else f"`{action.item}`")
        if action.instrument is not None:
            concerns.append(escape_markdown(instruments.get(action.instrument,
                                                            action.instrument)))
        status = f"✓ {label(lang, 'report.done')}" if action.done else \
            label(lang, "report.open") if row.carried_from is None else \
            escape_markdown(label(lang, "view.carried", round=row.carried_from))
        cells = [escape_markdown(action.what), escape_markdown(action.owner) or "–",
                 action.due.isoformat() if action.due else "–", "; ".join(concerns) or "–"]
        if plan is not None:
            listed = [*row.by, *([label(lang, "view.agreed")] if row.agreed else [])]
            cells.append(escape_markdown(", ".join(listed)) or "–")
        rows.append([*cells, status])
    header = [label(lang, "report.action"), label(lang, "report.owner"),
              label(lang, "report.due"), label(lang, "report.concerns"),
              *([label(lang, "report.by")] if plan is not None else []),
              label(lang, "report.status")]
    out += markdown_table(header, rows) + [""]
    if any(row.carried_from is not None for row in rows_of):
        out += [f"_{escape_markdown(label(lang, 'view.carried_note'))}_", ""]
    return out


def warnings_section(evaluation: Evaluation, lang: str) -> list[str]:
    """The warnings of the result, if any."""
    warnings = evaluation.assessment.warnings
    if not warnings:
        return []
    return [f"## {label(lang, 'warnings')}", "",
            *(f"- {escape_markdown(warning_message(w, evaluation, lang))}" for w in warnings), ""]


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
            answer = escape_markdown(answer_label(question, item.value, lang))
            if item.status == "hidden":
                answer = label(lang, "report.not_asked") if item.value is None else \
                    f"{answer} ({label(lang, 'report.not_asked')})"
            elif item.value is None and not question.asks(result.respondent):
                answer = escape_markdown(label(lang, "report.not_for_respondent",
                                               audience=audience_text(question, lang)))
            rows.append([f"`{question.id}`", str(question.phase),
                         escape_markdown(pick(question.text, lang)), answer,
                         escape_markdown(answers.notes.get(question.id, ""))])
        out += [f"### {escape_markdown(pillar_name(evaluation.model, p, lang))}", ""]
        out += markdown_table(header, rows, "lrlll") + [""]
    known = evaluation.questions.by_id()
    other = [[f"`{key}`", escape_markdown(note)] for key, note in answers.notes.items()
             if key not in known]
    if other:
        out += [f"### {label(lang, 'report.other_notes')}", ""]
        out += markdown_table(["id", label(lang, "report.note")], other) + [""]
    return out


def render_report_markdown(evaluation: Evaluation, lang: str, chart: str = "radar.svg", *,
                  appendix: bool = True) -> str:
    """The whole advice report; ``chart`` is the file name the radar chart is linked as.

    Without ``appendix`` the report ends before the appendix of every answer and note.
    """
    out = _header(evaluation, lang)
    out += summary_section(evaluation, lang)
    out += ladder_section(evaluation, lang)
    out += chart_section(evaluation, lang, chart)
    out += explanation_section(evaluation, lang)
    out += advice_section(evaluation, lang)
    out += signals_section(evaluation, lang)
    out += action_plan_section(evaluation, lang)
    out += warnings_section(evaluation, lang)
    out += _appendix(evaluation, lang) if appendix else \
        [f"_{label(lang, 'report.appendix_left_out')}_"]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


NOTE_IN_AGENDA = 300
"""Longest note shown beside an answer in the discussion agenda; the appendix has it whole."""


def render_coalition_markdown(view: CoalitionView, evaluation: Evaluation, lang: str,
                              chart: str = "radar.svg", *,
                              topics: int | None = TOPIC_LIMIT, appendix: bool = True) -> str:
    """The coalition view as a markdown report.

    Everything the report of one answers file has, for the combined result, and the
    partners side by side. ``chart`` is the file name the radar chart is linked as;
    ``topics`` caps the agenda (``None``: every topic); without ``appendix`` the report
    ends before the appendix of every partner's answers and notes.
    """
    questions, model = evaluation.questions, evaluation.model
    out = _coalition_header(view, evaluation, lang)
    out += summary_section(evaluation, lang)
    out += _by_respondent(view, model, lang)
    out += _combined(view, model, lang)
    out += ladder_section(evaluation, lang)
    out += chart_section(evaluation, lang, chart)
    out += explanation_section(evaluation, lang)
    out += _agenda(view, questions, model, lang, topics)
    out += advice_section(evaluation, lang)
    out += action_plan_section(evaluation, lang, view.plan)
    out += warnings_section(evaluation, lang)
    out += _coalition_appendix(view, questions, model, lang) if appendix else \
        [f"_{label(lang, 'report.appendix_left_out')}_"]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def round_texts(view: CoalitionView, lang: str) -> tuple[str, str, str | None]:
    """The round of a coalition view in words: its name, the files combined, those left out.

    The files left out each say why (``None`` when none was left out). An anonymised view
    names no file: file names often hold the organisation.
    """
    info = view.round_info
    if info is None:
        return view.round, "", None
    dates = dates_label(info.first, info.last)
    name = label(lang, "view.round_named", round=info.label, dates=dates) if info.named \
        else label(lang, "view.round_by_date", dates=dates)
    if view.anonymise:
        taken = plural(lang, "view.file_count", len(info.files))
        left = "; ".join(f"{plural(lang, 'view.file_count', count)} "
                         f"({label(lang, f'view.left_out.{reason}', round=round_label)})"
                         for (reason, round_label), count in _counted(info)) or None
        return name, taken, left
    taken = "; ".join(f"{f.file} ({label(lang, 'view.agreed') if f.agreed else f.label})"
                      for f in info.files)
    left = "; ".join(f"{f.file} ({label(lang, f'view.left_out.{f.reason}', round=f.round)})"
                     for f in info.left_out) or None
    return name, taken, left


def _counted(info: RoundInfo) -> list[tuple[tuple[str, str], int]]:
    counts: dict[tuple[str, str], int] = {}
    for left in info.left_out:
        counts[(left.reason, left.round)] = counts.get((left.reason, left.round), 0) + 1
    return list(counts.items())


def _coalition_header(view: CoalitionView, evaluation: Evaluation, lang: str) -> list[str]:
    result = view.combined
    model = evaluation.model
    name, taken, left = round_texts(view, lang)
    first = min(r.answers.date for r in view.respondents)
    out = [f"# {label(lang, 'view.title')}: {escape_markdown(view.coalition)}", "",
           f"- **{label(lang, 'coalition')}:** {escape_markdown(view.coalition)}"]
    if name:
        out.append(f"- **{label(lang, 'report.round')}:** {escape_markdown(name)}")
    out.append(f"- **{label(lang, 'view.respondents')}:** {len(view.respondents)}")
    out.append(f"- **{label(lang, 'date')}:** {dates_label(first, view.date)}")
    out.append(f"- **{label(lang, 'question_set')}:** {escape_markdown(result.question_set.id)} "
               f"{escape_markdown(result.question_set.version)}")
    out.append(f"- **{label(lang, 'report.model')}:** {escape_markdown(model.settings.id)} "
               f"{escape_markdown(model.settings.version)}")
    if taken:
        out.append(f"- **{label(lang, 'view.files')}:** {escape_markdown(taken)}")
    if left:
        out.append(f"- **{label(lang, 'view.left_out')}:** {escape_markdown(left)}")
    return out + [""]


def _by_respondent(view: CoalitionView, model: Model, lang: str) -> list[str]:
    out = [f"## {label(lang, 'view.by_respondent')}", ""]
    rows = [[escape_markdown(r.label), r.answers.date.isoformat(),
             *(range_text(r.assessment.pillars[p].phase_range) for p in PILLARS),
             range_text(r.assessment.phase_range)]
            for r in view.respondents]
    if view.agreed is not None:
        agreed = view.agreed
        rows.append([f"**{label(lang, 'view.agreed')}**", agreed.answers.date.isoformat(),
                     *(f"**{range_text(agreed.assessment.pillars[p].phase_range)}**"
                       for p in PILLARS),
                     f"**{range_text(agreed.assessment.phase_range)}**"])
    header = [label(lang, "respondent"), label(lang, "date"),
              *(escape_markdown(pillar_name(model, p, lang)) for p in PILLARS),
              label(lang, "view.overall").capitalize()]
    return out + markdown_table(header, rows) + [""]


def _combined(view: CoalitionView, model: Model, lang: str) -> list[str]:
    result = view.combined
    rule = escape_markdown(label(lang, "view.combined_rule") if view.agreed is None else
                           label(lang, "view.agreed_rule",
                                 date=view.agreed.answers.date.isoformat()))
    out = [f"## {label(lang, 'view.combined')}", "", f"_{rule}_", ""]
    phase = escape_markdown(overall_phase_text(model, result.phase_range, lang))
    lowest = label(lang, "view.lowest_phase", phase=phase_text(view.lowest_phase, lang))
    out += [f"**{phase}** ({escape_markdown(lowest)})", ""]
    rows = [[escape_markdown(pillar_name(model, p, lang)),
             range_text(result.pillars[p].phase_range),
             phase_text(view.lowest[p], lang), pillar_score_text(result.pillars[p], lang)]
            for p in PILLARS]
    out += markdown_table([label(lang, "pillar").capitalize(), label(lang, "phase").capitalize(),
                           label(lang, "view.lowest").capitalize(),
                           label(lang, "score").capitalize()], rows) + [""]
    out += [f"_{escape_markdown(label(lang, 'view.signal_rule'))}_", ""]
    out += markdown_table([label(lang, "report.kind"), label(lang, "report.name"),
                           label(lang, "report.status")],
                          signal_rows(result, model, lang)) + [""]
    return out


def _given(question: Question, value: AnswerValue, note: str | None, lang: str,
           limit: int | None = None, remark: str = "") -> str:
    """An answer with the note beside it: "ja — Elke maand ..." (escaped).

    ``remark`` stands between the answer and the note, in brackets.
    """
    text = escape_markdown(answer_label(question, value, lang))
    if remark:
        text += f" ({escape_markdown(remark)})"
    if note:
        shown = " ".join(note.split())
        if limit is not None and len(shown) > limit:
            shown = shown[:limit].rstrip() + label(lang, "view.note_cut")
        text += f" — {escape_markdown(shown)}"
    return text


def _agenda(view: CoalitionView, questions: QuestionSet, model: Model, lang: str,
            topics: int | None) -> list[str]:
    """The discussion topics, each with every partner's answer and the note beside it."""
    by_id = questions.by_id()
    minimum = score_text(DIVERGENCE_MINIMUM, lang)
    out = [f"## {label(lang, 'view.discussion')}", ""]
    if not view.divergence:
        return out + [escape_markdown(label(lang, "view.no_discussion", minimum=minimum)), ""]
    out += [escape_markdown(label(lang, "view.discussion_intro", minimum=minimum)), ""]
    notes = {r.label: r.notes for r in view.respondents}
    agenda = view.divergence if topics is None else view.divergence[:topics]
    for number, topic in enumerate(agenda, start=1):
        question = by_id[topic.question]
        # The backslash is a hard line break: the question, then why it is on the agenda.
        out += [f"{number}. `{topic.question}` **{escape_markdown(pick(question.text, lang))}**"
                "\\",
                f"   {escape_markdown(pillar_name(model, topic.pillar, lang))} · "
                f"{escape_markdown(topic_reason(topic, question, lang))}", ""]
        for who, value, _ in topic.answers:
            note = notes.get(who, {}).get(topic.question)
            out.append(f"   - {escape_markdown(who)}: "
                       f"{_given(question, value, note, lang, NOTE_IN_AGENDA)}")
        out.append("")
    if len(agenda) < len(view.divergence):
        out += [escape_markdown(label(lang, "view.topics_shown", shown=len(agenda),
                                      count=len(view.divergence))), ""]
    return out


def _coalition_appendix(view: CoalitionView, questions: QuestionSet, model: Model,
                        lang: str) -> list[str]:
    """Every question: the combined (or agreed) answer, and each partner's answer and note."""
    combined = view.combined_answers
    out = [f"## {label(lang, 'report.appendix')}", "",
           escape_markdown(label(lang, "view.appendix_intro")), ""]
    for p in PILLARS:
        out += [f"### {escape_markdown(pillar_name(model, p, lang))}", ""]
        for question in questions.questions:
            if question.pillar != p:
                continue
            out += [f"**`{question.id}`** · {label(lang, 'phase')} {question.phase} · "
                    f"{escape_markdown(pick(question.text, lang))}", ""]
            together = combined.answers.get(question.id)
            # The agreed file's note is the coalition's own; a combined file's notes repeat
            # the partners' notes, which follow below.
            agreed_note = combined.notes.get(question.id) if view.agreed is not None else None
            # The answers that count in the combination (none marked when an agreed file
            # stands instead).
            beyond = [view.agreed is None and not counts(
                question, r.answers.respondent, len(view.respondents)) for r in view.respondents]
            shown = label(lang, "report.open") if together is None else \
                _given(question, together, agreed_note, lang)
            if together is None and all(beyond):
                shown += f" ({escape_markdown(nobody_asked_text(question, lang))})"
            out.append(f"- *{label(lang, 'view.together')}:* {shown}")
            for respondent, not_counted in zip(view.respondents, beyond, strict=True):
                value = respondent.values.get(question.id)
                note = respondent.notes.get(question.id)
                if value is None:
                    hidden = respondent.assessment.items[question.id].status == "hidden"
                    shown = label(lang, "report.not_asked" if hidden else "report.open")
                    if note:
                        shown += f" — {escape_markdown(' '.join(note.split()))}"
                else:
                    remark = label(lang, "view.not_counted",
                                   who=audience_who(question, lang) or "") if not_counted else ""
                    shown = _given(question, value, note, lang, remark=remark)
                out.append(f"- {escape_markdown(respondent.label)}: {shown}")
            out.append("")
    return out
