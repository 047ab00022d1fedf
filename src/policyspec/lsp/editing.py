"""One spec as an editor holds it: its buffer checked exactly as ``validate`` checks the file,
with the parse positions and the source text the hovers and definitions need."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policyspec.diagnostics import JsonPath
from policyspec.loading.check import CheckedSpec, check_opened
from policyspec.loading.collector import collector_paused
from policyspec.loading.opening import OpenedSpec, open_spec_bytes
from policyspec.loading.options import DEFAULT_OPTIONS, CheckOptions
from policyspec.loading.sources import read_source, source_folders
from policyspec.loading.tree import Marks

__all__ = ["EditorSpec", "edit"]


@dataclass(frozen=True)
class EditorSpec:
    """The buffer's text, its check, where its keys and values are, and its source text if found."""

    path: Path
    text: str
    checked: CheckedSpec
    marks: Marks | None
    source_path: Path | None
    source_text: str | None

    def key_at(self, line: int, column: int) -> JsonPath | None:
        """The JSON path of the key or value under a 1-based line and column, the innermost one."""
        if self.marks is None:
            return None
        best: tuple[tuple[int, int], JsonPath] | None = None
        for table in (self.marks.keys, self.marks.values):
            for path, (at_line, at_column) in table.items():
                if (
                    at_line == line
                    and at_column <= column
                    and (best is None or (at_column, len(path)) > best[0])
                ):
                    best = ((at_column, len(path)), path)
        return best[1] if best else None

    def value_at(self, path: JsonPath) -> object:
        """The parsed value at ``path`` (None when the buffer does not parse or has no such node)."""
        document = self.checked.document
        node: object = document.model_dump(mode="json") if document is not None else None
        for step in path:
            if isinstance(node, dict) and isinstance(step, str):
                node = node.get(step)
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                node = node[step]
            else:
                return None
        return node


def edit(path: Path, text: str, options: CheckOptions = DEFAULT_OPTIONS) -> EditorSpec:
    """Check an editor's buffer for ``path`` and find what hovers and definitions need."""
    with collector_paused():
        opened = open_spec_bytes(path, text.encode("utf-8"), options.limits)  # parsed once, kept for hovers
        checked = check_opened(path, opened, options)
    marks = opened.parsed.marks if isinstance(opened, OpenedSpec) else None
    source_path = source_text = None
    if checked.document is not None:
        candidates = [
            folder / checked.document.source.file for folder in source_folders(path, options.sources)
        ]
        source = read_source(candidates, options.limits)
        source_text = source.text
        source_path = next((c for c in candidates if c.is_file()), None)
    return EditorSpec(path, text, checked, marks, source_path, source_text)
