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
import re
import sys
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
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

PartnerRole = Literal[
    "gemeente", "netbeheerder", "drinkwaterbedrijf", "waterschap", "warmte", "telecom", "overig",
]
"""The role of a partner's organisation (``coalitie`` is no partner: it is the coalition)."""
PARTNER_ROLES: tuple[str, ...] = tuple(role for role in ROLES if role != "coalitie")

ITEM_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
ITEM_ID_MAX = 64
"""Longest id of a question, option, instrument, example or signal."""
ItemId = Annotated[str, Field(pattern=ITEM_ID_PATTERN, max_length=ITEM_ID_MAX)]
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
TEXT_ANSWER_MAX = 10_000
"""Longest answer to an open (text) question, as long as a note."""
ROUND_MAX = 100
"""Longest label of an assessment round."""
SLUG_MAX = 80
"""Longest part of a file name made from a name: two of them and a date stay well inside a
file system's 255 bytes."""

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Largest YAML file read; real question sets are a few hundred kilobytes at most."""
MAX_LINE_CHARS = 20_000
"""Longest line of a YAML file."""
MAX_NODES = 200_000
"""Largest number of values a document may have, once its aliases are expanded."""

def name_problem(text: str) -> str | None:
    """Why ``text``, a name given on the command line, cannot be used; ``None`` when it can.

    A name given as an option (``--coalition``, ``--organisation``) goes into the files of
    every partner, so it keeps to the limit of an answers file (``NAME_MAX``) and is one
    line of text: a control character (a line break, ESC) or bytes that are not UTF-8
    (which Python keeps as lone surrogates) are refused. Empty names are the caller's.
    """
    for char in text:
        if "\ud800" <= char <= "\udfff":
            return "is not UTF-8 text; give the name as plain text"
        if char < " " or "\x7f" <= char <= "\x9f":
            return (f"contains the control character U+{ord(char):04X}; give the name as one "
                    "line of plain text")
    length = len(text.strip())
    if length > NAME_MAX:
        return f"at most {NAME_MAX} characters, not {length:,}"
    return None


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


# --- provenance ---------------------------------------------------------------------------------

REPORT_SECTIONS: tuple[str, ...] = (
    "Voorwoord",
    "Management-samenvatting",
    "Aanleiding, achtergrond, doel",
    "Algemeen",
    "Successen en kracht",
    "Uitdagingen",
    "Lessons learned",
    "Proces bouw van de samenwerking",
    "Governance",
    "Doelen en meetbaarheid",
    "Middelen en informatie-uitwisseling",
    "Financiën",
    "Toekomstige uitdagingen en doorontwikkeling",
    "Conclusie en vervolg",
    "Bijlage 1",
    "Bijlage 2",
    "Bijlage 3",
)
"""The headings of the source report (the study of eight coalitions) an origin may name."""

ReportSection = Literal[
    "Voorwoord", "Management-samenvatting", "Aanleiding, achtergrond, doel", "Algemeen",
    "Successen en kracht", "Uitdagingen", "Lessons learned", "Proces bouw van de samenwerking",
    "Governance", "Doelen en meetbaarheid", "Middelen en informatie-uitwisseling", "Financiën",
    "Toekomstige uitdagingen en doorontwikkeling", "Conclusie en vervolg", "Bijlage 1",
    "Bijlage 2", "Bijlage 3",
]
OriginSource = Literal["report", "samenwerkwijzer", "own"]


class Origin(Frozen):
    """Where a part of the model comes from: the report, De Samenwerkwijzer, or our choice.

    ``report`` names the report's section (and may quote its sentence); ``samenwerkwijzer``
    names the stage of De Samenwerkwijzer (1-6); ``own`` says why we chose so, where the
    report leaves the choice open or says nothing.
    """

    source: OriginSource
    """``report``, ``samenwerkwijzer`` or ``own``."""
    section: ReportSection | None = None
    """The report's section; required for ``report``."""
    quote: Annotated[str, Field(min_length=1)] | None = None
    """The report's own sentence, when the part rests on one."""
    stage: PhaseNumber | None = None
    """De Samenwerkwijzer's stage; required for ``samenwerkwijzer``."""
    why: Annotated[str, Field(min_length=1)] | None = None
    """Why we chose so; required for ``own``."""

    @model_validator(mode="after")
    def _complete(self) -> "Origin":
        needed = {"report": "section", "samenwerkwijzer": "stage", "own": "why"}[self.source]
        if getattr(self, needed) is None:
            raise ValueError(f"an origin from {self.source!r} needs {needed!r}")
        if self.source != "report" and (self.section is not None or self.quote is not None):
            raise ValueError("only an origin from 'report' has a section or a quote")
        if self.source != "samenwerkwijzer" and self.stage is not None:
            raise ValueError("only an origin from 'samenwerkwijzer' has a stage")
        return self


