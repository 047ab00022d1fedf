"""Scanning a whole text: one statement per figure, date, recurrence, placeholder and name.

Numerals that state no requirement are reported too, each with its kind, so coverage can list
them as exclusions: names (三会一课), ordinals (第一批), tiers (三级), scopes (35岁以下),
citations (《…》, 〔2004〕5号, “十一五”规划) and headings (一、（一）1. ①).
"""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
from fractions import Fraction

import pytest

from policyspec.reading import STATEMENT_KINDS, find_statements, read_phrase
from policyspec.reading.values import EXCLUDABLE_KINDS, REQUIREMENT_KINDS, Name


def kinds(text: str) -> list[tuple[str, str]]:
    return [(statement.kind, statement.text) for statement in find_statements(text)]


def test_a_sentence_with_three_figures_gives_three_statements() -> None:
    text = "每年新发展党员中，35岁以下占75％以上，妇女占30％以上，高中以上文化程度达到90％以上。"
    assert kinds(text) == [
        ("recurrence", "每年"),
        ("scope", "35岁以下"),
        ("figure", "75％以上"),
        ("figure", "30％以上"),
        ("figure", "90％以上"),
    ]


def test_every_statement_spans_its_own_text_in_order() -> None:
    text = "一、总体目标\n到2010年，建成市级教育基地20个，每年轮训300名左右，“三会一课”制度全覆盖。"
    statements = find_statements(text)
    assert [s.text for s in statements] == [text[s.start : s.end] for s in statements]
    assert [s.start for s in statements] == sorted(s.start for s in statements)
    assert all(s.reading.start == s.start and s.reading.end == s.end for s in statements)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("组织评选第一批教育基地", [("ordinal", "第一批")]),
        ("市第十一次党代会", [("ordinal", "第十一次")]),
        ("党的十六大和十六届四中全会", [("ordinal", "十六大"), ("ordinal", "十六届"), ("ordinal", "四中")]),
        ("：一是加强学习；二是改进作风", [("ordinal", "一是"), ("ordinal", "二是")]),
        ("对前八批后进党组织", [("ordinal", "前八批")]),
        ("落实三会一课制度", [("name", "三会一课")]),
        ("推进两学一做学习教育", [("name", "两学一做")]),
        ("考核“三考合一”", [("name", "三考合一")]),
        ("监督体系四位一体", [("name", "四位一体")]),
        ("以“4+4+2”党建制度体系", [("name", "4+4+2")]),
        ("完善“好班子”百分考核细则", [("name", "百分考核")]),
        ("落实中央八项规定精神", [("name", "八项规定")]),
        ("组织市、县、乡三级理论宣讲", [("tier", "三级")]),
        ("市县两级党员领导干部", [("tier", "两级")]),
        ("(豫发〔2015〕5号)精神", [("cited", "〔2015〕5号")]),
        ("贯彻《建立健全惩治和预防腐败体系 2013-2017年工作规划》", [("cited", "2013-2017年")]),
        ("涌现一批先进基层党组织", [("indefinite", "一批")]),
        ("每年承诺为群众办几件实事", [("recurrence", "每年"), ("indefinite", "几件")]),
        ("中共bt365体育网址委", [("name", "bt365")]),
    ],
)
def test_a_numeral_that_counts_nothing_is_reported_with_its_kind(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(text) == expected


def test_a_short_quoted_phrase_with_numerals_is_one_name() -> None:
    (statement,) = find_statements("深入开展“百个机关与社区结对共建”活动")
    assert (statement.kind, statement.text) == ("name", "百个机关与社区结对共建")
    assert isinstance(statement.reading, Name)
    assert statement.reading.figures == (Fraction(100),)


def test_a_quoted_plan_period_and_a_quoted_placeholder_keep_their_kinds() -> None:
    assert kinds("“十一五”期间，打造“X英才”品牌") == [("period", "十一五"), ("placeholder", "X")]


def test_a_quoted_name_takes_in_everything_quoted() -> None:
    assert kinds("深入开展“净网2020”行动") == [("name", "净网2020")]


def test_a_long_quotation_is_no_name() -> None:
    text = "“到2010年，全市党员注册志愿者增至8万名以上，形成完善的工作体系”"
    assert kinds(text) == [("deadline", "到2010年"), ("figure", "8万名以上")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、指导思想", [("heading", "一、")]),
        ("（二十一）加强领导", [("heading", "（二十一）")]),
        ("\n1.着力推进主题教育", [("heading", "1.")]),
        ("1、指导思想", [("heading", "1、")]),
        ("(1)开展活动", [("heading", "(1)")]),
        ("③健全制度", [("heading", "③")]),
        ("形成常态。22.着力防止反弹", [("heading", "22.")]),
    ],
)
def test_numbering_is_a_heading(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开展X轮专项巡察", [("placeholder", "X轮")]),
        ("宣传XX、XX等X名先进模范", [("placeholder", "XX"), ("placeholder", "XX"), ("placeholder", "X名")]),
        ("到××接受教育", [("placeholder", "××")]),
    ],
)
def test_a_placeholder_is_never_guessed(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected
    assert all(figure.value is None and figure.placeholder for figure in read_phrase(text).placeholders)


def test_a_placeholder_keeps_its_measure_word_and_unit() -> None:
    (placeholder,) = read_phrase("开展X轮专项巡察").placeholders
    assert (placeholder.unit, placeholder.operator) == ("times", "eq")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("推进党的组织和党的工作全覆盖", "全覆盖"),
        ("把常住人口中党员全部纳入组织管理", "全部"),
        ("所有在职党员普遍接受培训", "所有"),
        ("一律免职", "一律"),
        ("凡提拔的干部，都必须公示", "凡"),
        ("全员培训", "全员"),
    ],
)
def test_an_implied_total_is_a_share_of_100_percent_marked_implied(text: str, word: str) -> None:
    (total,) = read_phrase(text).implied_totals
    assert text[total.start : total.end] == word
    assert (total.operator, total.value, total.unit, total.implied) == ("eq", Fraction(100), "percent", True)


