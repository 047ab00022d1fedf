"""Small helpers to write HTML by hand, safely: every text and attribute value goes through here.

Escaping is exact rather than merely safe: a browser reading the page back gets the very
characters written. A carriage return is written as ``&#13;`` (the parser would turn a raw one
into a line feed) and NUL, which no HTML text can carry, as U+FFFD.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["attributes", "element", "empty", "escape", "escape_attribute"]

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;", "\x00": "\ufffd"})
_ATTRIBUTE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\r": "&#13;", "\x00": "\ufffd"}
)


def escape(text: str) -> str:
    """``text`` as the content of an element."""
    return text.translate(_TEXT)


def escape_attribute(value: str) -> str:
    """``value`` inside a double-quoted attribute."""
    return value.translate(_ATTRIBUTE)


def attributes(pairs: Iterable[tuple[str, str | None]]) -> str:
    """`` name="value"`` for each pair in order; a None value leaves the attribute out."""
    return "".join(f' {name}="{escape_attribute(value)}"' for name, value in pairs if value is not None)


def element(tag: str, content: str, *pairs: tuple[str, str | None]) -> str:
    """``<tag …>content</tag>``; ``content`` is HTML already (escape text first)."""
    return f"<{tag}{attributes(pairs)}>{content}</{tag}>"


def empty(tag: str, *pairs: tuple[str, str | None]) -> str:
    """``<tag …/>``: an SVG element without content (HTML void elements need no slash)."""
    return f"<{tag}{attributes(pairs)}/>"
