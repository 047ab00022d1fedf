"""When a string may go unquoted, and how it is written when it may not.

Two questions with one answer each, shared by both writers of the canonical text (the direct
one, :mod:`policyspec.fmt.writer`, and ruamel.yaml's emitter, :mod:`policyspec.fmt.emitter`):

- :func:`may_be_plain`: the formatter's own rule, that a plain string must read back as itself
  under YAML 1.2 (the loader) and YAML 1.1 (many other readers) alike;
- :func:`plain_styles`: what ruamel's scalar analysis says about a one-line string of ordinary
  characters (plain in block context, plain in flow context), by regular expressions instead of
  its character-by-character loop; None for anything else, which then needs ruamel's own;
- :func:`double_quoted`: the body of a double-quoted scalar as ruamel writes it when no line is
  ever folded, with invisible characters such as U+00A0 escaped so a reader sees them.
"""

from __future__ import annotations

import re

import yaml

from policyspec.loading.scalars import resolve_plain

__all__ = ["INVISIBLE", "double_quoted", "may_be_plain", "plain_styles"]

INVISIBLE = re.compile("[\u00a0\u00ad\u115f\u1160\u180e\u2000-\u200f\u202a-\u202f\u205f-\u206f\ufeff]")

_CORE = "tag:yaml.org,2002:"
_YAML11 = yaml.resolver.Resolver()
_YAML11_NOT_ALWAYS_STRING = frozenset(first for first in _YAML11.yaml_implicit_resolvers if first)

# Printable text that starts with no indicator and neither starts nor ends with a space.
_PLAIN_TEXT = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^\x00-\x1f\x7f-\x9f\u2028\u2029]*\S)?|-[^\s\-]\S*")
_RISKY = re.compile(rf": |\s#|:$|^---|^\.\.\.|\t|{INVISIBLE.pattern}")
_FLOW_RISKY = re.compile(r"[,\[\]{}:?]")  # pure-Python PyYAML stops at "?" in flow

# One line of characters ruamel writes as they are with allow_unicode: all but the C0 and C1
# controls, DEL, the line and paragraph separators, surrogates, the byte-order mark and the
# non-characters U+FFFE and U+FFFF; first character no indicator, no '?' and no space (a '-' only
# before a character that is not a space), last character no space. (Classes of what is left
# out: a class of what is let in, up to U+10FFFF, takes milliseconds to compile.)
_CHARACTER = r"[^\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
_NOT_SPACE = r"[^\x00-\x20\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
_ORDINARY = re.compile(
    rf"(?:(?![#,\[\]{{}}&*!|>'\"%@`:?\-]){_NOT_SPACE}|-(?={_NOT_SPACE}))(?:{_CHARACTER}*{_NOT_SPACE})?"
)
_FLOW_INDICATOR = re.compile(r"[,\[\]{}]")
_BLOCK_INDICATOR = re.compile(r":(?: |$)| #")  # ': ' or a final ':', and ' #': indicators anywhere

# What ruamel escapes in double quotes (allow_unicode): its named escapes, the line and paragraph
# separators, the byte-order mark and every character it does not count as printable.
_NAMED = {
    "\0": "0",
    "\x07": "a",
    "\x08": "b",
    "\x09": "t",
    "\x0a": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\x0d": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\u2028": "L",
    "\u2029": "P",
}
_ALWAYS_ESCAPED = '"\\\x85\u2028\u2029\ufeff'
_NOT_PRINTABLE = "\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"  # to ruamel, with allow_unicode
_PRINTABLE = re.compile(f"[^{_NOT_PRINTABLE}]")
_ESCAPED = re.compile(f"[{re.escape(_ALWAYS_ESCAPED)}]|[{_NOT_PRINTABLE}]|{INVISIBLE.pattern}")


def may_be_plain(text: str, in_flow: bool) -> bool:
    """Whether a string may go unquoted: it must read back as itself, in any YAML reader.

    ruamel.yaml's own check is used too (the emitter quotes where it sees fit), but it lets a
    few strings through that do not read back, such as ``: a`` in a flow collection.
    """
    if not _PLAIN_TEXT.fullmatch(text) or _RISKY.search(text):
        return False
    if in_flow and _FLOW_RISKY.search(text):
        return False
    if not isinstance(resolve_plain(text), str):
        return False
    if text[0] not in _YAML11_NOT_ALWAYS_STRING:  # PyYAML resolves by the first character
        return True
    yaml11: str = _YAML11.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return yaml11 == _CORE + "str"


def plain_styles(text: str) -> tuple[bool, bool] | None:
    """ruamel's verdict on writing ``text`` plain (in block context, in flow context), when quick."""
    if not _ORDINARY.fullmatch(text) or text.startswith(("---", "...")):
        return None
    block = _BLOCK_INDICATOR.search(text) is None
    return block, block and _FLOW_INDICATOR.search(text, 1) is None


def double_quoted(text: str) -> str:
    """``text`` between double quotes, escaped as ruamel escapes it, invisible characters too."""
    return f'"{_ESCAPED.sub(_escape, text)}"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char not in _ALWAYS_ESCAPED and _PRINTABLE.match(char):  # invisible: written, then made visible
        return f"\\u{code:04x}"
    named = _NAMED.get(char)
    if named is not None:
        return "\\" + named
    if code <= 0xFF:
        return f"\\x{code:02X}"
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"
