"""``policyspec new`` drafts a spec a person can finish: it parses, it lists what is left to do,
its sections are the printed headings, and it never overwrites what is already there."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import policyspec
from policyspec.bundled import bundled_dir
from policyspec.loading.check import check_spec
from policyspec.model.documents import Document

SOURCES = sorted(bundled_dir("sources").glob("*.txt"))
BUNDLED = {document.source.file: document for document in policyspec.load().documents}


def _policyspec(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyspec", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh project folder with a draft of every bundled source."""
    project = tmp_path_factory.mktemp("project")
    for number, source in enumerate(SOURCES):
        result = _policyspec("new", str(source), "--id", f"draft-{number}", cwd=project)
        assert result.returncode == 0, result.stderr
    return project


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_the_draft_parses_and_lists_only_what_is_left_to_do(drafts: Path, source: Path) -> None:
    checked = check_spec(drafts / "specs" / f"{source.stem}.yaml")
    assert checked.document is not None, checked.diagnostics
    assert {d.code for d in checked.diagnostics} <= {"PS223", "PS224"}
    assert (drafts / "sources" / source.name).read_bytes() == source.read_bytes()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_coverage_of_the_draft_lists_every_statement_as_a_candidate(drafts: Path, source: Path) -> None:
    result = _policyspec("coverage", "--format", "json", f"specs/{source.stem}.yaml", cwd=drafts)
    assert result.returncode == 1  # everything is still uncovered
    [report] = json.loads(result.stdout)["documents"]
    bundled = _policyspec(
        "coverage",
        "--format",
        "json",
        str(source.parent.parent / "specs" / f"{source.stem}.yaml"),
        cwd=drafts,
    )
    [finished] = json.loads(bundled.stdout)["documents"]
    assert report["total"] == finished["total"] > 0
    assert {s["status"] for s in report["statements"]} == {"uncovered"}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_the_drafts_sections_are_the_printed_headings(drafts: Path, source: Path) -> None:
    """At least 95 % of the sections the finished spec has start where a drafted section starts."""
    draft = check_spec(drafts / "specs" / f"{source.stem}.yaml").document
    finished: Document = BUNDLED[source.name]
    assert draft is not None
    text = source.read_text(encoding="utf-8")
    drafted = {text.find(section.quote) for section in draft.sections}
    found = sum(text.find(section.quote) in drafted for section in finished.sections)
    assert found >= 0.95 * len(finished.sections)
    assert all(section.quote in text for section in draft.sections)


def test_new_never_overwrites(drafts: Path) -> None:
    source = SOURCES[0]
    spec = drafts / "specs" / f"{source.stem}.yaml"
    before = spec.read_bytes()
    again = _policyspec("new", str(source), "--id", "other", cwd=drafts)
    assert again.returncode == 1
    assert "exists" in again.stderr
    assert spec.read_bytes() == before


def test_new_refuses_a_different_source_of_the_same_name(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / SOURCES[0].name).write_text("另一个文件", encoding="utf-8")
    result = _policyspec("new", str(SOURCES[0]), "--id", "plan", cwd=tmp_path)
    assert result.returncode == 1
    assert (tmp_path / "sources" / SOURCES[0].name).read_text(encoding="utf-8") == "另一个文件"
    assert not (tmp_path / "specs").exists() or not any((tmp_path / "specs").iterdir())


@pytest.mark.parametrize("args", [["--id", "Not_An_Id"], ["--id", "plan", "--dir"]])
def test_new_misuse_is_a_usage_error(tmp_path: Path, args: list[str]) -> None:
    result = _policyspec("new", str(SOURCES[0]), *args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("gbk.txt", "示范市党的建设".encode("gb18030"), "not UTF-8: the file looks like GBK"),
        ("missing.txt", None, "No such file or directory"),
    ],
)
def test_new_refuses_a_source_it_cannot_read(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    if content is not None:
        (tmp_path / name).write_bytes(content)
    result = _policyspec("new", name, "--id", "plan", cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert not (tmp_path / "specs").exists()
