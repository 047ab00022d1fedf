"""policyspec: policy documents as trustworthy structured data.

>>> import policyspec
>>> corpus = policyspec.load()            # the bundled corpus, validated
>>> len(corpus.documents)
5

Names are resolved on first use, so ``import policyspec`` stays cheap for command-line start-up.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # not `from typing import TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

    from policyspec.compare import ComparisonRow
    from policyspec.corpus import Corpus, load
    from policyspec.diagnostics import Diagnostic, PolicyspecError
    from policyspec.evaluate import Evaluation
    from policyspec.limits import Limits
    from policyspec.model import Document, Goal, Indicator, Measure, Principle, Section, Target
    from policyspec.query import IndicatorFilter, QueryError
    from policyspec.records import IndicatorRecord
    from policyspec.timeline import TimelineEntry

__all__ = [
    "ComparisonRow",
    "Corpus",
    "Diagnostic",
    "Document",
    "Evaluation",
    "Goal",
    "Indicator",
    "IndicatorFilter",
    "IndicatorRecord",
    "Limits",
    "Measure",
    "PolicyspecError",
    "Principle",
    "QueryError",
    "Section",
    "Target",
    "TimelineEntry",
    "load",
]

_HOME = {
    "Corpus": "policyspec.corpus",
    "load": "policyspec.corpus",
    "Diagnostic": "policyspec.diagnostics",
    "PolicyspecError": "policyspec.diagnostics",
    "Limits": "policyspec.limits",
    "IndicatorRecord": "policyspec.records",
    "ComparisonRow": "policyspec.compare",
    "Evaluation": "policyspec.evaluate",
    "IndicatorFilter": "policyspec.query",
    "QueryError": "policyspec.query",
    "TimelineEntry": "policyspec.timeline",
    **dict.fromkeys(
        ("Document", "Goal", "Indicator", "Measure", "Principle", "Section", "Target"), "policyspec.model"
    ),
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        value = getattr(import_module(_HOME[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'policyspec' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
