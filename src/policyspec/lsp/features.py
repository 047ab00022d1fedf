"""What the language server answers, as plain functions of an :class:`~.editing.EditorSpec`:
diagnostics, hovers, definitions and completions. LSP counts columns in UTF-16 code units from
0; policyspec counts code points from 1 — the conversions live here."""

from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types

from policyspec.diagnostics import Diagnostic, JsonPath
from policyspec.lsp.editing import EditorSpec
from policyspec.model.documents import Document, nested_model
from policyspec.model.vocabulary import COMMITMENTS, OPERATORS, TOPICS, UNITS
from policyspec.model.walk import identified
from policyspec.text_positions import LineIndex

__all__ = ["completion_labels", "definition", "hover_text", "lsp_diagnostics", "to_code_points"]

_QUOTED_FIELDS = frozenset({"quote", "evidence", "implied"})
_RECURRENCES = ("P1Y", "P6M", "P3M", "P1M", "P1W", "P2Y", "P3Y", "P5Y")
_REFERENCES = ("measure", "goal", "section", "parent")
_VOCABULARY = {"unit": UNITS, "operator": OPERATORS, "per": _RECURRENCES, "commitment": COMMITMENTS}


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def to_code_points(line: str, character: int) -> int:
    """A UTF-16 column of ``line`` (from 0) as a code-point column (from 1)."""
    units = 0
    for index, ch in enumerate(line):
        if units >= character:
            return index + 1
        units += _utf16(ch)
    return len(line) + 1


def _position(lines: list[str], line: int, column: int) -> types.Position:
    """A policyspec position (1-based line, code-point column) as an LSP position."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return types.Position(line=max(line - 1, 0), character=_utf16(text[: max(column - 1, 0)]))


def lsp_diagnostics(spec: EditorSpec) -> list[types.Diagnostic]:
    """``validate``'s diagnostics for the buffer, each at the same line and column."""
    lines = spec.text.splitlines()
    return [_diagnostic(lines, d) for d in sorted(spec.checked.diagnostics)]


def _diagnostic(lines: list[str], diagnostic: Diagnostic) -> types.Diagnostic:
    start = _position(lines, diagnostic.line, diagnostic.column)
    line = lines[start.line] if start.line < len(lines) else ""
    end = types.Position(line=start.line, character=max(_utf16(line), start.character + 1))
    severity = (
        types.DiagnosticSeverity.Error if diagnostic.severity == "error" else types.DiagnosticSeverity.Warning
    )
    message = diagnostic.message + (f"\nhint: {diagnostic.hint}" if diagnostic.hint else "")
    return types.Diagnostic(
        range=types.Range(start=start, end=end),
        message=message,
        severity=severity,
        code=diagnostic.code,
        source="policyspec",
    )


def _path_at(spec: EditorSpec, position: types.Position) -> JsonPath | None:
    lines = spec.text.splitlines()
    if position.line >= len(lines):
        return None
    return spec.key_at(position.line + 1, to_code_points(lines[position.line], position.character))


def _quoted(spec: EditorSpec, path: JsonPath | None) -> str | None:
    """The quote (or evidence, or implied phrase) under the cursor, when that is what it is on."""
    if path is None or not any(step in _QUOTED_FIELDS for step in path if isinstance(step, str)):
        return None
    value = spec.value_at(path)
    return value if isinstance(value, str) else None


def _source_place(spec: EditorSpec, quote: str) -> tuple[int, int] | None:
    """The 0-based line and code-point column of ``quote`` in the source text."""
    if spec.source_text is None:
        return None
    at = spec.source_text.find(quote)
    if at < 0:
        return None
    line, column = LineIndex(spec.source_text).position(at)
    return line - 1, column - 1


def hover_text(spec: EditorSpec, position: types.Position) -> str | None:
    """On a quote: the source passage around it with its line; on a key: the field's description."""
    path = _path_at(spec, position)
    quote = _quoted(spec, path)
    if quote is not None and spec.source_text is not None and spec.source_path is not None:
        place = _source_place(spec, quote)
        if place is None:
            return f"not found in {spec.source_path.name}: {quote}"
        line, column = place
        source_line = spec.source_text.splitlines()[line]
        start, end = max(column - 40, 0), min(column + len(quote) + 40, len(source_line))
        passage = source_line[start:column] + "**" + quote + "**" + source_line[column + len(quote) : end]
        return f"{spec.source_path.name}:{line + 1}:{column + 1}\n\n…{passage}…"
    if path is None:
        return None
    return _description(path)


def _description(path: JsonPath) -> str | None:
    """The description of the field at ``path`` in the models (the schema's words)."""
    model: type | None = Document
    description = None
    for step in path:
        if isinstance(step, int) or model is None:
            continue
        field = getattr(model, "model_fields", {}).get(step)
        if field is None:
            return None
        description = field.description
        model = nested_model(field.annotation)
    return f"**{path[-1]}**: {description}" if description and isinstance(path[-1], str) else description


def definition(spec: EditorSpec, position: types.Position) -> types.Location | None:
    """From a quote to the place it stands in the source text."""
    quote = _quoted(spec, _path_at(spec, position))
    if quote is None or spec.source_path is None or spec.source_text is None:
        return None
    place = _source_place(spec, quote)
    if place is None:
        return None
    line, column = place
    source_line = spec.source_text.splitlines()[line]
    start = types.Position(line=line, character=_utf16(source_line[:column]))
    end = types.Position(line=line, character=_utf16(source_line[: column + len(quote)]))
    return types.Location(
        uri=Path(spec.source_path).resolve().as_uri(), range=types.Range(start=start, end=end)
    )


_KEY_BEFORE = re.compile(r"(?:^|[\s{,\[-])([a-z_]+)\s*:\s*[^:]*$")


def completion_labels(spec: EditorSpec, position: types.Position) -> list[str]:
    """Values for the key being written: topics, units, operators, recurrences, ids to point at."""
    lines = spec.text.splitlines()
    line = lines[position.line] if position.line < len(lines) else ""
    before = line[: to_code_points(line, position.character) - 1]
    found = _KEY_BEFORE.search(before)
    key = found.group(1) if found else None
    if key is None and before.strip().startswith("-"):
        key = _enclosing_key(lines, position.line)
    if key == "topics":
        return list(TOPICS)
    if key in _VOCABULARY:
        return list(_VOCABULARY[key])
    if key in _REFERENCES and spec.checked.document is not None:
        return sorted({entry_id for _, entry_id in identified(spec.checked.document)})
    return []


def _enclosing_key(lines: list[str], line: int) -> str | None:
    """For a list item, the key of the list it belongs to (``topics:`` above ``- theory-study``)."""
    indent = len(lines[line]) - len(lines[line].lstrip())
    for above in range(line - 1, -1, -1):
        text = lines[above]
        if text.strip() and len(text) - len(text.lstrip()) < indent:
            found = re.match(r"\s*-?\s*([a-z_]+)\s*:", text)
            return found.group(1) if found else None
    return None
