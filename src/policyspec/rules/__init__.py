"""Semantic rules: what the schema cannot say, checked against the typed document and its source.

Each rule is a function from a :class:`RuleContext` to findings; ``RULES`` lists them all. A
finding carries its path in the document, and the caller positions it in the YAML file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from policyspec.diagnostics import JsonPath, Severity
from policyspec.model import Document

__all__ = ["RULES", "Finding", "RuleContext", "run_rules"]


@dataclass(frozen=True)
class Finding:
    code: str
    path: JsonPath
    message: str
    hint: str | None = None
    severity: Severity = "error"


@dataclass(frozen=True)
class RuleContext:
    document: Document
    source_text: str | None
    source_sha256: str | None
    source_searched: tuple[str, ...]


Rule = Callable[[RuleContext], Iterable[Finding]]


def _all_rules() -> tuple[Rule, ...]:
    from policyspec.rules import dates, figures, phrases, references, source

    return (
        source.source_present,
        source.source_unchanged,
        source.quotes_in_source,
        references.unique_ids,
        references.references_resolve,
        figures.percent_in_range,
        figures.no_negative_values,
        figures.range_bounds,
        figures.placeholder_consistent,
        figures.figure_has_unit,
        figures.milestone_dated,
        phrases.operator_matches_phrase,
        dates.deadline_in_span,
        dates.inferred_has_evidence,
    )


RULES: tuple[Rule, ...] = _all_rules()


def run_rules(context: RuleContext) -> Iterator[Finding]:
    for rule in RULES:
        yield from rule(context)
