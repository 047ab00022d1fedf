"""``policyspec fmt``: one canonical layout for spec files, losing nothing.

A file is read, decoded and parsed exactly as ``policyspec validate`` does (same limits, same
diagnostics), so fmt refuses what validate refuses and never touches such a file. That one parse
also hands its events to a :class:`~policyspec.fmt.events.LayoutReader`: the text as written
(styles, raw scalars, where each entry and comment is) comes from the same pass of libyaml as
the data. The canonical layout is decided by :mod:`policyspec.fmt.layout` (key order, quoting),
written by :mod:`policyspec.fmt.writer` (or, for the shapes it leaves alone, ruamel.yaml's emitter
through :mod:`policyspec.fmt.emitter`), and :mod:`policyspec.fmt.comments` puts every comment and
blank line back beside its entry. A file whose canonical text is the text itself is unchanged,
with nothing more to check. Any other result is checked before it is accepted: it must parse to
data equal to the original (types included) and hold every comment of the original; otherwise
the file is reported and left alone.

The canonical file is UTF-8 with LF line ends and starts with the ``yaml-language-server``
modeline (the existing one is kept and moved first; the default one is added when there is
none). A file's own conventions are kept: a byte-order mark stays, CRLF line ends stay when every
line ends so, and a read-only file is reported (PS012) and never rewritten.
"""

from __future__ import annotations

import math
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from policyspec.codes import CodeId
from policyspec.diagnostics import Diagnostic
from policyspec.fmt.events import LayoutReader
from policyspec.fmt.nodes import Layout
from policyspec.limits import DEFAULT_LIMITS, Limits
from policyspec.loading.collector import collector_paused
from policyspec.loading.opening import Unopened, display_name, open_spec, parse_spec_text
from policyspec.loading.parsing import ParsedYaml, parse_yaml

__all__ = [
    "DEFAULT_MODELINE",
    "FMT_CODE",
    "Formatted",
    "format_file",
    "format_text",
    "report_fmt",
    "same_data",
    "write_formatted",
]

DEFAULT_MODELINE = "# yaml-language-server: $schema=../schemas/policyspec.schema.json"
FMT_CODE: CodeId = "PS012"  # the file cannot be formatted without loss, or cannot be written

_UTF8_BOM = b"\xef\xbb\xbf"
_MODELINE = re.compile(r"#\s*yaml-language-server:")
_LEFT_ALONE = "the file was left as it is; please report this with the file attached"
_WRITE_HINT = "check the permissions and free space; the file was left as it is"


@dataclass(frozen=True)
class Formatted:
    """One file: its bytes, the canonical bytes (None when it cannot be formatted), and why not."""

    path: Path
    original: bytes | None
    formatted: bytes | None
    diagnostic: Diagnostic | None = None

    @property
    def changed(self) -> bool:
        return self.formatted is not None and self.formatted != self.original


def format_file(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Formatted:
    """The canonical form of one file; nothing is written."""
    reader = LayoutReader()
    with collector_paused():  # as a check pauses it: the parse frees all it makes
        opened = open_spec(path, limits, event_reader=reader)
        if isinstance(opened, Unopened):
            return Formatted(path, opened.raw, None, opened.diagnostic)
        result = _formatted(opened.text, opened.parsed, opened.file, limits, reader)
    if isinstance(result, Diagnostic):
        return Formatted(path, opened.raw, None, result)
    return Formatted(path, opened.raw, _in_conventions_of(opened.raw, result))


def _in_conventions_of(raw: bytes, text: str) -> bytes:
    """The formatted text with the original's byte-order mark and CRLF line ends, if it had them."""
    if raw.count(b"\r\n") and raw.count(b"\r\n") == raw.count(b"\n") == raw.count(b"\r"):
        text = text.replace("\n", "\r\n")
    return (_UTF8_BOM if raw.startswith(_UTF8_BOM) else b"") + text.encode("utf-8")


def write_formatted(result: Formatted) -> Formatted:
    """Write a changed file atomically; on failure the result carries the diagnostic instead."""
    from policyspec._fs.atomic import atomic_write_bytes

    if result.formatted is None or not result.changed:
        return result
    if _read_only(result.path):
        failure = Diagnostic(display_name(result.path), 1, 1, FMT_CODE, "the file is read-only")
        hint = "make it writable (chmod u+w) to format it; the file was left as it is"
        return replace(result, formatted=None, diagnostic=replace(failure, hint=hint))
    try:
        atomic_write_bytes(result.path, result.formatted)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        failure = Diagnostic(display_name(result.path), 1, 1, FMT_CODE, f"cannot write the file: {reason}")
        return replace(result, formatted=None, diagnostic=replace(failure, hint=_WRITE_HINT))
    return result


def _read_only(path: Path) -> bool:
    """A file its owner may not write is meant to stay as it is, even for root (who could)."""
    try:
        return not os.stat(path).st_mode & stat.S_IWUSR
    except OSError:
        return False  # the write itself then reports what is wrong


def _plain(d: Diagnostic) -> str:
    return f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}" + (f"\n    hint: {d.hint}" if d.hint else "")


