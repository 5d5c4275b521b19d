"""The output formats of the commands, and which renderer makes each one.

Every command with ``--format`` names its choices here as an enum; one function per
command picks the renderer with a ``match`` that handles every member, so a new
format without its renderer is a type error (``assert_never``), not a silent
fallback. The result says what was made (text, a binary document, a report with its
chart); the command line decides where it goes.

The command line needs the enums to build its options before any command runs, so
this module imports nothing heavy: each renderer is imported in its case, so a
command loads only the renderer its format needs.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from stimulering.core.catalogue import CatalogueView
    from stimulering.core.coalition import CoalitionView
    from stimulering.core.comparison import CoalitionRow
    from stimulering.core.diffing import QuestionSetDiff
    from stimulering.core.progress import Progress
    from stimulering.core.results import Evaluation
    from stimulering.core.status import Status
    from stimulering.model import Model, QuestionSet


def assert_never(value: NoReturn) -> NoReturn:
    """Fail on a value the type checker has proved cannot occur (``typing.assert_never``)."""
    raise AssertionError(f"unhandled value: {value!r}")


# --- the formats of each command ---------------------------------------------------------------


class AssessFormat(str, enum.Enum):
    """Output formats of ``assess``."""

    text = "text"
    json = "json"
    markdown = "markdown"


class ListFormat(str, enum.Enum):
    """Output formats of ``questions``."""

    table = "table"
    json = "json"


class TemplateFormat(str, enum.Enum):
    """Output formats of ``template``."""

    yaml = "yaml"
    xlsx = "xlsx"


class TemplateKind(str, enum.Enum):
    """What ``template`` makes."""

    answers = "answers"
    expected = "expected"


class CatalogueFormat(str, enum.Enum):
    """Output formats of ``catalogue``."""

    table = "table"
    json = "json"
    markdown = "markdown"


class ReportFormat(str, enum.Enum):
    """Output formats of ``report``."""

    markdown = "markdown"
    html = "html"
    json = "json"
    docx = "docx"
    pdf = "pdf"
    xlsx = "xlsx"


class ProgressFormat(str, enum.Enum):
    """Output formats of ``progress``."""

    table = "table"
    markdown = "markdown"
    json = "json"


class CompareFormat(str, enum.Enum):
    """Output formats of ``compare``."""

    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class StatusFormat(str, enum.Enum):
    """Output formats of ``status``."""

    text = "text"
    markdown = "markdown"
    json = "json"


class DiffFormat(str, enum.Enum):
    """Output formats of ``diff``."""

    text = "text"
    markdown = "markdown"
    json = "json"


# --- what a renderer made ----------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Text, for stdout or a file."""

    text: str
    """The whole output."""


@dataclass(frozen=True)
class Document:
    """A binary file (xlsx, docx, pdf): written to a file or a pipe, never to a terminal."""

    data: bytes
    """The file's bytes."""
    kind: str
    """The format's name, as ``--format`` gives it; also the file name's usual suffix."""


@dataclass(frozen=True)
class Report:
    """A markdown report: written to a file, its radar chart goes beside it."""

    markdown: str
    """The report, which links to the chart by name."""
    chart: Callable[[], str]
    """Draws the chart's SVG; called only when the report is written to a file."""


Rendered = Text | Document | Report
"""What a command's output is, before the command line writes it."""


# --- one function per command ------------------------------------------------------------------
# Each case imports its renderer, so that a command loads only the renderer it uses.


def render_assessment(fmt: AssessFormat, evaluation: Evaluation, lang: str, *, color: bool,
                      chart_name: str) -> Rendered:
    """The result of ``assess`` in ``fmt``; ``chart_name`` is the chart a markdown report links."""
    match fmt:
        case AssessFormat.text:
            from stimulering.report.text import render_assessment_text

            return Text(render_assessment_text(evaluation, lang, color=color))
        case AssessFormat.json:
            from stimulering.report.json import render_assessment_json

            return Text(render_assessment_json(evaluation, lang))
        case AssessFormat.markdown:
            return _markdown_report(evaluation, lang, chart_name, appendix=True)
        case _:
            assert_never(fmt)


