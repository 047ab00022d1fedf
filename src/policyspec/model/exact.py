"""Exact numbers: the :class:`~fractions.Fraction` a figure stands for, and the text it is shown as.

A spec writes a figure as an int, a float or an exact fraction 'p/q' (三分之一 is ``"1/3"``); a
float counts by its shortest decimal text, never by the binary double (0.1 is 1/10). Everything
that computes with figures (the rules, ``evaluate``, the releases) goes through :func:`exact`;
everything that shows one goes through :func:`exact_text` or :func:`json_number`, so a figure
reads the same everywhere.

Figures a caller gives (an observation, a tolerance) are read by :func:`read_figure`, which
judges them against :mod:`policyspec.model.bounds` before converting anything.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, localcontext
from fractions import Fraction

from policyspec.model.bounds import MAX_DIGITS, fraction_problem, magnitude_problem, number_problem

__all__ = ["JsonNumber", "exact", "exact_text", "excerpt", "has_finite_decimal", "json_number", "read_figure"]

JsonNumber = int | float | str
"""A figure in JSON: a number, or the exact fraction 'p/q' when no float holds it."""

_FIGURE_TEXT = re.compile(
    r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"  # 89.5, 1e3, .5
    r"|-?[0-9]+/[0-9]+"  # 1/3
)
# A Fraction or Decimal made in Python may carry more digits than a spec writes (a figure plus a
# small offset); twice a figure's keeps their arithmetic and text quick.
_PART_DIGITS = 2 * MAX_DIGITS
_TEXT_LENGTH = 64  # 15 digits, sign, point, exponent and zeros to spare: longer text is no figure


def exact(value: int | float | str) -> Fraction:
    """The exact number a spec's figure stands for (floats by their decimal text, never binary).

    Only for finite values of a spec the models accepted: rule PS215 refuses the others before
    anything computes with them. Figures from elsewhere go through :func:`read_figure`.

    >>> exact(0.1), exact("1/3"), exact(15000)
    (Fraction(1, 10), Fraction(1, 3), Fraction(15000, 1))
    """
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


def has_finite_decimal(number: Fraction) -> bool:
    """True when the number can be written as a decimal with an end (1/4 is 0.25; 1/3 cannot)."""
    denominator = number.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def exact_text(number: Fraction) -> str:
    """The number as people read it, exactly: a decimal when it has one (89.5, 0.34), else 'p/q'.

    >>> exact_text(Fraction(179, 2)), exact_text(Fraction(1, 3)), exact_text(Fraction(24000))
    ('89.5', '1/3', '24000')
    """
    if not has_finite_decimal(number):
        return f"{number.numerator}/{number.denominator}"
    digits = len(str(number.numerator)) + 4 * len(str(number.denominator)) + 4  # enough to be exact
    with localcontext() as context:
        context.prec = digits
        return format(Decimal(number.numerator) / Decimal(number.denominator), "f")


def json_number(value: int | float | str | None) -> JsonNumber | None:
    """A spec's figure for JSON: a number when a float holds it exactly, else the fraction 'p/q'.

    Ints and floats stay as the spec wrote them; '1/4' becomes 0.25, '4/2' becomes 2, '2/6' '1/3'.
    """
    if value is None or isinstance(value, (int, float)):
        return value
    fraction = exact(value)
    if fraction.denominator == 1:
        return fraction.numerator
    if has_finite_decimal(fraction) and exact(float(fraction)) == fraction:
        return float(fraction)  # a float whose shortest text differs stays a fraction
    return f"{fraction.numerator}/{fraction.denominator}"


def read_figure(value: int | float | str | Fraction | Decimal, name: str = "figure") -> Fraction:
    """The exact number of a figure a caller gives (an observation, a tolerance, a reference).

    Floats count by their decimal text (0.1 is 1/10), as a spec's own do. A figure must lie
    within the bounds of :mod:`policyspec.model.bounds` (text as a spec writes it, at most 15
    significant digits); anything else raises ``ValueError`` naming ``name``, and quickly: text is
    judged before it is converted. A bool or another type is a ``TypeError``.

    >>> read_figure(0.1), read_figure("1/3"), read_figure("89.5")
    (Fraction(1, 10), Fraction(1, 3), Fraction(179, 2))
    """
    if isinstance(value, bool):
        raise TypeError(f"{name}: a figure is needed, not a bool (bools observe milestones)")
    if isinstance(value, str):
        number = _from_text(value, name)
    elif isinstance(value, int):
        number = exact(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{name}: not a finite number: {value!r}")
        number = exact(value)
    elif isinstance(value, Decimal):
        number = _from_decimal(value, name)
    elif isinstance(value, Fraction):
        if max(abs(value.numerator), value.denominator) >= 10**_PART_DIGITS:
            raise ValueError(f"{name}: a Fraction of more than {_PART_DIGITS} digits above or below the line")
        number = value
    else:
        kinds = "an int, float, str, Fraction or Decimal"
        raise TypeError(f"{name}: a figure is {kinds}, not {type(value).__name__}")
    problem = magnitude_problem(number)
    if problem is not None:
        raise ValueError(f"{name}: {excerpt(value)} is out of bounds: {problem}")
    return number


def _from_text(text: str, name: str) -> Fraction:
    """Judge the text before ``Fraction`` sees it: ``Fraction("1e999999999")`` would never return."""
    text = text.strip()
    if len(text) > _TEXT_LENGTH:
        raise ValueError(f"{name}: {excerpt(text)} is too long to be a figure")
    if not _FIGURE_TEXT.fullmatch(text):
        raise ValueError(f"{name}: {excerpt(text)} is not a figure (write it as 93, 89.5, 1e3 or 1/3)")
    problem = number_problem(text) or fraction_problem(text)
    if problem is not None:
        raise ValueError(f"{name}: {problem}")
    numerator, slash, denominator = text.partition("/")
    if slash and not denominator.strip("0"):
        raise ValueError(f"{name}: {text!r} divides by zero")
    if not slash and not numerator.partition("e")[0].partition("E")[0].strip("+-.0"):
        return Fraction(0)  # whatever its exponent: Fraction("0e999999999") builds 10^999999999 first
    return exact(text)


def _from_decimal(value: Decimal, name: str) -> Fraction:
    """Judge the exponent first: ``Decimal("1e999999999")`` is cheap, its Fraction is not."""
    if not value.is_finite():
        raise ValueError(f"{name}: not a finite number: {value!r}")
    if not value:
        return Fraction(0)
    if not -_PART_DIGITS <= value.adjusted() <= _PART_DIGITS:
        bound = "beyond ±10^15" if value.adjusted() > 0 else "not zero but smaller than 10^-15"
        raise ValueError(f"{name}: {excerpt(value)} is out of bounds: it is {bound}")
    if len(value.as_tuple().digits) > _PART_DIGITS:
        raise ValueError(f"{name}: a Decimal of more than {_PART_DIGITS} digits")
    return Fraction(value)


def excerpt(value: object) -> str:
    """A value as a message shows it: never thousands of digits (nor str() of a huge int, which fails)."""
    if isinstance(value, int) and value.bit_length() > 128:
        return f"an int of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:12]}…{text[-6:]} ({len(text)} characters)"
