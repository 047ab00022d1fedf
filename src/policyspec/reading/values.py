"""What the phrase reader returns: frozen values with the code-point span they were read from.

Every reading keeps its ``start``/``end`` in the text it came from, so a rule can quote it and a
coverage report can say which stretch of the source stands for which statement. Values are exact
(:class:`fractions.Fraction`); what the text leaves open stays open (``None``, or the competing
readings side by side), never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

TYPE_CHECKING = False  # not `from typing import TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Literal, TypeAlias

    from policyspec.model.vocabulary import Operator, Unit

    StatementKind: TypeAlias = Literal[
        "figure",
        "duration",
        "recurrence",
        "periodic",
        "deadline",
        "start",
        "date",
        "period",
        "placeholder",
        "implied-total",
        "indefinite",
        "name",
        "ordinal",
        "tier",
        "scope",
        "cited",
        "heading",
    ]
    DatedWording: TypeAlias = Literal["by", "before", "within", "end-of", "from", "since", "after", "at"]
    ReadingValue: TypeAlias = "Figure | Recurrence | Dated | Period | Name"

__all__ = [
    "EXCLUDABLE_KINDS",
    "REQUIREMENT_KINDS",
    "STATEMENT_KINDS",
    "Dated",
    "Figure",
    "Name",
    "Period",
    "Reading",
    "Recurrence",
    "Statement",
]

STATEMENT_KINDS: tuple[StatementKind, ...] = (
    "figure",  # a figure a requirement states: 10次以上, 90％, 三分之一
    "duration",  # time to take, not a date: 用5年左右的时间, 1年内
    "recurrence",  # 每年, 每半年, 每届, 两年一次
    "periodic",  # a weaker, implied period: 年度考核, 年终, 定期, 届中
    "deadline",  # 到2010年, 2008年底前, 2010年内
    "start",  # 从2003年起: a start, never a deadline
    "date",  # a bare year or date (2008年，…; （2006年7月20日）): a milestone or a mere date
    "period",  # a span of years: “十一五”期间, 2004－2008年
    "placeholder",  # X轮, XX, ××: an unknown value, never guessed
    "implied-total",  # 全部, 所有, 全覆盖, 一律, 凡…必须: a share of 100 percent, implied
    "indefinite",  # 一批, 几件: a count the text leaves vague
    "name",  # numerals of a name or formula: “三会一课”, 四位一体, 4+4+2, 百分考核
    "ordinal",  # 第一批, 十六大, 十九届, 一是
    "tier",  # 市、县、乡三级, 两级: a scope of levels
    "scope",  # 35岁以下: who a figure applies to
    "cited",  # a cited document's numbers: 《…2013-2017年…规划》, “十一五”规划, 〔2004〕5号
    "heading",  # numbering of the text: 一、 （一） 1. (1) ①
)
"""Every kind a statement can have, in the order a coverage report lists them."""

EXCLUDABLE_KINDS: frozenset[StatementKind] = frozenset(
    ("name", "ordinal", "tier", "scope", "cited", "heading")
)
"""Kinds coverage proposes to exclude: numerals that are names, ordinals, scopes, citations, headings."""

REQUIREMENT_KINDS: frozenset[StatementKind] = frozenset(STATEMENT_KINDS) - EXCLUDABLE_KINDS
"""Kinds a spec encodes (or deliberately leaves out): quantities and times the document states."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as the phrase states it: exact value, operator, unit (1－3名 is range 1 to 3 persons).

    ``value`` is None for a placeholder (X轮), for a vague count (几件) and for a figure refused as
    absurd (``problem`` says why). ``unit`` is the vocabulary id when the measure word stands for
    exactly one; ``unit_choices`` lists the ids when it could stand for several (个: bodies, sites
    or items), so a rule decides rather than the reader. ``other_operators`` holds readings that
    compete with ``operator``: 至少 governing a later figure of the same enumeration, say.
    """

    start: int
    end: int
    value: Fraction | None
    operator: Operator = "eq"
    upper: Fraction | None = None
    unit: Unit | None = None
    measure_word: str | None = None
    unit_choices: tuple[Unit, ...] = ()
    relative: bool = False
    implied: bool = False
    placeholder: bool = False
    other_operators: tuple[Operator, ...] = ()
    operator_span: tuple[int, int] | None = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Recurrence:
    """How often something recurs: an ISO 8601 duration (每年 P1Y), or once per term (每届).

    ``weak`` marks a period that is implied rather than stated (年度考核, 定期): whether the
    sentence requires the recurring act is for a rule to decide. ``every`` is None for 定期 (no
    stated frequency) and for a term.
    """

    start: int
    end: int
    every: str | None
    per_term: bool = False
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Dated:
    """A calendar point as written (2010年, 2008年6月底) and how the text ties it (到, 前, 起 …)."""

    start: int
    end: int
    year: int
    month: int | None = None
    day: int | None = None
    end_of: bool = False
    wording: DatedWording = "at"

    @property
    def iso(self) -> str:
        """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': as precise as the text, the form specs write."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True, slots=True)
