"""The release's JSON writer is the standard library's: for any JSON value, ``json_bytes`` gives
the bytes of ``json.dumps(value, ensure_ascii=False)``, and ``json_lines`` those of each value on
its own line, whichever encoder wrote them."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from policyspec.release.json_bytes import json_bytes, json_lines
from tests.properties.conftest import MANY

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats()
    | st.text()
    | st.sampled_from(["1e-5", "2e-07 的", "0.00001", "e-government", "\x00\x1f\x7f\u2028", 'a\nb\\"'])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
)


def standard(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


@MANY
@given(VALUES)
def test_any_value_is_written_as_json_dumps_writes_it(value: object) -> None:
    assert json_bytes(value) == standard(value)


@MANY
@given(st.floats())
@example(1e-05)
@example(-1.2e-07)
@example(0.00012)
@example(5e-324)
@example(1e16)
@example(1e22)
@example(-0.0)
def test_floats_are_written_as_python_writes_them(number: float) -> None:
    assert json_bytes(number) == standard(number)
    assert json_bytes({"value": number, "quote": "达到90％"}) == standard(
        {"value": number, "quote": "达到90％"}
    )


@given(st.lists(st.dictionaries(st.text(max_size=8), VALUES, max_size=6), max_size=6))
def test_json_lines_are_one_value_per_line(rows: list[dict[str, object]]) -> None:
    assert json_lines(rows) == b"".join(standard(row) + b"\n" for row in rows)


def test_a_float_written_unlike_python_is_left_to_the_standard_library() -> None:
    rows = [{"value_decimal": 1e-05}, {"value_decimal": 0.5, "note": "e-government, 2e-3"}]
    assert (
        json_lines(rows)
        == b'{"value_decimal": 1e-05}\n{"value_decimal": 0.5, "note": "e-government, 2e-3"}\n'
    )


def test_text_that_is_no_unicode_fails_as_with_the_standard_library() -> None:
    with pytest.raises(UnicodeEncodeError):
        json_bytes({"quote": "\ud800"})
    with pytest.raises(UnicodeEncodeError):
        json_lines([{"quote": "\udfff"}])
