"""The benchmark's synthetic corpora validate clean, so the benchmark times a passing run."""

from __future__ import annotations

import sys
from pathlib import Path

from policyspec.loading.check_files import check_files
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

from synthetic import make_corpus


def test_a_synthetic_corpus_validates_clean(tmp_path: Path) -> None:
    specs = make_corpus(tmp_path, 7)
    assert [d for spec in check_files(specs) for d in spec.diagnostics] == []
    assert len({spec.document.id for spec in check_files(specs) if spec.document is not None}) == 7
