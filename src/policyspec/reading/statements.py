"""Scan a text for every quantitative or time-bound statement: one per figure, date, recurrence, name.

One pass over the tokens of :mod:`policyspec.reading._lexer`, left to right, with the little state
a reader keeps: the threshold word waiting for its figure, whether we are inside “…” (a short
quoted phrase with numerals is a name: “三会一课”) or 《…》 (a cited document's numbers are
cited, never this document's), and the figure an enumeration may continue. Every look around a
token is bounded, so a text of any length is read in time proportional to its length.
"""

from __future__ import annotations

import re
from dataclasses import replace

from policyspec.reading._lexer import tokens
from policyspec.reading.figures import read_figure, read_heading, read_indefinite, read_ordinal, read_relative
from policyspec.reading.numerals import figures_in
from policyspec.reading.thresholds import OPERATOR_BY_PREFIX, governs, joins_enumeration
from policyspec.reading.time import (
    read_date,
    read_date_stamp,
    read_periodic,
    read_plan_period,
    read_recurrence,
    read_year_span,
)
from policyspec.reading.totals import implied_total
from policyspec.reading.values import Figure, Name, Reading, Statement

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from policyspec.model.vocabulary import Operator
    from policyspec.reading.values import ReadingValue, StatementKind

__all__ = ["find_statements", "read_phrase"]

_MAX_QUOTED_NAME = 20  # characters: a quoted name (“一征三议两公开”) is short; a quoted sentence is not
_MAX_TITLE = 100  # characters of a 《title》 whose numerals are a cited document's
_KEPT_IN_NAMES = frozenset({"placeholder", "period", "cited", "deadline", "start", "date", "heading"})
_NUMERAL_CHAR = re.compile("[0-9０-９〇零一二两三四五六七八九十百千万亿双]")
_GOVERNABLE = frozenset({"figure", "duration", "placeholder"})  # kinds a 不少于 before them can govern


def read_phrase(quote: str) -> Reading:
    """Read everything a quote states: figures with operator and unit, times, names, placeholders.

    >>> reading = read_phrase("县（处）级以上党委中心组集中学习每年不少于12次")
    >>> [(f.operator, f.value, f.unit) for f in reading.figures]
    [('ge', Fraction(12, 1), 'times')]
    >>> [r.every for r in reading.recurrences]
    ['P1Y']
    """
    return Reading(quote, tuple(find_statements(quote)))


def find_statements(text: str) -> list[Statement]:
    """Every quantitative or time-bound statement of a text, in order, each with its kind and reading."""
    return _Scan(text).statements()


