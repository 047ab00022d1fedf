"""policyspec: policy documents as trustworthy structured data.

>>> import policyspec
>>> corpus = policyspec.load()            # the bundled corpus, validated
>>> corpus
Corpus(5 documents: hangzhou-2003-anti-corruption-system, ..., …; 130 indicators)
>>> corpus.indicators(text="satisfaction")  # doctest: +NORMALIZE_WHITESPACE
[IndicatorRecord(document='wuxi-party-building-model-zone', id='party-building-satisfaction-rate',
                 target='≥ 90 percent', deadline='2010')]

Names are resolved on first use, so ``import policyspec`` stays cheap for command-line start-up.
"""

from __future__ import annotations

from policyspec._lazy import resolve
from policyspec._version import __version__

TYPE_CHECKING = False  # not `from typing import TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    # What type checkers see: every public name, re-exported explicitly. At run time the names
    # come from __getattr__ below instead, which type checkers do not see, so a misspelt
    # `policyspec.lod()` is an error for them rather than Any.
    from policyspec.api.compare import ComparisonRow as ComparisonRow
    from policyspec.api.corpus import Corpus as Corpus
    from policyspec.api.corpus import load as load
    from policyspec.api.evaluate import Evaluation as Evaluation
    from policyspec.api.query import IndicatorFilter as IndicatorFilter
    from policyspec.api.query import QueryError as QueryError
    from policyspec.api.records import IndicatorRecord as IndicatorRecord
    from policyspec.api.timeline import TimelineEntry as TimelineEntry
    from policyspec.diagnostics import Diagnostic as Diagnostic
    from policyspec.diagnostics import PolicyspecError as PolicyspecError
    from policyspec.limits import Limits as Limits
    from policyspec.model.documents import Document as Document
    from policyspec.model.documents import Goal as Goal
    from policyspec.model.documents import Indicator as Indicator
    from policyspec.model.documents import Measure as Measure
    from policyspec.model.documents import Principle as Principle
    from policyspec.model.documents import Section as Section
    from policyspec.model.documents import Target as Target

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


if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        return resolve(__name__, _HOME, globals(), name)

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
