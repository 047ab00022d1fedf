"""The models' shape as plain tables: the keys of every model in the order ``policyspec fmt``
writes them, the model each key holds, and the keys whose integral floats the models make ints.

Derived from the pydantic models (:func:`derived_key_order`: a model's own fields in declaration
order, then those it inherits, nearest base first, so the ``inferred``/``evidence`` pair of
:class:`~policyspec.model.provenance.Evidenced` closes an issuer, date or plan period, as the
encoding guide shows) and committed, like the JSON Schema: the formatter then needs neither
pydantic nor the models, which would cost it more start-up time than formatting a spec, and
:mod:`policyspec.model.construct` builds documents the schema accepted without running pydantic's
validation. Tests keep these tables equal to what the models say; after changing a model, paste
what they print.
"""

from __future__ import annotations

__all__ = [
    "DEFAULTS",
    "FIELD_ORDER",
    "INTEGRAL_KEYS",
    "KEY_ORDER",
    "NEW_DEFAULTS",
    "ROOT",
    "derived_defaults",
    "derived_field_order",
    "derived_integral_keys",
    "derived_key_order",
]

ROOT = "Document"

KEY_ORDER: dict[str, dict[str, str | None]] = {
    "Document": {
        "id": None,
        "source": "Source",
        "title": "Text",
        "kind": None,
        "issuers": "Issuer",
        "date": "Date",
        "document_number": "DocumentNumber",
        "plan_period": "PlanPeriod",
        "quality_notes": "QualityNote",
        "sections": "Section",
        "goals": "Goal",
        "principles": "Principle",
        "measures": "Measure",
        "indicators": "Indicator",
        "excluded": "Excluded",
    },
    "Source": {"file": None, "sha256": None},
    "Text": {"zh": None, "en": None},
    "Issuer": {"name": "Text", "level": None, "place": "Text", "inferred": None, "evidence": None},
    "Date": {"value": None, "kind": None, "inferred": None, "evidence": None},
    "DocumentNumber": {"value": None, "inferred": None, "evidence": None},
    "PlanPeriod": {"start": None, "end": None, "inferred": None, "evidence": None},
    "QualityNote": {"id": None, "kind": None, "description": None, "quote": None},
    "Section": {"id": None, "kind": None, "number": None, "title": "Text", "quote": None, "parent": None},
    "Goal": {
        "id": None,
        "kind": None,
        "title": "Text",
        "quote": None,
        "section": None,
        "parent": None,
        "deadline": None,
    },
    "Principle": {"id": None, "name": "Text", "quote": None, "section": None},
    "Measure": {
        "id": None,
        "title": "Text",
        "quote": None,
        "section": None,
        "lead_units": "Text",
        "goal": None,
    },
    "Indicator": {
        "id": None,
        "quote": None,
        "measured": "Text",
        "target": "Target",
        "kind": None,
        "per": None,
        "per_term": None,
        "deadline": None,
        "start": None,
        "implied": None,
        "inferred": "Inference",
        "population": "Text",
        "lead_units": "Text",
        "placeholder": None,
        "topics": None,
        "measure": None,
        "goal": None,
        "commitment": None,
        "note": None,
    },
    "Target": {"operator": None, "value": None, "upper": None, "unit": None, "reference": "Text"},
    "Inference": {"fields": None, "evidence": None, "reason": None},
    "Excluded": {"quote": None, "reason": None, "note": None},
}
"""Model name → its keys in order → the model the key's value holds (directly, in a list or as an
optional), or None for plain values."""

FIELD_ORDER: dict[str, tuple[str, ...]] = {
    name: ("inferred", "evidence", *(key for key in keys if key not in ("inferred", "evidence")))
    for name, keys in KEY_ORDER.items()
    if name in ("Issuer", "Date", "DocumentNumber", "PlanPeriod")
}
"""Model name → its fields in pydantic's order (inherited ones first), for the models whose order
differs from :data:`KEY_ORDER`: the four :class:`~policyspec.model.provenance.Evidenced` ones.
A built instance holds its fields in this order, as a validated one does."""

INTEGRAL_KEYS: dict[str, frozenset[str]] = {"PlanPeriod": frozenset({"start", "end"})}
"""Model name → its keys whose value, an integral float (2007.0), the models read as an int: the
only change validation makes to data the schema accepts (:data:`policyspec.model.fields.Year`)."""


