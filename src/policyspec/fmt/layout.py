"""The canonical layout of a spec's data: key order, scalar styles, nesting (comments aside).

From the text as written (:mod:`policyspec.fmt.nodes`: flow or block style of each collection,
the raw text of scalars, the line folds of ``>`` block scalars) the layout decides

- the keys of each mapping in the order its model declares them (walked alongside the models'
  key table, :mod:`policyspec.model.shape`, so the formatter never imports pydantic);
  unknown keys keep their relative order after the known ones;
- numbers, booleans and nulls written exactly as in the source (``1.50`` stays ``1.50``), read
  by the same YAML 1.2 core schema as :mod:`policyspec.loading.parsing`; tags are dropped;
- strings plain where that reads back as the same string under YAML 1.2 and 1.1 alike, double
  quoted otherwise (never single quoted, :mod:`policyspec.fmt.quoting`); block scalars (``|``,
  ``>``) stay block scalars with their folds; flow collections stay flow.

Two writers turn these decisions into text: :mod:`policyspec.fmt.writer` directly, and
ruamel.yaml's emitter (:func:`dump_yaml`, from :func:`layout_events`) for what the direct one
does not handle; tests hold the two to the same bytes. Indentation is the writers' business:
two-space mappings, sequences of mappings indented as the corpus has them (``  - id: …``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, Union

from policyspec.fmt.nodes import Mapping, Node, Scalar, Sequence
from policyspec.fmt.quoting import may_be_plain
from policyspec.loading.scalars import resolve_plain
from policyspec.model.shape import KEY_ORDER, ROOT

if TYPE_CHECKING:
    from policyspec.fmt.emitter import ReferenceEmitter

__all__ = [
    "CLOSE",
    "Close",
    "LayoutEvent",
    "Open",
    "Styled",
    "canonical_key",
    "canonical_scalar",
    "dump_yaml",
    "key_order",
    "layout_events",
    "ordered",
]

_CORE = "tag:yaml.org,2002:"


class Styled(NamedTuple):
    """A scalar as the canonical layout writes it.

    ``style`` is '' (plain, where the emitter's analysis allows it: else double quotes), '"',
    '|' or '>'; a folded text holds BEL where a line is folded (as ruamel's representer marks it).
    """

    style: str
    text: str


class Open(NamedTuple):
    mapping: bool
    flow: bool


class Close(NamedTuple):
    pass


CLOSE = Close()
LayoutEvent = Union[Open, Close, Styled]  # noqa: UP007 - a runtime alias, and Python 3.10 is supported


def key_order(model: type) -> list[str]:
    """A model's own fields in declaration order, then inherited ones (nearest base first)."""
    return list(KEY_ORDER[model.__name__])


def ordered(mapping: Mapping, model: str | None) -> list[tuple[str, Node, str | None]]:
    """A mapping's entries in canonical order, each with the model of its value (None: unknown)."""
    known = KEY_ORDER[model] if model is not None else {}
    values = {key.value: value for key, value in mapping.entries}
    keys = [k for k in known if k in values] + [k for k in values if k not in known]
    return [(key, values[key], known.get(key)) for key in keys]


def canonical_key(text: str, in_flow: bool) -> Styled:
    return Styled("" if may_be_plain(text, in_flow) else '"', text)


def canonical_scalar(scalar: Scalar, in_flow: bool) -> Styled:
    style = scalar.style
    if style == "|":
        return Styled("|", scalar.value)
    if style == ">":
        return Styled(">", _mark_folds(scalar))
    tag = scalar.tag
    if tag is not None and tag.startswith(_CORE) and tag != _CORE + "str":  # !!int "5" and the like
        value = resolve_plain(scalar.value)
        return Styled("", _canonical_text(float(value) if tag == _CORE + "float" else value, in_flow))
    if style or tag is not None or isinstance(resolve_plain(scalar.value), str):
        return canonical_key(scalar.value, in_flow)
    return Styled("", scalar.value or _canonical_text(None, in_flow))  # as the very text the source had


def layout_events(root: Node) -> Iterator[LayoutEvent]:
    """The canonical layout of a document as a stream of events, for :func:`dump_yaml`."""
    yield from _events(root, ROOT, False)


def dump_yaml(root: Node, *, emitter: type[ReferenceEmitter] | None = None) -> str:
    """The canonical text of a document by ruamel.yaml's emitter, without comments.

    ``emitter``: :class:`~policyspec.fmt.emitter.SpecEmitter` by default; tests compare the two.
    """
    from policyspec.fmt.emitter import SpecEmitter, emit_events

    return emit_events(layout_events(root), emitter=emitter or SpecEmitter)


def _events(node: Node, model: str | None, in_flow: bool) -> Iterator[LayoutEvent]:
    if isinstance(node, Mapping):
        yield Open(True, node.flow)
        for key, value, child in ordered(node, model):
            yield canonical_key(key, node.flow)
            yield from _events(value, child, node.flow)
        yield CLOSE
    elif isinstance(node, Sequence):
        yield Open(False, node.flow)
        for item in node.items:
            yield from _events(item, model, node.flow)
        yield CLOSE
    else:
        yield canonical_scalar(node, in_flow)


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
