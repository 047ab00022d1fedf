"""The spec is about one archived text: it must be there, unchanged, and contain every quote."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from policyspec.model.walk import quoted_texts
from policyspec.rules._base import Finding, RuleContext, emits

__all__ = [
    "MIN_MEANINGFUL_CHARACTERS",
    "meaningful_characters",
    "quotes_are_meaningful",
    "quotes_in_source",
    "source_present",
    "source_unchanged",
]

MIN_MEANINGFUL_CHARACTERS = 4
"""A quote must hold at least this many letters or digits to prove anything: 的, ' ' or ，
occur in any text. The shortest quotes of the bundled corpus (作风从严, ――思想领先。) hold four."""


@emits("PS217", "PS202")
def source_present(context: RuleContext) -> Iterator[Finding]:
    if context.source_problem is not None:
        yield Finding(
            "PS217",
            ("source", "file"),
            f"source text cannot be used: {context.source_problem}",
            hint="archive the source as a regular UTF-8 text file (iconv -f GB18030 -t UTF-8 converts "
            "GBK); a source is never repaired silently",
        )
    elif context.source_text is None:
        looked = ", ".join(context.source_searched) or "nowhere"
        yield Finding(
            "PS202",
            ("source", "file"),
            f"source text '{context.document.source.file}' not found (looked in {looked})",
            hint="archive the source text in the sources/ folder beside specs/, or pass --sources DIR",
        )


@emits("PS203")
def source_unchanged(context: RuleContext) -> Iterator[Finding]:
    recorded = context.document.source.sha256
    if context.source_sha256 is not None and context.source_sha256 != recorded:
        yield Finding(
            "PS203",
            ("source", "sha256"),
            f"source text has SHA-256 {context.source_sha256[:12]}…, the spec records {recorded[:12]}…",
            hint="the archived text changed: re-check every quote against it, then update source.sha256",
        )


@emits("PS201")
def quotes_in_source(context: RuleContext) -> Iterator[Finding]:
    places = context.source_places()
    if places is None:
        return
    folded: _Folded | None = None
    for path, quote in quoted_texts(context.document):
        if places.first(quote) >= 0 or meaningful_characters(quote) < MIN_MEANINGFUL_CHARACTERS:
            continue  # found, or reported by PS216 as proving nothing either way
        folded = folded or _Folded(places.text)
        yield Finding(
            "PS201", path, f"quote not found in the source: {_short(quote)}", hint=folded.hint(quote)
        )


@emits("PS216")
def quotes_are_meaningful(context: RuleContext) -> Iterator[Finding]:
    for path, quote in quoted_texts(context.document):
        if _surely_meaningful(quote):
            continue
        count = meaningful_characters(quote)
        if count < MIN_MEANINGFUL_CHARACTERS:
            kind = "evidence" if "evidence" in path else "quote"
            yield Finding(
                "PS216",
                path,
                f"{kind} {_short(quote)} holds {count} letter(s) or digit(s); "
                f"at least {MIN_MEANINGFUL_CHARACTERS} are needed to prove anything",
                hint="quote enough of the sentence to pin the fact down: the figure, its unit and what "
                "it measures",
            )


def meaningful_characters(text: str) -> int:
    """Letters and digits (Unicode categories L and N); punctuation, symbols and spaces prove nothing."""
    return sum(1 for ch in text if unicodedata.category(ch)[0] in "LN")


def _surely_meaningful(quote: str) -> bool:
    """The common case at a glance: the first characters already hold enough letters or digits."""
    head = quote[: 2 * MIN_MEANINGFUL_CHARACTERS]
    return meaningful_characters(head) >= MIN_MEANINGFUL_CHARACTERS


def _short(quote: str) -> str:
    return repr(quote) if len(quote) <= 30 else repr(quote[:29] + "…")


class _Folded:
    """The source with width and compatibility forms folded, to suggest the exact characters."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = "".join(_fold(ch) for ch in text)

    def hint(self, quote: str) -> str:
        at = self.folded.find("".join(_fold(ch) for ch in quote))
        if at >= 0:
            exact = self.text[at : at + len(quote)]
            return f"the source writes it {exact!r} (full-width and half-width characters differ)"
        return "copy the quote from the source text exactly; do not retype or shorten inside it"


def _fold(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch
