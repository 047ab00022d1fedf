"""From a matched figure token to a :class:`Figure` and its kind: figure, duration, tier, scope …

The token says the numeral, a range's upper end, the measure word and a threshold word after it;
a glance at the characters just before it says the rest: 用5年左右的时间 is a duration, 列后3位 a
rank, 35岁以下 a scope (who a figure applies to), 三级 a tier. Threshold words *before* a figure
are the scanner's business, since they may stand a few words away.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from policyspec.reading.numerals import figures_in, read_numeral
from policyspec.reading.thresholds import MULTIPLIER_BY_RELATIVE, OPERATOR_BY_SUFFIX
from policyspec.reading.units import TIME_UNITS, units_of
from policyspec.reading.values import Figure

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

    from policyspec.model.vocabulary import Operator, Unit
    from policyspec.reading.values import StatementKind

__all__ = ["read_figure", "read_heading", "read_indefinite", "read_ordinal", "read_relative"]

_DURATION_LEAD = ("用", "经过", "花", "历时")  # 用5年左右的时间: the time a task takes
_RANK_WORDS = frozenset({"位", "名"})
_TIER_WORDS = frozenset({"级", "个层次"})
_CIRCLED = {chr(0x2460 + index): index + 1 for index in range(20)}  # ① to ⑳


def read_figure(match: re.Match[str], text: str) -> tuple[StatementKind, Figure] | None:
    """The kind and figure of a figure token; None for a Chinese numeral without a measure word."""
    figure = _figure(match)
    if figure is None:
        return None
    if figure.measure_word in _RANK_WORDS and _ranked(text, figure.start):
        operator: Operator = "le" if figure.operator == "eq" else figure.operator
        figure = replace(figure, operator=operator, unit="rank", unit_choices=())  # 列后3位: last three
    return _kind(figure, match, text), figure


def _ranked(text: str, start: int) -> bool:
    """前/后 right before a figure count places in a ranking, unless they end a date (2008年底前)."""
    before = text[max(0, start - 2) : start]
    return before[-1:] in ("前", "后") and before[:1] not in ("年", "底", "末", "月", "日")


def read_heading(match: re.Match[str]) -> Figure:
    """The number of a heading or enumeration: 一、 is 1, （二十一） 21, ③ 3."""
    group = "heading" if match["heading"] is not None else "enumeration"
    start, end = match.span(group)
    number = match[group]
    if number in _CIRCLED:
        return Figure(start, end, Fraction(_CIRCLED[number]))
    numeral = read_numeral(number.strip("（）()、.． \t　"))
    return Figure(start, end, numeral.value, problem=numeral.problem)


def read_ordinal(match: re.Match[str]) -> Figure:
    """第十一次 is 11, 十六大 16; 第X (a placeholder) has no value."""
    start, end = match.span()
    value = next(iter(figures_in(match.group())), None)
    placeholder = any(char in "XＸ" for char in match.group())
    problem = None if value is not None or placeholder else f"{match.group()} reads as no number"
    return Figure(start, end, value, placeholder=placeholder, problem=problem)


def read_indefinite(match: re.Match[str]) -> Figure:
    """一批 says one batch (of an unstated size); 几件 says no number at all."""
    start, end = match.span()
    word = match.group().lstrip("一大几")
    value = Fraction(1) if match.group().startswith("一") else None
    return Figure(start, end, value, unit=_single(units_of(word)), measure_word=word)


def read_relative(match: re.Match[str]) -> Figure:
    """翻一番 doubles its reference quantity, 翻两番 quadruples it: a multiple, relative."""
    start, end = match.span()
    multiplier = Fraction(MULTIPLIER_BY_RELATIVE[match.group()])
    return Figure(start, end, multiplier, unit="multiple", measure_word="番", relative=True)


def _figure(match: re.Match[str]) -> Figure | None:
    numeral = read_numeral(match["fig_value"])
    word = match["fig_word"]
    upper_text, suffix, more = match["fig_upper"], match["fig_suffix"], match["fig_more"]
    if numeral.chinese and word == "分":
        word = None  # 分 counts points only after digits: 三分离 (three-way separation), 十分 (very)
    if numeral.chinese and not (word or suffix or upper_text or numeral.unit):
        return None
    value, upper, problem = numeral.value, numeral.upper, numeral.problem
    operator: Operator = "range" if upper is not None else "eq"
    others: tuple[Operator, ...] = ("approx",) if upper is not None else ()  # 三四个: three or four
    if upper_text is not None:
        upper_numeral = read_numeral(upper_text)
        operator, upper = "range", upper_numeral.value
        problem = problem or upper_numeral.problem
    if match["fig_half"] and value is not None:
        value += Fraction(1, 2)  # 一年半
    operator_span = None
    for word_after, group in ((more, "fig_more"), (suffix, "fig_suffix")):
        if word_after is not None:
            read = OPERATOR_BY_SUFFIX[word_after]
            if operator == "eq":
                operator, operator_span = read, match.span(group)
            elif read != operator:
                others = (*others, read)
    choices = units_of(word)
    unit = numeral.unit or _single(choices)
    start, end = match.span()
    return Figure(
        start,
        end,
        value,
        operator,
        upper=upper,
        unit=unit,
        measure_word=word,
        unit_choices=choices if unit is None else (),
        relative=word == "倍",
        placeholder=numeral.placeholder,
        other_operators=others,
        operator_span=operator_span,
        problem=problem,
    )


def _kind(figure: Figure, match: re.Match[str], text: str) -> StatementKind:
    if figure.placeholder:
        return "placeholder"
    if figure.measure_word in _TIER_WORDS:
        return "tier"
    if figure.measure_word == "岁":
        return "scope"
    if figure.unit in TIME_UNITS:
        within = (match["fig_suffix"] or "").endswith("内")  # 1年内, 3个月以内
        if within or text[max(0, figure.start - 2) : figure.start].endswith(_DURATION_LEAD):
            return "duration"
    return "figure"


def _single(choices: tuple[Unit, ...]) -> Unit | None:
    return choices[0] if len(choices) == 1 else None
