"""Pure: one coalition's respondents side by side, where they diverge, and consensus.

- **Lowest phase**: beside each combined pillar phase (see ``combine``), the lowest
  phase any respondent gave, so an average never hides a partner's dissent.
- **Divergence**: per scored item, spread = highest minus lowest item score of
  the respondents it is asked of who answered it; items with a spread of at least 0.5 are the
  discussion topics. They are ranked by how many answer steps lie between the
  furthest answers (from "oneens" to "eens" is two steps), then by the item's
  weight, then by whether it is a gate, then by spread and question order. An
  agenda shows the first ``TOPIC_LIMIT``.
- **Consensus**: the topics and a draft coalition answers file (role ``coalitie``)
  for the conversation in which the partners agree on them.
- **The round** (``round_view``): of the files given, the latest round is combined
  (see ``rounds``); the view says which files it combined and which it left out, and
  why. The previous round's open actions are carried over into its action plan.
- **Targets**: every partner's target per pillar (``TargetVote``), or the agreed
  file's targets when it sets any.
- **Action plan**: every partner's actions and the agreed file's, each once (matched
  on what and the question, as ``progress`` matches them; done when any file says
  so), with who listed it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from stimulering.core.combine import (
    RespondentResult,
    action_key,
    combine_assessments,
    counts,
    require_one_coalition,
    respondent_labels,
    respondent_results,
    role_and_level,
)
from stimulering.core.results import Evaluation, evaluate
from stimulering.core.rounds import AGREED_ROLE, Entry, effective_round, group_rounds
from stimulering.core.scoring import (
    TOLERANCE,
    Assessment,
    ItemResult,
    Scorer,
)
from stimulering.core.summary import TargetVote, own_targets
from stimulering.model import (
    DONT_KNOW,
    NOT_APPLICABLE,
    PILLARS,
    SPECIAL_VALUES,
    YESNO_SCORES,
    Action,
    Answers,
    AnswerValue,
    ConsensusRecord,
    Level,
    Model,
    Question,
    QuestionSet,
    Respondent,
)

DIVERGENCE_MINIMUM = 0.5
"""Spread (highest minus lowest item score) from which an item is a discussion topic."""
TOPIC_LIMIT = 10
"""How many discussion topics an agenda shows unless all are asked for."""



@dataclass(frozen=True)
class Divergence:
    """An item the respondents answered far apart: a topic for discussion."""

    question: str
    pillar: str
    spread: float
    """Highest minus lowest item score of the respondents who answered it."""
    answers: tuple[tuple[str, AnswerValue, float | None], ...]
    """(respondent label, answer value, item score) of every respondent who gave a value."""
    steps: int = 1
    """How many answer steps lie between the lowest and the highest answer."""
    weight: float = 1.0
    gate: bool = False


def score_levels(question: Question) -> tuple[float, ...]:
    """The distinct item scores an answer to ``question`` can give, lowest first."""
    if question.type == "scale":
        return (0.0, 0.25, 0.5, 0.75, 1.0)
    if question.type == "yesno":
        return tuple(sorted(set(YESNO_SCORES.values())))
    if question.type == "number":
        return tuple(sorted({float(band.score) for band in question.bands or []}))
    return tuple(sorted(set(question.option_scores.values())))


def answer_steps(question: Question, low: float, high: float) -> int:
    """How many answer steps lie between two item scores (at least 1 when they differ)."""
    between = sum(1 for level in score_levels(question)
                  if low + TOLERANCE < level <= high + TOLERANCE)
    return max(between, 1 if high - low > TOLERANCE else 0)


def _shown(value: AnswerValue) -> str:
    """An answer value in a note: a list as its items, anything else as it is."""
    return ", ".join(value) if isinstance(value, list) else str(value)


def _lowest(phases: Iterable[int | None]) -> int | None:
    """The lowest of the determined phases, or ``None`` when none is determined."""
    return min((phase for phase in phases if phase is not None), default=None)


LeftOutReason = Literal["earlier_round", "older_agreed"]
"""Why a file given is not in the view: it belongs to an earlier round, or it is an
earlier agreed (coalition) file of the round, which a later one replaces."""


@dataclass(frozen=True)
class RoundFile:
    """A file combined as the round, and whom it stands for."""

    file: str
    """The file as it was named."""
    label: str
    """The respondent's label in the view (empty for the agreed file)."""
    agreed: bool = False
    """Whether it is the coalition's agreed file."""


