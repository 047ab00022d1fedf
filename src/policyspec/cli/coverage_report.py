"""``policyspec coverage``: each document's statements and how they are accounted for, as text
for people or JSON for scripts (``start``/``end`` are code-point offsets into the source text)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from policyspec.loading.check import CheckedSpec
from policyspec.loading.opening import display_name
from policyspec.loading.options import CheckOptions
from policyspec.loading.sources import read_source, source_folders
from policyspec.rules.coverage import Accounted, account
from policyspec.text_positions import LineIndex

__all__ = ["RENDERERS_BY_NAME", "DocumentCoverage", "document_coverage"]


@dataclass(frozen=True)
class DocumentCoverage:
    """One spec's coverage of its source; ``problem`` says why there is none (no source text)."""

    file: str
    source: str
    text: str
    statements: tuple[Accounted, ...]
    problem: str | None = None

    @property
    def uncovered(self) -> list[Accounted]:
        return [a for a in self.statements if a.status == "uncovered"]

    @property
    def accounted(self) -> int:
        return len(self.statements) - len(self.uncovered)


def document_coverage(spec: CheckedSpec, options: CheckOptions) -> DocumentCoverage:
    """Read the spec's source as validate does and account for every statement in it."""
    document = spec.document
    assert document is not None
    folders = source_folders(spec.path, options.sources)
    source = read_source([folder / document.source.file for folder in folders], options.limits)
    file = display_name(spec.path)
    if source.text is None:
        problem = source.problem or f"source text {document.source.file} not found"
        return DocumentCoverage(file, document.source.file, "", (), problem)
    return DocumentCoverage(file, document.source.file, source.text, tuple(account(document, source.text)))


def render_text(reports: Sequence[DocumentCoverage]) -> str:
    lines = []
    for report in reports:
        if report.problem is not None:
            lines.append(f"{report.file}: {report.problem}")
            continue
        excluded = sum(a.status == "excluded" for a in report.statements)
        encoded = sum(a.status == "encoded" for a in report.statements)
        lines.append(
            f"{report.file} ({report.source}): {len(report.statements)} statements, {encoded} encoded, "
            f"{excluded} excluded, {len(report.uncovered)} uncovered"
        )
        positions = LineIndex(report.text)
        for accounted in report.uncovered:
            statement = accounted.statement
            line, column = positions.position(statement.start)
            lines.append(
                f"    {report.source}:{line}:{column}: {statement.kind} {statement.text!r} uncovered"
            )
    return "\n".join(lines) + "\n"


def render_json(reports: Sequence[DocumentCoverage]) -> str:
    documents = [
        {
            "file": report.file,
            "source": report.source,
            "total": len(report.statements),
            "accounted": report.accounted,
            **({"problem": report.problem} if report.problem is not None else {}),
            "statements": [
                {
                    "start": a.statement.start,
                    "end": a.statement.end,
                    "text": a.statement.text,
                    "kind": a.statement.kind,
                    "status": a.status,
                }
                for a in report.statements
            ],
        }
        for report in reports
    ]
    return json.dumps({"documents": documents}, ensure_ascii=False, indent=1) + "\n"


RENDERERS_BY_NAME: dict[str, Callable[[Sequence[DocumentCoverage]], str]] = {
    "text": render_text,
    "json": render_json,
}
