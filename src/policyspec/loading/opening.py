"""Opening a spec file: read with limits, hash, decode and parse with positions, down to the
top-level mapping. ``validate`` and ``fmt`` both open files here, so fmt refuses exactly what
validate refuses, with the same diagnostics (PS001–PS013)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from policyspec._fs.display import display_name
from policyspec._fs.regular_files import FileTooLarge, Unreadable, read_regular_file
from policyspec.diagnostics import Diagnostic
from policyspec.limits import DEFAULT_LIMITS, Limits
from policyspec.loading.decoding import DecodeFailure, decode_spec
from policyspec.loading.parsing import MAPPING_HINT, EventReader, ParsedYaml, parse_yaml

__all__ = ["OpenedSpec", "Unopened", "display_name", "open_spec", "open_spec_bytes", "parse_spec_text"]

_SPECIAL_FILE_HINT = "a spec is a regular file; rename or move this entry out of the specs folder"


@dataclass(frozen=True)
class OpenedSpec:
    """A spec file that parsed to a mapping: its bytes (and their hash), its text and its data."""

    path: Path
    file: str  # the name diagnostics use
    raw: bytes
    sha256: str
    text: str
    parsed: ParsedYaml


@dataclass(frozen=True)
class Unopened:
    """A spec file that could not be opened: why, and the bytes when they could be read."""

    path: Path
    file: str
    diagnostic: Diagnostic
    raw: bytes | None = None
    sha256: str | None = None


def open_spec(
    path: Path, limits: Limits = DEFAULT_LIMITS, *, event_reader: EventReader | None = None
) -> OpenedSpec | Unopened:
    """Read, hash, decode and parse one spec file; every failure is a positioned diagnostic.

    ``event_reader`` sees every event of the parse (see :func:`~policyspec.loading.parsing.parse_yaml`).
    """
    file = display_name(path)
    try:
        raw = read_regular_file(path, limits.max_bytes)
    except Unreadable as exc:
        hint = _SPECIAL_FILE_HINT if exc.special else "check the path and permissions"
        return Unopened(
            path, file, Diagnostic(file, 1, 1, "PS010", f"cannot read the file: {exc.reason}", hint=hint)
        )
    except FileTooLarge:
        message = f"the file is larger than {limits.max_bytes} bytes"
        hint = "a spec is tens of kilobytes; raise the limit with --max-bytes if this one is genuine"
        return Unopened(path, file, Diagnostic(file, 1, 1, "PS005", message, hint=hint))
    return open_spec_bytes(path, raw, limits, event_reader=event_reader)


def open_spec_bytes(
    path: Path, raw: bytes, limits: Limits = DEFAULT_LIMITS, *, event_reader: EventReader | None = None
) -> OpenedSpec | Unopened:
    """Decode and parse a spec's bytes read elsewhere (an editor's buffer), as :func:`open_spec` does."""
    file = display_name(path)
    if len(raw) > limits.max_bytes:
        message = f"the file is larger than {limits.max_bytes} bytes"
        return Unopened(path, file, Diagnostic(file, 1, 1, "PS005", message))
    sha256 = hashlib.sha256(raw).hexdigest()
    text = decode_spec(raw)
    if isinstance(text, DecodeFailure):
        failure = Diagnostic(file, text.line, text.column, "PS004", text.message, hint=text.hint)
        return Unopened(path, file, failure, raw, sha256)
    parsed = parse_spec_text(text, file=file, limits=limits, event_reader=event_reader)
    if isinstance(parsed, Diagnostic):
        return Unopened(path, file, parsed, raw, sha256)
    return OpenedSpec(path, file, raw, sha256, text, parsed)


def parse_spec_text(
    text: str, *, file: str, limits: Limits = DEFAULT_LIMITS, event_reader: EventReader | None = None
) -> ParsedYaml | Diagnostic:
    """Parse a spec's text; its top level must be a mapping (PS009)."""
    parsed = parse_yaml(text, file=file, limits=limits, event_reader=event_reader)
    if isinstance(parsed, Diagnostic) or isinstance(parsed.data, dict):
        return parsed
    line, column = parsed.marks.of_value(())
    message = f"the top level is {_describe(parsed.data)}, not a mapping"
    return Diagnostic(file, line, column, "PS009", message, hint=MAPPING_HINT)


def _describe(value: object) -> str:
    if value is None:
        return "null"
    return {list: "a list", str: "text", bool: "a boolean"}.get(type(value), "a number")