@dataclass(frozen=True)
class LeftOut:
    """A file given that the view does not combine, and why."""

    file: str
    round: str
    """The round the file belongs to."""
    reason: LeftOutReason


@dataclass(frozen=True)
class RoundInfo:
    """The round a coalition view shows, and the files it took and left."""

    label: str
    """The round's name, or its dates when the files give none."""
    named: bool
    """Whether the files name the round (else they were put together by their dates)."""
    first: dt.date
    last: dt.date
    files: tuple[RoundFile, ...]
    """The files combined, in the order they were given."""
    left_out: tuple[LeftOut, ...] = ()
    """The files given but not combined, in the order they were given."""


@dataclass(frozen=True)
class PlanRow:
    """One action of the coalition's action plan."""

    action: Action
    """The action (done when any file that lists it says so)."""
    by: tuple[str, ...]
    """The labels of the partners who listed it."""
    agreed: bool = False
    """Whether the coalition's agreed file lists it."""
    carried_from: str | None = None
    """The earlier round it is carried over from: open there, and not listed now."""


@dataclass(frozen=True)
class CoalitionView:
    """Several respondents of one coalition, side by side and combined."""

    coalition: str
    date: dt.date
    """The latest date among the respondents."""
    respondents: tuple[RespondentResult, ...]
    combined: Assessment
    """The combined assessment (mean item scores, majority signals)."""
    combined_answers: Answers
    """The combined result as an answers file (role ``coalitie``)."""
    lowest: dict[str, int | None]
    """Per pillar, the lowest phase any respondent gave (``None`` when no respondent's
    phase could be determined)."""
    lowest_phase: int | None
    """The lowest overall phase any respondent gave (``None`` as above)."""
    divergence: tuple[Divergence, ...]
    anonymise: bool = False
    round: str = ""
    """The assessment round the files belong to."""
    agreed: RespondentResult | None = None
    """The coalition's own file (role ``coalitie``, from a consensus conversation): when
    there is one, ``combined`` is its assessment, and it is not counted as a respondent."""
    targets: dict[str, tuple[TargetVote, ...]] = field(default_factory=dict)
    """Per pillar, the targets the partners set, or the agreed file's (see the module)."""
    plan: tuple[PlanRow, ...] = ()
    """The action plan (see the module)."""
    round_info: RoundInfo | None = None
    """The files combined and left out, when the view was made by ``round_view``."""


def divergence(scorer: Scorer, respondents: Sequence[RespondentResult],
               minimum: float = DIVERGENCE_MINIMUM) -> tuple[Divergence, ...]:
    """Items whose spread of item scores is at least ``minimum``, ranked (see the module)."""
    found: list[tuple[tuple[float, ...], Divergence]] = []
    for index, question in enumerate(scorer.qset.questions):
        if not question.scored:
            continue
        concerned = [r for r in respondents
                     if counts(question, r.answers.respondent, len(respondents))]
        scores = [r.assessment.items[question.id].score for r in concerned
                  if r.assessment.items[question.id].status == "answered"]
        present = [s for s in scores if s is not None]
        if len(present) < 2:
            continue
        spread = max(present) - min(present)
        if spread < minimum - TOLERANCE:
            continue
        answers = tuple(
            (r.label, r.values[question.id],
             r.assessment.items[question.id].score
             if r.assessment.items[question.id].status == "answered" else None)
            for r in concerned if r.values.get(question.id) is not None)
        steps = answer_steps(question, min(present), max(present))
        topic = Divergence(question.id, question.pillar, round(spread, 9), answers, steps,
                           question.weight, question.gate)
        found.append(((-steps, -question.weight, -int(question.gate), -spread, index), topic))
    found.sort(key=lambda entry: entry[0])
    return tuple(entry[1] for entry in found)


def majority_level(respondents: Sequence[Respondent]) -> Level:
    """The level most respondents work at (ties: the most strategic one)."""
    counts: Counter[str] = Counter(r.level for r in respondents)
    levels: tuple[Level, ...] = ("strategisch", "tactisch", "operationeel")
    return max(levels, key=lambda level: (counts[level], -levels.index(level)))


