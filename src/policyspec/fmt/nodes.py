"""A YAML text as written, the formatter's view of it: what plain data forgets.

That ``1.50`` was written with two decimals, that a title was a ``{zh: …, en: …}`` flow mapping,
where a folded ``>`` scalar broke its lines, which stretches of the text are scalar content (a
``#`` there is not a comment) and where each entry starts (comments are tied to entries).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from policyspec.diagnostics import JsonPath

__all__ = ["Layout", "Mapping", "Node", "Scalar", "Sequence", "Span"]

Span = tuple[int, int]  # character offsets [start, end)


class Scalar:
    """A scalar as written; slotted, since a spec holds thousands and building each must cost little.

    ``folds`` (of a folded scalar: the offsets in ``value`` of the spaces that were line breaks)
    is filled in once the text is at hand: the events that make the scalar do not carry it.
    """

    __slots__ = ("folds", "style", "tag", "value")

    def __init__(self, value: str, style: str, tag: str | None, folds: tuple[int, ...] = ()) -> None:
        self.value = value
        self.style = style  # '' plain, "'" or '"' quoted, '|' literal, '>' folded
        self.tag = tag
        self.folds = folds

    def __repr__(self) -> str:
        return f"Scalar({self.value!r}, {self.style!r}, {self.tag!r}, {self.folds!r})"


@dataclass
class Mapping:
    flow: bool
    entries: list[tuple[Scalar, Node]] = field(default_factory=list)


@dataclass
class Sequence:
    flow: bool
    items: list[Node] = field(default_factory=list)


Node = Union[Scalar, Mapping, Sequence]  # noqa: UP007 - a runtime alias, and Python 3.10 is supported


@dataclass(frozen=True)
class Layout:
    root: Node | None
    spans: list[Span]  # sorted, of scalar content
    entries: dict[JsonPath, int]  # where each mapping key and sequence item starts (offset)
