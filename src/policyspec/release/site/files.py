"""The files of a site, in memory and in a fixed order: the same documents give the same bytes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from policyspec.release.site.inputs import SiteDocument
from policyspec.release.site.layout import INDEX, document_page_name, topic_page_name
from policyspec.release.site.pages import corpus_topics, document_page, index_page, topic_page
from policyspec.release.site.style import STYLESHEET, STYLESHEET_NAME

__all__ = ["site_files"]


def site_files(
    entries: Sequence[SiteDocument], *, generator: str | None = None
) -> Iterator[tuple[str, bytes]]:
    """Each file of the site as (relative path, bytes): the stylesheet, the index, then one page
    per document and per topic. Paths are plain names, so the site can sit in a release folder.

    ``generator`` names what built it (default: policyspec and its version).
    """
    if generator is None:
        from policyspec.release.version import package_version

        generator = f"policyspec {package_version()}"
    entries = sorted(entries, key=lambda entry: entry.document.id)
    documents = [entry.document for entry in entries]
    yield STYLESHEET_NAME, STYLESHEET.encode("utf-8")
    yield INDEX, index_page(entries, generator=generator)
    for entry in entries:
        yield document_page_name(entry.document.id), document_page(entry, generator=generator)
    for topic in corpus_topics(documents):
        yield topic_page_name(topic), topic_page(documents, topic, generator=generator)
