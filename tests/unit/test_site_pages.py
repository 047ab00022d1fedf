"""The provenance site of the bundled corpus: every quote highlighted with its id over exactly its
characters, the source text read back whole, every link reaching a page and an element, nothing
fetched from the network, hostile text escaped, the same bytes every time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policyspec.diagnostics import JsonPath
from policyspec.loading.check_files import check_files
from policyspec.loading.options import DEFAULT_OPTIONS
from policyspec.loading.paths import expand_paths
from policyspec.model.documents import Document, Excluded, Text
from policyspec.model.walk import quoted_texts
from policyspec.release.site.files import site_files
from policyspec.release.site.inputs import SiteDocument, site_documents
from policyspec.release.site.pages import document_page, index_page
from tests.site_html import Page, read_page


@pytest.fixture(scope="module")
def entries() -> list[SiteDocument]:
    return site_documents(check_files(expand_paths(None), DEFAULT_OPTIONS), DEFAULT_OPTIONS)


@pytest.fixture(scope="module")
def files(entries: list[SiteDocument]) -> dict[str, bytes]:
    return dict(site_files(entries, generator="policyspec test"))


@pytest.fixture(scope="module")
def pages(files: dict[str, bytes]) -> dict[str, Page]:
    return {name: read_page(data.decode("utf-8")) for name, data in files.items() if name.endswith(".html")}


def _page_name(document: Document) -> str:
    return f"document-{document.id}.html"


def _owner(document: Document, path: JsonPath) -> tuple[str, str]:
    """The attribute and value a quoted text's highlight carries, as the site promises it."""
    if path[0] == "excluded":
        return "data-excluded", str(path[1])
    if path[-2] == "evidence" and path[0] != "indicators":  # a metadata fact's evidence
        fact = "issuer-" + str(path[1]) if path[0] == "issuers" else str(path[0]).replace("_", "-")
        return "data-id", f"document:{fact}"
    return "data-id", getattr(document, str(path[0]))[int(path[1])].id


def test_each_document_page_holds_its_source_text_exactly(
    entries: list[SiteDocument], pages: dict[str, Page]
) -> None:
    for entry in entries:
        assert pages[_page_name(entry.document)].source == entry.source_text


def test_every_quote_of_every_document_is_highlighted_with_its_id(
    entries: list[SiteDocument], pages: dict[str, Page]
) -> None:
    checked = 0
    for entry in entries:
        document, text = entry.document, entry.source_text
        page = pages[_page_name(document)]
        for path, quote in quoted_texts(document):
            start = text.find(quote)
            assert start >= 0, (document.id, path)
            attribute, owner = _owner(document, path)
            for index in range(start, start + len(quote)):
                carried = page.excluded_at(index) if attribute == "data-excluded" else page.data_ids_at(index)
                assert owner in carried, (document.id, path, index)
            checked += 1
        for indicator in document.indicators:  # and its card, which links back to the highlight
            assert f"at-{indicator.id}" in page.ids
            assert f"card-{indicator.id}" in page.ids
            assert f"#at-{indicator.id}" in page.links
            assert f"#card-{indicator.id}" in page.links
    assert checked > 500  # the corpus's quotes, evidence and exclusions, not a handful


def test_every_link_reaches_a_page_of_the_site_and_an_element_on_it(pages: dict[str, Page]) -> None:
    for name, page in pages.items():
        for link in page.links:
            target, _, fragment = link.partition("#")
            assert target == "" or target in pages, f"{name}: {link} leads to no page"
            if fragment:
                assert fragment in pages[target or name].ids, f"{name}: {link} leads to no element"
        assert len(page.ids) == len(set(page.ids)), f"{name}: an id used twice"


def test_the_index_links_every_document_and_topic_page(
    entries: list[SiteDocument], pages: dict[str, Page]
) -> None:
    links = set(pages["index.html"].links)
    assert {_page_name(entry.document) for entry in entries} <= links
    topics = {topic for e in entries for indicator in e.document.indicators for topic in indicator.topics}
    assert {f"topic-{topic}.html" for topic in topics} <= links
    assert set(pages) == {"index.html"} | {_page_name(e.document) for e in entries} | {
        f"topic-{topic}.html" for topic in topics
    }


def test_the_index_counts_what_each_spec_encodes_and_how_it_covers_its_source(
    entries: list[SiteDocument], files: dict[str, bytes]
) -> None:
    html = files["index.html"].decode("utf-8")
    for entry in entries:
        document, coverage = entry.document, entry.coverage
        assert coverage is not None
        row = re.search(rf'<tr data-document="{document.id}">(.*?)</tr>', html)
        assert row is not None
        numbers = [int(n) for n in re.findall(r'<td class="n">(\d+)</td>', row[1])]
        uncovered = coverage.statements - coverage.encoded - coverage.excluded
        assert numbers == [
            len(document.goals),
            len(document.principles),
            len(document.measures),
            len(document.indicators),
            len(document.excluded),
            coverage.statements,
            coverage.encoded,
            coverage.excluded,
            uncovered,
        ]


