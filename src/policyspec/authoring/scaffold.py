"""``policyspec new``: a spec drafted from its source text, for an editor to finish.

The draft parses and is structurally valid from the start (so ``validate`` and ``coverage`` can
list what is left to do): the metadata skeleton with the source's SHA-256, the printed structure
as sections (一、 （一） 1、 1. (1) ① and ―― bullets, each with its heading quote and its nesting),
and every statement the phrase reader finds as a commented suggestion — an indicator with its
reading (quote, operator, value, unit, recurrence, deadline) or an exclusion with its reason —
ready to uncomment. Every placeholder the editor must replace says ``TODO`` (rule PS224).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from policyspec.model.exact import exact_text
from policyspec.reading.statements import find_statements, read_phrase
from policyspec.reading.values import EXCLUDABLE_KINDS, Figure, Period, Recurrence, Statement
from policyspec.text_positions import LineIndex

__all__ = ["TODO", "Heading", "headings", "scaffold"]

TODO = "TODO"
MODELINE = "# yaml-language-server: $schema=../schemas/policyspec.schema.json"

_LEVELS = (  # numbering style → section kind and depth
    (re.compile(r"[一二三四五六七八九十]+、"), "chapter", 1),
    (re.compile(r"[（(][一二三四五六七八九十]+[）)]"), "section", 2),
    (re.compile(r"[0-9０-９]+[、.．]"), "item", 3),
    (re.compile(r"[（(][0-9０-９]+[）)]"), "subitem", 4),
    (re.compile(r"[①-⑳]"), "subitem", 5),
)
_DASH_BULLET = re.compile(r"^――([^。：\n]{1,20})[。：]", re.M)
_TITLE_END = re.compile(r"[。：:；\n]")
_CLAUSE_END = "，。；：！？\n"
_FIGURE_KINDS = frozenset({"figure", "duration", "placeholder", "implied-total", "indefinite"})
_DATED_KINDS = frozenset({"deadline", "date", "period", "start"})
_REASON_BY_KIND = {
    "name": "name",
    "ordinal": "ordinal",
    "tier": "scope",
    "scope": "scope",
    "cited": "cited-document",
}


@dataclass(frozen=True)
class Heading:
    """A printed heading: its number as printed (None for a ―― bullet), kind, depth and title."""

    start: int
    number: str | None
    kind: str
    depth: int
    title: str
    quote: str


def headings(text: str, statements: Sequence[Statement] | None = None) -> list[Heading]:
    """The printed structure of a source text, in order."""
    found = []
    for statement in find_statements(text) if statements is None else statements:
        if statement.kind != "heading":
            continue
        kind, depth = next(
            ((k, d) for pattern, k, d in _LEVELS if pattern.fullmatch(statement.text)), ("item", 3)
        )
        title = _title(text, statement.end)
        if title:
            quote = text[statement.start : statement.end + len(title)]
            found.append(Heading(statement.start, statement.text, kind, depth, title, quote))
    for bullet in _DASH_BULLET.finditer(text):
        title = bullet.group(1).strip()
        found.append(
            Heading(bullet.start(), None, "paragraph", 6, title, bullet.group(0)[: 2 + len(bullet.group(1))])
        )
    return sorted(found, key=lambda h: h.start)


def _title(text: str, start: int) -> str:
    end = _TITLE_END.search(text, start)
    stop = min(end.start() if end else len(text), start + 40)
    return text[start:stop].strip()


def scaffold(source_name: str, raw: bytes, document_id: str) -> str:
    """The draft spec of a source text (its file name and bytes), as YAML text."""
    text = raw.decode("utf-8")
    statements = find_statements(text)  # read once: headings and suggestions come from one scan
    title = next((line.strip() for line in text.splitlines() if line.strip()), TODO)
    lines = [
        MODELINE,
        f"# Drafted by `policyspec new` from {source_name}: replace every {TODO}, then encode or exclude",
        "# each statement suggested at the end (policyspec coverage lists them; docs/encoding.md says how).",
        f"id: {document_id}",
        "source:",
        f"  file: {source_name}",
        f"  sha256: {hashlib.sha256(raw).hexdigest()}",
        f"title: {{zh: {_q(title)}, en: {TODO}}}",
        f"kind: plan  # {TODO}: outline, plan, opinion, work-points or notice",
        "issuers:",
        f"  - name: {{zh: {TODO}, en: {TODO}}}",
        f"    level: municipal  # {TODO}: national, provincial, municipal, county or township",
        *_sections(headings(text, statements)),
        *_suggestions(text, statements),
    ]
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _sections(found: Sequence[Heading]) -> Iterator[str]:
    if not found:
        return
    yield "sections:"
    open_: list[tuple[int, str]] = []  # (depth, id) of the headings that may hold the next one
    counters: dict[str, int] = {}
    for heading in found:
        while open_ and open_[-1][0] >= heading.depth:
            open_.pop()
        parent = open_[-1][1] if open_ else None
        prefix = parent or "s"
        counters[prefix] = counters.get(prefix, 0) + 1
        section_id = f"{prefix}-{counters[prefix]}"
        yield f"  - id: {section_id}"
        yield f"    kind: {heading.kind}"
        if heading.number is not None:
            yield f"    number: {_q(heading.number)}"
        yield f"    title: {{zh: {_q(heading.title)}, en: {TODO}}}"
        yield f"    quote: {_q(heading.quote)}"
        if parent is not None:
            yield f"    parent: {parent}"
        open_.append((heading.depth, section_id))


def clause_around(text: str, start: int, end: int) -> str:
    """The clause holding ``text[start:end]``: from the last clause mark before it to the next after
    it — a quote long enough to prove something (a statement alone, 两级, may be too short)."""
    first = max(text.rfind(mark, 0, start) for mark in _CLAUSE_END) + 1
    ends = [at for mark in _CLAUSE_END if (at := text.find(mark, end)) >= 0]
    return text[first : min(ends) if ends else len(text)].strip()


def _suggestions(text: str, statements: Sequence[Statement]) -> Iterator[str]:
    """Every statement as a commented indicator or exclusion, under commented list keys."""
    lines = LineIndex(text)
    statements = [s for s in statements if s.kind != "heading"]
    indicators = [s for s in statements if s.kind in _FIGURE_KINDS or s.kind in _DATED_KINDS or _recurs(s)]
    excluded = [s for s in statements if s.kind in EXCLUDABLE_KINDS]
    if indicators:
        yield ""
        yield f"# {TODO}: the statements below read as requirements; uncomment `indicators:` and each"
        yield "# one you keep, or move it to excluded: with a reason."
        yield "# indicators:"
        for statement in indicators:
            yield from _indicator(text, lines, statement)
    if excluded:
        yield ""
        yield f"# {TODO}: numerals that state no requirement (names, ordinals, tiers, citations);"
        yield "# uncomment to exclude them."
        yield "# excluded:"
        for statement in excluded:
            line, column = lines.position(statement.start)
            yield f"#   - quote: {_q(statement.text)}  # {line}:{column} {statement.kind}"
            yield f"#     reason: {_REASON_BY_KIND.get(statement.kind, 'not-a-requirement')}"


def _recurs(statement: Statement) -> bool:
    return isinstance(statement.reading, Recurrence) and (
        statement.reading.every is not None or statement.reading.per_term
    )


def _indicator(text: str, lines: LineIndex, statement: Statement) -> Iterator[str]:
    line, column = lines.position(statement.start)
    clause = clause_around(text, statement.start, statement.end)
    reading = read_phrase(clause)
    yield f"#   - id: todo-{line}-{column}  # {line}:{column} {statement.kind} {statement.text}"
    yield f"#     quote: {_q(clause)}"
    yield f"#     measured: {{zh: {TODO}, en: {TODO}}}"
    figure = statement.reading if isinstance(statement.reading, Figure) else None
    if figure is not None and figure.placeholder:
        yield f"#     target: {{operator: {figure.operator}{_unit(figure)}}}"
        yield "#     placeholder: true"
    elif figure is not None and figure.implied:
        yield "#     implied: " + _q(statement.text)
        yield "#     target: {operator: eq, value: 100, unit: percent}"
    elif figure is not None and figure.value is not None:
        upper = f", upper: {_number(exact_text(figure.upper))}" if figure.upper is not None else ""
        value = _number(exact_text(figure.value))
        yield f"#     target: {{operator: {figure.operator}, value: {value}{upper}{_unit(figure)}}}"
    for recurrence in reading.recurrences[:1]:
        yield "#     per_term: true" if recurrence.per_term else f"#     per: {recurrence.every}"
    for dated in (*reading.deadlines, *reading.dates)[:1]:
        yield f'#     deadline: "{dated.iso}"'
    for start in reading.starts[:1]:
        yield f'#     start: "{start.iso}"'
    for period in reading.periods[:1]:
        if isinstance(period, Period) and not reading.deadlines:
            own = "only if it is this document's own plan period"
            yield f'#     deadline: "{period.last_year}"  # {TODO}: {own}'
    yield f"#     topics: []  # {TODO}: tags from the topic vocabulary, so documents can be compared"


def _unit(figure: Figure) -> str:
    if figure.unit is not None:
        return f", unit: {figure.unit}"
    if figure.unit_choices:
        return f", unit: {figure.unit_choices[0]}  # or {', '.join(figure.unit_choices[1:])}"
    return f", unit: {TODO}" if figure.measure_word else ""


def _number(text: str) -> str:
    return text if "/" not in text else _q(text)
