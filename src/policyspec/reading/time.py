"""Time in a policy text: deadlines, starts, dates, plan periods and recurrences.

到2010年 is a deadline, 从2003年起 a start (never a deadline), a bare 2008年 a date that a rule may
read as a milestone, “十一五”期间 the plan period 2006–2010, 每年 a recurrence of P1Y and 年度 a
weaker, periodic one (年度考核 is yearly; whether the sentence requires the act is a rule's call).
The patterns name their groups with their own prefixes, so the scanner can join them in one.
"""

from __future__ import annotations

import re

from policyspec.reading.numerals import read_numeral, to_ascii_digits
from policyspec.reading.values import Dated, Period, Recurrence

TYPE_CHECKING = False
if TYPE_CHECKING:
    from policyspec.reading.values import DatedWording, StatementKind

__all__ = [
    "DATE",
    "DATE_STAMP",
    "PERIODIC",
    "PLAN_PERIOD",
    "RECURRENCE",
    "YEARS_BY_PLAN",
    "YEAR_SPAN",
    "read_date",
    "read_date_stamp",
    "read_periodic",
    "read_plan_period",
    "read_recurrence",
    "read_year_span",
]

_CHINESE_DIGIT = "[〇零○一二三四五六七八九]"
_YEAR = (
    rf"(?:19|20)[0-9]{{2}}|(?:１９|２０)[０-９]{{2}}|一九{_CHINESE_DIGIT}{{2}}|二[〇零○]{_CHINESE_DIGIT}{{2}}"
)
_MONTH_OR_DAY = r"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}"
_DASH = "[－\\-—–～~〜至到]"

DATE = (
    r"(?P<date_pre>截止到|截至|截止|到|至|从|自|于|在)?"
    rf"(?P<date_year>{_YEAR})年(?:度)?"
    rf"(?:(?P<date_month>{_MONTH_OR_DAY})月份?(?:(?P<date_day>{_MONTH_OR_DAY})[日号])?)?"
    r"(?P<date_end>年底|年末|底|末)?"
    r"(?P<date_post>前后|以前|之前|前|以内|之内|内|起|开始|以来|以后|之后|后)?"
)
"""A year, perhaps a month and day, and the words that tie it: 到2010年底, 2008年6月底前, 2003年起."""
YEAR_SPAN = rf"(?P<span_first>{_YEAR})年?(?:度)?{_DASH}(?P<span_last>{_YEAR})年(?:度)?"
"""Two years joined: 2004－2008年, 2013-2017年, 2003年至2010年."""
DATE_STAMP = (
    r"(?P<stamp_day_month>[0-9]{1,2}(?P<stamp_sep>[./])[0-9]{1,2})(?P=stamp_sep)(?P<stamp_year>(?:19|20)[0-9]{2})"
    r"(?:[^\S\n]+[0-9]{1,2}:[0-9]{2})?(?![0-9])"
    r"|(?P<iso_year>(?:19|20)[0-9]{2})(?P<iso_sep>[-/.])(?P<iso_month>0?[1-9]|1[0-2])(?P=iso_sep)"
    r"(?P<iso_day>0?[1-9]|[12][0-9]|3[01])(?![0-9.％%])"
)
"""A date as a web page stamps it (06.07.2015  13:31): day and month order unknown, so only the year."""

YEARS_BY_PLAN = {
    "九五": (1996, 2000),
    "十五": (2001, 2005),
    "十一五": (2006, 2010),
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}
"""The five-year plans by their short names (“十一五” is the 11th, 2006–2010)."""
_PLAN = "十[一二三四五]?五|九五"
_PLAN_WORDS = "期间|时期|末|初|规划|计划|纲要|以来"
PLAN_PERIOD = rf"(?P<plan>(?<=“)(?:{_PLAN})(?=”)|(?:{_PLAN})(?=”?(?:{_PLAN_WORDS})))"
"""A plan's short name where it can only be one: in quotes, or before 期间/规划 …; 十五个 is 15."""
_CITED_PLAN = re.compile("”?(?:规划|计划|纲要)")

RECURRENCE = (
    r"每(?P<every_count>[一二两三四五六七八九十]|[0-9０-９]{1,2})?个?(?P<every_unit>半年|年度?|季度?|月|周|星期|天|日|届)"
    r"|(?P<once_count>[一二两三四五半]|[0-9０-９]{1,2})(?P<once_unit>年|个月|季度|周)(?=一[次轮届遍])"
    r"|(?P<yearly_total>[一全]年)(?=累计)"
)
"""每年, 每两年, 每半年, 每季度, 每月, 每周, 每届; 两年一次; 一年累计 (a yearly total)."""
PERIODIC = r"(?P<periodic>年度|年终|年初|定期|(?<!换)届中|届末)"
"""Words that imply a period without stating a frequency: 年度考核, 年终评价, 定期报告, 届中考核.

换届中 is during an election, not mid-term.
"""

