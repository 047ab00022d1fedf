"""Properties of the phrase reader that hold for every phrase, not just the examples.

* A reading rendered as a phrase — its figure in Arabic, full-width or Chinese numerals, with a
  threshold word, a measure word, a recurrence and a deadline — reads back to the same reading.
* Whatever the text, reading never fails, every statement stands on its own stretch of the text,
  in order, and values are exact fractions within the figure bounds.
* Reading is linear: a long text of repeated phrases reads in time proportional to its length.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from policyspec.model.bounds import MAX_MAGNITUDE
from policyspec.reading import find_statements, read_phrase
from tests.properties.conftest import MANY

# --- rendering numbers ------------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"
_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def chinese(number: int, *, liang: bool = False) -> str:
    """A whole number below 10^8 in Chinese numerals, as a policy text writes it (一万零五十, 十二)."""
    if number == 0:
        return "零"
    myriads, rest = divmod(number, 10_000)
    text = _below_myriad(myriads) + "万" if myriads else ""
    if rest:
        text += ("零" if myriads and rest < 1000 else "") + _below_myriad(rest)
    if text.startswith("一十"):
        text = text[1:]  # 十二, not 一十二, at the head of a number
    if liang and text[0] == "二" and text[1:2] in ("千", "百", "万"):
        text = "两" + text[1:]  # 两千, 两百, 两万
    return text


def _below_myriad(number: int) -> str:
    text, zero = "", False
    for unit, digit in zip(("千", "百", "十", ""), f"{number:04d}", strict=True):
        if digit == "0":
            zero = bool(text)
            continue
        text += ("零" if zero else "") + _DIGITS[int(digit)] + unit
        zero = False
    return text


@dataclass(frozen=True)
class Rendered:
    """A figure as written and the value it stands for."""

    text: str
    value: Fraction


@st.composite
def written_figures(draw: st.DrawFn) -> Rendered:
    script = draw(st.sampled_from(["arabic", "full-width", "chinese", "decimal", "myriads"]))
    if script == "chinese":
        number = draw(st.integers(1, 10**8 - 1))
        return Rendered(chinese(number, liang=draw(st.booleans())), Fraction(number))
    if script == "decimal":
        tenths = draw(st.integers(1, 99_999))
        return Rendered(f"{tenths // 10}.{tenths % 10}", Fraction(tenths, 10))
    if script == "myriads":  # 1.5万, 8万
        tenths = draw(st.integers(1, 99_999))
        text = f"{tenths // 10}万" if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}万"
        return Rendered(text, Fraction(tenths, 10) * 10_000)
    number = draw(st.integers(0, 10**9))
    text = str(number)
    return Rendered(text.translate(_FULL_WIDTH) if script == "full-width" else text, Fraction(number))


# --- rendering phrases ------------------------------------------------------------------------------

UNITS = {"次": "times", "名": "persons", "人": "persons", "％": "percent", "%": "percent", "天": "days"}
UNITS |= {"个月": "months", "小时": "hours", "学时": "class-hours", "元": "yuan", "所": "organisations"}
UNITS |= {"篇": "reports", "本": "books", "项": "items", "轮": "times", "周": "weeks"}
PREFIXES = {"不少于": "ge", "至少": "ge", "不低于": "ge", "超过": "gt", "多于": "gt", "不超过": "le"}
PREFIXES |= {"不高于": "le", "低于": "lt", "少于": "lt", "约": "approx"}
SUFFIXES = {"以上": "ge", "以下": "le", "左右": "approx"}
RECURRENCES = {"每年": "P1Y", "每半年": "P6M", "每季度": "P3M", "每月": "P1M", "每周": "P1W", "每两年": "P2Y"}
RECURRENCES |= {"每三年": "P3Y", "每3年": "P3Y", "每届": "per-term"}
FILLERS = ["", "党委中心组集中学习", "组织", "举办讲座", "培训党员干部", "开展专题调研"]
DEADLINES = ["到{year}年，", "到{year}年底，", "{year}年底前", "{year}年前，", "至{year}年", "{year}年内"]


def written_years(year: int | None) -> st.SearchStrategy[str]:
    """A year as a text writes it: 2010, ２０１０ or 二〇一〇."""
    digits = str(year)
    return st.sampled_from(
        [digits, digits.translate(_FULL_WIDTH), "".join("〇一二三四五六七八九"[int(d)] for d in digits)]
    )


@dataclass(frozen=True)
class Phrase:
    """A phrase and what it must read as."""

    text: str
    value: Fraction
    operator: str
    upper: Fraction | None
    unit: str
    every: str | None
    deadline: int | None


@st.composite
def phrases(draw: st.DrawFn) -> Phrase:
    figure = draw(written_figures())
    word, unit = draw(st.sampled_from(sorted(UNITS.items())))
    shape = draw(st.sampled_from(["bare", "prefix", "suffix", "range"]))
    operator, upper, before, after, written = "eq", None, "", "", figure.text
    if shape == "prefix":
        before, operator = draw(st.sampled_from(sorted(PREFIXES.items())))
    elif shape == "suffix":
        after, operator = draw(st.sampled_from(sorted(SUFFIXES.items())))
    elif shape == "range":
        top = draw(written_figures())
        dash = draw(st.sampled_from(["～", "－", "-", "至", "到"]))
        operator, upper, written = "range", top.value, f"{figure.text}{dash}{top.text}"
    gap = "" if before == "约" else draw(st.sampled_from(FILLERS[:3]))  # 约 must touch its figure
    recurrence = draw(st.none() | st.sampled_from(sorted(RECURRENCES)))
    deadline = draw(st.none() | st.integers(1990, 2030))
    text = (
        (draw(st.sampled_from(DEADLINES)).format(year=draw(written_years(deadline))) if deadline else "")
        + draw(st.sampled_from(FILLERS))
        + (recurrence or "")
        + draw(st.sampled_from(FILLERS))
        + f"{before}{gap}{written}{word}{after}"
        + draw(st.sampled_from(["", "。", "，形成制度。"]))
    )
    every = RECURRENCES[recurrence] if recurrence else None
    if recurrence == "每届":
        every = "per-term"
    return Phrase(text, figure.value, operator, upper, unit, every, deadline)


@MANY
@given(phrases())
def test_a_rendered_reading_reads_back_to_itself(phrase: Phrase) -> None:
    reading = read_phrase(phrase.text)
    (figure,) = reading.figures
    assert (figure.value, figure.operator, figure.upper, figure.unit) == (
        phrase.value,
        phrase.operator,
        phrase.upper,
        phrase.unit,
    )
    every = [r.every or ("per-term" if r.per_term else None) for r in reading.recurrences]
    assert every == ([phrase.every] if phrase.every else [])
    assert [d.year for d in reading.deadlines] == ([phrase.deadline] if phrase.deadline else [])
    assert len(reading.statements) == 1 + (phrase.every is not None) + (phrase.deadline is not None)


@MANY
@given(st.integers(0, 10**8 - 1), st.booleans())
def test_every_chinese_numeral_reads_to_its_number(number: int, liang: bool) -> None:
    (figure,) = read_phrase(f"{chinese(number, liang=liang)}名").figures
    assert figure.value == number


# --- whatever the text ------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        *"0123456789０１２３４５６７８９一二两三四五六七八九十百千万亿零〇半分之％%XＸ×.．－～至到每年月届第级岁",
        "以上",
        "以下",
        "左右",
        "不少于",
        "约",
        "“",
        "”",
        "《",
        "》",
        "（",
        "）",
        "、",
        "，",
        "。",
        "\n",
        "凡",
        "必须",
        "全覆盖",
        "十一五",
        "期间",
        "规划",
        "2010年",
        "到",
        "从",
        "起",
        "底前",
        "内",
        "用",
        "时间",
        "个",
        "次",
        "名",
        "倍",
    ]
)
_TEXTS = st.lists(_PIECES | st.text(max_size=3), max_size=60).map("".join)


@MANY
@given(_TEXTS)
def test_reading_any_text_gives_statements_on_their_own_stretch_of_it(text: str) -> None:
    statements = find_statements(text)
    for statement in statements:
        assert text[statement.start : statement.end] == statement.text
        assert statement.text
    for earlier, later in pairwise(statements):
        assert earlier.end <= later.start


@MANY
@given(_TEXTS)
def test_every_value_read_is_an_exact_fraction_within_the_figure_bounds(text: str) -> None:
    for figure in read_phrase(text).all_figures:
        for number in (figure.value, figure.upper):
            assert number is None or (isinstance(number, Fraction) and abs(number) <= MAX_MAGNITUDE)
        if figure.value is None:
            assert figure.placeholder or figure.problem is not None or figure.measure_word is not None


def test_reading_is_linear_in_the_length_of_the_text() -> None:
    """200,000 characters of dense phrases read in well under a second here; 5 s is the bound."""
    phrase = "每年至少听取2次汇报，到2010年底前达到90％以上，“三会一课”全覆盖，X轮巡察。"
    small, large = ((phrase * (n // len(phrase) + 1))[:n] for n in (20_000, 200_000))
    timings = {}
    for text in (small, large):
        start = time.perf_counter()
        statements = find_statements(text)
        timings[len(text)] = time.perf_counter() - start
        assert len(statements) >= len(text) // len(phrase) * 6
    print(f"\nreading {len(large):,} characters took {timings[len(large)]:.2f} s")
    assert timings[len(large)] < 5.0
    assert timings[len(large)] < 30 * max(timings[len(small)], 0.01)  # tenfold text, not a hundredfold time


def test_pathological_runs_read_in_linear_time() -> None:
    for run in ("X", "一", "1", "a1", "“", "《", "凡", "十", "第", "(1", "1.", "1－", "一年", "\n1、"):
        text = run * (100_000 // len(run))
        start = time.perf_counter()
        find_statements(text)
        assert time.perf_counter() - start < 5.0, run
