"""policyspec: policy documents as trustworthy structured data.

>>> import policyspec
>>> corpus = policyspec.load()            # the bundled corpus, validated
>>> len(corpus.documents)
5

Names are resolved on first use, so ``import policyspec`` stays cheap for command-line start-up.
"""

from __future__ import annotations

from policyspec._lazy import resolve
from policyspec._version import __version__

TYPE_CHECKING = False  # not `from typing import TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

    from policyspec.api.compare import ComparisonRow
    from policyspec.api.corpus import Corpus, load
    from policyspec.api.evaluate import Evaluation
    from policyspec.api.query import IndicatorFilter, QueryError
    from policyspec.api.records import IndicatorRecord
    from policyspec.api.timeline import TimelineEntry
    from policyspec.diagnostics import Diagnostic, PolicyspecError
    from policyspec.limits import Limits
    from policyspec.model.documents import Document, Goal, Indicator, Measure, Principle, Section, Target

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
    "__version__",
    "load",
]

_HOME = {
    "Corpus": "policyspec.api.corpus",
    "load": "policyspec.api.corpus",
    "Diagnostic": "policyspec.diagnostics",
    "PolicyspecError": "policyspec.diagnostics",
    "Limits": "policyspec.limits",
    "IndicatorRecord": "policyspec.api.records",
    "ComparisonRow": "policyspec.api.compare",
    "Evaluation": "policyspec.api.evaluate",
    "IndicatorFilter": "policyspec.api.query",
    "QueryError": "policyspec.api.query",
    "TimelineEntry": "policyspec.api.timeline",
    **dict.fromkeys(
        ("Document", "Goal", "Indicator", "Measure", "Principle", "Section", "Target"),
        "policyspec.model.documents",
    ),
}


def __getattr__(name: str) -> Any:
    return resolve(__name__, _HOME, globals(), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
