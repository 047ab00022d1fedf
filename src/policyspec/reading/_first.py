"""Which characters can begin a match of a pattern: the scanner's skip-ahead, derived, not guessed.

Python's regex engine tries the scanner's long alternation at every position of a text, and most
positions of a Chinese policy text (ordinary characters) can begin no token at all. A character
class of every character that can *begin* a match lets the scan jump from candidate to candidate
with a fast C search and try the full pattern only there: the same matches, an order of magnitude
sooner. The class is computed here from the parsed pattern, conservatively (a lookaround or an
anchor constrains but consumes nothing, so it is passed over; anything not understood gives up),
and the committed class in :mod:`~._lexer` is checked against it by a test (this module is
imported by that test, not by the scanner: parsing the pattern again would cost start-up).
"""

from __future__ import annotations

import re
import sys
from typing import cast

if sys.version_info >= (3, 11):  # sre_parse warns of its removal from 3.11 on
    from re import _constants as _c
    from re import _parser as _p
else:  # pragma: no cover
    import sre_constants as _c
    import sre_parse as _p

__all__ = ["first_characters"]

_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_REPEATS = tuple(
    op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None
)


class _Unknown(Exception):
    """A construct whose first characters are not worked out: no skip-ahead then."""


def first_characters(pattern: re.Pattern[str]) -> str | None:
    """A character class (``[...]``) of every character a match of ``pattern`` can begin with, or
    None when that cannot be said (the pattern can match the empty string, or uses a construct
    such as ``.``, a negated class or a back-reference at its start)."""
    if pattern.flags & re.IGNORECASE:
        return None  # a literal would stand for its other cases too
    try:
        fragments, nullable = _first(_p.parse(pattern.pattern, pattern.flags))
    except _Unknown:
        return None
    if nullable or not fragments:
        return None
    return "[" + "".join(sorted(fragments)) + "]"


def _first(items: object) -> tuple[set[str], bool]:
    """First characters of a sequence, and whether the whole sequence can match nothing."""
    fragments: set[str] = set()
    for op, argument in items:  # type: ignore[attr-defined]
        more, nullable = _first_of(op, argument)
        fragments |= more
        if not nullable:
            return fragments, False
    return fragments, True


def _first_of(op: object, argument: object) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return {re.escape(chr(argument))}, False  # type: ignore[arg-type]
    if op is _c.IN:
        return {_class_item(item, value) for item, value in argument}, False  # type: ignore[attr-defined]
    if op is _c.SUBPATTERN:
        return _first(argument[-1])  # type: ignore[index]
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first(argument)
    if op is _c.BRANCH:
        fragments: set[str] = set()
        nullable = False
        for alternative in argument[1]:  # type: ignore[index]
            more, empty = _first(alternative)
            fragments |= more
            nullable |= empty
        return fragments, nullable
    if op in _REPEATS:
        least, _, repeated = cast("tuple[int, int, object]", argument)
        fragments, nullable = _first(repeated)
        return fragments, nullable or least == 0
    if op in _ZERO_WIDTH:
        return set(), True
    raise _Unknown(op)


def _class_item(item: object, value: object) -> str:
    if item is _c.LITERAL:
        return re.escape(chr(value))  # type: ignore[arg-type]
    if item is _c.RANGE:
        low, high = (int(end) for end in value)  # type: ignore[attr-defined]
        return f"{re.escape(chr(low))}-{re.escape(chr(high))}"
    if item is _c.CATEGORY and value in _CATEGORIES:
        return _CATEGORIES[value]
    raise _Unknown(item)  # a negated class or an unusual category: anything may begin
