"""The spec is about one archived text: it must be there, unchanged, and contain every quote."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from policyspec.rules._base import Finding, RuleContext
from policyspec.walk import quoted_texts

__all__ = ["quotes_in_source", "source_present", "source_unchanged"]


def source_present(context: RuleContext) -> Iterator[Finding]:
    if context.source_text is None:
        looked = ", ".join(context.source_searched) or "nowhere"
        yield Finding(
            "PS202",
            ("source", "file"),
            f"source text '{context.document.source.file}' not found (looked in {looked})",
            hint="archive the source text in the sources/ folder beside specs/, or pass --sources DIR",
        )


def source_unchanged(context: RuleContext) -> Iterator[Finding]:
    recorded = context.document.source.sha256
    if context.source_sha256 is not None and context.source_sha256 != recorded:
        yield Finding(
            "PS203",
            ("source", "sha256"),
            f"source text has SHA-256 {context.source_sha256[:12]}…, the spec records {recorded[:12]}…",
            hint="the archived text changed: re-check every quote against it, then update source.sha256",
        )


def quotes_in_source(context: RuleContext) -> Iterator[Finding]:
    text = context.source_text
    if text is None:
        return
    folded: _Folded | None = None
    for path, quote in quoted_texts(context.document):
        if quote in text:
            continue
        folded = folded or _Folded(text)
        yield Finding(
            "PS201", path, f"quote not found in the source: {_short(quote)}", hint=folded.hint(quote)
        )


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
