"""YAML texts in every layout a person or a tool might save: for fmt's writers, which must agree.

``yaml_layouts()`` draws data (a spec from ``documents()``, or free-form nesting of awkward
scalars) and writes it with PyYAML, choosing for each node on its own: plain, single-quoted,
double-quoted, literal or folded scalars (PyYAML falls back where a style cannot hold a value),
flow or block collections, a folding width, an indentation, keys in any order, numbers written
as the source may have them (``1.50``, ``0o17``, ``~``, tagged when PyYAML must), and a shared
subtree now and then, which PyYAML writes as an anchor and its aliases.
"""

from __future__ import annotations

import random
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.strategies.documents import documents

__all__ = ["yaml_layouts"]

# Characters where a writer's analysis changes its mind: indicators, spaces, breaks, controls,
# invisible and astral characters, full-width punctuation, and plain CJK text.
_AWKWARD = st.sampled_from([*"#,[]{}&*!|>'\"%@`?:- .\t\n\x85\u2028\ufeff\x07\xa0\u00ad", "𠀀", "😀"])
_ORDINARY = st.sampled_from(list("abcXYZ019/_=+()党的建设，。：；“”（）％０１"))
_STRINGS = st.text(alphabet=st.one_of(_AWKWARD, _ORDINARY, _ORDINARY, _ORDINARY), max_size=30)
_SOURCE_NUMBERS = [
    "1.50",
    "0o17",
    "0x1F",
    "-7",
    "+3",
    "007",
    "1e3",
    ".inf",
    "-.inf",
    ".NaN",
    "~",
    "Null",
    "True",
]
_KEYS = st.sampled_from(["id", "title", "zh", "en", "note", "quote", "evidence", "k"]) | _STRINGS
_LONG_KEYS = st.integers(min_value=118, max_value=128).map(lambda n: "k" * n)


class _Written:
    """A scalar written with this very text: a number as the source had it, at times with a tag."""

    def __init__(self, text: str) -> None:
        self.text = text


_SCALARS: st.SearchStrategy[Any] = st.one_of(
    _STRINGS,
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.none(),
    st.sampled_from(_SOURCE_NUMBERS).map(_Written),
)


def _free_form() -> st.SearchStrategy[Any]:
    return st.recursive(
        _SCALARS,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(_KEYS | _LONG_KEYS, children, max_size=4)
        ),
        max_leaves=24,
    )


_ROOTS = documents() | st.dictionaries(_KEYS, _free_form(), min_size=1, max_size=5)


@st.composite
def yaml_layouts(draw: st.DrawFn) -> str:
    """A YAML text of one mapping, in a layout drawn node by node."""
    data = draw(_ROOTS)
    rng = draw(st.randoms(use_true_random=False))
    shared = _shuffled(data, rng, [])
    return yaml.dump(
        shared,
        Dumper=_dumper(rng),
        allow_unicode=True,
        sort_keys=False,
        width=rng.choice([20, 40, 80, 1 << 20]),
        indent=rng.choice([2, 4]),
    )


def _shuffled(node: Any, rng: random.Random, seen: list[Any]) -> Any:
    """Keys in any order; now and then a collection seen before instead of a new one (an alias)."""
    if isinstance(node, (dict, list)) and seen and rng.random() < 0.05:
        return rng.choice(seen)
    if isinstance(node, dict):
        keys = list(node)
        rng.shuffle(keys)
        copy: Any = {key: _shuffled(node[key], rng, seen) for key in keys}
    elif isinstance(node, list):
        copy = [_shuffled(item, rng, seen) for item in node]
    else:
        return node
    seen.append(copy)
    return copy


def _dumper(rng: random.Random) -> type[yaml.SafeDumper]:
    """A PyYAML dumper that picks each scalar's style and each collection's flow style at random."""

    class Dumper(yaml.SafeDumper):
        def represent_str(self, data: str) -> yaml.ScalarNode:
            style = rng.choice([None, None, "'", '"', "|", ">"])
            return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)

        def represent_dict(self, data: Any) -> yaml.MappingNode:
            node = self.represent_mapping("tag:yaml.org,2002:map", data.items())
            node.flow_style = rng.random() < 0.3
            return node

        def represent_list(self, data: Any) -> yaml.SequenceNode:
            node = self.represent_sequence("tag:yaml.org,2002:seq", data)
            node.flow_style = rng.random() < 0.3
            return node

        def represent_written(self, data: _Written) -> yaml.ScalarNode:
            # the tag PyYAML resolves the text to, so none is written; now and then another one
            tag: str = self.resolve(yaml.ScalarNode, data.text, (True, False))  # type: ignore[no-untyped-call]
            if rng.random() < 0.2:
                tag = rng.choice(["int", "float", "str", "null", "bool"])
                tag = f"tag:yaml.org,2002:{tag}"
            return self.represent_scalar(tag, data.text)

    Dumper.add_representer(str, Dumper.represent_str)
    Dumper.add_representer(dict, Dumper.represent_dict)
    Dumper.add_representer(list, Dumper.represent_list)
    Dumper.add_representer(_Written, Dumper.represent_written)
    return Dumper
