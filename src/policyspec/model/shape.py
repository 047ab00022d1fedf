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

__all__ = ["INTEGRAL_KEYS", "KEY_ORDER", "ROOT", "derived_integral_keys", "derived_key_order"]

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

INTEGRAL_KEYS: dict[str, frozenset[str]] = {"PlanPeriod": frozenset({"start", "end"})}
"""Model name → its keys whose value, an integral float (2007.0), the models read as an int: the
only change validation makes to data the schema accepts (:data:`policyspec.model.fields.Year`)."""


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
