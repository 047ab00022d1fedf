"""YAML text to plain data plus the line and column of every node.

The C-backed libyaml parser (through PyYAML) produces events; :mod:`~.tree` builds the data
from them in one pass with positions for every key and value and the limits enforced, and
:mod:`~.scalars` resolves scalars by the YAML 1.2 core schema (so ``no`` stays a string). This
module drives the parser and turns every way it can fail into one positioned diagnostic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from yaml import events

try:
    from yaml._yaml import CParser as _Parser

    _READER_OFFSET_IN_BYTES = True  # libyaml counts a reader error's offset in UTF-8 bytes
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

    _READER_OFFSET_IN_BYTES = False

from policyspec.diagnostics import Diagnostic
from policyspec.limits import DEFAULT_LIMITS, Limits
from policyspec.loading.indentation import first_indenting_tab
from policyspec.loading.tree import UNUSUAL_BREAK, LineIndex, Marks, Stop, TreeBuilder

__all__ = ["MAPPING_HINT", "EventReader", "Marks", "ParsedYaml", "parse_yaml"]

EventReader = Callable[[events.Event], object]  # sees every event of the parse, in order


@dataclass(frozen=True)
class ParsedYaml:
    data: Any
    marks: Marks


def parse_yaml(
    text: str, *, file: str, limits: Limits = DEFAULT_LIMITS, event_reader: EventReader | None = None
) -> ParsedYaml | Diagnostic:
    """Parse one YAML document; a :class:`Diagnostic` instead when the text cannot be accepted.

    ``event_reader`` is handed every event of the same parse (up to the end of the stream, or to the
    failure): fmt reads the layout from it instead of parsing the text a second time. Its result
    means nothing when a diagnostic is returned.
    """
    text = text.removeprefix("\ufeff")  # libyaml skips a byte-order mark and leaves it out of offsets
    # libyaml (YAML 1.1) also breaks lines at NEL, LS and PS; editors do not: count by offset then.
    builder = TreeBuilder(file, limits, LineIndex(text) if UNUSUAL_BREAK.search(text) else None)
    parser = None
    try:
        parser = _Parser(text)
        builder.consume(parser.get_event if event_reader is None else _shared(parser.get_event, event_reader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = LineIndex(text).position(mark.index) if mark else (1, 1)  # not past the end of the text
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
            LineIndex(text).position(offset), "PS001", message, "remove the control character"
        )
    except yaml.YAMLError as exc:
        return builder.diagnostic((1, 1), "PS001", f"YAML syntax error: {exc}", _SYNTAX_HINT)
    except Stop as stop:
        return stop.diagnostic
    finally:
        dispose = getattr(parser, "dispose", None) if parser is not None else None
        if dispose is not None:
            dispose()
    tab = first_indenting_tab(text, block_lines=builder.block_lines)
    if tab is not None:
        return builder.diagnostic(tab, "PS001", _TAB_MESSAGE.format(line=tab[0]), _TAB_HINT)
    if builder.root is None:
        return builder.diagnostic((1, 1), "PS009", "the file holds no YAML document", MAPPING_HINT)
    return ParsedYaml(builder.root, builder.marks)


def _shared(
    next_event: Callable[[], events.Event | None], event_reader: EventReader
) -> Callable[[], events.Event | None]:
    """The parser's events, each shown to ``event_reader`` before the tree builder takes it."""

    def shared() -> events.Event | None:
        event = next_event()
        if event is not None:
            event_reader(event)
        return event

    return shared


_TAB_MESSAGE = "a tab character in the indentation of line {line}: YAML indents with spaces only"
_TAB_HINT = "replace the tab with spaces (specs indent by two); a tab here can silently change the value"
_SYNTAX_HINT = "check indentation and quoting at this position; strings containing ': ' or ' #' need quotes"
MAPPING_HINT = "a spec is one mapping with keys such as id, source, title, issuers, indicators"
