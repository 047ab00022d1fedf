"""One spec file, checked end to end: read, decode, parse, structure, then the semantic rules."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from policyspec.decoding import DecodeFailure, decode_spec
from policyspec.diagnostics import Diagnostic
from policyspec.limits import DEFAULT_LIMITS, Limits
from policyspec.model import Document
from policyspec.parsing import Marks, parse_yaml
from policyspec.rules import RuleContext, run_rules
from policyspec.structure import build_document

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
    except ValueError:
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
    diagnostics = _rule_diagnostics(document, path, file, parsed.marks, sources)
    return CheckedSpec(path, document, tuple(diagnostics), sha256)


def read_limited(path: Path, file: str, limits: Limits) -> bytes | Diagnostic:
    """The file's bytes, or a diagnostic when it cannot be read or is over the size limit."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return Diagnostic(
            file, 1, 1, "PS010", f"cannot read the file: {reason}", hint="check the path and permissions"
        )
    if len(raw) > limits.max_bytes:
        return Diagnostic(
            file,
            1,
            1,
            "PS005",
            f"the file is larger than {limits.max_bytes} bytes",
            hint="a spec is tens of kilobytes; raise the limit with --max-bytes if this one is genuine",
        )
    return raw


def _rule_diagnostics(
    document: Document, path: Path, file: str, marks: Marks, sources: Sequence[Path]
) -> list[Diagnostic]:
    searched = [*sources, path.parent.parent / "sources", path.parent / "sources", path.parent]
    source_bytes = None
    for folder in searched:
        candidate = folder / document.source.file
        if candidate.is_file():
            source_bytes = candidate.read_bytes()
            break
    context = RuleContext(
        document=document,
        source_text=source_bytes.decode("utf-8", errors="replace") if source_bytes is not None else None,
        source_sha256=hashlib.sha256(source_bytes).hexdigest() if source_bytes is not None else None,
        source_searched=tuple(display_name(folder) for folder in searched),
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
