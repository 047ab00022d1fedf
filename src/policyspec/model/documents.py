"""The typed model of a policy document: the single source of truth for the spec structure.

Everything here must be expressible in JSON Schema, because the committed schema is generated
from these classes and editors validate against it. Checks that need more than one field, or
the source text, live in :mod:`policyspec.rules` instead, so the schema and the models never
disagree about what is valid. The value types of the fields are in :mod:`policyspec.model.fields`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import ConfigDict, Field

from policyspec.model.dates import DATE_PATTERN
from policyspec.model.exact import exact
from policyspec.model.fields import (
    ONE_LINE,
    DateText,
    Duration,
    Figure,
    Quote,
    Slug,
    StrictModel,
    Text,
    Year,
    nested_model,
)
from policyspec.model.provenance import Evidenced, Excluded, Inference, QualityNote
from policyspec.model.reprs import clipped, counted, reading, timing
from policyspec.model.vocabulary import (
    Commitment,
    IssuerLevel,
    Operator,
    SectionKind,
    Topic,
    Unit,
)

# DATE_PATTERN, exact, StrictModel, Text and nested_model live in their own modules now; they are
# named here too, for the code that has always imported them from this one.
__all__ = [
    "DATE_PATTERN",
    "SCHEMA_ID",
    "Date",
    "Document",
    "DocumentNumber",
    "Evidenced",
    "Excluded",
    "Goal",
    "Indicator",
    "Inference",
    "Issuer",
    "Measure",
    "PlanPeriod",
    "Principle",
    "QualityNote",
    "Section",
    "Source",
    "StrictModel",
    "Target",
    "Text",
    "exact",
    "nested_model",
]

SCHEMA_ID = "https://policyspec.dev/schemas/policyspec.schema.json"


class Source(StrictModel):
    """The archived source text this spec encodes, pinned by its hash."""

    file: str = Field(
        pattern=r"^[A-Za-z0-9_.-]+\.txt$",
        json_schema_extra=ONE_LINE,
        description="File name of the archived source text, in the sources folder beside specs/.",
        examples=["000_d1419bd5a6a19614.txt"],
    )
    sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        json_schema_extra=ONE_LINE,
        description="SHA-256 of the source file's bytes; the validator recomputes it.",
    )


class Issuer(Evidenced):
    """A body that issued or adopted the document."""

    name: Text = Field(description="The issuing body's name.")
    level: IssuerLevel = Field(description="Administrative level of the issuer.")
    place: Text | None = Field(default=None, description="The place the issuer governs, if not national.")


class Date(Evidenced):
    """When the document was issued or adopted, as precisely as the source says."""

    value: DateText = Field(description="The date: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.")
    kind: Literal["issued", "adopted", "published"] = Field(
        description="What happened on this date: issued (印发), adopted (通过) or published online."
    )


class DocumentNumber(Evidenced):
    """The official document number (文号), such as 鄂发[2006]13号."""

    value: str = Field(
        min_length=1, description="The number exactly as printed.", examples=["鄂发[2006]13号"]
    )


class PlanPeriod(Evidenced):
    """The years the plan covers (inclusive)."""

    start: Year = Field(description="First year of the plan period.")
    end: Year = Field(description="Last year of the plan period.")


class Section(StrictModel):
    """A heading or numbered item of the document, with its numbering as printed."""

    id: Slug
    kind: SectionKind = Field(description="Structural level: chapter, section, item or paragraph.")
    number: str | None = Field(
        default=None,
        description="The numbering exactly as printed ('一、', '（三）', '15、', '(二十一)'); null if none.",
        examples=["（一）"],
    )
    title: Text = Field(description="The heading text without its number.")
    quote: Quote = Field(description="The heading as it stands in the source, number included.")
    parent: Slug | None = Field(default=None, description="Id of the enclosing section; null at top level.")

    def __repr_args__(self) -> Iterator[tuple[str | None, object]]:
        yield "id", self.id
        if self.number is not None:
            yield "number", self.number
        yield "title", clipped(self.title.zh)


class Goal(StrictModel):
    """An aim of the document: the overall goal, one of its aspects, or a section goal."""

    id: Slug
    kind: Literal["overall", "aspect", "section"] = Field(
        description="Overall goal, an aspect of it, or a section's goal."
    )
    title: Text = Field(description="The goal's name or short statement.")
    quote: Quote
    section: Slug | None = Field(default=None, description="Id of the section where the goal is stated.")
    parent: Slug | None = Field(default=None, description="Id of the goal this one is an aspect of.")
    deadline: DateText | None = Field(default=None, description="When the goal is due, if stated.")

    def __repr_args__(self) -> Iterator[tuple[str | None, object]]:
        yield from (("id", self.id), ("kind", self.kind), ("title", clipped(self.title.zh)))
        if self.deadline is not None:
            yield "deadline", self.deadline


class Principle(StrictModel):
    """A named principle the document commits to."""

    id: Slug
    name: Text = Field(description="The principle's name.")
    quote: Quote
    section: Slug | None = Field(default=None, description="Id of the section where it is stated.")

    def __repr_args__(self) -> Iterator[tuple[str | None, object]]:
        yield from (("id", self.id), ("name", clipped(self.name.zh)))


class Measure(StrictModel):
    """A task the document assigns: usually one numbered item."""

    id: Slug
    title: Text = Field(description="The measure's title (the item heading) or a short statement.")
    quote: Quote
    section: Slug | None = Field(
        default=None, description="Id of the section (numbered item) that states it."
    )
    lead_units: list[Text] = Field(
        default_factory=list,
        description="Bodies the source names as leading or responsible, in the order given.",
    )
    goal: Slug | None = Field(
        default=None, description="Id of the goal this measure serves, if the source ties them."
    )

    def __repr_args__(self) -> Iterator[tuple[str | None, object]]:
        yield from (("id", self.id), ("title", clipped(self.title.zh)))
        if self.goal is not None:
            yield "goal", self.goal


class Target(StrictModel):
    """The reading of a threshold phrase: operator, exact value, unit."""

    operator: Operator | None = Field(
        default=None,
        description="ge 以上/不少于/至少, gt 超过, le 以下/不超过, lt 低于, eq a bare figure, "
        "approx 左右/约, range N～M; null for a dated milestone with no figure.",
    )
    value: Figure | None = Field(
        default=None,
        description="The exact figure (1.5万 is 15000; 90％ is 90); 'p/q' for fractions; null when "
        "the source leaves a placeholder or for a milestone.",
        examples=[90, "1/3"],
    )
    upper: Figure | None = Field(
        default=None, description="Upper bound of a range (1－3名: value 1, upper 3)."
    )
    unit: Unit | None = Field(default=None, description="Unit of value from the controlled vocabulary.")
    reference: Text | None = Field(
        default=None,
        description="For a relative threshold (不低于…两倍): the reference quantity; value multiplies it.",
    )


class Indicator(StrictModel):
    """One quantitative figure or dated milestone of the document."""

    id: Slug
    quote: Quote
    measured: Text = Field(description="What is measured or required.")
    target: Target = Field(default_factory=Target, description="The threshold; empty for a milestone.")
    kind: Literal["target", "trigger"] = Field(
        default="target",
        description="target: a figure to reach; trigger: a threshold that sets off an action (列后3位…整改).",
    )
    per: Duration | None = Field(
        default=None, description="Recurrence as an ISO 8601 duration; null if one-off."
    )
    per_term: bool = Field(
        default=False, description="True when the recurrence is once per term of office (每届)."
    )
    deadline: DateText | None = Field(
        default=None, description="By when ('到2010年' is '2010'); null if none."
    )
    start: DateText | None = Field(
        default=None, description="From when it applies ('从2003年起' is '2003'): a start, not a deadline."
    )
    implied: Quote | None = Field(
        default=None,
        description="The phrase of the quote that states a total without a figure (全部, 所有, 全覆盖): "
        "the target is eq 100 percent.",
    )
    inferred: Inference | None = Field(
        default=None, description="Fields reconstructed beyond the quote, with the evidence that states them."
    )
    population: Text | None = Field(default=None, description="The population or body the figure applies to.")
    lead_units: list[Text] = Field(
        default_factory=list, description="Bodies responsible, where the source names them."
    )
    placeholder: bool = Field(
        default=False, description="True when the source leaves the value as a placeholder (X轮)."
    )
    topics: list[Topic] = Field(default_factory=list, description="Topic tags, so documents can be compared.")
    measure: Slug | None = Field(default=None, description="Id of the measure it belongs to.")
    goal: Slug | None = Field(
        default=None, description="Id of the goal it belongs to (when not a measure's)."
    )
    commitment: Commitment | None = Field(
        default=None, description="Strength of the wording: must (确保/必须) or strive (力争)."
    )
    note: str | None = Field(default=None, description="How an unusual phrase was read (English).")

    def __repr_args__(self) -> Iterator[tuple[str | None, object]]:
        """The id, the target as people read it (``≥ 90 percent``), its recurrence and deadline."""
        target = self.target
        reference = target.reference.zh if target.reference else None
        yield "id", self.id
        yield reading(target.operator, target.value, target.upper, target.unit, reference)
        if self.kind != "target":
            yield "kind", self.kind
        yield from timing(self.per, self.per_term, self.deadline)


class Document(StrictModel):
    """One source document, encoded."""

    model_config = ConfigDict(
        json_schema_extra={"$id": SCHEMA_ID, "title": "policyspec document"},
    )

    id: Slug
    source: Source = Field(description="The archived source text this spec encodes.")
    title: Text = Field(description="The document's title.")
    kind: Literal["outline", "plan", "opinion", "work-points", "notice"] = Field(
        description="What sort of document this is (纲要 outline, 规划 plan, 意见 opinion, 要点 work points)."
    )
    issuers: list[Issuer] = Field(min_length=1, description="Who issued or adopted it.")
    date: Date | None = Field(default=None, description="Issue or adoption date, if known.")
    document_number: DocumentNumber | None = Field(default=None, description="The 文号, where there is one.")
    plan_period: PlanPeriod | None = Field(default=None, description="Years the plan covers.")
    quality_notes: list[QualityNote] = Field(default_factory=list, description="Problems of the source text.")
    sections: list[Section] = Field(
        default_factory=list, description="Headings and numbered items, in order."
    )
    goals: list[Goal] = Field(default_factory=list, description="Overall goal, its aspects, section goals.")
    principles: list[Principle] = Field(default_factory=list, description="Named principles.")
    measures: list[Measure] = Field(default_factory=list, description="The tasks, usually one per item.")
    indicators: list[Indicator] = Field(
        default_factory=list, description="Every quantitative figure and dated milestone, one per figure."
    )
    excluded: list[Excluded] = Field(
        default_factory=list,
        description="Quantitative statements of the source deliberately not encoded, each with its reason.",
    )

    def __repr_args__(self) -> Iterator[tuple[str | None, object]]:
        """The id, title (zh), kind and date, and how many of each part: never the parts themselves."""
        yield from (("id", self.id), ("title", clipped(self.title.zh)), ("kind", self.kind))
        if self.date is not None:
            yield "date", self.date.value
        for name in ("sections", "goals", "principles", "measures", "indicators"):
            yield None, counted(len(getattr(self, name)), name[:-1])