class Period:
    """A span of years, both included: “十一五” is 2006–2010, 2004－2008年 is 2004–2008."""

    start: int
    end: int
    first_year: int
    last_year: int
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Name:
    """A name or formula with numerals in it (三会一课, 4+4+2): its numerals, in order, as read."""

    start: int
    end: int
    text: str
    figures: tuple[Fraction, ...] = ()


@dataclass(frozen=True, slots=True)
class Statement:
    """One quantitative or time-bound stretch of a text: one per figure, recurrence, date or name."""

    kind: StatementKind
    start: int
    end: int
    text: str
    reading: ReadingValue


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything a quote states, by sort; every statement once, in the order of the quote."""

    quote: str
    statements: tuple[Statement, ...]

    def of_kind(self, *kinds: StatementKind) -> tuple[Statement, ...]:
        return tuple(statement for statement in self.statements if statement.kind in kinds)

    @property
    def figures(self) -> tuple[Figure, ...]:
        """The figures a requirement states (kind 'figure')."""
        return self._figures("figure")

    @property
    def durations(self) -> tuple[Figure, ...]:
        return self._figures("duration")

    @property
    def placeholders(self) -> tuple[Figure, ...]:
        return self._figures("placeholder")

    @property
    def implied_totals(self) -> tuple[Figure, ...]:
        return self._figures("implied-total")

    @property
    def all_figures(self) -> tuple[Figure, ...]:
        """Every figure read, whatever its kind: names', ordinals' and tiers' included."""
        return tuple(s.reading for s in self.statements if isinstance(s.reading, Figure))

    @property
    def recurrences(self) -> tuple[Recurrence, ...]:
        """Stated recurrences (每年); the weaker 'periodic' ones (年度) are in ``periodic``."""
        return tuple(s.reading for s in self.of_kind("recurrence") if isinstance(s.reading, Recurrence))

    @property
    def periodic(self) -> tuple[Recurrence, ...]:
        return tuple(s.reading for s in self.of_kind("periodic") if isinstance(s.reading, Recurrence))

    @property
    def deadlines(self) -> tuple[Dated, ...]:
        return self._dated("deadline")

    @property
    def starts(self) -> tuple[Dated, ...]:
        return self._dated("start")

    @property
    def dates(self) -> tuple[Dated, ...]:
        return self._dated("date")

    @property
    def periods(self) -> tuple[Period, ...]:
        return tuple(s.reading for s in self.of_kind("period") if isinstance(s.reading, Period))

    @property
    def excluded(self) -> tuple[Statement, ...]:
        """Statements coverage would propose to exclude (names, ordinals, tiers, citations …)."""
        return tuple(s for s in self.statements if s.kind in EXCLUDABLE_KINDS)

    def _figures(self, kind: StatementKind) -> tuple[Figure, ...]:
        return tuple(s.reading for s in self.of_kind(kind) if isinstance(s.reading, Figure))

    def _dated(self, kind: StatementKind) -> tuple[Dated, ...]:
        return tuple(s.reading for s in self.of_kind(kind) if isinstance(s.reading, Dated))
