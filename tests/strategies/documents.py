"""Valid spec documents, as plain data: every value the models accept, in the shape real specs have."""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from policyspec.model.documents import Date, Document, Goal, Issuer, QualityNote, Section, exact
from policyspec.model.vocabulary import COMMITMENTS, OPERATORS, TOPICS, UNITS
from tests.strategies.dates import DATES
from tests.strategies.numbers import FIGURES
from tests.strategies.texts import EN, TEXT, ZH

__all__ = ["Data", "Draw", "documents"]

Data = dict[str, Any]
Draw = Callable[[st.SearchStrategy[Any]], Any]

_HEX = "0123456789abcdef"
_FILE_NAME = "abcdefghijklmnopqrstuvwxyz0123456789_.-"
_RECURRENCE = st.sampled_from(["P1Y", "P6M", "P3M", "P1M", "P2Y", "P3Y"]) | st.builds(
    "P{}{}".format, st.integers(1, 99), st.sampled_from("YMWD")
)
_NUMBERS = [None, "一、", "二、", "（一）", "（三）", "1、", "15、", "1.", "(二十一)", "第一条"]
_SHAPES = ["figure", "figure", "range", "relative", "placeholder", "milestone"]


def _choices(model: type[BaseModel], name: str) -> tuple[str, ...]:
    return typing.get_args(model.model_fields[name].annotation)


class _Parts:
    """Draws the parts of one document; ids come from a counter, so they are unique by construction."""

    def __init__(self, draw: Draw, *, explicit_defaults: bool) -> None:
        self.draw = draw
        self.explicit_defaults = explicit_defaults
        self.count = 0

    def put(self, out: Data, key: str, value: Any, default: Any = None) -> None:
        """Leave out default values, as the encoding asks, unless this document spells them out."""
        if value != default or self.explicit_defaults:
            out[key] = value

    def new_id(self, *prefixes: str) -> str:
        self.count += 1
        base = f"{self.draw(st.sampled_from(prefixes))}-{self.count}"
        tail = self.draw(st.sampled_from(["", "", "", "-a", "-x2-y", "long"]))
        return base + ("-" + "x" * (79 - len(base)) if tail == "long" else tail)  # up to the 80 allowed

    def maybe(self, strategy: st.SearchStrategy[Any]) -> Any:
        return self.draw(st.none() | strategy)

    def ref(self, ids: list[str]) -> str | None:
        return self.maybe(st.sampled_from(ids)) if ids else None

    def evidenced(self, out: Data) -> Data:
        inferred = self.draw(st.booleans())
        self.put(out, "inferred", inferred, False)
        self.put(out, "evidence", self.draw(st.lists(ZH, min_size=int(inferred), max_size=2)), [])
        return out

    def target(self, shape: str) -> Data:
        """The reading of a threshold phrase; empty for a milestone, value-less for a placeholder."""
        if shape == "milestone":
            return {}
        out: Data = {"operator": self.draw(st.sampled_from([o for o in OPERATORS if o != "range"]))}
        if shape == "range":
            out["operator"] = "range"
            low = self.draw(FIGURES)
            high = self.draw(FIGURES.filter(lambda figure: exact(figure) != exact(low)))
            out["value"], out["upper"] = sorted([low, high], key=exact)
        elif shape == "placeholder":
            self.put(out, "value", None)
        else:
            out["value"] = self.draw(FIGURES)
        out["unit"] = "multiple" if shape == "relative" else self.draw(st.sampled_from(UNITS))
        if shape == "relative":
            out["reference"] = self.draw(TEXT)
        return out

    def indicator(self, measures: list[str], goals: list[str]) -> Data:
        shape = self.draw(st.sampled_from(_SHAPES))
        out: Data = {"id": self.new_id("forum-sessions", "share", "days"), "quote": self.draw(ZH)}
        out["measured"] = self.draw(TEXT)
        self.put(out, "target", self.target(shape), {})
        self.put(out, "kind", self.draw(st.sampled_from(["target", "target", "trigger"])), "target")
        self.put(out, "per", None if shape == "milestone" else self.maybe(_RECURRENCE))
        self.put(out, "per_term", self.draw(st.booleans()), False)
        self.put(out, "deadline", self.draw(DATES) if shape == "milestone" else self.maybe(DATES))
        self.put(out, "population", self.maybe(TEXT))
        self.put(out, "lead_units", self.draw(st.lists(TEXT, max_size=2)), [])
        self.put(out, "placeholder", shape == "placeholder", False)
        self.put(out, "topics", self.draw(st.lists(st.sampled_from(TOPICS), max_size=3, unique=True)), [])
        self.put(out, "measure", self.ref(measures))
        self.put(out, "goal", self.ref(goals))
        self.put(out, "commitment", self.maybe(st.sampled_from(COMMITMENTS)))
        self.put(out, "note", self.maybe(EN))
        return out

    def structure(self, sizes: dict[str, int]) -> Data:
        """Sections, goals, principles, measures and indicators, each linking only to what exists."""
        sections: list[Data] = []
        for _ in range(sizes["sections"]):
            entry = {
                "id": self.new_id("ch", "sec", "item"),
                "kind": self.draw(st.sampled_from(_choices(Section, "kind"))),
            }
            number = self.draw(st.sampled_from(_NUMBERS))
            self.put(entry, "number", number)
            entry["title"] = title = self.draw(TEXT)
            entry["quote"] = (number or "") + title["zh"]
            self.put(entry, "parent", self.ref([s["id"] for s in sections]))  # backwards only
            sections.append(entry)
        section_ids = [s["id"] for s in sections]
        goals: list[Data] = []
        for _ in range(sizes["goals"]):
            entry = {
                "id": self.new_id("goal", "overall"),
                "kind": self.draw(st.sampled_from(_choices(Goal, "kind"))),
            }
            entry |= {"title": self.draw(TEXT), "quote": self.draw(ZH)}
            self.put(entry, "section", self.ref(section_ids))
            self.put(entry, "parent", self.ref([g["id"] for g in goals]))
            self.put(entry, "deadline", self.maybe(DATES))
            goals.append(entry)
        goal_ids = [g["id"] for g in goals]
        principles: list[Data] = []
        for _ in range(sizes["principles"]):
            entry = {"id": self.new_id("principle"), "name": self.draw(TEXT), "quote": self.draw(ZH)}
            self.put(entry, "section", self.ref(section_ids))
            principles.append(entry)
        measures: list[Data] = []
        for _ in range(sizes["measures"]):
            entry = {
                "id": self.new_id("theory-study", "measure"),
                "title": self.draw(TEXT),
                "quote": self.draw(ZH),
            }
            self.put(entry, "section", self.ref(section_ids))
            self.put(entry, "lead_units", self.draw(st.lists(TEXT, max_size=2)), [])
            self.put(entry, "goal", self.ref(goal_ids))
            measures.append(entry)
        measure_ids = [m["id"] for m in measures]
        indicators = [self.indicator(measure_ids, goal_ids) for _ in range(sizes["indicators"])]
        out: Data = {}
        for name, entries in [("sections", sections), ("goals", goals), ("principles", principles)]:
            self.put(out, name, entries, [])
        self.put(out, "measures", measures, [])
        self.put(out, "indicators", indicators, [])
        return out


