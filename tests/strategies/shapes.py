"""What each field of the models admits, read from their annotations, and where it sits in a document.

Mutations are built from this, so they follow the models when a field is added or constrained.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

from pydantic import BaseModel

from policyspec.diagnostics import JsonPath
from policyspec.model.documents import Document

__all__ = ["Shape", "Site", "shape_of", "sites"]


@dataclass(frozen=True)
class Shape:
    """A field's admissible values in JSON Schema terms: types, and the constraints on them."""

    types: frozenset[str] = frozenset()
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    model: type[BaseModel] | None = None
    items: Shape | None = None

    def required(self, key: str) -> bool:
        return self.model is not None and self.model.model_fields[key].is_required()


_BASIC = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
# pydantic's constraint attributes, and the Shape fields they fill.
_CONSTRAINTS = {"pattern": "pattern", "min_length": "min_length", "max_length": "max_length"}
_CONSTRAINTS |= {"ge": "minimum", "le": "maximum"}


def _constrained(shape: Shape, metadata: Iterable[Any]) -> Shape:
    for item in metadata:
        for attribute, name in _CONSTRAINTS.items():
            value = getattr(item, attribute, None)
            if value is not None:
                shape = replace(shape, **{name: value})
    return shape


def _merge(a: Shape, b: Shape) -> Shape:
    merged = {f.name: getattr(a, f.name) or getattr(b, f.name) for f in fields(Shape)}
    return Shape(**{**merged, "types": a.types | b.types})


def shape_of(annotation: Any, metadata: Iterable[Any] = ()) -> Shape:
    """Flatten an annotation (unions, Annotated, Literal, list, models) into one :class:`Shape`."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        shape = shape_of(args[0], [m for extra in args[1:] for m in getattr(extra, "metadata", [extra])])
    elif origin is Literal:
        shape = Shape(frozenset({"string"}), choices=args)
    elif origin in (typing.Union, types.UnionType):
        shape = Shape()
        for arg in args:
            shape = _merge(shape, shape_of(arg))
    elif origin is list:
        shape = Shape(frozenset({"array"}), items=shape_of(args[0]))
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        shape = Shape(frozenset({"object"}), model=annotation)
    else:
        shape = Shape(frozenset({_BASIC[annotation]}))
    return _constrained(shape, metadata)


@dataclass(frozen=True)
class Site:
    """A node of a document: where it is, what it holds, and what it may hold."""

    path: JsonPath
    value: Any
    shape: Shape


def sites(data: Any, shape: Shape | None = None, path: JsonPath = ()) -> Iterator[Site]:
    """Every node of a document (the root first), each with the shape its field gives it."""
    shape = shape or Shape(frozenset({"object"}), model=Document)
    yield Site(path, data, shape)
    if isinstance(data, dict) and shape.model is not None:
        for key, item in data.items():
            field = shape.model.model_fields[key]
            yield from sites(item, shape_of(field.annotation, field.metadata), (*path, key))
    elif isinstance(data, list) and shape.items is not None:
        for index, item in enumerate(data):
            yield from sites(item, shape.items, (*path, index))
