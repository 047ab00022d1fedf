"""The cards of a document page: what each highlighted quote was read as.

A card has the id its highlights link to (``card-<id>``) and links back to its highlight
(``#at-<id>``) and to its evidence; a quote missing from the source (a spec that was not
validated) gets a card that says so instead of a link to nowhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from policyspec.model.documents import (
    Document,
    Excluded,
    Goal,
    Indicator,
    Measure,
    Principle,
    QualityNote,
    Section,
    Text,
)
from policyspec.model.exact import json_number
from policyspec.model.target_text import target_text
from policyspec.release.site.html import element, escape
from policyspec.release.site.layout import topic_page_name
from policyspec.release.site.marks import Quoted

__all__ = ["CardGroup", "card_groups", "evidence_list", "zh_en"]


def zh_en(text: Text, *, tag: str = "span") -> str:
    """The Chinese text and its English rendering, each marked with its language."""
    return element(tag, escape(text.zh), ("lang", "zh-Hans"), ("class", "zh")) + element(
        tag, escape(text.en), ("lang", "en"), ("class", "en")
    )


def _link(target: str, label: str) -> str:
    return element("a", escape(label), ("href", "#" + target))


def _card_link(item_id: str | None) -> str | None:
    return None if item_id is None else _link(f"card-{item_id}", item_id)


def _rows(rows: Iterable[tuple[str, str | None]]) -> str:
    """A definition list of the terms that have a value (values are HTML)."""
    shown = [(term, value) for term, value in rows if value is not None and value != ""]
    if not shown:
        return ""
    return element("dl", "".join(element("dt", escape(t)) + element("dd", v) for t, v in shown))


def _units(units: Sequence[Text]) -> str | None:
    if not units:
        return None
    return element("ul", "".join(element("li", zh_en(unit)) for unit in units), ("class", "units"))


def evidence_list(owner: str, quotes: Sequence[str], found: dict[str, Quoted]) -> str | None:
    """The evidence quotes of ``owner``, each linking to its highlight."""
    if not quotes:
        return None
    items = []
    for index, quote in enumerate(quotes):
        place = found.get(f"at-{owner}:evidence-{index}")
        text = element("span", escape(quote), ("lang", "zh-Hans"))
        items.append(element("li", _link(place.anchor_id, quote) if place is not None else text))
    return element("ol", "".join(items), ("class", "evidence"), ("lang", "zh-Hans"))


def _card(kind: str, item_id: str, quote: str | None, body: str, found: dict[str, Quoted]) -> str:
    """A card of an item; its highlight is ``at-<id>`` (an excluded statement's id is ``excluded:<n>``)."""
    card_id, anchor_id = f"card-{item_id}", f"at-{item_id}"
    if quote is None:  # a quality note may quote nothing
        back, shown = "", ""
    else:
        back = (
            element("a", "↑ in the source", ("class", "back"), ("href", "#" + anchor_id))
            if anchor_id in found
            else element("span", "not found in the source", ("class", "missing"))
        )
        shown = element("blockquote", escape(quote), ("lang", "zh-Hans"))
    head = element(
        "header",
        element("span", escape(kind), ("class", "kind"))
        + " "
        + element("code", escape(item_id))
        + " "
        + back,
    )
    return element("article", head + body + shown, ("class", f"card card-{kind}"), ("id", card_id))


def _indicator(item: Indicator, found: dict[str, Quoted]) -> str:
    target = item.target
    figure = target_text(
        target.operator, json_number(target.value), json_number(target.upper), target.unit, None
    )
    parts = [
        ("operator", target.operator and escape(target.operator)),
        ("value", None if target.value is None else escape(str(json_number(target.value)))),
        ("upper", None if target.upper is None else escape(str(json_number(target.upper)))),
        ("unit", target.unit and escape(target.unit)),
    ]
    reading = escape(figure) + (
        element("span", " · ".join(f"{t} {v}" for t, v in parts if v is not None), ("class", "raw"))
        if target.operator is not None
        else ""
    )
    recurrence = item.per
    if item.per_term:
        recurrence = (recurrence + ", " if recurrence else "") + "once per term of office (每届)"
    inferred = item.inferred
    topics = ", ".join(element("a", escape(t), ("href", topic_page_name(t))) for t in item.topics)
    rows: list[tuple[str, str | None]] = [
        ("target", reading),
        ("of", zh_en(target.reference) if target.reference is not None else None),
        ("kind", escape(item.kind) if item.kind != "target" else None),
        ("recurrence", recurrence and escape(recurrence)),
        ("deadline", item.deadline and escape(item.deadline)),
        ("start", item.start and escape(item.start)),
        ("implied total", item.implied and element("span", escape(item.implied), ("lang", "zh-Hans"))),
        ("placeholder", "yes: the source leaves the value open" if item.placeholder else None),
        ("applies to", zh_en(item.population) if item.population is not None else None),
        ("lead units", _units(item.lead_units)),
        ("commitment", item.commitment and escape(item.commitment)),
        ("topics", topics or None),
        ("measure", _card_link(item.measure)),
        ("goal", _card_link(item.goal)),
        ("note", item.note and escape(item.note)),
        ("inferred", escape(f"yes: {', '.join(inferred.fields)}. {inferred.reason}") if inferred else None),
        ("evidence", evidence_list(item.id, inferred.evidence, found) if inferred else None),
    ]
    body = element("p", zh_en(item.measured), ("class", "what")) + _rows(rows)
    return _card("indicator", item.id, item.quote, body, found)


def _measure(item: Measure, found: dict[str, Quoted], indicators: Sequence[Indicator]) -> str:
    own = [i.id for i in indicators if i.measure == item.id]
    rows = [
        ("lead units", _units(item.lead_units)),
        ("section", _card_link(item.section)),
        ("goal", _card_link(item.goal)),
        ("indicators", ", ".join(_link(f"card-{i}", i) for i in own) or None),
    ]
    body = element("p", zh_en(item.title), ("class", "what")) + _rows(rows)
    return _card("measure", item.id, item.quote, body, found)


def _goal(item: Goal, found: dict[str, Quoted]) -> str:
    rows = [
        ("kind", escape(item.kind)),
        ("deadline", item.deadline and escape(item.deadline)),
        ("part of", _card_link(item.parent)),
        ("section", _card_link(item.section)),
    ]
    body = element("p", zh_en(item.title), ("class", "what")) + _rows(rows)
    return _card("goal", item.id, item.quote, body, found)


def _principle(item: Principle, found: dict[str, Quoted]) -> str:
    body = element("p", zh_en(item.name), ("class", "what")) + _rows([("section", _card_link(item.section))])
    return _card("principle", item.id, item.quote, body, found)


def _section(item: Section, found: dict[str, Quoted]) -> str:
    rows = [
        ("kind", escape(item.kind)),
        ("number", item.number and element("span", escape(item.number), ("lang", "zh-Hans"))),
        ("within", _card_link(item.parent)),
    ]
    body = element("p", zh_en(item.title), ("class", "what")) + _rows(rows)
    return _card("section", item.id, item.quote, body, found)


def _note(item: QualityNote, found: dict[str, Quoted]) -> str:
    body = element("p", escape(item.description), ("lang", "en"), ("class", "what")) + _rows(
        [("kind", escape(item.kind))]
    )
    return _card("note", item.id, item.quote, body, found)


def _excluded(index: int, item: Excluded, found: dict[str, Quoted]) -> str:
    body = _rows([("reason", escape(item.reason)), ("note", item.note and escape(item.note))])
    return _card("excluded", f"excluded:{index}", item.quote, body, found)


CardGroup = tuple[str, list[str]]  # a heading and its cards


def card_groups(document: Document, found: dict[str, Quoted]) -> list[CardGroup]:
    """The cards of every item, grouped by kind: the figures first, then what frames them, then
    what was deliberately not encoded, the source's problems and its headings."""
    each: list[tuple[str, Callable[[], list[str]]]] = [
        ("Indicators", lambda: [_indicator(i, found) for i in document.indicators]),
        ("Measures", lambda: [_measure(m, found, document.indicators) for m in document.measures]),
        ("Goals", lambda: [_goal(g, found) for g in document.goals]),
        ("Principles", lambda: [_principle(p, found) for p in document.principles]),
        ("Excluded statements", lambda: [_excluded(n, e, found) for n, e in enumerate(document.excluded)]),
        ("Quality notes", lambda: [_note(q, found) for q in document.quality_notes]),
        ("Sections", lambda: [_section(s, found) for s in document.sections]),
    ]
    return [(heading, cards) for heading, make in each if (cards := make())]
