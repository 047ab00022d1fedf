"""Checking many files: one after another or in worker processes, keeping only what is needed.

``validate`` needs each file's diagnostics and document id, not its typed document, so memory
stays bounded by the largest file rather than growing with the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from policyspec.diagnostics import Diagnostic
from policyspec.limits import DEFAULT_LIMITS, Limits
from policyspec.loading.check import check_spec, display_name

__all__ = ["Outcome", "check_many", "duplicate_document_ids"]


@dataclass(frozen=True)
class Outcome:
    """What one file's check leaves behind: small enough to send between processes."""

    path: Path
    document_id: str | None
    diagnostics: tuple[Diagnostic, ...]


def _outcome(path: Path, sources: Sequence[Path], limits: Limits) -> Outcome:
    checked = check_spec(path, sources=sources, limits=limits)
    document_id = checked.document.id if checked.document is not None else None
    return Outcome(path, document_id, checked.diagnostics)


def check_many(
    paths: Sequence[Path],
    *,
    sources: Sequence[Path] = (),
    limits: Limits = DEFAULT_LIMITS,
    jobs: int = 1,
) -> Iterator[Outcome]:
    """Outcomes in the order of ``paths``; ``jobs`` > 1 spreads files over worker processes."""
    work = partial(_outcome, sources=tuple(sources), limits=limits)
    if jobs <= 1 or len(paths) < 2 * jobs:
        yield from map(work, paths)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(work, paths, chunksize=max(1, len(paths) // (jobs * 8)))


def duplicate_document_ids(pairs: Iterable[tuple[Path, str | None]]) -> list[Diagnostic]:
    """Document ids must be unique across the files checked together."""
    first: dict[str, Path] = {}
    found = []
    for path, document_id in pairs:
        if document_id is None:
            continue
        if document_id not in first:
            first[document_id] = path
            continue
        found.append(
            Diagnostic(
                display_name(path),
                1,
                1,
                "PS204",
                f"document id '{document_id}' is already used by {display_name(first[document_id])}",
                path=("id",),
                hint="every document of a corpus needs its own id",
            )
        )
    return found