def report_fmt(
    results: Sequence[Formatted], *, check: bool, render: Callable[[Diagnostic], str] = _plain
) -> str:
    """One line per changed file, the diagnostics (``render`` writes one, with its hint), a count."""
    done = "would reformat" if check else "reformatted"
    lines = [f"{display_name(r.path)}: {done}" for r in results if r.changed]
    diagnostics = sorted(r.diagnostic for r in results if r.diagnostic is not None)
    lines.extend(render(d) for d in diagnostics)
    changed = sum(r.changed for r in results)
    verb = "would be reformatted" if check else "reformatted"
    unchanged = len(results) - changed - len(diagnostics)
    summary = f"{_files(changed)} {verb}, {_files(unchanged)} unchanged"
    lines.append(summary + (f", {_files(len(diagnostics))} not formatted." if diagnostics else "."))
    return "\n".join(lines)


def _files(count: int) -> str:
    return f"{count} file" + ("" if count == 1 else "s")


def format_text(text: str, *, file: str = "<text>", limits: Limits = DEFAULT_LIMITS) -> str | Diagnostic:
    """The canonical layout of a spec's text, or the diagnostic that explains why there is none."""
    reader = LayoutReader()
    parsed = parse_spec_text(text, file=file, limits=limits, event_reader=reader)
    if isinstance(parsed, Diagnostic):
        return parsed
    return _formatted(text, parsed, file, limits, reader)


def _formatted(
    text: str, parsed: ParsedYaml, file: str, limits: Limits, reader: LayoutReader
) -> str | Diagnostic:
    lf_text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        draft = _draft(lf_text, _layout(text, lf_text, reader))
    except Exception as exc:  # a layout the round-trip tools cannot handle: refuse, never corrupt
        return _unformattable(file, f"cannot lay this file out ({type(exc).__name__}: {exc})")
    if draft.text == lf_text:
        return draft.text  # already canonical: the same text holds the same data and comments
    return _verified(draft, parsed.data, file, limits)


def _layout(text: str, lf_text: str, reader: LayoutReader) -> Layout:
    """The layout the parse read, unless its offsets are not those of ``lf_text``: then read again.

    They are not when line ends were CR or CRLF (fmt works on LF text), or after a byte-order
    mark (the parser skips it, comments are found in the text with it).
    """
    from policyspec.fmt.scan import read_layout

    layout = reader.layout(text) if text == lf_text and not text.startswith("\ufeff") else None
    return read_layout(lf_text) if layout is None else layout


@dataclass(frozen=True)
class _Draft:
    original: str  # with LF line ends
    spans: list[tuple[int, int]]  # scalar content of the original
    text: str
    added: list[str]  # comment lines fmt added (the default modeline)


def _draft(text: str, source: Layout) -> _Draft:
    from policyspec.fmt import comments
    from policyspec.fmt.writer import write_canonical

    assert source.root is not None
    placement = comments.place_comments(text, source.spans, source.entries)
    header, added = _with_modeline(placement.header)
    written = write_canonical(source.root)
    if written is None:  # a shape the direct writer leaves to ruamel's emitter
        from policyspec.fmt.layout import dump_yaml
        from policyspec.fmt.scan import read_layout

        emitted = dump_yaml(source.root)
        entries = read_layout(emitted).entries
    else:
        emitted, entries = written.text, written.entries
    return _Draft(text, source.spans, comments.restore_comments(emitted, entries, placement, header), added)


def _with_modeline(header: Sequence[str]) -> tuple[list[str], list[str]]:
    """The header with its modeline first, and the comment lines this added."""
    for index, line in enumerate(header):
        if _MODELINE.match(line):
            return [line, *header[:index], *header[index + 1 :]], []
    return [DEFAULT_MODELINE, *header], [DEFAULT_MODELINE]


def _verified(draft: _Draft, data: Any, file: str, limits: Limits) -> str | Diagnostic:
    """The formatted text, if it holds the same data and every comment of the original."""
    from collections import Counter

    from policyspec.fmt.comments import comment_pieces

    reader = LayoutReader()
    reparsed = parse_yaml(draft.text, file=file, limits=limits, event_reader=reader)
    if isinstance(reparsed, Diagnostic) or not same_data(reparsed.data, data):
        return _unformattable(file, "formatting would change the data")
    layout = reader.layout(draft.text)
    if layout is None:
        return _unformattable(file, "formatting would change the data")
    before = comment_pieces(draft.original, draft.spans) + Counter(draft.added)
    if comment_pieces(draft.text, layout.spans) != before:
        return _unformattable(file, "formatting would lose or alter a comment")
    return draft.text


def same_data(a: Any, b: Any) -> bool:
    """Equal data, types included: ``1`` is not ``1.0`` nor ``True``; NaN equals NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_data(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def _unformattable(file: str, message: str) -> Diagnostic:
    return Diagnostic(file, 1, 1, FMT_CODE, message, hint=_LEFT_ALONE)
