"""The formatter's fast emitter writes exactly what ruamel's own emitter writes."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from policyspec.diagnostics import Diagnostic
from policyspec.fmt.emitter import ReferenceEmitter, SpecEmitter
from policyspec.fmt.layout import dump_yaml
from policyspec.fmt.scan import read_layout
from policyspec.loading.opening import Unopened, open_spec
from policyspec.loading.parsing import parse_yaml
from tests.properties.test_fmt_properties import written
from tests.strategies import documents

REPO = Path(__file__).resolve().parents[2]
SPECS = sorted((REPO / "specs").glob("*.yaml")) + sorted((REPO / "tests" / "examples").rglob("*.yaml"))

# Characters where ruamel's analysis changes its mind: indicators, spaces, breaks, controls,
# invisible and astral characters, full-width punctuation, and plain CJK text.
AWKWARD = st.sampled_from([*"#,[]{}&*!|>'\"%@`?:- .\t\n\r\x85\u2028\u2029\ufeff\x00\xa0\x7f", "𠀀", "😀"])
ORDINARY = st.sampled_from(list("abcXYZ019/_=+()党的建设，。：；“”（）％０１"))
SCALARS = st.text(alphabet=st.one_of(AWKWARD, ORDINARY, ORDINARY), max_size=12)


def _analysis(emitter: type[ReferenceEmitter], text: str) -> Any:
    dumper = YAML(typ="rt")
    dumper.allow_unicode = True
    instance = emitter(None, allow_unicode=True, dumper=dumper)
    return vars(instance.analyze_scalar(text))


@settings(max_examples=1000)
@given(SCALARS)
def test_the_fast_analysis_is_ruamels(text: str) -> None:
    assert _analysis(SpecEmitter, text) == _analysis(ReferenceEmitter, text)


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_example_is_written_alike(spec: Path) -> None:
    opened = open_spec(spec)  # fmt lays out only what the parser accepted, within the limits
    if isinstance(opened, Unopened):
        pytest.skip(f"refused before layout: {opened.diagnostic.code}")
    layout = read_layout(opened.text)
    assert layout.root is not None
    assert dump_yaml(layout.root) == dump_yaml(layout.root, emitter=ReferenceEmitter)


@given(documents(), st.booleans(), st.randoms(use_true_random=False))
def test_every_generated_document_is_written_alike(
    data: dict[str, Any], flow: bool, rng: random.Random
) -> None:
    text = written(data, flow=flow, shuffle=rng)
    assume(not isinstance(parse_yaml(text, file="generated.yaml"), Diagnostic))  # fmt's precondition
    layout = read_layout(text)
    assert layout.root is not None
    assert dump_yaml(layout.root) == dump_yaml(layout.root, emitter=ReferenceEmitter)
