"""Pydantic models of the files a user keeps: question sets, model files and answers.

All models are frozen and forbid unknown keys, so a typo in a YAML file is an
error instead of a silently ignored setting. Checks that need more than one
object (references between questions, instruments and languages) live in
``validation``; this module only checks what a single object can know.
"""

# No "from __future__ import annotations" here: pydantic builds these classes markedly
# faster from real annotations, and start-up time matters for a command-line tool.
import datetime as dt
import functools
import math
import sys
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    Tag,
    field_validator,
    model_validator,
)

PILLARS: tuple[str, ...] = ("people", "governance", "information")
"""The three pillars of the model, in the order they are asked and shown."""

PHASE_IDS: tuple[str, ...] = (
    "verkennen",
    "formaliseren",
    "afstemmen",
    "ontwerpen",
    "voorbereiden",
    "uitvoeren",
)
"""Ids of the six phases; phase number ``n`` has id ``PHASE_IDS[n - 1]``."""

ROLES: tuple[str, ...] = (
    "gemeente",
    "netbeheerder",
    "drinkwaterbedrijf",
    "waterschap",
    "warmte",
    "telecom",
    "overig",
    "coalitie",
)
"""Roles a respondent can have; ``coalitie`` marks a combined coalition answers file."""

LEVELS: tuple[str, ...] = ("strategisch", "tactisch", "operationeel")
"""Organisational levels a respondent can work at."""

DONT_KNOW = "weet_niet"
"""Answer value meaning "don't know": the item counts as unknown."""
NOT_APPLICABLE = "nvt"
"""Answer value meaning "not applicable": the item is treated as hidden."""
SPECIAL_VALUES: tuple[str, ...] = (DONT_KNOW, NOT_APPLICABLE)

YESNO_SCORES: dict[str, float] = {"ja": 1.0, "deels": 0.5, "nee": 0.0}
"""Answer values of a yes/no item and their scores, in the order they are offered."""

SCALE_VALUES: tuple[int, ...] = (1, 2, 3, 4, 5)

PillarId = Literal["people", "governance", "information"]
PhaseNumber = Annotated[int, Field(ge=1, le=6)]
PhaseId = Literal[
    "verkennen", "formaliseren", "afstemmen", "ontwerpen", "voorbereiden", "uitvoeren"
]
QuestionType = Literal["scale", "yesno", "choice", "multi", "number", "text"]
Role = Literal[
    "gemeente", "netbeheerder", "drinkwaterbedrijf", "waterschap", "warmte", "telecom", "overig",
    "coalitie",
]
Level = Literal["strategisch", "tactisch", "operationeel"]
AdviceTopic = Literal["money", "contract"]
"""What a piece of advice is about when it is a hard step the report holds back at the start:
``money`` (cost, budgets, a cost split, settlement, financial data) or ``contract`` (signed
agreements and tenders: contracts with contractors, joint tendering, framework contracts)."""

ITEM_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
ItemId = Annotated[str, Field(pattern=ITEM_ID_PATTERN, max_length=64)]
"""Stable snake_case id of a question, option, instrument, example or signal."""
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
Score = Annotated[float, Field(ge=0.0, le=1.0)]
LocalText = dict[LanguageCode, Annotated[str, Field(min_length=1)]]
"""A text per language code, for example ``{nl: ..., en: ...}``."""

AnswerValue = StrictInt | StrictFloat | StrictStr | list[StrictStr] | None
"""A raw answer as it stands in an answers file; ``None`` means not answered yet."""

SEMVER_PATTERN = r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$"
MAX_WEIGHT = 1000.0
"""Largest weight of a question; weights say how much more one item counts than another."""
LARGEST_NUMBER = sys.float_info.max
"""Numbers in files must be finite and within the range of a float (about 1.8e308)."""
NAME_MAX = 200
"""Longest name of a coalition or organisation, and of an action's owner."""
ACTION_MAX = 2000
"""Longest description of a planned action."""
NOTE_MAX = 10_000
"""Longest note to an answer."""

