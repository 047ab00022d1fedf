"""``check_spec`` answers every file with diagnostics: it never raises, whatever the bytes.

A pre-commit hook meets half-typed files, other encodings and hostile YAML; a traceback there is a
bug, and so is a file refused without a word.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from policyspec.diagnostics import Diagnostic
from policyspec.limits import Limits
from policyspec.loading.check import CheckedSpec, check_spec
from policyspec.loading.options import CheckOptions
from tests.properties.conftest import MANY, check_bytes, check_text
from tests.strategies import yamlish_text

# Tight limits, so that the limit checks themselves meet hypothesis' input.
_LIMITS = st.builds(
    Limits,
    max_bytes=st.integers(0, 400),
    max_depth=st.integers(1, 6),
    max_aliases=st.integers(0, 4),
    max_nodes=st.integers(1, 60),
    max_documents=st.integers(1, 2),
)


def assert_answered(checked: CheckedSpec) -> None:
    assert all(isinstance(d, Diagnostic) for d in checked.diagnostics)
    assert checked.document is not None or checked.diagnostics, "refused without a diagnostic"


@MANY
@given(st.binary(max_size=600))
def test_any_bytes(spec_file: Path, raw: bytes) -> None:
    assert_answered(check_bytes(spec_file, raw))


@MANY
@given(st.text(max_size=300))
def test_any_text(spec_file: Path, text: str) -> None:
    assert_answered(check_text(spec_file, text))


@MANY
@given(yamlish_text())
def test_text_made_of_yaml_syntax_and_chinese(spec_file: Path, text: str) -> None:
    assert_answered(check_text(spec_file, text))


@MANY
@given(yamlish_text(), _LIMITS)
def test_text_against_tight_limits(spec_file: Path, text: str, limits: Limits) -> None:
    spec_file.write_text(text, encoding="utf-8")
    assert_answered(check_spec(spec_file, CheckOptions(limits)))


_NON_FINITE = """\
id: plan
source: {file: a.txt, sha256: "0000000000000000000000000000000000000000000000000000000000000000"}
title: {zh: 规划, en: Plan}
kind: plan
issuers:
  - name: {zh: 市委, en: Committee}
    level: municipal
indicators:
  - id: share
    quote: 达到90％以上
    measured: {zh: 比例, en: Share}
    target: {operator: ge, value: .inf, unit: percent}
"""


def test_a_non_finite_figure_is_reported_not_raised(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(_NON_FINITE, encoding="utf-8")
    checked = check_spec(spec)
    # the source text is absent (PS202); the infinite share is reported, not computed with
    assert [(d.line, d.code) for d in checked.diagnostics] == [(2, "PS202"), (12, "PS215")]


@given(st.integers(1, 40), st.integers(1, 9))
def test_alias_ladders_are_answered_without_expanding(spec_file: Path, depth: int, width: int) -> None:
    """Each rung holds ``width`` aliases of the one below: width ** depth nodes if expanded."""
    rungs = ["l0: &l0 [x]"]
    rungs += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, depth + 1)]
    assert_answered(check_text(spec_file, "\n".join(rungs) + "\n"))
