"""The API checks its arguments: one path is one path, and a wrong type is a clear error."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import policyspec
from policyspec.limits import LIMIT_CEILINGS, Limits
from policyspec.loading.paths import SpecPathError, SpecPaths, as_paths, expand_paths
from tests.conftest import REPO

SPECS = REPO / "specs"


@pytest.mark.parametrize("paths", [str(SPECS), SPECS, [SPECS], (str(SPECS),), iter([SPECS])])
def test_load_takes_one_path_or_an_iterable_of_paths(paths: object) -> None:
    corpus = policyspec.load(paths, sources=REPO / "sources")  # type: ignore[arg-type]
    assert len(corpus.documents) == 5


def test_a_string_is_one_path_never_its_characters() -> None:
    assert as_paths("specs") == [Path("specs")]
    assert as_paths(Path("specs")) == [Path("specs")]


@pytest.mark.parametrize("paths", [b"specs", 5, [b"specs"], [SPECS, 3], None.__class__])
def test_anything_else_is_a_type_error_naming_the_argument(paths: object) -> None:
    with pytest.raises(TypeError, match="paths"):
        as_paths(paths)  # type: ignore[arg-type]


def test_sources_are_checked_the_same_way() -> None:
    with pytest.raises(TypeError, match="sources"):
        policyspec.load(SPECS, sources=42)  # type: ignore[arg-type]


def test_a_folder_without_specs_is_an_error_not_an_empty_corpus(tmp_path: Path) -> None:
    with pytest.raises(SpecPathError, match="holds no spec files"):
        policyspec.load(tmp_path)
    with pytest.raises(ValueError, match="holds no spec files"):  # SpecPathError is a ValueError
        expand_paths([tmp_path])


def test_limits_must_be_a_limits() -> None:
    with pytest.raises(TypeError, match="limits"):
        policyspec.load(SPECS, limits={"max_bytes": 10})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options",
    [
        {"max_bytes": -1},
        {"max_bytes": 10**30},
        {"max_depth": 0},
        {"max_nodes": LIMIT_CEILINGS["max_nodes"] + 1},
    ],
)
def test_a_limit_out_of_range_is_a_value_error(options: dict[str, int]) -> None:
    with pytest.raises(ValueError, match=next(iter(options))):
        Limits(**options)


@pytest.mark.parametrize("value", [1.5, "10", True])
def test_a_limit_that_is_not_a_whole_number_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="max_bytes"):
        Limits(max_bytes=value)  # type: ignore[arg-type]


_PART = st.text(
    st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"]), min_size=1, max_size=8
)


@given(
    texts=st.lists(st.lists(_PART, min_size=1, max_size=4).map("/".join), max_size=6),
    at=st.integers(-8, 8),
    cut=st.slices(8),
)
@example(texts=["a/./b", "c"], at=0, cut=slice(None))  # equal as Paths, not as text
def test_paths_kept_as_text_read_as_the_paths_a_list_holds(texts: list[str], at: int, cut: slice) -> None:
    """A command holds its spec paths as text (SpecPaths); read back, they are the same Paths."""
    paths = [Path(text) for text in texts]
    kept = SpecPaths(paths)
    assert len(kept) == len(paths)
    assert list(kept) == paths
    assert kept == paths
    assert kept == SpecPaths(texts)
    assert kept == SpecPaths(kept)
    assert list(kept[cut]) == paths[cut]
    if -len(paths) <= at < len(paths):
        assert kept[at] == paths[at]
    else:
        with pytest.raises(IndexError):
            kept[at]
    assert pickle.loads(pickle.dumps(kept)) == kept
