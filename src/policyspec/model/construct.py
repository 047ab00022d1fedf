"""Documents from data the published schema has accepted, without pydantic's validation.

Validating through the models means building their validators first, on every run: more time than
checking the bundled corpus takes. Data the schema accepts, the models accept too (the
schema-agreement properties prove it), and validation changes nothing in it but an integral float
year (:data:`~policyspec.model.shape.INTEGRAL_KEYS`); so the check path asks the generated schema
code (:mod:`policyspec.model._fast_check`) and, when it accepts, builds the document here, from
the committed tables of the models' shape alone:

- :func:`construct_document` makes the models' instances as pydantic's own ``model_construct``
  makes them (the field values in field order, the fields set, no extra, no private state),
  without its per-call bookkeeping, which would cost more than the validation it replaces. A
  property test holds the result equal to what ``Document.model_validate(data, strict=True)``
  makes, field by field and type by type, and ``model_fields_set`` alike.
- :func:`plain_document` makes :class:`~policyspec.model.plain.PlainRecord` instances with the
  same attributes, for a check that keeps no document and so need not import pydantic at all.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from policyspec.model.plain import plain_class
from policyspec.model.shape import DEFAULTS, FIELD_ORDER, INTEGRAL_KEYS, KEY_ORDER, NEW_DEFAULTS, ROOT

if TYPE_CHECKING:
    from policyspec.model.documents import Document

__all__ = ["construct_document", "plain_document"]

_new = object.__new__
_set = object.__setattr__


def construct_document(data: dict[str, Any]) -> Document:
    """The document the models would make of ``data``, which the schema must have accepted."""
    from policyspec.model import documents

    document = _construct(_recipes(_model_maker), ROOT, data)
    assert isinstance(document, documents.Document)
    return document


def plain_document(data: dict[str, Any]) -> Document:
    """The same document as plain records (typed as the model: they have its attributes, which is
    all a rule reads), for a check that lets it go once the rules have run."""
    return cast("Document", _construct(_recipes(_plain_maker), ROOT, data))


@dataclass(frozen=True)
class _Recipe:
    """How to make one model's instance: its fields in order and what each defaults to."""

    make: Callable[[dict[str, Any], dict[str, Any]], Any]  # (values, data) -> the instance
    fields: tuple[str, ...]
    children: dict[str, str | None]
    integral: frozenset[str]
    defaults: dict[str, Any]
    new_defaults: dict[str, str]


def _model_maker(name: str) -> Callable[[dict[str, Any], dict[str, Any]], Any]:
    from policyspec.model import documents

    model = getattr(documents, name)

    def make(values: dict[str, Any], data: dict[str, Any]) -> Any:
        instance = _new(model)
        _set(instance, "__dict__", values)
        _set(instance, "__pydantic_fields_set__", set(data))
        _set(instance, "__pydantic_extra__", None)
        _set(instance, "__pydantic_private__", None)
        return instance

    return make


def _plain_maker(name: str) -> Callable[[dict[str, Any], dict[str, Any]], Any]:
    record = plain_class(name)

    def make(values: dict[str, Any], data: dict[str, Any]) -> Any:
        instance = _new(record)
        _set(instance, "__dict__", values)
        return instance

    return make


@functools.cache
def _recipes(maker: Callable[[str], Callable[[dict[str, Any], dict[str, Any]], Any]]) -> dict[str, _Recipe]:
    return {name: _recipe(name, maker) for name in KEY_ORDER}


def _recipe(name: str, maker: Callable[[str], Callable[[dict[str, Any], dict[str, Any]], Any]]) -> _Recipe:
    children = KEY_ORDER[name]
    fields = FIELD_ORDER.get(name, tuple(children))
    return _Recipe(
        maker(name),
        fields,
        children,
        INTEGRAL_KEYS.get(name, frozenset()),
        DEFAULTS.get(name, {}),
        NEW_DEFAULTS.get(name, {}),
    )


def _construct(recipes: dict[str, _Recipe], name: str, data: dict[str, Any]) -> Any:
    recipe = recipes[name]
    values: dict[str, Any] = {}
    for key in recipe.fields:
        if key in data:
            value = data[key]
            child = recipe.children[key]
            if child is not None and value is not None:
                if isinstance(value, list):
                    value = [_construct(recipes, child, item) for item in value]
                else:
                    value = _construct(recipes, child, value)
            elif key in recipe.integral and isinstance(value, float):
                value = int(value)
        elif key in recipe.defaults:
            value = recipe.defaults[key]
        else:
            made = recipe.new_defaults[key]
            value = [] if made == "list" else _construct(recipes, made, {})
        values[key] = value
    return recipe.make(values, data)