class Frozen(BaseModel):
    """Base of every file model: immutable and strict about unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


# --- conditions --------------------------------------------------------------------------------


class Comparison(Frozen):
    """A test on one earlier answer: one of ``equals``, ``in``, ``at_least`` or ``at_most``."""

    question: ItemId
    """Id of the question whose answer is compared."""
    equals: StrictInt | StrictFloat | StrictStr | None = None
    """True when the answer is this value (for a multi item: when the selection contains it)."""
    in_: list[StrictInt | StrictFloat | StrictStr] | None = Field(default=None, alias="in")
    """True when the answer is one of these values (multi: the selection contains one of them)."""
    at_least: StrictInt | StrictFloat | None = None
    """True when the numeric answer is at least this value."""
    at_most: StrictInt | StrictFloat | None = None
    """True when the numeric answer is at most this value."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _one_test(self) -> "Comparison":
        given = [
            name
            for name, value in (
                ("equals", self.equals),
                ("in", self.in_),
                ("at_least", self.at_least),
                ("at_most", self.at_most),
            )
            if value is not None
        ]
        if len(given) != 1:
            raise ValueError(
                "a comparison needs exactly one of equals, in, at_least, at_most"
                + (f" (found {', '.join(given)})" if given else "")
            )
        if self.in_ is not None and not self.in_:
            raise ValueError("'in' needs at least one value")
        return self


class AllOf(Frozen):
    """True when every condition is true (three-valued: false wins over unknown)."""

    all: list["Condition"] = Field(min_length=1)


class AnyOf(Frozen):
    """True when some condition is true (three-valued: true wins over unknown)."""

    any: list["Condition"] = Field(min_length=1)


class Not(Frozen):
    """Negation; unknown stays unknown."""

    not_: "Condition" = Field(alias="not")

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


# The tags are class names, never keys of a condition: pydantic puts the tag in the
# location of an error, and loading drops location steps that are not keys of the data.
_CONDITION_TAGS = {"all": "AllOf", "any": "AnyOf", "not": "Not", "question": "Comparison"}


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        for key, tag in _CONDITION_TAGS.items():
            if key in value:
                return tag
        return None
    if isinstance(value, BaseModel):
        return type(value).__name__ if type(value).__name__ in _CONDITION_TAGS.values() else None
    return None


Condition = Annotated[
    Annotated[AllOf, Tag("AllOf")]
    | Annotated[AnyOf, Tag("AnyOf")]
    | Annotated[Not, Tag("Not")]
    | Annotated[Comparison, Tag("Comparison")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition",
        custom_error_message="a condition needs one of the keys all, any, not or question",
    ),
]
"""The ``when`` mini-language: ``all`` / ``any`` / ``not`` over comparisons."""


# --- question set ------------------------------------------------------------------------------


class Option(Frozen):
    """One option of a choice or multi item."""

    id: ItemId
    """The answer value that selects this option."""
    label: LocalText
    """What the respondent reads."""
    score: Score | None = None
    """Score in [0, 1] this option contributes; required on a scored item, absent on a
    context item."""
    exclusive: StrictBool = False
    """On a multi item: an option such as "none yet" that cannot be chosen with another."""


class Band(Frozen):
    """A half-open range ``[min, max)`` of a number item with its score."""

    min: StrictInt | StrictFloat
    """Lowest value in the band (inclusive)."""
    max: StrictInt | StrictFloat | None = None
    """First value above the band (exclusive); ``None`` means open-ended."""
    score: Score
    """Score of every value in the band."""

    @model_validator(mode="after")
    def _ordered(self) -> "Band":
        if self.max is not None and self.max <= self.min:
            raise ValueError(f"band max ({self.max}) must be greater than min ({self.min})")
        return self


NumberFault = Literal["not_finite", "negative", "outside_bands"]
"""Why a number does not answer a number item: not finite, below 0 (no bands), in no band."""


