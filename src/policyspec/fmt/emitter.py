"""ruamel.yaml's emitter as the canonical layout needs it: one quoting style, visible escapes, and
two fast paths for the scalars nearly every spec is made of.

fmt writes most files with :mod:`policyspec.fmt.writer`; this is the writer of what that one
does not handle, and the reference it is tested against. Most of the time ruamel spends goes to
two pure-Python loops, run character by character on every scalar: the analysis of which styles
a scalar allows, and the writing of a plain one. For a one-line scalar of ordinary characters
both have a short answer (:func:`policyspec.fmt.quoting.plain_styles`); anything else (line
breaks, control or invisible characters, characters beyond the Basic Multilingual Plane, a
leading indicator, a folding width in force) goes to ruamel's own code. Tests hold
:class:`SpecEmitter` to :class:`ReferenceEmitter`'s output on the corpus and on generated
documents, and the fast analysis to ruamel's on generated strings.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.emitter import Emitter, ScalarAnalysis
from ruamel.yaml.tag import Tag

from policyspec.fmt.layout import Close, LayoutEvent, Open
from policyspec.fmt.quoting import INVISIBLE, plain_styles

__all__ = ["INVISIBLE", "ReferenceEmitter", "SpecEmitter", "emit_events"]

_LINE_BREAK = re.compile("[\n\x85\u2028\u2029]")
_NO_FOLDING = 1 << 29  # a best width this wide never folds a line
_CORE = "tag:yaml.org,2002:"
_STR = Tag(suffix=_CORE + "str")
_NULL = Tag(suffix=_CORE + "null")
_QUOTED = (False, True, True)  # implicit flags of a string written in a style of its own
_PLAIN = (True, True, True)


def emit_events(events: Iterable[LayoutEvent], *, emitter: type[ReferenceEmitter]) -> str:
    """The canonical text of a layout's events, without comments, as ruamel's emitter writes it."""
    dumper = YAML(typ="rt")
    dumper.Emitter = emitter
    dumper.width = 1 << 30  # never fold: one scalar, one line (block scalars keep their own folds)
    dumper.allow_unicode = True
    dumper.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    stream = [ev.StreamStartEvent(), ev.DocumentStartEvent(), *_ruamel_events(events)]
    dumper.emit([*stream, ev.DocumentEndEvent(), ev.StreamEndEvent()], buffer)
    return buffer.getvalue()


def _ruamel_events(events: Iterable[LayoutEvent]) -> Iterator[ev.Event]:
    """Feeding the emitter events directly skips ruamel's representer and serializer (half its time)."""
    open_mappings: list[bool] = []
    for event in events:
        if isinstance(event, Open):
            open_mappings.append(event.mapping)
            start = ev.MappingStartEvent if event.mapping else ev.SequenceStartEvent
            yield start(None, None, True, flow_style=event.flow)
        elif isinstance(event, Close):
            yield ev.MappingEndEvent() if open_mappings.pop() else ev.SequenceEndEvent()
        elif event.style:
            yield ev.ScalarEvent(None, _STR, _QUOTED, event.text, style=event.style)
        else:
            yield ev.ScalarEvent(None, _STR if event.text else _NULL, _PLAIN, event.text)


class ReferenceEmitter(Emitter):
    """ruamel's emitter as the canonical layout needs it, without fast paths: the reference."""

    def choose_scalar_style(self) -> Any:
        """Double quotes where ruamel would pick single ones: one quoting style in every file."""
        style = super().choose_scalar_style()
        return '"' if style == "'" else style

    def write_double_quoted(self, text: Any, split: Any = True) -> None:
        stream = self.stream
        self.stream = _EscapingStream(stream)
        try:
            super().write_double_quoted(text, split)
        finally:
            self.stream = stream


class SpecEmitter(ReferenceEmitter):
    """The reference emitter with the two fast paths: same output, a fraction of the time."""

    def analyze_scalar(self, scalar: Any) -> Any:
        styles = plain_styles(scalar) if isinstance(scalar, str) else None
        if styles is None:
            return super().analyze_scalar(scalar)
        block, flow = styles
        return ScalarAnalysis(
            scalar=scalar,
            empty=False,
            multiline=False,
            allow_flow_plain=flow,
            allow_block_plain=block,
            allow_single_quoted=True,
            allow_double_quoted=True,
            allow_block=True,
        )

    def write_plain(self, text: Any, split: Any = True) -> None:
        if (
            self.root_context
            or self.encoding
            or self.best_width < _NO_FOLDING
            or not text
            or _LINE_BREAK.search(text)
        ):
            super().write_plain(text, split)
            return
        if not self.whitespace:
            self.column += 1
            self.stream.write(" ")
        self.whitespace = False
        self.indention = False
        self.column += len(text)
        self.stream.write(text)


class _EscapingStream:
    """Writes invisible characters inside double quotes as ``\\uXXXX``, so a reader sees them."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: str) -> None:
        self._stream.write(INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", data))
