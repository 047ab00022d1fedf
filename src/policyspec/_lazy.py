"""Names a package exports but imports only when first used, so importing it stays cheap."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from importlib import import_module

TYPE_CHECKING = False  # not `from typing import TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

__all__ = ["resolve"]


def resolve(package: str, home: Mapping[str, str], namespace: MutableMapping[str, Any], name: str) -> Any:
    """The attribute ``name`` of ``package``, imported from its module in ``home`` and kept."""
    if name not in home:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    value = getattr(import_module(home[name]), name)
    namespace[name] = value
    return value
