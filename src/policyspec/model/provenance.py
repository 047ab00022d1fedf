"""Where the facts of a document come from, and what is deliberately left out: evidence for a
reconstructed fact, an indicator's inferred fields, statements excluded with a reason, and
problems of the scraped source. Part of the models (:mod:`policyspec.model.documents`)."""

from __future__ import annotations

from pydantic import Field

from policyspec.model.fields import Quote, Slug, StrictModel
from policyspec.model.vocabulary import ExclusionReason, InferableField, NoteKind

__all__ = ["Evidenced", "Excluded", "Inference", "QualityNote"]


class Evidenced(StrictModel):
    """A fact that may be reconstructed rather than stated, with the quotes that prove it."""

    inferred: bool = Field(
        default=False,
        description="True when the source does not state this directly and it was reconstructed.",
    )
    evidence: list[Quote] = Field(
        default_factory=list,
        description="Exact source quotes that state or prove the value (required when inferred).",
    )


class QualityNote(StrictModel):
    """A problem of the scraped source text, recorded instead of silently fixed."""

    id: Slug
    kind: NoteKind = Field(description="What kind of problem this is.")
    description: str = Field(
        min_length=1, description="What is wrong and how the spec deals with it (English)."
    )
    quote: Quote | None = Field(default=None, description="The affected source text, when it can be quoted.")


class Inference(StrictModel):
    """What an indicator encodes beyond its own quote, and the source quotes that state it."""

    fields: list[InferableField] = Field(min_length=1, description="The fields its quote does not state.")
    evidence: list[Quote] = Field(
        min_length=1, description="Exact source quotes that state each inferred field (a deadline's year…)."
    )
    reason: str = Field(min_length=1, description="How the fields follow from the evidence (English).")


class Excluded(StrictModel):
    """A quantitative statement of the source deliberately not encoded, and why."""

    quote: Quote = Field(
        description="The statement as it stands in the source; every figure in it is excluded."
    )
    reason: ExclusionReason = Field(description="Why it is not an indicator (docs/encoding.md).")
    note: str | None = Field(default=None, description="More on the reason (English).")
