"""An indicator's figure, operator, dates and recurrence are the ones its quote states.

Each case is a quote and an encoding, and the codes the faithfulness rules give it: none when the
encoding reads the quote right, the code of the field that is wrong otherwise.
"""

from __future__ import annotations

from typing import Any

import pytest

import policyspec
from policyspec.model.documents import Document, Excluded, Indicator
from policyspec.rules import RuleContext
from policyspec.rules.coverage import account
from policyspec.rules.derivation import figure_is_stated, implied_total_is_stated, operator_is_stated
from policyspec.rules.stated_times import deadline_is_stated, recurrence_is_stated
from tests.conftest import EXAMPLES

SAMPLE = policyspec.load([EXAMPLES / "valid" / "complete.yaml"], sources=EXAMPLES / "sources").documents[0]
RULES = (
    figure_is_stated,
    operator_is_stated,
    implied_total_is_stated,
    deadline_is_stated,
    recurrence_is_stated,
)


def _indicator(quote: str, **fields: Any) -> Indicator:
    base = {"id": "case", "quote": quote, "measured": {"zh": "测", "en": "case"}, **fields}
    return Indicator.model_validate(base)


def _codes(indicator: Indicator) -> list[str]:
    document = SAMPLE.model_copy(update={"indicators": [indicator]})
    context = RuleContext(document, None, None, ())
    return sorted(finding.code for rule in RULES for finding in rule(context))


GE_90 = {"operator": "ge", "value": 90, "unit": "percent"}


@pytest.mark.parametrize(
    ("quote", "fields", "codes"),
    [
        ("满意率达到90％以上", {"target": GE_90}, []),
        ("满意率达到90％以上", {"target": {**GE_90, "value": 95}}, ["PS219"]),
        ("满意率达到90％以上", {"target": {**GE_90, "operator": "eq"}}, ["PS211"]),
        ("满意率达到100％", {"target": {**GE_90, "value": 100}}, ["PS211"]),  # ge on a bare figure
        (
            "每年不少于4次",
            {"target": {"operator": "ge", "value": 5, "unit": "times"}, "per": "P1Y"},
            ["PS219"],
        ),
        (
            "每年不少于4次",
            {"target": {"operator": "ge", "value": "1/3", "unit": "times"}, "per": "P1Y"},
            ["PS219"],
        ),
        ("每年不少于4次", {"target": {"operator": "ge", "value": 4, "unit": "times"}, "per": "P1Y"}, []),
        ("每年不少于4次", {"target": {"operator": "ge", "value": 4, "unit": "times"}}, ["PS221"]),
        (
            "每年不少于4次",
            {"target": {"operator": "ge", "value": 4, "unit": "times"}, "per": "P2Y"},
            ["PS221"],
        ),
        ("培训300名左右", {"target": {"operator": "approx", "value": 300, "unit": "persons"}}, []),
        ("培训300名", {"target": {"operator": "approx", "value": 300, "unit": "persons"}}, ["PS211"]),
        (
            "到2021年，完成培训300名",
            {"target": {"operator": "eq", "value": 300, "unit": "persons"}},
            ["PS220"],
        ),
        (
            "到2021年，完成培训300名",
            {"target": {"operator": "eq", "value": 300, "unit": "persons"}, "deadline": "2020"},
            ["PS220"],
        ),
        (
            "到2021年，完成培训300名",
            {"target": {"operator": "eq", "value": 300, "unit": "persons"}, "deadline": "2021"},
            [],
        ),
        (
            "推出1－3名先进典型",
            {"target": {"operator": "range", "value": 1, "upper": 3, "unit": "persons"}},
            [],
        ),
        (
            "推出1－3名先进典型",
            {"target": {"operator": "range", "value": 1, "upper": 4, "unit": "persons"}},
            ["PS219"],
        ),
        ("妇女占三分之一", {"target": {"operator": "eq", "value": "1/3", "unit": "fraction"}}, []),
        ("完成1．5万名公务员培训", {"target": {"operator": "eq", "value": 15000, "unit": "persons"}}, []),
        (
            "实现党的组织全覆盖",
            {"implied": "全覆盖", "target": {"operator": "eq", "value": 100, "unit": "percent"}},
            [],
        ),
        (
            "实现党的组织全覆盖",
            {"implied": "全部", "target": {"operator": "eq", "value": 100, "unit": "percent"}},
            ["PS222"],
        ),
        (
            "实现党的组织全覆盖",
            {"implied": "全覆盖", "target": {"operator": "ge", "value": 90, "unit": "percent"}},
            ["PS222"],
        ),
        ("实现党的组织全覆盖", {"target": {"operator": "eq", "value": 100, "unit": "percent"}}, ["PS219"]),
        ("本规划从2003年起全面实施", {"start": "2003"}, []),
        (
            "本规划从2003年起全面实施",
            {"deadline": "2003"},
            ["PS220", "PS220"],
        ),  # not a deadline; start lacking
    ],
)
def test_the_encoding_must_be_what_the_quote_states(
    quote: str, fields: dict[str, Any], codes: list[str]
) -> None:
    assert _codes(_indicator(quote, **fields)) == codes


def test_an_inferred_deadline_is_checked_against_its_evidence() -> None:
    inferred = {
        "fields": ["deadline"],
        "evidence": ["到2010年，群众对党的建设成果的满意率"],
        "reason": "stated above",
    }
    fields = {"target": {"operator": "ge", "value": 12, "unit": "times"}, "per": "P1Y", "inferred": inferred}
    assert _codes(_indicator("每年不少于12次", deadline="2010", **fields)) == []
    assert _codes(_indicator("每年不少于12次", deadline="2011", **fields)) == ["PS220"]


def test_a_deadline_may_follow_from_a_start_and_a_duration_in_the_evidence() -> None:
    inferred = {
        "fields": ["deadline"],
        "evidence": ["本规划从2003年起全面实施"],
        "reason": "five years from 2003",
    }
    fields = {"target": {"operator": "approx", "value": 5, "unit": "years"}, "inferred": inferred}
    assert _codes(_indicator("用5年左右的时间建立体系", deadline="2007", **fields)) == []
    assert _codes(_indicator("用5年左右的时间建立体系", deadline="2012", **fields)) == ["PS220"]


def _document(indicators: list[Indicator], **fields: Any) -> Document:
    return SAMPLE.model_copy(update={"indicators": indicators, "goals": [], "excluded": [], **fields})


def test_coverage_needs_the_indicator_to_encode_that_figure_not_merely_to_overlap_it() -> None:
    text = "每年培训干部300名，其中处级干部50名。"
    both = [
        _indicator(
            "每年培训干部300名", target={"operator": "eq", "value": 300, "unit": "persons"}, per="P1Y"
        ),
        _indicator("其中处级干部50名", target={"operator": "eq", "value": 50, "unit": "persons"}),
    ]
    whole = _indicator(text, target={"operator": "eq", "value": 300, "unit": "persons"}, per="P1Y")
    assert [a.status for a in account(_document(both), text)] == ["encoded", "encoded", "encoded"]
    statuses = {a.statement.text: a.status for a in account(_document([whole]), text)}
    assert statuses["50名"] == "uncovered"


def test_an_excluded_quote_accounts_for_every_statement_inside_it() -> None:
    text = "坚持“三会一课”制度，落实“两学一做”。"
    excluded = [Excluded(quote="“三会一课”", reason="name"), Excluded(quote="“两学一做”", reason="name")]
    document = _document([], excluded=excluded)
    assert {a.status for a in account(document, text)} == {"excluded"}
    assert {a.status for a in account(_document([]), text)} == {"uncovered"}
