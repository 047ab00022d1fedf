"""The tree builder's inlined loop (:meth:`TreeBuilder.consume`) is the event-by-event
:meth:`TreeBuilder.feed`, only faster: for any YAML — specs, the YAML test suite, broken text — it
builds the same data, positions, node counts and anchors, and stops with the same diagnostic."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given
from yaml import events
from yaml._yaml import CParser

from policyspec.bundled import bundled_specs
from policyspec.limits import DEFAULT_LIMITS, Limits
from policyspec.loading.tree import Stop, TreeBuilder
from policyspec.text_positions import LineIndex
from tests.clients.test_yaml_test_suite import CASES
from tests.properties.conftest import MANY
from tests.strategies.texts import yamlish_text

SMALL = Limits(max_depth=4, max_aliases=3, max_nodes=40)


def _events(text: str) -> list[events.Event]:
    """The parser's events up to the end, or up to its first error."""
    parser = CParser(text)
    found: list[events.Event] = []
    try:
        while (event := parser.get_event()) is not None:
            found.append(event)
    except yaml.YAMLError:
        pass
    finally:
        parser.dispose()
    return found


def _outcome(builder: TreeBuilder, drive: Any) -> tuple[Any, ...]:
    try:
        drive(builder)
    except Stop as stop:
        return ("stopped", stop.diagnostic)
    marks = builder.marks
    return (builder.root, marks.values, marks.keys, builder.nodes, builder.anchors, builder.block_lines)


def _assert_same(text: str, limits: Limits = DEFAULT_LIMITS, *, by_offset: bool = False) -> None:
    found = _events(text)

    def one_by_one(builder: TreeBuilder) -> None:
        for event in found:
            if isinstance(event, events.StreamEndEvent):
                break
            builder.feed(event)

    def inlined(builder: TreeBuilder) -> None:
        builder.consume(iter([*found, None]).__next__)

    lines = LineIndex(text) if by_offset else None
    expected = _outcome(TreeBuilder("t.yaml", limits, lines), one_by_one)
    assert _outcome(TreeBuilder("t.yaml", limits, lines), inlined) == expected


@pytest.mark.parametrize("spec", bundled_specs(), ids=lambda p: p.name)
def test_the_bundled_specs_build_alike(spec: Any) -> None:
    text = spec.read_text(encoding="utf-8")
    _assert_same(text)
    _assert_same(text, Limits(max_nodes=2000))  # stops midway, at the same node


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_the_yaml_test_suite_builds_alike(case: Any) -> None:
    _assert_same(case.yaml)
    _assert_same(case.yaml, SMALL)


@MANY
@given(yamlish_text())
def test_any_text_builds_alike(text: str) -> None:
    _assert_same(text)
    _assert_same(text, SMALL)
    _assert_same(text, by_offset=True)


def test_anchors_tags_and_keys_that_are_collections_build_alike() -> None:
    text = "a: &x {b: [1, 2, {c: d}]}\ne: *x\n? [k]\n: v\nf: !!str 3\ng: |\n  block\n"
    _assert_same(text)
    _assert_same(text, SMALL)
