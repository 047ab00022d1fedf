"""The scanner skips ahead to characters that can begin a token, and finds exactly what trying
every position would find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policyspec.bundled import bundled_dir
from policyspec.reading._first import first_characters
from policyspec.reading._lexer import TOKEN, TOKEN_START, tokens

SOURCES = sorted(bundled_dir("sources").glob("*.txt"))
# Characters of the bundled sources, and the ones tokens are made of: texts drawn from them are
# dense in phrases the reader knows.
ALPHABET = sorted(set("".join(path.read_text(encoding="utf-8") for path in SOURCES)) | set("X\t "))


def test_the_committed_class_is_the_one_derived_from_the_scanner_pattern() -> None:
    derived = first_characters(TOKEN)
    assert derived is not None, "the scanner pattern uses a construct first_characters cannot read"
    assert TOKEN_START.pattern == derived, f"paste into reading/_lexer.py TOKEN_START: {derived!r}"


def _spans(matches: object) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


def test_the_bundled_sources_scan_alike() -> None:
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        assert _spans(tokens(text)) == _spans(TOKEN.finditer(text)), path.name


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=300))
def test_any_text_scans_alike(text: str) -> None:
    assert _spans(tokens(text)) == _spans(TOKEN.finditer(text))


# Small regular expressions: literals, classes, groups, alternation, repeats, anchors, lookarounds.
_ATOMS = st.sampled_from(["a", "b", "到", "[ab]", "[0-9]", r"\d", r"\s", "[^a]", ".", "^", r"\b"])


def _regexes() -> st.SearchStrategy[str]:
    return st.recursive(
        _ATOMS,
        lambda inner: st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda pair: f"(?:{pair[0]}|{pair[1]})"),
            inner.map(lambda r: f"(?:{r})?"),
            inner.map(lambda r: f"(?:{r})*"),
            inner.map(lambda r: f"(?:{r})+"),
            inner.map(lambda r: f"(?={r})"),
            inner.map(lambda r: f"(?<!a)(?:{r})"),
        ),
        max_leaves=6,
    )


@settings(max_examples=400)
@given(_regexes(), st.text(alphabet="ab到1 \n", max_size=30))
def test_a_match_always_begins_with_a_character_of_the_class(regex: str, text: str) -> None:
    pattern = re.compile(regex, re.MULTILINE)
    first = first_characters(pattern)
    if first is None:  # gave up: allowed, never wrong
        return
    starts = re.compile(first)
    for position in range(len(text) + 1):
        found = pattern.match(text, position)
        if found is not None:
            assert found.end() > found.start(), "a pattern that can match nothing has no class"
            assert starts.match(text, position), (regex, text, position)


def test_what_cannot_be_said_is_not_guessed() -> None:
    assert first_characters(re.compile("a?")) is None  # can match the empty string
    assert first_characters(re.compile(".b")) is None  # any character may begin
    assert first_characters(re.compile("[^a]")) is None
    assert first_characters(re.compile("a", re.IGNORECASE)) is None
    assert first_characters(re.compile("(?=x)x|^到y")) == "[x到]"
