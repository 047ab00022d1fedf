"""Bounds on what a spec file may ask of the parser, so hostile input fails fast and clearly."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_LIMITS", "Limits"]


@dataclass(frozen=True)
class Limits:
    """Generous for real specs (the largest bundled one is well under these), tight for attacks."""

    max_bytes: int = 4 * 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 100
    max_nodes: int = 500_000  # scalars and collections after alias expansion
    max_documents: int = 1


DEFAULT_LIMITS = Limits()
