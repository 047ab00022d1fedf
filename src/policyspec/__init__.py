"""policyspec: policy documents as trustworthy structured data.

>>> import policyspec
>>> corpus = policyspec.load()            # the bundled corpus, validated
>>> len(corpus.documents)
5

Names are resolved on first use, so ``import policyspec`` stays cheap for command-line start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policyspec.corpus import Corpus, load
    from policyspec.diagnostics import Diagnostic, PolicyspecError
    from policyspec.limits import Limits
    from policyspec.model import Document, Goal, Indicator, Measure, Principle, Section, Target
    from policyspec.records import IndicatorRecord

__all__ = [
    "Corpus",
    "Diagnostic",
    "Document",
    "Goal",
    "Indicator",
    "IndicatorRecord",
    "Limits",
    "Measure",
    "PolicyspecError",
    "Principle",
    "Section",
    "Target",
    "load",
]

_HOME = {
    "Corpus": "policyspec.corpus",
    "load": "policyspec.corpus",
    "Diagnostic": "policyspec.diagnostics",
    "PolicyspecError": "policyspec.diagnostics",
    "Limits": "policyspec.limits",
    "IndicatorRecord": "policyspec.records",
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
