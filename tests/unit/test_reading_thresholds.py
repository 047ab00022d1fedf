"""Reading threshold phrases: the operator table of docs/encoding.md, ranges and relative figures.

A word after a figure (以上, 以下, 左右) binds only right after the figure or its measure word,
so 县（处）级以上 is a scope; 约 and 不足 must touch their figure (约束, 不足之处 are no
thresholds). Where a reading competes with another, both are returned, the second in
``other_operators``: the reader never picks one silently.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from policyspec.reading import read_phrase


@pytest.mark.parametrize(
    ("quote", "operator"),
    [
        ("满意率达到90％以上", "ge"),
        ("每年不少于12次", "ge"),
        ("每年至少精读1本", "ge"),
        ("不低于总课时的70%", "ge"),
        ("组建率超过90％", "gt"),
        ("多于3次", "gt"),
        ("高于60％", "gt"),
        ("100多个", "gt"),
        ("300余人", "gt"),
        ("每人不超过3个", "le"),
        ("不高于5％", "le"),
        ("控制在5％以内", "le"),
        ("30人以下", "le"),
        ("低于60％的", "lt"),
        ("少于2次", "lt"),
        ("不足10人", "lt"),
        ("每年轮训300名左右", "approx"),
        ("约5000人", "approx"),
        ("建成市级教育基地20个", "eq"),  # a bare figure
        ("达到100％", "eq"),
        ("每年组织开展1次述学活动", "eq"),
    ],
)
def test_the_threshold_phrase_gives_the_operator(quote: str, operator: str) -> None:
    (figure,) = read_phrase(quote).figures
    assert figure.operator == operator


@pytest.mark.parametrize(
    "quote",
    ["县（处）级以上党委中心组", "大学本科以上文化程度", "加强对权力的制约", "约束机制", "查找不足之处"],
)
def test_a_scope_or_a_word_that_only_contains_a_threshold_reads_no_figure(quote: str) -> None:
    assert read_phrase(quote).statements == ()


def test_an_age_before_a_share_is_a_scope_and_the_share_is_the_figure() -> None:
    reading = read_phrase("35岁以下占75％以上")
    (figure,) = reading.figures
    assert (figure.value, figure.operator, figure.unit) == (Fraction(75), "ge", "percent")
    (scope,) = reading.of_kind("scope")
    assert scope.text == "35岁以下"


def test_the_operator_span_points_at_the_threshold_word() -> None:
    quote = "每年至少听取2次工作汇报"
    (figure,) = read_phrase(quote).figures
    assert figure.operator_span is not None
    assert quote[slice(*figure.operator_span)] == "至少"


def test_a_word_before_the_figure_may_stand_a_few_words_away() -> None:
    (figure,) = read_phrase("按照不低于当地农民人均纯收入两倍的标准").figures
    assert (figure.operator, figure.value, figure.unit, figure.relative) == (
        "ge",
        Fraction(2),
        "multiple",
        True,
    )


def test_a_word_before_the_figure_does_not_reach_across_a_clause() -> None:
    (figure,) = read_phrase("不少于规定，完成3次").figures
    assert figure.operator == "eq"


def test_an_enumeration_offers_the_first_figure_s_operator_as_a_rival_reading() -> None:
    first, second, third = read_phrase(
        "每名领导干部每年至少精读1本理论书籍、开展1次专题学习调研、撰写1篇调研报告"
    ).figures
    assert first.operator == "ge"
    assert (second.operator, second.other_operators) == ("eq", ("ge",))
    assert (third.operator, third.other_operators) == ("eq", ("ge",))


@pytest.mark.parametrize(
    ("quote", "value", "upper", "unit"),
    [
        ("努力推出1－3名先进典型", 1, 3, "persons"),
        ("每村建立3～7人的后备干部队伍", 3, 7, "persons"),
        ("举办2-3次", 2, 3, "times"),
        ("培育3至5个示范点", 3, 5, None),
        ("轮训两到三天", 2, 3, "days"),
    ],
)
def test_a_range_reads_its_two_ends(quote: str, value: int, upper: int, unit: str | None) -> None:
    (figure,) = read_phrase(quote).figures
    assert (figure.operator, figure.value, figure.upper, figure.unit) == (
        "range",
        Fraction(value),
        Fraction(upper),
        unit,
    )


def test_three_or_four_is_a_range_that_is_also_an_approximation() -> None:
    (figure,) = read_phrase("选派三四个工作组").figures
    assert (figure.operator, figure.value, figure.upper) == ("range", Fraction(3), Fraction(4))
    assert figure.other_operators == ("approx",)


@pytest.mark.parametrize(("quote", "multiplier"), [("翻一番", 2), ("翻两番", 4), ("增长1倍", 1), ("两倍", 2)])
def test_a_relative_threshold_is_a_multiple_of_its_reference(quote: str, multiplier: int) -> None:
    (figure,) = read_phrase(quote).figures
    assert (figure.value, figure.unit, figure.relative) == (Fraction(multiplier), "multiple", True)


@pytest.mark.parametrize("quote", ["列后3位", "被评为后10位", "前10名"])
def test_a_place_counted_from_an_end_of_a_ranking_is_at_most_that_rank(quote: str) -> None:
    (figure,) = read_phrase(quote).figures
    assert (figure.operator, figure.unit) == ("le", "rank")


def test_a_half_is_exact() -> None:
    (figure,) = read_phrase("半年").figures
    assert figure.value == Fraction(1, 2)
