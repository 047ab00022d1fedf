"""A file's check pauses Python's cycle collector and always leaves it as it found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from policyspec.bundled import bundled_specs
from policyspec.loading import check
from policyspec.loading.check import check_spec
from policyspec.loading.collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    (gc.enable if enabled else gc.disable)()


def test_the_collector_is_paused_inside_and_running_after() -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_collector_runs_again_after_an_error() -> None:
    gc.enable()
    with pytest.raises(ValueError, match="boom"), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_check_runs_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = check.check_opened

    def spy(*args: object, **kwargs: object) -> check.CheckedSpec:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(check, "check_opened", spy)
    gc.enable()
    spec: Path = bundled_specs()[0]
    assert check_spec(spec).document is not None
    assert seen == [False]
    assert gc.isenabled()


def test_a_release_renders_each_document_with_the_collector_still_paused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """From a document's check to its release the collector stays paused (resumed with the
    document alive, it would walk all of it), and it runs between documents and after."""
    from policyspec.release import build
    from policyspec.release.inputs import CheckedInputs

    seen: list[bool] = []
    real = build.render_part

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "render_part", spy)
    gc.enable()
    specs = bundled_specs()[:2]
    build.write_release(CheckedInputs(specs), tmp_path / "out")
    assert seen == [False, False]
    assert gc.isenabled()


def test_release_inputs_hold_no_document_once_handed_over() -> None:
    """The consumer's reference is the only one: dropped, the document is freed at once."""
    import weakref

    from policyspec.release.inputs import CheckedInputs

    documents = iter(CheckedInputs(bundled_specs()[:2]))
    entry = next(documents)
    gone = weakref.ref(entry.document)
    del entry
    assert gone() is None
