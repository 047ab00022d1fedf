"""The reader on the real bundled corpus: what it reads from every indicator's quote, and from every source.

The agreement rates are printed (``pytest -s``), not demanded, where they measure the specs (which
are being re-encoded) as much as the reader. What is demanded is what the reader owes: the value
of an indicator whose quote writes a numeral is read from it, and every source text is scanned
into statements that each stand on their own stretch of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from itertools import pairwise

import pytest

from policyspec.bundled import bundled_dir, bundled_specs
from policyspec.loading.check_files import check_files
from policyspec.model.documents import Document, Indicator
from policyspec.reading import STATEMENT_KINDS, find_statements, read_phrase
from policyspec.reading.values import Figure, Name, Reading

_WRITES_A_NUMERAL = re.compile("[0-9０-９〇零一二两三四五六七八九十百千万亿半XＸ×％%]")
_FIGURES_OF_REQUIREMENTS = frozenset({"figure", "duration", "placeholder", "implied-total", "indefinite"})


@cache
def documents() -> tuple[Document, ...]:
    """The bundled documents, as :func:`policyspec.load` returns them when every rule passes.

    Taken from the structural check, so that the reader is measured even while a rule under
    construction (coverage, derivation) refuses the corpus being re-encoded.
    """
    return tuple(spec.document for spec in check_files(bundled_specs()) if spec.document is not None)


def numeric_indicators() -> list[Indicator]:
    return [i for d in documents() for i in d.indicators if i.target.value is not None]


@dataclass(frozen=True)
class Agreement:
    """How one indicator's encoding compares with what its quote reads."""

    indicator: Indicator
    reading: Reading

    @property
    def value(self) -> Fraction:
        return Fraction(str(self.indicator.target.value))

    def readings_of_value(self, kinds: frozenset[str] | None = None) -> list[Figure | Name]:
        found: list[Figure | Name] = []
        for statement in self.reading.statements:
            if kinds is not None and statement.kind not in kinds:
                continue
            reading = statement.reading
            if isinstance(reading, Figure) and reading.value == self.value:
                found.append(reading)
            if isinstance(reading, Name) and self.value in reading.figures:
                found.append(reading)
        return found

    @property
    def operator_read(self) -> bool:
        operator = self.indicator.target.operator
        return any(isinstance(f, Figure) and f.operator == operator for f in self.readings_of_value())

    @property
    def operator_offered(self) -> bool:
        operator = self.indicator.target.operator
        return any(
            isinstance(f, Figure) and operator in (f.operator, *f.other_operators)
            for f in self.readings_of_value()
        )

    @property
    def unit_read(self) -> bool:
        unit = self.indicator.target.unit
        return any(
            isinstance(f, Figure) and (f.unit == unit or unit in f.unit_choices)
            for f in self.readings_of_value()
        )


def agreements() -> list[Agreement]:
    return [Agreement(indicator, read_phrase(indicator.quote)) for indicator in numeric_indicators()]


def rate(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else "0/0"


def test_the_value_of_an_indicator_is_read_from_a_quote_that_writes_a_numeral() -> None:
    every = agreements()
    written = [a for a in every if _WRITES_A_NUMERAL.search(a.indicator.quote)]
    read = [a for a in every if a.readings_of_value()]
    read_where_written = [a for a in written if a.readings_of_value()]
    as_requirement = [a for a in every if a.readings_of_value(_FIGURES_OF_REQUIREMENTS)]
    print(f"\nindicators with a numeric value: {len(every)}")
    print(f"  value read (any kind, names included): {rate(len(read), len(every))}")
    print(f"  value read as a requirement's figure:  {rate(len(as_requirement), len(every))}")
    print(f"  value read where the quote writes a numeral: {rate(len(read_where_written), len(written))}")
    print(f"  operator read, of values read: {rate(sum(a.operator_read for a in read), len(read))}")
    print(f"  operator read or offered as a rival: {rate(sum(a.operator_offered for a in read), len(read))}")
    print(f"  unit read or among the choices: {rate(sum(a.unit_read for a in read), len(read))}")
    for agreement in every:
        if not agreement.readings_of_value():
            target = agreement.indicator.target
            quote = agreement.indicator.quote[:36]
            print(f"  not read: {target.operator} {target.value} {target.unit}  {quote}")
    assert len(read_where_written) >= 0.9 * len(written)


def test_recurrences_and_deadlines_of_indicators_are_read_where_the_quote_states_them() -> None:
    """Printed only: a quote often leaves the deadline or recurrence to its sentence's context."""
    indicators = [i for d in documents() for i in d.indicators]
    recurring = [i for i in indicators if i.per is not None or i.per_term]
    dated = [i for i in indicators if i.deadline is not None]
    stated = strong = 0
    for indicator in recurring:
        reading = read_phrase(indicator.quote)
        stated += any(_same_recurrence(indicator, r.every, r.per_term) for r in reading.recurrences)
        strong += any(
            _same_recurrence(indicator, r.every, r.per_term)
            for r in (*reading.recurrences, *reading.periodic)
        )
    deadlines = sum(
        any(d.iso == indicator.deadline for d in (*read.deadlines, *read.dates))
        or any(str(p.last_year) == indicator.deadline for p in read.periods)
        for indicator in dated
        for read in [read_phrase(indicator.quote)]
    )
    print(f"\nrecurrence stated in the quote: {rate(stated, len(recurring))}")
    print(f"recurrence stated or implied (年度, 定期 …): {rate(strong, len(recurring))}")
    print(f"deadline read from the quote (deadline, date or period end): {rate(deadlines, len(dated))}")
    assert stated <= strong <= len(recurring)


def _same_recurrence(indicator: Indicator, every: str | None, per_term: bool) -> bool:
    return (indicator.per_term and per_term) or (indicator.per is not None and indicator.per == every)


@pytest.mark.parametrize("source", sorted(bundled_dir("sources").glob("*.txt")), ids=lambda path: path.stem)
def test_every_source_text_is_scanned_into_statements(source: object) -> None:
    from pathlib import Path

    assert isinstance(source, Path)
    text = source.read_text(encoding="utf-8")
    statements = find_statements(text)
    counts = Counter(statement.kind for statement in statements)
    listed = ", ".join(f"{kind} {counts[kind]}" for kind in STATEMENT_KINDS if counts[kind])
    print(f"\n{source.name}: {len(statements)} statements: {listed}")
    assert counts["figure"] > 0
    assert all(text[s.start : s.end] == s.text for s in statements)
    assert all(a.end <= b.start for a, b in pairwise(statements))
