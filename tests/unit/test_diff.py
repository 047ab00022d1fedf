"""`policyspec diff`: what was added, removed and changed between two releases or spec folders.

Each test edits a copy of the example spec (and of its source text, re-pinning its hash) in
tmp_path, so every difference is one a spec editor could make.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from policyspec.loading.check_files import check_files
from policyspec.loading.paths import expand_paths
from policyspec.release.build import release_inputs, write_release
from policyspec.release.diff import (
    MAX_JSON_DEPTH,
    MAX_RELEASE_BYTES,
    Change,
    Diff,
    DiffError,
    diff_sides,
    least_version,
    load_side,
    version_ok,
)
from policyspec.release.identity import BUNDLED_IDENTITY
from policyspec.release.version import DATA_VERSION
from tests.conftest import EXAMPLES, RunCli

SPEC = EXAMPLES / "valid" / "complete.yaml"
SOURCE = EXAMPLES / "sources" / "sample.txt"
NEW_INDICATOR = """\
  - id: websites-count
    quote: 2008年，市、县两级全面开通党建网站
    measured: {zh: 县级党建网站全面开通, en: Party-building websites open at county level}
    deadline: "2008"
    topics: [digital-party-building]
    measure: digital
"""
EXCLUDED = "excluded:\n"
BOTTOM_THREE_SET_ASIDE = """\
  - quote: 对列后3位的领导班子限期进行整改
    reason: not-a-requirement
    note: set aside when the indicator that encoded it is removed