def _band_text(low: float, high: float | None) -> str:
    return f"[{low:g}, {'∞' if high is None else f'{high:g}'})"


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class Question(Frozen):
    """One self-assessment item of a question set."""

    id: ItemId
    """Stable id; never reused for a different meaning."""
    pillar: PillarId
    """Pillar whose phase this item evidences."""
    category: ItemId
    """One of the model's categories."""
    phase: PhaseNumber
    """Phase (1-6) whose level this item evidences."""
    type: QuestionType
    """How the item is answered and scored."""
    text: LocalText
    """The statement or question, per language."""
    help: LocalText
    """What a high answer looks like in practice, per language."""
    weight: Annotated[float, Field(gt=0, le=MAX_WEIGHT)] = 1.0
    """Weight of the item in the means of its level and pillar (at most ``MAX_WEIGHT``, so
    that no sum of weights can overflow)."""
    gate: StrictBool = False
    """When true, the level is only met if this item scores at least 0.5."""
    reverse: StrictBool = False
    """For negatively phrased scale items: 1 scores highest."""
    when: Condition | None = None
    """Ask (and count) this item only when the condition on earlier answers holds."""
    advice: LocalText | None = None
    """What to do when the item scores low."""
    instruments: list[ItemId] = Field(default_factory=list)
    """Catalogue ids of instruments that help with this item."""
    topic: AdviceTopic | None = None
    """Set when the item's advice is about money or a contract (see ``AdviceTopic``)."""
    options: list[Option] | None = None
    """The options of a choice or multi item, in the order they are offered."""
    aggregate: Literal["sum", "max"] = "sum"
    """How a multi item combines the scores of the selected options (sum is capped at 1)."""
    bands: list[Band] | None = None
    """Score bands of a number item."""
    unit: LocalText | None = None
    """Unit of a number item, such as years."""
    replaces: list[ItemId] = Field(default_factory=list)
    """Ids this item had in earlier versions; their answers carry over."""
    context: StrictBool = False
    """A context item: asked, kept and shown, but never scored. For facts worth knowing
    where the model leaves the choice open (which system, which tender form, how long
    the dig-rest period): no answer is better than another."""

    @property
    def scored(self) -> bool:
        """Whether the item has a score: every type except ``text``, unless it is context."""
        return self.type != "text" and not self.context

    @functools.cached_property
    def option_values(self) -> tuple[int | str, ...]:
        """The answer values offered, in order: 1-5, ja/deels/nee or option ids; else empty."""
        if self.type == "scale":
            return SCALE_VALUES
        if self.type == "yesno":
            return tuple(YESNO_SCORES)
        return tuple(option.id for option in self.options or [])

    @functools.cached_property
    def option_scores(self) -> dict[str, float]:
        """Score of each option of a scored choice or multi item, by option id (built once)."""
        return {option.id: option.score for option in self.options or []
                if option.score is not None}

    def exclusive_clash(self, chosen: list[str]) -> str | None:
        """The exclusive option (such as "none yet") chosen together with another, if any."""
        if len(chosen) < 2:
            return None
        return next((option.id for option in self.options or []
                     if option.exclusive and option.id in chosen), None)

    def band_for(self, value: float) -> Band | None:
        """The band of a number item that holds ``value``, or ``None``."""
        for band in self.bands or []:
            if value >= band.min and (band.max is None or value < band.max):
                return band
        return None

    def number_fault(self, value: float) -> NumberFault | None:
        """What keeps a finite or infinite number from answering this number item, if anything.

        One predicate for the answers file and the interview, which word it each their own way.
        """
        if not math.isfinite(value):
            return "not_finite"
        if self.bands is None and value < 0:
            return "negative"
        if self.bands is not None and self.band_for(value) is None:
            return "outside_bands"
        return None

    def answer_problem(self, value: AnswerValue) -> str | None:
        """Why ``value`` is not a valid answer to this item, or ``None`` when it is."""
        if value is None:
            return None
        if self.type == "text":
            return None if isinstance(value, str) else "expected free text"
        if value in SPECIAL_VALUES:
            return None
        special = " or weet_niet / nvt"
        if self.type == "scale":
            if isinstance(value, int) and value in SCALE_VALUES:
                return None
            return f"expected a whole number from 1 to 5{special}, got {_shown(value)}"
        if self.type == "yesno":
            if isinstance(value, str) and value in YESNO_SCORES:
                return None
            return f"expected ja, deels or nee{special}, got {_shown(value)}"
        if self.type == "number":
            if not isinstance(value, (int, float)):
                return f"expected a number{special}, got {_shown(value)}"
            fault = self.number_fault(value)
            if fault == "not_finite":
                return f"expected a number{special}, got {_shown(value)}"
            if fault == "negative":
                return f"expected a number of 0 or more{special}, got {_shown(value)}"
            if fault == "outside_bands":
                ranges = ", ".join(_band_text(band.min, band.max) for band in self.bands or [])
                return f"{_shown(value)} is outside every score band ({ranges})"
            return None
        options = [str(option) for option in self.option_values]
        if self.type == "choice":
            if isinstance(value, str) and value in options:
                return None
            return f"expected one of {', '.join(options)}{special}, got {_shown(value)}"
        if not isinstance(value, list):
            return f"expected a list of options from {', '.join(options)}{special}, " \
                   f"got {_shown(value)}"
        unknown = [choice for choice in value if choice not in options]
        if unknown:
            return f"unknown option {unknown[0]!r} (options: {', '.join(options)})"
        if len(set(value)) != len(value):
            return "an option is selected twice"
        alone = self.exclusive_clash(value)
        if alone is not None:
            return f"option {alone!r} cannot be chosen together with another option"
        return None

    @model_validator(mode="after")
    def _fits_type(self) -> "Question":
        kind = self.type
        if kind in ("choice", "multi"):
            if not self.options:
                raise ValueError(f"a {kind} question needs options")
            seen: set[str] = set()
            for option in self.options:
                if option.id in seen:
                    raise ValueError(f"option {option.id!r} appears twice")
                if option.id in SPECIAL_VALUES:
                    raise ValueError(f"option id {option.id!r} is reserved")
                if self.context and option.score is not None:
                    raise ValueError(f"option {option.id!r} has a score, but a context "
                                     "question is not scored")
                if not self.context and option.score is None:
                    raise ValueError(f"option {option.id!r} needs a score")
                if option.exclusive and kind != "multi":
                    raise ValueError(f"option {option.id!r} is exclusive, but only a multi "
                                     "question has options chosen together")
                seen.add(option.id)
        elif self.options is not None:
            raise ValueError(f"a {kind} question has no options")
        if kind == "number" and not self.context:
            if not self.bands:
                raise ValueError("a number question needs bands")
            ordered = sorted(self.bands, key=lambda band: band.min)
            for lower, upper in zip(ordered, ordered[1:], strict=False):
                if lower.max is None or lower.max > upper.min:
                    raise ValueError(f"bands starting at {lower.min} and {upper.min} overlap")
        elif self.bands is not None:
            raise ValueError("a context question is not scored and has no bands"
                             if kind == "number" else f"a {kind} question has no bands")
        if self.unit is not None and kind != "number":
            raise ValueError(f"a {kind} question has no unit")
        if self.reverse and kind != "scale":
            raise ValueError("only scale questions can be reverse")
        if self.aggregate != "sum" and kind != "multi":
            raise ValueError("only multi questions have an aggregate")
        if kind == "text" and self.gate:
            raise ValueError("a text question is not scored and cannot be a gate")
        if kind == "text" and self.context:
            raise ValueError("a text question is context already; leave out 'context'")
        if self.context and (self.gate or self.reverse):
            raise ValueError("a context question is not scored and cannot be a gate or "
                             "reverse")
        return self


