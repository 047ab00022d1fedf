"""The emitter that writes a spec: ruamel.yaml's, with one quoting style, visible escapes, and
two fast paths for the scalars nearly every spec is made of.

Most of the time ``fmt`` spends goes to two of ruamel's pure-Python loops, run character by
character on every scalar: the analysis of which styles a scalar allows, and the writing of a
plain one. For a one-line scalar of ordinary characters both have a short answer, computed here
by regular expressions; anything else (line breaks, control or invisible characters, characters
beyond the Basic Multilingual Plane, a leading indicator, a folding width in force) goes to
ruamel's own code. Tests hold :class:`SpecEmitter` to :class:`ReferenceEmitter`'s output on the
corpus and on generated documents, and the fast analysis to ruamel's on generated strings.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.emitter import Emitter, ScalarAnalysis

__all__ = ["INVISIBLE", "ReferenceEmitter", "SpecEmitter"]

INVISIBLE = re.compile("[\u00a0\u00ad\u115f\u1160\u180e\u2000-\u200f\u202a-\u202f\u205f-\u206f\ufeff]")

# One line of characters ruamel writes as they are with allow_unicode: printable ASCII but '?'
# (an indicator in YAML 1.1 flow), the Basic Multilingual Plane from U+00A0 but the line and
# paragraph separators, surrogates, the byte-order mark and the non-characters; first character
# no indicator and no space, last character no space.
_CHARACTER = r"[\x20-\x3e\x40-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]"
_NOT_SPACE = r"[\x21-\x3e\x40-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]"
_ORDINARY = re.compile(rf"(?![#,\[\]{{}}&*!|>'\"%@`:\-]){_NOT_SPACE}(?:{_CHARACTER}*{_NOT_SPACE})?")
_FLOW_INDICATOR = re.compile(r"[,\[\]{}]")
_BLOCK_INDICATOR = re.compile(r":(?: |$)| #")  # ': ' or a final ':', and ' #': indicators anywhere
_LINE_BREAK = re.compile("[\n\x85\u2028\u2029]")
_NO_FOLDING = 1 << 29  # a best width this wide never folds a line


class ReferenceEmitter(Emitter):
    """ruamel's emitter as the canonical layout needs it, without fast paths: the reference."""

    def choose_scalar_style(self) -> Any:
        """Double quotes where ruamel would pick single ones: one quoting style in every file."""
        style = super().choose_scalar_style()
        return '"' if style == "'" else style

    def write_double_quoted(self, text: Any, split: Any = True) -> None:
        stream = self.stream
        self.stream = _EscapingStream(stream)
        try:
            super().write_double_quoted(text, split)
        finally:
            self.stream = stream


class SpecEmitter(ReferenceEmitter):
    """The reference emitter with the two fast paths: same output, a fraction of the time."""

    def analyze_scalar(self, scalar: Any) -> Any:
        if not isinstance(scalar, str) or not _ORDINARY.fullmatch(scalar) or scalar.startswith("..."):
            return super().analyze_scalar(scalar)
        block = _BLOCK_INDICATOR.search(scalar) is not None
        flow = block or _FLOW_INDICATOR.search(scalar, 1) is not None
        return ScalarAnalysis(
            scalar=scalar,
            empty=False,
            multiline=False,
            allow_flow_plain=not flow,
            allow_block_plain=not block,
            allow_single_quoted=True,
            allow_double_quoted=True,
            allow_block=True,
        )

    def write_plain(self, text: Any, split: Any = True) -> None:
        if (
            self.root_context
            or self.encoding
            or self.best_width < _NO_FOLDING
            or not text
            or _LINE_BREAK.search(text)
        ):
            super().write_plain(text, split)
            return
        if not self.whitespace:
            self.column += 1
            self.stream.write(" ")
        self.whitespace = False
        self.indention = False
        self.column += len(text)
        self.stream.write(text)


class _EscapingStream:
    """Writes invisible characters inside double quotes as ``\\uXXXX``, so a reader sees them."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: str) -> None:
        self._stream.write(INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", data))
