"""The catalogue of diagnostic codes: stable, documented, never reused (like ruff's).

``PS0xx`` reading and parsing (and the project configuration), ``PS1xx`` structure (the JSON
Schema), ``PS2xx`` semantic rules.
Each code is declared here once, with its severity: a diagnostic takes its severity from its code,
so a code is an error everywhere or a warning everywhere. :data:`CodeId` is the type of every
code the package emits, so mypy refuses one that is not declared. ``docs/rules.md`` documents
each code with a bad and a good example; tests keep it, the examples and this table in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CODES_BY_ID", "RULES_DOCUMENT", "Code", "CodeId", "Severity"]

Severity = Literal["error", "warning"]
"""An error refuses the file (exit code 1); a warning is shown and changes nothing."""

CodeId = Literal[
    "PS001",
    "PS002",
    "PS003",
    "PS004",
    "PS005",
    "PS006",
    "PS007",
    "PS008",
    "PS009",
    "PS010",
    "PS011",
    "PS012",
    "PS013",
    "PS014",
    "PS015",
    "PS101",
    "PS102",
    "PS103",
    "PS104",
    "PS201",
    "PS202",
    "PS203",
    "PS204",
    "PS205",
    "PS206",
    "PS207",
    "PS208",
    "PS209",
    "PS210",
    "PS211",
    "PS212",
    "PS213",
    "PS214",
    "PS215",
    "PS216",
    "PS217",
    "PS218",
    "PS219",
    "PS220",
    "PS221",
    "PS222",
    "PS223",
    "PS224",
]

RULES_DOCUMENT = "docs/rules.md"


@dataclass(frozen=True)
class Code:
    """One code as users meet it: in an editor's problem list, in CI, and in the documentation."""

    id: CodeId
    name: str  # a stable kebab-case slug, for people: easier to remember than a number
    severity: Severity
    summary: str  # one sentence: what the code catches

    @property
    def anchor(self) -> str:
        """The code's section in ``docs/rules.md``: GitHub's anchor of ``## PS204 duplicate-id``."""
        return f"{self.id.lower()}-{self.name}"

    @property
    def documentation(self) -> str:
        """Where the code is explained, with a bad and a good example."""
        return f"{RULES_DOCUMENT}#{self.anchor}"


