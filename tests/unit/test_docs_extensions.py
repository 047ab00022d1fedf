"""The site's two helpers: docstrings read as Markdown, and pages made of the root's files."""

from __future__ import annotations

from pathlib import Path

import pytest
from docs._ext.griffe_markdown import fence_doctests, link_roles
from docs._ext.root_pages import IncludeError, render
from hypothesis import given
from hypothesis import strategies as st


def test_a_doctest_becomes_a_pycon_block_up_to_the_blank_line() -> None:
    text = "Filters:\n\n>>> ids(corpus)\n['a-b']\n\nMore prose."
    assert fence_doctests(text) == "Filters:\n\n```pycon\n>>> ids(corpus)\n['a-b']\n```\n\nMore prose."


def test_an_indented_doctest_at_the_end_is_closed_at_its_indentation() -> None:
    assert (
        fence_doctests("Example:\n    >>> 1 + 1\n    2")
        == "Example:\n    ```pycon\n    >>> 1 + 1\n    2\n    ```"
    )


def test_a_doctest_inside_a_fenced_block_is_left_alone() -> None:
    text = "```python\n>>> x\n```"
    assert fence_doctests(text) == text


def _without_fences(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip() not in {"```", "```pycon"}]


@given(st.lists(st.sampled_from([">>> f()", "...     g()", "1", "", "prose", "  >>> h()", "```", "\u2028"])))
def test_fencing_only_adds_fence_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    fenced = fence_doctests(text)
    assert _without_fences(fenced) == _without_fences(text)
    if not any(">>>" in line for line in lines):
        assert fenced == text


@pytest.mark.parametrize(
    ("docstring", "identifier", "shown"),
    [
        (
            ":class:`~policyspec.api.query.IndicatorFilter`",
            "policyspec.api.query.IndicatorFilter",
            "IndicatorFilter",
        ),
        (":func:`policyspec.load`", "policyspec.load", "policyspec.load"),
        (":func:`~policyspec.load()`", "policyspec.load", "load"),
        (":mod:`~.compare`", "policyspec.api.compare", "compare"),
        (":data:`CONTEXT`", "CONTEXT", "CONTEXT"),
    ],
)
def test_a_sphinx_role_becomes_an_optional_cross_reference(
    docstring: str, identifier: str, shown: str
) -> None:
    linked = link_roles(f"See {docstring}.", "policyspec.api.corpus")
    assert linked == f'See <autoref identifier="{identifier}" optional><code>{shown}</code></autoref>.'


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A repository with a README, a CHANGELOG and two pages in docs/."""
    (tmp_path / "docs").mkdir()
    for name in ("docs/api.md", "docs/index.md", "docs/changelog.md", "CHANGELOG.md", "pyproject.toml"):
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    readme = (
        "# Title\n<!-- site:start home -->\nSee [the API](docs/api.md#filters), [changes](CHANGELOG.md),\n"
    )
    readme += "[the project](pyproject.toml) and [a site](https://example.org/a.md).\n"
    readme += "```md\n[kept](docs/api.md)\n```\n<!-- site:end home -->\nNot on the site.\n"
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")
    return tmp_path


def test_an_included_part_has_its_links_aimed_from_the_page(root: Path) -> None:
    page = render("# Home\n<!-- include: README.md#home -->\n", root / "docs" / "index.md", root)
    assert "[the API](api.md#filters)" in page
    assert "[changes](changelog.md)" in page  # a root file shown as a page: that page
    assert "[the project](../pyproject.toml)" in page
    assert "[a site](https://example.org/a.md)" in page
    assert "[kept](docs/api.md)" in page  # code is not rewritten
    assert "Not on the site" not in page
    assert "# Title" not in page


def test_a_page_link_to_a_root_file_shown_on_the_site_goes_to_its_page(root: Path) -> None:
    page = render("[changes](../CHANGELOG.md#v2) and [missing](nowhere.md)", root / "docs" / "api.md", root)
    assert (
        page == "[changes](changelog.md#v2) and [missing](nowhere.md)"
    )  # mkdocs --strict reports the latter


@pytest.mark.parametrize(
    "include", ["<!-- include: NOWHERE.md -->", "<!-- include: README.md#nothing -->"], ids=["file", "part"]
)
def test_an_include_of_nothing_stops_the_build(root: Path, include: str) -> None:
    with pytest.raises(IncludeError):
        render(include, root / "docs" / "index.md", root)


def test_a_pipe_escaped_for_github_in_code_in_a_table_is_a_plain_pipe_on_the_site(root: Path) -> None:
    table = "| `a \\| b` \\| c | `d` |\n| --- | --- |\n\n`e \\| f` outside a table"
    page = render(table, root / "docs" / "api.md", root)
    assert page == "| `a | b` \\| c | `d` |\n| --- | --- |\n\n`e \\| f` outside a table"