def render_report(fmt: ReportFormat, evaluation: Evaluation, lang: str, *, chart_name: str,
                  appendix: bool) -> Rendered:
    """The advice report of one answers file in ``fmt``."""
    match fmt:
        case ReportFormat.markdown:
            return _markdown_report(evaluation, lang, chart_name, appendix=appendix)
        case ReportFormat.html:
            from stimulering.report.html import render_html
            from stimulering.report.markdown import render_report_markdown
            from stimulering.report.svg import report_svg

            markdown = render_report_markdown(evaluation, lang, chart_name, appendix=appendix)
            return Text(render_html(markdown, report_svg(evaluation, lang),
                                    _title(lang, evaluation.assessment.coalition), lang))
        case ReportFormat.json:
            from stimulering.report.json import render_assessment_json

            return Text(render_assessment_json(evaluation, lang))
        case ReportFormat.docx | ReportFormat.pdf:
            from stimulering.report.markdown import render_report_markdown
            from stimulering.report.office import render_office_document
            from stimulering.report.svg import report_figure

            markdown = render_report_markdown(evaluation, lang, "radar.png", appendix=appendix)
            return Document(render_office_document(
                markdown, lang, fmt.value, title=_title(lang, evaluation.assessment.coalition),
                when=evaluation.assessment.date, figure=report_figure(evaluation, lang)),
                fmt.value)
        case ReportFormat.xlsx:
            from stimulering.report.xlsx import plan_workbook

            return Document(plan_workbook(evaluation, lang), fmt.value)
        case _:
            assert_never(fmt)


def render_coalition(fmt: ReportFormat, view: CoalitionView, questions: QuestionSet,
                     model: Model, lang: str, *, all_topics: bool, chart_name: str,
                     appendix: bool) -> Rendered:
    """The coalition view of several answers files in ``fmt``.

    Every format of the report of one answers file, made by the same renderers from the
    combined result.
    """
    from stimulering.core.coalition import TOPIC_LIMIT, combined_evaluation

    evaluation = combined_evaluation(view, questions, model)
    topics = None if all_topics else TOPIC_LIMIT
    match fmt:
        case ReportFormat.json:
            from stimulering.report.json import render_coalition_json

            return Text(render_coalition_json(view, evaluation, lang))
        case ReportFormat.markdown:
            from stimulering.report.markdown import render_coalition_markdown
            from stimulering.report.svg import report_svg

            return Report(render_coalition_markdown(view, evaluation, lang, chart_name,
                                                    topics=topics, appendix=appendix),
                          partial(report_svg, evaluation, lang))
        case ReportFormat.html:
            from stimulering.report.html import render_html
            from stimulering.report.markdown import render_coalition_markdown
            from stimulering.report.svg import report_svg

            markdown = render_coalition_markdown(view, evaluation, lang, chart_name,
                                                 topics=topics, appendix=appendix)
            return Text(render_html(markdown, report_svg(evaluation, lang),
                                    _coalition_title(lang, view.coalition), lang))
        case ReportFormat.docx | ReportFormat.pdf:
            from stimulering.report.markdown import render_coalition_markdown
            from stimulering.report.office import render_office_document
            from stimulering.report.svg import report_figure

            markdown = render_coalition_markdown(view, evaluation, lang, "radar.png",
                                                 topics=topics, appendix=appendix)
            return Document(render_office_document(
                markdown, lang, fmt.value, title=_coalition_title(lang, view.coalition),
                when=view.date, figure=report_figure(evaluation, lang)), fmt.value)
        case ReportFormat.xlsx:
            from stimulering.report.xlsx import plan_workbook

            return Document(plan_workbook(evaluation, lang, view.plan), fmt.value)
        case _:
            assert_never(fmt)


def render_questions(fmt: ListFormat, questions: QuestionSet, sha256: str, lang: str, *,
                     color: bool) -> Rendered:
    """The list of ``questions`` in ``fmt``."""
    match fmt:
        case ListFormat.table:
            from stimulering.report.listing import render_question_table

            return Text(render_question_table(questions, lang, color=color))
        case ListFormat.json:
            from stimulering.report.json import render_questions_json

            return Text(render_questions_json(questions, sha256, lang))
        case _:
            assert_never(fmt)


def render_template(fmt: TemplateFormat, questions: QuestionSet, model: Model, sha256: str,
                    lang: str, today: dt.date, *, round_name: str | None = None,
                    role: str | None = None, level: str | None = None) -> Rendered:
    """A blank answers file (yaml) or answers workbook (xlsx), made ``today``.

    ``round_name`` names the round the file belongs to, when the coordinator gave one;
    ``role`` and ``level`` make it for one role or level (only the questions for them).
    """
    match fmt:
        case TemplateFormat.yaml:
            from stimulering.report.template import render_template_yaml

            return Text(render_template_yaml(questions, sha256, lang, today,
                                             round_name=round_name, role=role, level=level))
        case TemplateFormat.xlsx:
            from stimulering.report.common import pillar_name
            from stimulering.report.workbook_template import render_template_workbook

            names = {p.id: pillar_name(model, p.id, lang) for p in model.pillars}
            return Document(render_template_workbook(questions, sha256, lang, today, names,
                                                     round_name=round_name, role=role,
                                                     level=level), fmt.value)
        case _:
            assert_never(fmt)


