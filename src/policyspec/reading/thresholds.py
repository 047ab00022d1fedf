"""Threshold phrases around a figure: which operator a word stands for, and which figure it governs.

A word before a figure (不少于, 超过, 约) governs the next figure of its clause; a word after one
(以上, 以下, 左右) binds only when it follows the figure or its measure word directly, so that
县（处）级以上 stays a scope. 约 and 不足 must touch their figure: 约束, 制约 and 不足之处 are no
thresholds. The scanner matches each word once, left to right, and judges it from a bounded
window, so reading stays linear however many phrases a text holds.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from policyspec.model.vocabulary import Operator

__all__ = [
    "MAX_GAP",
    "MULTIPLIER_BY_RELATIVE",
    "OPERATOR_BY_PREFIX",
    "OPERATOR_BY_SUFFIX",
    "PREFIX_OPERATOR",
    "RANGE_DASH",
    "RELATIVE",
    "SUFFIX_OPERATOR",
    "governs",
    "joins_enumeration",
]

OPERATOR_BY_PREFIX: dict[str, Operator] = {
    "不少于": "ge",
    "不低于": "ge",
    "不小于": "ge",
    "至少": "ge",
    "最少": "ge",
    "超过": "gt",
    "多于": "gt",
    "高于": "gt",
    "大于": "gt",
    "不超过": "le",
    "不高于": "le",
    "不多于": "le",
    "不大于": "le",
    "最多": "le",
    "低于": "lt",
    "少于": "lt",
    "小于": "lt",
    "不足": "lt",
    "约": "approx",
    "大约": "approx",
}
OPERATOR_BY_SUFFIX: dict[str, Operator] = {
    "及以上": "ge",
    "或以上": "ge",
    "以上": "ge",
    "及以下": "le",
    "或以下": "le",
    "以下": "le",
    "以内": "le",
    "之内": "le",
    "内": "le",  # 1年内: within a year
    "左右": "approx",
    "多": "gt",  # 100多个: more than 100
    "余": "gt",  # 100余人
}
MULTIPLIER_BY_RELATIVE = {"翻番": 2, "翻一番": 2, "翻两番": 4, "翻二番": 4, "翻三番": 8}
"""Doubling phrases as multipliers of their reference quantity: 翻两番 is ×4."""


def _longest_first(words: dict[str, Operator] | dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


PREFIX_OPERATOR = _longest_first(OPERATOR_BY_PREFIX)
"""A threshold word before its figure, longest first: 不低于 before 低于 can match inside it."""
SUFFIX_OPERATOR = _longest_first(
    {word: op for word, op in OPERATOR_BY_SUFFIX.items() if word not in {"多", "余"}}
)
"""A threshold word right after a figure or its measure word (以上, 以内, 左右)."""
RANGE_DASH = "[～~〜－\\-—–至到]"
"""What joins the two ends of a range: 3～7人, 1－3名, 两到三年, 3至5个."""
RELATIVE = _longest_first(MULTIPLIER_BY_RELATIVE)

MAX_GAP = 12
"""How far (characters) a word before a figure may stand from it: 不低于当地农民人均纯收入两倍."""
_MUST_TOUCH = frozenset({"约", "不足"})
_CLAUSE_BREAKS = frozenset("，,。；;：:！!？?\n")
_ENUMERATION_BREAKS = _CLAUSE_BREAKS | frozenset("、")


def governs(text: str, word: str, word_end: int, figure_start: int) -> bool:
    """Whether the threshold word ending at ``word_end`` governs the figure starting at ``figure_start``."""
    gap = figure_start - word_end
    if word in _MUST_TOUCH:
        return gap == 0
    if gap > MAX_GAP:
        return False
    return not any(char in _ENUMERATION_BREAKS for char in text[word_end:figure_start])


def joins_enumeration(text: str, previous_end: int, figure_start: int) -> bool:
    """Whether a figure continues an enumeration (、) of the clause of the figure that ends earlier.

    每年至少精读1本理论书籍、开展1次专题学习调研: 至少 may govern the second figure too. The
    reader offers that as a competing operator, never as the reading.
    """
    gap = figure_start - previous_end
    if gap > 2 * MAX_GAP:
        return False
    between = text[previous_end:figure_start]
    return "、" in between and not any(char in _CLAUSE_BREAKS for char in between)
