"""The content as lists and blank forms: ``questions``, ``catalogue``, ``template``, ``form``."""

from typing import Annotated

import typer

from stimulering.cli import environment
from stimulering.cli.app import (
    ForceOption,
    LangOption,
    ModelOption,
    OutputOption,
    QuestionsOption,
    RoundOption,
)
from stimulering.cli.common import emit, load_engine, round_name, usage, write
from stimulering.report.formats import (
    CatalogueFormat,
    ListFormat,
    TemplateFormat,
    TemplateKind,
    render_catalogue,
    render_questions,
    render_template,
)


def list_questions(
    ctx: typer.Context,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", help="table or json.")] = ListFormat.table,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """List the questions of the question set."""
    around = environment.of(ctx)
    engine = load_engine(questions, model, lang)
    write(render_questions(output_format, engine.questions, engine.sha256, lang,
                           color=around.color), None, force=True, around=around)


def template(
    ctx: typer.Context,
    output: OutputOption = None,
    output_format: Annotated[TemplateFormat, typer.Option(
        "--format", help="yaml (an answers file) or xlsx (a workbook for partners).")
    ] = TemplateFormat.yaml,
    force: ForceOption = False,
    round_label: RoundOption = None,
    kind: Annotated[TemplateKind, typer.Option(
        "--kind", help="answers (a blank answers file) or expected (a list of the respondents "
                       "expected in a round, for 'stimulering status --expected').")
    ] = TemplateKind.answers,
    role: Annotated[str | None, typer.Option(
        "--role", help="Only the questions for this role (gemeente, netbeheerder, "
                       "drinkwaterbedrijf, waterschap, warmte, telecom or overig), filled in.")
    ] = None,
    level: Annotated[str | None, typer.Option(
        "--level", help="Only the questions for this level (strategisch, tactisch or "
                        "operationeel), filled in.")] = None,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """Print a blank answers file with every question id and its allowed values."""
    around = environment.of(ctx)
    import datetime as dt

    from stimulering.model import LEVELS, PARTNER_ROLES

    if kind is TemplateKind.expected:
        from stimulering.report.template import render_expected_template

        if output_format is not TemplateFormat.yaml or role or level:
            usage("--kind expected writes a YAML file; it takes --round, not --format xlsx, "
                  "--role or --level")
        emit(render_expected_template(lang, round_name=round_name(round_label)), output,
             force=force)
        return
    if role is not None and role not in PARTNER_ROLES:
        usage(f"--role {role}: expected one of {', '.join(PARTNER_ROLES)}")
    if level is not None and level not in LEVELS:
        usage(f"--level {level}: expected one of {', '.join(LEVELS)}")
    name = round_name(round_label)
    engine = load_engine(questions, model, lang)
    write(render_template(output_format, engine.questions, engine.model, engine.sha256, lang,
                          dt.date.today(), round_name=name, role=role, level=level),
          output, force=force, around=around)


def form(
    output: OutputOption = None,
    force: ForceOption = False,
    coalition: Annotated[str | None, typer.Option(
        "--coalition", help="Fill in the name of the coalition for every partner.")] = None,
    round_label: RoundOption = None,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """Write the questionnaire as one HTML file that partners fill in offline in a browser."""
    from stimulering.form import render_form

    if coalition is not None and not " ".join(coalition.split()):
        usage("--coalition: must not be empty")
    if coalition is not None:
        from stimulering.errors import StimuleringError
        from stimulering.model import name_problem

        problem = name_problem(coalition)
        if problem is not None:
            raise StimuleringError(f"--coalition: {problem}")
    name = round_name(round_label)
    engine = load_engine(questions, model, lang)
    emit(render_form(engine.questions, engine.model, engine.sha256, lang,
                     coalition and " ".join(coalition.split()), name), output, force=force)


def catalogue(
    ctx: typer.Context,
    phase: Annotated[int | None, typer.Option(
        "--phase", min=1, max=6, help="Only instruments for this phase (1-6).")] = None,
    pillar: Annotated[str | None, typer.Option(
        "--pillar", help="Only instruments of this pillar: people, governance, information.")
    ] = None,
    category: Annotated[str | None, typer.Option(
        "--category", help="Only instruments of this category (e.g. finances).")] = None,
    search: Annotated[str | None, typer.Option(
        "--search", help="Only instruments whose text or examples contain this text.")] = None,
    output_format: Annotated[CatalogueFormat, typer.Option(
        "--format", help="table, json or markdown.")] = CatalogueFormat.table,
    questions: QuestionsOption = None,
    model: ModelOption = None,
    lang: LangOption = "nl",
) -> None:
    """Browse the instruments and practice examples, filtered by phase, pillar, category, text."""
    around = environment.of(ctx)
    from stimulering.core.catalogue import CatalogueFilter, select
    from stimulering.model import PILLARS

    engine = load_engine(questions, model, lang)
    if pillar is not None and pillar not in PILLARS:
        usage(f"--pillar {pillar}: choose one of {', '.join(PILLARS)}")
    categories = [c.id for c in engine.model.categories]
    if category is not None and category not in categories:
        usage(f"--category {category}: choose one of {', '.join(categories)}")
    view = select(engine.model, CatalogueFilter(phase, pillar, category, search))
    write(render_catalogue(output_format, view, engine.model, lang, color=around.color), None,
          force=True, around=around)
