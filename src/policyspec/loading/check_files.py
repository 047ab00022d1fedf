"""The one front door: paths in, checked specs out. Every command, :func:`policyspec.load`,
``diff`` and ``release`` turn spec files into checked documents here.

Each file is checked on its own (in worker processes when ``jobs`` > 1), then the corpus-wide
rules run across all of them. With ``keep_documents=False`` only diagnostics and ids are kept,
so memory stays bounded by the largest file rather than growing with the corpus;
:func:`check_one_by_one` hands each document over as it is checked, for a caller that uses it
and lets it go (a release streams), which then runs :func:`corpus_diagnostics` on what it kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from policyspec.diagnostics import Diagnostic, PolicyspecError
from policyspec.loading.check import CheckedSpec, check_opened, check_spec
from policyspec.loading.collector import collector_paused
from policyspec.loading.opening import open_spec_bytes
from policyspec.loading.options import DEFAULT_OPTIONS, CheckOptions
from policyspec.rules.corpus import DocumentIdentity, run_corpus_rules

if TYPE_CHECKING:
    from policyspec.model.documents import Document

__all__ = [
    "check_bytes",
    "check_files",
    "check_one_by_one",
    "corpus_diagnostics",
    "valid_documents",
    "with_corpus_rules",
]


def check_files(
    paths: Sequence[Path],
    options: CheckOptions = DEFAULT_OPTIONS,
    *,
    keep_documents: bool = True,
    progress: Callable[[int], None] | None = None,
) -> list[CheckedSpec]:
    """Every file checked, in the order of ``paths``, with the corpus-wide rules' diagnostics.

    ``progress``, if given, is told how many files are done after each one (a terminal's counter).
    """
    work = partial(_check_one, options=options, keep_document=keep_documents)
    jobs = options.jobs
    checked: list[CheckedSpec] = []
    if jobs <= 1 or len(paths) < 2 * jobs:
        results: Iterable[CheckedSpec] = map(work, paths)
        checked = _collect(results, progress)
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(work, paths, chunksize=max(1, len(paths) // (jobs * 8)))
            checked = _collect(results, progress)
    return with_corpus_rules(checked)


def check_bytes(
    path: Path, raw: bytes, options: CheckOptions = DEFAULT_OPTIONS, *, keep_document: bool = True
) -> list[CheckedSpec]:
    """One spec read elsewhere (standard input), checked as :func:`check_files` checks a file:
    ``path`` names it in diagnostics and is where its source is looked for."""
    with collector_paused():
        opened = open_spec_bytes(path, raw, options.limits)
        checked = check_opened(path, opened, options, keep_document=keep_document)
    return with_corpus_rules([checked])


def _collect(results: Iterable[CheckedSpec], progress: Callable[[int], None] | None) -> list[CheckedSpec]:
    checked = []
    for spec in results:
        checked.append(spec)
        if progress is not None:
            progress(len(checked))
    return checked


def check_one_by_one(paths: Sequence[Path], options: CheckOptions = DEFAULT_OPTIONS) -> Iterator[CheckedSpec]:
    """Each file checked in turn, with its document and source text, without the corpus-wide rules."""
    for path in paths:
        yield check_spec(path, options)


def corpus_diagnostics(identities: Sequence[DocumentIdentity | None]) -> list[Diagnostic]:
    """The diagnostics of the rules across files, from what they need of each file: its identity."""
    return [d for found in run_corpus_rules(identities).values() for d in found]


def with_corpus_rules(checked: Sequence[CheckedSpec]) -> list[CheckedSpec]:
    """The outcomes in the same order, with the diagnostics of the rules across files added."""
    across = run_corpus_rules([spec.identity for spec in checked])
    return [
        spec.with_diagnostics(tuple(across[i])) if i in across else spec for i, spec in enumerate(checked)
    ]


def _check_one(path: Path, *, options: CheckOptions, keep_document: bool) -> CheckedSpec:
    return check_spec(path, options, keep_document=keep_document)


def valid_documents(checked: Sequence[CheckedSpec]) -> list[Document]:
    """The documents, by id; :class:`PolicyspecError` with every error when a spec has one."""
    errors = [d for spec in checked for d in spec.diagnostics if d.severity == "error"]
    if errors:
        raise PolicyspecError(errors)
    return sorted((spec.document for spec in checked if spec.document is not None), key=lambda d: d.id)