_MONTHS_BY_UNIT = {"年": 12, "年度": 12, "半年": 6, "季": 3, "季度": 3, "月": 1, "个月": 1}
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def read_recurrence(match: re.Match[str]) -> Recurrence:
    """每N年 is PNY, 每半年 P6M, 每季度 P3M, 每月 P1M, 每周 P1W, 每天 P1D; 每届 once per term."""
    start, end = match.span()
    if match["yearly_total"] is not None:
        return Recurrence(start, end, "P1Y")
    unit = match["every_unit"] or match["once_unit"]
    count_text = match["every_count"] or match["once_count"]
    if unit == "届":
        return Recurrence(start, end, None, per_term=True)
    count = _count(count_text)
    if count_text == "半":
        unit, count = "半年", 1
    if count < 1:
        return Recurrence(start, end, None)  # 每0年 states no frequency a duration can carry
    if unit in _MONTHS_BY_UNIT:
        months = count * _MONTHS_BY_UNIT[unit]
        every = f"P{months // 12}Y" if months % 12 == 0 else f"P{months}M"
    elif unit in ("周", "星期"):
        every = f"P{count}W"
    else:
        every = f"P{count}D"
    return Recurrence(start, end, every)


def read_periodic(match: re.Match[str]) -> Recurrence:
    """A weak recurrence: yearly for 年度/年终/年初, per term for 届中/届末, unstated for 定期."""
    word = match["periodic"]
    start, end = match.span()
    if word in ("届中", "届末"):
        return Recurrence(start, end, None, per_term=True, weak=True)
    return Recurrence(start, end, None if word == "定期" else "P1Y", weak=True)


def read_date(match: re.Match[str]) -> tuple[StatementKind, Dated]:
    """A dated phrase, with the kind its wording gives it: deadline, start or date."""
    pre, post, end_word = match["date_pre"], match["date_post"], match["date_end"]
    wording: DatedWording = "at"
    kind: StatementKind = "date"
    if pre in ("从", "自") or post in ("起", "开始"):
        kind, wording = "start", "from"
    elif pre in ("到", "至", "截至", "截止", "截止到"):
        kind, wording = "deadline", "by"
    elif post in ("前", "以前", "之前"):
        kind, wording = "deadline", "before"
    elif post in ("内", "以内", "之内"):
        kind, wording = "deadline", "within"
    elif post == "以来":
        wording = "since"
    elif post in ("后", "以后", "之后"):
        wording = "after"
    elif end_word is not None and post is None:
        kind, wording = "deadline", "end-of"
    year = _year(match["date_year"])
    month = _count(match["date_month"]) if match["date_month"] else None
    day = _count(match["date_day"]) if match["date_day"] and month else None
    month, day = _calendar(year, month, day)
    start, end = match.span()
    if pre in ("于", "在") and kind == "date":
        start = match.start("date_year")  # 于/在 tie nothing: the statement is the date itself
    return kind, Dated(start, end, year, month, day, end_of=end_word is not None, wording=wording)


def read_date_stamp(match: re.Match[str]) -> Dated:
    """A stamped date: 2015.06.30 fully, 06.07.2015 by its year only (day and month may be either)."""
    start, end = match.span()
    if match["iso_year"] is not None:
        year = int(match["iso_year"])
        month, day = _calendar(year, int(match["iso_month"]), int(match["iso_day"]))
        return Dated(start, end, year, month, day)
    return Dated(start, end, int(match["stamp_year"]))


def read_year_span(match: re.Match[str]) -> Period:
    start, end = match.span()
    return Period(start, end, _year(match["span_first"]), _year(match["span_last"]))


def read_plan_period(match: re.Match[str], text: str) -> tuple[StatementKind, Period]:
    """“十一五”期间 is the period 2006–2010; “十一五”规划 names a cited plan, not this document's time."""
    name = match["plan"]
    first, last = YEARS_BY_PLAN[name]
    start, end = match.span()
    kind: StatementKind = "cited" if _CITED_PLAN.match(text, end) else "period"
    return kind, Period(start, end, first, last, name=name)


def _year(text: str) -> int:
    if text[0] in "12１２":
        return int(to_ascii_digits(text))
    return int(read_numeral(text).value or 0)  # 二〇〇七: digit by digit (the pattern admits no other)


def _count(text: str | None) -> int:
    if not text:
        return 1
    value = read_numeral(text).value
    return int(value) if value is not None and value.denominator == 1 else 0


def _calendar(year: int, month: int | None, day: int | None) -> tuple[int | None, int | None]:
    """Keep a month and day only if the calendar has them: 2010年13月 is read as the year alone."""
    if month is None or not 1 <= month <= 12:
        return None, None
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    last = 28 if month == 2 and not leap else _DAYS_IN_MONTH[month - 1]
    if day is not None and not 1 <= day <= last:
        return month, None
    return month, day
