"""Bytes to text, naming what a non-UTF-8 file looks like so the editor knows the fix."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DecodeFailure", "decode_spec", "describe_failure"]

_UTF8_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")  # as editors and YAML break lines: a lone CR too


@dataclass(frozen=True)
class DecodeFailure:
    line: int
    column: int
    message: str
    hint: str


def decode_spec(raw: bytes) -> str | DecodeFailure:
    """UTF-8 (with or without BOM, LF or CRLF) is accepted; anything else is described."""
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return describe_failure(raw, exc.start)


def describe_failure(raw: bytes, offset: int) -> DecodeFailure:
    """Where the first invalid byte is, and which legacy encoding the bytes look like, if any."""
    breaks = [match.end() for match in _LINE_BREAK.finditer(raw, 0, offset)]
    line = len(breaks) + 1
    line_start = breaks[-1] if breaks else 0
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1  # characters, as editors count
    looks_like = _guess_encoding(raw)
    if looks_like is None:
        message = f"not UTF-8: invalid byte 0x{raw[offset]:02x} at byte {offset}"
        hint = "save the file as UTF-8"
    else:
        message = f"not UTF-8: the file looks like {looks_like}"
        source = "GB18030" if looks_like.startswith("GBK") else looks_like.split()[0]
        hint = (
            f"save it as UTF-8, for example: iconv -f {source} -t UTF-8 FILE > FILE.new && mv FILE.new FILE"
        )
    if looks_like is not None and looks_like.startswith("UTF-16"):
        line, column = 1, 1
    return DecodeFailure(line=line, column=column, message=message, hint=hint)


def _guess_encoding(raw: bytes) -> str | None:
    sample = raw[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 (it starts with a UTF-16 byte-order mark)"
    if sample and sample.count(0) * 4 >= len(sample):
        return "UTF-16 (every other byte is zero)"
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if any("\u4e00" <= ch <= "\u9fff" for ch in text[:4096]):
        return "GBK/GB18030 (Chinese text in a legacy encoding)"
    return None
