"""Figures near and beyond the bounds of :mod:`policyspec.model.bounds`, as data and as YAML text.

As data (``FIGURES``): what the models accept, with the edges drawn often: ±10^15, 15-digit
significands, 10^-15, fractions with 15 digits above and below the line. As text
(``figure_texts``): the same figures in every notation YAML 1.2 reads as a number (decimal,
``0x``, ``0o``, exponent, decimal point, signed) and as exact fractions ``p/q``, plain or quoted,
each with the exact value it stands for. ``beyond_texts`` writes figures just past a bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from hypothesis import strategies as st

from policyspec.model.bounds import MAX_DIGITS, MAX_MAGNITUDE

__all__ = ["BEYOND_FIGURES", "FIGURES", "FigureText", "beyond_texts", "figure_texts"]

_TOP = 10**MAX_DIGITS - 1  # the largest 15-digit significand
_EDGE_INTS = [0, 1, -1, MAX_MAGNITUDE, -MAX_MAGNITUDE, MAX_MAGNITUDE - 1, -(MAX_MAGNITUDE - 1), 10**14]
_INTS = st.sampled_from(_EDGE_INTS) | st.integers(-MAX_MAGNITUDE, MAX_MAGNITUDE) | st.integers(-10, 10**7)
_SIGNIFICANDS = st.sampled_from([1, 5, 15, _TOP, 10**14, 123456789012345]) | st.integers(1, _TOP)


@st.composite
def _decimal(draw: st.DrawFn) -> tuple[int, int]:
    """A significand of at most 15 digits and an exponent that keep it within 10^-15 and 10^15."""
    significand: int = draw(_SIGNIFICANDS)
    digits = len(str(significand))
    low, high = -MAX_DIGITS - (digits - 1), MAX_DIGITS - 1 - (digits - 1)  # order from -15 to 14
    exponent: int = draw(st.sampled_from([low, high, 0]) | st.integers(low, high))
    return significand, exponent


def _as_float(parts: tuple[int, int]) -> float:
    return float(f"{parts[0]}e{parts[1]}")  # its shortest text has at most 15 digits: exact


_FLOATS = (
    st.sampled_from([1e15, -1e15, 1e-15, -1e-15, 0.0, 0.5, 1.5e-7])
    | st.builds(_as_float, _decimal())
    | st.builds(lambda x: -x, st.builds(_as_float, _decimal()))
)
_PARTS = st.sampled_from([1, 3, _TOP, _TOP - 1]) | st.integers(1, _TOP)
_FRACTIONS = st.builds(
    lambda sign, p, q: f"{sign}{p}/{q}", st.sampled_from(["", "-"]), _PARTS | st.just(0), _PARTS
)

FIGURES: st.SearchStrategy[int | float | str] = st.one_of(_INTS, _FLOATS, _FRACTIONS)
"""A figure the models accept (``Target.value``): int, float or 'p/q', near the bounds often."""

BEYOND_FIGURES: st.SearchStrategy[int | float | str] = st.one_of(
    st.sampled_from([MAX_MAGNITUDE + 1, -(MAX_MAGNITUDE + 1), 10**20, -(10**300)]),
    st.integers(MAX_MAGNITUDE + 1, 10**40).flatmap(lambda n: st.sampled_from([n, -n])),
    st.sampled_from([1.5e15, -2e15, 1e16, 1e300, -1e300]),
    st.builds("{}/{}".format, st.integers(10**MAX_DIGITS, 10**20), st.integers(1, 99)),
    st.builds("1/{}".format, st.integers(10**MAX_DIGITS, 10**20)),
)
"""A figure the models refuse by its size alone (and that YAML text would hold as PS013)."""


@dataclass(frozen=True)
class FigureText:
    """A figure as a spec may write it, and the exact number it stands for."""

    text: str
    value: Fraction


def _int_texts(n: int) -> list[str]:
    sign = "-" if n < 0 else ""
    texts = [str(n), sign + "00" + str(abs(n))]
    if n >= 0:  # YAML 1.2 has no signed hexadecimal or octal numbers
        texts += [f"0x{n:x}", f"0x{n:X}", f"0o{n:o}", "+" + str(n)]
    return texts


def _decimal_texts(significand: int, exponent: int, sign: str) -> list[str]:
    digits = str(significand)
    texts = [f"{sign}{digits}e{exponent}", f"{sign}{digits}E{exponent:+d}"]
    texts.append(f"{sign}{digits[0]}.{digits[1:] or '0'}e{exponent + len(digits) - 1}")
    if exponent >= 0:
        texts.append(f"{sign}{digits}{'0' * exponent}.0")
    else:
        padded = digits.rjust(-exponent + 1, "0")
        whole, part = padded[:exponent], padded[exponent:]
        texts.append(f"{sign}{whole}.{part}")
        if whole == "0":
            texts.append(f"{sign}.{part}")
    return texts


@st.composite
def figure_texts(draw: st.DrawFn, *, negative: bool = True) -> FigureText:
    """A figure within the bounds, written in any notation a spec may use."""
    kind = draw(st.sampled_from(["int", "decimal", "fraction", "edge"]))
    signs = ["", "-"] if negative else [""]
    if kind == "int":
        n = draw(_INTS if negative else _INTS.map(abs))
        return FigureText(draw(st.sampled_from(_int_texts(n))), Fraction(n))
    if kind == "decimal":
        significand, exponent = draw(_decimal())
        sign = draw(st.sampled_from(signs))
        value = Fraction(significand) * Fraction(10) ** exponent * (-1 if sign else 1)
        return FigureText(draw(st.sampled_from(_decimal_texts(significand, exponent, sign))), value)
    if kind == "fraction":
        sign, p, q = draw(st.sampled_from(signs)), draw(_PARTS), draw(_PARTS)
        text = f"{sign}{p}/{q}"
        quoted = draw(st.booleans())
        return FigureText(f'"{text}"' if quoted else text, Fraction(-p if sign else p, q))
    edges = ["1e15", "1E+15", "1000000000000000.0", "0x38D7EA4C68000", "0o34327724461500000", "1e-15"]
    edges += ["0.000000000000001", "999999999999999/1", "1/999999999999999", "0", "0.0", "0e999"]
    text = draw(st.sampled_from(edges))
    value = Fraction(int(text, 0)) if text.startswith(("0x", "0o")) else Fraction(text)
    return FigureText(text, value)


def beyond_texts() -> st.SearchStrategy[str]:
    """A figure just or far past a bound, in any notation: each is PS013 to the parser."""
    return st.sampled_from(
        [
            "1000000000000001",
            "-1000000000000001",
            "9" * 5001,
            "0x38D7EA4C68001",
            "0x" + "f" * 4000,
            "0o34327724461500001",
            "1.000000000000001e15",
            "1e16",
            "-1e16",
            "1E+999999999",
            "1e-16",
            "-9.99e-16",
            "3e-400",
            "1.0000000000000001",
            "0.1234567890123456",
            "1000000000000001/3",
            "1/1000000000000000",
            '"1/1000000000000000"',
            "1/" + "9" * 5000,
        ]
    )
