"""What every page shares: the file names of the pages, the document skeleton, the footer."""

from __future__ import annotations

from policyspec.release.site.html import attributes, element, escape
from policyspec.release.site.style import STYLESHEET_NAME

__all__ = ["INDEX", "document_page_name", "page", "topic_page_name"]

INDEX = "index.html"


def document_page_name(document_id: str) -> str:
    """One folder of plain names: a release's SHA256SUMS lists plain names only."""
    return f"document-{document_id}.html"


def topic_page_name(topic: str) -> str:
    return f"topic-{topic}.html"


# Nothing may be fetched: the policy allows the stylesheet beside the page and nothing else
# ('self' where the site is served, file: where it is opened from disk).
_POLICY = "default-src 'none'; style-src 'self' file:"


def page(title: str, body: str, *, kind: str, generator: str) -> bytes:
    """A whole page, UTF-8; ``body`` is HTML."""
    head = (
        '<meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<meta{attributes([('http-equiv', 'Content-Security-Policy'), ('content', _POLICY)])}>"
        f"<meta{attributes([('name', 'generator'), ('content', generator)])}>"
        + element("title", escape(title))
        + f"<link{attributes([('rel', 'stylesheet'), ('href', STYLESHEET_NAME)])}>"
    )
    nav = element("nav", element("a", "Policy documents: provenance", ("href", INDEX)), ("class", "top"))
    footer = element(
        "footer",
        escape(
            f"Built by {generator} from the specs and their archived source texts. "
            "Every highlight is an exact quote of the source; its card says how it was read."
        ),
    )
    html = (
        "<!DOCTYPE html>\n"
        + element(
            "html",
            element("head", head) + element("body", nav + element("main", body) + footer, ("class", kind)),
            ("lang", "en"),
        )
        + "\n"
    )
    return html.encode("utf-8")
