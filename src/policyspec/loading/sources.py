"""Finding and reading a spec's archived source text, as strictly as a spec is read: a regular
file, bounded in size, valid UTF-8 (invalid bytes are reported, never repaired)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from policyspec._fs.regular_files import FileTooLarge, Unreadable, read_regular_file
from policyspec.limits import Limits
from policyspec.loading.decoding import describe_failure
from policyspec.loading.opening import display_name

__all__ = ["SourceText", "read_source", "source_folders"]


@dataclass(frozen=True)
class SourceText:
    """What was found of the archived source text: its text, its hash, or why it cannot be used."""

    text: str | None = None
    sha256: str | None = None
    problem: str | None = None


def source_folders(spec: Path, given: Sequence[Path]) -> list[Path]:
    """Where a spec's source is looked for: the folders given, then ``sources/`` beside the
    specs folder, ``sources/`` beside the spec, and the spec's own folder.

    The spec's path is made absolute first, so the folders are the same wherever the command
    runs: ``x.yaml`` given inside ``specs/`` still finds ``../sources`` (a bare relative name
    has no parent folder of its own to look beside).
    """
    folder = spec.absolute().parent
    return [*given, folder.parent / "sources", folder / "sources", folder]


def read_source(candidates: Sequence[Path], limits: Limits) -> SourceText:
    """The first candidate that exists; nothing found is an empty :class:`SourceText`."""
    for candidate in candidates:
        if not os.path.lexists(candidate):
            continue
        try:
            raw = read_regular_file(candidate, limits.max_source_bytes)
        except Unreadable as exc:
            return SourceText(problem=f"{display_name(candidate)}: {exc.reason}")
        except FileTooLarge:
            return SourceText(
                problem=f"{display_name(candidate)} is larger than {limits.max_source_bytes} bytes"
            )
        sha256 = hashlib.sha256(raw).hexdigest()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            failure = describe_failure(raw, exc.start)
            where = f"{display_name(candidate)}:{failure.line}:{failure.column}"
            return SourceText(sha256=sha256, problem=f"{where}: {failure.message}")
        return SourceText(text, sha256)
    return SourceText()
