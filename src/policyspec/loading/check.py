"""One spec file, checked end to end: opened (read, decode, parse), its structure checked
against the models, its source text found, then the semantic rules run."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from policyspec.diagnostics import Diagnostic
from policyspec.loading.collector import collector_paused
from policyspec.loading.opening import OpenedSpec, Unopened, display_name, open_spec
from policyspec.loading.options import DEFAULT_OPTIONS, CheckOptions
from policyspec.loading.sources import read_source, source_folders
from policyspec.loading.structure import build_document
from policyspec.quote_places import QuotePlaces
from policyspec.rules import RuleContext, run_rules
from policyspec.rules.corpus import DocumentIdentity
from policyspec.rules.coverage import Accounted, CoverageCounts, account, counts

if TYPE_CHECKING:
    from policyspec.model.documents import Document

__all__ = ["CheckedSpec", "check_opened", "check_spec", "display_name"]


@dataclass(frozen=True)
class CheckedSpec:
    """The outcome for one file: the document when its structure is valid, and every problem."""

    path: Path
    document: Document | None
    diagnostics: tuple[Diagnostic, ...]
    sha256: str | None = None  # of the bytes that were checked, so a release hashes what was validated
    identity: DocumentIdentity | None = None  # kept when the document is not, for corpus-wide rules
    coverage: CoverageCounts | None = None  # statements of the source, encoded and excluded
    source_text: str | None = None  # the source as validated, so a release ships and anchors those bytes
    quote_starts: Mapping[str, int] | None = None  # where the check found each quote in source_text

    def with_diagnostics(self, more: tuple[Diagnostic, ...]) -> CheckedSpec:
        return replace(self, diagnostics=self.diagnostics + more)


def check_spec(
    path: Path, options: CheckOptions = DEFAULT_OPTIONS, *, keep_document: bool = True
) -> CheckedSpec:
    """Check one file on its own (rules across files run in :func:`~.check_files.check_files`).

    ``keep_document=False``: the outcome holds no document nor source text, and the check may
    then build the document as plain records (no pydantic, :mod:`policyspec.model.plain`).
    """
    with collector_paused():
        return check_opened(path, open_spec(path, options.limits), options, keep_document=keep_document)


def check_opened(
    path: Path,
    opened: OpenedSpec | Unopened,
    options: CheckOptions = DEFAULT_OPTIONS,
    *,
    keep_document: bool = True,
) -> CheckedSpec:
    """Check a spec already opened (the language server keeps the parse for hovers)."""
    if isinstance(opened, Unopened):
        return CheckedSpec(path, None, (opened.diagnostic,), opened.sha256)
    marks = opened.parsed.marks
    document = build_document(opened.parsed.data, file=opened.file, marks=marks, plain=not keep_document)
    if isinstance(document, list):
        return CheckedSpec(path, None, tuple(document), opened.sha256)
    diagnostics, accounted, places = _rule_diagnostics(document, opened, options)
    identity = DocumentIdentity(opened.file, document.id, marks.of_value(("id",)))
    coverage = counts(accounted) if accounted is not None else None
    if not keep_document:
        return CheckedSpec(path, None, tuple(diagnostics), opened.sha256, identity, coverage)
    source_text, starts = (places.text, places.found()) if places is not None else (None, None)
    return CheckedSpec(
        path, document, tuple(diagnostics), opened.sha256, identity, coverage, source_text, starts
    )


def _rule_diagnostics(
    document: Document, opened: OpenedSpec, options: CheckOptions
) -> tuple[list[Diagnostic], tuple[Accounted, ...] | None, QuotePlaces | None]:
    searched = source_folders(opened.path, options.sources)
    source = read_source([folder / document.source.file for folder in searched], options.limits)
    places = QuotePlaces(source.text) if source.text is not None else None
    accounted = tuple(account(document, places)) if places is not None else None
    context = RuleContext(
        document=document,
        source_text=source.text,
        source_sha256=source.sha256,
        source_searched=tuple(display_name(folder) for folder in searched),
        source_problem=source.problem,
        accounted=accounted,
        spec_text=opened.text,
        quote_places=places,
    )
    marks = opened.parsed.marks
    diagnostics = []
    for finding in run_rules(context):
        line, column = marks.of_value(finding.path)
        diagnostics.append(
            Diagnostic(
                opened.file, line, column, finding.code, finding.message, path=finding.path, hint=finding.hint
            )
        )
    return sorted(diagnostics), accounted, places
