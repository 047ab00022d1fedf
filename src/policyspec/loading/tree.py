"""libyaml's events built into plain data with the line and column of every node, iteratively
(no recursion to overflow), enforcing the limits as it goes: depth, aliases and their
expansion, documents; refusing non-standard tags, duplicate and non-string keys, and numbers
beyond a policy figure's bounds before anything can blow up."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from yaml import events

from policyspec.diagnostics import CodeId, Diagnostic, JsonPath
from policyspec.limits import Limits
from policyspec.loading.scalars import MAYBE_NOT_STRING, OutOfBounds, resolve_plain
from policyspec.model.bounds import HINT as _FIGURE_HINT
from policyspec.model.bounds import fraction_problem
from policyspec.text_positions import LineIndex, Position

__all__ = ["UNUSUAL_BREAK", "LineIndex", "Marks", "Position", "Stop", "TreeBuilder"]


_CORE = "tag:yaml.org,2002:"
_STANDARD_TAGS = frozenset(
    {None, "!", *(_CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq"))}
)
_BLOCK_STYLES = ("|", ">")
_TAG_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int,
    "float": (int, float),
    "bool": bool,
    "null": type(None),
}


@dataclass
class Marks:
    """Where each node starts: values by path, and mapping keys by the path of their value."""

    values: dict[JsonPath, Position] = field(default_factory=dict)
    keys: dict[JsonPath, Position] = field(default_factory=dict)

    def of_value(self, path: JsonPath) -> Position:
        """The nearest recorded position: nodes under an alias are positioned at the anchor."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def of_key(self, path: JsonPath) -> Position:
        return self.keys.get(path) or self.of_value(path)


