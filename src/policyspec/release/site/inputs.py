"""What a site is built from: each valid document with its source text and coverage counts.

The source text is read as validation reads it (:mod:`policyspec.loading.sources`) and must
still hash to the SHA-256 the spec pins, so the page shows the text that was checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from policyspec.loading.check import CheckedSpec
from policyspec.loading.options import CheckOptions
from policyspec.loading.sources import read_source, source_folders
from policyspec.model.documents import Document
from policyspec.rules.coverage import CoverageCounts

__all__ = ["SiteDocument", "SiteError", "site_documents"]


class SiteError(Exception):
    """The site cannot be built: nothing to show, or a source text is missing or changed."""


@dataclass(frozen=True)
class SiteDocument:
    """A document, the full text of its source, and how much of that text the spec accounts for."""

    document: Document
    source_text: str
    coverage: CoverageCounts | None = None


def site_documents(checked: Sequence[CheckedSpec], options: CheckOptions) -> list[SiteDocument]:
    """The checked documents with their sources, by id (call it on specs without errors)."""
    documents = []
    for spec in checked:
        document = spec.document
        if document is None:
            continue
        folders = source_folders(spec.path, options.sources)
        source = read_source([folder / document.source.file for folder in folders], options.limits)
        if source.text is None:
            raise SiteError(source.problem or f"{document.id}: source text {document.source.file} not found")
        if source.sha256 != document.source.sha256:
            raise SiteError(f"{document.id}: {document.source.file} changed since its spec pinned it")
        documents.append(SiteDocument(document, source.text, spec.coverage))
    if not documents:
        raise SiteError("no documents to show: no spec files were given or found")
    return sorted(documents, key=lambda d: d.document.id)
