"""Checks across files: a question set against the model, and answers against a question set.

Each file is first validated on its own by its pydantic model; the checks here
need more than one object: unique ids, references between questions,
instruments, examples and categories, translations in every declared language,
and the coverage rule that every (pillar, phase) level can be measured.

``check_files`` loads a question set and model and records every problem of
both in a ``CheckResult``; ``load_checked`` is the same for a command that must
stop at the first file with problems. Checks of one answer value live on the
pure model (``Question.answer_problem``), so scoring never imports this module.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from stimulering.core import conditions
from stimulering.core.scoring import Scorer
from stimulering.errors import MAX_LISTED, CheckResult, InvalidInputError, Problem
from stimulering.model import (
    LEVELS,
    PARTNER_ROLES,
    PHASE_IDS,
    PILLARS,
    Answers,
    Question,
    QuestionSet,
)
from stimulering.sources.files import (
    MODEL_SECTIONS,
    LoadedModel,
    LoadedQuestionSet,
    entry_key,
    gather_model,
    gather_question_set,
    load_model,
    load_question_set,
)
from stimulering.sources.locate import Document, Location, validated
from stimulering.sources.yaml_text import read_document


def local_texts(value: Any, location: Location) -> Iterator[tuple[dict[str, str], Location]]:
    """Every per-language text inside a model object, with its location."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            key = info.alias or name
            yield from local_texts(getattr(value, name), (*location, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from local_texts(item, (*location, index))
    elif isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        yield value, location


def _translation_problems(
    value: BaseModel, location: Location, languages: list[str]
) -> list[tuple[Location, str]]:
    problems = []
    for text, where in local_texts(value, location):
        missing = [language for language in languages if language not in text]
        extra = sorted(set(text) - set(languages))
        if missing:
            problems.append((where, f"text has no translation in {', '.join(missing)}"))
        if extra:
            problems.append((where, f"text is in undeclared language {', '.join(extra)}"))
    return problems


def check_question_set(loaded: LoadedQuestionSet, loaded_model: LoadedModel) -> list[Problem]:
    """Problems of a question set in itself and against the model."""
    qset = loaded.questions
    document = loaded.document
    model = loaded_model.model
    problems: list[Problem] = []

    def add(location: Location, message: str, item_id: str | None = None) -> None:
        problems.append(document.problem(location, message, item_id))

    undeclared = [lang for lang in qset.languages if lang not in model.settings.languages]
    if undeclared:
        add(("languages",), f"the model has no texts in {', '.join(undeclared)}")
    categories = {category.id for category in model.categories}
    instruments = {instrument.id for instrument in model.instruments}
    seen: dict[str, Question] = {}
    replaced: dict[str, str] = {}
    all_ids = {question.id for question in qset.questions}
    for index, question in enumerate(qset.questions):
        here: Location = ("questions", index)
        if question.id in seen:
            add((*here, "id"), f"question id {question.id!r} is used twice")
        if question.category not in categories:
            add((*here, "category"), f"unknown category {question.category!r} "
                                     f"(known: {', '.join(sorted(categories))})")
        for position, instrument in enumerate(question.instruments):
            if instrument not in instruments:
                add((*here, "instruments", position), f"unknown instrument {instrument!r}")
        for position, old in enumerate(question.replaces):
            if old in all_ids:
                add((*here, "replaces", position),
                    f"replaces {old!r}, which is still a question of this set")
            elif old in replaced:
                add((*here, "replaces", position),
                    f"{old!r} is already replaced by {replaced[old]!r}")
            replaced[old] = question.id
        for where, message in _translation_problems(question, here, qset.languages):
            add(where, message)
        if question.when is not None:
            for where, message in conditions.check(
                question.when, (*here, "when"), seen, scope="an earlier question"
            ):
                add(where, message)
            for where, message in _audience_problems(question, here, seen):
                add(where, message)
        seen[question.id] = question
    if qset.name is not None:
        for where, message in _translation_problems(qset, (), qset.languages):
            if where == ("name",):
                add(where, message)
    unmeasured = [
        f"{pillar}/{phase}" for pillar in PILLARS for phase in range(1, 7)
        if not any(q.pillar == pillar and q.phase == phase and q.scored and q.when is None
                   for q in qset.questions)
    ]
    if unmeasured:
        add(("questions",), "every level needs a scored question without a 'when' condition; "
                            f"missing for {', '.join(unmeasured)}", "")
    return problems


def _audience(question: Question) -> set[tuple[str, str]]:
    """Every (role, level) of a partner the question is asked of."""
    return {(role, level) for role in PARTNER_ROLES for level in LEVELS
            if question.applies_to is None or question.applies_to.takes(role, level)}


def _audience_problems(question: Question, here: Location,
                       earlier: dict[str, Question]) -> list[tuple[Location, str]]:
    """A follow-up asked of respondents its condition question is not asked of.

    They would never see the follow-up: without the answer it depends on, its condition
    is unknown and it stays hidden.
    """
    assert question.when is not None
    problems = []
    mine = _audience(question)
    for test, _ in conditions.comparisons(question.when, ()):
        other = earlier.get(test.question)
        if other is None:
            continue  # reported by the condition check
        missing = mine - _audience(other)
        if missing:
            where = (*here, "applies_to") if question.applies_to is not None else (*here, "when")
            levels = sorted({level for _, level in missing}, key=LEVELS.index)
            roles = sorted({role for role, _ in missing}, key=PARTNER_ROLES.index)
            who = []
            if len(roles) < len(PARTNER_ROLES):
                who.append(f"roles {', '.join(roles)}")
            if len(levels) < len(LEVELS):
                who.append(f"levels {', '.join(levels)}")
            problems.append((where, f"is asked of respondents that {test.question!r}, the "
                                    f"question its 'when' depends on, is not asked of "
                                    f"({'; '.join(who) or 'everyone'}); give it at most the "
                                    f"'applies_to' of {test.question!r}"))
    return problems


def check_model(loaded: LoadedModel, qset: QuestionSet | None) -> list[Problem]:
    """Problems of the merged model in itself and, when given, against a question set."""
    model = loaded.model
    problems: list[Problem] = []
    first = loaded.documents[0]

    def add(section: str, key: str, location: Location, message: str) -> None:
        document, base = loaded.origins.get((section, key), (first, ()))
        problems.append(document.problem((*base, *location), message, key))

    folder_problem = first.path.rsplit("/", 1)[0] if "/" in first.path else first.path
    pillar_ids = [pillar.id for pillar in model.pillars]
    for pillar in PILLARS:
        if pillar not in pillar_ids:
            problems.append(Problem(folder_problem, f"the model has no pillar {pillar!r}"))
    numbers = {phase.number: phase for phase in model.phases}
    for number, phase_id in enumerate(PHASE_IDS, start=1):
        if number not in numbers:
            problems.append(Problem(folder_problem, f"the model has no phase {number}"))
        elif numbers[number].id != phase_id:
            add("phases", str(number), ("id",),
                f"phase {number} must have id {phase_id!r}, not {numbers[number].id!r}")
    if not model.categories:
        problems.append(Problem(folder_problem, "the model has no categories"))

    languages = model.settings.languages
    for section in MODEL_SECTIONS:
        for entry in getattr(model, section):
            key = entry_key(section, entry)
            for where, message in _translation_problems(entry, (), languages):
                add(section, key, where, message)

    categories = {category.id for category in model.categories}
    instruments = {instrument.id for instrument in model.instruments}
    questions = qset.by_id() if qset is not None else None
    for signal in model.signals:
        _check_instruments(add, "signals", signal.id, signal.instruments, instruments)
        if questions is not None:
            for where, message in conditions.check(
                signal.when, ("when",), questions, scope="a question of the question set"
            ):
                add("signals", signal.id, where, message)
    for advice in model.advice:
        _check_instruments(add, "advice", f"{advice.pillar}/{advice.phase}", advice.instruments,
                           instruments)
    covered = {(advice.pillar, advice.phase) for advice in model.advice}
    for pillar in PILLARS:
        for phase in range(1, 7):
            if (pillar, phase) not in covered:
                problems.append(Problem(folder_problem,
                                        f"no advice for pillar {pillar} phase {phase}",
                                        item_id=f"{pillar}/{phase}"))
    for instrument in model.instruments:
        for position, category in enumerate(instrument.categories):
            if category not in categories:
                add("instruments", instrument.id, ("categories", position),
                    f"unknown category {category!r}")
    for example in model.examples:
        for index, fact in enumerate(example.facts):
            _check_instruments(add, "examples", example.id, fact.instruments, instruments,
                               ("facts", index))
    return problems


def _check_instruments(add: Any, section: str, key: str, named: list[str],
                       known: set[str], base: Location = ()) -> None:
    for position, instrument in enumerate(named):
        if instrument not in known:
            add(section, key, (*base, "instruments", position),
                f"unknown instrument {instrument!r}")


# --- answers against a question set ------------------------------------------------------------


def made_with(answers: Answers, qset: QuestionSet, sha256: str | None = None) -> bool:
    """Whether an answers file says it was made with this very question set.

    The same id and version, and (where both are known) the same sha256: a set edited
    without a new version is another set.
    """
    ref = answers.question_set
    return ref is not None and (ref.id, ref.version) == (qset.id, qset.version) and (
        ref.sha256 is None or sha256 is None or ref.sha256 == sha256)


def check_answers(answers: Answers, document: Document, qset: QuestionSet,
                  sha256: str | None = None) -> list[Problem]:
    """Invalid values for questions of the set, and answers to ids it does not have.

    An unknown id in a file made with this very set is a mistake, named with the id it
    most looks like. In a file of another set (or of none) it may be a question that has
    gone since: a warning, not an error (see ``answer_warnings`` and scoring).
    """
    by_id = qset.questions_by_id
    renamed = qset.renamed_ids
    plain = qset.plain_values
    problems = []
    unknown = []
    for question_id, value in answers.answers.items():
        # Most answers are plain values of their own question: one set look-up settles them.
        # (The exact type matters: 3.0 equals 3 in a set but is no scale answer.)
        if type(value) in (int, str) and value in plain.get(question_id, ()):
            continue
        question = by_id.get(question_id) or by_id.get(renamed.get(question_id, ""))
        if question is None:
            unknown.append(question_id)
            continue
        message = question.answer_problem(value)
        if message is not None:
            problems.append(document.problem(("answers", question_id), message, question_id))
    if unknown and made_with(answers, qset, sha256):
        known = [*by_id, *renamed]
        for position, question_id in enumerate(unknown):
            # A suggestion for each problem that is listed; a file with thousands of unknown
            # ids lists the first MAX_LISTED, and finding the rest a match costs time for nothing.
            near = difflib.get_close_matches(question_id, known, n=1, cutoff=0.7) \
                if position < MAX_LISTED else []
            hint = f"; did you mean {near[0]!r}?" if near else ""
            problems.append(document.problem(
                ("answers", question_id),
                f"not a question of {qset.id} {qset.version}, which the file says it was made "
                f"with{hint}", question_id))
    return problems


def answer_warnings(answers: Answers, document: Document, scorer: Scorer) -> list[Problem]:
    """What ``validate`` warns about in a valid answers file: answers that do not count.

    An answer to an id the set does not have, in a file of another set (or of none): it
    may be a question that has gone. An answer to a follow-up whose condition does not hold
    with the answers given: the question is not asked, so its answer is not counted.
    """
    qset = scorer.qset
    warnings = []
    values, unknown = scorer.effective_values(answers.answers)
    if not made_with(answers, qset, scorer.ref.sha256):
        ref = answers.question_set
        origin = f"the file names {ref.id} {ref.version}" if ref is not None else \
            "the file names no question set"
        for question_id in unknown:
            warnings.append(document.problem(
                ("answers", question_id), f"not a question of {qset.id} {qset.version} "
                f"({origin}); the answer does not count", question_id))
    items = scorer.items(values)
    for question in qset.questions:
        if question.when is not None and items[question.id].status == "hidden" \
                and values.get(question.id) is not None:
            key = question.id if question.id in answers.answers else next(
                (old for old in question.replaces if old in answers.answers), question.id)
            warnings.append(document.problem(
                ("answers", key), f"asked only when {conditions.describe(question.when)}, "
                "which does not hold with the answers given; the answer does not count",
                question.id))
    return warnings


# --- a question set and model, loaded and checked together -------------------------------------


def cross_problems(loaded_questions: LoadedQuestionSet | None,
                   loaded_model: LoadedModel) -> list[Problem]:
    """Problems across files: the model in itself and against the set, the set against it."""
    problems = check_model(
        loaded_model, loaded_questions.questions if loaded_questions else None)
    if loaded_questions is not None:
        problems += check_question_set(loaded_questions, loaded_model)
    return problems


def check_files(questions_path: Path | None = None,
                model_path: Path | None = None) -> CheckResult:
    """Every problem of a question set and model, loaded and checked together."""
    result = CheckResult()
    loaded_questions = gather_question_set(questions_path, result)
    loaded_model = gather_model(model_path, result)
    if loaded_model is not None:
        result.record(cross_problems(loaded_questions, loaded_model))
    return result


def load_checked(questions_path: Path | None = None, model_path: Path | None = None,
                 ) -> tuple[LoadedQuestionSet, LoadedModel]:
    """A question set and model read from their files and checked together.

    Stops at the first that has problems: the question set, the model, then the two together.
    """
    loaded_questions = load_question_set(questions_path)
    loaded_model = load_model(model_path)
    problems = cross_problems(loaded_questions, loaded_model)
    if problems:
        raise InvalidInputError(problems)
    return loaded_questions, loaded_model


def gather_answers(path: Path, qset: QuestionSet, result: CheckResult,
                   shown: str | None = None, sha256: str | None = None) -> Answers | None:
    """An answers file checked against ``qset``, or ``None`` with its problems in ``result``.

    The file is YAML, or an answers workbook when its name ends in ``.xlsx``; ``sha256``
    is the set's, to tell a file made with this very set (see ``check_answers``).
    """
    name = shown if shown is not None else str(path)
    document: Document
    if path.suffix.lower() == ".xlsx":
        from stimulering.sources.workbook import read_workbook

        try:
            answers, document = read_workbook(path, qset, name)
        except InvalidInputError as error:  # the workbook reader raises all it found at once
            result.record(error.problems)
            return None
    else:
        read = read_document(path, name, result)
        given = validated(read, Answers, result) if read is not None else None
        if read is None or given is None:
            return None
        answers, document = given, read
    problems = check_answers(answers, document, qset, sha256)
    result.record(problems)
    return None if problems else answers