class QuestionSet(Frozen):
    """A versioned set of questions (the ``questions.yaml`` format)."""

    id: ItemId
    """Stable id of the set; answers files record it."""
    version: Annotated[str, Field(pattern=SEMVER_PATTERN)]
    """Semantic version of the set."""
    languages: list[LanguageCode] = Field(min_length=1)
    """Languages every text of the set is written in; the first is the default."""
    name: LocalText | None = None
    """Title of the set."""
    questions: list[Question] = Field(min_length=1)
    """The items, in the order they are asked."""

    @field_validator("languages")
    @classmethod
    def _unique_languages(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("languages are listed twice")
        return value

    @functools.cached_property
    def questions_by_id(self) -> dict[str, Question]:
        """Questions keyed by id (built once; do not change it)."""
        return {question.id: question for question in self.questions}

    @functools.cached_property
    def renamed_ids(self) -> dict[str, str]:
        """Old ids named in ``replaces``, each with the id of the question that replaced it."""
        return {old: question.id for question in self.questions for old in question.replaces}

    @functools.cached_property
    def plain_values(self) -> dict[str, frozenset[int | str]]:
        """For scale, yes/no and choice questions: every answer value they accept."""
        return {question.id: frozenset((*question.option_values, *SPECIAL_VALUES))
                for question in self.questions if question.type in ("scale", "yesno", "choice")}

    def by_id(self) -> dict[str, Question]:
        """Questions keyed by id."""
        return self.questions_by_id


# --- the stimuleringsmodel ---------------------------------------------------------------------


class Settings(Frozen):
    """Settings of the model as a whole; given in exactly one model file."""

    id: ItemId
    """Id of the model."""
    version: Annotated[str, Field(pattern=SEMVER_PATTERN)]
    """Semantic version of the model."""
    languages: list[LanguageCode] = Field(min_length=1)
    """Languages every text of the model is written in."""
    threshold: Annotated[float, Field(gt=0.0, le=1.0)] = 0.6
    """Weighted mean score at which a level is met (a phase may override it)."""


class Pillar(Frozen):
    """One of the three pillars."""

    id: PillarId
    name: LocalText
    description: LocalText


class Category(Frozen):
    """One of the categories of findings that questions and instruments belong to."""

    id: ItemId
    name: LocalText
    description: LocalText | None = None


class Phase(Frozen):
    """One step of the six-phase ladder."""

    number: PhaseNumber
    id: PhaseId
    name: LocalText
    description: LocalText
    markers: list[LocalText] = Field(default_factory=list)
    """What a coalition in this phase typically has in place."""
    threshold: Annotated[float, Field(gt=0.0, le=1.0)] | None = None
    """Overrides the model threshold for the levels of this phase."""


class Signal(Frozen):
    """A catalyst or inhibitor of the collaboration, detected from answers."""

    id: ItemId
    kind: Literal["catalyst", "inhibitor"]
    name: LocalText
    description: LocalText
    when: Condition
    """Present when true, absent when false, unknown otherwise."""
    pillars: list[PillarId] = Field(min_length=1)
    """Pillars whose advice mentions this signal."""
    advice: LocalText
    """What to do: build the missing catalyst, or counter the inhibitor."""
    instruments: list[ItemId] = Field(default_factory=list)
    topic: AdviceTopic | None = None
    """Set when the signal's advice is about money or a contract (see ``AdviceTopic``)."""


class PhaseAdvice(Frozen):
    """What reaching a phase asks of a pillar."""

    pillar: PillarId
    phase: PhaseNumber
    text: LocalText
    instruments: list[ItemId] = Field(default_factory=list)
    topic: AdviceTopic | None = None
    """Set when the advice is about money or a contract (see ``AdviceTopic``)."""


class Instrument(Frozen):
    """A catalogue entry: a tool, agreement or practice that helps a coalition grow.

    Which practice examples show it is said by the examples' facts (``Fact.instruments``),
    so each link names the fact that makes it and that fact's source.
    """

    id: ItemId
    name: LocalText
    description: LocalText
    pillars: list[PillarId] = Field(min_length=1)
    phases: list[PhaseNumber] = Field(min_length=1)
    categories: list[ItemId] = Field(min_length=1)
    source: Annotated[str, Field(min_length=1)]
    """The public source of what the description says, and where to read more."""


class Fact(Frozen):
    """One public fact about a practice example, with its source."""

    text: LocalText
    source: Annotated[str, Field(min_length=1)]
    """Where the fact is published."""
    instruments: list[ItemId] = Field(default_factory=list)
    """Catalogue instruments this fact is an example of."""


class Example(Frozen):
    """A practice example: a coalition (or a joint body) and public facts about it."""

    id: ItemId
    coalition: Annotated[str, Field(min_length=1)]
    parties: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    facts: list[Fact] = Field(min_length=1)

    @property
    def sources(self) -> list[str]:
        """The sources of the facts, each once, in the order of the facts."""
        return list(dict.fromkeys(fact.source for fact in self.facts))


class ModelFile(Frozen):
    """One YAML file of the model folder; the model is the union of all of them."""

    settings: Settings | None = None
    pillars: list[Pillar] = Field(default_factory=list)
    categories: list[Category] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    signals: list[Signal] = Field(default_factory=list)
    advice: list[PhaseAdvice] = Field(default_factory=list)
    instruments: list[Instrument] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)


