"""Measure words after a figure, and the unit ids of the vocabulary they stand for (次 is 'times').

A measure word may stand for one unit (名: persons), for several (个: a body, a site or a thing,
depending on the noun), or for none of the vocabulary (岁, 批, 户): the reader then keeps the
word as written and lets a rule decide. Longer words come first in the pattern, so 个月 is read
as months before 个 can match.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from policyspec.model.vocabulary import Unit

__all__ = ["MEASURE_WORD", "TIME_UNITS", "UNITS_BY_MEASURE_WORD", "units_of"]

UNITS_BY_MEASURE_WORD: dict[str, tuple[Unit, ...]] = {
    "％": ("percent",),
    "%": ("percent",),
    "倍": ("multiple",),
    "次": ("times",),
    "轮": ("times",),
    "场": ("times",),
    "期": ("times",),
    "遍": ("times",),
    "人": ("persons",),
    "名": ("persons",),
    "位": ("persons", "rank"),  # 3位 领导; 列后3位: a place in a ranking
    "个": ("organisations", "sites", "items"),  # 100个党组织, 20个基地, 一个主题
    "所": ("organisations",),
    "家": ("organisations",),
    "项": ("items",),
    "件": ("items",),
    "条": ("items",),
    "类": ("items",),
    "种": ("items",),
    "份": ("items",),
    "本": ("books",),
    "册": ("books",),
    "篇": ("reports",),
    "天": ("days",),
    "日": ("days",),
    "个工作日": ("days",),
    "工作日": ("days",),
    "周": ("weeks",),
    "星期": ("weeks",),
    "个星期": ("weeks",),
    "个月": ("months",),
    "年": ("years",),
    "小时": ("hours",),
    "个小时": ("hours",),
    "学时": ("class-hours",),
    "课时": ("class-hours",),
    "元": ("yuan",),
    "分": ("points",),  # only after Arabic digits: 十分 is 'very'
    "票": ("votes",),
    "级": ("levels",),
    "个层次": ("levels",),
    # measure words the vocabulary has no unit for: kept as written
    "个百分点": (),
    "百分点": (),
    "人次": (),
    "岁": (),
    "批": (),
    "户": (),
    "届": (),
}
TIME_UNITS: frozenset[Unit] = frozenset({"days", "weeks", "months", "years", "hours"})
"""Units a duration (用5年左右的时间, 1年内) is counted in."""

MEASURE_WORD = "|".join(sorted(UNITS_BY_MEASURE_WORD, key=len, reverse=True))
"""Any measure word, longest first (个百分点 before 个, 个月 before 个)."""


def units_of(measure_word: str | None) -> tuple[Unit, ...]:
    """The unit ids a measure word can stand for; empty when none of the vocabulary fits."""
    if measure_word is None:
        return ()
    return UNITS_BY_MEASURE_WORD.get(measure_word, ())