def combined_answers(scorer: Scorer, respondents: Sequence[RespondentResult],
                     items: Mapping[str, ItemResult], *, date: dt.date | None = None,
                     skip: Iterable[str] = ()) -> Answers:
    """One coalition answers file (role ``coalitie``) from the combined items.

    Every answered item gets the value whose score is nearest to the combined
    mean; an item nobody could answer gets ``weet_niet``; items in ``skip`` (the
    discussion topics) are left open, without a note: the partners' notes to a topic are
    in the consensus record, and the note is the coalition's own. Free-text answers are
    merged, each marked with the labels of the respondents who wrote it. Only the answers
    of the respondents a question is asked of are taken (one alone: all). A context item,
    and an item hidden for everyone, keeps the answer shared by the respondents it is
    asked of; a context item they answered differently is left open, with their answers
    in its note.
    Notes are merged likewise; actions are merged without duplicates.
    """
    first = respondents[0].answers
    skipped = set(skip)

    def counted(question: Question, respondent: RespondentResult) -> bool:
        return counts(question, respondent.answers.respondent, len(respondents))

    values: dict[str, AnswerValue] = {}
    notes: dict[str, str] = {}
    for question in scorer.qset.questions:
        qid = question.id
        given = [r.values.get(qid) for r in respondents]
        if qid in skipped:
            values[qid] = None
        elif question.type == "text":
            # The same text from several respondents is written once, with all their labels.
            writers: dict[str, list[str]] = {}
            for r, v in zip(respondents, given, strict=True):
                if isinstance(v, str) and v.strip() and counted(question, r):
                    writers.setdefault(v.strip(), []).append(r.label)
            if writers:
                values[qid] = "\n".join(f"{', '.join(who)}: {text}"
                                         for text, who in writers.items())
        elif not question.scored or items[qid].status == "hidden":
            # Context, or hidden for everyone: keep what the respondents it is asked of share.
            plain = [(r, v) for r, v in zip(respondents, given, strict=True)
                     if v is not None and v not in SPECIAL_VALUES and counted(question, r)]
            if plain and all(v == plain[0][1] for _, v in plain):
                values[qid] = plain[0][1]
            elif plain and not question.scored:
                notes[qid] = "\n".join(f"{r.label}: {_shown(v)}" for r, v in plain)
        elif items[qid].status == "answered":
            values[qid] = items[qid].value
        elif any(v is not None and counted(question, r)
                 for r, v in zip(respondents, given, strict=True)):
            values[qid] = NOT_APPLICABLE if items[qid].status == "not_applicable" else DONT_KNOW
        merged = [f"{r.label}: {r.answers.notes[key]}" for r in respondents
                  for key in _note_keys(scorer, r.answers, qid) if qid not in skipped]
        if merged:
            notes[qid] = "\n".join([*filter(None, [notes.get(qid)]), *merged])
        if qid in notes:
            notes[qid] = notes[qid][:10_000]
    actions: list[Action] = []
    seen: set[tuple[str, str | None]] = set()
    for respondent in respondents:
        for action in respondent.answers.actions:
            key = (action_key(action.what), action.item)
            if key not in seen:
                seen.add(key)
                actions.append(action)
    return Answers(
        stimulering_answers=1,
        question_set=scorer.ref,
        coalition=first.coalition,
        respondent=Respondent(organisation=f"Coalitie {first.coalition}"[:200], role="coalitie",
                              level=majority_level([r.answers.respondent for r in respondents])),
        date=date or max(r.answers.date for r in respondents),
        lang=first.lang,
        answers=values,
        notes=notes,
        targets={},
        actions=actions,
    )


def _note_keys(scorer: Scorer, answers: Answers, question_id: str) -> list[str]:
    return [key for key in answers.notes
            if key == question_id or scorer.renamed.get(key) == question_id]