class EntryCondition(Frozen):
    """Why a gate may hold its level by itself: the report's sentence it rests on."""

    section: ReportSection
    """The report's section."""
    quote: Annotated[str, Field(min_length=1)]
    """The report's sentence that makes the answer a minimum for the phase."""


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


class AppliesTo(Frozen):
    """Whom a question is asked of: roles and/or levels (an empty list: every one)."""

    roles: list[PartnerRole] = Field(default_factory=list)
    """The roles of the organisations asked; empty: every role."""
    levels: list[Level] = Field(default_factory=list)
    """The levels asked; empty: every level."""

    @model_validator(mode="after")
    def _says_something(self) -> "AppliesTo":
        if not self.roles and not self.levels:
            raise ValueError("applies_to needs roles or levels (leave it out to ask everyone)")
        for name, values in (("role", self.roles), ("level", self.levels)):
            if len(set(values)) != len(values):
                raise ValueError(f"a {name} is listed twice")
        return self

    def takes(self, role: str | None, level: str | None) -> bool:
        """Whether a respondent of ``role`` at ``level`` is asked (``None``: any role or level)."""
        return ((not self.roles or role is None or role in self.roles)
                and (not self.levels or level is None or level in self.levels))


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
    the dig-rest period), and facts only a catalyst or inhibitor reads: no answer is
    better than another."""
    entry_condition: EntryCondition | None = None
    """On a gate: the report's sentence that makes this answer a minimum, so that it may
    hold its level (and every phase above it) by itself. Only a gate has one; question sets
    written before it existed keep their gates without."""
    origin: Origin | None = None
    """Where the item, its scoring (bands) and its advice come from."""
    applies_to: AppliesTo | None = None
    """Whom the interview, the form and the workbook ask this question (default: everyone).
    A respondent's own assessment counts any answer they give; the coalition view counts
    only the answers of those the question is asked of."""

    def asks(self, respondent: "Respondent | None") -> bool:
        """Whether this question is asked of ``respondent``.

        Everyone is asked a question without ``applies_to``; the coalition's own file (role
        ``coalitie``) and an unknown respondent are asked every question.
        """
        if self.applies_to is None or respondent is None or respondent.role == "coalitie":
            return True
        return self.applies_to.takes(respondent.role, respondent.level)

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
            if not isinstance(value, str):
                return "expected free text"
            if len(value) > TEXT_ANSWER_MAX:
                return f"at most {TEXT_ANSWER_MAX:,} characters, not {len(value):,}"
            return None
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
        if self.entry_condition is not None and not self.gate:
            raise ValueError("an entry_condition belongs to a gate; add 'gate: true' or "
                             "remove it")
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
    threshold_origin: Origin | None = None
    """Where the threshold comes from."""


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


class Marker(Frozen):
    """One thing a coalition in a phase typically has in place, and where it comes from."""

    text: LocalText
    origin: Origin | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, data: Any) -> Any:
        # A model written before markers had an origin gives each marker as its text alone.
        if isinstance(data, dict) and "text" not in data and "origin" not in data:
            return {"text": data}
        return data


class Phase(Frozen):
    """One step of the six-phase ladder."""

    number: PhaseNumber
    id: PhaseId
    name: LocalText
    description: LocalText
    origin: Origin | None = None
    """Where the phase (its name) comes from."""
    markers: list[Marker] = Field(default_factory=list)
    """What a coalition in this phase typically has in place."""
    threshold: Annotated[float, Field(gt=0.0, le=1.0)] | None = None
    """Overrides the model threshold for the levels of this phase."""
    threshold_origin: Origin | None = None
    """Where this phase's own threshold comes from."""


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
    origin: Origin | None = None
    """Where the signal comes from (the report names the catalysts and inhibitors)."""
    caps_phase: PhaseNumber | None = None
    """An inhibitor only: while it is present, its pillars are placed no higher than this."""
    caps_origin: Origin | None = None
    """Why the inhibitor holds the phase; required with ``caps_phase``."""

    @model_validator(mode="after")
    def _cap(self) -> "Signal":
        if self.caps_phase is not None and self.kind != "inhibitor":
            raise ValueError("only an inhibitor holds the phase (caps_phase)")
        if (self.caps_phase is None) != (self.caps_origin is None):
            raise ValueError("caps_phase and caps_origin go together")
        return self


