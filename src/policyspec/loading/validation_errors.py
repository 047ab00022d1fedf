"""pydantic's validation errors as positioned diagnostics: one per offending node, naming the key
to change and, for typos, the key that was probably meant (PS101–PS104)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from policyspec.diagnostics import Diagnostic, JsonPath, format_path
from policyspec.loading.structure import describe
from policyspec.loading.tree import Marks
from policyspec.model.bounds import FRACTION_PATTERN
from policyspec.model.dates import DATE_PATTERN
from policyspec.model.documents import Document, nested_model

__all__ = ["diagnostics_of"]

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "none_required": "null",
}


def diagnostics_of(exc: ValidationError, data: Any, file: str, marks: Marks) -> Iterator[Diagnostic]:
    by_node: dict[JsonPath, list[dict[str, Any]]] = {}
    for details in exc.errors(include_url=False):
        path, extra = _split(details["loc"], data)
        by_node.setdefault(path, []).append({**details, "_extra": extra})
    for path, errors in by_node.items():
        yield _one(path, errors, file, marks)


def _split(loc: tuple[int | str, ...], data: Any) -> tuple[JsonPath, tuple[int | str, ...]]:
    """Separate the part of pydantic's location that exists in the data from union-member tags."""
    node = data
    for index, step in enumerate(loc):
        in_mapping = isinstance(node, dict) and step in node
        in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        if in_mapping or in_list:
            node = node[step]
        else:
            return tuple(loc[:index]), tuple(loc[index:])
    return tuple(loc), ()


def _one(path: JsonPath, errors: list[dict[str, Any]], file: str, marks: Marks) -> Diagnostic:
    first = errors[0]
    kind = first["type"]
    where = format_path(path)
    if kind == "extra_forbidden":
        line, column = marks.of_key(path)
        key = path[-1]
        allowed = _allowed_keys(path[:-1])
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys here: {', '.join(allowed)}"
        return Diagnostic(
            file, line, column, "PS101", f"unknown key '{key}' at {where}", path=path, hint=hint
        )
    if kind == "missing":
        line, column = marks.of_value(path)
        missing = first["_extra"][0] if first["_extra"] else "?"
        return Diagnostic(
            file,
            line,
            column,
            "PS102",
            f"missing required key '{missing}' in {where}",
            path=(*path, missing),
            hint=f"add '{missing}:' to this mapping",
        )
    line, column = marks.of_value(path)
    value = _excerpt(first["input"])
    type_errors = [e for e in errors if e["type"] in _TYPE_WORDS]
    if len(type_errors) == len(errors):
        wanted = " or ".join(dict.fromkeys(_TYPE_WORDS[e["type"]] for e in errors))
        message = f"{where} should be {wanted}, not {describe(first['input'])} {value}"
        return Diagnostic(file, line, column, "PS103", message, path=path, hint=_type_hint(first["input"]))
    value_errors = [e for e in errors if e["type"] not in _TYPE_WORDS] or errors
    reason = "; or ".join(dict.fromkeys(_reason(e) for e in value_errors))
    return Diagnostic(
        file, line, column, "PS104", f"{where} = {value}: {reason}", path=path, hint=_value_hint(value_errors)
    )


def _reason(error: dict[str, Any]) -> str:
    ctx = error.get("ctx") or {}
    if error["type"] == "literal_error":
        return f"expected one of {ctx.get('expected', '')}"
    if error["type"] == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        return _PATTERN_MEANINGS.get(pattern, f"does not match the pattern {pattern}")
    return str(error["msg"]).lower()


# Patterns too long to be read in a message, said in words instead.
_PATTERN_MEANINGS = {
    DATE_PATTERN: "not a date that exists: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', years 1900 to 2099",
    FRACTION_PATTERN: "not a fraction 'p/q' of at most 15 digits above and below the line",
}


def _value_hint(errors: list[dict[str, Any]]) -> str | None:
    for error in errors:
        ctx = error.get("ctx") or {}
        if error["type"] == "literal_error" and isinstance(error["input"], str):
            options = [
                o.strip().strip("'") for o in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")
            ]
            close = difflib.get_close_matches(error["input"], options, n=1)
            if close:
                return f"did you mean '{close[0]}'?"
        if error["type"] == "string_pattern_mismatch":
            return "see the field's description in the schema for the expected form"
    return None


def _type_hint(value: object) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return 'put quotes around it if it is meant as text (years and dates are quoted: "2010")'
    return None


def _excerpt(value: object) -> str:
    if isinstance(value, (dict, list)):
        return "{…}" if isinstance(value, dict) else "[…]"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…'"


def _allowed_keys(path: JsonPath) -> list[str]:
    """Field names of the model that the mapping at ``path`` stands for."""
    model: type[BaseModel] | None = Document
    for step in path:
        if model is None:
            return []
        if isinstance(step, int):
            continue
        field = model.model_fields.get(step)
        model = nested_model(field.annotation) if field is not None else None
    return list(model.model_fields) if model is not None else []
