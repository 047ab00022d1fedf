"""Valid documents broken in exactly one place, with the path of the node a diagnostic must name."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from policyspec.diagnostics import JsonPath
from policyspec.model.bounds import MAX_MAGNITUDE
from policyspec.model.documents import DATE_PATTERN
from tests.strategies.dates import IMPOSSIBLE_DATES
from tests.strategies.documents import Data, Draw, documents
from tests.strategies.numbers import BEYOND_FIGURES
from tests.strategies.shapes import Shape, Site, sites

__all__ = ["FIGURE_FAULTS", "MUTATION_KINDS", "Mutation", "mutations"]

MUTATION_KINDS = (
    "unknown-key",
    "missing-key",
    "wrong-type",
    "outside-vocabulary",
    "pattern-violation",
    "out-of-range",
    "too-short",
    "too-long",
)
# A figure beyond its bounds never reaches the models from YAML: the parser refuses it first
# (PS013, at the scalar), so it is a fault of its own, kept out of MUTATION_KINDS.
FIGURE_FAULTS = ("figure-out-of-bounds",)


@dataclass(frozen=True)
class Mutation:
    """A valid document broken in one place; ``path`` is the node a diagnostic must name."""

    kind: str
    data: Data
    path: JsonPath  # for a missing key, the path the key would have
    value: Any = None  # what was put at ``path``

    def __repr__(self) -> str:  # hypothesis prints this for a failing example: the fault first
        return f"Mutation({self.kind} at {self.path!r}: {self.value!r}, data={self.data!r})"


_WRONG_VALUES: dict[str, list[Any]] = {
    "string": ["seven", ""],
    "integer": [7, 0],
    # Not integral: both read 2010.0 as the year 2010 (test_schema_agreement pins it).
    "number": [7.5, -0.25],
    "boolean": [True, False],
    "null": [None],
    "array": [[], ["x"]],
    "object": [{}, {"x": 1}],
}
_UNKNOWN_KEYS = st.sampled_from(["qoute", "operater", "unit_", "ids", "notes", "备注", "x", "deadline2"])
_NEAR_MISSES = ["２０１０", "2010-13", "1899", "1/0", "a--b", "有中文", "abc.md", "P1.5Y", "P0Y", "10"]


def _applies(kind: str, site: Site) -> bool:
    shape = site.shape
    is_model = isinstance(site.value, dict) and shape.model is not None
    return {
        "unknown-key": is_model,
        "missing-key": is_model and any(shape.required(key) for key in site.value),
        "wrong-type": bool(site.path),
        "outside-vocabulary": bool(shape.choices),
        "pattern-violation": shape.pattern is not None,
        "out-of-range": (shape.minimum is not None or shape.maximum is not None) and not _figure(shape),
        "figure-out-of-bounds": _figure(shape),
        "too-short": bool(shape.min_length),
        "too-long": shape.max_length is not None,
    }[kind]


def _figure(shape: Shape) -> bool:
    return shape.maximum == MAX_MAGNITUDE


def _out_of_range(draw: Draw, site: Site) -> int:
    """Just past either bound, or far past it."""
    low, high = site.shape.minimum, site.shape.maximum
    candidates = [] if low is None else [low - 1, low - 1000, -abs(low) - 1]
    candidates += [] if high is None else [high + 1, high + 1000, high * 10**3]
    value: int = draw(st.sampled_from(candidates))
    return value


def _wrong_type(draw: Draw, site: Site) -> Any:
    admitted = site.shape.types | ({"integer"} if "number" in site.shape.types else set())
    wrong = [value for kind in sorted(set(_WRONG_VALUES) - admitted) for value in _WRONG_VALUES[kind]]
    return draw(st.sampled_from(wrong))


def _breaks(pattern: str) -> Callable[[str], bool]:
    return lambda text: re.fullmatch(pattern, text) is None


def _pattern_violation(draw: Draw, site: Site) -> str:
    assert site.shape.pattern is not None
    current = site.value if isinstance(site.value, str) else "1/3"
    near = [current.upper(), current + " ", current + "\n", "-" + current, current.replace("-", "_")]
    if site.shape.pattern == DATE_PATTERN:
        near += [draw(IMPOSSIBLE_DATES)]
    candidates = st.sampled_from([*near, *_NEAR_MISSES]) | st.text(max_size=12)
    violation: str = draw(candidates.filter(_breaks(site.shape.pattern)))
    return violation


def _outside_vocabulary(draw: Draw, site: Site) -> str:
    words = site.shape.choices
    near = [w.upper() for w in words] + [w + "s" for w in words] + [" " + w for w in words]
    candidates = st.sampled_from(near) | st.text("abcdefghij-", min_size=1, max_size=8)
    outside: str = draw(candidates.filter(lambda text: text not in words))
    return outside


def _too_long(draw: Draw, site: Site) -> str:
    assert site.shape.max_length is not None
    filler = "a" if site.shape.pattern else draw(st.sampled_from("党建规划"))  # a slug stays a slug
    return filler * (site.shape.max_length + 1)


def _value(kind: str, draw: Draw, site: Site) -> Any:
    if kind == "wrong-type":
        return _wrong_type(draw, site)
    if kind == "outside-vocabulary":
        return _outside_vocabulary(draw, site)
    if kind == "pattern-violation":
        return _pattern_violation(draw, site)
    if kind == "out-of-range":
        return _out_of_range(draw, site)
    if kind == "figure-out-of-bounds":
        return draw(BEYOND_FIGURES)
    if kind == "too-short":
        return [] if "array" in site.shape.types else ""
    return _too_long(draw, site)


@st.composite
def mutations(draw: Draw, kinds: tuple[str, ...] = MUTATION_KINDS) -> Mutation:
    """A document from :func:`documents` with exactly one fault of one of ``kinds``."""
    data: Data = draw(documents())
    nodes = list(sites(data))
    applicable = [k for k in kinds if any(_applies(k, s) for s in nodes)]
    assume(applicable)  # a year out of range needs a plan period, which half the documents have
    kind = draw(st.sampled_from(applicable))
    site: Site = draw(st.sampled_from([s for s in nodes if _applies(kind, s)]))
    mutated = copy.deepcopy(data)
    if kind == "missing-key":
        key = draw(st.sampled_from([k for k in site.value if site.shape.required(k)]))
        del _at(mutated, site.path)[key]
        return Mutation(kind, mutated, (*site.path, key))
    if kind == "unknown-key":
        mapping = _at(mutated, site.path)
        key = draw(_UNKNOWN_KEYS.filter(lambda k: k not in mapping))
        items = list(mapping.items())
        position = draw(st.integers(0, len(items)))
        mapping.clear()
        mapping.update([*items[:position], (key, "x"), *items[position:]])
        return Mutation(kind, mutated, (*site.path, key), "x")
    value = _value(kind, draw, site)
    _at(mutated, site.path[:-1])[site.path[-1]] = value
    return Mutation(kind, mutated, site.path, value)


def _at(data: Any, path: JsonPath) -> Any:
    for step in path:
        data = data[step]
    return data
