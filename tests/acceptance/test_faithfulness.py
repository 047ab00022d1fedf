"""The bundled corpus is faithful to its sources, and the rules can tell when it is not.

Every quantitative statement of each source is encoded or excluded; one field of one indicator
changed (value, upper, deadline, recurrence, operator) is flagged at that indicator; one
indicator removed shows up as an uncovered statement at its place in the source. The mutations
are made on the typed documents and checked by the same rules ``validate`` runs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import pytest

from policyspec.bundled import bundled_dir, bundled_specs
from policyspec.loading.check_files import check_files
from policyspec.model.documents import Document, Indicator
from policyspec.model.exact import exact
from policyspec.rules import RuleContext, run_rules
from policyspec.rules.coverage import account

# The documents as checked (not policyspec.load(), which would refuse the whole module's tests
# over one finding): the first two tests say what is wrong; the others measure the rules.
DOCUMENTS = [spec.document for spec in check_files(bundled_specs()) if spec.document is not None]
SOURCES = {
    document.id: (bundled_dir("sources") / document.source.file).read_text(encoding="utf-8")
    for document in DOCUMENTS
}
REQUIRED_SHARE = 0.95


def _context(document: Document) -> RuleContext:
    text = SOURCES[document.id]
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return RuleContext(document, text, sha256, ())


@dataclass(frozen=True)
class Mutation:
    document: Document
    index: int
    field: str
    description: str
    mutated: Document


def _with_indicator(document: Document, index: int, changes: dict[str, Any]) -> Document:
    indicators = list(document.indicators)
    indicators[index] = indicators[index].model_copy(update=changes)
    return document.model_copy(update={"indicators": indicators})


def _target(indicator: Indicator, **changes: Any) -> dict[str, Any]:
    return {"target": indicator.target.model_copy(update=changes)}


_OTHER_OPERATOR = {"ge": "gt", "gt": "ge", "le": "lt", "lt": "le", "eq": "ge", "approx": "eq", "range": "eq"}


def _number(value: Fraction) -> int | str:
    return int(value) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def mutations() -> Iterator[Mutation]:
    """For each indicator, each of its fields changed to a plausible wrong value, one at a time."""
    for document in DOCUMENTS:
        for index, indicator in enumerate(document.indicators):
            target = indicator.target
            changes: list[tuple[str, str, dict[str, Any]]] = []
            if target.value is not None and not indicator.implied:
                wrong = _number(exact(target.value) + 1)
                changes.append(("value", f"value +1 ({wrong})", _target(indicator, value=wrong)))
            if target.upper is not None:
                wrong = _number(exact(target.upper) + 1)
                changes.append(("upper", f"upper +1 ({wrong})", _target(indicator, upper=wrong)))
            if target.operator is not None and not indicator.implied:
                other = _OTHER_OPERATOR[target.operator]
                if other != "range" and not (other == "eq" and target.operator == "range"):
                    changes.append(("operator", f"operator {other}", _target(indicator, operator=other)))
            if indicator.deadline is not None:
                later = f"{int(indicator.deadline[:4]) + 1}"
                changes.append(("deadline", f"deadline {later}", {"deadline": later}))
                changes.append(("deadline", "deadline removed", {"deadline": None}))
            else:
                changes.append(("deadline", "deadline 2012 added", {"deadline": "2012"}))
            if indicator.per is not None:
                other_per = "P2Y" if indicator.per != "P2Y" else "P1Y"
                changes.append(("per", f"per {other_per}", {"per": other_per}))
                changes.append(("per", "per removed", {"per": None}))
            else:
                changes.append(("per", "per P1Y added", {"per": "P1Y"}))
            for field, description, update in changes:
                yield Mutation(document, index, field, description, _with_indicator(document, index, update))


MUTATIONS = list(mutations())


def _flagged_at(mutation: Mutation) -> bool:
    findings = run_rules(_context(mutation.mutated))
    return any(f.path[:2] == ("indicators", mutation.index) for f in findings)


def test_the_bundled_corpus_accounts_for_every_statement_of_its_sources() -> None:
    uncovered = [
        f"{document.id}: {a.statement.text!r} ({a.statement.kind}) at {a.statement.start}"
        for document in DOCUMENTS
        for a in account(document, SOURCES[document.id])
        if a.status == "uncovered"
    ]
    assert uncovered == []


def test_the_unmutated_corpus_raises_no_faithfulness_finding() -> None:
    findings = [(d.id, f.code, f.message) for d in DOCUMENTS for f in run_rules(_context(d))]
    assert findings == []


def test_there_are_mutations_of_every_field() -> None:
    fields = {mutation.field for mutation in MUTATIONS}
    assert fields == {"value", "upper", "operator", "deadline", "per"}
    assert len(MUTATIONS) > 300


@pytest.mark.parametrize("field", ["value", "upper", "operator", "deadline", "per"])
def test_one_field_changed_is_flagged_at_its_indicator(field: str) -> None:
    """At least 95 % of the mutations of each field are caught at the mutated indicator."""
    chosen = [m for m in MUTATIONS if m.field == field]
    missed = [
        f"{m.document.id}/{m.document.indicators[m.index].id}: {m.description}"
        for m in chosen
        if not _flagged_at(m)
    ]
    assert len(missed) <= (1 - REQUIRED_SHARE) * len(chosen), "\n".join(missed)


def test_a_deleted_indicator_leaves_its_statements_uncovered() -> None:
    """At least 95 % of the indicators, removed one at a time, leave an uncovered statement in their quote."""
    missed = []
    total = 0
    for document in DOCUMENTS:
        text = SOURCES[document.id]
        for index, indicator in enumerate(document.indicators):
            total += 1
            others = [i for j, i in enumerate(document.indicators) if j != index]
            remaining = document.model_copy(update={"indicators": others})
            at = text.find(indicator.quote)
            span = range(at, at + len(indicator.quote))
            uncovered = [
                a for a in account(remaining, text) if a.status == "uncovered" and a.statement.start in span
            ]
            if not uncovered:
                missed.append(f"{document.id}/{indicator.id}")
    assert len(missed) <= (1 - REQUIRED_SHARE) * total, "\n".join(missed)
