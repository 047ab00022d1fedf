"""The one front door: paths in, checked specs out, with the rules that hold across files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policyspec.diagnostics import PolicyspecError
from policyspec.loading.check_files import check_files, valid_documents
from policyspec.loading.options import CheckOptions
from tests.conftest import EXAMPLES

VALID = EXAMPLES / "valid" / "complete.yaml"
SOURCES = (EXAMPLES / "sources",)


@pytest.fixture
def two_copies(tmp_path: Path) -> list[Path]:
    """The same valid spec twice, under two names: one document id in two files."""
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copy(VALID, first)
    shutil.copy(VALID, second)
    return [first, second]


def test_a_document_id_used_twice_is_reported_on_the_second_file_at_its_id(two_copies: list[Path]) -> None:
    first, second = check_files(two_copies, CheckOptions(sources=SOURCES))
    assert first.diagnostics == ()
    [duplicate] = second.diagnostics
    assert duplicate.code == "PS218"
    assert duplicate.file.endswith("b.yaml")
    assert f"is already used by {first.identity.file if first.identity else ''}" in duplicate.message
    id_line = next(n for n, line in enumerate(VALID.read_text().splitlines(), 1) if line.startswith("id:"))
    assert (duplicate.line, duplicate.column) == (id_line, 5)


def test_worker_processes_give_the_same_outcome(two_copies: list[Path], tmp_path: Path) -> None:
    many = two_copies + [Path(shutil.copy(VALID, tmp_path / f"c{i}.yaml")) for i in range(4)]
    one = check_files(many, CheckOptions(sources=SOURCES))
    spread = check_files(many, CheckOptions(sources=SOURCES, jobs=2))
    assert [s.diagnostics for s in spread] == [s.diagnostics for s in one]
    assert sum(len(s.diagnostics) for s in one) == len(many) - 1


def test_without_documents_only_outcomes_are_kept(two_copies: list[Path]) -> None:
    checked = check_files(two_copies, CheckOptions(sources=SOURCES), keep_documents=False)
    assert all(spec.document is None and spec.sha256 for spec in checked)
    assert [d.code for spec in checked for d in spec.diagnostics] == ["PS218"]


def test_valid_documents_refuses_a_corpus_with_errors(two_copies: list[Path]) -> None:
    with pytest.raises(PolicyspecError) as refused:
        valid_documents(check_files(two_copies, CheckOptions(sources=SOURCES)))
    assert [d.code for d in refused.value.diagnostics] == ["PS218"]
    assert [d.id for d in valid_documents(check_files(two_copies[:1], CheckOptions(sources=SOURCES)))]


@pytest.mark.parametrize("jobs", [0, 257, True, 1.5])
def test_options_refuse_absurd_jobs(jobs: object) -> None:
    with pytest.raises(ValueError, match="jobs"):
        CheckOptions(jobs=jobs)  # type: ignore[arg-type]


def test_options_refuse_what_is_not_a_limits_value() -> None:
    with pytest.raises(TypeError, match="Limits"):
        CheckOptions(limits={"max_bytes": 1})  # type: ignore[arg-type]
