"""Reading figures: every way a policy text writes a number reads to the same exact value.

Values are :class:`~fractions.Fraction`, never float: 三分之一 is exactly 1/3 and 1.5万 exactly
15000. A figure beyond the bounds of :mod:`policyspec.model.bounds` is refused, with the reason,
before anything converts it.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from policyspec.reading import read_phrase
from policyspec.reading.numerals import figures_in, read_numeral


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("90", 90),
        ("９０", 90),  # full-width digits
        ("1.5", Fraction(3, 2)),
        ("１．５", Fraction(3, 2)),  # full-width point
        ("1.5万", 15000),
        ("8万", 80000),
        ("3千万", 30_000_000),
        ("零", 0),
        ("十", 10),
        ("十二", 12),
        ("三十五", 35),
        ("一百二十", 120),
        ("一百零五", 105),
        ("两千", 2000),
        ("两千五", 2500),  # a final digit counts in the unit below the last one
        ("一万五", 15000),
        ("十二万", 120_000),
        ("三十五万", 350_000),
        ("三亿五千万", 350_000_000),
        ("一万亿", 10**12),
        ("二〇〇七", 2007),  # years are written digit by digit
        ("三分之一", Fraction(1, 3)),
        ("3分之2", Fraction(2, 3)),
        ("百分之八十五", 85),
        ("百分之百", 100),
        ("一半", Fraction(1, 2)),
    ],
)
def test_a_numeral_reads_to_its_exact_value(numeral: str, value: int | Fraction) -> None:
    read = read_numeral(numeral)
    assert read.value == value
    assert isinstance(read.value, Fraction)
    assert read.problem is None


@pytest.mark.parametrize(("numeral", "unit"), [("百分之八十五", "percent"), ("三分之一", "fraction")])
def test_a_share_written_in_words_states_its_unit(numeral: str, unit: str) -> None:
    assert read_numeral(numeral).unit == unit


def test_two_neighbouring_digits_are_an_approximate_range() -> None:
    read = read_numeral("三四")  # 三四个: three or four
    assert (read.value, read.upper) == (Fraction(3), Fraction(4))


@pytest.mark.parametrize("numeral", ["一一", "十一五", "三十四五", "百十"])
def test_a_malformed_numeral_has_no_value_and_says_why(numeral: str) -> None:
    read = read_numeral(numeral)
    assert read.value is None
    assert read.problem


@pytest.mark.parametrize("numeral", ["1" + "0" * 20, "９" * 16, "1234567890.1234567", "一" + "亿" * 3])
def test_a_figure_beyond_the_bounds_is_refused(numeral: str) -> None:
    read = read_numeral(numeral)
    assert read.value is None
    assert read.problem is not None


def test_a_refused_figure_is_still_reported_with_its_problem() -> None:
    (figure,) = read_phrase("１２３４５６７８９０１２３４５６７８９０人").figures
    assert figure.value is None
    assert figure.problem is not None
    assert "10^15" in figure.problem


@pytest.mark.parametrize("placeholder", ["X", "XX", "××", "Ｘ"])
def test_a_placeholder_has_no_value(placeholder: str) -> None:
    read = read_numeral(placeholder)
    assert read.placeholder
    assert read.value is None


@pytest.mark.parametrize(
    ("name", "figures"),
    [
        ("三会一课", (3, 1)),
        ("百村", (100,)),
        ("4+4+2", (4, 4, 2)),
        ("一岗双责", (1, 2)),
        ("〔2004〕5号", (2004, 5)),
    ],
)
def test_the_numerals_of_a_name_are_read_in_order(name: str, figures: tuple[int, ...]) -> None:
    assert figures_in(name) == figures


@pytest.mark.parametrize(
    ("quote", "value", "unit"),
    [
        ("满意率达到90％以上", 90, "percent"),  # 90％ is 90, unit percent: as written
        ("不低于总课时的70%", 70, "percent"),
        ("完成全市1．5万名公务员培训", 15000, "persons"),
        ("增至8万名以上", 80000, "persons"),
        ("不称职票达三分之一以上", Fraction(1, 3), "fraction"),
        ("百分之八十五的党员", 85, "percent"),
        ("每年至少进行两次蹲点调研", 2, "times"),
        ("工作时间不少于6个月", 6, "months"),
        ("每年培训100名左右", 100, "persons"),
        ("脱产培训1个月", 1, "months"),
        ("集中学习教育不少于6天", 6, "days"),
        ("累计不少于40学时", 40, "class-hours"),
        ("补贴不低于3000元", 3000, "yuan"),
        ("投入50万元", 500_000, "yuan"),
        ("撰写1篇调研报告", 1, "reports"),
        ("精读1本理论书籍", 1, "books"),
        ("基层党校达到100所以上", 100, "organisations"),
        ("一年半", Fraction(3, 2), "years"),
    ],
)
def test_a_figure_in_a_quote_reads_with_its_unit(quote: str, value: int | Fraction, unit: str) -> None:
    (figure,) = read_phrase(quote).figures
    assert (figure.value, figure.unit) == (value, unit)


def test_a_measure_word_of_several_units_leaves_the_choice_open() -> None:
    (figure,) = read_phrase("建成市级教育基地20个").figures
    assert figure.unit is None
    assert figure.measure_word == "个"
    assert figure.unit_choices == ("organisations", "sites", "items")


def test_a_measure_word_outside_the_vocabulary_is_kept_as_written() -> None:
    (figure,) = read_phrase("提高5个百分点").figures
    assert (figure.unit, figure.measure_word) == (None, "个百分点")


@pytest.mark.parametrize(
    "text", ["统一思想", "一心为民", "两新组织", "十分重要", "一次性补贴", "三分离制度", "千方百计"]
)
def test_a_chinese_numeral_that_counts_nothing_is_no_figure(text: str) -> None:
    assert read_phrase(text).all_figures == ()
