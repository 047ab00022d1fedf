"""The documentation site (mkdocs.yml) builds with no warning, shows every page and the public API.

The site is built once per module with ``mkdocs build --strict`` into a temporary folder, as the
publishing workflow builds it but without its address (SITE_URL, REPO_URL), and never touching the
network: no inventories of other projects, no web fonts, no social cards.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

import policyspec
from tests.conftest import REPO

DOCS = REPO / "docs"
BUILD_TIMEOUT = 300  # seconds; the build takes a few


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    returncode: int
    log: str


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("site")
    env = {name: value for name, value in os.environ.items() if name not in {"SITE_URL", "REPO_URL"}}
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's notice about MkDocs 2, printed on every build
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    return BuiltSite(root, result.returncode, result.stdout + result.stderr)


def test_site_builds_in_strict_mode_without_a_warning(site: BuiltSite) -> None:
    assert site.returncode == 0, site.log
    assert not re.findall(r"^(?:WARNING|ERROR)\b.*", site.log, flags=re.M), site.log


def _config() -> dict[str, Any]:
    """mkdocs.yml as data; its ``!ENV`` values (set only by the publishing workflow) read as None."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config: dict[str, Any] = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return config


def _nav_files(node: object) -> list[str]:
    if isinstance(node, str):
        return [node] if node.endswith(".md") else []
    if isinstance(node, dict):
        return [file for value in node.values() for file in _nav_files(value)]
    if isinstance(node, list):
        return [file for item in node for file in _nav_files(item)]
    return []


def _pages() -> set[str]:
    """Every Markdown page under docs/, the site's own helpers (docs/_ext) aside."""
    return {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if "_ext" not in p.parts}


def test_every_page_of_docs_is_in_the_nav_once_and_the_nav_names_only_pages() -> None:
    nav = _nav_files(_config()["nav"])
    assert sorted(nav) == sorted(_pages())
    assert {p.name for p in DOCS.glob("*.md")} <= set(nav)
    assert nav[0] == "index.md"


def _inventory(site: BuiltSite) -> dict[str, str]:
    """The site's objects.inv (Sphinx inventory v2): every documented object and its page."""
    lines = (site.root / "objects.inv").read_bytes().split(b"\n", 4)
    assert lines[0] == b"# Sphinx inventory version 2", lines[0]
    entries = zlib.decompress(lines[4]).decode("utf-8").splitlines()
    found = [re.match(r"(\S+) \S+:\S+ -?\d+ (\S+)", entry) for entry in entries]
    return {match[1]: match[2] for match in found if match}


def _documented_as(name: str) -> str:
    """Where the reference documents a public name: its defining module, or the package itself."""
    obj = getattr(policyspec, name)
    module, qualname = getattr(obj, "__module__", None), getattr(obj, "__qualname__", None)
    if isinstance(module, str) and isinstance(qualname, str):
        return f"{module}.{qualname}"
    return f"policyspec.{name}"


@pytest.mark.parametrize("name", policyspec.__all__)
def test_every_public_name_is_in_the_api_reference(site: BuiltSite, name: str) -> None:
    inventory = _inventory(site)
    path = _documented_as(name)
    assert path in inventory, f"{name} ({path}) is not documented; add its module to docs/reference/"
    assert inventory[path].startswith("reference/"), inventory[path]


def test_the_site_loads_nothing_from_other_hosts(site: BuiltSite) -> None:
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) > len(_pages())  # every page, plus 404.html
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.findall(r"""\bsrc=["']?(?:https?:)?//""", html), page
        assert not re.findall(r"""<link\b[^>]*\bhref=["']?(?:https?:)?//""", html), page
        assert "fonts.googleapis" not in html, page


def _readme_part(name: str) -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return text.split(f"<!-- site:start {name} -->", 1)[1].split(f"<!-- site:end {name} -->", 1)[0]


def test_home_page_shows_the_readme_introduction_with_links_into_the_site(site: BuiltSite) -> None:
    home = (site.root / "index.html").read_text(encoding="utf-8")
    first_sentence = _readme_part("home").strip().split(". ", 1)[0]
    assert first_sentence in home
    for heading in re.findall(r"^## (.+)$", _readme_part("home"), flags=re.M):
        assert heading in home, heading
    assert 'href="api/"' in home  # README's docs/api.md, now the site's page
    assert 'href="changelog/"' in home  # README's CHANGELOG.md


def test_changelog_page_shows_the_changelog(site: BuiltSite) -> None:
    changelog = (site.root / "changelog" / "index.html").read_text(encoding="utf-8")
    for heading in re.findall(r"^## (\S+)", (REPO / "CHANGELOG.md").read_text(encoding="utf-8"), flags=re.M):
        assert heading in changelog, heading


WORKFLOW = REPO / ".github" / "workflows" / "docs.yml"


def test_publishing_workflow_is_a_valid_workflow_that_builds_strictly() -> None:
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which(
        "check-jsonschema"
    )
    assert checker is not None, "check-jsonschema is in the test extra"
    command = [checker, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as true
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]
    assert any(run.startswith("mkdocs build --strict") for run in runs), runs
