"""The flat indicator view as a pandas DataFrame, typed column by column.

pandas is not a dependency of policyspec: it is imported when a frame is asked for, and its
absence is an ``ImportError`` that says what to install. The columns are the fields of
:class:`~policyspec.api.records.IndicatorRecord`, in order, with three beside them:

- text as pandas' ``string`` dtype (missing values are ``<NA>``);
- ``kind``, ``operator``, ``unit`` and ``commitment`` as categoricals whose categories are the
  whole vocabulary (:mod:`policyspec.model.vocabulary`), so counts show the unused values too;
- ``value`` and ``upper`` as nullable ``Float64``: exact for integers and finite decimals, the
  nearest double for other fractions (1/3); ``exact_value`` and ``exact_upper``, just after them,
  hold the exact :class:`~fractions.Fraction` (or ``None``);
- ``per_term`` and ``placeholder`` as ``bool``;
- ``deadline`` as written (``2010``, ``2010-06-30``) and, just after it, ``deadline_year`` as
  nullable ``Int64``, the year the ``due_by`` and ``due_after`` criteria compare;
- ``topics`` and ``lead_units`` as lists of strings, one list per row.

With the bundled corpus:

>>> import policyspec
>>> frame = policyspec.load().indicators_frame(unit="fraction")
>>> frame["id"].tolist(), frame["value"].tolist(), frame["exact_value"].tolist()
(['incompetent-votes-removal'], [0.3333333333333333], [Fraction(1, 3)])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields
from importlib import import_module
from typing import get_args

from policyspec.api.records import IndicatorRecord
from policyspec.model.dates import year_of
from policyspec.model.documents import Indicator
from policyspec.model.vocabulary import COMMITMENTS, OPERATORS, UNITS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType

    from pandas import DataFrame

__all__ = ["INSTALL_HINT", "indicators_frame"]

INSTALL_HINT = "pip install pandas"

_CATEGORIES: dict[str, tuple[str, ...]] = {
    "kind": get_args(Indicator.model_fields["kind"].annotation),
    "operator": OPERATORS,
    "unit": UNITS,
    "commitment": COMMITMENTS,
}
_FIGURES = ("value", "upper")
_BOOLEANS = ("per_term", "placeholder")
_LISTS = ("topics", "lead_units")


def _deadline_year(record: IndicatorRecord) -> int | None:
    return None if record.deadline is None else year_of(record.deadline)


# Columns derived from a record, each placed right after the field it comes from.
_DERIVED: dict[str, tuple[str, str, Callable[[IndicatorRecord], object]]] = {
    "value": ("exact_value", "object", lambda record: record.exact_value),
    "upper": ("exact_upper", "object", lambda record: record.exact_upper),
    "deadline": ("deadline_year", "Int64", _deadline_year),
}


def _pandas(wanted_by: str) -> ModuleType:
    try:
        return import_module("pandas")
    except ImportError as missing:
        raise ImportError(
            f"{wanted_by} needs pandas, which policyspec does not install: {INSTALL_HINT}"
        ) from missing


def _column(pandas: ModuleType, name: str, rows: list[IndicatorRecord]) -> object:
    """One field of the records as a Series of its dtype."""
    cells = [getattr(row, name) for row in rows]
    if name in _CATEGORIES:
        return pandas.Series(pandas.Categorical(cells, categories=_CATEGORIES[name]))
    if name in _FIGURES:  # through the exact figure: "1/3" is a string until it is a number
        figures = (getattr(row, f"exact_{name}") for row in rows)
        return pandas.Series([None if f is None else float(f) for f in figures], dtype="Float64")
    if name in _BOOLEANS:
        return pandas.Series(cells, dtype="bool")
    if name in _LISTS:
        return pandas.Series([list(cell) for cell in cells], dtype="object")
    return pandas.Series(cells, dtype="string")


def indicators_frame(records: Iterable[IndicatorRecord]) -> DataFrame:
    """The records as a DataFrame, one row each in their order (the columns are described above).

    Raises ``ImportError`` (saying ``pip install pandas``) when pandas is not installed.
    """
    pandas = _pandas("indicators_frame")
    rows = list(records)
    columns: dict[str, object] = {}
    for field in fields(IndicatorRecord):
        columns[field.name] = _column(pandas, field.name, rows)
        if field.name in _DERIVED:
            derived, dtype, cell = _DERIVED[field.name]
            columns[derived] = pandas.Series([cell(row) for row in rows], dtype=dtype)
    return pandas.DataFrame(columns)
