"""What a release is made of: validated documents, one at a time.

A :class:`ReleaseInput` is one valid document with the spec file it came from (by name and hash,
never by path) and the source text it was validated against. :class:`CheckedInputs` checks spec
files through the one front door as a release consumes them, keeping of each file only what the
rules across files need (its id) and its diagnostics, so memory does not grow with the documents;
once every file is checked it runs the rules across files and refuses the whole corpus if
anything has an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from policyspec.diagnostics import Diagnostic, PolicyspecError, has_errors
from policyspec.loading.check import CheckedSpec
from policyspec.loading.check_files import check_one_by_one, corpus_diagnostics
from policyspec.loading.options import DEFAULT_OPTIONS, CheckOptions
from policyspec.loading.paths import SpecPaths
from policyspec.model.documents import Document
from policyspec.rules.corpus import DocumentIdentity
from policyspec.rules.coverage import CoverageCounts

__all__ = ["CheckedInputs", "ReleaseError", "ReleaseInput", "release_inputs"]


class ReleaseError(Exception):
    """The release cannot be built or put in place; the message says why."""


@dataclass(frozen=True)
class ReleaseInput:
    """A validated document, the spec file it came from, and the source text it was checked against."""

    document: Document
    spec_file: str
    spec_sha256: str
    coverage: CoverageCounts | None = None  # the source's statements, encoded and excluded
    source_text: str | None = None  # None: the release cannot ship or anchor into the source
    quote_starts: Mapping[str, int] | None = None  # where the check found each quote in source_text


def _input(spec: CheckedSpec) -> ReleaseInput:
    if spec.document is None:
        raise ValueError("a spec without a document is no release input")
    if spec.sha256 is None:  # hash the bytes that were validated, never a second read
        raise ReleaseError(f"{spec.path.name}: no hash of the checked bytes (check it with check_spec)")
    return ReleaseInput(
        spec.document, spec.path.name, spec.sha256, spec.coverage, spec.source_text, spec.quote_starts
    )


def release_inputs(checked: Sequence[CheckedSpec]) -> list[ReleaseInput]:
    """The documents of specs already checked (with their documents), by id; refuses errors."""
    errors = [d for spec in checked for d in spec.diagnostics if d.severity == "error"]
    if errors:
        raise PolicyspecError(errors)
    inputs = [_input(spec) for spec in checked if spec.document is not None]
    if not inputs:
        raise ReleaseError("no documents to release: no spec files were given or found")
    return sorted(inputs, key=lambda i: i.document.id)


class CheckedInputs:
    """The spec files at ``paths``, checked one at a time as they are iterated.

    Iterating yields a :class:`ReleaseInput` for each file checked clean so far (after the first
    error nothing more is yielded, but every file is still checked, so that all problems are
    reported). Of each file only its id (for the rules across files) and its diagnostics are kept.
    At the end it raises :class:`PolicyspecError` with every error, the rules across files
    included, or :class:`ReleaseError` when there was no document at all; :attr:`diagnostics`
    then holds every diagnostic, warnings too, to show. With ``enabled`` (the codes a project
    selects), the diagnostics of other codes neither show nor refuse, except on a spec whose
    document could not be built at all.
    """

    def __init__(
        self,
        paths: Sequence[Path],
        options: CheckOptions = DEFAULT_OPTIONS,
        *,
        enabled: frozenset[str] | None = None,
    ) -> None:
        self.paths = SpecPaths(paths)  # as text: see SpecPaths
        self.options = options
        self.enabled = enabled
        self.diagnostics: list[Diagnostic] = []

    def _selected(self, spec: CheckedSpec) -> list[Diagnostic]:
        if self.enabled is None or spec.document is None:
            return list(spec.diagnostics)
        return [d for d in spec.diagnostics if d.code in self.enabled]

    def __iter__(self) -> Iterator[ReleaseInput]:
        identities: list[DocumentIdentity | None] = []
        found: list[Diagnostic] = []
        for spec in check_one_by_one(self.paths, self.options):
            identities.append(spec.identity)
            found.extend(self._selected(spec))
            held = [spec] if not has_errors(found) and spec.document is not None else []
            del spec  # while the consumer has the document, this frame holds nothing of it:
            if held:  # dropped there, it is freed at once (by reference counting, see release.build)
                yield _input(held.pop())
        across = corpus_diagnostics(identities)
        found.extend(d for d in across if self.enabled is None or d.code in self.enabled)
        self.diagnostics = sorted(found)
        errors = [d for d in found if d.severity == "error"]
        if errors:
            raise PolicyspecError(errors)
        if not any(identity is not None for identity in identities):
            raise ReleaseError("no documents to release: no spec files were given or found")
