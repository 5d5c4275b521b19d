"""The coalition view (several respondents of one coalition) as markdown and JSON."""

from __future__ import annotations

from typing import Any

from stimulering.advice import advise
from stimulering.coalition import DIVERGENCE_MINIMUM, TOPIC_LIMIT, CoalitionView
from stimulering.i18n import label, pick
from stimulering.model import PILLARS, Model, QuestionSet
from stimulering.report.common import (
    answer_label,
    overall_phase_text,
    phase_text,
    pillar_name,
    pillar_score_text,
    score_text,
    topic_reason,
)
from stimulering.report.json import (
    assessment_data,
    dumps,
    pillar_summary,
    rounded,
    undetermined_summary,
)
from stimulering.report.markdown import (
    advice_section,
    escape,
    next_steps_section,
    own_words_section,
    signal_rows,
    table,
    warnings_section,
)
from stimulering.results import Evaluation


def combined_evaluation(view: CoalitionView, questions: QuestionSet, model: Model) -> Evaluation:
    """The combined result as an evaluation, so the single-assessment renderers can read it."""
    return Evaluation(view.combined_answers, view.combined,
                      advise(view.combined, questions, model), questions, model)


def coalition_data(view: CoalitionView, questions: QuestionSet, model: Model,
                   lang: str) -> dict[str, Any]:
    """The coalition view as plain data: the combined assessment plus respondents and topics.

    JSON lists every discussion topic, in agenda order; the markdown agenda shows the first.
    """
    by_id = questions.by_id()
    data = assessment_data(combined_evaluation(view, questions, model), lang)
    data["round"] = view.round
    data["agreed"] = None if view.agreed is None else {
        "date": view.agreed.answers.date.isoformat(), "phase": view.agreed.assessment.phase}
    data["combined_rule"] = label(lang, "view.combined_rule") if view.agreed is None else \
        label(lang, "view.agreed_rule", date=view.agreed.answers.date.isoformat())
    data["signal_rule"] = label(lang, "view.signal_rule")
    data["lowest"] = {"phase": view.lowest_phase, "pillars": dict(view.lowest)}
    data["respondents"] = [
        {
            "organisation": None if view.anonymous else r.answers.respondent.organisation,
            "label": r.label,
            "role": r.answers.respondent.role,
            "level": r.answers.respondent.level,
            "date": r.answers.date.isoformat(),
            "phase": r.assessment.phase,
            "undetermined": undetermined_summary(r.assessment),
            "pillars": pillar_summary(r.assessment.pillars),
        }
        for r in view.respondents
    ]
    data["divergence"] = [
        {"question": d.question, "pillar": d.pillar, "spread": rounded(d.spread),
         "steps": d.steps, "weight": d.weight, "gate": d.gate,
         "why": topic_reason(d, by_id[d.question], lang),
         "answers": {who: value for who, value, _ in d.answers},
         "scores": {who: rounded(score) for who, _, score in d.answers}}
        for d in view.divergence
    ]
    return data


def render_coalition_json(view: CoalitionView, questions: QuestionSet, model: Model,
                          lang: str) -> str:
    """The coalition view as JSON."""
    return dumps(coalition_data(view, questions, model, lang))


def render_coalition_markdown(view: CoalitionView, questions: QuestionSet, model: Model,
                              lang: str, *, topics: int | None = TOPIC_LIMIT) -> str:
    """The coalition view as a markdown report; ``topics`` caps the agenda (``None``: all)."""
    evaluation = combined_evaluation(view, questions, model)
    result = view.combined
    by_id = questions.by_id()
    pillar_header = [escape(pillar_name(model, p, lang)) for p in PILLARS]
    out = [f"# {label(lang, 'view.title')}: {escape(view.coalition)}", ""]
    out += table(["", ""], [
        [label(lang, "coalition"), escape(view.coalition)],
        [label(lang, "date"), view.date.isoformat()],
        *([[label(lang, "report.round"), escape(view.round)]] if view.round else []),
        [label(lang, "view.respondents"), str(len(view.respondents))],
        [label(lang, "question_set"),
         f"{escape(result.question_set.id)} {escape(result.question_set.version)}"],
    ]) + [""]
    out += [f"## {label(lang, 'report.summary')}", "",
            f"**{label(lang, 'overall_phase')}: "
            f"{escape(overall_phase_text(model, result.phase, lang))}**", "",
            *next_steps_section(evaluation, lang), *own_words_section(evaluation, lang)]

    out += [f"## {label(lang, 'view.by_respondent')}", ""]
    rows = [[escape(r.label), r.answers.date.isoformat(),
             *(phase_text(r.assessment.pillars[p].phase, lang) for p in PILLARS),
             phase_text(r.assessment.phase, lang)]
            for r in view.respondents]
    if view.agreed is not None:
        agreed = view.agreed
        rows.append([f"**{label(lang, 'view.agreed')}**", agreed.answers.date.isoformat(),
                     *(f"**{phase_text(agreed.assessment.pillars[p].phase, lang)}**"
                       for p in PILLARS),
                     f"**{phase_text(agreed.assessment.phase, lang)}**"])
    out += table([label(lang, "respondent"), label(lang, "date"), *pillar_header,
                  label(lang, "view.overall").capitalize()], rows) + [""]

    rule = escape(label(lang, "view.combined_rule") if view.agreed is None else
                  label(lang, "view.agreed_rule", date=view.agreed.answers.date.isoformat()))
    out += [f"## {label(lang, 'view.combined')}", "", f"_{rule}_", ""]
    phase = escape(overall_phase_text(model, result.phase, lang))
    lowest = label(lang, "view.lowest_phase", phase=phase_text(view.lowest_phase, lang))
    out += [f"**{phase}** ({escape(lowest)})", ""]
    rows = [[escape(pillar_name(model, p, lang)), phase_text(result.pillars[p].phase, lang),
             phase_text(view.lowest[p], lang), pillar_score_text(result.pillars[p], lang)]
            for p in PILLARS]
    out += table([label(lang, "pillar").capitalize(), label(lang, "phase").capitalize(),
                  label(lang, "view.lowest").capitalize(), label(lang, "score").capitalize()],
                 rows) + [""]
    out += [f"_{escape(label(lang, 'view.signal_rule'))}_", ""]
    out += table(["", "", ""], signal_rows(result, model, lang)) + [""]

    minimum = score_text(DIVERGENCE_MINIMUM, lang)
    out += [f"## {label(lang, 'view.discussion')}", ""]
    if view.divergence:
        out += [escape(label(lang, "view.discussion_intro", minimum=minimum)), ""]
        agenda = view.divergence if topics is None else view.divergence[:topics]
        rows = []
        for d in agenda:
            question = by_id[d.question]
            given = "; ".join(f"{escape(who)}: {escape(answer_label(question, value, lang))}"
                              for who, value, _ in d.answers)
            rows.append([f"`{d.question}`", escape(pick(question.text, lang)),
                         escape(pillar_name(model, d.pillar, lang)),
                         escape(topic_reason(d, question, lang)), given])
        out += table([label(lang, "view.question").capitalize(), "",
                      label(lang, "pillar").capitalize(), label(lang, "view.why").capitalize(),
                      label(lang, "view.answers").capitalize()], rows) + [""]
        if len(agenda) < len(view.divergence):
            out += [escape(label(lang, "view.topics_shown", shown=len(agenda),
                                 count=len(view.divergence))), ""]
    else:
        out += [escape(label(lang, "view.no_discussion", minimum=minimum)), ""]

    out += advice_section(evaluation, lang)
    out += warnings_section(evaluation, lang)
    return "\n".join(out)
