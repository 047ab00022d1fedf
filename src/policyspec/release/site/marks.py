"""Which spans of a source a document page highlights, and the ids that tie them to their cards.

Every text :func:`~policyspec.model.walk.quoted_texts` lists is anchored with
:func:`~policyspec.release.anchors.anchor_quote` (its first occurrence, code points) and becomes
one :class:`~.highlight.Mark`:

- an item's quote (section, quality note, goal, principle, measure, indicator): ``data-id`` is
  the item's id, the first piece has ``id="at-<id>"`` and links to ``#card-<id>``;
- evidence: ``data-id`` of what it proves (an indicator's id, or ``document:date``,
  ``document:issuer-0`` … for the document's metadata), ``data-role="evidence"``;
- an excluded statement: ``data-excluded="<index>"`` and a link to ``#card-excluded:<index>``.

Items' ids are slugs, which never hold a colon, so the page's other ids cannot collide with them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from policyspec.diagnostics import JsonPath
from policyspec.model.documents import Document
from policyspec.model.walk import COLLECTIONS, quoted_texts
from policyspec.release.anchors import anchor_quote
from policyspec.release.site.highlight import Mark
from policyspec.release.site.html import attributes

__all__ = ["KIND_BY_COLLECTION", "LABEL_BY_KIND", "Quoted", "document_marks", "fact_key", "quoted"]

KIND_BY_COLLECTION = {
    "quality_notes": "note",
    "sections": "section",
    "goals": "goal",
    "principles": "principle",
    "measures": "measure",
    "indicators": "indicator",
}
LABEL_BY_KIND = {
    "section": "§",
    "note": "!",
    "goal": "G",
    "principle": "P",
    "measure": "M",
    "indicator": "I",
    "evidence": "E",
    "excluded": "X",
}
"""The small mark a highlight starts with (it is drawn by the stylesheet: no text is added)."""


@dataclass(frozen=True)
class Quoted:
    """One quoted text of a document: what it belongs to and where it is (None: not in the source)."""

    path: JsonPath
    kind: str  # a KIND_BY_COLLECTION value, "evidence" or "excluded"
    owner: str  # the data-id: an item's id, document:<fact>, or the excluded statement's index
    anchor_id: str  # the HTML id of its first piece
    card_id: str
    quote: str
    start: int | None
    end: int | None


def fact_key(path: JsonPath) -> str:
    """``document:issuer-0``, ``document:date`` …: the data-id of a metadata fact's evidence."""
    if path[0] == "issuers":
        return f"document:issuer-{path[1]}"
    return "document:" + str(path[0]).replace("_", "-")


def quoted(document: Document, text: str) -> Iterator[Quoted]:
    """Every quoted text of ``document`` with its place in ``text``, in the order of quoted_texts."""
    for path, quote in quoted_texts(document):
        anchor = anchor_quote(text, quote, source_sha256=document.source.sha256)
        start, end = (anchor.start, anchor.end) if anchor is not None else (None, None)
        name = path[0]
        if name == "excluded":
            index = int(path[1])
            owner, kind, anchor_id, card = str(index), "excluded", f"at-excluded:{index}", f"excluded:{index}"
        elif path[-2] == "evidence":
            owner = document.indicators[int(path[1])].id if name == "indicators" else fact_key(path)
            kind, anchor_id, card = "evidence", f"at-{owner}:evidence-{path[-1]}", owner
        else:
            assert isinstance(name, str)
            assert name in COLLECTIONS
            owner = getattr(document, name)[int(path[1])].id
            kind, anchor_id, card = KIND_BY_COLLECTION[name], f"at-{owner}", owner
        yield Quoted(path, kind, owner, anchor_id, f"card-{card}", quote, start, end)


def document_marks(places: list[Quoted]) -> list[Mark]:
    """One mark per quoted text found in the source."""
    marks = []
    for place in places:
        if place.start is None or place.end is None:
            continue
        role = "evidence" if place.kind == "evidence" else None
        owner = ("data-excluded", place.owner) if place.kind == "excluded" else ("data-id", place.owner)
        lead = (
            "<a"
            + attributes(
                [
                    ("class", "to-card"),
                    ("href", "#" + place.card_id),
                    ("data-label", LABEL_BY_KIND[place.kind]),
                    ("aria-label", f"{place.kind} {place.owner}"),
                    ("title", f"{place.kind} {place.owner}"),
                ]
            )
            + "></a>"
        )
        pairs = [("class", f"hl hl-{place.kind}"), owner]
        if role is not None:
            pairs.append(("data-role", role))
        marks.append(Mark(place.start, place.end, tuple(pairs), (("id", place.anchor_id),), lead))
    return marks
