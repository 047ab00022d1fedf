"""Hypothesis strategies for spec documents, shared by the property tests.

``documents()`` draws valid documents as plain data, the way a YAML parser hands them over:
Chinese and English texts, unique kebab-case ids, exact fractions, ranges, recurrences, deadlines,
placeholders, milestones, figures near their bounds (``numbers``), dates at the calendar's
edges (``dates``), and sections, goals, measures and indicators that link to each other.
``mutations()`` breaks one in exactly one place and says where, so a test can demand that the
diagnostic names that node; what a field admits is read from the models' own annotations, so the
mutations follow the models. ``yamlish_text()`` is mostly broken YAML, for the parser's sake, and
``yaml_layouts()`` valid YAML in any layout, node by node, for the formatter's.
"""

from __future__ import annotations

from tests.strategies.dates import DATES, IMPOSSIBLE_DATES
from tests.strategies.documents import documents
from tests.strategies.layouts import yaml_layouts
from tests.strategies.mutations import FIGURE_FAULTS, MUTATION_KINDS, Mutation, mutations
from tests.strategies.numbers import BEYOND_FIGURES, FIGURES, FigureText, beyond_texts, figure_texts
from tests.strategies.texts import yamlish_text

__all__ = [
    "BEYOND_FIGURES",
    "DATES",
    "FIGURES",
    "FIGURE_FAULTS",
    "IMPOSSIBLE_DATES",
    "MUTATION_KINDS",
    "FigureText",
    "Mutation",
    "beyond_texts",
    "documents",
    "figure_texts",
    "mutations",
    "yaml_layouts",
    "yamlish_text",
]
