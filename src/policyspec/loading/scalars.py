"""Plain YAML scalars resolved by the YAML 1.2 core schema — the one editors' language servers
and ruamel.yaml use, so ``no`` stays a string — with a policy figure's bounds applied before a
number is built. The parser and the formatter resolve scalars here alike."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from policyspec.model.bounds import number_problem

__all__ = ["MAYBE_NOT_STRING", "OutOfBounds", "resolve_plain"]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOATS = {
    **dict.fromkeys((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"), float("inf")),
    **dict.fromkeys(("-.inf", "-.Inf", "-.INF"), float("-inf")),
    **dict.fromkeys((".nan", ".NaN", ".NAN"), float("nan")),
}
MAYBE_NOT_STRING = frozenset("~nNtTfF0123456789+-.")
"""The first characters of a plain scalar that may resolve to something other than a string."""


@dataclass(frozen=True)
class OutOfBounds:
    """A number too large or too precise to be a policy figure, left unbuilt (see figure_bounds)."""

    text: str
    problem: str


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema: null, bool, int, float; everything else is a string.

    A number beyond a policy figure's bounds resolves to :class:`OutOfBounds` instead: Python
    cannot even build a decimal int of more than 4300 digits, and nothing needs one.
    """
    if text and text[0] not in MAYBE_NOT_STRING:
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    problem = number_problem(text)
    if problem is not None:
        return OutOfBounds(text, problem)
    if _INT.match(text):
        digits = text.lstrip("+-").lstrip("0") or "0"  # int() counts leading zeros against its limit
        return -int(digits) if text.startswith("-") else int(digits)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    return _SPECIAL_FLOATS.get(text, text)