"""

Edit = Callable[[str, str], tuple[str, str]]  # (spec text, source text) -> edited pair


def _corpus(folder: Path, edit: Edit | None = None) -> Path:
    """A folder with a copy of the example spec and its source, edited and re-pinned."""
    folder.mkdir()
    spec, source = SPEC.read_text(encoding="utf-8"), SOURCE.read_text(encoding="utf-8")
    if edit is not None:
        spec, source = edit(spec, source)
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
        spec = re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", spec)
    (folder / "spec.yaml").write_text(spec, encoding="utf-8")
    (folder / SOURCE.name).write_text(source, encoding="utf-8")
    return folder


def _twelve_to_fifteen(spec: str, source: str) -> tuple[str, str]:
    """A corrected figure: 每年不少于12次 becomes 15次 in the source, the quote and the value."""
    spec = spec.replace("每年不少于12次", "每年不少于15次").replace("value: 12,", "value: 15,")
    return spec, source.replace("每年不少于12次", "每年不少于15次")


def _add_indicator(spec: str, source: str) -> tuple[str, str]:
    return spec.replace(EXCLUDED, NEW_INDICATOR + EXCLUDED), source


def _remove_bottom_three(spec: str, source: str) -> tuple[str, str]:
    """The last indicator removed, and the statement it encoded set aside (so the spec stays valid)."""
    start, end = spec.index("  - id: bottom-three"), spec.index(EXCLUDED)
    return spec[:start] + EXCLUDED + BOTTOM_THREE_SET_ASIDE + spec[end + len(EXCLUDED) :], source


def _all_three(spec: str, source: str) -> tuple[str, str]:
    for edit in (_twelve_to_fifteen, _remove_bottom_three, _add_indicator):
        spec, source = edit(spec, source)
    return spec, source


def _rename_document(spec: str, source: str) -> tuple[str, str]:
    return spec.replace("id: sample-plan", "id: sample-plan-2008", 1), source


def _diff(tmp_path: Path, edit: Edit) -> Diff:
    old, new = _corpus(tmp_path / "old"), _corpus(tmp_path / "new", edit)
    return diff_sides(load_side(old), load_side(new))


def _release(specs: Path, out: Path, version: str = DATA_VERSION) -> Path:
    checked = check_files(expand_paths([specs]))
    write_release(release_inputs(checked), out, identity=replace(BUNDLED_IDENTITY, version=version))
    return out


def test_detects_an_added_a_removed_and_a_changed_indicator(tmp_path: Path) -> None:
    diff = _diff(tmp_path, _all_three)
    indicators = diff.entries["indicators"]
    assert indicators.added == (("sample-plan", "websites-count"),)
    assert indicators.removed == (("sample-plan", "bottom-three"),)
    [changed] = indicators.changed
    assert (changed.document, changed.id) == ("sample-plan", "central-group-sessions")
    assert changed.changes == (
        Change(
            "quote",
            "县（处）级以上党委中心组集中学习每年不少于12次",
            "县（处）级以上党委中心组集中学习每年不少于15次",
        ),
        Change("target.value", 12, 15),
    )
    assert not diff.documents.added
    assert not diff.documents.removed
    assert [c.field for c in diff.documents.changed[0].changes] == ["excluded", "source.sha256"]


def test_detects_documents_added_and_removed(tmp_path: Path) -> None:
    diff = _diff(tmp_path, _rename_document)
    assert diff.documents.added == (("sample-plan-2008", None),)
    assert diff.documents.removed == (("sample-plan", None),)
    assert len(diff.entries["indicators"].added) == len(diff.entries["indicators"].removed) == 9


@pytest.mark.parametrize(
    ("edit", "bump"),
    [(_remove_bottom_three, "major"), (_add_indicator, "minor"), (_twelve_to_fifteen, "patch")],
    ids=["removal", "addition", "correction"],
)
def test_the_changes_call_for_a_data_version_bump(tmp_path: Path, edit: Edit, bump: str) -> None:
    assert _diff(tmp_path, edit).bump == bump


def test_the_same_specs_have_no_differences(tmp_path: Path) -> None:
    diff = _diff(tmp_path, lambda spec, source: (spec, source))
    assert diff.bump is None
    assert not diff.documents
    assert not any(diff.entries.values())


def test_a_release_is_read_from_its_folder_or_its_policyspec_json(tmp_path: Path) -> None:
    release = _release(_corpus(tmp_path / "specs"), tmp_path / "release")
    from_folder, from_file = load_side(release), load_side(release / "policyspec.json")
    assert from_folder.version == from_file.version == DATA_VERSION
    assert from_folder.documents == from_file.documents
    assert diff_sides(from_folder, load_side(tmp_path / "specs")).bump is None


def test_new_data_version_is_checked_against_the_changes(tmp_path: Path) -> None:
    old = load_side(_release(_corpus(tmp_path / "old"), tmp_path / "old-release", "1.0.0"))
    new_specs = _corpus(tmp_path / "new", _add_indicator)
    too_low = load_side(_release(new_specs, tmp_path / "too-low", "1.0.1"))
    enough = load_side(_release(new_specs, tmp_path / "enough", "1.1.0"))
    assert least_version(diff_sides(old, too_low)) == "1.1.0"
    assert version_ok(diff_sides(old, too_low)) is False
    assert version_ok(diff_sides(old, enough)) is True
    assert version_ok(diff_sides(old, load_side(new_specs))) is None  # specs have no data version


# --- The command ----------------------------------------------------------------------------------


def test_text_output_lists_each_difference_with_old_and_new_values(run_cli: RunCli, tmp_path: Path) -> None:
    old = _release(_corpus(tmp_path / "old"), tmp_path / "release")
    new = _corpus(tmp_path / "new", _all_three)
    result = run_cli("diff", str(old), str(new))
    assert result.code == 0
    assert f"--- {old} (data version {DATA_VERSION})" in result.out
    assert "indicators: 1 added, 1 removed, 1 changed" in result.out
    assert "  + sample-plan/websites-count" in result.out
    assert "  - sample-plan/bottom-three" in result.out
    assert "  ~ sample-plan/central-group-sessions\n" in result.out
    assert "      target.value: 12 → 15\n" in result.out
    next_major = f"{int(DATA_VERSION.split('.')[0]) + 1}.0.0"
    assert result.out.endswith(f"the changes call for a major release: data version {next_major} or later.\n")


def test_json_output_is_machine_readable(run_cli: RunCli, tmp_path: Path) -> None:
    old, new = _corpus(tmp_path / "old"), _corpus(tmp_path / "new", _all_three)
    result = run_cli("diff", "--format", "json", str(old), str(new))
    assert result.code == 0
    payload = json.loads(result.out)
    assert payload["bump"] == "major"
    assert payload["indicators"]["added"] == [{"document": "sample-plan", "id": "websites-count"}]
    assert payload["indicators"]["removed"] == [{"document": "sample-plan", "id": "bottom-three"}]
    [changed] = payload["indicators"]["changed"]
    assert {"field": "target.value", "old": 12, "new": 15} in changed["changes"]
    assert payload["documents"]["added"] == payload["documents"]["removed"] == []


def test_exit_0_whether_or_not_the_sides_differ(run_cli: RunCli, tmp_path: Path) -> None:
    old, same = _corpus(tmp_path / "old"), _corpus(tmp_path / "same")
    result = run_cli("diff", str(old), str(same))
    assert (result.code, result.out.splitlines()[-1]) == (0, "no differences.")
    assert run_cli("diff", str(old), str(_corpus(tmp_path / "new", _all_three))).code == 0


def test_exit_1_when_a_side_cannot_be_read(run_cli: RunCli, tmp_path: Path) -> None:
    old = _corpus(tmp_path / "old")
    missing = run_cli("diff", str(old), str(tmp_path / "nowhere"))
    assert (missing.code, missing.out) == (1, "")
    assert "no such file or folder" in missing.err
    broken = _corpus(
        tmp_path / "broken", lambda spec, source: (spec.replace("operator: ge", "operator: le"), source)
    )
    invalid = run_cli("diff", str(old), str(broken))
    assert invalid.code == 1
    assert "PS211" in invalid.err
    (tmp_path / "bad.json").write_text('{"documents": 3}', encoding="utf-8")
    not_a_release = run_cli("diff", str(old), str(tmp_path / "bad.json"))
    assert (not_a_release.code, "not a policyspec release" in not_a_release.err) == (1, True)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli("diff", str(old), str(empty)).code == 1


def test_exit_2_on_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    assert run_cli("diff", str(_corpus(tmp_path / "old"))).code == 2
    assert run_cli("diff", "--format", "yaml", "a", "b").code == 2


def test_the_help_documents_the_exit_codes(run_cli: RunCli) -> None:
    text = " ".join(run_cli("diff", "--help").out.split())
    assert "exit codes: 0 both sides could be read, whether or not they differ" in text


def test_copies_of_the_example_are_valid_to_begin_with(tmp_path: Path) -> None:
    """Guards the other tests: a diff of invalid specs would fail for the wrong reason."""
    for name, edit in [("all", _all_three), ("renamed", _rename_document)]:
        folder = _corpus(tmp_path / name, edit)
        assert not [d for spec in check_files(expand_paths([folder])) for d in spec.diagnostics]


# --- Reading a release as hostile input -----------------------------------------------------------


def _release_with(tmp_path: Path, name: str = "release") -> Path:
    """A release folder whose policyspec.json the test replaces."""
    folder = tmp_path / name
    folder.mkdir()
    return folder


def _refused(run_cli: RunCli, side: Path, tmp_path: Path, reason: str) -> None:
    with pytest.raises(DiffError, match=re.escape(reason)):
        load_side(side)
    result = run_cli("diff", str(_corpus(tmp_path / "old")), str(side))
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith("policyspec diff: ")
    assert reason in result.err
    assert "Traceback" not in result.err


def test_a_fifo_as_policyspec_json_is_refused_without_waiting_for_a_writer(
    run_cli: RunCli, tmp_path: Path
) -> None:
    release = _release_with(tmp_path)
    os.mkfifo(release / "policyspec.json")
    _refused(run_cli, release, tmp_path, "not a regular file")
    os.mkfifo(tmp_path / "named.json")
    with pytest.raises(DiffError, match="not a regular file"):
        load_side(tmp_path / "named.json")


def test_a_folder_or_a_link_loop_as_policyspec_json_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    folder = _release_with(tmp_path, "folder")
    (folder / "policyspec.json").mkdir()
    _refused(run_cli, folder, tmp_path, "not a regular file")
    loop = _release_with(tmp_path, "loop")
    (loop / "policyspec.json").symlink_to(loop / "policyspec.json")
    with pytest.raises(DiffError, match="symbolic links"):
        load_side(loop)
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    with pytest.raises(DiffError, match="symbolic links"):
        load_side(tmp_path / "loop.json")


def test_a_file_over_the_size_limit_is_refused_unread(run_cli: RunCli, tmp_path: Path) -> None:
    release = _release_with(tmp_path)
    with (release / "policyspec.json").open("wb") as handle:
        handle.truncate(MAX_RELEASE_BYTES + 1)  # sparse: costs no disk, and is never read
    _refused(run_cli, release, tmp_path, "larger than 256 MiB, the limit for a release")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"documents": [], "version": "\xff"}', "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"documents": ' + b"[" * 70 + b"]" * 70 + b"}", "nested more than 64 levels deep"),
        (b'{"documents": [' + b"9" * 5000 + b"]}", "Exceeds the limit"),
        (b'{"documents": [', "Expecting value"),
    ],
    ids=["latin-1", "recursion", "deep", "huge-integer", "truncated"],
)
def test_bad_json_is_a_diff_error_not_a_traceback(
    run_cli: RunCli, tmp_path: Path, content: bytes, reason: str
) -> None:
    release = _release_with(tmp_path)
    (release / "policyspec.json").write_bytes(content)
    _refused(run_cli, release, tmp_path, reason)


def test_a_release_nested_within_the_limit_is_read(tmp_path: Path) -> None:
    release = _release_with(tmp_path)
    nested: object = "leaf"
    for _ in range(MAX_JSON_DEPTH - 3):  # the payload, documents and the document are 3 levels
        nested = {"x": nested}
    payload = {"version": "1.0.0", "documents": [{"id": "a", "deep": nested}]}
    (release / "policyspec.json").write_text(json.dumps(payload), encoding="utf-8")
    assert load_side(release).documents["a"]["deep"] == nested


# --- --check-version: a gate for CI ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("new_version", "code"),
    [("1.0.1", 1), ("1.1.0-rc.1", 1), ("1.1.0", 0), ("2.0.0", 0)],
    ids=["patch-for-an-addition", "pre-release-of-the-minor", "minor", "major"],
)
def test_check_version_fails_a_bump_smaller_than_the_changes_call_for(
    run_cli: RunCli, tmp_path: Path, new_version: str, code: int
) -> None:
    old = _release(_corpus(tmp_path / "old"), tmp_path / "old-release", "1.0.0")
    new = _release(_corpus(tmp_path / "new", _add_indicator), tmp_path / "new-release", new_version)
    result = run_cli("diff", "--check-version", str(old), str(new))
    assert result.code == code, result.err
    assert "the changes call for a minor release: data version 1.1.0 or later" in result.out
    if code:
        assert (
            f"has data version {new_version}; its changes call for a minor release: 1.1.0 or later"
            in result.err
        )
    assert run_cli("diff", str(old), str(new)).code == 0  # without the option, a report only


def test_check_version_without_a_data_version_is_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    old = _release(_corpus(tmp_path / "old"), tmp_path / "old-release", "1.0.0")
    specs = _corpus(tmp_path / "new", _add_indicator)
    result = run_cli("diff", "--check-version", str(old), str(specs))
    assert result.code == 2
    assert f"needs a data version on both sides: {specs} has none" in result.err


def test_unchanged_data_pass_the_check_at_the_same_version(run_cli: RunCli, tmp_path: Path) -> None:
    old = _release(_corpus(tmp_path / "old"), tmp_path / "old-release", "1.0.0")
    new = _release(_corpus(tmp_path / "new"), tmp_path / "new-release", "1.0.0")
    assert run_cli("diff", "--check-version", str(old), str(new)).code == 0
