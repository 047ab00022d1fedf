"""The JSON Schemas of the release files: committed as generated, shipped in the release, and
strict enough that every file a release writes passes and a wrong type or a missing key fails,
whether checked with jsonschema or with the check-jsonschema command."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from policyspec.cli.program import main
from policyspec.release.json_schemas import RELEASE_SCHEMAS, schema_file_text
from policyspec.release.tables import TABLES
from tests.clients.tools import find_program, run
from tests.conftest import REPO

CHECK_JSONSCHEMA = find_program("check-jsonschema")
COMMITTED = REPO / "schemas" / "release"


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("schemas") / "release"
    assert main(["release", "--out", str(out)]) == 0
    return out


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _instances(release: Path) -> list[tuple[str, Any]]:
    """(schema file, instance): policyspec.json and every row of every JSON Lines file."""
    found: list[tuple[str, Any]] = [("policyspec-json.schema.json", _load(release / "policyspec.json"))]
    for table in TABLES:
        lines = (release / f"{table.name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert lines, table.name
        found += [(f"{table.name}-row.schema.json", json.loads(line)) for line in lines]
    return found


def _errors(schema: Any, instance: Any) -> list[str]:
    import jsonschema

    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return [error.message for error in validator.iter_errors(instance)]


@pytest.mark.parametrize("name", sorted(RELEASE_SCHEMAS))
def test_the_committed_schemas_are_the_generated_ones(name: str) -> None:
    assert (COMMITTED / name).read_text(encoding="utf-8") == schema_file_text(name), (
        "regenerate: python -m policyspec.release.json_schemas schemas/release"
    )


def test_the_release_ships_them_and_datapackage_json_points_at_them(release: Path) -> None:
    import jsonschema

    for name in RELEASE_SCHEMAS:
        shipped = (release / "schemas" / name).read_bytes()
        assert shipped == (COMMITTED / name).read_bytes()
        jsonschema.Draft202012Validator.check_schema(json.loads(shipped))
    pointed = {
        r["path"]: r["jsonSchema"]
        for r in _load(release / "datapackage.json")["resources"]
        if "jsonSchema" in r
    }
    assert pointed == {
        "policyspec.json": "schemas/policyspec-json.schema.json",
        **{f"{table.name}.jsonl": f"schemas/{table.name}-row.schema.json" for table in TABLES},
    }


def test_jsonschema_accepts_everything_the_release_writes(release: Path) -> None:
    schemas = {name: _load(release / "schemas" / name) for name in RELEASE_SCHEMAS}
    instances = _instances(release)
    assert len(instances) > 400
    for name, instance in instances:
        assert _errors(schemas[name], instance) == [], (name, str(instance)[:200])


@pytest.mark.skipif(CHECK_JSONSCHEMA is None, reason="check-jsonschema not found")
def test_check_jsonschema_accepts_every_row_and_policyspec_json(release: Path, tmp_path: Path) -> None:
    by_schema: dict[str, list[Path]] = {}
    for number, (name, instance) in enumerate(_instances(release)):
        path = tmp_path / f"{number:05d}.json"
        path.write_text(json.dumps(instance, ensure_ascii=False), encoding="utf-8")
        by_schema.setdefault(name, []).append(path)
    for name, paths in by_schema.items():
        command = [CHECK_JSONSCHEMA or "check-jsonschema", "--schemafile", str(release / "schemas" / name)]
        result = run([*command, *map(str, paths)], cwd=tmp_path, timeout=300)
        assert result.returncode == 0, (name, result.stdout[-2000:])


# --- Strict enough to catch a mistake ---------------------------------------------------------------


def _mutations(release: Path) -> list[tuple[str, str, Any]]:
    """(schema, what was done, instance): each a single mistake in a real row or document."""
    indicator = json.loads((release / "indicators.jsonl").read_text(encoding="utf-8").splitlines()[0])
    measure = json.loads((release / "measures.jsonl").read_text(encoding="utf-8").splitlines()[0])
    envelope = _load(release / "policyspec.json")
    wrong: list[tuple[str, str, Any]] = []

    def changed(schema: str, what: str, base: Any, edit: Any) -> None:
        instance = copy.deepcopy(base)
        edit(instance)
        wrong.append((schema, what, instance))

    row = "indicators-row.schema.json"
    changed(row, "value_decimal as text", indicator, lambda r: r.update(value_decimal="5"))
    changed(row, "quote missing", indicator, lambda r: r.pop("quote"))
    changed(row, "an extra key", indicator, lambda r: r.update(extra=1))
    changed(row, "a topic that is a number", indicator, lambda r: r.update(topics=[1]))
    changed(row, "quote_start as text", indicator, lambda r: r.update(quote_start="3"))
    changed(row, "a deadline that is no date", indicator, lambda r: r.update(deadline_by="2010-13-01"))
    changed(row, "a selector without its suffix", indicator, lambda r: r["quote_selectors"][1].pop("suffix"))
    changed(row, "an operator outside the vocabulary", indicator, lambda r: r.update(operator="about"))
    changed("measures-row.schema.json", "lead units as text", measure, lambda r: r.update(lead_units_zh="a"))
    doc = "policyspec-json.schema.json"
    changed(doc, "a version that is no semver", envelope, lambda e: e.update(version="2.0"))
    changed(
        doc,
        "a quote without its selectors",
        envelope,
        lambda e: e["documents"][0]["indicators"][0].pop("quote_selectors"),
    )
    changed(
        doc, "an indicator without its id", envelope, lambda e: e["documents"][0]["indicators"][0].pop("id")
    )
    changed(doc, "build without inputs", envelope, lambda e: e["build"].pop("inputs"))
    return wrong


def test_jsonschema_rejects_each_mistake(release: Path) -> None:
    schemas = {name: _load(release / "schemas" / name) for name in RELEASE_SCHEMAS}
    for name, what, instance in _mutations(release):
        assert _errors(schemas[name], instance), what


@pytest.mark.skipif(CHECK_JSONSCHEMA is None, reason="check-jsonschema not found")
def test_check_jsonschema_rejects_each_mistake(release: Path, tmp_path: Path) -> None:
    for number, (name, what, instance) in enumerate(_mutations(release)):
        path = tmp_path / f"wrong-{number}.json"
        path.write_text(json.dumps(instance, ensure_ascii=False), encoding="utf-8")
        command = [
            CHECK_JSONSCHEMA or "check-jsonschema",
            "--schemafile",
            str(release / "schemas" / name),
            str(path),
        ]
        result = run(command, cwd=tmp_path, timeout=120)
        assert result.returncode == 1, (what, result.stdout[-1000:])
