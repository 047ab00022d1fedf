"""Typed documents from data the published schema has accepted, without pydantic's validation.

Validating through the models means building their validators first, on every run: more time than
checking the bundled corpus takes. Data the schema accepts, the models accept too (the
schema-agreement properties prove it), and validation changes nothing in it but an integral float
year (:data:`~policyspec.model.shape.INTEGRAL_KEYS`); so the check path asks the generated schema
code (:mod:`policyspec.model._fast_check`) and, when it accepts, builds the document here.

Each instance is made as pydantic's own ``model_construct`` makes one (the field values in field
order, the fields set, no extra, no private state), without its per-call bookkeeping, which would
cost more than the validation it replaces. A property test holds the result equal to what
``Document.model_validate(data, strict=True)`` makes, field by field and type by type, and
``model_fields_set`` alike.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from policyspec.model import documents
from policyspec.model.documents import Document
from policyspec.model.shape import INTEGRAL_KEYS, KEY_ORDER, ROOT

__all__ = ["construct_document"]

_new = object.__new__
_set = object.__setattr__


def construct_document(data: dict[str, Any]) -> Document:
    """The document the models would make of ``data``, which the schema must have accepted."""
    document = _construct(ROOT, data)
    assert isinstance(document, Document)
    return document


@dataclass(frozen=True)
class _Recipe:
    """How to make one model's instance: its fields in order and what each defaults to."""

    model: type[Any]
    fields: tuple[str, ...]
    children: dict[str, str | None]
    integral: frozenset[str]
    defaults: dict[str, Any]  # plain defaults (None, False, "target": immutable)
    factories: dict[str, Any]  # default factories: list, or a model's name (its empty instance)


@functools.cache
def _recipe(name: str) -> _Recipe:
    model = getattr(documents, name)
    children = KEY_ORDER[name]
    defaults: dict[str, Any] = {}
    factories: dict[str, Any] = {}
    for key, field in model.model_fields.items():
        factory = field.default_factory
        if factory is None:
            if not field.is_required():
                defaults[key] = field.default
        elif children.get(key) is not None and factory is getattr(documents, str(children[key])):
            factories[key] = children[key]  # calling the model would validate: built here instead
        else:
            factories[key] = factory
    return _Recipe(
        model, tuple(model.model_fields), children, INTEGRAL_KEYS.get(name, frozenset()), defaults, factories
    )


def _construct(name: str, data: dict[str, Any]) -> Any:
    recipe = _recipe(name)
    values: dict[str, Any] = {}
    for key in recipe.fields:
        if key in data:
            value = data[key]
            child = recipe.children[key]
            if child is not None and value is not None:
                if isinstance(value, list):
                    value = [_construct(child, item) for item in value]
                else:
                    value = _construct(child, value)
            elif key in recipe.integral and isinstance(value, float):
                value = int(value)
        elif key in recipe.defaults:
            value = recipe.defaults[key]
        else:
            factory = recipe.factories[key]
            value = _construct(factory, {}) if isinstance(factory, str) else factory()
        values[key] = value
    instance = _new(recipe.model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", set(data))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance
