"""``policyspec site --out DIR`` writes the folder whole and owns only what it wrote: a second run
replaces it, a folder holding anything else is refused and left exactly as it was, and invalid
specs write nothing."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from policyspec.loading.check_files import check_files
from policyspec.loading.options import DEFAULT_OPTIONS
from policyspec.release.site.inputs import SiteError, site_documents
from tests.conftest import EXAMPLES, RunCli

SAMPLE = EXAMPLES / "valid" / "complete.yaml"


def _tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``, hidden ones too: file bytes, or 'folder'."""
    return {
        str(path.relative_to(folder)): "folder" if path.is_dir() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture
def site(run_cli: RunCli, tmp_path: Path) -> Path:
    """A site of the bundled corpus at tmp_path/site."""
    folder = tmp_path / "site"
    result = run_cli("site", "--out", str(folder))
    assert result.code == 0, result.err
    assert "5 document(s)" in result.out
    return folder


def test_the_site_lists_its_files_in_sha256sums(site: Path) -> None:
    lines = (site / "SHA256SUMS").read_text("ascii").splitlines()
    listed = {name: digest for digest, name in (line.split("  ", 1) for line in lines)}
    assert sorted(listed) == sorted(p.name for p in site.iterdir() if p.name != "SHA256SUMS")
    for name, digest in listed.items():
        assert hashlib.sha256((site / name).read_bytes()).hexdigest() == digest
    assert {"index.html", "site.css", "document-wuxi-party-building-model-zone.html"} <= set(listed)


def test_building_again_gives_the_same_bytes_and_replaces_the_site(
    run_cli: RunCli, site: Path, tmp_path: Path
) -> None:
    before = _tree(site)
    assert run_cli("site", "--out", str(site)).code == 0
    assert _tree(site) == before
    other = tmp_path / "other"
    assert run_cli("site", "--out", str(other)).code == 0
    assert _tree(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "site"]  # no staging left behind


def test_a_smaller_corpus_replaces_the_whole_site(run_cli: RunCli, site: Path) -> None:
    result = run_cli("site", "--out", str(site), str(SAMPLE))
    assert result.code == 0, result.err
    pages = sorted(p.name for p in site.iterdir() if p.name.startswith("document-"))
    assert len(pages) == 1


def _refused(run_cli: RunCli, out: Path, *expected: str) -> None:
    before = _tree(out.parent)
    result = run_cli("site", "--out", str(out))
    assert result.code == 1, result.err
    assert "refusing to replace it" in result.err
    for text in expected:
        assert text in result.err
    assert _tree(out.parent) == before


def test_a_folder_holding_a_foreign_file_is_refused_and_left_untouched(run_cli: RunCli, site: Path) -> None:
    (site / "notes.txt").write_text("mine\n", encoding="utf-8")
    _refused(run_cli, site, "notes.txt", "not files of the release")


def test_a_page_edited_since_it_was_written_is_refused_and_kept(run_cli: RunCli, site: Path) -> None:
    with (site / "index.html").open("a", encoding="utf-8") as handle:
        handle.write("<!-- my note -->\n")
    _refused(run_cli, site, "changed since the release", "index.html")


def test_a_folder_of_someone_else_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "index.html").write_text("<p>my page</p>\n", encoding="utf-8")
    _refused(run_cli, folder, "no SHA256SUMS")


def test_a_file_in_place_of_the_folder_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    file = tmp_path / "site"
    file.write_text("x\n", encoding="utf-8")
    _refused(run_cli, file, "is not a folder")


def test_specs_with_errors_write_nothing(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli("site", "--out", str(out), str(EXAMPLES / "invalid"))
    assert result.code == 1
    assert "error" in result.err
    assert not out.exists()


def test_no_specs_is_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run_cli("site", "--out", str(tmp_path / "site"), str(tmp_path / "empty"))
    assert result.code == 2
    assert not (tmp_path / "site").exists()


def test_a_source_changed_since_the_check_is_refused(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "valid", tmp_path / "specs")
    shutil.copytree(EXAMPLES / "sources", tmp_path / "sources")
    checked = check_files([tmp_path / "specs" / SAMPLE.name], DEFAULT_OPTIONS)
    assert site_documents(checked, DEFAULT_OPTIONS)
    source = tmp_path / "sources" / "sample.txt"
    source.write_bytes(source.read_bytes() + b"\n")
    with pytest.raises(SiteError, match="changed since its spec pinned it"):
        site_documents(checked, DEFAULT_OPTIONS)


@pytest.mark.parametrize("module", ["policyspec.release.site", "policyspec.cli.site_command"])
def test_the_command_and_the_package_front_stay_light(module: str) -> None:
    """The parser imports the site command on every run: it must not pull in pydantic and the like."""
    import subprocess
    import sys

    heavy = "('pydantic', 'yaml', 'jsonschema', 'ruamel')"
    code = f"import sys, {module}; print(sorted(m for m in {heavy} if m in sys.modules))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"
