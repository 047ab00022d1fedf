"""The operator must agree with the threshold phrase the quote uses (以上 is 'ge', not 'le').

Only contradictions are reported: a quote may hold several phrases (35岁以下占75％以上 reads
'ge' for the share), and a bare figure has none. Scope words are not thresholds: 县（处）级以上
names a population, so 以上 and 以下 count only right after a figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policyspec.rules._base import Finding, RuleContext, emits

__all__ = ["PHRASES_BY_OPERATOR", "implied_operators", "operator_matches_phrase"]

_NUMERAL = "0-9０-９一二三四五六七八九十百千万两半"

PHRASES_BY_OPERATOR: dict[str, tuple[str, ...]] = {
    "ge": ("不少于", "不低于", "不小于", "至少", "以上"),
    "gt": ("超过", "多于", "高于"),
    "le": ("不超过", "不高于", "不多于", "不大于", "以内", "以下", "最多"),
    "lt": ("低于", "少于", "不足"),
    "approx": ("左右", "约"),
}
_OPERATOR_BY_PHRASE = {phrase: op for op, phrases in PHRASES_BY_OPERATOR.items() for phrase in phrases}
# Longest first, so that 不低于 is read before 低于 can match inside it.
_PHRASE = re.compile("|".join(sorted(map(re.escape, _OPERATOR_BY_PHRASE), key=len, reverse=True)))
# Each phrase looks at most three characters back and one ahead, never at the whole quote, so the
# rule stays linear in the length of a quote however many phrases it holds.
_LOOK_BACK = 3
_AFTER_FIGURE = re.compile(f"[{_NUMERAL}][^{_NUMERAL}]{{0,2}}$")
_BEFORE_FIGURE = re.compile(f"[{_NUMERAL}]")
_RANGE = re.compile(f"[{_NUMERAL}][^{_NUMERAL}]{{0,2}}[～~－—到至-][{_NUMERAL}]")
_NEEDS_FIGURE_AFTER = frozenset({"约", "不足"})  # 约束, 制约, 不足之处 are not thresholds
_NEEDS_FIGURE_BEFORE = frozenset({"以上", "以下"})  # 县处级以上 is a scope, 10次以上 a threshold


def implied_operators(quote: str) -> set[str]:
    """The operators that the threshold phrases of a quote can stand for."""
    found: set[str] = set()
    for match in _PHRASE.finditer(quote):
        phrase = match.group()
        if phrase in _NEEDS_FIGURE_AFTER and not _BEFORE_FIGURE.match(quote, match.end()):
            continue
        before = quote[max(0, match.start() - _LOOK_BACK) : match.start()]
        if phrase in _NEEDS_FIGURE_BEFORE and not _AFTER_FIGURE.search(before):
            continue
        found.add(_OPERATOR_BY_PHRASE[phrase])
    return found


@emits("PS211")
def operator_matches_phrase(context: RuleContext) -> Iterator[Finding]:
    for index, indicator in enumerate(context.document.indicators):
        operator = indicator.target.operator
        if operator is None:
            continue
        path = ("indicators", index, "target", "operator")
        if operator == "range":
            if not _RANGE.search(indicator.quote):
                yield Finding("PS211", path, "operator 'range' but the quote shows no N－M range", hint=_HINT)
            continue
        implied = implied_operators(indicator.quote)
        if implied and operator not in implied:
            words = ", ".join(sorted(implied))
            yield Finding(
                "PS211",
                path,
                f"operator '{operator}' disagrees with the quoted phrase, which reads as {words}",
                hint=_HINT,
            )


_HINT = "以上/不少于/至少 ge; 超过 gt; 以下/不超过/以内 le; 低于/少于 lt; 左右/约 approx; N－M range"
