"""One spec file, checked end to end: read, decode, parse, structure, then the semantic rules."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from policyspec._fs.reading import FileTooLarge, Unreadable, read_regular_file
from policyspec.diagnostics import Diagnostic
from policyspec.limits import DEFAULT_LIMITS, Limits
from policyspec.loading.decoding import DecodeFailure, decode_spec, describe_failure
from policyspec.loading.parsing import Marks, parse_yaml
from policyspec.loading.structure import build_document
from policyspec.model.documents import Document
from policyspec.rules import RuleContext, run_rules

__all__ = ["CheckedSpec", "check_spec", "display_name", "read_limited"]


@dataclass(frozen=True)
class CheckedSpec:
    """The outcome for one file: the document when its structure is valid, and every problem."""

    path: Path
    document: Document | None
    diagnostics: tuple[Diagnostic, ...]
    sha256: str | None = None  # of the bytes that were checked, so a release hashes what was validated


def display_name(path: Path) -> str:
    """The path as an editor would click it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the working directory, or a symlink loop
        return str(path)


def check_spec(path: Path, *, sources: Sequence[Path] = (), limits: Limits = DEFAULT_LIMITS) -> CheckedSpec:
    file = display_name(path)

    raw = read_limited(path, file, limits)
    if isinstance(raw, Diagnostic):
        return CheckedSpec(path, None, (raw,))
    sha256 = hashlib.sha256(raw).hexdigest()

    def failed(*diagnostics: Diagnostic) -> CheckedSpec:
        return CheckedSpec(path, None, tuple(diagnostics), sha256)

    text = decode_spec(raw)
    if isinstance(text, DecodeFailure):
        return failed(Diagnostic(file, text.line, text.column, "PS004", text.message, hint=text.hint))
    parsed = parse_yaml(text, file=file, limits=limits)
    if isinstance(parsed, Diagnostic):
        return failed(parsed)
    document = build_document(parsed.data, file=file, marks=parsed.marks)
    if isinstance(document, list):
        return failed(*document)
    diagnostics = _rule_diagnostics(document, path, file, parsed.marks, sources=sources, limits=limits)
    return CheckedSpec(path, document, tuple(diagnostics), sha256)


_SPECIAL_FILE_HINT = "a spec is a regular file; rename or move this entry out of the specs folder"


def read_limited(path: Path, file: str, limits: Limits) -> bytes | Diagnostic:
    """The file's bytes, or a diagnostic when it is not a readable regular file or is too large."""
    try:
        return read_regular_file(path, limits.max_bytes)
    except Unreadable as exc:
        hint = _SPECIAL_FILE_HINT if exc.special else "check the path and permissions"
        return Diagnostic(file, 1, 1, "PS010", f"cannot read the file: {exc.reason}", hint=hint)
    except FileTooLarge:
        return Diagnostic(
            file,
            1,
            1,
            "PS005",
            f"the file is larger than {limits.max_bytes} bytes",
            hint="a spec is tens of kilobytes; raise the limit with --max-bytes if this one is genuine",
        )


@dataclass(frozen=True)
class _Source:
    """What was found of the archived source text: its text, its hash, or why it cannot be used."""

    text: str | None = None
    sha256: str | None = None
    problem: str | None = None


def _read_source(candidates: Sequence[Path], limits: Limits) -> _Source:
    """The first candidate that exists, read as strictly as a spec: regular, bounded, UTF-8."""
    for candidate in candidates:
        if not os.path.lexists(candidate):
            continue
        try:
            raw = read_regular_file(candidate, limits.max_source_bytes)
        except Unreadable as exc:
            return _Source(problem=f"{display_name(candidate)}: {exc.reason}")
        except FileTooLarge:
            return _Source(
                problem=f"{display_name(candidate)} is larger than {limits.max_source_bytes} bytes"
            )
        sha256 = hashlib.sha256(raw).hexdigest()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            failure = describe_failure(raw, exc.start)
            where = f"{display_name(candidate)}:{failure.line}:{failure.column}"
            return _Source(sha256=sha256, problem=f"{where}: {failure.message}")
        return _Source(text, sha256)
    return _Source()


def _rule_diagnostics(
    document: Document, path: Path, file: str, marks: Marks, *, sources: Sequence[Path], limits: Limits
) -> list[Diagnostic]:
    searched = [*sources, path.parent.parent / "sources", path.parent / "sources", path.parent]
    source = _read_source([folder / document.source.file for folder in searched], limits)
    context = RuleContext(
        document=document,
        source_text=source.text,
        source_sha256=source.sha256,
        source_searched=tuple(display_name(folder) for folder in searched),
        source_problem=source.problem,
    )
    diagnostics = []
    for finding in run_rules(context):
        line, column = marks.of_value(finding.path)
        diagnostics.append(
            Diagnostic(
                file,
                line,
                column,
                finding.code,
                finding.message,
                finding.severity,
                finding.path,
                finding.hint,
            )
        )
    return sorted(diagnostics)
