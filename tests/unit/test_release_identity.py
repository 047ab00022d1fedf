"""What a release says it is: checked names, versions and licenses, honest defaults, the options."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policyspec.bundled import bundled_specs
from policyspec.release.identity import (
    BUNDLED_IDENTITY,
    IdentityError,
    ReleaseIdentity,
    default_identity,
)
from policyspec.release.version import DATA_VERSION, semver_key
from tests.conftest import EXAMPLES, RunCli

SAMPLE = EXAMPLES / "valid" / "complete.yaml"
SOURCE = EXAMPLES / "sources" / "sample.txt"


@pytest.mark.parametrize("name", ["policyspec", "my-corpus", "a.b_c-1", "0"])
def test_a_frictionless_package_name_is_accepted(name: str) -> None:
    assert ReleaseIdentity(name, "Title", "1.0.0").name == name


@pytest.mark.parametrize("name", ["", "My-Corpus", "my corpus", "名", "a/b", "a\n"])
def test_anything_else_is_refused_as_a_name(name: str) -> None:
    with pytest.raises(IdentityError, match="not a package name"):
        ReleaseIdentity(name, "Title", "1.0.0")


@pytest.mark.parametrize(
    "version", ["0.1.0", "1.0.0", "10.20.30", "1.1.0-rc.1", "1.0.0-alpha+001", "1.0.0+build.5"]
)
def test_a_semantic_version_is_accepted(version: str) -> None:
    assert ReleaseIdentity("x", "Title", version).version == version


@pytest.mark.parametrize("version", ["1", "1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0.0", "latest"])
def test_anything_else_is_refused_as_a_version(version: str) -> None:
    with pytest.raises(IdentityError, match="not a semantic version"):
        ReleaseIdentity("x", "Title", version)


def test_semver_precedence_puts_pre_releases_first() -> None:
    ordered = [
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-alpha.beta",
        "1.0.0-beta.2",
        "1.0.0-beta.11",
        "1.0.0",
        "1.0.1",
    ]
    keys = [semver_key(version) for version in ordered]
    assert keys == sorted(keys)  # type: ignore[type-var]
    assert len(set(keys)) == len(keys)
    assert semver_key("1.0.0+build") == semver_key("1.0.0")
    assert semver_key("1.0") is None


@pytest.mark.parametrize(
    ("given", "canonical"), [("CC-BY-4.0", "CC-BY-4.0"), ("mit", "MIT"), ("cc0-1.0", "CC0-1.0")]
)
def test_a_license_is_an_spdx_id_in_its_canonical_spelling(given: str, canonical: str) -> None:
    assert ReleaseIdentity("x", "Title", "1.0.0", given).license == canonical


@pytest.mark.parametrize("license_", ["GPL-9.0", "MIT OR Apache-2.0", "public domain", ""])
def test_anything_else_is_refused_as_a_license(license_: str) -> None:
    with pytest.raises(IdentityError, match="not an SPDX license id"):
        ReleaseIdentity("x", "Title", "1.0.0", license_)


@pytest.mark.parametrize("title", ["", "   ", "two\nlines", "x" * 201])
def test_a_title_is_one_line(title: str) -> None:
    with pytest.raises(IdentityError, match="one line"):
        ReleaseIdentity("x", title, "1.0.0")


def test_an_identity_is_built_from_a_mapping_as_a_configuration_file_holds_it() -> None:
    identity = ReleaseIdentity.from_mapping(
        {"name": "mine", "title": "Mine", "version": "1.2.3", "license": "cc-by-4.0"}
    )
    assert identity == ReleaseIdentity("mine", "Mine", "1.2.3", "CC-BY-4.0")
    assert ReleaseIdentity.from_mapping({"version": "3.0.0"}, base=identity) == ReleaseIdentity(
        "mine", "Mine", "3.0.0", "CC-BY-4.0"
    )
    with pytest.raises(IdentityError, match="unknown release setting 'licence'"):
        ReleaseIdentity.from_mapping({"licence": "MIT"}, base=identity)
    with pytest.raises(IdentityError, match="release version must be text, not int"):
        ReleaseIdentity.from_mapping({"version": 1}, base=identity)
    with pytest.raises(IdentityError, match="release title is missing"):
        ReleaseIdentity.from_mapping({"name": "mine", "version": "1.0.0"})


def test_the_bundled_corpus_keeps_its_own_identity() -> None:
    assert default_identity(bundled_specs()) == BUNDLED_IDENTITY
    assert default_identity(bundled_specs()[:2]) == BUNDLED_IDENTITY
    assert (BUNDLED_IDENTITY.name, BUNDLED_IDENTITY.version, BUNDLED_IDENTITY.license) == (
        "policyspec",
        DATA_VERSION,
        "CC-BY-4.0",
    )


def test_a_corpus_of_ones_own_is_named_for_its_project_and_claims_no_license(tmp_path: Path) -> None:
    specs = tmp_path / "Hubei Plans 2006" / "specs"
    (specs / "sub").mkdir(parents=True)
    files = [specs / "a.yaml", specs / "sub" / "b.yaml"]
    identity = default_identity(files)
    assert identity == ReleaseIdentity(
        "hubei-plans-2006", "hubei-plans-2006: policy documents encoded with policyspec", "0.1.0", None
    )
    assert default_identity([specs / "a.yaml"]).name == "hubei-plans-2006"  # specs/ stands for its project
    assert default_identity([tmp_path / "党建" / "a.yaml"]).name == "corpus"  # no letters a name can keep


# --- On the command line --------------------------------------------------------------------------


def _project(tmp_path: Path) -> Path:
    """A project folder ``my-project`` with specs/ and sources/."""
    project = tmp_path / "my-project"
    (project / "specs").mkdir(parents=True)
    (project / "sources").mkdir()
    shutil.copyfile(SAMPLE, project / "specs" / "sample.yaml")
    shutil.copyfile(SOURCE, project / "sources" / SOURCE.name)
    return project


def _identity_in(release: Path) -> tuple[dict[str, object], dict[str, object]]:
    envelope = json.loads((release / "policyspec.json").read_text(encoding="utf-8"))
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    return envelope, package


def test_release_options_set_the_identity_of_every_file(run_cli: RunCli, tmp_path: Path) -> None:
    project, out = _project(tmp_path), tmp_path / "out"
    options = ["--name", "hubei", "--title", "Hubei plans", "--version", "1.2.0", "--license", "cc0-1.0"]
    result = run_cli("release", "--out", str(out), *options, str(project / "specs"))
    assert result.code == 0, result.err
    assert result.out.startswith("hubei data 1.2.0: 1 document(s)")
    envelope, package = _identity_in(out)
    assert [envelope[key] for key in ("name", "title", "version", "license")] == [
        "hubei",
        "Hubei plans",
        "1.2.0",
        "CC0-1.0",
    ]
    assert envelope["build"]["data_version"] == "1.2.0"  # type: ignore[index]
    assert [package[key] for key in ("name", "title", "version")] == ["hubei", "Hubei plans", "1.2.0"]
    assert package["licenses"] == [
        {
            "name": "CC0-1.0",
            "path": "https://creativecommons.org/publicdomain/zero/1.0/",
            "title": "CC0 1.0 Universal",
        }
    ]


def test_without_options_a_projects_release_has_the_honest_default(run_cli: RunCli, tmp_path: Path) -> None:
    project, out = _project(tmp_path), tmp_path / "out"
    assert run_cli("release", "--out", str(out), str(project / "specs")).code == 0
    envelope, package = _identity_in(out)
    assert (envelope["name"], envelope["version"], envelope["license"]) == ("my-project", "0.1.0", None)
    assert (package["name"], package["version"]) == ("my-project", "0.1.0")
    assert "licenses" not in package


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--name", "My Corpus", "not a package name"),
        ("--version", "1.0", "not a semantic version"),
        ("--license", "Public-Domain-ish", "not an SPDX license id"),
        ("--title", "", "one line"),
    ],
)
def test_a_bad_identity_option_is_a_usage_error(
    run_cli: RunCli, tmp_path: Path, option: str, value: str, message: str
) -> None:
    result = run_cli("release", "--out", str(tmp_path / "out"), option, value, str(SAMPLE))
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == []


def test_the_help_says_the_default_version(run_cli: RunCli) -> None:
    from policyspec.release.identity import DEFAULT_VERSION

    result = run_cli("release", "--help")
    assert result.code == 0
    assert f"version {DEFAULT_VERSION} and no license" in " ".join(result.out.split())


def test_building_the_parser_imports_no_release_code() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from policyspec.cli.program import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith('policyspec.release')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