class PhaseAdvice(Frozen):
    """What reaching a phase asks of a pillar."""

    pillar: PillarId
    phase: PhaseNumber
    text: LocalText
    instruments: list[ItemId] = Field(default_factory=list)
    topic: AdviceTopic | None = None
    """Set when the advice is about money or a contract (see ``AdviceTopic``)."""
    origin: Origin | None = None
    """Where the advice comes from."""


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


def _file_date(value: Any) -> Any:
    """A date as an answers file holds it: a YAML date, or a text such as ``2026-11-28``.

    Pydantic would also take a number (as seconds since 1970) and a date with a time of
    day of zero; a file that the form of the partners reads must mean one thing.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date) or value is None:
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return value  # pydantic reads it, and names a day or month out of range
    raise ValueError(f"expected a date such as 2026-11-28, not {_shown(value)}")


FileDate = Annotated[dt.date, BeforeValidator(_file_date)]


def _whole_number(value: Any) -> Any:
    """A format version is a whole number: ``1.0`` or ``"1"`` is not the version 1."""
    if type(value) is not int:
        raise ValueError(f"Input should be 1, not {_shown(value)}")
    return value
"""A date in an answers file: a YAML date or an ISO text, nothing else."""


class Action(Frozen):
    """A planned action on the roadmap to a target phase."""

    what: Annotated[str, Field(min_length=1, max_length=ACTION_MAX)]
    owner: Annotated[str, Field(max_length=NAME_MAX)] = ""
    due: FileDate | None = None
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
    notes: dict[ItemId, dict[Annotated[str, Field(max_length=200)],
                             Annotated[str, Field(max_length=NOTE_MAX)]]] = Field(
        default_factory=dict)
    """Per discussion topic, each partner's note to their answer (why, the evidence), shown
    beside the answer while the partners discuss it."""


RoundLabel = Annotated[str, Field(min_length=1, max_length=ROUND_MAX,
                                   pattern=r"^[^\x00-\x1f\x7f]+$")]


class Answers(Frozen):
    """One respondent's answers on one date (the answers file format)."""

    stimulering_answers: Annotated[Literal[1], BeforeValidator(_whole_number)]
    """Format version of the answers file."""
    question_set: QuestionSetRef | None = None
    coalition: Annotated[str, Field(min_length=1, max_length=NAME_MAX)]
    respondent: Respondent
    date: FileDate
    round: RoundLabel | None = None
    """The assessment round the file belongs to; files of one round are combined."""
    lang: LanguageCode = "nl"
    answers: dict[ItemId, AnswerValue] = Field(default_factory=dict)
    notes: dict[ItemId, Annotated[str, Field(max_length=NOTE_MAX)]] = Field(default_factory=dict)
    targets: dict[PillarId, Annotated[StrictInt, Field(ge=1, le=6)]] = Field(
        default_factory=dict)
    """A target phase per pillar: a whole number, 1 to 6."""
    actions: list[Action] = Field(default_factory=list)
    consensus: ConsensusRecord | None = None
    """Set in a coalition file made by a consensus conversation."""

    def answered(self) -> dict[str, AnswerValue]:
        """Answers that are given (not ``None``)."""
        return {key: value for key, value in self.answers.items() if value is not None}




# --- expected respondents ----------------------------------------------------------------------


class ExpectedRespondent(Frozen):
    """One partner the coordinator expects an answers file from."""

    organisation: Annotated[str, Field(min_length=1, max_length=NAME_MAX)]
    """The organisation, as it will write its name (case and spaces do not matter)."""
    role: PartnerRole | None = None
    """Its role; when given, only a file of that role counts."""
    level: Level | None = None
    """The level of who answers; when given, only a file of that level counts."""
    contact: Annotated[str, Field(max_length=NAME_MAX)] = ""
    """Who to remind, for the coordinator's own use: shown beside a missing respondent,
    never in the reminder."""


class ExpectedRespondents(Frozen):
    """The partners a coordinator expects answers from in a round (for ``stimulering status``)."""

    stimulering_expected: Literal[1]
    """Format version of the list."""
    coalition: Annotated[str, Field(min_length=1, max_length=NAME_MAX)]
    round: RoundLabel | None = None
    """The round the list is for; without one, the coalition's latest round."""
    due: dt.date | None = None
    """The day the answers are due, for the reminder."""
    respondents: list[ExpectedRespondent] = Field(min_length=1)
