"""YAML text to plain data plus the line and column of every node.

The C-backed libyaml parser (through PyYAML) produces events; this module builds the data from
them itself, iteratively, so that one pass gives positions for every key and value, enforces the
limits (depth, aliases, documents) before anything can blow up, refuses non-standard tags and
duplicate keys, and resolves scalars by the YAML 1.2 core schema — the one editors' language
servers and ruamel.yaml use, so ``no`` stays a string.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events

try:
    from yaml._yaml import CParser as _Parser

    _READER_OFFSET_IN_BYTES = True  # libyaml counts a reader error's offset in UTF-8 bytes
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

    _READER_OFFSET_IN_BYTES = False

from policyspec.diagnostics import Diagnostic, JsonPath
from policyspec.limits import DEFAULT_LIMITS, Limits
from policyspec.loading.indentation import first_indenting_tab
from policyspec.model.bounds import HINT as _FIGURE_HINT
from policyspec.model.bounds import fraction_problem, number_problem

__all__ = ["Marks", "OutOfBounds", "ParsedYaml", "parse_yaml", "resolve_plain"]

Position = tuple[int, int]  # 1-based line, column

_CORE = "tag:yaml.org,2002:"
_STANDARD_TAGS = frozenset(
    {None, "!", *(_CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq"))}
)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOATS = {
    **dict.fromkeys((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"), float("inf")),
    **dict.fromkeys(("-.inf", "-.Inf", "-.INF"), float("-inf")),
    **dict.fromkeys((".nan", ".NaN", ".NAN"), float("nan")),
}
_TAG_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int,
    "float": (int, float),
    "bool": bool,
    "null": type(None),
}
_MAYBE_NOT_STRING = frozenset("~nNtTfF0123456789+-.")


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


@dataclass(frozen=True)
class ParsedYaml:
    data: Any
    marks: Marks


class _Stop(Exception):
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


def parse_yaml(text: str, *, file: str, limits: Limits = DEFAULT_LIMITS) -> ParsedYaml | Diagnostic:
    """Parse one YAML document; a :class:`Diagnostic` instead when the text cannot be accepted."""
    text = text.removeprefix("\ufeff")  # libyaml skips a byte-order mark and leaves it out of offsets
    # libyaml (YAML 1.1) also breaks lines at NEL, LS and PS; editors do not: count by offset then.
    builder = _Builder(file, limits, _Lines(text) if _UNUSUAL_BREAK.search(text) else None)
    parser = None
    try:
        parser = _Parser(text)
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, events.StreamEndEvent):
                break
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = _Lines(text).position(mark.index) if mark else (1, 1)  # not past the end of the text
        tab = first_indenting_tab(text, block_lines=builder.block_lines, up_to_line=position[0])
        if tab is not None:  # the likely cause, named where it is
            return builder.diagnostic(tab, "PS001", _TAB_MESSAGE.format(line=tab[0]), _TAB_HINT)
        problem = exc.problem or exc.context or "invalid YAML"
        context = f" ({exc.context})" if exc.context and exc.problem else ""
        return builder.diagnostic(position, "PS001", f"YAML syntax error: {problem}{context}", _SYNTAX_HINT)
    except yaml.reader.ReaderError as exc:  # control characters: positioned by offset, not mark
        offset = exc.position
        if _READER_OFFSET_IN_BYTES:
            offset = len(text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", errors="ignore"))
        message = f"character #x{exc.character:04x} is not allowed in YAML ({exc.reason})"
        return builder.diagnostic(
            _Lines(text).position(offset), "PS001", message, "remove the control character"
        )
    except yaml.YAMLError as exc:
        return builder.diagnostic((1, 1), "PS001", f"YAML syntax error: {exc}", _SYNTAX_HINT)
    except _Stop as stop:
        return stop.diagnostic
    finally:
        dispose = getattr(parser, "dispose", None) if parser is not None else None
        if dispose is not None:
            dispose()
    tab = first_indenting_tab(text, block_lines=builder.block_lines)
    if tab is not None:
        return builder.diagnostic(tab, "PS001", _TAB_MESSAGE.format(line=tab[0]), _TAB_HINT)
    if builder.root is None:
        return builder.diagnostic((1, 1), "PS009", "the file holds no YAML document", _MAPPING_HINT)
    return ParsedYaml(builder.root, builder.marks)


_TAB_MESSAGE = "a tab character in the indentation of line {line}: YAML indents with spaces only"
_TAB_HINT = "replace the tab with spaces (specs indent by two); a tab here can silently change the value"
_SYNTAX_HINT = "check indentation and quoting at this position; strings containing ': ' or ' #' need quotes"
_MAPPING_HINT = "a spec is one mapping with keys such as id, source, title, issuers, indicators"


class _Builder:
    """Turns parser events into data, enforcing limits as it goes."""

    def __init__(self, file: str, limits: Limits, lines: _Lines | None) -> None:
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

    def diagnostic(self, position: Position, code: str, message: str, hint: str | None = None) -> Diagnostic:
        return Diagnostic(self.file, position[0], position[1], code, message, hint=hint)

    def stop(self, event: events.Event, code: str, message: str, hint: str | None = None) -> _Stop:
        return _Stop(self.diagnostic(self.position(event), code, message, hint))

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
            return self._bounded(event, text)
        if tag is None:
            return self._bounded(event, resolve_plain(text))
        value: Any = self._bounded(event, resolve_plain(text))
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


_BREAK = re.compile(r"\r\n|\r|\n")
_UNUSUAL_BREAK = re.compile("[\x85\u2028\u2029]")


class _Lines:
    """Character offsets to line and column as editors count lines: CR, LF and CRLF break them."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        self.starts = [0, *(match.end() for match in _BREAK.finditer(text))]

    def position(self, offset: int) -> Position:
        offset = min(max(offset, 0), self.size)
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


@dataclass(frozen=True)
class OutOfBounds:
    """A number too large or too precise to be a policy figure, left unbuilt (see figure_bounds)."""

    text: str
    problem: str


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema: null, bool, int, float; everything else is a string.

    A number beyond a policy figure's bounds resolves to :class:`OutOfBounds` instead: Python
    cannot even build a decimal int of more than 4300 digits, and nothing needs one.
    """
    if text and text[0] not in _MAYBE_NOT_STRING:
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    problem = number_problem(text)
    if problem is not None:
        return OutOfBounds(text, problem)
    if _INT.match(text):
        digits = text.lstrip("+-").lstrip("0") or "0"  # int() counts leading zeros against its limit
        return -int(digits) if text.startswith("-") else int(digits)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    return _SPECIAL_FLOATS.get(text, text)