class Stop(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


@dataclass
class _Open:
    container: dict[str, Any] | list[Any]
    path: JsonPath
    anchor: str | None
    nodes: int = 1
    key: str | None = None
    key_mark: Position | None = None


class TreeBuilder:
    """Turns parser events into data, enforcing limits as it goes."""

    def __init__(self, file: str, limits: Limits, lines: LineIndex | None) -> None:
        self.file = file
        self.limits = limits
        self.lines = lines
        self.marks = Marks()
        self.root: Any = None
        self.stack: list[_Open] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.aliases = 0
        self.documents = 0
        self.block_lines: set[int] = set()  # 1-based lines of block scalar content (| and >)

    def diagnostic(
        self, position: Position, code: CodeId, message: str, hint: str | None = None
    ) -> Diagnostic:
        return Diagnostic(self.file, position[0], position[1], code, message, hint=hint)

    def stop(self, event: events.Event, code: CodeId, message: str, hint: str | None = None) -> Stop:
        return Stop(self.diagnostic(self.position(event), code, message, hint))

    def position(self, event: events.Event) -> Position:
        mark = event.start_mark
        if mark is None:
            return (1, 1)
        if self.lines is not None:
            return self.lines.position(mark.index)
        return (mark.line + 1, mark.column + 1)

    def feed(self, event: events.Event) -> None:
        kind = type(event)
        if kind is events.ScalarEvent and getattr(event, "style", None) in ("|", ">"):
            self._note_block(event)
        if kind is events.ScalarEvent:
            self._scalar(event)  # type: ignore[arg-type]
        elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
            self._open(event)  # type: ignore[arg-type]
        elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
            self._close()
        elif kind is events.AliasEvent:
            self._alias(event)  # type: ignore[arg-type]
        elif kind is events.DocumentStartEvent:
            self.documents += 1
            if self.documents > self.limits.max_documents:
                raise self.stop(
                    event,
                    "PS008",
                    f"more than {self.limits.max_documents} YAML document in one file",
                    "put each document in a spec file of its own and remove the '---' separator",
                )

    def consume(self, next_event: Callable[[], events.Event | None]) -> None:  # noqa: PLR0915  # one inlined loop
        """Feed every event up to the end of the stream, as :meth:`feed` would one by one.

        A spec is thousands of events, nearly all of them untagged and unanchored: flow scalars
        and collections inside the document are handled inline (a method call per event costs
        more than the work); anything else — the first, a tag, an anchor, a block scalar, a
        problem to report — goes through :meth:`feed`.
        """
        scalar_event, stream_end = events.ScalarEvent, events.StreamEndEvent
        opening = (events.MappingStartEvent, events.SequenceStartEvent)
        closing = (events.MappingEndEvent, events.SequenceEndEvent)
        stack, values, keys = self.stack, self.marks.values, self.marks.keys
        max_nodes, max_depth = self.limits.max_nodes, self.limits.max_depth
        if self.lines is not None:  # positions by offset: every event through feed
            while (each := next_event()) is not None and type(each) is not stream_end:
                self.feed(each)
            return
        while True:
            event: Any = next_event()  # each branch checks the type of event it reads
            kind = type(event)
            if kind in closing:
                done = stack.pop()
                if stack:
                    stack[-1].nodes += done.nodes
                if done.anchor is not None:
                    self.anchors[done.anchor] = (done.container, done.nodes)
                continue
            if event is None or kind is stream_end:
                return
            if kind in opening:
                if (
                    event.tag is not None
                    or event.anchor is not None
                    or not stack
                    or len(stack) >= max_depth
                    or (stack[-1].key is None and type(stack[-1].container) is dict)  # as a key: refused
                ):
                    self.feed(event)
                    continue
                value: Any = {} if kind is events.MappingStartEvent else []
            elif kind is scalar_event:
                style = event.style
                if event.tag is not None or style in _BLOCK_STYLES or event.anchor is not None or not stack:
                    self.feed(event)
                    continue
                text = event.value
                value = text if style or (text and text[0] not in MAYBE_NOT_STRING) else resolve_plain(text)
                if (type(value) is str and "/" in value) or type(value) is OutOfBounds:
                    self._bounded(event, value)
            else:
                self.feed(event)
                continue
            self.nodes += 1
            if self.nodes > max_nodes:
                self._count(event, 0)  # raises the diagnostic
            mark = event.start_mark
            top = stack[-1]
            container: Any = top.container
            if type(container) is dict:
                key = top.key
                if key is None:
                    if type(value) is not str or value in container:
                        self._take_key(top, value, event)  # raises
                    top.key = value
                    top.key_mark = (mark.line + 1, mark.column + 1)
                    continue
                path: JsonPath = (*top.path, key)
                container[key] = value
                keys[path] = top.key_mark  # type: ignore[assignment]  # set with the key
                top.key = None
            else:
                path = (*top.path, len(container))
                container.append(value)
            values[path] = (mark.line + 1, mark.column + 1)
            if kind is scalar_event:
                top.nodes += 1  # a value, not a key (counted for what an alias of the parent expands to)
            else:  # a collection counts its own nodes, added to its parent's when it closes
                stack.append(_Open(value, path, None))

    def _note_block(self, event: events.Event) -> None:
        start, end = event.start_mark, event.end_mark
        if start is not None and end is not None:
            last = end.line + 1 if end.column > 0 else end.line  # 0-based end line to 1-based
            self.block_lines.update(range(start.line + 2, last + 1))

    def _count(self, event: events.Event, amount: int) -> None:
        self.nodes += amount
        if self.nodes > self.limits.max_nodes:
            if self.aliases:
                message = f"aliases expand the document to more than {self.limits.max_nodes} nodes"
                hint = "specs need no anchors or aliases; write values out (the limit is --max-nodes)"
            else:
                message = f"the document has more than {self.limits.max_nodes} nodes"
                hint = "a spec has a few thousand; split the file, or raise --max-nodes if it is genuine"
            raise self.stop(event, "PS007", message, hint)

    def _check_tag(self, event: events.NodeEvent) -> None:
        tag = getattr(event, "tag", None)
        if tag not in _STANDARD_TAGS:
            raise self.stop(
                event,
                "PS003",
                f"unsupported YAML tag {tag!r}",
                "remove the tag: specs use plain YAML values only",
            )

    def _scalar(self, event: events.ScalarEvent) -> None:
        self._check_tag(event)
        self._count(event, 1)
        value = self._resolve(event)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and top.key is None:
            self._take_key(top, value, event)
            return
        self._attach(value, event, nodes=1)

    def _resolve(self, event: events.ScalarEvent) -> Any:
        text: str = event.value
        tag = event.tag
        plain = not event.style  # libyaml says '' for plain scalars, pure PyYAML None
        if tag == _CORE + "str" or tag == "!" or (tag is None and not plain):
            if "/" in text:  # only a 'p/q' text can be a figure out of bounds (checked per scalar: cheap)
                self._bounded(event, text)
            return text
        value: Any = resolve_plain(text)
        if isinstance(value, OutOfBounds) or (isinstance(value, str) and "/" in value):
            self._bounded(event, value)
        if tag is None:
            return value
        expected = _TAG_TYPES.get(tag[len(_CORE) :])
        if expected is None:
            raise self.stop(event, "PS003", f"tag {tag} cannot be applied to a scalar", "remove the tag")
        if isinstance(value, bool) and expected is not bool:
            value = text
        fits: bool = isinstance(value, expected)
        if not fits:
            raise self.stop(
                event, "PS003", f"{text!r} cannot be read as {tag}", "remove the tag or fix the value"
            )
        return float(value) if tag.endswith("float") else value

    def _bounded(self, event: events.ScalarEvent, value: Any) -> Any:
        """Refuse, at the scalar, a number or a 'p/q' text beyond a policy figure's bounds (PS013)."""
        if isinstance(value, OutOfBounds):
            raise self.stop(event, "PS013", value.problem, _FIGURE_HINT)
        problem = fraction_problem(value) if isinstance(value, str) else None
        if problem is not None:  # a string to YAML, but the models read it as an exact figure
            raise self.stop(event, "PS013", problem, _FIGURE_HINT)
        return value

    def _take_key(self, top: _Open, key: Any, event: events.Event) -> None:
        """Start a mapping entry with ``key``; an anchor on the key makes it reusable by alias."""
        if not isinstance(key, str):
            raise self.stop(event, "PS011", f"mapping key {key!r} is not a string", "write the key as text")
        assert isinstance(top.container, dict)
        if key in top.container:
            raise self.stop(
                event,
                "PS002",
                f"duplicate key {key!r}",
                "each key may appear once in a mapping; merge the two entries",
            )
        top.key = key
        top.key_mark = self.position(event)
        anchor = getattr(event, "anchor", None)
        if anchor is not None and isinstance(event, events.ScalarEvent):
            self.anchors[anchor] = (key, 1)

    def _attach(self, value: Any, event: events.Event, *, nodes: int) -> JsonPath:
        """Place a finished node in its parent and record where it starts."""
        if not self.stack:
            self.root = value
            path: JsonPath = ()
        else:
            top = self.stack[-1]
            top.nodes += nodes
            if isinstance(top.container, dict):
                if top.key is None:
                    raise self.stop(
                        event, "PS011", "a mapping key must be a plain string", "write the key as text"
                    )
                path = (*top.path, top.key)
                top.container[top.key] = value
                if top.key_mark is not None:
                    self.marks.keys[path] = top.key_mark
                top.key = None
            else:
                path = (*top.path, len(top.container))
                top.container.append(value)
        self.marks.values[path] = self.position(event)
        anchor = getattr(event, "anchor", None)
        if anchor is not None and isinstance(event, events.ScalarEvent):
            self.anchors[anchor] = (value, 1)
        return path

    def _open(self, event: events.CollectionStartEvent) -> None:
        self._check_tag(event)
        is_mapping = isinstance(event, events.MappingStartEvent)
        if event.tag not in (None, "!", _CORE + ("map" if is_mapping else "seq")):
            kind = "mapping" if is_mapping else "sequence"
            raise self.stop(
                event, "PS003", f"tag {event.tag} cannot be applied to a {kind}", "remove the tag"
            )
        if len(self.stack) >= self.limits.max_depth:
            raise self.stop(
                event,
                "PS006",
                f"nesting deeper than {self.limits.max_depth} levels",
                "specs are a few levels deep; flatten the structure (the limit is configurable)",
            )
        self._count(event, 1)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and top.key is None:
            raise self.stop(event, "PS011", "a mapping key must be a plain string, not a collection", None)
        container: dict[str, Any] | list[Any] = {} if is_mapping else []
        path = self._attach(container, event, nodes=0)
        self.stack.append(_Open(container, path, event.anchor))

    def _close(self) -> None:
        done = self.stack.pop()
        if self.stack:
            self.stack[-1].nodes += done.nodes
        if done.anchor is not None:
            self.anchors[done.anchor] = (done.container, done.nodes)

    def _alias(self, event: events.AliasEvent) -> None:
        self.aliases += 1
        if self.aliases > self.limits.max_aliases:
            raise self.stop(
                event,
                "PS007",
                f"more than {self.limits.max_aliases} aliases",
                "specs need no anchors or aliases; write values out (the limit is configurable)",
            )
        anchor = event.anchor
        if anchor not in self.anchors:
            raise self.stop(
                event, "PS001", f"alias *{anchor} refers to an unfinished or unknown anchor", None
            )
        value, size = self.anchors[anchor]
        self._count(event, size)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and top.key is None:
            self._take_key(top, value, event)
            return
        self._attach(value, event, nodes=size)


UNUSUAL_BREAK = re.compile("[\x85\u2028\u2029]")  # line breaks for libyaml, not for editors
