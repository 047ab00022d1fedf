"""How large, how precise and how small a policy figure may be, judged from its text.

Policy documents state figures such as 90％, 1.5万 or 三分之一: none comes near 10^15 or needs
more than 15 significant digits. Refusing larger ones where they are read (rule PS013) keeps
every later step safe: Python cannot turn a decimal int of more than 4300 digits into text or
back, ``Fraction("1e999999999")`` builds a number of a billion digits, and a float written with
more than 15 digits is no longer the figure written. The text is judged before anything converts
it, so nothing slow runs. The parser, the models (JSON Schema ``minimum``/``maximum`` and the
fraction pattern) and ``evaluate`` all take their bounds from here.
"""

from __future__ import annotations

import re
from fractions import Fraction

__all__ = [
    "FRACTION_PATTERN",
    "HINT",
    "MAX_DIGITS",
    "MAX_MAGNITUDE",
    "MIN_MAGNITUDE",
    "fraction_problem",
    "magnitude_problem",
    "number_problem",
]

MAX_MAGNITUDE = 10**15
"""No figure is larger than this in magnitude (10^15 itself is allowed)."""
MAX_DIGITS = 15
"""Significant digits of a decimal figure, and digits of a fraction's numerator or denominator."""
MIN_MAGNITUDE = Fraction(1, 10**15)
"""A figure other than zero is at least this in magnitude: smaller ones underflow."""
FRACTION_PATTERN = rf"^-?[0-9]{{1,{MAX_DIGITS}}}/[1-9][0-9]{{0,{MAX_DIGITS - 1}}}$"
"""The exact fraction 'p/q' a spec may write (the models' and the JSON Schema's pattern)."""
HINT = "a policy figure has at most 15 significant digits and is below 10^15; write it as the source does"

# The YAML 1.2 core schema's number notations, with the parts a bound is judged from.
_DECIMAL = re.compile(
    r"[-+]?(?:(?P<whole>[0-9]+)(?:\.(?P<part>[0-9]*))?|\.(?P<only>[0-9]+))(?:[eE](?P<exp>[-+]?[0-9]+))?"
)
_BASED = re.compile(r"0(?:o0*(?P<octal>[0-7]+)|x0*(?P<hex>[0-9a-fA-F]+))")
_BASES = {"o": 8, "x": 16}
_MAX_BASED_LENGTH = {name: len(f"{MAX_MAGNITUDE:{name}}") for name in _BASES}  # 17 octal, 13 hex digits
_FRACTION = re.compile(r"-?(?P<numerator>[0-9]+)/(?P<denominator>[0-9]+)")
_EXPONENT_DIGITS = 9  # beyond this an exponent moves any figure out of bounds, whatever its digits


def number_problem(text: str) -> str | None:
    """What puts a YAML number (decimal, exponent, 0o octal, 0x hex) out of bounds; None if nothing.

    None as well for text that is no such number.
    """
    based = _BASED.fullmatch(text)
    if based is not None:
        base = text[1]
        digits = based["octal"] or based["hex"]
        too_long = len(digits) > _MAX_BASED_LENGTH[base]
        if too_long or int(digits, _BASES[base]) > MAX_MAGNITUDE:
            return _too_large(text)
        return None
    decimal = _DECIMAL.fullmatch(text)
    if decimal is None:
        return None
    whole = decimal["whole"] or ""
    digits = whole + (decimal["part"] or decimal["only"] or "")
    significant = digits.lstrip("0")
    if not significant:
        return None  # zero, whatever its exponent
    exponent = decimal["exp"] or "0"
    negative = exponent.startswith("-")
    exponent = exponent.lstrip("+-").lstrip("0") or "0"  # int() refuses more than 4300 digits
    if len(exponent) > _EXPONENT_DIGITS:
        return _too_small(text) if negative else _too_large(text)
    # The first significant digit stands for 10^order: the figure lies in [10^order, 10^(order+1)).
    shift = -int(exponent) if negative else int(exponent)
    order = len(whole) - 1 - (len(digits) - len(significant)) + shift
    significant = significant.rstrip("0")
    if order > 15 or (order == 15 and significant != "1"):
        return _too_large(text)
    if order < -15:
        return _too_small(text)
    if len(significant) > MAX_DIGITS:
        return f"figure {_excerpt(text)} is too precise: {len(significant)} significant digits, more than 15"
    return None


def fraction_problem(text: str) -> str | None:
    """What puts an exact fraction 'p/q' out of bounds (more than 15 digits above or below the line)."""
    fraction = _FRACTION.fullmatch(text)
    if fraction is None:
        return None
    for part in ("numerator", "denominator"):
        if len(fraction[part]) > MAX_DIGITS:
            return f"fraction {_excerpt(text)} has a {part} of {len(fraction[part])} digits, more than 15"
    return None


def magnitude_problem(number: Fraction) -> str | None:
    """What puts an exact number out of bounds: beyond ±10^15, or not zero but below 10^-15."""
    if abs(number) > MAX_MAGNITUDE:
        return "it is beyond ±10^15"
    if number and abs(number) < MIN_MAGNITUDE:
        return "it is not zero but smaller than 10^-15"
    return None


def _too_large(text: str) -> str:
    return f"figure {_excerpt(text)} is too large: beyond ±10^15"


def _too_small(text: str) -> str:
    return f"figure {_excerpt(text)} is too small: not zero but below 10^-15, it underflows"


def _excerpt(text: str) -> str:
    """The text, or for a long one its ends and its length: a message never repeats 5,000 digits."""
    if len(text) <= 40:
        return text
    return f"{text[:12]}…{text[-6:]} ({len(text)} characters)"
