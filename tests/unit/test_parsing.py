"""Parsing gives the data, the position of every node, and refuses what YAML loaders get wrong."""

from __future__ import annotations

import pytest

from policyspec.diagnostics import Diagnostic
from policyspec.limits import Limits
from policyspec.parsing import ParsedYaml, parse_yaml


def parsed(text: str, limits: Limits | None = None) -> ParsedYaml:
    result = parse_yaml(text, file="t.yaml", limits=limits or Limits())
    assert isinstance(result, ParsedYaml), result
    return result


def refused(text: str, limits: Limits | None = None) -> Diagnostic:
    result = parse_yaml(text, file="t.yaml", limits=limits or Limits())
    assert isinstance(result, Diagnostic), result
    return result


def test_positions_of_keys_and_values_are_1_based() -> None:
    result = parsed("id: x\nindicators:\n  - quote: 每年\n    per: P1Y\n")
    assert result.marks.values[("indicators", 0, "per")] == (4, 10)
    assert result.marks.keys[("indicators", 0, "per")] == (4, 5)
    assert result.marks.values[("indicators", 0)] == (3, 5)


def test_scalars_follow_the_yaml_1_2_core_schema() -> None:
    data = parsed('a: no\nb: yes\nc: true\nd: 2010\ne: "2010"\nf: 1.5\ng: ~\nh: 0o17\ni: 2010-01-01\n').data
    assert data == {
        "a": "no",
        "b": "yes",
        "c": True,
        "d": 2010,
        "e": "2010",
        "f": 1.5,
        "g": None,
        "h": 15,
        "i": "2010-01-01",
    }


def test_bom_less_crlf_text_parses_with_positions() -> None:
    result = parsed("id: x\r\nkind: plan\r\n")
    assert result.data == {"id": "x", "kind": "plan"}
    assert result.marks.values[("kind",)] == (2, 7)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: 1\na: 2\n", "PS002", 2),
        ("a: !!python/object:os.system x\n", "PS003", 1),
        ("a: !custom x\n", "PS003", 1),
        ("a: 1\n---\nb: 2\n", "PS008", 2),
        ("", "PS009", 1),
        ("? [a, b]\n: c\n", "PS011", 1),
        ("a: [1, 2\n", "PS001", 2),
        ("a: b: c\n", "PS001", 1),
        ("a: *nowhere\n", "PS001", 1),
    ],
)
def test_refusals_are_positioned(text: str, code: str, line: int) -> None:
    diagnostic = refused(text)
    assert (diagnostic.code, diagnostic.line) == (code, line)


def test_depth_limit() -> None:
    assert refused("a: " + "[" * 10 + "]" * 10, Limits(max_depth=5)).code == "PS006"
    assert parsed("a: " + "[" * 5 + "]" * 5, Limits(max_depth=7)).data


def test_alias_count_limit() -> None:
    text = "a: &x 1\nb: [" + ", ".join(["*x"] * 11) + "]\n"
    assert refused(text, Limits(max_aliases=10)).code == "PS007"
    assert parsed(text, Limits(max_aliases=11)).data["b"] == [1] * 11


def test_alias_expansion_limit_stops_a_billion_laughs() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    diagnostic = refused("\n".join(lines))
    assert diagnostic.code == "PS007"
    assert "aliases expand" in diagnostic.message


def test_control_characters_are_refused_at_their_position() -> None:
    diagnostic = refused("a: 1\nb: x\x07\n")
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("PS001", 2, 5)
