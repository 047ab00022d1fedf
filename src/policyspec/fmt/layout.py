"""The canonical layout of a spec's data: key order, scalar styles, indentation (comments aside).

From the text as written (:mod:`policyspec.fmt.scan`: flow or block style of each collection, the
raw text of scalars, the line folds of ``>`` block scalars) YAML events are generated with

- the keys of each mapping in the order its model declares them (walked alongside the models'
  key table, :mod:`policyspec.model.shape`, so the formatter never imports pydantic);
  unknown keys keep their relative order after the known ones;
- numbers, booleans and nulls written exactly as in the source (``1.50`` stays ``1.50``), read
  by the same YAML 1.2 core schema as :mod:`policyspec.loading.parsing`; tags are dropped;
- strings plain where that reads back as the same string under YAML 1.2 and 1.1 alike, double
  quoted otherwise (never single quoted), invisible characters such as U+00A0 as escapes; block
  scalars (``|``, ``>``) stay block scalars with their folds; flow collections stay flow;

and written by ruamel.yaml's round-trip emitter with two-space mappings and sequences of mappings
indented as the corpus has them (``  - id: …``). Feeding the emitter events directly skips
ruamel's representer and serializer, which would double the time a spec takes. Comments are
handled by :mod:`policyspec.fmt.comments`.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.tag import Tag

from policyspec.fmt.emitter import INVISIBLE, ReferenceEmitter, SpecEmitter
from policyspec.fmt.scan import Mapping, Node, Scalar, Sequence
from policyspec.loading.scalars import resolve_plain
from policyspec.model.shape import KEY_ORDER, ROOT

__all__ = ["dump_yaml", "key_order"]

_CORE = "tag:yaml.org,2002:"
_YAML11 = yaml.resolver.Resolver()
_STR = Tag(suffix=_CORE + "str")
_NULL = Tag(suffix=_CORE + "null")
# Printable text that starts with no indicator and neither starts nor ends with a space.
_PLAIN_TEXT = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^\x00-\x1f\x7f-\x9f\u2028\u2029]*\S)?|-[^\s\-]\S*")
_RISKY = re.compile(r": |\s#|:$|^---|^\.\.\.|\t")
_FLOW_RISKY = re.compile(r"[,\[\]{}:?]")  # pure-Python PyYAML stops at "?" in flow
_STRING = (False, True, True)  # implicit flags of a string that must be quoted
_PLAIN = (True, True, True)


def key_order(model: type) -> list[str]:
    """A model's own fields in declaration order, then inherited ones (nearest base first)."""
    return list(KEY_ORDER[model.__name__])


def dump_yaml(root: Node, *, emitter: type[ReferenceEmitter] = SpecEmitter) -> str:
    """The canonical text of a document, without comments (``emitter``: tests compare the two)."""
    dumper = YAML(typ="rt")
    dumper.Emitter = emitter
    dumper.width = 1 << 30  # never fold: one scalar, one line (block scalars keep their own folds)
    dumper.allow_unicode = True
    dumper.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    stream = [ev.StreamStartEvent(), ev.DocumentStartEvent(), *_events(root, ROOT, False)]
    dumper.emit([*stream, ev.DocumentEndEvent(), ev.StreamEndEvent()], buffer)
    return buffer.getvalue()


def _events(node: Node, model: str | None, in_flow: bool) -> Iterator[ev.Event]:
    if isinstance(node, Mapping):
        yield ev.MappingStartEvent(None, None, True, flow_style=node.flow)
        known = KEY_ORDER[model] if model is not None else {}
        values = {key.value: value for key, value in node.entries}
        for key in [k for k in known if k in values] + [k for k in values if k not in known]:
            child = known.get(key)
            yield _string(key, node.flow)
            yield from _events(values[key], child, node.flow)
        yield ev.MappingEndEvent()
    elif isinstance(node, Sequence):
        yield ev.SequenceStartEvent(None, None, True, flow_style=node.flow)
        for item in node.items:
            yield from _events(item, model, node.flow)
        yield ev.SequenceEndEvent()
    else:
        yield _scalar(node, in_flow)


def _scalar(scalar: Scalar, in_flow: bool) -> ev.ScalarEvent:
    if scalar.style == "|":
        return ev.ScalarEvent(None, _STR, _STRING, scalar.value, style="|")
    if scalar.style == ">":
        return ev.ScalarEvent(None, _STR, _STRING, _mark_folds(scalar), style=">")
    tag = scalar.tag
    if tag is not None and tag.startswith(_CORE) and tag != _CORE + "str":  # !!int "5" and the like
        value = resolve_plain(scalar.value)
        return _plain(_canonical_text(float(value) if tag == _CORE + "float" else value, in_flow))
    if scalar.style or tag is not None:
        return _string(scalar.value, in_flow)
    value = resolve_plain(scalar.value)
    if isinstance(value, str):
        return _string(scalar.value, in_flow)
    return _plain(scalar.value or _canonical_text(None, in_flow))


def _string(text: str, in_flow: bool) -> ev.ScalarEvent:
    if not _may_be_plain(text, in_flow):
        return ev.ScalarEvent(None, _STR, _STRING, text, style='"')
    return ev.ScalarEvent(None, _STR, _PLAIN, text)


def _plain(text: str) -> ev.ScalarEvent:
    """A number, boolean or null, as the very text the source had."""
    return ev.ScalarEvent(None, _STR if text else _NULL, _PLAIN, text)


def _canonical_text(value: Any, in_flow: bool) -> str:
    """The text of a tagged scalar once its tag is dropped; an empty null stays empty in blocks."""
    if value is None:
        return "null" if in_flow else ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    return str(value)


def _mark_folds(scalar: Scalar) -> str:
    """ruamel's emitter breaks a folded scalar where the text holds BEL (as its representer marks)."""
    text = scalar.value
    for fold in reversed(scalar.folds):
        inside = 0 < fold < len(text) - 1 and text[fold] == " "
        if inside and not text[fold - 1].isspace() and not text[fold + 1].isspace():
            text = text[:fold] + "\a" + text[fold:]
    return text


def _may_be_plain(text: str, in_flow: bool) -> bool:
    """Whether a string may go unquoted: it must read back as itself, in any YAML reader.

    ruamel.yaml's own check is used too (the emitter quotes where it sees fit), but it lets a
    few strings through that do not read back, such as ``: a`` in a flow collection.
    """
    if not _PLAIN_TEXT.fullmatch(text) or _RISKY.search(text) or INVISIBLE.search(text):
        return False
    if in_flow and _FLOW_RISKY.search(text):
        return False
    if not isinstance(resolve_plain(text), str):
        return False
    yaml11: str = _YAML11.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return yaml11 == _CORE + "str"