DEFAULTS: dict[str, dict[str, bool | str | None]] = {
    "Document": {"date": None, "document_number": None, "plan_period": None},
    "Issuer": {"inferred": False, "place": None},
    "Date": {"inferred": False},
    "DocumentNumber": {"inferred": False},
    "PlanPeriod": {"inferred": False},
    "QualityNote": {"quote": None},
    "Section": {"number": None, "parent": None},
    "Goal": {"section": None, "parent": None, "deadline": None},
    "Principle": {"section": None},
    "Measure": {"section": None, "goal": None},
    "Indicator": {
        "kind": "target",
        "per": None,
        "per_term": False,
        "deadline": None,
        "start": None,
        "implied": None,
        "inferred": None,
        "population": None,
        "placeholder": False,
        "measure": None,
        "goal": None,
        "commitment": None,
        "note": None,
    },
    "Target": {"operator": None, "value": None, "upper": None, "unit": None, "reference": None},
    "Excluded": {"note": None},
}
"""Model name → its optional keys whose default is one immutable value, shared by every instance."""

NEW_DEFAULTS: dict[str, dict[str, str]] = {
    "Document": {
        "quality_notes": "list",
        "sections": "list",
        "goals": "list",
        "principles": "list",
        "measures": "list",
        "indicators": "list",
        "excluded": "list",
    },
    "Issuer": {"evidence": "list"},
    "Date": {"evidence": "list"},
    "DocumentNumber": {"evidence": "list"},
    "PlanPeriod": {"evidence": "list"},
    "Measure": {"lead_units": "list"},
    "Indicator": {"target": "Target", "lead_units": "list", "topics": "list"},
}
"""Model name → its optional keys whose default is made anew for each instance: ``"list"`` (an
empty list) or a model's name (that model with every key at its default)."""


def derived_key_order() -> dict[str, dict[str, str | None]]:
    """What :data:`KEY_ORDER` must be, read from the models (imports pydantic: tests only)."""
    import inspect

    from pydantic import BaseModel

    from policyspec.model.documents import Document, nested_model

    table: dict[str, dict[str, str | None]] = {}

    def visit(model: type[BaseModel]) -> None:
        if model.__name__ in table:
            return
        entries: dict[str, str | None] = {}
        table[model.__name__] = entries
        inherited = (c for c in model.__mro__ if isinstance(c, type) and issubclass(c, BaseModel))
        names = (name for cls in inherited for name in inspect.get_annotations(cls))
        for key in dict.fromkeys(name for name in names if name in model.model_fields):
            child = nested_model(model.model_fields[key].annotation)
            entries[key] = child.__name__ if child is not None else None
            if child is not None:
                visit(child)

    visit(Document)
    return table


def derived_field_order() -> dict[str, tuple[str, ...]]:
    """What :data:`FIELD_ORDER` must be, read from the models (tests only)."""
    from policyspec.model import documents

    table = {name: tuple(getattr(documents, name).model_fields) for name in KEY_ORDER}
    return {name: fields for name, fields in table.items() if fields != tuple(KEY_ORDER[name])}


def derived_integral_keys() -> dict[str, frozenset[str]]:
    """What :data:`INTEGRAL_KEYS` must be, read from the models' field validators (tests only).

    Raises if a field has any other validator that runs before or instead of the type's own:
    such a validator may change data, and building documents without validation would miss it.
    """
    from pydantic.functional_validators import BeforeValidator, PlainValidator, WrapValidator

    from policyspec.model import documents
    from policyspec.model.fields import integral_float_to_int

    table: dict[str, frozenset[str]] = {}
    for name in KEY_ORDER:
        model = getattr(documents, name)
        keys = set()
        for key, field in model.model_fields.items():
            for rule in field.metadata:
                if isinstance(rule, BeforeValidator) and rule.func is integral_float_to_int:
                    keys.add(key)
                elif isinstance(rule, (BeforeValidator, PlainValidator, WrapValidator)):
                    raise AssertionError(f"{name}.{key}: a validator that may change data ({rule})")
        if keys:
            table[name] = frozenset(keys)
    return table


def derived_defaults() -> tuple[dict[str, dict[str, bool | str | None]], dict[str, dict[str, str]]]:
    """What :data:`DEFAULTS` and :data:`NEW_DEFAULTS` must be, read from the models (tests only)."""
    from policyspec.model import documents

    plain: dict[str, dict[str, bool | str | None]] = {}
    made: dict[str, dict[str, str]] = {}
    for name in KEY_ORDER:
        for key, field in getattr(documents, name).model_fields.items():
            factory = field.default_factory
            if factory is list:
                made.setdefault(name, {})[key] = "list"
            elif factory is not None:
                made.setdefault(name, {})[key] = factory.__name__
            elif not field.is_required():
                default = field.default
                if default is not None and not isinstance(default, (bool, str)):
                    raise AssertionError(f"{name}.{key}: a default that is neither None, a bool nor text")
                plain.setdefault(name, {})[key] = default
    return plain, made