def test_the_timeline_links_every_deadline_to_its_card(
    entries: list[SiteDocument], pages: dict[str, Page]
) -> None:
    dated = {
        f"{_page_name(e.document)}#card-{item_id}"
        for e in entries
        for item_id, deadline in [
            *((goal.id, goal.deadline) for goal in e.document.goals),
            *((indicator.id, indicator.deadline) for indicator in e.document.indicators),
        ]
        if deadline is not None
    }
    svg_links = [
        a["href"] for tag, a in pages["index.html"].elements if tag == "a" and "#card-" in a.get("href", "")
    ]
    assert sorted(svg_links) == sorted(dated)


def test_a_topic_page_links_each_of_its_indicators_to_its_highlight(
    entries: list[SiteDocument], pages: dict[str, Page]
) -> None:
    for entry in entries:
        for indicator in entry.document.indicators:
            for topic in indicator.topics:
                assert f"{_page_name(entry.document)}#at-{indicator.id}" in pages[f"topic-{topic}.html"].links


def test_nothing_is_fetched_from_the_network(files: dict[str, bytes], pages: dict[str, Page]) -> None:
    for name, page in pages.items():
        assert page.resources == ["site.css"], name
        assert not [link for link in page.links if re.match(r"[a-z][a-z0-9+.-]*:|//", link)], name
    for name, data in files.items():
        assert b"http:" not in data, name
        assert b"https:" not in data, name
        assert b"url(" not in data, name  # no font, image or import in the stylesheet


def test_chinese_is_marked_and_set_in_a_cjk_font_stack(
    files: dict[str, bytes], pages: dict[str, Page]
) -> None:
    css = files["site.css"].decode()
    assert re.search(r'\[lang="zh-Hans"\] \{[^}]*font-family: var\(--serif-zh\); line-height: 1\.8', css)
    assert '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC"' in css
    for name, page in pages.items():
        assert page.elements[0] == ("html", {"lang": "en"}), name
        if name.startswith("document-"):
            source = next(a for _, a in page.elements if a.get("id") == "source")
            assert source["lang"] == "zh-Hans"


def test_the_same_documents_give_the_same_bytes_in_any_order(
    entries: list[SiteDocument], files: dict[str, bytes]
) -> None:
    again = list(site_files(list(reversed(entries)), generator="policyspec test"))
    assert dict(again) == files
    assert [name for name, _ in again] == list(files)


def test_hostile_text_is_escaped_and_read_back_as_written(entries: list[SiteDocument]) -> None:
    entry = entries[0]
    hostile = '<script>alert("zh")</script>&amp;\r\n'
    document = entry.document.model_copy(
        update={
            "title": Text(zh=hostile, en='"><img src=x onerror=1>'),
            "excluded": [*entry.document.excluded, Excluded(quote=hostile, reason="name")],
        }
    )
    text = hostile + entry.source_text
    page = read_page(document_page(SiteDocument(document, text, entry.coverage), generator="t").decode())
    assert page.source == text
    assert not [tag for tag, _ in page.elements if tag in ("script", "img")]
    assert hostile in page.text
    last = str(len(document.excluded) - 1)
    assert all(last in page.excluded_at(i) for i in range(len(hostile)))
    index = read_page(index_page([SiteDocument(document, text, None)], generator="t").decode())
    assert not [tag for tag, _ in index.elements if tag in ("script", "img")]


def test_a_quote_missing_from_the_source_gets_a_card_that_says_so_and_no_broken_link(
    entries: list[SiteDocument],
) -> None:
    document = entries[0].document
    html = document_page(SiteDocument(document, "", None), generator="t").decode()
    page = read_page(html)
    assert page.source == ""
    cards_with_a_quote = [
        *document.sections,
        *document.goals,
        *document.principles,
        *document.measures,
        *document.indicators,
        *document.excluded,
        *(note for note in document.quality_notes if note.quote is not None),
    ]
    assert html.count("not found in the source") == len(cards_with_a_quote)
    assert not [link for link in page.links if link.startswith("#at-")]


def test_the_site_files_are_plain_names_a_release_manifest_can_list(
    files: dict[str, bytes], tmp_path: Path
) -> None:
    from policyspec.release.manifest import sha256sums

    sha256sums((name, "0" * 64) for name in files)  # refuses a name it cannot list
    assert list(files)[:2] == ["site.css", "index.html"]
