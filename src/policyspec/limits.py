"""Bounds on what a spec file may ask of the parser, so hostile input fails fast and clearly."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_LIMITS", "Limits"]


@dataclass(frozen=True)
class Limits:
    """Generous for real specs, tight for attacks: the largest bundled spec is about 70 KB with
    about 2,000 nodes and 6 levels, so each bound leaves ample room while keeping the worst
    accepted file well under a second to parse."""

    max_bytes: int = 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 100
    max_nodes: int = 100_000  # scalars and collections after alias expansion
    max_documents: int = 1


DEFAULT_LIMITS = Limits()
