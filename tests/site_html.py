"""Reading a page of the provenance site back, as a browser's DOM would hold it.

:func:`read_page` parses HTML with the standard library and checks it is well nested (every end
tag closes the element opened last); it keeps each element's attributes, every ``id``, every
link, and, for the element ``id="source"``, each character with the attributes of the elements
around it — so a test can ask which ``data-id`` covers which character of the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Page", "read_page"]

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
Attributes = dict[str, str]


@dataclass
class Page:
    """What a page holds, as read back."""

    ids: list[str] = field(default_factory=list)
    elements: list[tuple[str, Attributes]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # href values of <a> (HTML and SVG)
    resources: list[str] = field(default_factory=list)  # src, href of <link>, and the like
    source: str = ""
    around: list[tuple[Attributes, ...]] = field(default_factory=list)  # per source character
    text: str = ""  # all the text of the body

    def data_ids_at(self, index: int) -> set[str]:
        return {a["data-id"] for a in self.around[index] if "data-id" in a}

    def excluded_at(self, index: int) -> set[str]:
        return {a["data-excluded"] for a in self.around[index] if "data-excluded" in a}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, Attributes]] = []
        self.in_source = 0  # depth in the stack of the source element, 0 outside

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.page.elements.append((tag, attributes))
        if "id" in attributes:
            self.page.ids.append(attributes["id"])
        for name in ("src", "srcset", "poster", "data", "action", "xlink:href"):
            if name in attributes:
                self.page.resources.append(attributes[name])
        if "href" in attributes:
            (self.page.links if tag == "a" else self.page.resources).append(attributes["href"])
        if tag in VOID:
            return
        self.stack.append((tag, attributes))
        if attributes.get("id") == "source":
            assert not self.in_source, "a source element inside the source"
            self.in_source = len(self.stack)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> closes nothing"
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>: not well nested"
        if self.in_source and len(self.stack) < self.in_source:
            self.in_source = 0

    def handle_data(self, data: str) -> None:
        self.page.text += data
        if self.in_source:
            around = tuple(attributes for _, attributes in self.stack[self.in_source :])
            self.page.source += data
            self.page.around.extend([around] * len(data))


def read_page(html: str) -> Page:
    """The page, read; AssertionError when its elements are not well nested."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    assert [tag for tag, _ in reader.stack] == [], f"left open: {reader.stack}"
    return reader.page
