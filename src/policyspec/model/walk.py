"""Where the quotable and identifiable things of a document are, with their paths."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from policyspec.diagnostics import JsonPath

if TYPE_CHECKING:
    from policyspec.model.documents import Document, Evidenced

__all__ = ["COLLECTIONS", "evidenced_facts", "identified", "quoted_texts"]

COLLECTIONS = ("quality_notes", "sections", "goals", "principles", "measures", "indicators")


def evidenced_facts(document: Document) -> Iterator[tuple[JsonPath, Evidenced]]:
    """Metadata that may be inferred: issuers, date, document number, plan period."""
    for index, issuer in enumerate(document.issuers):
        yield ("issuers", index), issuer
    for name in ("date", "document_number", "plan_period"):
        fact = getattr(document, name)
        if fact is not None:
            yield (name,), fact


def quoted_texts(document: Document) -> Iterator[tuple[JsonPath, str]]:
    """Every text that must be found verbatim in the source: quotes and evidence."""
    for path, fact in evidenced_facts(document):
        for index, quote in enumerate(fact.evidence):
            yield (*path, "evidence", index), quote
    for name in COLLECTIONS:
        for index, entry in enumerate(getattr(document, name)):
            text: str | None = getattr(entry, "quote", None)
            if text is not None:
                yield (name, index, "quote"), text
    for index, indicator in enumerate(document.indicators):
        if indicator.inferred is not None:
            for at, quote in enumerate(indicator.inferred.evidence):
                yield ("indicators", index, "inferred", "evidence", at), quote
    for index, excluded in enumerate(document.excluded):
        yield ("excluded", index, "quote"), excluded.quote


def identified(document: Document) -> Iterator[tuple[JsonPath, str]]:
    """Every id of the document, which share one namespace."""
    for name in COLLECTIONS:
        for index, entry in enumerate(getattr(document, name)):
            yield (name, index, "id"), entry.id
