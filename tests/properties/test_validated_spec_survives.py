"""Any spec that validates can be formatted, listed, compared, put on a timeline, evaluated, released.

``validate`` is the gate: a figure or a date it lets through must not break a later command (a
4,000-digit hex figure once validated, then broke ``indicators`` and ``release``; 30 February
once validated, then broke ``evaluate``). The specs are ``complete.yaml`` with its figures written
in every notation YAML reads as a number, near the bounds and now and then beyond them, and its
dates at the calendar's edges and now and then impossible: whatever validates must survive.

Whether a figure is the one its quote states (PS211, PS219–PS223) is a different question, tested
in ``tests/acceptance/test_faithfulness.py``: a figure written at the bounds is no figure of the
sample source, so here the gate is every check but those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

from policyspec.api.compare import compare
from policyspec.api.evaluate import Observed, evaluate
from policyspec.api.query import IndicatorFilter, select_indicators
from policyspec.api.timeline import timeline
from policyspec.cli.terminal_tables import comparison_table
from policyspec.diagnostics import Diagnostic
from policyspec.fmt.format import format_text
from policyspec.loading.check import CheckedSpec, check_spec
from policyspec.loading.options import CheckOptions
from policyspec.model.documents import Target
from policyspec.release.build import ReleaseInput, render_part
from policyspec.release.table_files import TableRenderer
from policyspec.release.tables import FORMATS, TABLES
from tests.conftest import EXAMPLES
from tests.strategies import DATES, IMPOSSIBLE_DATES, beyond_texts, figure_texts
from tests.strategies.dates import dates_in

TEMPLATE = (EXAMPLES / "valid" / "complete.yaml").read_text(encoding="utf-8")
SOURCES = [EXAMPLES / "sources"]

# The slots of complete.yaml a figure or a date is written into, each as it stands there.
SATISFACTION = "{operator: ge, value: 90, unit: percent}"
FIGURE_SLOTS = {
    "sessions": "{operator: ge, value: 12, unit: times}",
    "rotation": "{operator: approx, value: 300, unit: persons}",
    "trained": "{operator: eq, value: 15000, unit: persons}",
    "women": "{operator: eq, value: 1/3, unit: fraction}",
    "rank": "{operator: le, value: 3, unit: rank}",
}
RANGE = "{operator: range, value: 1, upper: 3, unit: persons}"
ISSUED = 'value: "2007-05-08"'
DEADLINES = ('    deadline: "2010"', '    deadline: "2008"')


def _mostly(usual: st.SearchStrategy[str], rare: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``usual`` 39 times in 40, else ``rare``: most specs validate, some are refused."""
    return st.sampled_from([usual] * 39 + [rare]).flatmap(lambda strategy: strategy)


_COUNT = _mostly(figure_texts(negative=False).map(lambda figure: figure.text), beyond_texts())
_SIGNED = _mostly(figure_texts().map(lambda figure: figure.text), beyond_texts())
_ISSUED = _mostly(DATES, IMPOSSIBLE_DATES)
_DEADLINE = _mostly(dates_in(2006, 2011), IMPOSSIBLE_DATES)  # within the plan's span


@dataclass(frozen=True)
class Spec:
    text: str
    changes: dict[str, str]  # what was written where, for hypothesis to show


def _with_figures(text: str, share: str, figures: dict[str, str], low: str, high: str) -> str:
    # A share relative to a reference quantity may be any figure, even negative (a fall of 5%).
    reference = "reference: {zh: 上年, en: the year before}"
    text = text.replace(SATISFACTION, f"{{operator: ge, value: {share}, unit: percent, {reference}}}")
    for name, slot in FIGURE_SLOTS.items():
        text = text.replace(slot, slot.replace(slot.split("value: ")[1].split(",")[0], figures[name], 1))
    return text.replace(RANGE, f"{{operator: range, value: {low}, upper: {high}, unit: persons}}")


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    """complete.yaml with every figure and every date drawn anew."""
    changes = {"satisfaction": draw(_SIGNED)}
    changes |= {name: draw(_COUNT) for name in FIGURE_SLOTS}
    first = draw(figure_texts(negative=False))
    second = draw(figure_texts(negative=False).filter(lambda figure: figure.value != first.value))
    low, high = sorted([first, second], key=lambda figure: figure.value)
    changes["range"] = f"{low.text} to {high.text}"
    text = _with_figures(TEMPLATE, changes["satisfaction"], changes, low.text, high.text)
    changes["issued"] = issued = draw(_ISSUED)
    text = text.replace(ISSUED, f'value: "{issued}"')
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line in DEADLINES:
            changes[f"deadline on line {index + 1}"] = deadline = draw(_DEADLINE)
            lines[index] = f'    deadline: "{deadline}"'
    return Spec("\n".join(lines), changes)


