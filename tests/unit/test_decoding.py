"""Non-UTF-8 files are named for what they look like, with the command that fixes them."""

from __future__ import annotations

from policyspec.loading.decoding import DecodeFailure, decode_spec

TEXT = "id: 示范\ntitle: {zh: 党的建设}\n"


def test_utf8_with_or_without_bom() -> None:
    assert decode_spec(TEXT.encode()) == TEXT
    assert decode_spec(b"\xef\xbb\xbf" + TEXT.encode()) == TEXT


def test_gbk_is_recognised() -> None:
    failure = decode_spec(TEXT.encode("gbk"))
    assert isinstance(failure, DecodeFailure)
    assert "GBK" in failure.message
    assert "iconv -f GB18030 -t UTF-8" in failure.hint
    assert failure.line == 1
    assert failure.column >= 5  # the first bytes of GBK text can happen to form valid UTF-8


def test_utf16_is_recognised() -> None:
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        failure = decode_spec(TEXT.encode(encoding))
        assert isinstance(failure, DecodeFailure)
        assert "UTF-16" in failure.message, encoding


def test_other_bytes_give_the_offset() -> None:
    failure = decode_spec(b"id: a\n\xff\xfe\xfd\x80")
    assert isinstance(failure, DecodeFailure)
    assert failure.line == 2
