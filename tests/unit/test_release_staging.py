"""The staged writer every file of a release goes through: hashed as written, recorded once,
listed in SHA256SUMS (folders too), and put in place only when the whole release is written."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from policyspec.release.build import is_release_path
from policyspec.release.manifest import sha256sums
from policyspec.release.staging import StagedRelease, WrittenFile, publish


def _pages() -> Iterator[tuple[str, bytes]]:
    """What a generator of site pages yields: (relative path, bytes)."""
    yield "index.html", b"<h1>Indicators</h1>\n"
    yield "documents/hubei.html", "<p>湖北</p>\n".encode()


def _site(staged: StagedRelease) -> list[WrittenFile]:
    return [staged.add(f"site/{path}", data) for path, data in _pages()]


def test_a_file_is_hashed_and_counted_as_its_chunks_are_written(tmp_path: Path) -> None:
    staged = StagedRelease(tmp_path)
    chunks = [b"a,b\n", "一,二\n".encode(), b""]
    written = staged.add("tables/t.csv", iter(chunks))
    data = b"".join(chunks)
    assert (tmp_path / "tables" / "t.csv").read_bytes() == data
    assert written == WrittenFile("tables/t.csv", len(data), hashlib.sha256(data).hexdigest())
    assert staged.written == (written,)


@pytest.mark.parametrize("path", ["SHA256SUMS", ".parts/x", "a.csv"])
def test_a_path_is_written_once_and_never_the_manifest_or_the_scratch_folder(
    tmp_path: Path, path: str
) -> None:
    staged = StagedRelease(tmp_path)
    staged.add("a.csv", b"x")
    with pytest.raises(ValueError, match="not a new file"):
        staged.add(path, b"y")


def test_files_written_by_another_generator_are_published_and_checkable(tmp_path: Path) -> None:
    """How a site generator's pages join a release: add each one; SHA256SUMS lists them all."""
    out = tmp_path / "release"
    written = publish(out, _site, is_release_path=lambda path: path.startswith("site/"))
    assert [w.path for w in written] == ["site/index.html", "site/documents/hubei.html"]
    manifest = (out / "SHA256SUMS").read_text(encoding="ascii")
    assert manifest == "".join(f"{w.sha256}  {w.path}\n" for w in sorted(written, key=lambda w: w.path))
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--check", "--strict", "--quiet", "SHA256SUMS"], cwd=out, check=True)
    assert [p.name for p in tmp_path.iterdir()] == ["release"]  # no staging folder left


def test_a_writer_that_fails_leaves_the_destination_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "release"
    publish(out, _site, is_release_path=lambda path: path.startswith("site/"))
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def half(staged: StagedRelease) -> None:
        staged.add("site/index.html", b"new")
        staged.scratch()
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        publish(out, half, is_release_path=lambda path: path.startswith(("site/", ".parts/")))
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["release"]


@pytest.mark.parametrize(
    "path", ["../outside", "/etc/passwd", "a//b", "a/./b", "a/", "a\\b", "x\ny", "SHA256SUMS"]
)
def test_the_manifest_lists_only_plain_relative_paths(path: str) -> None:
    with pytest.raises(ValueError, match="cannot list"):
        sha256sums([(path, "0" * 64)])


def test_what_a_killed_release_may_leave_is_known_by_name() -> None:
    for path in [
        "policyspec.json",
        "indicators.parquet",
        "sources/a.txt",
        "schemas/x.json",
        ".parts/documents",
    ]:
        assert is_release_path(path), path
    for path in ["notes.txt", "sources", ".git/HEAD", "site2/a"]:
        assert not is_release_path(path), path


def test_a_release_takes_generated_pages_into_its_site_folder(tmp_path: Path) -> None:
    import json

    from policyspec.api.corpus import load
    from policyspec.bundled import bundled_specs
    from policyspec.release.build import write_release
    from policyspec.release.inputs import CheckedInputs

    seen: list[bool] = []

    def site(staged: StagedRelease) -> Iterator[tuple[str, bytes]]:
        seen.append((staged.folder / "policyspec.json").is_file())  # the data are written first
        yield from _pages()

    out = tmp_path / "release"
    write_release(CheckedInputs(bundled_specs()), out, generated={"site": site})
    assert seen == [True]
    assert (out / "site" / "documents" / "hubei.html").read_text(encoding="utf-8") == "<p>湖北</p>\n"
    listed = (out / "SHA256SUMS").read_text(encoding="ascii")
    assert "  site/index.html\n" in listed
    described = {
        r["path"]: r["mediatype"] for r in json.loads((out / "datapackage.json").read_text())["resources"]
    }
    assert described["site/index.html"] == "text/html"
    assert len(load().documents) == len(json.loads((out / "policyspec.json").read_text())["documents"])
    with pytest.raises(Exception, match="generated files go to site/"):
        write_release(CheckedInputs(bundled_specs()), tmp_path / "other", generated={"sources": site})
