"""Indented JSON written as it is encoded: a large value never becomes one string in memory, and
its long arrays need not be in memory at all.

``json.dumps(value, indent=2)`` joins every piece of the text before returning it, and needs the
whole value first: for the datapackage.json or the envelope of a release of ten thousand
documents, lists of ten thousand entries and hundreds of thousands of small strings at once.
:func:`indented_chunks` gives the same text as UTF-8 chunks of about 64 KiB, and takes any array
of the value as an iterable (:func:`streamed`) that is read while the text is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping

__all__ = ["indented_chunks", "indented_pieces", "streamed", "utf8_chunks"]

_CHUNK = 1 << 16
_MARK = "\x00policyspec-streamed:{}\x00"


def streamed(name: str) -> str:
    """A stand-in for the array ``name`` of :func:`indented_chunks`'s ``arrays``."""
    return _MARK.format(name)


def utf8_chunks(pieces: Iterable[str], size: int = _CHUNK) -> Iterator[bytes]:
    """``pieces`` joined and encoded as UTF-8, a chunk of about ``size`` characters at a time."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch).encode("utf-8")
            batch, length = [], 0
    if batch:
        yield "".join(batch).encode("utf-8")


def _array(items: Iterable[object], indent: str, *, sort_keys: bool) -> Iterator[str]:
    """The text ``json.dumps(list(items), indent=2)`` gives a list whose key sits at ``indent``."""
    inner = indent + "  "
    opening = "["
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2, sort_keys=sort_keys)
        yield f"{opening}\n{inner}{text.replace(chr(10), chr(10) + inner)}"
        opening = ","
    yield "[]" if opening == "[" else f"\n{indent}]"


def indented_pieces(
    value: object, *, sort_keys: bool = False, arrays: Mapping[str, Iterable[object]] | None = None
) -> Iterator[str]:
    """The text of ``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort_keys)`` in
    pieces, where each value :func:`streamed` ``(name)`` (an object's value, not a list item) is
    the array ``arrays[name]``, encoded an item at a time."""
    markers = {json.dumps(streamed(name)): name for name in arrays or {}}
    line = ""  # the text of the line being written, for the indentation of an array's items
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=sort_keys).iterencode(value):
        marker = next((m for m in markers if piece.endswith(m)), None)
        pieces: Iterable[str] = [piece]
        if marker is not None and arrays is not None:
            before = piece[: -len(marker)]
            current = (line + before).rsplit("\n", 1)[-1]  # '    "key": '
            indent = current[: len(current) - len(current.lstrip(" "))]
            pieces = [before, *_array(arrays[markers[marker]], indent, sort_keys=sort_keys)]
        for text in pieces:
            yield text
            line = text.rsplit("\n", 1)[-1] if "\n" in text else line + text


def indented_chunks(
    value: object, *, sort_keys: bool = False, arrays: Mapping[str, Iterable[object]] | None = None
) -> Iterator[bytes]:
    """The bytes of :func:`indented_pieces`, in chunks of about 64 KiB."""
    return utf8_chunks(indented_pieces(value, sort_keys=sort_keys, arrays=arrays))
