"""Reading threshold phrases: the table of docs/encoding.md, and scope words that are not thresholds."""

from __future__ import annotations

import pytest

from policyspec.rules.phrases import implied_operators


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("满意率达到90％以上", {"ge"}),
        ("每年不少于12次", {"ge"}),
        ("每年至少精读1本", {"ge"}),
        ("不低于总课时的70%", {"ge"}),
        ("组建率超过90％", {"gt"}),
        ("每人不超过3个", {"le"}),
        ("控制在5％以内", {"le"}),
        ("低于60％的", {"lt"}),
        ("每年轮训300名左右", {"approx"}),
        ("约5000人", {"approx"}),
        ("35岁以下占75％以上", {"le", "ge"}),
        ("县（处）级以上党委中心组", set()),
        ("大学本科以上文化程度", set()),
        ("加强对权力的制约", set()),
        ("查找不足之处", set()),
        ("建成市级教育基地20个", set()),
    ],
)
def test_implied_operators(quote: str, expected: set[str]) -> None:
    assert implied_operators(quote) == expected