def render_catalogue(fmt: CatalogueFormat, view: CatalogueView, model: Model, lang: str, *,
                     color: bool) -> Rendered:
    """The chosen instruments and practice examples in ``fmt``."""
    match fmt:
        case CatalogueFormat.table:
            from stimulering.report.listing import render_catalogue_table

            return Text(render_catalogue_table(view, model, lang, color=color))
        case CatalogueFormat.json:
            from stimulering.report.catalogue import render_catalogue_json

            return Text(render_catalogue_json(view, model, lang))
        case CatalogueFormat.markdown:
            from stimulering.report.catalogue import render_catalogue_markdown

            return Text(render_catalogue_markdown(view, model, lang))
        case _:
            assert_never(fmt)


def render_progress(fmt: ProgressFormat, result: Progress, questions: QuestionSet, model: Model,
                    lang: str, *, color: bool) -> Rendered:
    """One coalition over time in ``fmt``."""
    match fmt:
        case ProgressFormat.table:
            from stimulering.report.progress import render_progress_table

            return Text(render_progress_table(result, questions, model, lang, color=color))
        case ProgressFormat.markdown:
            from stimulering.report.progress import render_progress_markdown

            return Text(render_progress_markdown(result, questions, model, lang))
        case ProgressFormat.json:
            from stimulering.report.progress import render_progress_json

            return Text(render_progress_json(result, lang))
        case _:
            assert_never(fmt)


def render_compare(fmt: CompareFormat, rows: Sequence[CoalitionRow], model: Model, lang: str, *,
                   anonymise: bool, color: bool) -> Rendered:
    """Coalitions side by side in ``fmt``."""
    match fmt:
        case CompareFormat.table:
            from stimulering.report.compare import render_compare_table

            return Text(render_compare_table(rows, model, lang, anonymise=anonymise,
                                             color=color))
        case CompareFormat.markdown:
            from stimulering.report.compare import render_compare_markdown

            return Text(render_compare_markdown(rows, model, lang, anonymise=anonymise))
        case CompareFormat.json:
            from stimulering.report.compare import render_compare_json

            return Text(render_compare_json(rows, anonymise=anonymise))
        case CompareFormat.csv:
            from stimulering.report.compare import render_compare_csv

            return Text(render_compare_csv(rows, anonymise=anonymise))
        case CompareFormat.xlsx:
            from stimulering.report.xlsx import compare_workbook

            return Document(compare_workbook(rows, model, lang, anonymise=anonymise), fmt.value)
        case _:
            assert_never(fmt)


def render_status(fmt: StatusFormat, result: Status, lang: str, *, color: bool) -> Rendered:
    """Who has answered in ``fmt``."""
    match fmt:
        case StatusFormat.text:
            from stimulering.report.status import render_status_text

            return Text(render_status_text(result, lang, color=color))
        case StatusFormat.markdown:
            from stimulering.report.status import render_status_markdown

            return Text(render_status_markdown(result, lang))
        case StatusFormat.json:
            from stimulering.report.status import render_status_json

            return Text(render_status_json(result, lang))
        case _:
            assert_never(fmt)


def render_diff(fmt: DiffFormat, changes: QuestionSetDiff, lang: str) -> Rendered:
    """What changed between two question sets, in ``fmt``."""
    match fmt:
        case DiffFormat.text:
            from stimulering.report.diff import render_diff_text

            return Text(render_diff_text(changes, lang))
        case DiffFormat.markdown:
            from stimulering.report.diff import render_diff_markdown

            return Text(render_diff_markdown(changes, lang))
        case DiffFormat.json:
            from stimulering.report.diff import render_diff_json

            return Text(render_diff_json(changes))
        case _:
            assert_never(fmt)


# --- shared by several formats -----------------------------------------------------------------


def _markdown_report(evaluation: Evaluation, lang: str, chart_name: str, *,
                     appendix: bool) -> Report:
    from stimulering.report.markdown import render_report_markdown
    from stimulering.report.svg import report_svg

    return Report(render_report_markdown(evaluation, lang, chart_name, appendix=appendix),
                  partial(report_svg, evaluation, lang))


def _title(lang: str, coalition: str) -> str:
    """A report's title: the report's name and the coalition."""
    from stimulering.i18n import label

    return f"{label(lang, 'report.title')}: {coalition}"


def _coalition_title(lang: str, coalition: str) -> str:
    """The coalition report's title: the view's name and the coalition."""
    from stimulering.i18n import label

    return f"{label(lang, 'view.title')}: {coalition}"
