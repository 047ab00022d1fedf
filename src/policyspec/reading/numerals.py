"""Numerals as policy texts write them, read to exact values: 90, ９０, 1.5万, 三十五, 两千, 三分之一.

The patterns here carry no groups, so the scanner can embed them wherever a numeral may stand;
:func:`read_numeral` then reads the text one matched. A numeral is judged by the figure bounds of
:mod:`policyspec.model.bounds` before anything converts it, so 5,000 digits never become an int.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from policyspec.model.bounds import magnitude_problem, number_problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from policyspec.model.vocabulary import Unit

__all__ = [
    "ARABIC",
    "CHINESE",
    "CHINESE_DIGIT_CHARS",
    "NUMERAL",
    "PLACEHOLDER",
    "UPPER_NUMERAL",
    "Numeral",
    "figures_in",
    "read_numeral",
    "to_ascii_digits",
]

CHINESE_DIGIT_CHARS = "〇零○一二两三四五六七八九"
_DIGITS = {char: index for index, char in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0, "两": 2}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10**4, "亿": 10**8}
_MULTIPLIERS = _SMALL_UNITS | _LARGE_UNITS
_MAX_CHINESE = 30  # characters: beyond this a run is no figure a policy writes (亿亿亿… would explode)
_TO_ASCII = str.maketrans("０１２３４５６７８９．", "0123456789.")

ARABIC = r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[百千万亿]{1,2})?"
"""Arabic or full-width digits, a decimal part, and a multiplier (1.5万, 8万, 3千万)."""
CHINESE = f"[{CHINESE_DIGIT_CHARS}十][{CHINESE_DIGIT_CHARS}十百千万亿]*"
"""A run of Chinese numerals. It never starts with 百/千/万/亿: 百姓, 千方百计, 万众 are words."""
PLACEHOLDER = r"(?<![A-Za-z0-9])[XＸ×]{1,3}(?![A-Za-z0-9])"
"""X, XX, ××: a value (or a name) the published text left open."""
_HALF = r"(?<![上下多大一])半(?=个月|年|天|小时|数)"
_FRACTION_PART = f"(?:[0-9０-９]+|{CHINESE})"
NUMERAL = (
    f"百分之(?:{_FRACTION_PART}|百)|百分百|{_FRACTION_PART}分之{_FRACTION_PART}"
    f"|{ARABIC}|一半|{CHINESE}|{_HALF}|{PLACEHOLDER}"
)
"""Any numeral, longest reading first: 百分之八十五, 三分之一, 1.5万, 三十五, 半(年), X."""
UPPER_NUMERAL = f"{ARABIC}|{CHINESE}"
"""The upper end of a range (3～7, 两到三): digits or Chinese numerals."""


@dataclass(frozen=True, slots=True)
class Numeral:
    """What a numeral says: its exact value, or why it has none (a placeholder, an absurd figure)."""

    value: Fraction | None
    unit: Unit | None = None  # 百分之 states percent, 分之 a fraction, before any measure word
    upper: Fraction | None = None  # 三四 (three or four): an approximate range
    placeholder: bool = False
    chinese: bool = False
    problem: str | None = None


def to_ascii_digits(text: str) -> str:
    """Full-width digits and point as ASCII: ９０ is 90, １．５ is 1.5."""
    return text.translate(_TO_ASCII)


def read_numeral(text: str) -> Numeral:
    """Read one numeral matched by :data:`NUMERAL` to its exact value."""
    if len(text) <= _CACHED_LENGTH:
        return _read_short(text)  # texts repeat their numerals: 1, 2, 一, 10 …
    return _read(text)


_CACHED_LENGTH = 24


@lru_cache(maxsize=4096)
def _read_short(text: str) -> Numeral:
    return _read(text)


def _read(text: str) -> Numeral:
    if text in {"百分百", "百分之百"}:
        return Numeral(Fraction(100), unit="percent", chinese=True)
    if text.startswith("百分之"):
        percent = read_numeral(text[3:])
        return Numeral(percent.value, unit="percent", chinese=percent.chinese, problem=percent.problem)
    if "分之" in text:
        return _fraction(*text.split("分之", 1))
    if text in {"一半", "半"}:
        return Numeral(Fraction(1, 2), chinese=True)
    if text.strip("XＸ×") == "":
        return Numeral(None, placeholder=True)
    if text[0] in "0123456789０１２３４５６７８９":
        return _arabic(text)
    return _chinese(text)


def _fraction(denominator_text: str, numerator_text: str) -> Numeral:
    denominator, numerator = read_numeral(denominator_text), read_numeral(numerator_text)
    problem = denominator.problem or numerator.problem
    if problem is not None or denominator.value is None or numerator.value is None:
        return Numeral(None, unit="fraction", problem=problem or "an unreadable fraction")
    if denominator.value == 0:
        return Numeral(None, unit="fraction", problem="a fraction over zero")
    return Numeral(numerator.value / denominator.value, unit="fraction", chinese=True)


def _arabic(text: str) -> Numeral:
    digits = to_ascii_digits(text)
    stem = digits.rstrip("百千万亿")
    problem = number_problem(stem)
    if problem is not None:
        return Numeral(None, problem=problem)
    value = Fraction(stem)
    for multiplier in digits[len(stem) :]:
        value *= _MULTIPLIERS[multiplier]
    return _checked(value, chinese=False)


def _chinese(text: str) -> Numeral:
    if len(text) > _MAX_CHINESE:
        return Numeral(None, chinese=True, problem=f"a run of {len(text)} Chinese numerals is no figure")
    if not any(char in _MULTIPLIERS for char in text):
        return _digit_wise(text)
    value = _positional(text)
    if value is None:
        return Numeral(None, chinese=True, problem=f"{text} is not a well-formed numeral")
    return _checked(Fraction(value), chinese=True)


def _digit_wise(text: str) -> Numeral:
    """二〇〇七 is 2007; 三四 (three or four) is an approximate range; 一一 reads as nothing."""
    digits = [_DIGITS[char] for char in text]
    if len(digits) == 1:
        return Numeral(Fraction(digits[0]), chinese=True)
    if len(digits) == 2 and 0 < digits[0] < digits[1]:
        return Numeral(Fraction(digits[0]), upper=Fraction(digits[1]), chinese=True)
    if len(digits) >= 3 and len(digits) <= 15:
        return Numeral(Fraction(int("".join(map(str, digits)))), chinese=True)
    return Numeral(None, chinese=True, problem=f"{text} is not a well-formed numeral")


def _positional(text: str) -> int | None:
    """Read 十二万三千, 一百零五, 两千五 (2500: a final digit counts in the unit below the last)."""
    high = 0  # completed 亿 groups
    myriads = 0  # the completed 万 group below them
    section = 0  # below 万
    digit: int | None = None
    previous = ""
    smallest = 10**4  # the last small unit of the section: they must fall, 千 then 百 then 十
    for char in text:
        if char in _DIGITS:
            if digit is not None and previous not in "零〇○":
                return None  # 三四十: two digits in a row
            digit = _DIGITS[char]
        elif char in _SMALL_UNITS:
            unit = _SMALL_UNITS[char]
            if unit >= smallest or (digit is None and (char != "十" or section or myriads or high)):
                return None
            section += (digit if digit else 1) * unit
            digit, smallest = None, unit
        else:
            group = section + (digit or 0)
            if char == "万":
                if not group or myriads:
                    return None
                myriads = group * _LARGE_UNITS["万"]
            elif myriads + group:
                high, myriads = (high + myriads + group) * _LARGE_UNITS["亿"], 0
            else:
                return None
            section, digit, smallest = 0, None, 10**4
        previous = char
    if digit and len(text) >= 2 and text[-2] in _MULTIPLIERS:
        digit *= _MULTIPLIERS[text[-2]] // 10  # 两千五 is 2500, 十五 is 15
    return high + myriads + section + (digit or 0)


def _checked(value: Fraction, *, chinese: bool) -> Numeral:
    problem = magnitude_problem(value)
    if problem is not None:
        return Numeral(None, chinese=chinese, problem=f"figure refused: {problem}")
    return Numeral(value, chinese=chinese)


_NUMERAL_RUN = re.compile(f"[0-9０-９]+|[{CHINESE_DIGIT_CHARS}十百千万亿双]+")


def figures_in(name: str) -> tuple[Fraction, ...]:
    """The numerals of a name, in order, as far as they read: 三会一课 (3, 1), 百村 (100,), 4+4+2."""
    return _figures_in_short(name) if len(name) <= _CACHED_LENGTH else _figures_in(name)


@lru_cache(maxsize=1024)
def _figures_in_short(name: str) -> tuple[Fraction, ...]:
    return _figures_in(name)


def _figures_in(name: str) -> tuple[Fraction, ...]:
    found: list[Fraction] = []
    for run in _NUMERAL_RUN.findall(name):
        numeral = run.replace("双", "两")
        if numeral[0] in "百千万亿":
            numeral = "一" + numeral  # 百村 is a hundred villages
        value = read_numeral(numeral).value
        if value is not None:
            found.append(value)
    return tuple(found)
