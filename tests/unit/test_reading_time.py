"""Reading time: deadlines, starts, dates, plan periods, durations and recurrences.

到2010年 is a deadline; 从2003年起 a start, never a deadline; 用5年左右的时间 and 1年内 are
durations; a bare 2008年 is a date that a rule may read as a milestone. 每年 is a recurrence of
P1Y, while 年度 (年度考核) only implies one: it is read as a weaker, 'periodic' statement.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from policyspec.reading import read_phrase


@pytest.mark.parametrize(
    ("quote", "iso", "wording"),
    [
        ("到2010年，满意率达到90％以上", "2010", "by"),
        ("到2010年底", "2010", "by"),
        ("至2010年", "2010", "by"),
        ("2008年底前全面建立", "2008", "before"),
        ("2010年前完成", "2010", "before"),
        ("2010年内完成", "2010", "within"),
        ("2008年6月底前", "2008-06", "before"),
        ("到二〇一〇年", "2010", "by"),
        ("到２０１０年", "2010", "by"),
    ],
)
def test_a_deadline_reads_its_date_and_wording(quote: str, iso: str, wording: str) -> None:
    (deadline,) = read_phrase(quote).deadlines
    assert (deadline.iso, deadline.wording) == (iso, wording)


@pytest.mark.parametrize("quote", ["本实施规划从2003年起全面实施", "2003年起全面实施", "自2003年开始"])
def test_a_start_is_a_start_and_not_a_deadline(quote: str) -> None:
    reading = read_phrase(quote)
    assert reading.deadlines == ()
    (start,) = reading.starts
    assert start.year == 2003


def test_a_start_and_a_deadline_in_one_phrase_are_both_read() -> None:
    reading = read_phrase("从2003年起至2010年")
    assert [d.year for d in reading.starts] == [2003]
    assert [d.year for d in reading.deadlines] == [2010]


@pytest.mark.parametrize(
    ("quote", "iso"),
    [("2008年，全市全面开通党建网站", "2008"), ("（2006年7月20日）", "2006-07-20"), ("二〇〇七年", "2007")],
)
def test_a_bare_date_is_a_date_a_rule_may_read_as_a_milestone(quote: str, iso: str) -> None:
    (date,) = read_phrase(quote).dates
    assert date.iso == iso


@pytest.mark.parametrize(
    ("quote", "iso"), [("2010年13月", "2010"), ("2010年2月30日", "2010-02"), ("2008年2月29日", "2008-02-29")]
)
def test_a_date_keeps_only_what_the_calendar_has(quote: str, iso: str) -> None:
    (date,) = read_phrase(quote).dates
    assert date.iso == iso


def test_a_web_page_stamp_is_read_by_its_year_only() -> None:
    (date,) = read_phrase("06.07.2015  13:31").dates  # 6 July or 7 June: the page does not say
    assert date.iso == "2015"


@pytest.mark.parametrize(
    ("quote", "first", "last"),
    [
        ("“十一五”期间完成培训", 2006, 2010),
        ("十一五期间", 2006, 2010),
        ("“十五”期间", 2001, 2005),
        ("进入“十三五”时期", 2016, 2020),
        ("“十四五”期间", 2021, 2025),
        ("2004－2008年", 2004, 2008),
    ],
)
def test_a_plan_period_reads_its_years(quote: str, first: int, last: int) -> None:
    (period,) = read_phrase(quote).periods
    assert (period.first_year, period.last_year) == (first, last)


@pytest.mark.parametrize(
    "quote", ["为实现“十一五”规划", "十二五规划纲要", "《2004－2008年全国党员教育培训工作规划》"]
)
def test_a_cited_plan_is_cited_and_never_this_document_s_time(quote: str) -> None:
    reading = read_phrase(quote)
    assert reading.periods == ()
    assert reading.deadlines == ()
    assert [statement.kind for statement in reading.statements] == ["cited"]


def test_fifteen_is_a_plan_only_where_it_can_only_be_one() -> None:
    (figure,) = read_phrase("十五个").figures
    assert figure.value == 15


@pytest.mark.parametrize(
    ("quote", "value", "operator"),
    [("用5年左右的时间", 5, "approx"), ("民主推荐结果在1年内有效", 1, "le"), ("用两到三年时间", 2, "range")],
)
def test_a_duration_is_a_duration_not_a_deadline(quote: str, value: int, operator: str) -> None:
    reading = read_phrase(quote)
    assert reading.deadlines == ()
    (duration,) = reading.durations
    assert (duration.value, duration.operator, duration.unit) == (Fraction(value), operator, "years")


@pytest.mark.parametrize(
    ("quote", "every"),
    [
        ("每年", "P1Y"),
        ("每年度", "P1Y"),
        ("每半年", "P6M"),
        ("每季度", "P3M"),
        ("每月", "P1M"),
        ("每个月", "P1M"),
        ("每周", "P1W"),
        ("每天", "P1D"),
        ("每两年", "P2Y"),
        ("每三年", "P3Y"),
        ("每3年", "P3Y"),
        ("每6个月", "P6M"),
        ("两年一次", "P2Y"),
        ("半年一次", "P6M"),
        ("一年累计不少于6天", "P1Y"),
        ("每年底要逐级上报", "P1Y"),
    ],
)
def test_a_recurrence_is_an_iso_duration(quote: str, every: str) -> None:
    (recurrence,) = read_phrase(quote).recurrences
    assert (recurrence.every, recurrence.per_term, recurrence.weak) == (every, False, False)


def test_once_a_term_is_its_own_value() -> None:
    (recurrence,) = read_phrase("每届任期内").recurrences
    assert (recurrence.every, recurrence.per_term) == (None, True)


@pytest.mark.parametrize(
    ("quote", "every", "per_term"),
    [
        ("实行领导干部年度考核", "P1Y", False),
        ("年终按照三个层次作出评价", "P1Y", False),
        ("定期报告工作", None, False),
        ("届中考核", None, True),
    ],
)
def test_an_implied_period_is_a_weaker_periodic_reading(
    quote: str, every: str | None, per_term: bool
) -> None:
    reading = read_phrase(quote)
    assert reading.recurrences == ()
    (periodic,) = reading.periodic
    assert (periodic.every, periodic.per_term, periodic.weak) == (every, per_term, True)


@pytest.mark.parametrize("quote", ["2007年度", "村两委换届中"])
def test_a_year_of_account_or_an_election_is_no_period(quote: str) -> None:
    assert read_phrase(quote).periodic == ()


def test_a_recurring_figure_reads_both_its_figure_and_its_recurrence() -> None:
    reading = read_phrase("每年举办“改革发展高层论坛”、“东林学习讲坛”10次以上")
    (figure,) = reading.figures
    (recurrence,) = reading.recurrences
    assert (figure.operator, figure.value, figure.unit, recurrence.every) == (
        "ge",
        Fraction(10),
        "times",
        "P1Y",
    )
