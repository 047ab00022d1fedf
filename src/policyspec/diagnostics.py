"""Problems as values: what is wrong, where, and what to do about it.

Library code never prints. Every check returns :class:`Diagnostic` values; reporters turn them
into text, JSON or CI annotations, and the CLI alone decides the exit code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from policyspec.codes import CODES_BY_ID, CodeId, Severity

__all__ = ["CodeId", "Diagnostic", "JsonPath", "PolicyspecError", "Severity", "format_path", "has_errors"]

JsonPath = tuple[str | int, ...]


def format_path(path: JsonPath) -> str:
    """Render a path the way jsonschema and cattrs do: ``$.indicators[3].target.value``."""
    parts = ["$"]
    for step in path:
        parts.append(f"[{step}]" if isinstance(step, int) else f".{step}")
    return "".join(parts)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file, positioned at the node an editor must change (1-based).

    Its severity is its code's, from the catalogue (:mod:`policyspec.codes`), never chosen where
    the problem is found: the same code cannot be an error in one place and a warning in another.
    """

    file: str
    line: int
    column: int
    code: CodeId
    message: str
    path: JsonPath = field(default=(), compare=False)
    hint: str | None = field(default=None, compare=False)

    @property
    def severity(self) -> Severity:
        return CODES_BY_ID[self.code].severity

    @property
    def json_path(self) -> str:
        return format_path(self.path)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "path": self.json_path,
            "message": self.message,
            "hint": self.hint,
        }


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


class PolicyspecError(Exception):
    """Raised by the Python API when specs are invalid; carries every diagnostic."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        first = self.diagnostics[0] if self.diagnostics else None
        summary = f"{first.file}:{first.line}:{first.column}: {first.code} {first.message}" if first else ""
        more = len(self.diagnostics) - 1
        super().__init__(summary + (f" (and {more} more)" if more > 0 else ""))