@pytest.mark.parametrize("text", ["坚持公有制为主体、多种所有制经济共同发展", "平凡的岗位", "全面推进"])
def test_a_word_that_only_contains_a_total_is_none(text: str) -> None:
    assert read_phrase(text).implied_totals == ()


def test_a_stated_100_percent_is_a_figure_not_an_implied_total() -> None:
    reading = read_phrase("2010年力争达到100％")
    assert [(f.value, f.unit, f.implied) for f in reading.figures] == [(Fraction(100), "percent", False)]
    assert reading.implied_totals == ()


def test_the_kinds_split_into_requirements_and_exclusions() -> None:
    assert set(STATEMENT_KINDS) == REQUIREMENT_KINDS | EXCLUDABLE_KINDS
    assert not REQUIREMENT_KINDS & EXCLUDABLE_KINDS


def test_a_reading_lists_its_exclusions() -> None:
    reading = read_phrase("市第十一次党代会确定“三会一课”和市、县两级")
    assert [statement.kind for statement in reading.excluded] == ["ordinal", "name", "tier"]


def test_an_empty_text_states_nothing() -> None:
    assert find_statements("") == []


def test_importing_the_reader_package_is_cheap_and_light() -> None:
    """``import policyspec.reading`` resolves its names on first use: the scanner is compiled only
    when a phrase is read, and nothing heavy is imported even then."""
    code = (
        "import sys\n"
        "import policyspec.reading\n"
        "print('policyspec.reading.statements' in sys.modules)\n"
        "policyspec.reading.read_phrase('每年2次')\n"
        "heavy = ('pydantic', 'yaml', 'ruamel', 'jsonschema', 'typing')\n"
        "loaded = sorted(m for m in heavy if m in sys.modules)\n"
        "print('policyspec.reading.statements' in sys.modules, loaded)\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.splitlines() == ["False", "True []"]


@pytest.mark.parametrize("module", ["policyspec.reading", "policyspec.reading.statements"])
def test_the_docstring_examples_pass(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0