def coalition_view(scorer: Scorer, answers: Sequence[Answers], *, files: Sequence[str] = (),
                   anonymise: bool = False, round_label: str = "",
                   describe: Callable[[Respondent], str] = role_and_level) -> CoalitionView:
    """Several respondents of one coalition side by side, combined, and where they diverge.

    A coalition file (role ``coalitie``) among them is the agreed answer: the latest
    one is shown as the combined result, and none is counted as a respondent.
    """
    require_one_coalition(answers, files or [a.coalition for a in answers])
    partners = [a for a in answers if a.respondent.role != AGREED_ROLE] or list(answers)
    coalition_files = sorted((a for a in answers if a.respondent.role == AGREED_ROLE
                              and a not in partners), key=lambda a: a.date)
    respondents = respondent_results(scorer, partners, anonymise=anonymise, describe=describe)
    agreed = None
    if coalition_files:
        agreed = respondent_results(scorer, coalition_files[-1:])[0]
        combined, document = agreed.assessment, agreed.answers
    else:
        combined, items = combine_assessments(scorer, respondents)
        document = combined_answers(scorer, respondents, items)
        combined = replace(combined, respondent=document.respondent)
    listed = [(r.label, r.answers) for r in respondents]
    return CoalitionView(
        coalition=combined.coalition,
        date=max(a.date for a in answers),
        respondents=respondents,
        combined=combined,
        combined_answers=document,
        lowest={p: _lowest(r.assessment.pillars[p].phase for r in respondents)
                for p in PILLARS},
        lowest_phase=_lowest(r.assessment.phase for r in respondents),
        divergence=divergence(scorer, respondents),
        anonymise=anonymise,
        round=round_label,
        agreed=agreed,
        targets=combined_targets(respondents, agreed),
        plan=action_plan(listed, None if agreed is None else agreed.answers),
    )


def combined_targets(respondents: Sequence[RespondentResult], agreed: RespondentResult | None,
                     ) -> dict[str, tuple[TargetVote, ...]]:
    """Per pillar, each target phase the partners set with who set it, lowest first.

    The agreed file's targets, when it sets any, are the coalition's: they are the only ones.
    """
    if agreed is not None and agreed.answers.targets:
        return own_targets(agreed.answers.targets)
    votes: dict[str, dict[int, list[str]]] = {}
    for respondent in respondents:
        for pillar, phase in respondent.answers.targets.items():
            votes.setdefault(pillar, {}).setdefault(phase, []).append(respondent.label)
    return {pillar: tuple(TargetVote(phase, tuple(by))
                          for phase, by in sorted(votes[pillar].items()))
            for pillar in PILLARS if pillar in votes}


def action_plan(listed: Sequence[tuple[str, Answers]],
                agreed: Answers | None = None) -> tuple[PlanRow, ...]:
    """Every action of the partners' files (label, answers) and of the agreed file, once each.

    Actions are matched on what (case and spaces aside) and the question they concern; a
    matched action is done when any file says so, and keeps the details of the first file.
    """
    rows: dict[tuple[str, str | None], PlanRow] = {}
    sources = [(who, answers, False) for who, answers in listed]
    if agreed is not None:
        sources.append(("", agreed, True))
    for who, answers, is_agreed in sources:
        for action in answers.actions:
            key = (action_key(action.what), action.item)
            row = rows.get(key)
            if row is None:
                rows[key] = PlanRow(action, (who,) if who else (), is_agreed)
                continue
            by = row.by if not who or who in row.by else (*row.by, who)
            done = row.action.done or action.done
            rows[key] = replace(row, action=row.action.model_copy(update={"done": done}),
                                by=by, agreed=row.agreed or is_agreed)
    return tuple(rows.values())


def carried_over(plan: Sequence[PlanRow], earlier: Sequence[PlanRow],
                 round_label: str) -> tuple[PlanRow, ...]:
    """The open actions of an earlier round's plan that ``plan`` does not list, marked."""
    listed = {(action_key(row.action.what), row.action.item) for row in plan}
    return tuple(replace(row, carried_from=round_label) for row in earlier
                 if not row.action.done
                 and (action_key(row.action.what), row.action.item) not in listed)


