"""The catalogue of diagnostic codes: stable, documented, never reused (like ruff's).

``PS0xx`` reading and parsing, ``PS1xx`` structure (the JSON Schema), ``PS2xx`` semantic rules.
``docs/rules.md`` documents each with a bad and a good example; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CODES_BY_ID", "Code"]


@dataclass(frozen=True)
class Code:
    id: str
    name: str
    summary: str


_CODES = (
    Code("PS001", "yaml-syntax", "The file is not well-formed YAML."),
    Code("PS002", "duplicate-key", "A mapping has the same key twice; YAML loaders would silently keep one."),
    Code("PS003", "unsupported-tag", "A YAML tag other than the standard ones (!!str, !!int, ...)."),
    Code("PS004", "not-utf8", "The file is not UTF-8 text (it may be GBK or UTF-16)."),
    Code("PS005", "file-too-large", "The file is larger than the configured limit."),
    Code("PS006", "too-deep", "Collections are nested deeper than the configured limit."),
    Code("PS007", "alias-limit", "Too many aliases, or aliases that expand too far (an alias bomb)."),
    Code("PS008", "multiple-documents", "More than one YAML document in a spec file."),
    Code("PS009", "not-a-mapping", "The file is empty or its top level is not a mapping."),
    Code("PS010", "unreadable", "The file cannot be read."),
    Code("PS011", "non-string-key", "A mapping key is not a string."),
    Code("PS012", "not-formattable", "fmt cannot rewrite the file without loss, or cannot write it."),
    Code(
        "PS013",
        "number-out-of-bounds",
        "A number beyond 10^15, with more than 15 significant digits, or below 10^-15 (any notation).",
    ),
    Code("PS101", "unknown-key", "A key the schema does not define (often a typo)."),
    Code("PS102", "missing-key", "A required key is absent."),
    Code("PS103", "wrong-type", "A value has the wrong type (text where a number belongs, ...)."),
    Code("PS104", "invalid-value", "A value outside its vocabulary, pattern or bounds."),
    Code("PS201", "quote-not-in-source", "A quote or evidence text is not an exact substring of the source."),
    Code("PS202", "source-missing", "The archived source text named by the spec cannot be found."),
    Code("PS203", "source-changed", "The source text's SHA-256 differs from the one the spec records."),
    Code("PS204", "duplicate-id", "Two entries of a document share an id."),
    Code("PS205", "dangling-reference", "A reference names an id that is not defined (or not earlier)."),
    Code("PS206", "percent-out-of-range", "A percentage above 100 or below 0."),
    Code("PS207", "negative-value", "A negative figure where counts, durations and amounts are meant."),
    Code(
        "PS208",
        "range-bounds",
        "A range without an upper bound, reversed bounds, or an upper bound on a non-range.",
    ),
    Code("PS209", "deadline-out-of-span", "A deadline outside the document's plausible time span."),
    Code("PS210", "placeholder-inconsistent", "The placeholder flag disagrees with the value or the quote."),
    Code("PS211", "operator-phrase-mismatch", "The quoted threshold phrase disagrees with the operator."),
    Code("PS212", "inferred-without-evidence", "A value marked inferred gives no evidence quotes."),
    Code("PS213", "figure-without-unit", "A figure without a unit, or a unit without a figure or operator."),
    Code(
        "PS214", "milestone-without-date", "A milestone (no operator) with neither deadline nor recurrence."
    ),
    Code("PS215", "non-finite-figure", "A figure that is not a finite number (YAML's .inf or .nan)."),
    Code(
        "PS216",
        "meaningless-quote",
        "A quote or evidence text with too few letters or digits to prove anything.",
    ),
    Code(
        "PS217",
        "source-unreadable",
        "The source text is there but unusable: not a regular file, too large, not UTF-8.",
    ),
)

CODES_BY_ID: dict[str, Code] = {code.id: code for code in _CODES}
