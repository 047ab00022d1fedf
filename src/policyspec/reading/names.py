"""Numerals that state no requirement: names, ordinals, citations, headings, vague counts.

三会一课, 第一批, 十六大, 〔2004〕5号, （一）: the text counts nothing there. The reader still
reports them, each with its kind, so coverage can list them as deliberate exclusions instead of
losing them. Tiers (三级) and ages (35岁) are told apart from figures by their measure word, in
the scanner; numerals inside “…” and 《…》 by where they stand.
"""

from __future__ import annotations

from policyspec.reading.units import MEASURE_WORD

__all__ = ["CITED_NUMBER", "HEADING", "IDENTIFIER", "INDEFINITE", "NAME_WORD", "NOT_A_FIGURE", "ORDINAL"]

_CHINESE = "[一二三四五六七八九十]{1,3}"
_ARABIC = "[0-9０-９]{1,3}"
_LEAD = "[一二两三四五六七八九十百]"
# Letters as negated classes ("a word character, not a digit"): they read as CJK characters here,
# and compile in a fraction of the time a [\u4e00-\u9fff] range takes the re module.
_LETTER = r"[^\W\d_]"
_WORD = r"[^\W\d_〇零一二两三四五六七八九十百千万亿]"  # a letter that is no numeral

HEADING = (
    rf"(?:^[ \t　]*|(?<=[。；！？]))(?P<heading>(?:{_CHINESE}|{_ARABIC})(?:、|[.．](?![0-9０-９]))"
    rf"|[（(](?:{_CHINESE}|{_ARABIC})[）)])"
    rf"|(?P<enumeration>[（(](?:{_CHINESE}|[0-9０-９]{{1,2}})[）)]|[①-⑳])"
)
"""Numbering: 一、 1、 1. （一） at the start of a line or sentence; (1) （二十一） ① anywhere."""

ORDINAL = (
    rf"(?P<ordinal>第(?:{_CHINESE}|[0-9０-９]+|[XＸ])(?:[章节条款部]|{MEASURE_WORD})?"
    r"|十[一二三四五六七八九]大|二十大"  # 十六大: the 16th Party Congress
    rf"|{_CHINESE}届"  # 十九届
    r"|[一二三四五六七]中(?=全会|、|和|及)"  # 四中全会
    rf"|(?<!{_LETTER}){_CHINESE}是"  # 一是…，二是…
    rf"|前{_CHINESE}批"  # 前八批: the first eight batches
    rf"|{_CHINESE}次(?=党代会|全会|全体会议|代表大会))"
)
"""第一批, 第十一次, 十六大, 十九届, 四中(全会), 一是, 前八批, 十一次(党代会)."""

NAME_WORD = (
    rf"(?P<name_word>{_LEAD}(?![年月周天日次届季个批到至或和及与]){_WORD}"  # 三会一课, not 两到三年
    rf"[一二两三四五六七八九十双](?![年月天次个名人项件]){_WORD}"
    rf"|{_LEAD}{_WORD}合一|{_LEAD}位一体"  # 三考合一, 四位一体
    r"|一把手|一票否决|一肩挑|八项规定|百分考核|百分制|百村|千村|万村|百企|千企|百千万"
    r"|[0-9０-９]+(?:[+＋][0-9０-９]+)+)"  # 4+4+2
)
"""Names and formulas built of numerals: 三会一课, 两学一做, 三考合一, 四位一体, 百分考核, 4+4+2."""

IDENTIFIER = (
    r"(?P<identifier>(?<![A-Za-z0-9_])(?:[A-Za-z_]+[0-9]+[A-Za-z0-9_]*|[0-9]+[A-Za-z_][A-Za-z0-9_]*))"
)
"""Digits glued to Latin letters (bet365, 3G): part of a name, no figure."""

CITED_NUMBER = r"(?P<cited_number>[〔\[［](?:19|20)[0-9]{2}[〕\]］][0-9０-９]+号)"
"""A document number: 〔2004〕5号, [2006]13号 — a cited document's, not a figure."""

INDEFINITE = r"(?P<indefinite>一大?批|几(?:个|件|项|名|次|所|家|年|天|篇|位|条))"
"""一批 (a batch), 几件 (a few): a count the text leaves vague."""

NOT_A_FIGURE = (
    r"(?P<not_a_figure>十分|一次性"
    r"|一心一意|一言一行|一点一滴|一举一动|一草一木|一丝一毫|一朝一夕|一五一十|三心二意|一模一样)"
)
"""Words that look like a figure or a formula and count nothing: 十分 (very), 一次性, 一心一意."""
