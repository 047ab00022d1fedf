"""Quick fixes an editor offers on a diagnostic or a drafted suggestion:

- PS201 with a width mismatch: write the quote as the source writes it (％ for %, and so on);
- PS223: add an ``excluded:`` entry for the uncovered statement (its reason left as a decision:
  ``not-a-requirement`` with a ``TODO`` note, which PS224 keeps open until it is decided);
- a commented suggestion of ``policyspec new``: uncomment it, reading included.
"""

from __future__ import annotations

import json
import re

from lsprotocol import types

from policyspec.authoring.scaffold import clause_around
from policyspec.lsp.editing import EditorSpec

__all__ = ["code_actions"]

_SOURCE_WRITES = re.compile(r"the source writes it '(?P<right>.+)' \(full-width and half-width")
_QUOTED = re.compile(r"quote not found in the source: '(?P<wrong>.+)'")
_UNCOVERED = re.compile(
    r"source (?P<line>\d+):(?P<column>\d+): '(?P<text>.+)' \((?P<kind>[a-z-]+)\) is neither encoded"
)
_SUGGESTION = re.compile(r"^#(?P<indent>\s+)- id: todo-")


def code_actions(spec: EditorSpec, uri: str, params: types.CodeActionParams) -> list[types.CodeAction]:
    actions = []
    for diagnostic in params.context.diagnostics:
        if diagnostic.code == "PS201":
            actions.extend(_rewrite_quote(spec, uri, diagnostic))
        elif diagnostic.code == "PS223":
            actions.extend(_exclude(spec, uri, diagnostic))
    actions.extend(_uncomment(spec, uri, params.range.start.line))
    return actions


def _edit(
    uri: str, title: str, edits: list[types.TextEdit], diagnostic: types.Diagnostic | None
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic] if diagnostic is not None else None,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


def _rewrite_quote(spec: EditorSpec, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    right, wrong = _SOURCE_WRITES.search(diagnostic.message), _QUOTED.search(diagnostic.message)
    lines = spec.text.splitlines()
    line = diagnostic.range.start.line
    if right is None or wrong is None or line >= len(lines) or wrong["wrong"] not in lines[line]:
        return []
    at = lines[line].index(wrong["wrong"])
    start = types.Position(line=line, character=len(lines[line][:at].encode("utf-16-le")) // 2)
    end = types.Position(line=line, character=start.character + len(wrong["wrong"].encode("utf-16-le")) // 2)
    edit = types.TextEdit(range=types.Range(start=start, end=end), new_text=right["right"])
    return [_edit(uri, "Write the quote as the source writes it", [edit], diagnostic)]


def _exclude(spec: EditorSpec, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    found = _UNCOVERED.search(diagnostic.message)
    if found is None:
        return []
    lines = spec.text.splitlines()
    has_list = any(line.startswith("excluded:") for line in lines)
    quote = _clause(spec, int(found["line"]), int(found["column"]), found["text"])
    entry = (
        f"  - quote: {json.dumps(quote, ensure_ascii=False)}\n"
        "    reason: not-a-requirement\n"
        f"    note: TODO decide the reason for this {found['kind']}\n"
    )
    text = entry if has_list else "excluded:\n" + entry
    end = types.Position(line=len(lines), character=0)
    prefix = "" if spec.text.endswith("\n") else "\n"
    edit = types.TextEdit(range=types.Range(start=end, end=end), new_text=prefix + text)
    return [_edit(uri, f"Exclude {found['text']} (decide the reason)", [edit], diagnostic)]


def _clause(spec: EditorSpec, line: int, column: int, text: str) -> str:
    """The clause of the source around a statement at a 1-based line and column."""
    lines = spec.source_text.split("\n") if spec.source_text is not None else []
    if not 0 < line <= len(lines) or spec.source_text is None:
        return text
    at = sum(len(before) + 1 for before in lines[: line - 1]) + column - 1
    clause = clause_around(spec.source_text, at, at + len(text))
    return clause if text in clause else text


def _uncomment(spec: EditorSpec, uri: str, line: int) -> list[types.CodeAction]:
    """On a drafted suggestion (``#   - id: todo-…``): the same lines without their ``#``."""
    lines = spec.text.splitlines()
    if line >= len(lines) or _SUGGESTION.match(lines[line]) is None:
        return []
    end = line + 1
    while end < len(lines) and lines[end].startswith("#     "):
        end += 1
    new_text = "".join(text[1:] + "\n" for text in lines[line:end])
    edit = types.TextEdit(
        range=types.Range(
            start=types.Position(line=line, character=0), end=types.Position(line=end, character=0)
        ),
        new_text=new_text,
    )
    edits = [edit]
    if not any(text.startswith("indicators:") for text in lines) and "# indicators:" in lines:
        key = lines.index("# indicators:")
        start, stop = types.Position(line=key, character=0), types.Position(line=key, character=len("# "))
        edits.insert(0, types.TextEdit(range=types.Range(start=start, end=stop), new_text=""))
    return [_edit(uri, "Uncomment this suggested indicator", edits, None)]
