"""JSON as the standard library writes it, ``json.dumps(value, ensure_ascii=False)`` in UTF-8,
written several times faster.

The documents of policyspec.json and the rows of the JSON Lines files are most of a release's
bytes. pydantic-core (loaded anyway to validate) writes JSON in Rust; with ``indent=0`` the only
line breaks it writes are between tokens (a line break in text is always escaped), so taking them
out and putting a space after each comma gives exactly the standard library's separators. Its
floats differ from Python's below 1e-4 (``1e-05`` is written ``0.00001``, ``1e-07`` ``1e-7``):
where the text may hold such a float, or pydantic-core refuses a value, the standard library
encodes it instead. A property test holds :func:`json_bytes` to ``json.dumps`` for any JSON value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from pydantic_core import PydanticSerializationError, to_json

__all__ = ["json_bytes", "json_lines"]

_DIGITS = frozenset(b"0123456789")
_NEGATIVE_EXPONENT = re.compile(rb"e-[0-9]")  # a literal start: searched far faster than [0-9]e-
_SMALL_FRACTION = re.compile(rb"\.0000")  # found faster by re than by `in` in UTF-8 text
_RECORD = b"\x1e"  # between the lines of json_lines: JSON text never holds a raw control character


def _standard(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _floats_agree(data: bytes) -> bool:
    """False where pydantic-core may have written a float unlike Python: ``0.0000…`` or
    ``<digit>e-<digit>`` (Python writes ``1e-05`` and ``1e-07``). Such text in a string only
    sends the value to the standard library, which gives the same bytes anyway."""
    if _SMALL_FRACTION.search(data) is not None:
        return False
    starts = (match.start() for match in _NEGATIVE_EXPONENT.finditer(data))
    return not any(data[start - 1] in _DIGITS for start in starts if start)


def _spaced(data: bytes) -> bytes:
    """pydantic-core's ``indent=0`` text with the standard library's separators."""
    return data.replace(b",\n", b", ").replace(b"\n", b"")


def json_bytes(value: object) -> bytes:
    """The bytes of ``json.dumps(value, ensure_ascii=False)``.

    ``value`` must be JSON data (what ``model_dump(mode="json")`` and the release's rows hold):
    dicts with text keys, lists, text, numbers, booleans, None. pydantic-core would also write a
    date or a Decimal, which ``json.dumps`` refuses.
    """
    try:
        data = to_json(value, indent=0)
    except PydanticSerializationError:
        return _standard(value)  # which raises what the standard library raises, if anything
    return _spaced(data) if _floats_agree(data) else _standard(value)


def json_lines(values: Sequence[object]) -> bytes:
    """Each value's :func:`json_bytes` followed by a line break (JSON Lines)."""
    if not values:
        return b""
    try:
        joined = _RECORD.join([to_json(value, indent=0) for value in values])
    except PydanticSerializationError:
        joined = None
    if joined is not None and _floats_agree(joined):
        return _spaced(joined).replace(_RECORD, b"\n") + b"\n"
    return b"".join([_standard(value) + b"\n" for value in values])
