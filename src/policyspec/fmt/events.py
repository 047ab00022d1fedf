"""libyaml's events turned into a :class:`~policyspec.fmt.nodes.Layout`, one event at a time.

A :class:`LayoutReader` is handed the events of the loader's own parse
(:func:`policyspec.loading.parsing.parse_yaml` takes it as ``event_reader``), so fmt reads a
file's data and its layout in one pass of libyaml; :func:`policyspec.fmt.scan.read_layout`
drives it alone for a text the loader has not seen. The text itself is needed only for block
scalars (where their content starts and ends, where a folded one broke its lines), and only
once the parse is over: :meth:`LayoutReader.layout` takes it then, so the reader can be made
before the loader has read and decoded the file.

The reader never raises: an event the layout cannot take (a collection as a key, an alias of an
unfinished anchor, which the loader refuses anyway) makes :meth:`~LayoutReader.layout` None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yaml import events

from policyspec.diagnostics import JsonPath
from policyspec.fmt.nodes import Layout, Mapping, Node, Scalar, Sequence, Span

__all__ = ["LayoutReader"]

_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")
_BLOCK_STYLES = ("|", ">")
_SCALAR, _ALIAS = events.ScalarEvent, events.AliasEvent
_MAPPING_START, _MAPPING_END = events.MappingStartEvent, events.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = events.SequenceStartEvent, events.SequenceEndEvent


@dataclass
class _Open:
    node: Mapping | Sequence
    path: JsonPath
    key: Scalar | None = None
    key_start: int = 0


class LayoutReader:
    """Collects the layout of ``text`` from its parser events; an alias becomes the node it names."""

    def __init__(self) -> None:
        self._anchors: dict[str, Node] = {}
        self._spans: list[Span] = []
        self._blocks: list[tuple[int, Scalar]] = []  # block scalars, by the index of their span
        self._entries: dict[JsonPath, int] = {}
        self._stack: list[_Open] = []
        self._root: Node | None = None
        self._unusable = False

    def layout(self, text: str) -> Layout | None:
        """What was read from ``text``; None when an event could not be taken or there was no document."""
        if self._unusable or self._root is None:
            return None
        for index, scalar in self._blocks:
            span = _content_span(text, *self._spans[index])
            self._spans[index] = span
            if scalar.style == ">":
                scalar.folds = _folds(text[span[0] : span[1]], scalar.value)
        self._blocks.clear()
        return Layout(self._root, sorted(self._spans), self._entries)

    def __call__(self, event: events.Event) -> None:
        kind = type(event)
        if kind is _SCALAR:  # nearly every event: handled here, without a call more than needed
            style = event.style or ""  # type: ignore[attr-defined]
            scalar = Scalar(event.value, style, event.tag)  # type: ignore[attr-defined]
            start = event.start_mark.index  # type: ignore[union-attr]
            if style in _BLOCK_STYLES:
                self._blocks.append((len(self._spans), scalar))
            self._spans.append((start, event.end_mark.index))  # type: ignore[union-attr]
            if event.anchor is not None:  # type: ignore[attr-defined]
                self._anchors[event.anchor] = scalar  # type: ignore[attr-defined]
            self._attach(scalar, start)
        elif kind is _MAPPING_START or kind is _SEQUENCE_START:
            flow = bool(event.flow_style)  # type: ignore[attr-defined]
            node: Mapping | Sequence = Mapping(flow) if kind is _MAPPING_START else Sequence(flow)
            self._remember(event.anchor, node)  # type: ignore[attr-defined]
            path = self._attach(node, event.start_mark.index)  # type: ignore[union-attr]
            self._stack.append(_Open(node, () if path is None else path))
        elif kind is _MAPPING_END or kind is _SEQUENCE_END:
            if self._stack:
                self._stack.pop()
        elif kind is _ALIAS:
            target = self._anchors.get(str(event.anchor))  # type: ignore[attr-defined]
            if target is None:
                self._unusable = True
            else:
                self._attach(target, event.start_mark.index)  # type: ignore[union-attr]

    def _remember(self, anchor: str | None, node: Node) -> None:
        if anchor is not None:
            self._anchors[anchor] = node

    def _attach(self, node: Node, start: int) -> JsonPath | None:
        """Place a node in its parent; the path of the entry it starts, None for a mapping key."""
        if not self._stack:
            self._root = node
            return ()
        parent = self._stack[-1]
        container = parent.node
        if type(container) is Sequence:
            path: JsonPath = (*parent.path, len(container.items))
            container.items.append(node)
            self._entries[path] = start
            return path
        assert type(container) is Mapping
        key = parent.key
        if key is None:
            if type(node) is not Scalar:
                self._unusable = True  # a collection as a key: the loader refuses it (PS011)
                return None
            parent.key, parent.key_start = node, start
            return None
        path = (*parent.path, key.value)
        container.entries.append((key, node))
        self._entries[path] = parent.key_start
        parent.key = None
        return path


def _content_span(text: str, begin: int, end: int) -> Span:
    """A block scalar's header line may carry a comment, and its trailing blank lines are layout.

    libyaml's offsets are character offsets (its lines also break at U+2028 and U+0085, its
    offsets do not), so they index the text directly.
    """
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
