"""Bounds on what a spec file may ask of the parser, so hostile input fails fast and clearly."""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = ["DEFAULT_LIMITS", "LIMIT_CEILINGS", "Limits"]

# The largest value each limit may be set to: beyond these a "limit" no longer protects anything
# (and a size beyond what a C ssize_t holds would crash the read instead).
LIMIT_CEILINGS: dict[str, int] = {
    "max_bytes": 1 << 30,
    "max_source_bytes": 1 << 30,
    "max_depth": 1_000,
    "max_aliases": 1_000_000,
    "max_nodes": 100_000_000,
    "max_documents": 1_000,
}


@dataclass(frozen=True)
class Limits:
    """Generous for real specs, tight for attacks: the largest bundled spec is about 70 KB with
    about 2,000 nodes and 6 levels, so each bound leaves ample room while keeping the worst
    accepted file well under a second to parse. Each must be a whole number from 0 (1 for depth
    and documents) up to its ceiling in :data:`LIMIT_CEILINGS`; anything else raises ValueError."""

    max_bytes: int = 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 100
    max_nodes: int = 100_000  # scalars and collections after alias expansion
    max_documents: int = 1
    max_source_bytes: int = 16 * 1024 * 1024  # the archived source text; the largest is about 60 KB

    def __post_init__(self) -> None:
        for limit in fields(self):
            value = getattr(self, limit.name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{limit.name} must be an int, not {type(value).__name__}")
            low = 1 if limit.name in ("max_depth", "max_documents") else 0
            if not low <= value <= LIMIT_CEILINGS[limit.name]:
                raise ValueError(
                    f"{limit.name} must be from {low} to {LIMIT_CEILINGS[limit.name]}, not {value}"
                )


DEFAULT_LIMITS = Limits()
