"""Names a package exports but imports only when first used, so importing it stays cheap.

A package front lists its names three times, and a test keeps the three in step: in ``__all__``;
in ``_HOME``, the module each comes from, for :func:`resolve` (called from the front's module
``__getattr__``, hidden from type checkers); and as ``from module import name as name`` under
``TYPE_CHECKING``, so type checkers see every name with its type and reject a misspelt one.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from importlib import import_module

__all__ = ["resolve"]


def resolve(
    package: str, home: Mapping[str, str], namespace: MutableMapping[str, object], name: str
) -> object:
    """The attribute ``name`` of ``package``, imported from its module in ``home`` and kept."""
    if name not in home:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    value = getattr(import_module(home[name]), name)
    namespace[name] = value
    return value
