"""Ids are unique within a document, and every reference names an id defined before it is needed."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from policyspec.model.walk import identified
from policyspec.rules._base import Finding, RuleContext, emits

__all__ = ["references_resolve", "unique_ids"]


@emits("PS204")
def unique_ids(context: RuleContext) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for path, ident in identified(context.document):
        where = f"{path[0]}[{path[1]}]"
        if ident in seen:
            yield Finding(
                "PS204",
                path,
                f"duplicate id '{ident}' (first used by {seen[ident]})",
                hint="ids are unique across sections, goals, principles, measures, indicators and notes",
            )
        else:
            seen[ident] = where


@emits("PS205")
def references_resolve(context: RuleContext) -> Iterator[Finding]:
    document = context.document
    ids = {
        "sections": [s.id for s in document.sections],
        "goals": [g.id for g in document.goals],
        "measures": [m.id for m in document.measures],
    }
    known = {kind: set(values) for kind, values in ids.items()}
    checks: list[tuple[str, int, str, str | None, str]] = []
    for index, section in enumerate(document.sections):
        checks.append(("sections", index, "parent", section.parent, "sections"))
    for index, goal in enumerate(document.goals):
        checks.append(("goals", index, "section", goal.section, "sections"))
        checks.append(("goals", index, "parent", goal.parent, "goals"))
    for index, principle in enumerate(document.principles):
        checks.append(("principles", index, "section", principle.section, "sections"))
    for index, measure in enumerate(document.measures):
        checks.append(("measures", index, "section", measure.section, "sections"))
        checks.append(("measures", index, "goal", measure.goal, "goals"))
    for index, indicator in enumerate(document.indicators):
        checks.append(("indicators", index, "measure", indicator.measure, "measures"))
        checks.append(("indicators", index, "goal", indicator.goal, "goals"))
    for collection, index, field, target, kind in checks:
        if target is None:
            continue
        if target not in known[kind]:
            yield Finding(
                "PS205",
                (collection, index, field),
                f"{field} '{target}' is not the id of any of the document's {kind}",
                hint=_suggest(target, ids[kind]),
            )
        elif collection == kind and ids[kind].index(target) >= index:
            yield Finding(
                "PS205",
                (collection, index, field),
                f"{field} '{target}' must be declared before the entry that refers to it",
                hint="list parents before their children (document order); this also rules out cycles",
            )


def _suggest(target: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(target, candidates, n=1)
    return f"did you mean '{close[0]}'?" if close else "define the entry first, or correct the id"
