"""What a user downloads says what it is: the wheel and the sdist carry the license, the corpus and
what builds them, and the project's metadata agree with the documentation.

Both are built offline with hatchling (the build backend, in the test extra), from this checkout.
"""

from __future__ import annotations

import email.parser
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest

import policyspec
from tests.conftest import REPO

BUILD_TIMEOUT = 300  # seconds


@dataclass(frozen=True)
class Dists:
    wheel: Path
    sdist: Path


def _build(source: Path, out: Path, *targets: str) -> None:
    command = [sys.executable, "-m", "hatchling", "build", "-d", str(out)]
    for target in targets:
        command += ["-t", target]
    result = subprocess.run(
        command, cwd=source, capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Dists:
    out = tmp_path_factory.mktemp("dist")
    _build(REPO, out, "wheel", "sdist")
    [wheel] = out.glob("*.whl")
    [sdist] = out.glob("*.tar.gz")
    return Dists(wheel, sdist)


DIST_INFO = f"policyspec-{policyspec.__version__}.dist-info"
LICENSE = (REPO / "LICENSE").read_bytes()


def _wheel_files(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _metadata(text: str) -> Message:
    return email.parser.Parser().parsestr(text)


def _wheel_metadata(dists: Dists) -> Message:
    return _metadata(_wheel_files(dists.wheel)[f"{DIST_INFO}/METADATA"].decode("utf-8"))


def _urls(dists: Dists) -> dict[str, str]:
    """The project URLs a package index shows (pyproject.toml's [project.urls])."""
    return dict(line.split(", ", 1) for line in _wheel_metadata(dists).get_all("Project-URL") or [])


def test_wheel_carries_the_mit_license_and_says_so_in_its_metadata(dists: Dists) -> None:
    assert LICENSE.decode("utf-8").startswith("MIT License\n\nCopyright (c) 2026 policyspec developers\n")
    assert _wheel_files(dists.wheel)[f"{DIST_INFO}/licenses/LICENSE"] == LICENSE
    metadata = _wheel_metadata(dists)
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert metadata["Version"] == policyspec.__version__
    assert set(_urls(dists)) == {"Homepage", "Documentation", "Source", "Issues", "Changelog"}


def test_wheel_carries_the_package_the_corpus_and_the_command(dists: Dists) -> None:
    files = _wheel_files(dists.wheel)
    source = REPO / "src" / "policyspec"
    for module in source.rglob("*.py"):
        assert f"policyspec/{module.relative_to(source).as_posix()}" in files, module
    assert "policyspec/py.typed" in files
    bundled = {
        "specs": sorted((REPO / "specs").glob("*.yaml")),
        "sources": sorted((REPO / "sources").glob("*.txt")),
        "schemas": sorted((REPO / "schemas").glob("*.json")),
    }
    for folder, paths in bundled.items():
        assert paths, folder
        for path in paths:
            assert files[f"policyspec/_data/{folder}/{path.name}"] == path.read_bytes(), path
    assert files["policyspec/_data/docs/rules.md"] == (REPO / "docs" / "rules.md").read_bytes()
    assert "policyspec = policyspec.cli:main" in files[f"{DIST_INFO}/entry_points.txt"].decode("utf-8")
    strays = [name for name in files if not name.startswith(("policyspec/", f"{DIST_INFO}/"))]
    assert strays == []


def _sdist_files(sdist: Path) -> dict[str, bytes]:
    top = f"policyspec-{policyspec.__version__}/"
    with tarfile.open(sdist) as archive:
        members = [m for m in archive.getmembers() if m.isfile()]
        assert all(m.name.startswith(top) for m in members)
        return {m.name.removeprefix(top): archive.extractfile(m).read() for m in members}  # type: ignore[union-attr]


def test_sdist_carries_the_license_and_what_builds_and_tests_the_package(dists: Dists) -> None:
    files = _sdist_files(dists.sdist)
    assert files["LICENSE"] == LICENSE
    assert _metadata(files["PKG-INFO"].decode("utf-8")).get_all("License-File") == ["LICENSE"]
    for name in ("pyproject.toml", "README.md", "CHANGELOG.md", "mkdocs.yml", ".pre-commit-hooks.yaml"):
        assert files[name] == (REPO / name).read_bytes(), name
    folders = ("src", "specs", "sources", "schemas", "docs", "tests", "examples", "benchmarks")
    for folder in folders:
        assert any(name.startswith(f"{folder}/") for name in files), folder
    committed = _committed_files(*folders)
    assert committed, "no committed files found"
    assert sorted(set(committed) - set(files)) == []


def _committed_files(*folders: str) -> list[str]:
    """The files git tracks under ``folders``; the test is skipped outside a git checkout (an sdist)."""
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout: nothing to compare the sdist with")
    command = [git, "ls-files", "-z", "--", *folders]
    listed = subprocess.run(command, cwd=REPO, capture_output=True, timeout=60, check=True).stdout
    return [name for name in listed.decode("utf-8").split("\0") if name]


def test_the_sdist_builds_the_same_wheel(dists: Dists, tmp_path: Path) -> None:
    with tarfile.open(dists.sdist) as archive:
        # The "data" filter (3.12, and backported) refuses links and absolute paths; 3.12+ warns without one.
        if hasattr(tarfile, "data_filter"):
            archive.extractall(tmp_path / "unpacked", filter="data")
        else:  # pragma: no cover - Python before 3.10.12 / 3.11.4
            archive.extractall(tmp_path / "unpacked")
    [source] = (tmp_path / "unpacked").iterdir()
    _build(source, tmp_path / "rebuilt", "wheel")
    [rebuilt] = (tmp_path / "rebuilt").glob("*.whl")
    expected, actual = _wheel_files(dists.wheel), _wheel_files(rebuilt)
    record = f"{DIST_INFO}/RECORD"
    assert sorted(actual) == sorted(expected)
    del actual[record], expected[record]  # it holds the hashes of the files compared here
    assert actual == expected


def test_project_urls_name_one_repository_and_its_pages_site(dists: Dists) -> None:
    urls = _urls(dists)
    match = re.fullmatch(r"https://github\.com/([\w.-]+)/([\w.-]+)", urls["Source"])
    assert match, urls["Source"]
    owner, name = match.groups()
    assert urls["Homepage"] == urls["Source"]
    assert urls["Issues"] == f"{urls['Source']}/issues"
    assert urls["Changelog"] == f"{urls['Source']}/blob/main/CHANGELOG.md"
    assert urls["Documentation"] == f"https://{owner.lower()}.github.io/{name}/"


def test_readme_says_the_project_urls_are_not_live_yet(dists: Dists) -> None:
    readme = re.sub(r"\s+", " ", (REPO / "README.md").read_text(encoding="utf-8"))
    urls = _urls(dists)
    assert f"`{urls['Source'].removeprefix('https://')}`" in readme
    assert f"`{urls['Documentation']}`" in readme
    assert "neither exists yet" in readme
