"""A mkdocs hook: pages made of the repository's root files, with links that work on the site.

README.md and CHANGELOG.md live at the root, where GitHub shows them, and link to ``docs/x.md``;
``docs/`` pages link back to ``../CHANGELOG.md``. On the site the root files are pages too
(``index.md`` shows part of the README, ``changelog.md`` the changelog), so:

- ``<!-- include: FILE -->`` in a page is replaced by FILE, and ``<!-- include: FILE#NAME -->`` by
  the part of FILE between ``<!-- site:start NAME -->`` and ``<!-- site:end NAME -->``;
- every relative link, in a page or in what it includes, is re-aimed from the folder of the file
  it was written in to the page's folder; a link to a root file shown as a page goes to that page;
- a pipe in code in a table row is written ``\\|`` for GitHub, which needs it escaped even there;
  Python-Markdown keeps code spans whole and would show the backslash, so it is dropped.

Links that point nowhere are left alone, for ``mkdocs build --strict`` to report.
"""

from __future__ import annotations

import os.path
import re
from pathlib import Path
from typing import Any

ROOT_PAGES = {"README.md": "index.md", "CHANGELOG.md": "changelog.md"}
"""Root files shown on the site, and the page (in ``docs/``) that shows each."""

_INCLUDE = re.compile(r"^<!-- include: (?P<file>[\w./-]+?)(?:#(?P<part>[\w-]+))? -->$", re.M)
_LINK = re.compile(r"(?<=\]\()(?P<target>[^()\s#]+)(?P<anchor>#[^()\s]*)?(?=\))")
_CODE_SPAN = re.compile(r"`[^`\n]*`")  # left to right: opening and closing backticks pair up
_FENCE = re.compile(r"^\s*(```|~~~).*?^\s*\1", re.M | re.S)


class IncludeError(Exception):
    """An include names a file or part that does not exist: the build must stop."""


def _part(text: str, name: str, file: str) -> str:
    start, end = f"<!-- site:start {name} -->", f"<!-- site:end {name} -->"
    if text.count(start) != 1 or text.count(end) != 1 or text.index(start) > text.index(end):
        raise IncludeError(f"{file} needs exactly one '{start}' … '{end}' pair")
    return text[text.index(start) + len(start) : text.index(end)].strip("\n")


def _aim(target: str, written_in: Path, page_dir: Path, root: Path) -> str:
    """``target``, relative to ``written_in``, made relative to ``page_dir``, when it names a file."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("/"):
        return target  # a URL or a site-absolute path
    resolved = (written_in / target).resolve()
    if resolved.parent == root and resolved.name in ROOT_PAGES:
        resolved = root / "docs" / ROOT_PAGES[resolved.name]
    if not resolved.exists():
        return target
    return Path(os.path.relpath(resolved, page_dir)).as_posix()


def aim_links(markdown: str, written_in: Path, page_dir: Path, root: Path) -> str:
    """Every relative link of ``markdown`` re-aimed; fenced code is left as it is."""

    def aim(match: re.Match[str]) -> str:
        return _aim(match["target"], written_in, page_dir, root) + (match["anchor"] or "")

    def prose(text: str) -> str:
        return _unescape_table_pipes(_LINK.sub(aim, text))

    pieces, last = [], 0
    for fence in _FENCE.finditer(markdown):
        pieces += [prose(markdown[last : fence.start()]), fence.group()]
        last = fence.end()
    return "".join([*pieces, prose(markdown[last:])])


def _unescape_table_pipes(text: str) -> str:
    """``\\|`` inside code on a table row (a line starting with ``|``) read as ``|``."""

    def row(line: str) -> str:
        if not line.lstrip().startswith("|"):
            return line
        return _CODE_SPAN.sub(lambda code: code.group().replace("\\|", "|"), line)

    return "\n".join(row(line) for line in text.split("\n"))


def render(markdown: str, page_path: Path, root: Path) -> str:
    """A page's Markdown with its includes expanded and every link aimed from the page's folder."""

    def include(match: re.Match[str]) -> str:
        file = root / match["file"]
        if not file.is_file():
            raise IncludeError(f"{page_path.name}: no file {match['file']} to include")
        text = file.read_text(encoding="utf-8")
        if match["part"]:
            text = _part(text, match["part"], match["file"])
        return aim_links(text, file.parent, page_path.parent, root)

    own = aim_links(markdown, page_path.parent, page_path.parent, root)
    return _INCLUDE.sub(include, own)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    docs = Path(config["docs_dir"]).resolve()
    return render(markdown, docs / page.file.src_path, docs.parent)