class Model(Frozen):
    """The whole stimuleringsmodel, merged from the files of a model folder."""

    settings: Settings
    pillars: list[Pillar]
    categories: list[Category]
    phases: list[Phase]
    signals: list[Signal]
    advice: list[PhaseAdvice]
    instruments: list[Instrument]
    examples: list[Example]

    def threshold(self, phase: int) -> float:
        """The score at which a level of ``phase`` is met."""
        override = self.phases[phase - 1].threshold
        return self.settings.threshold if override is None else override

    def phase(self, number: int) -> Phase:
        """The phase with this number (1-6)."""
        return self.phases[number - 1]

    def instrument(self, instrument_id: str) -> Instrument:
        """The catalogue instrument with this id."""
        return next(item for item in self.instruments if item.id == instrument_id)

    def example(self, example_id: str) -> Example:
        """The practice example with this id."""
        return next(item for item in self.examples if item.id == example_id)

    def examples_of(self, instrument_id: str) -> list[tuple[Example, Fact]]:
        """Each practice example that shows an instrument, with the first fact saying so."""
        found = []
        for example in self.examples:
            fact = next((f for f in example.facts if instrument_id in f.instruments), None)
            if fact is not None:
                found.append((example, fact))
        return found


# --- answers -----------------------------------------------------------------------------------


