"""Indented JSON written as it is encoded: a large value never becomes one string in memory.

``json.dumps(value, indent=2)`` joins every piece of the text before returning it: for the
datapackage.json or the envelope of a release of ten thousand documents, hundreds of thousands of
small strings at once. :func:`indented_chunks` gives the same text as UTF-8 chunks of about 64 KiB.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

__all__ = ["indented_chunks", "utf8_chunks"]

_CHUNK = 1 << 16


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


def indented_chunks(value: object, *, sort_keys: bool = False) -> Iterator[bytes]:
    """The bytes of ``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort_keys)``."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=sort_keys)
    return utf8_chunks(encoder.iterencode(value))