def round_view(scorer: Scorer, files: Sequence[tuple[str, Answers]], *, anonymise: bool = False,
               describe: Callable[[Respondent], str] = role_and_level) -> CoalitionView:
    """The coalition view of the latest round among ``files`` (name, answers).

    All files must be of one coalition. The view says which files it combined and which it
    left out, and carries the previous round's open actions over into its action plan.
    """
    names = [name for name, _ in files]
    answers = [item for _, item in files]
    require_one_coalition(answers, names)
    rounds = group_rounds([Entry.of(index, item) for index, item in enumerate(answers)])
    latest = rounds[-1]
    chosen = sorted(entry.source for entry in latest.entries)  # in the order given
    view = coalition_view(scorer, [answers[i] for i in chosen], files=[names[i] for i in chosen],
                          anonymise=anonymise, round_label=latest.label, describe=describe)
    partners = [i for i in chosen if answers[i].respondent.role != AGREED_ROLE] or chosen
    agreed = sorted((i for i in chosen if i not in partners), key=lambda i: answers[i].date)
    taken = [RoundFile(names[i], r.label) for i, r in zip(partners, view.respondents,
                                                         strict=True)]
    if agreed:
        taken.append(RoundFile(names[agreed[-1]], "", agreed=True))
    left_out = [LeftOut(names[entry.source], earlier.label, "earlier_round")
                for earlier in rounds[:-1] for entry in earlier.entries]
    left_out += [LeftOut(names[i], latest.label, "older_agreed") for i in agreed[:-1]]
    order = {name: position for position, name in enumerate(names)}
    info = RoundInfo(latest.label, latest.labelled, latest.first, latest.last,
                     tuple(sorted(taken, key=lambda f: order[f.file])),
                     tuple(sorted(left_out, key=lambda f: order[f.file])))
    plan = view.plan
    if len(rounds) > 1:
        before = rounds[-2]
        partners_before = [answers[e.source] for e in before.entries
                           if answers[e.source].respondent.role != AGREED_ROLE]
        labels = respondent_labels([a.respondent for a in partners_before], anonymise=anonymise,
                                   describe=describe)
        agreed_before = before.agreed
        earlier = action_plan(list(zip(labels, partners_before, strict=True)),
                              None if agreed_before is None else answers[agreed_before.source])
        plan = (*plan, *carried_over(plan, earlier, before.label))
    return replace(view, round_info=info, plan=plan)


# --- consensus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Consensus:
    """What a consensus conversation starts from."""

    topics: tuple[Divergence, ...]
    """The items to discuss, in agenda order."""
    total: int
    """How many topics there are in all (more than ``topics`` when the agenda is capped)."""
    answers: Answers
    """The coalition answers file: every other item from the combined result, topics open,
    and the partners' answers to the topics in its ``consensus`` record."""


def consensus(scorer: Scorer, answers: Sequence[Answers], *, date: dt.date | None = None,
              limit: int | None = TOPIC_LIMIT) -> Consensus:
    """The discussion topics and a draft coalition answers file for a consensus session.

    ``date`` defaults to the latest date of the respondents' files; ``limit`` caps the
    agenda (``None``: every topic). Topics beyond the cap take the combined result,
    like every item the partners agree on. The file keeps the partners' round when they
    share one.
    """
    require_one_coalition(answers, [a.coalition for a in answers])
    respondents = respondent_results(scorer, answers)
    _, items = combine_assessments(scorer, respondents)
    every = divergence(scorer, respondents)
    topics = every if limit is None else every[:limit]
    document = combined_answers(scorer, respondents, items, date=date,
                                skip=[topic.question for topic in topics])
    record = ConsensusRecord(
        partners=[r.label for r in respondents],
        topics={t.question: {who: value for who, value, _ in t.answers} for t in topics},
        notes={t.question: notes for t in topics
               if (notes := {r.label: r.notes[t.question] for r in respondents
                             if t.question in r.notes})})
    rounds = {effective_round(a.round, a.date) for a in answers}
    shared = rounds.pop() if len(rounds) == 1 else None
    return Consensus(topics, len(every),
                     document.model_copy(update={"consensus": record, "round": shared}))


def combined_evaluation(view: CoalitionView, questions: QuestionSet, model: Model) -> Evaluation:
    """The combined result as an evaluation, so the single-report renderers can read it."""
    return evaluate(view.combined_answers, view.combined, questions, model, targets=view.targets)