_COLLECTIONS = ("quality_notes", "sections", "goals", "principles", "measures", "indicators")


@st.composite
def documents(draw: Draw, *, max_entries: int = 3) -> Data:
    """A valid document: every value the models accept, with the shape real specs have."""
    parts = _Parts(draw, explicit_defaults=draw(st.booleans()))
    sizes = {name: draw(st.integers(0, max_entries)) for name in _COLLECTIONS}
    out: Data = {"id": parts.new_id("wuxi-2007-party-building", "plan")}
    out["source"] = {
        "file": draw(st.text(_FILE_NAME, min_size=1, max_size=20)) + ".txt",
        "sha256": draw(st.text(_HEX, min_size=64, max_size=64)),
    }
    out["title"] = draw(TEXT)
    out["kind"] = draw(st.sampled_from(_choices(Document, "kind")))
    out["issuers"] = []
    for _ in range(draw(st.integers(1, 2))):
        issuer: Data = {"name": draw(TEXT), "level": draw(st.sampled_from(_choices(Issuer, "level")))}
        parts.put(issuer, "place", parts.maybe(TEXT))
        out["issuers"].append(parts.evidenced(issuer))
    if draw(st.booleans()):
        out["date"] = parts.evidenced(
            {"value": draw(DATES), "kind": draw(st.sampled_from(_choices(Date, "kind")))}
        )
    if draw(st.booleans()):
        out["document_number"] = parts.evidenced({"value": draw(ZH)})
    if draw(st.booleans()):
        start = draw(st.integers(1900, 2090))
        out["plan_period"] = parts.evidenced({"start": start, "end": draw(st.integers(start, start + 10))})
    notes = []
    for _ in range(sizes["quality_notes"]):
        note = {"id": parts.new_id("note"), "kind": draw(st.sampled_from(_choices(QualityNote, "kind")))}
        note["description"] = draw(EN)
        parts.put(note, "quote", parts.maybe(ZH))
        notes.append(note)
    parts.put(out, "quality_notes", notes, [])
    return out | parts.structure(sizes)
