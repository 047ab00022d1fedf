"""A YAML text as written: collections with their flow or block style, scalars with their style,
tag and raw text, and the stretches of text that are scalar content.

The formatter needs what plain data forgets: that ``1.50`` was written with two decimals, that a
title was a ``{zh: …, en: …}`` flow mapping, where a folded ``>`` scalar broke its lines, and
which characters are inside scalars (a ``#`` there is not a comment). libyaml's events carry all
of it and are fast; ruamel.yaml's pure-Python loader would take most of a second per spec. Only
text that :func:`policyspec.loading.parsing.parse_yaml` accepted is read here, so the limits on hostile
input have already been enforced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

from yaml import events

from policyspec.diagnostics import JsonPath

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

__all__ = ["Layout", "Mapping", "Node", "Scalar", "Sequence", "read_layout"]

_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")


@dataclass(frozen=True)
class Scalar:
    value: str
    style: str  # '' plain, "'" or '"' quoted, '|' literal, '>' folded
    tag: str | None
    folds: tuple[int, ...] = ()  # folded scalars: offsets in value of the spaces that were line breaks


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
    spans: list[tuple[int, int]]  # sorted character offsets [start, end) of scalar content
    entries: dict[JsonPath, int]  # where each mapping key and sequence item starts (offset)


def read_layout(text: str) -> Layout:
    composer = _Composer(text)
    parser = _Parser(text)
    try:
        while (event := parser.get_event()) is not None:
            composer.feed(event)
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    return Layout(composer.root, sorted(composer.spans), composer.entries)


@dataclass
class _Open:
    node: Mapping | Sequence
    path: JsonPath
    key: Scalar | None = None
    key_start: int = 0


class _Composer:
    """Events to nodes; an alias becomes the very node its anchor names."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.anchors: dict[str, Node] = {}
        self.spans: list[tuple[int, int]] = []
        self.entries: dict[JsonPath, int] = {}
        self.stack: list[_Open] = []
        self.root: Node | None = None

    def feed(self, event: events.Event) -> None:
        start = _offsets(event)[0]
        if isinstance(event, events.AliasEvent):
            self._attach(self.anchors[str(event.anchor)], start)
        elif isinstance(event, events.ScalarEvent):
            self._attach(self._scalar(event), start)
        elif isinstance(event, (events.MappingStartEvent, events.SequenceStartEvent)):
            flow = bool(event.flow_style)
            node = Mapping(flow) if isinstance(event, events.MappingStartEvent) else Sequence(flow)
            self._remember(event, node)
            self.stack.append(_Open(node, self._attach(node, start)))
        elif isinstance(event, (events.MappingEndEvent, events.SequenceEndEvent)):
            self.stack.pop()

    def _scalar(self, event: events.ScalarEvent) -> Scalar:
        begin, end = _offsets(event)
        style = event.style or ""
        span = _content_span(self.text, style, begin, end)
        self.spans.append(span)
        folds = _folds(self.text[span[0] : span[1]], event.value) if style == ">" else ()
        scalar = Scalar(event.value, style, event.tag, folds)
        self._remember(event, scalar)
        return scalar

    def _remember(self, event: events.NodeEvent, node: Node) -> None:
        if event.anchor is not None:
            self.anchors[event.anchor] = node

    def _attach(self, node: Node, start: int) -> JsonPath:
        if not self.stack:
            self.root = node
            return ()
        parent = self.stack[-1]
        if isinstance(parent.node, Sequence):
            path: JsonPath = (*parent.path, len(parent.node.items))
            parent.node.items.append(node)
            self.entries[path] = start
        elif parent.key is None:
            if not isinstance(node, Scalar):
                raise ValueError("a mapping key must be a scalar")
            parent.key, parent.key_start = node, start
            return ()
        else:
            path = (*parent.path, parent.key.value)
            parent.node.entries.append((parent.key, node))
            self.entries[path] = parent.key_start
            parent.key = None
        return path


def _offsets(event: events.Event) -> tuple[int, int]:
    """Character offsets: libyaml's lines also break at U+2028 and U+0085, its offsets do not."""
    start, end = event.start_mark, event.end_mark
    if start is None or end is None:  # pragma: no cover - libyaml always marks its events
        raise ValueError("an event without a position")
    return start.index, end.index


def _content_span(text: str, style: str, begin: int, end: int) -> tuple[int, int]:
    """A block scalar's header line may carry a comment, and its trailing blank lines are layout."""
    if style not in ("|", ">"):
        return begin, end
    newline = text.find("\n", begin, end)
    if newline < 0:
        return end, end
    body = newline + 1
    header = _BLOCK_HEADER.search(text, begin, newline)  # after any tag or anchor
    if header is None or "+" not in header.group():  # clip or strip: trailing blank lines are not content
        end = body + len(text[body:end].rstrip())
    return body, end


def _folds(body: str, value: str) -> tuple[int, ...]:
    """Where a folded scalar's source broke its lines, found by folding the source again.

    Returns no folds when the body is anything but simple (indentation indicators, more-indented
    or whitespace-only lines): the scalar is then written on one line, its value unchanged.
    """
    lines = body.split("\n")
    content = [line for line in lines if line.strip()]
    if not content:
        return ()
    indent = len(content[0]) - len(content[0].lstrip(" "))
    folded: list[str] = []
    folds: list[int] = []
    length = 0
    blanks = 0
    for raw in lines:
        if not raw.strip():
            if raw:
                return ()
            blanks += 1
            continue
        line = raw[indent:]
        if raw[:indent].strip() or line[:1] in (" ", "\t"):
            return ()
        if folded and not blanks:  # one line break between two text lines reads as a space
            folds.append(length)
            joint = " "
        else:
            joint = "\n" * blanks
        folded.append(joint + line)
        length += len(joint) + len(line)
        blanks = 0
    rebuilt = "".join(folded)
    if value.rstrip("\n") != rebuilt:
        return ()
    return tuple(folds)
