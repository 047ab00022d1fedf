"""The head of a document page: its metadata (issuers, date, number, plan period), each with the
evidence that states or proves it, and the counts of what the spec encodes."""

from __future__ import annotations

from policyspec.diagnostics import JsonPath
from policyspec.model.documents import Document, Evidenced
from policyspec.model.walk import evidenced_facts
from policyspec.release.site.cards import evidence_list, zh_en
from policyspec.release.site.html import element, escape
from policyspec.release.site.marks import Quoted, fact_key
from policyspec.rules.coverage import CoverageCounts

__all__ = ["coverage_counts", "document_counts", "facts_list"]


def document_counts(document: Document) -> list[tuple[str, int]]:
    """What the spec encodes, by kind."""
    return [
        ("goals", len(document.goals)),
        ("principles", len(document.principles)),
        ("measures", len(document.measures)),
        ("indicators", len(document.indicators)),
        ("excluded", len(document.excluded)),
    ]


def coverage_counts(coverage: CoverageCounts | None) -> list[tuple[str, int]] | None:
    """The statements the phrase reader finds in the source, and how they are accounted for."""
    if coverage is None:
        return None
    uncovered = coverage.statements - coverage.encoded - coverage.excluded
    return [
        ("statements", coverage.statements),
        ("encoded", coverage.encoded),
        ("excluded", coverage.excluded),
        ("uncovered", uncovered),
    ]


def _fact_value(path: JsonPath, fact: Evidenced) -> tuple[str, str]:
    """The fact's name and its value as HTML."""
    from policyspec.model.documents import Date, DocumentNumber, Issuer, PlanPeriod

    if isinstance(fact, Issuer):
        place = f" · {fact.place.zh} ({fact.place.en})" if fact.place is not None else ""
        return "issuer", zh_en(fact.name) + escape(f" · {fact.level}{place}")
    if isinstance(fact, Date):
        return "date", escape(f"{fact.value} ({fact.kind})")
    if isinstance(fact, DocumentNumber):
        return "document number", element("span", escape(fact.value), ("lang", "zh-Hans"))
    if isinstance(fact, PlanPeriod):
        return "plan period", escape(f"{fact.start}–{fact.end}")
    return str(path[0]), ""


def facts_list(document: Document, found: dict[str, Quoted]) -> str:
    """A definition list of the metadata; each value has the id its evidence highlights link to."""
    rows = []
    for path, fact in evidenced_facts(document):
        key = fact_key(path)
        name, value = _fact_value(path, fact)
        flag = element("span", "inferred", ("class", "flag")) if fact.inferred else ""
        quotes = evidence_list(key, fact.evidence, found)
        shown = f"evidence ({len(fact.evidence)} quote{'s' if len(fact.evidence) != 1 else ''})"
        evidence = element("details", element("summary", shown) + quotes) if quotes is not None else ""
        rows.append(
            element("dt", escape(name)) + element("dd", value + flag + evidence, ("id", f"card-{key}"))
        )
    source = document.source
    rows.append(element("dt", "kind") + element("dd", escape(document.kind)))
    rows.append(
        element("dt", "source")
        + element(
            "dd", element("code", escape(source.file)) + " sha256 " + element("code", escape(source.sha256))
        )
    )
    return element("dl", "".join(rows), ("class", "facts"))
