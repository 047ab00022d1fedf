"""Querying the corpus: filters, one topic compared across documents, the timeline, and their CLI faces.

Each filter is specified by the predicate it must agree with on the bundled corpus, written here
independently of the implementation (on the flat records and the documents' issuers).
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import fields
from functools import cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policyspec
from policyspec.api import query
from policyspec.api.compare import ComparisonRow
from policyspec.api.corpus import Corpus
from policyspec.api.query import IndicatorFilter, QueryError
from policyspec.api.records import IndicatorRecord, indicator_records
from policyspec.cli.terminal_tables import comparison_table
from policyspec.model.dates import period_end
from tests.conftest import RunCli

Predicate = Callable[[IndicatorRecord], bool]


@cache
def corpus() -> Corpus:
    return policyspec.load()


def _levels(record: IndicatorRecord) -> set[str]:
    return {issuer.level for issuer in corpus().document(record.document).issuers}


def _year(record: IndicatorRecord) -> int | None:
    return None if record.deadline is None else int(record.deadline[:4])


def test_no_criteria_is_the_whole_flat_view_unchanged() -> None:
    expected = [r for document in corpus().documents for r in indicator_records(document)]
    assert corpus().indicators() == expected
    assert IndicatorFilter().is_empty


def test_the_example_of_the_issue() -> None:
    records = corpus().indicators(topic="cadre-training", due_by=2010)
    assert [(r.document, r.id) for r in records] == [
        ("wuxi-party-building-model-zone", "civil-servant-3plus2-training")
    ]


CRITERIA: list[tuple[dict[str, Any], Predicate]] = [
    ({"document": "hubei-2006-party-advancement"}, lambda r: r.document == "hubei-2006-party-advancement"),
    ({"level": "provincial"}, lambda r: "provincial" in _levels(r)),
    ({"level": "municipal"}, lambda r: "municipal" in _levels(r)),
    ({"due_by": 2008}, lambda r: (y := _year(r)) is not None and y <= 2008),
    ({"due_after": 2008}, lambda r: (y := _year(r)) is not None and y > 2008),
    ({"per": "P6M"}, lambda r: r.per == "P6M"),
    ({"unit": "months"}, lambda r: r.unit == "months"),
    ({"operator": "approx"}, lambda r: r.operator == "approx"),
    ({"topic": "research-time"}, lambda r: "research-time" in r.topics),
    ({"lead_unit": "组织部"}, lambda r: any("组织部" in unit for unit in r.lead_units)),
    ({"text": "满意率"}, lambda r: "满意率" in r.quote or "满意率" in r.measured_zh),
    ({"text": "SATISFACTION"}, lambda r: "satisfaction" in r.measured_en.lower()),
]


@pytest.mark.parametrize(("criteria", "predicate"), CRITERIA, ids=[str(c) for c, _ in CRITERIA])
def test_each_criterion_keeps_exactly_what_it_says(criteria: dict[str, Any], predicate: Predicate) -> None:
    expected = [r for r in corpus().indicators() if predicate(r)]
    assert expected, "the bundled corpus must exercise this criterion"
    assert corpus().indicators(**criteria) == expected


@pytest.mark.parametrize("first", range(len(CRITERIA)))
def test_criteria_combine_as_an_intersection(first: int) -> None:
    criteria, predicate = CRITERIA[first]
    other, other_predicate = CRITERIA[(first + 3) % len(CRITERIA)]
    if other.keys() & criteria.keys():
        pytest.skip("the same criterion twice")
    expected = [r for r in corpus().indicators() if predicate(r) and other_predicate(r)]
    assert corpus().indicators(**criteria, **other) == expected


def test_lead_units_match_in_english_too_ignoring_case() -> None:
    zh = corpus().indicators(lead_unit="组织部")
    en = corpus().indicators(lead_unit="organisation department")
    assert {r.id for r in en} <= {r.id for r in zh}
    assert "yearly-floating-members-spot-check" in {r.id for r in en}


@given(st.integers(min_value=1990, max_value=2030))
def test_every_dated_indicator_is_either_due_by_or_due_after_a_year(year: int) -> None:
    by = {(r.document, r.id) for r in corpus().indicators(due_by=year)}
    after = {(r.document, r.id) for r in corpus().indicators(due_after=year)}
    dated = {(r.document, r.id) for r in corpus().indicators() if r.deadline is not None}
    assert by.isdisjoint(after)
    assert by | after == dated


@pytest.mark.parametrize(
    "criteria",
    [
        {"topic": "reseach-time"},
        {"unit": "month"},
        {"operator": ">="},
        {"level": "city"},
        {"per": "yearly"},
        {"due_by": "2010"},
        {"document": "no-such-document"},
    ],
)
def test_a_criterion_that_cannot_match_is_an_error_not_an_empty_answer(criteria: dict[str, Any]) -> None:
    with pytest.raises(QueryError):
        corpus().indicators(**criteria)


@pytest.mark.parametrize("method", ["indicators", "indicators_frame"])
def test_every_criterion_is_declared_once_and_is_a_keyword_of_corpus_indicators(method: str) -> None:
    names = [criterion.name for criterion in query.CRITERIA]
    assert names == [field.name for field in fields(IndicatorFilter)]
    keywords = inspect.signature(getattr(corpus(), method)).parameters
    assert list(keywords) == names
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is None for p in keywords.values())
    filter_types = {field.name: field.type for field in fields(IndicatorFilter)}
    assert {name: p.annotation for name, p in keywords.items()} == filter_types


@pytest.mark.parametrize("criterion", [c for c in query.CRITERIA if c.choices], ids=lambda c: c.name)
def test_a_criterion_with_choices_refuses_any_other_value(criterion: query.Criterion) -> None:
    known: dict[str, Any] = {criterion.name: criterion.choices[0]}
    unknown: dict[str, Any] = {criterion.name: "no-such-value"}
    assert not IndicatorFilter(**known).is_empty
    with pytest.raises(QueryError, match=f"unknown {criterion.name}"):
        IndicatorFilter(**unknown)


def test_declaring_the_criteria_does_not_load_pydantic() -> None:
    code = "import sys, policyspec.api.query; print('pydantic' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"


# --- one topic compared across documents ---


def test_compare_gives_one_row_per_tagged_indicator_with_its_document() -> None:
    rows = corpus().compare("research-time")
    assert all(isinstance(row, ComparisonRow) for row in rows)
    records = corpus().indicators(topic="research-time")
    assert [(row.document, row.indicator) for row in rows] == [(r.document, r.id) for r in records]
    assert len({row.document for row in rows}) == 3
    hubei = next(row for row in rows if row.indicator == "city-county-leader-research-time")
    assert hubei.title == "中共湖北省委关于进一步加强党的先进性建设的意见"
    assert (hubei.operator, hubei.value, hubei.unit, hubei.per) == ("ge", 2, "months", "P1Y")
    assert hubei.population == "市县两级党员领导干部"
    assert hubei.quote == "市县两级党员领导干部每年至少要有2个月时间"


def test_a_comparison_row_shows_the_figures_as_the_flat_view_does() -> None:
    rows = corpus().compare("research-time")
    records = corpus().indicators(topic="research-time")
    assert [(row.value, row.upper, row.reference) for row in rows] == [
        (r.value, r.upper, r.reference_zh) for r in records
    ]
    assert policyspec.ComparisonRow is ComparisonRow


def test_the_comparison_table_puts_the_target_in_one_cell() -> None:
    header, cells = comparison_table(corpus().compare("research-time"))
    assert header[:3] == ("document", "indicator", "target")
    assert cells[1][:3] == ["hubei-2006-party-advancement", "provincial-leader-research-time", "≥ 1 months"]


def test_compare_an_unknown_topic_is_an_error() -> None:
    with pytest.raises(QueryError, match="unknown topic"):
        corpus().compare("research")  # type: ignore[arg-type]


# --- the timeline ---


def test_the_timeline_holds_every_dated_goal_and_indicator_once_in_order() -> None:
    entries = corpus().timeline()
    dated_indicators = {(r.document, r.id) for r in corpus().indicators() if r.deadline}
    dated_goals = {(d.id, g.id) for d in corpus().documents for g in d.goals if g.deadline}
    assert {(e.document, e.id) for e in entries if e.kind == "indicator"} == dated_indicators
    assert {(e.document, e.id) for e in entries if e.kind == "goal"} == dated_goals
    assert len(entries) == len(dated_indicators) + len(dated_goals)
    assert [e.year for e in entries] == sorted(e.year for e in entries)


def test_a_timeline_entry_is_a_milestone_or_a_figure() -> None:
    entries = {e.id: e for e in corpus().timeline()}
    assert entries["party-websites-2008"].milestone
    assert entries["party-websites-2008"].figure is None
    assert entries["nonpublic-party-org-rate-2008"].figure == "> 90 percent"
    assert entries["special-inspection-rounds-2020"].figure == "= ? times"  # a placeholder (X轮)
    assert entries["goal-overall"].kind == "goal"
    assert entries["goal-overall"].milestone


def test_a_precise_deadline_comes_before_the_end_of_its_year() -> None:
    assert sorted(["2010", "2010-06-30", "2010-07", "2009"], key=period_end) == [
        "2009",
        "2010-06-30",
        "2010-07",
        "2010",
    ]


def test_a_month_and_its_last_day_are_due_together_and_keep_their_order() -> None:
    # A month ends on its last day, which is not always the 31st: 2010-06 is due on 2010-06-30.
    for deadlines in (["2010-06", "2010-06-30"], ["2010-06-30", "2010-06"], ["2008-02-29", "2008-02"]):
        assert sorted(deadlines, key=period_end) == deadlines


# --- the command line ---


def test_cli_indicators_filters(run_cli: RunCli) -> None:
    result = run_cli("indicators", "--due-by", "2010", "--topic", "cadre-training")
    assert result.code == 0, result.err
    _header, _rule, *rows = result.out.splitlines()
    assert [row.split()[1] for row in rows] == ["civil-servant-3plus2-training"]


def test_cli_indicators_every_filter_option_reaches_the_query(run_cli: RunCli) -> None:
    options = ["--document", "wuxi-party-building-model-zone", "--level", "municipal", "--due-after", "2007"]
    options += ["--due-by", "2010", "--unit", "percent", "--operator", "ge", "--topic", "satisfaction"]
    options += ["--text", "满意率", "--format", "jsonl"]
    result = run_cli("indicators", *options)
    assert [json.loads(line)["id"] for line in result.out.splitlines()] == [
        "party-building-satisfaction-rate"
    ]
    result = run_cli("indicators", "--per", "P6M", "--lead-unit", "国资委", "--format", "jsonl")
    ids = [json.loads(line)["id"] for line in result.out.splitlines()]
    assert ids == ["soe-party-building-report-hearing", "soe-party-building-supervision"]


@pytest.mark.parametrize(
    "options",
    [
        ["--document", "nope"],
        ["--per", "yearly"],
        ["--topic", "nope"],
        ["--due-by", "soon"],
        ["--unit", "kg"],
    ],
)
def test_cli_bad_filters_are_usage_errors(run_cli: RunCli, options: list[str]) -> None:
    result = run_cli("indicators", *options)
    assert result.code == 2
    assert "Traceback" not in result.err


def test_cli_compare_prints_an_aligned_table(run_cli: RunCli) -> None:
    result = run_cli("compare", "research-time")
    assert result.code == 0, result.err
    header, rule, *rows = result.out.splitlines()
    assert header.split() == ["document", "indicator", "target", "per", "deadline", "population", "quote"]
    assert len(rows) == len(corpus().compare("research-time"))
    assert any("≥ 2 months" in row and "市县两级党员领导干部" in row for row in rows)
    from policyspec.cli.terminal_tables import display_width

    quote_column = display_width(header[: header.index("quote")])
    for row in rows:  # the quote column starts at the same terminal column on every row
        prefix = row[: len(row) - len(row.split("  ")[-1])]
        assert display_width(prefix) == quote_column
    assert rule.startswith("-")


def test_cli_compare_jsonl_rows_are_the_api_rows(run_cli: RunCli) -> None:
    result = run_cli("compare", "cadre-training", "--format", "jsonl")
    assert result.code == 0
    rows = [json.loads(line) for line in result.out.splitlines()]
    assert rows == [row.as_dict() for row in corpus().compare("cadre-training")]


def test_cli_compare_unknown_topic_is_a_usage_error(run_cli: RunCli) -> None:
    assert run_cli("compare", "research").code == 2
