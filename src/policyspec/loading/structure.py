"""Structural validation: parsed data to a typed :class:`~policyspec.model.documents.Document`.

The pydantic models decide; :mod:`~.validation_errors` translates their errors into positioned
diagnostics that name the key to change and, for typos, the key that was probably meant.

Importing pydantic and building the models' validator cost a fixed time (more than checking the
five bundled documents); the validator is then the fastest per document. So the first documents
of a run are checked by the committed schema compiled to Python
(:mod:`policyspec.model._fast_check`, which accepts exactly what the models accept) and, when it
accepts, built without validation (:mod:`policyspec.model.construct`): as plain records when the
caller keeps no document (``validate`` then never imports pydantic), as models otherwise. A
document it refuses, and every document once a run has checked :data:`QUICK_DOCUMENTS`, goes
through the models, whose errors make every diagnostic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from policyspec.diagnostics import Diagnostic
from policyspec.loading.tree import Marks

if TYPE_CHECKING:
    from policyspec.model.documents import Document

__all__ = ["QUICK_DOCUMENTS", "build_document"]

QUICK_DOCUMENTS = 60
"""Documents per process checked without the models' validator: past about this many, importing
pydantic and building the validator once costs less than the slower schema code on each."""

_quick_left = [QUICK_DOCUMENTS]


def build_document(data: Any, *, file: str, marks: Marks, plain: bool = False) -> Document | list[Diagnostic]:
    """Validate against the models; on failure, one diagnostic per offending node.

    ``plain``: the caller only runs the rules on the document and lets it go, so plain records
    will do (:func:`policyspec.model.construct.plain_document`).
    """
    if not isinstance(data, dict):
        line, column = marks.of_value(())
        return [
            Diagnostic(
                file,
                line,
                column,
                "PS009",
                f"the top level is {describe(data)}, not a mapping",
                hint="a spec is one mapping with keys such as id, source, title, issuers, indicators",
            )
        ]
    if _quick_left[0] > 0:
        _quick_left[0] -= 1
        from policyspec.model._fast_check import accepts

        if accepts(data):
            from policyspec.model.construct import construct_document, plain_document

            return plain_document(data) if plain else construct_document(data)
    from pydantic import ValidationError

    from policyspec.loading.validation_errors import diagnostics_of
    from policyspec.model.documents import Document

    try:
        return Document.model_validate(data, strict=True)
    except ValidationError as exc:
        return sorted(set(diagnostics_of(exc, data, file, marks)))


def describe(value: object) -> str:
    """What a value is, in a word or two of a message."""
    if value is None:
        return "null"
    return {dict: "a mapping", list: "a list", str: "text", bool: "a boolean"}.get(type(value), "a number")
