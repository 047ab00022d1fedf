"""Texts for generated specs: Chinese and English as specs hold them, and text that is almost YAML."""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = ["EN", "TEXT", "ZH", "yamlish_text"]

_HAN = st.characters(
    min_codepoint=0x4E00, max_codepoint=0x9FA5, include_characters="，。、；：“”（）《》％·—１２"
)

# Pieces that YAML treats specially, or that some readers take as line breaks: a text may hold any.
# Not NEL (U+0085): ruamel.yaml writes it raw where YAML 1.1 readers (libyaml, ruamel's own) break
# lines, so no writer here could round-trip it.
_TRICKY = [":", "#", "-", "?", "'", '"', "\\", "&a", "*a", "!x", "%", "@", "`", "|", ">", "{", "}", "[", "]"]
_TRICKY += ["~", "---", "...", ": ", " #", "- ", ", "]
_TRICKY += ["\t", "\n", "\r\n", " ", "\u00a0", "\u3000", "\u2028", "\u2029", "\ufeff", "𠀀"]
_TRICKY += ["null", "true", "no", "1e3", ".1e3", "-.5", "0o17", "0x1F", ".inf", "2010", "1/3"]

# (prefix, suffix) around a text: mostly nothing, else one such piece at either end.
_AROUND = st.sampled_from([("", "")] * 20 + [(t, "") for t in _TRICKY] + [("", t) for t in _TRICKY])
_PHRASES = st.sampled_from(
    [
        "Party building",
        "Sessions of the forum held each year",
        "Share of women among new members",
        "CPC Wuxi Municipal Committee",
        "The number of inspection rounds is printed as X.",
        "x",
    ]
)


def _around(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda body, ends: ends[0] + body + ends[1], text, _AROUND)


ZH = _around(st.text(_HAN, min_size=1, max_size=16))
EN = _around(_PHRASES | st.text("abcdefghijklmnopqrstuvwxyz ,.'", min_size=1, max_size=30))
TEXT = st.fixed_dictionaries({"zh": ZH, "en": EN})

_FRAGMENTS = [*":-[]{}&*!#'\"\t\r\n,?|>%@`\\a1", " ", "---", "...", "id", "x: ", "- ", "&a ", "*a", "!!str "]
_FRAGMENTS += ["\ufeff", "\u2028", "\x85", "\x07", "\x00", "标题", "党", "：", "，", "𠀀", "2010", ".inf"]


def yamlish_text() -> st.SearchStrategy[str]:
    """Text built from YAML's significant characters, indentation and Chinese: mostly broken YAML."""
    return st.lists(st.sampled_from(_FRAGMENTS) | st.sampled_from(["  ", "    "]), max_size=40).map("".join)