_CODES = (
    Code("PS001", "yaml-syntax", "error", "The file is not well-formed YAML."),
    Code(
        "PS002",
        "duplicate-key",
        "error",
        "A mapping has the same key twice; YAML loaders would silently keep one.",
    ),
    Code("PS003", "unsupported-tag", "error", "A YAML tag other than the standard ones (!!str, !!int, ...)."),
    Code("PS004", "not-utf8", "error", "The file is not UTF-8 text (it may be GBK or UTF-16)."),
    Code("PS005", "file-too-large", "error", "The file is larger than the configured limit."),
    Code("PS006", "too-deep", "error", "Collections are nested deeper than the configured limit."),
    Code(
        "PS007",
        "alias-limit",
        "error",
        "Too many aliases, or aliases that expand too far (an alias bomb).",
    ),
    Code("PS008", "multiple-documents", "error", "More than one YAML document in a spec file."),
    Code("PS009", "not-a-mapping", "error", "The file is empty or its top level is not a mapping."),
    Code("PS010", "unreadable", "error", "The file cannot be read."),
    Code("PS011", "non-string-key", "error", "A mapping key is not a string."),
    Code(
        "PS012",
        "not-formattable",
        "error",
        "fmt cannot rewrite the file without loss, or cannot write it.",
    ),
    Code(
        "PS013",
        "number-out-of-bounds",
        "error",
        "A number beyond 10^15, with more than 15 significant digits, or below 10^-15 (any notation).",
    ),
    Code(
        "PS014",
        "config-unknown-key",
        "error",
        "A key the project configuration ([tool.policyspec] or policyspec.toml) does not define.",
    ),
    Code(
        "PS015",
        "config-invalid",
        "error",
        "The project configuration is not valid TOML, or a setting has the wrong type or value.",
    ),
    Code("PS101", "unknown-key", "error", "A key the schema does not define (often a typo)."),
    Code("PS102", "missing-key", "error", "A required key is absent."),
    Code("PS103", "wrong-type", "error", "A value has the wrong type (text where a number belongs, ...)."),
    Code("PS104", "invalid-value", "error", "A value outside its vocabulary, pattern or bounds."),
    Code(
        "PS201",
        "quote-not-in-source",
        "error",
        "A quote or evidence text is not an exact substring of the source.",
    ),
    Code(
        "PS202",
        "source-missing",
        "error",
        "The archived source text named by the spec cannot be found.",
    ),
    Code(
        "PS203",
        "source-changed",
        "error",
        "The source text's SHA-256 differs from the one the spec records.",
    ),
    Code("PS204", "duplicate-id", "error", "Two entries share an id within one document."),
    Code(
        "PS205",
        "dangling-reference",
        "error",
        "A reference names an id that is not defined (or not earlier).",
    ),
    Code("PS206", "percent-out-of-range", "error", "A percentage above 100 or below 0."),
    Code(
        "PS207",
        "negative-value",
        "error",
        "A negative figure where counts, durations and amounts are meant.",
    ),
    Code(
        "PS208",
        "range-bounds",
        "error",
        "A range without an upper bound, reversed bounds, or an upper bound on a non-range.",
    ),
    Code(
        "PS209",
        "deadline-out-of-span",
        "error",
        "A deadline outside the document's plausible time span.",
    ),
    Code(
        "PS210",
        "placeholder-inconsistent",
        "error",
        "The placeholder flag disagrees with the value or the quote.",
    ),
    Code(
        "PS211",
        "operator-phrase-mismatch",
        "error",
        "The quoted threshold phrase disagrees with the operator.",
    ),
    Code(
        "PS212",
        "inferred-without-evidence",
        "error",
        "A value marked inferred gives no evidence quotes.",
    ),
    Code(
        "PS213",
        "figure-without-unit",
        "error",
        "A figure without a unit, or a unit without a figure or operator.",
    ),
    Code(
        "PS214",
        "milestone-without-date",
        "warning",
        "A milestone (no operator) with neither deadline nor recurrence.",
    ),
    Code(
        "PS215",
        "non-finite-figure",
        "error",
        "A figure that is not a finite number (YAML's .inf or .nan).",
    ),
    Code(
        "PS216",
        "meaningless-quote",
        "error",
        "A quote or evidence text with too few letters or digits to prove anything.",
    ),
    Code(
        "PS217",
        "source-unreadable",
        "error",
        "The source text is there but unusable: not a regular file, too large, not UTF-8.",
    ),
    Code(
        "PS218",
        "duplicate-document-id",
        "error",
        "Two spec files checked together declare the same document id.",
    ),
    Code(
        "PS219",
        "figure-not-in-quote",
        "error",
        "An indicator's value or upper bound is not a figure its quote states, in its unit.",
    ),
    Code(
        "PS220",
        "date-not-in-quote",
        "error",
        "A deadline or start the quote does not state, or one it states that is not encoded.",
    ),
    Code(
        "PS221",
        "recurrence-not-in-quote",
        "error",
        "A recurrence the quote does not state, or one it states that is not encoded.",
    ),
    Code(
        "PS222",
        "implied-total-mismatch",
        "error",
        "An implied total whose phrase is not in the quote, or that is not eq 100 percent.",
    ),
    Code(
        "PS223",
        "uncovered-statement",
        "error",
        "A quantitative statement of the source is neither encoded nor excluded.",
    ),
    Code("PS224", "todo-left", "error", "A TODO placeholder of a drafted spec is still there."),
)

CODES_BY_ID: dict[str, Code] = {code.id: code for code in _CODES}