class QuestionSetRef(Frozen):
    """Which question set an answers file was made with."""

    id: ItemId
    version: Annotated[str, Field(pattern=SEMVER_PATTERN)]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = None


class Respondent(Frozen):
    """Who answered."""

    organisation: Annotated[str, Field(min_length=1, max_length=NAME_MAX)]
    role: Role
    level: Level


class Action(Frozen):
    """A planned action on the roadmap to a target phase."""

    what: Annotated[str, Field(min_length=1, max_length=ACTION_MAX)]
    owner: Annotated[str, Field(max_length=NAME_MAX)] = ""
    due: dt.date | None = None
    item: ItemId | None = None
    """Question this action addresses."""
    instrument: ItemId | None = None
    """Instrument this action applies."""
    done: StrictBool = False


class ConsensusRecord(Frozen):
    """What a consensus conversation discusses, kept in the coalition file to resume it."""

    partners: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(min_length=2)
    """The partners whose files were combined, as labelled in the conversation."""
    topics: dict[ItemId, dict[Annotated[str, Field(max_length=200)], AnswerValue]]
    """Per discussion topic, in the order asked: each partner's answer."""


RoundLabel = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f\x7f]+$")]


class Answers(Frozen):
    """One respondent's answers on one date (the answers file format)."""

    stimulering_answers: Literal[1]
    """Format version of the answers file."""
    question_set: QuestionSetRef | None = None
    coalition: Annotated[str, Field(min_length=1, max_length=NAME_MAX)]
    respondent: Respondent
    date: dt.date
    round: RoundLabel | None = None
    """The assessment round the file belongs to; files of one round are combined."""
    lang: LanguageCode = "nl"
    answers: dict[ItemId, AnswerValue] = Field(default_factory=dict)
    notes: dict[ItemId, Annotated[str, Field(max_length=NOTE_MAX)]] = Field(default_factory=dict)
    targets: dict[PillarId, PhaseNumber] = Field(default_factory=dict)
    actions: list[Action] = Field(default_factory=list)
    consensus: ConsensusRecord | None = None
    """Set in a coalition file made by a consensus conversation."""

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.date()
        return value

    def answered(self) -> dict[str, AnswerValue]:
        """Answers that are given (not ``None``)."""
        return {key: value for key, value in self.answers.items() if value is not None}


