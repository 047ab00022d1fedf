"""The pages of the site: the index, one page per document, one page per topic."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from policyspec.api.compare import ComparisonRow, compare
from policyspec.model.documents import Document
from policyspec.release.site.cards import card_groups, zh_en
from policyspec.release.site.facts import coverage_counts, document_counts, facts_list
from policyspec.release.site.highlight import nest
from policyspec.release.site.html import element, escape
from policyspec.release.site.inputs import SiteDocument
from policyspec.release.site.layout import INDEX, document_page_name, page, topic_page_name
from policyspec.release.site.marks import LABEL_BY_KIND, document_marks, quoted
from policyspec.release.site.timeline_svg import legend, timeline_svg

if TYPE_CHECKING:
    from policyspec.model.vocabulary import Topic

__all__ = ["corpus_topics", "document_page", "index_page", "topic_page"]

_KEY = {
    "indicator": "indicator (a figure or milestone)",
    "measure": "measure",
    "goal": "goal",
    "principle": "principle",
    "evidence": "evidence of an inferred fact",
    "excluded": "excluded statement",
    "note": "quality note",
    "section": "heading",
}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _counts_text(counts: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"{number} {label}" for label, number in counts)


def document_page(entry: SiteDocument, *, generator: str) -> bytes:
    """The full source text with every quote highlighted, and the cards that read them."""
    document, text = entry.document, entry.source_text
    places = list(quoted(document, text))
    found = {place.anchor_id: place for place in places if place.start is not None}
    source = element(
        "div", nest(text, document_marks(places)), ("class", "source"), ("lang", "zh-Hans"), ("id", "source")
    )
    key = "".join(
        element("li", element("mark", escape(f"{LABEL_BY_KIND[kind]} {label}"), ("class", f"hl hl-{kind}")))
        for kind, label in _KEY.items()
    )
    coverage = coverage_counts(entry.coverage)
    counts = "The spec encodes " + _counts_text(document_counts(document)) + "."
    if coverage is not None:
        counts += " The source holds " + _counts_text(coverage) + " (quantitative and time-bound statements)."
    head = (
        element("h1", zh_en(document.title))
        + facts_list(document, found)
        + element("p", escape(counts), ("class", "counts"))
        + element("ul", key, ("class", "key"), ("aria-label", "What the highlights mean"))
    )
    cards = "".join(
        element("h3", escape(heading)) + "".join(group) for heading, group in card_groups(document, found)
    )
    reading = element(
        "div",
        element("section", element("h2", "Source text") + source, ("class", "source-pane"))
        + element("aside", element("h2", "How each quote was read") + cards, ("class", "cards-pane")),
        ("class", "reading"),
    )
    return page(
        f"{document.title.zh} — {document.title.en}", head + reading, kind="document", generator=generator
    )


def corpus_topics(documents: Sequence[Document]) -> list[str]:
    """The topics some indicator carries, in the vocabulary's order."""
    from policyspec.model.vocabulary import TOPICS

    used = {
        topic for document in documents for indicator in document.indicators for topic in indicator.topics
    }
    return [topic for topic in TOPICS if topic in used]


def _document_row(entry: SiteDocument) -> str:
    document = entry.document
    title = element("a", zh_en(document.title), ("href", document_page_name(document.id)), ("class", "title"))
    issuers = "、".join(issuer.name.zh for issuer in document.issuers)
    date = document.date.value if document.date is not None else "no date"
    about = element("span", escape(issuers), ("lang", "zh-Hans")) + escape(f" · {date}")
    coverage = coverage_counts(entry.coverage)
    numbers = [n for _, n in document_counts(document)]
    covered = [n for _, n in coverage] if coverage is not None else []
    cells = [
        element("td", title + element("span", about, ("class", "about"))),
        *(element("td", str(n), ("class", "n")) for n in numbers),
        *(element("td", str(n), ("class", "n")) for n in covered),
        *([element("td", "—", ("class", "n"), ("colspan", "4"))] if coverage is None else []),
    ]
    return element("tr", "".join(cells), ("data-document", document.id))