def _observed(target: Target) -> Observed:
    """What a person might observe: the target's own figure, or that a milestone was reached."""
    if target.operator is None:
        return True
    value: Observed = 1 if target.value is None else target.value
    return value


def assert_survives(checked: CheckedSpec, text: str) -> None:
    """Every command after validate runs on the validated spec without raising."""
    document = checked.document
    assert document is not None
    formatted = format_text(text, file="spec.yaml")
    assert isinstance(formatted, (str, Diagnostic))
    records = select_indicators([document], IndicatorFilter())
    assert len(records) == len(document.indicators)
    json.dumps([record.as_dict() for record in records], ensure_ascii=False)
    for topic in {topic for indicator in document.indicators for topic in indicator.topics}:
        comparison_table(compare([document], topic))
    timeline([document])
    for indicator in document.indicators:
        reference = "12000" if indicator.target.reference is not None else None
        observed_in = indicator.deadline if indicator.deadline is not None else 2010
        evaluate(
            document.id, indicator, _observed(indicator.target), observed_in=observed_in, reference=reference
        )
    assert checked.sha256 is not None
    entry = ReleaseInput(document, "spec.yaml", checked.sha256, checked.coverage, checked.source_text)
    part, _ = render_part(entry, [TableRenderer(table, FORMATS) for table in TABLES])
    json.loads(part.json)
    for table in TABLES:
        for line in part.tables[table.name]["jsonl"].decode("utf-8").splitlines():
            json.loads(line)


def _check(spec_file: Path, text: str) -> CheckedSpec:
    spec_file.write_text(text, encoding="utf-8")
    return check_spec(spec_file, CheckOptions(sources=tuple(SOURCES)))


FAITHFULNESS = frozenset({"PS211", "PS219", "PS220", "PS221", "PS222", "PS223"})


def _errors(checked: CheckedSpec) -> list[Diagnostic]:
    """What refuses the spec, but for the figure not being its quote's (tested elsewhere)."""
    return [d for d in checked.diagnostics if d.severity == "error" and d.code not in FAITHFULNESS]


@given(specs())
def test_whatever_validates_survives_every_command(spec_file: Path, spec: Spec) -> None:
    checked = _check(spec_file, spec.text)
    errors = _errors(checked)
    event("validates" if not errors else f"refused: {sorted({d.code for d in errors})}")
    if not errors:
        assert_survives(checked, spec.text)


def test_the_template_survives(spec_file: Path) -> None:
    checked = _check(spec_file, TEMPLATE)
    assert checked.diagnostics == ()
    assert_survives(checked, TEMPLATE)


EXTREMES = {
    "sessions": "0x38D7EA4C68000",  # 10^15
    "rotation": "1e15",
    "trained": "0o34327724461500000",  # 10^15
    "women": '"999999999999999/999999999999998"',
    "rank": "0.000000000000001",
}


def test_figures_at_the_bounds_in_every_notation_validate_and_survive(spec_file: Path) -> None:
    text = _with_figures(TEMPLATE, "-1000000000000000", EXTREMES, "1.23456789012345e-3", "999999999999999")
    text = text.replace(ISSUED, 'value: "2000-02-29"').replace(DEADLINES[1], '    deadline: "2008-02-29"')
    checked = _check(spec_file, text)
    assert _errors(checked) == []
    assert_survives(checked, text)
