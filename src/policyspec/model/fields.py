"""The value types the models' fields are made of: slugs, quotes, figures, dates, durations, years.

Each is an annotated type that carries its constraint, description and example, so the JSON
Schema generated from the models says the same as the models do. :class:`StrictModel` is the
base of every model and :class:`Text` the one reader-facing text (zh and en) they all share.
"""

from __future__ import annotations

import math
import sys
import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic.config import JsonDict

from policyspec.model.bounds import FRACTION_PATTERN, MAX_MAGNITUDE
from policyspec.model.dates import DATE_PATTERN
from policyspec.model.reprs import shown_value
from policyspec.model.vocabulary import DURATION_PATTERN

__all__ = [
    "ONE_LINE",
    "DateText",
    "Duration",
    "Figure",
    "FractionText",
    "Quote",
    "Slug",
    "StrictModel",
    "Text",
    "Year",
    "integral_float_to_int",
    "nested_model",
]

# python-jsonschema reads '$' as Python's re does (a final line break may follow); the models'
# regex engine does not. Spelling the refusal out keeps every schema consumer in step with them.
ONE_LINE: JsonDict = {"not": {"pattern": "\n"}}

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        json_schema_extra=ONE_LINE,
        max_length=80,
        description="A short, stable, lowercase kebab-case identifier, unique within the document.",
        examples=["cadre-training-days"],
    ),
]
Quote = Annotated[
    str,
    Field(
        min_length=1,
        max_length=2000,
        description="An exact substring of the archived source text (same full-width characters).",
        examples=["满意率达到90％以上"],
    ),
]
FractionText = Annotated[
    str,
    Field(
        pattern=FRACTION_PATTERN,
        json_schema_extra=ONE_LINE,
        description="An exact fraction 'p/q' (up to 15 digits each), for values such as 三分之一 (1/3) "
        "that have no finite decimal.",
        examples=["1/3"],
    ),
]
Duration = Annotated[
    str,
    Field(
        pattern=DURATION_PATTERN,
        json_schema_extra=ONE_LINE,
        description="An ISO 8601 duration: 每年 P1Y, 每半年 P6M, 每季度 P3M, 每月 P1M, 每两年 P2Y.",
        examples=["P1Y"],
    ),
]


def _bounded_unless_non_finite(value: float) -> float:
    """Beyond ±10^15 is refused; .inf and .nan pass, for rule PS215 to name them (as the schema does)."""
    if math.isfinite(value) and abs(value) > MAX_MAGNITUDE:
        raise ValueError("a figure is at most 10^15 in magnitude")
    return value


_LARGEST_FLOAT = sys.float_info.max
_BOUNDED_FLOAT: JsonDict = {
    "anyOf": [
        {"type": "number", "minimum": -MAX_MAGNITUDE, "maximum": MAX_MAGNITUDE},
        # Only YAML's .inf and -.inf lie beyond the largest float (and .nan passes any bound):
        # rule PS215 reports them, with the models' agreement.
        {"type": "number", "exclusiveMinimum": _LARGEST_FLOAT},
        {"type": "number", "exclusiveMaximum": -_LARGEST_FLOAT},
    ]
}

# A figure: at most 10^15 in magnitude, the schema's minimum and maximum. Precision and underflow
# cannot be said in a schema; the parser refuses those (PS013, policyspec.model.bounds).
Figure = (
    Annotated[int, Field(ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]
    | Annotated[float, AfterValidator(_bounded_unless_non_finite), WithJsonSchema(_BOUNDED_FLOAT)]
    | FractionText
)

DateText = Annotated[
    str,
    Field(
        pattern=DATE_PATTERN,
        json_schema_extra=ONE_LINE,
        description="A calendar date that exists, as precise as the source: 'YYYY', 'YYYY-MM' or "
        "'YYYY-MM-DD' (years 1900 to 2099).",
        examples=["2010", "2006-07-20"],
    ),
]


def integral_float_to_int(value: object) -> object:
    """JSON Schema's 'integer' admits 2007.0; so must the models (still refusing 2007.5 and "2007")."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Year = Annotated[
    int,
    Field(ge=1900, le=2100, description="A calendar year.", examples=[2010]),
    BeforeValidator(integral_float_to_int),  # after Field, so the bounds stay in the schema
]


class StrictModel(BaseModel):
    """Base of every model: unknown keys are errors and values are immutable.

    Non-finite numbers (YAML's .inf, .nan) are left to rule PS215: a JSON Schema cannot refuse
    them, and the models must accept exactly what the schema accepts.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    # defer_build: a model's validator is built on first use, not at import; the check path builds
    # documents the schema accepted without one (policyspec.model.construct)

    def __repr_args__(self) -> Iterator[tuple[str | None, object]]:
        """What the repr shows (pydantic builds it from these): the fields that differ from their
        default, text clipped and long lists counted, so a repr stays a line (:mod:`.reprs`)."""
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            if info.is_required() or value != info.get_default(call_default_factory=True):
                yield name, shown_value(value)


class Text(StrictModel):
    """A reader-facing text, as the source writes it and in faithful English."""

    zh: str = Field(min_length=1, description="The text as in the source (Chinese).", examples=["思想领先"])
    en: str = Field(
        min_length=1, description="A faithful English rendering.", examples=["Leading in thought"]
    )


def nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, directly, in a list, or as an optional (None for plain values)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) in (typing.Union, list):
        for arg in typing.get_args(annotation):
            found = nested_model(arg)
            if found is not None:
                return found
    return None
