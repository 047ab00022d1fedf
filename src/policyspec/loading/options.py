"""What a check may be told, in one value that travels from the command line or ``load()`` to
the stages that need it, instead of one parameter per setting threaded through every layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from policyspec.limits import DEFAULT_LIMITS, Limits

__all__ = ["DEFAULT_OPTIONS", "MAX_JOBS", "CheckOptions"]

MAX_JOBS = 256
"""More worker processes than this only costs memory: no machine checks specs faster with them."""


@dataclass(frozen=True)
class CheckOptions:
    """How specs are checked: the limits for hostile input, where source texts are looked for
    first (before ``sources/`` beside the specs folder), and how many worker processes to use."""

    limits: Limits = DEFAULT_LIMITS
    sources: tuple[Path, ...] = field(default=())
    jobs: int = 1

    def __post_init__(self) -> None:
        if not isinstance(self.limits, Limits):
            raise TypeError(f"limits must be a policyspec.Limits, not {self.limits!r}")
        if not isinstance(self.sources, tuple) or not all(isinstance(s, Path) for s in self.sources):
            raise TypeError("sources must be a tuple of pathlib.Path")
        if isinstance(self.jobs, bool) or not isinstance(self.jobs, int) or not 1 <= self.jobs <= MAX_JOBS:
            raise ValueError(f"jobs must be a whole number from 1 to {MAX_JOBS}, not {self.jobs!r}")


DEFAULT_OPTIONS = CheckOptions()
