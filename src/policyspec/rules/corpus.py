"""Corpus-wide rules: what holds across the files checked together, not within one.

They run after every file was checked on its own, on a small summary of each (so a large
corpus checked in worker processes need not keep its documents), and return diagnostics by the
index of the file they belong to.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from policyspec.diagnostics import Diagnostic
from policyspec.rules._base import Rule, emits

__all__ = ["CORPUS_RULES", "CorpusRule", "DocumentIdentity", "duplicate_document_ids", "run_corpus_rules"]


@dataclass(frozen=True, slots=True)  # one per file, kept until every file is checked
class DocumentIdentity:
    """What corpus-wide rules know of one valid document: its file, its id and where the id is."""

    file: str
    document_id: str
    position: tuple[int, int]  # line and column of the id's value


CorpusRule = Rule[Sequence[DocumentIdentity | None], tuple[int, Diagnostic]]


@emits("PS218")
def duplicate_document_ids(documents: Sequence[DocumentIdentity | None]) -> Iterator[tuple[int, Diagnostic]]:
    """Document ids must be unique across the files checked together (PS218)."""
    first: dict[str, DocumentIdentity] = {}
    for index, document in enumerate(documents):
        if document is None:
            continue
        earlier = first.setdefault(document.document_id, document)
        if earlier is document:
            continue
        line, column = document.position
        message = f"document id '{document.document_id}' is already used by {earlier.file}"
        hint = "every document of a corpus needs its own id"
        yield index, Diagnostic(document.file, line, column, "PS218", message, path=("id",), hint=hint)


CORPUS_RULES: tuple[CorpusRule, ...] = (duplicate_document_ids,)


def run_corpus_rules(documents: Sequence[DocumentIdentity | None]) -> dict[int, list[Diagnostic]]:
    """Every corpus-wide rule's diagnostics, by the index of the file each belongs to."""
    found: dict[int, list[Diagnostic]] = {}
    for rule in CORPUS_RULES:
        for index, diagnostic in rule(documents):
            found.setdefault(index, []).append(diagnostic)
    return found
