"""A target as people read it: ``≥ 90 percent``, ``3–7 persons``, ``≥ 2 multiple of 上年``.

One wording for every surface that shows a target (the timeline's figures, the reasons of
``evaluate``, the comparison table of the command line), so they never disagree.
"""

from __future__ import annotations

__all__ = ["OPERATOR_SYMBOLS", "target_text"]

OPERATOR_SYMBOLS = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<", "eq": "=", "approx": "≈"}
"""The sign of each operator but ``range``, which is written ``value–upper``."""


def target_text(
    operator: str | None,
    value: int | float | str | None,
    upper: int | float | str | None,
    unit: str | None,
    reference: str | None = None,
) -> str:
    """The target for people: ``milestone`` without an operator, ``?`` for a placeholder figure.

    Figures are shown as given (pass :func:`~policyspec.model.exact.json_number` or
    :func:`~policyspec.model.exact.exact_text` of them).

    >>> target_text("range", 3, 7, "persons"), target_text(None, None, None, None)
    ('3–7 persons', 'milestone')
    >>> target_text("eq", None, None, "times")  # a placeholder (X轮)
    '= ? times'
    >>> target_text("ge", 2, None, "multiple", "上年")
    '≥ 2 multiple of 上年'
    """
    if operator is None:
        return "milestone"
    shown = "?" if value is None else str(value)
    figure = f"{shown}–{upper}" if operator == "range" else f"{OPERATOR_SYMBOLS[operator]} {shown}"
    of = f" of {reference}" if reference else ""
    return f"{figure} {unit}{of}" if unit else f"{figure}{of}"