def _topic_item(documents: Sequence[Document], topic: str) -> str:
    rows = compare(documents, cast("Topic", topic))
    found_in = len({row.document for row in rows})
    label = f"{_count(len(rows), 'indicator')}, {_count(found_in, 'document')}"
    link = element("a", escape(topic), ("href", topic_page_name(topic)))
    return element("li", link + " " + element("span", escape(label), ("class", "about")))


def index_page(entries: Sequence[SiteDocument], *, generator: str) -> bytes:
    """Every document with its counts and coverage, the topics, and the timeline of deadlines."""
    documents = [entry.document for entry in entries]
    headings = ["Document", "Goals", "Principles", "Measures", "Indicators", "Excluded"]
    headings += ["Statements", "Encoded", "Excluded", "Uncovered"]
    header = "".join(element("th", escape(h), ("class", "n" if i else None)) for i, h in enumerate(headings))
    groups = element("th", "") + element("th", "What the spec encodes", ("colspan", "5"))
    groups += element("th", "Statements of the source", ("colspan", "4"))
    table = element(
        "table",
        element("thead", element("tr", groups) + element("tr", header))
        + element("tbody", "".join(_document_row(entry) for entry in entries)),
        ("class", "documents"),
    )
    topics = "".join(_topic_item(documents, topic) for topic in corpus_topics(documents))
    body = (
        element("h1", "Policy documents: where every figure comes from")
        + element(
            "p",
            "Each document page shows the full archived source text with every encoded quote highlighted; "
            "a highlight links to the card that says how it was read (target, deadline, recurrence, "
            "topics, lead units), and the card links back. Statements deliberately not encoded are "
            "highlighted too, with the reason.",
            ("class", "lead"),
        )
        + element("h2", "Documents")
        + table
        + element("h2", "Topics")
        + element("ul", topics, ("class", "topics"))
        + element("h2", "Deadlines")
        + legend(documents, document_page_name)
        + timeline_svg(documents, document_page_name)
    )
    return page("Policy documents: provenance", body, kind="index", generator=generator)


def _topic_row(row: ComparisonRow) -> str:
    from policyspec.model.target_text import target_text

    page_name = document_page_name(row.document)
    recurrence = row.per or ""
    if row.per_term:
        recurrence = (recurrence + ", " if recurrence else "") + "per term"
    cells = [
        element("td", element("a", escape(row.title), ("href", page_name), ("lang", "zh-Hans"))),
        element("td", element("a", escape(row.indicator), ("href", f"{page_name}#at-{row.indicator}"))),
        element("td", escape(row.quote), ("lang", "zh-Hans")),
        element("td", escape(target_text(row.operator, row.value, row.upper, row.unit, row.reference))),
        element("td", escape(recurrence)),
        element("td", escape(row.deadline or "")),
        element("td", escape(row.population or ""), ("lang", "zh-Hans")),
    ]
    return element("tr", "".join(cells))


def topic_page(documents: Sequence[Document], topic: str, *, generator: str) -> bytes:
    """The indicators of ``topic`` across documents, each linking to its highlight."""
    rows = compare(documents, cast("Topic", topic))
    headings = ["Document", "Indicator", "Quote", "Target", "Recurrence", "Deadline", "Applies to"]
    table = element(
        "table",
        element("thead", element("tr", "".join(element("th", h) for h in headings)))
        + element("tbody", "".join(_topic_row(row) for row in rows)),
    )
    body = (
        element("p", element("a", "← all documents", ("href", INDEX)))
        + element("h1", escape(f"Topic: {topic}"))
        + element(
            "p", escape(f"{len(rows)} indicator(s) tagged {topic}, in document order."), ("class", "lead")
        )
        + table
    )
    return page(f"Topic {topic} — policy documents", body, kind="topic", generator=generator)
