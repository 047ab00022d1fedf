"""Semantic rules: what the schema cannot say, checked against the typed document and its source.

Each rule is a check from a :class:`RuleContext` to findings, registered with the codes it may
emit (``@emits("PS204")``); ``RULES`` lists them in the order their diagnostics are most useful.
A finding's severity is its code's, from :mod:`policyspec.codes`; ``docs/rules.md`` documents
every code.
"""

from __future__ import annotations

from collections.abc import Iterator

from policyspec.rules import coverage, dates, derivation, drafts, figures, references, source, stated_times
from policyspec.rules._base import Finding, Rule, RuleContext, emits

__all__ = ["RULES", "Finding", "Rule", "RuleContext", "emits", "run_rules"]

RULES: tuple[Rule[RuleContext, Finding], ...] = (
    source.source_present,
    source.source_unchanged,
    source.quotes_in_source,
    source.quotes_are_meaningful,
    references.unique_ids,
    references.references_resolve,
    figures.figures_are_finite,
    figures.percent_in_range,
    figures.no_negative_values,
    figures.range_bounds,
    figures.placeholder_consistent,
    figures.figure_has_unit,
    figures.milestone_dated,
    derivation.figure_is_stated,
    derivation.operator_is_stated,
    derivation.implied_total_is_stated,
    stated_times.deadline_is_stated,
    stated_times.recurrence_is_stated,
    dates.deadline_in_span,
    dates.inferred_has_evidence,
    coverage.statements_are_accounted,
    drafts.no_todo_left,
)


def run_rules(context: RuleContext) -> Iterator[Finding]:
    for rule in RULES:
        yield from rule(context)
