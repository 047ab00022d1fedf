"""Highlights of a text as well-nested HTML, however the intervals overlap.

Quotes nest (an indicator's figure inside its measure's sentence) and cross (two quotes sharing a
few characters). HTML elements can only nest, so the text is cut at every interval boundary and
an element that would cross another is closed and opened again: it becomes several pieces, each
carrying the same attributes. Every character then sits inside exactly the elements of the
intervals that cover it, and the text read back from the page is the text given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from policyspec.release.site.html import attributes, escape

__all__ = ["Mark", "nest"]


@dataclass(frozen=True)
class Mark:
    """One interval ``[start, end)`` of code points to highlight, and how its element looks.

    ``attributes`` go on every piece; ``first`` (an ``id``, say) only on the first piece, and
    ``lead`` is HTML put at the start of the first piece (it must add no text: an empty link).
    """

    start: int
    end: int
    attributes: tuple[tuple[str, str], ...]
    first: tuple[tuple[str, str], ...] = ()
    lead: str = ""
    tag: str = "mark"


def nest(text: str, marks: Sequence[Mark]) -> str:
    """``text`` escaped, with one element (or several pieces) per mark; empty marks are dropped.

    Marks that start together open longest first, so a sentence holds the figure inside it
    rather than the other way round; a mark that must be cut is reopened outside the shorter ones.
    """
    for mark in marks:
        if not 0 <= mark.start <= mark.end <= len(text):
            raise ValueError(f"mark [{mark.start}, {mark.end}) lies outside a text of {len(text)}")
    order = sorted(
        (i for i, m in enumerate(marks) if m.start < m.end), key=lambda i: (marks[i].start, -marks[i].end, i)
    )
    starting: dict[int, list[int]] = {}
    for index in order:
        starting.setdefault(marks[index].start, []).append(index)
    cuts = sorted({0, len(text), *(marks[i].start for i in order), *(marks[i].end for i in order)})
    out: list[str] = []
    stack: list[int] = []
    begun: set[int] = set()
    for at, until in zip(cuts, [*cuts[1:], len(text)], strict=True):
        reopen: list[int] = []
        while any(marks[i].end == at for i in stack):  # close what ends here, and what is above it
            index = stack.pop()
            out.append(f"</{marks[index].tag}>")
            if marks[index].end != at:
                reopen.append(index)
        opening = sorted([*reopen, *starting.get(at, [])], key=lambda i: (-marks[i].end, marks[i].start, i))
        for index in opening:
            out.append(_open(marks[index], first=index not in begun))
            begun.add(index)
            stack.append(index)
        out.append(escape(text[at:until]))
    out.extend(f"</{marks[index].tag}>" for index in reversed(stack))
    return "".join(out)


def _open(mark: Mark, *, first: bool) -> str:
    if not first:
        return f"<{mark.tag}{attributes(mark.attributes)}>"
    return f"<{mark.tag}{attributes((*mark.attributes, *mark.first))}>{mark.lead}"