class _Scan:
    """The state of one left-to-right reading of a text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Statement] = []
        self.operator: tuple[str, int, int] | None = None  # word, start, end
        self.governing: tuple[Operator, int] | None = None  # operator, end of the figure it governed
        self.quote_start: int | None = None
        self.quoted: list[Statement] = []
        self.title_start: int | None = None

    def statements(self) -> list[Statement]:
        for match in tokens(self.text):
            token = match.lastgroup or ""
            self._close_stale(match.start())
            _HANDLERS[token](self, match)
        self._flush_quote(None)
        return self.found

    # --- context: quotes and titles -------------------------------------------------------------

    def _close_stale(self, position: int) -> None:
        """A “ or 《 left open too long, or across a line, encloses no name or title after all."""
        if self.quote_start is not None and self._stale(self.quote_start, position, _MAX_QUOTED_NAME):
            self._flush_quote(None)
        if self.title_start is not None and self._stale(self.title_start, position, _MAX_TITLE):
            self.title_start = None

    def _stale(self, start: int, position: int, longest: int) -> bool:
        return position - start > longest or "\n" in self.text[start:position]

    def _open_quote(self, match: re.Match[str]) -> None:
        self._flush_quote(None)
        self.quote_start = match.end()

    def _close_quote(self, match: re.Match[str]) -> None:
        self._flush_quote(match.start())

    def _flush_quote(self, close: int | None) -> None:
        """At ”, a short quoted phrase with numerals becomes one name; otherwise its statements stand.

        The name takes in everything quoted (“净网2020”, “三X”): a name is one statement. A quoted
        period, date or placeholder with no other numeral beside it (“十一五”, “X英才”) stays what it is.
        """
        start, quoted = self.quote_start, self.quoted
        self.quote_start, self.quoted = None, []
        if start is not None and close is not None:
            kept = [statement for statement in quoted if statement.kind in _KEPT_IN_NAMES]
            name = self._quoted_name(start, close, kept)
            if name is not None:
                quoted = [name]
        for statement in quoted:
            self._emit(statement)

    def _quoted_name(self, start: int, close: int, kept: list[Statement]) -> Statement | None:
        segment = list(self.text[start:close])
        for statement in kept:
            segment[statement.start - start : statement.end - start] = " " * (statement.end - statement.start)
        if not _NUMERAL_CHAR.search("".join(segment)):
            return None
        text = self.text[start:close]
        return Statement("name", start, close, text, Name(start, close, text, figures_in(text)))

    def _open_title(self, match: re.Match[str]) -> None:
        self.title_start = match.end()

    def _close_title(self, match: re.Match[str]) -> None:
        self.title_start = None

    # --- emitting ----------------------------------------------------------------------------------

    def _add(self, kind: StatementKind, start: int, end: int, reading: ReadingValue) -> None:
        statement = Statement(kind, start, end, self.text[start:end], reading)
        if self.quote_start is not None:
            self.quoted.append(statement)
        else:
            self._emit(statement)

    def _emit(self, statement: Statement) -> None:
        if self.title_start is not None and statement.kind != "heading":
            statement = Statement("cited", statement.start, statement.end, statement.text, statement.reading)
        self.found.append(statement)

    # --- tokens ------------------------------------------------------------------------------------

    def _heading(self, match: re.Match[str]) -> None:
        figure = read_heading(match)
        self._add("heading", figure.start, figure.end, figure)

    def _named(self, match: re.Match[str], kind: StatementKind = "name") -> None:
        start, end = match.span()
        self._add(kind, start, end, Name(start, end, match.group(), figures_in(match.group())))

    def _cited_number(self, match: re.Match[str]) -> None:
        self._named(match, "cited")

    def _ordinal(self, match: re.Match[str]) -> None:
        figure = read_ordinal(match)
        self._add("ordinal", figure.start, figure.end, figure)

    def _indefinite(self, match: re.Match[str]) -> None:
        figure = read_indefinite(match)
        self._add("indefinite", figure.start, figure.end, figure)

    def _stamp(self, match: re.Match[str]) -> None:
        dated = read_date_stamp(match)
        self._add("date", dated.start, dated.end, dated)

    def _date(self, match: re.Match[str]) -> None:
        kind, dated = read_date(match)
        self._add(kind, dated.start, dated.end, dated)

    def _span(self, match: re.Match[str]) -> None:
        period = read_year_span(match)
        self._add("period", period.start, period.end, period)

    def _plan(self, match: re.Match[str]) -> None:
        kind, period = read_plan_period(match, self.text)
        self._add(kind, period.start, period.end, period)

    def _recurrence(self, match: re.Match[str]) -> None:
        recurrence = read_recurrence(match)
        self._add("recurrence", recurrence.start, recurrence.end, recurrence)

    def _periodic(self, match: re.Match[str]) -> None:
        recurrence = read_periodic(match)
        self._add("periodic", recurrence.start, recurrence.end, recurrence)

    def _implied_total(self, match: re.Match[str]) -> None:
        start, end = match.span()
        self._add("implied-total", start, end, implied_total(start, end))

    def _prefix(self, match: re.Match[str]) -> None:
        self.operator = (match.group(), *match.span())

    def _relative(self, match: re.Match[str]) -> None:
        figure = self._governed(read_relative(match))
        self._add("figure", figure.start, figure.end, figure)

    def _figure(self, match: re.Match[str]) -> None:
        read = read_figure(match, self.text)
        if read is None:
            return  # a Chinese numeral with no measure word: 统一, 一心, 两新 count nothing
        kind, figure = read
        if kind in _GOVERNABLE:
            figure = self._governed(figure)
        self._add(kind, figure.start, figure.end, figure)

    def _governed(self, figure: Figure) -> Figure:
        """Apply the threshold word waiting before the figure, or offer an enumeration's as a rival."""
        if self.operator is not None:
            word, word_start, word_end = self.operator
            if governs(self.text, word, word_end, figure.start):
                self.operator = None
                prefix = OPERATOR_BY_PREFIX[word]
                self.governing = (prefix, figure.end)
                if figure.operator == "eq":
                    return replace(figure, operator=prefix, operator_span=(word_start, word_end))
                if figure.operator != prefix:
                    return replace(figure, other_operators=(*figure.other_operators, prefix))
                return figure
        if self.governing is not None:
            prefix, governed_end = self.governing
            if joins_enumeration(self.text, governed_end, figure.start):
                self.governing = (prefix, figure.end)
                if figure.operator == "eq" and prefix != "eq":
                    return replace(figure, other_operators=(prefix,))
                return figure
            self.governing = None
        return figure

    def _ignore(self, match: re.Match[str]) -> None:
        """A word that looks like a figure and counts nothing (十分, 一次性)."""


_HANDLERS: dict[str, Callable[[_Scan, re.Match[str]], None]] = {
    "t_heading": _Scan._heading,
    "t_cited_number": _Scan._cited_number,
    "t_open_quote": _Scan._open_quote,
    "t_close_quote": _Scan._close_quote,
    "t_open_title": _Scan._open_title,
    "t_close_title": _Scan._close_title,
    "t_stamp": _Scan._stamp,
    "t_span": _Scan._span,
    "t_date": _Scan._date,
    "t_plan": _Scan._plan,
    "t_recurrence": _Scan._recurrence,
    "t_periodic": _Scan._periodic,
    "t_identifier": _Scan._named,
    "t_not_a_figure": _Scan._ignore,
    "t_ordinal": _Scan._ordinal,
    "t_name_word": _Scan._named,
    "t_indefinite": _Scan._indefinite,
    "t_implied_total": _Scan._implied_total,
    "t_relative": _Scan._relative,
    "t_prefix": _Scan._prefix,
    "t_figure": _Scan._figure,
}
