"""What every rule works on and returns; kept apart so rule modules need not import each other."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from policyspec.diagnostics import JsonPath, Severity
from policyspec.model.documents import Document

__all__ = ["Finding", "Rule", "RuleContext"]


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on one node; the validator positions it in the YAML file."""

    code: str
    path: JsonPath
    message: str
    hint: str | None = None
    severity: Severity = "error"


@dataclass(frozen=True)
class RuleContext:
    """The typed document and what was learnt about its archived source text."""

    document: Document
    source_text: str | None
    source_sha256: str | None
    source_searched: tuple[str, ...]
    source_problem: str | None = None  # the source was found but cannot be used (PS217)


Rule = Callable[[RuleContext], Iterable[Finding]]
