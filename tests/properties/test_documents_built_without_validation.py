"""A document the compiled schema accepts is built without pydantic's validation, and is the very
document validation would have made: same fields, same values of the same types, same fields set.
Built as plain records (for a check that keeps no document), it has the same attributes, and every
rule finds in it exactly what it finds in the models."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given

from policyspec.bundled import bundled_dir, bundled_specs
from policyspec.fmt.format import same_data
from policyspec.model import _fast_check
from policyspec.model.construct import construct_document, plain_document
from policyspec.model.documents import Document
from policyspec.model.fields import StrictModel
from policyspec.model.plain import PlainRecord
from policyspec.model.shape import (
    DEFAULTS,
    FIELD_ORDER,
    INTEGRAL_KEYS,
    NEW_DEFAULTS,
    derived_defaults,
    derived_field_order,
    derived_integral_keys,
)
from policyspec.model.walk import quoted_texts
from policyspec.rules import Finding, RuleContext, run_rules
from policyspec.rules.coverage import account
from tests.strategies import documents


def _same_document(built: object, validated: object) -> None:
    """Equal as pydantic compares models, and equal in what equality does not look at."""
    assert built == validated
    assert type(built) is type(validated)
    if isinstance(built, StrictModel):
        assert isinstance(validated, StrictModel)
        assert built.model_fields_set == validated.model_fields_set
        assert list(vars(built)) == list(vars(validated))
        for key, value in vars(built).items():
            _same_document(value, vars(validated)[key])
    elif isinstance(built, list):
        assert isinstance(validated, list)
        for a, b in zip(built, validated, strict=True):
            _same_document(a, b)
    else:
        assert same_data(built, validated)  # 1 is not 1.0, nor True


def _load(data: dict[str, Any]) -> None:
    assert _fast_check.accepts(data)
    _same_document(construct_document(data), Document.model_validate(data, strict=True))


@given(documents())
def test_every_valid_document_is_built_as_validation_builds_it(data: dict[str, Any]) -> None:
    _load(data)


@pytest.mark.parametrize("spec", bundled_specs(), ids=lambda p: p.stem)
def test_the_bundled_documents_are_built_as_validation_builds_them(spec: Any) -> None:
    _load(yaml.load(spec.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))


def test_an_integral_float_year_becomes_an_int_as_validation_makes_it() -> None:
    data = yaml.safe_load((bundled_dir("specs") / bundled_specs()[0].name).read_text(encoding="utf-8"))
    data["plan_period"] = {"start": 2007.0, "end": 2010}
    _load(data)
    assert type(construct_document(data).plan_period.start) is int  # type: ignore[union-attr]


def test_the_only_change_validation_makes_is_the_committed_table() -> None:
    assert derived_integral_keys() == INTEGRAL_KEYS


def test_the_defaults_and_field_order_are_the_models() -> None:
    """After changing a model, paste what the assertion shows into policyspec.model.shape."""
    assert derived_defaults() == (DEFAULTS, NEW_DEFAULTS)
    assert derived_field_order() == FIELD_ORDER


def _same_plain(plain: object, typed: object) -> None:
    """The plain record holds the model's fields, in its order, with the same values and types."""
    if isinstance(typed, StrictModel):
        assert isinstance(plain, PlainRecord)
        assert type(plain).__name__ == type(typed).__name__
        assert list(vars(plain)) == list(vars(typed))
        for key, value in vars(typed).items():
            _same_plain(vars(plain)[key], value)
    elif isinstance(typed, list):
        assert isinstance(plain, list)
        assert len(plain) == len(typed)
        for a, b in zip(plain, typed, strict=True):
            _same_plain(a, b)
    else:
        assert same_data(plain, typed)


def _findings(document: Document, source_text: str | None) -> list[Finding]:
    context = RuleContext(
        document=document,
        source_text=source_text,
        source_sha256=hashlib.sha256(source_text.encode()).hexdigest() if source_text else None,
        source_searched=("sources",),
        accounted=tuple(account(document, source_text)) if source_text is not None else None,
    )
    return list(run_rules(context))


@given(documents())
def test_a_plain_document_has_the_models_attributes_and_the_same_findings(data: dict[str, Any]) -> None:
    typed = Document.model_validate(data, strict=True)
    plain = plain_document(data)
    _same_plain(plain, typed)
    text = "".join(quote for _, quote in quoted_texts(typed))  # a source in which every quote is found
    assert _findings(plain, text) == _findings(typed, text)
    assert _findings(plain, None) == _findings(typed, None)


@pytest.mark.parametrize("spec", bundled_specs(), ids=lambda p: p.stem)
def test_every_rule_finds_the_same_in_a_plain_bundled_document(spec: Any) -> None:
    data = yaml.load(spec.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    typed = Document.model_validate(data, strict=True)
    source = (bundled_dir("sources") / typed.source.file).read_text(encoding="utf-8")
    plain = plain_document(data)
    _same_plain(plain, typed)
    assert _findings(plain, source) == _findings(typed, source)


def test_the_compiled_schema_is_the_committed_one() -> None:
    committed = (bundled_dir("schemas") / "policyspec.schema.json").read_bytes()
    assert hashlib.sha256(committed).hexdigest() == _fast_check.SCHEMA_SHA256, (
        "the schema changed: python -m policyspec.model.fast_check > src/policyspec/model/_fast_check.py"
    )


def _printed_by(script: str) -> str:
    """What ``script`` prints, run in a fresh interpreter (nothing imported yet)."""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_checking_the_bundled_corpus_builds_no_validator() -> None:
    """The point of it all: a clean run never pays for building the models' validator."""
    script = (
        "from policyspec.bundled import bundled_specs\n"
        "from policyspec.loading.check_files import check_files\n"
        "from policyspec.model.documents import Document\n"
        "outcomes = check_files(bundled_specs())\n"
        "assert not any(o.diagnostics for o in outcomes)\n"
        "print(Document.__pydantic_complete__)\n"
    )
    assert _printed_by(script) == "False"


def test_validating_the_bundled_corpus_imports_no_pydantic() -> None:
    """``policyspec validate`` keeps no document: a clean run never imports pydantic at all."""
    script = (
        "import contextlib, io, sys\n"
        "from policyspec.cli.program import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main(['validate'])\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))\n"
    )
    assert _printed_by(script) == "0 []"


EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").rglob("*.yaml"))


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_outcome_is_the_same_whoever_decides(spec: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example, valid or not, checks alike through the compiled schema and through the models."""
    from policyspec.loading import structure
    from policyspec.loading.check import check_spec

    monkeypatch.setattr(structure, "_quick_left", [1])
    quick = check_spec(spec)
    monkeypatch.setattr(structure, "_quick_left", [1])
    plain = check_spec(spec, keep_document=False)
    monkeypatch.setattr(structure, "_quick_left", [0])
    models = check_spec(spec)
    assert quick.diagnostics == models.diagnostics == plain.diagnostics
    assert quick.document == models.document
    assert plain.document is None
    assert plain.identity == models.identity
    assert plain.coverage == models.coverage
