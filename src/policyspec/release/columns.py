"""The columns of the release tables, each with its type and what it means.

Kept apart from the row code in :mod:`policyspec.release.tables` because this is the part a data
consumer reads: the descriptions end up in datapackage.json, in the JSON Schemas of the rows, in
the Parquet files and in docs/releases.md. The type is the Table Schema's (string, integer,
number, boolean, date); it also decides the Parquet type and the JSON Schema of the column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from policyspec.model.dates import DATE_PATTERN
from policyspec.model.documents import Date, Document, Excluded, Indicator
from policyspec.model.vocabulary import COMMITMENTS, DURATION_PATTERN, ISSUER_LEVELS, OPERATORS, UNITS

__all__ = ["DOCUMENT_COLUMNS", "EXCLUDED_COLUMNS", "INDICATOR_COLUMNS", "MEASURE_COLUMNS", "Column"]

SHA256_PATTERN = "^[0-9a-f]{64}$"


@dataclass(frozen=True)
class Column:
    """A column: name, type (string, integer, number, boolean, date), meaning, constraints.

    ``exact`` marks a figure (a JSON number, or an exact fraction ``p/q`` as text, so text in CSV
    and Parquet); ``json_only`` a column only the JSON Lines file has (an object CSV cannot hold).
    """

    name: str
    type: str
    description: str
    is_list: bool = False
    required: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    exact: bool = False
    json_only: bool = False


def _literal(
    model: type[Indicator] | type[Document] | type[Date] | type[Excluded], field: str
) -> tuple[str, ...]:
    return tuple(get_args(model.model_fields[field].annotation))


def _quote_place(what: str) -> tuple[Column, ...]:
    """Where the quote is in its source text, shipped in the release as sources/<source_file>."""
    return (
        Column(
            "source_file",
            "string",
            f"File name of the source text {what} quotes from (in the release: sources/<source_file>).",
            required=True,
        ),
        Column(
            "source_sha256",
            "string",
            "SHA-256 of that source file's bytes.",
            required=True,
            pattern=SHA256_PATTERN,
        ),
        Column(
            "quote_start",
            "integer",
            "Where quote starts in the source text, counted in code points (characters) from its start, "
            "0-based: the text from quote_start up to quote_end is the quote. Its first occurrence.",
            required=True,
        ),
        Column(
            "quote_end",
            "integer",
            "Where quote ends in the source text (exclusive), in code points.",
            required=True,
        ),
        Column(
            "quote_selectors",
            "object",
            "The quote's place as W3C Web Annotation selectors: a TextPositionSelector (start, end: "
            "quote_start, quote_end) and a TextQuoteSelector (exact: the quote, with up to 32 characters "
            "of prefix and suffix). JSON Lines only.",
            required=True,
            json_only=True,
        ),
    )


_DOCUMENT_CONTEXT = (
    Column("document_title_zh", "string", "The document's title as printed.", required=True),
    Column("document_title_en", "string", "The document's title in English.", required=True),
    Column("issuers_zh", "string", "Bodies that issued or adopted the document, as printed.", is_list=True),
    Column("issuers_en", "string", "The issuers' names in English, in the same order.", is_list=True),
    Column(
        "issuer_level",
        "string",
        "Administrative level of the document: the highest level among its issuers.",
        required=True,
        enum=ISSUER_LEVELS,
    ),
)

INDICATOR_COLUMNS: tuple[Column, ...] = (
    # The fields of policyspec.api.records.IndicatorRecord, in its order (`policyspec indicators`).
    Column("document", "string", "Id of the document (the id column of documents.csv)."),
    Column("id", "string", "Id of the indicator, unique within its document."),
    Column("quote", "string", "The exact source text the figure is read from.", required=True),
    Column("measured_zh", "string", "What is measured or required, in Chinese.", required=True),
    Column("measured_en", "string", "What is measured or required, in English.", required=True),
    Column(
        "kind",
        "string",
        "target: a figure to reach; trigger: a threshold that sets off an action (列后3位…整改).",
        required=True,
        enum=_literal(Indicator, "kind"),
    ),
    Column(
        "operator",
        "string",
        "How value bounds the figure: ge 以上/不少于, gt 超过, le 以下/不超过, lt 低于, eq a bare "
        "figure, approx 左右/约, range value to upper. Empty for a dated milestone with no figure.",
        enum=OPERATORS,
    ),
    Column(
        "value",
        "string",
        "The exact figure as text: an integer (15000 for 1.5万), a decimal, or an exact fraction "
        "'p/q' (1/3 for 三分之一). Percentages as written (90 for 90％). Empty for a placeholder "
        "or a milestone. In JSON Lines a number, or the 'p/q' string.",
        exact=True,
    ),
    Column("upper", "string", "Upper bound of a range (1－3名: upper 3), written like value.", exact=True),
    Column("unit", "string", "Unit of value, from the controlled vocabulary.", enum=UNITS),
    Column(
        "reference_zh",
        "string",
        "For a relative threshold (不低于上年的两倍): the reference quantity that value multiplies.",
    ),
    Column(
        "per",
        "string",
        "Recurrence as an ISO 8601 duration (P1Y every year, P6M every half year).",
        pattern=DURATION_PATTERN,
    ),
    Column(
        "per_term", "boolean", "true when the figure recurs once per term of office (每届).", required=True
    ),
    Column(
        "deadline", "string", "By when: YYYY, YYYY-MM or YYYY-MM-DD (到2010年 is 2010).", pattern=DATE_PATTERN
    ),
    Column("population_zh", "string", "The population or body the figure applies to, in Chinese."),
    Column(
        "placeholder",
        "boolean",
        "true when the source prints a placeholder (X轮) instead of the figure; value is then empty.",
        required=True,
    ),
    Column(
        "commitment",
        "string",
        "Strength of the wording: must (确保/必须), should, strive (力争); empty for plain wording.",
        enum=COMMITMENTS,
    ),
    Column("topics", "string", "Topic tags from the controlled vocabulary.", is_list=True),
    Column("lead_units", "string", "Responsible bodies named for this figure, in Chinese.", is_list=True),
    Column("measure", "string", "Id of the measure the indicator belongs to (measures.csv)."),
    Column("goal", "string", "Id of the goal it belongs to, when not a measure's."),
    # Added by the release.
    Column(
        "value_decimal",
        "number",
        "value as a plain number, for sorting and arithmetic: exact for integers and finite "
        "decimals, the nearest double for other fractions (1/3 is 0.3333333333333333). value is exact.",
    ),
    Column("upper_decimal", "number", "upper as a plain number, like value_decimal."),
    Column("deadline_year", "integer", "The year of deadline, as a number."),
    Column(
        "deadline_by",
        "date",
        "The last day deadline allows, as a date: a deadline means by the end of the year, month or "
        "day it names (2010 is 2010-12-31).",
    ),
    *_DOCUMENT_CONTEXT,
    Column("measure_title_zh", "string", "Title of the measure, in Chinese; empty without a measure."),
    Column("measure_title_en", "string", "Title of the measure, in English; empty without a measure."),
    *_quote_place("the indicator"),
)

DOCUMENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "Id of the document: a stable kebab-case slug."),
    Column("title_zh", "string", "The document's title as printed.", required=True),
    Column("title_en", "string", "The document's title in English.", required=True),
    Column(
        "kind",
        "string",
        "outline 纲要, plan 规划, opinion 意见, work-points 要点 or notice 通知.",
        required=True,
        enum=_literal(Document, "kind"),
    ),
    *_DOCUMENT_CONTEXT[2:],
    Column(
        "date",
        "string",
        "Issue or adoption date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.",
        pattern=DATE_PATTERN,
    ),
    Column("date_kind", "string", "What happened on that date.", enum=_literal(Date, "kind")),
    Column("date_precision", "string", "How precise date is.", enum=("year", "month", "day")),
    Column("date_year", "integer", "The year of date, as a number."),
    Column("date_day", "date", "date as a calendar date, when the source gives the day; empty otherwise."),
    Column("document_number", "string", "The official document number (文号) exactly as printed."),
    Column("plan_start", "integer", "First year of the plan period."),
    Column("plan_end", "integer", "Last year of the plan period (inclusive)."),
    Column("source_file", "string", "File name of the archived source text.", required=True),
    Column(
        "source_sha256",
        "string",
        "SHA-256 of the archived source text's bytes.",
        required=True,
        pattern=SHA256_PATTERN,
    ),
    Column("section_count", "integer", "Headings and numbered items encoded.", required=True),
    Column("goal_count", "integer", "Goals encoded.", required=True),
    Column("principle_count", "integer", "Named principles encoded.", required=True),
    Column("measure_count", "integer", "Measures encoded (rows of measures.csv).", required=True),
    Column("indicator_count", "integer", "Indicators encoded (rows of indicators.csv).", required=True),
    Column("quality_note_count", "integer", "Problems of the source text recorded.", required=True),
    Column(
        "statement_count",
        "integer",
        "Quantitative or time-bound statements the phrase reader finds in the source (policyspec coverage).",
    ),
    Column(
        "encoded_statement_count",
        "integer",
        "Statements an indicator (or a dated goal, or metadata) encodes.",
    ),
    Column(
        "excluded_statement_count",
        "integer",
        "Statements deliberately not encoded, each with its reason (the excluded list in policyspec.json).",
    ),
)

MEASURE_COLUMNS: tuple[Column, ...] = (
    Column("document", "string", "Id of the document (the id column of documents.csv)."),
    Column("id", "string", "Id of the measure, unique within its document."),
    Column("title_zh", "string", "The measure's title (the item heading) in Chinese.", required=True),
    Column("title_en", "string", "The measure's title in English.", required=True),
    Column("section", "string", "Id of the section (numbered item) that states it."),
    Column("lead_units_zh", "string", "Bodies named as leading or responsible, in order.", is_list=True),
    Column("lead_units_en", "string", "The lead units in English, in the same order.", is_list=True),
    Column("goal", "string", "Id of the goal the measure serves, where the source ties them."),
    Column("quote", "string", "The exact source text the measure is read from.", required=True),
    *_quote_place("the measure"),
)

EXCLUDED_COLUMNS: tuple[Column, ...] = (
    Column("document", "string", "Id of the document (the id column of documents.csv)."),
    Column("number", "integer", "Its place in the document's list of excluded statements, from 1."),
    Column(
        "quote",
        "string",
        "The statement as it stands in the source; every figure in it is excluded.",
        required=True,
    ),
    Column(
        "reason",
        "string",
        "Why it is not an indicator: name (a numeral in a name: 三会一课), cited-document, ordinal, scope "
        "(tiers: 市、县、乡三级), scale (百分考核), metadata, not-a-requirement.",
        required=True,
        enum=_literal(Excluded, "reason"),
    ),
    Column("note", "string", "More on the reason, in English."),
    *_quote_place("the statement"),
)
