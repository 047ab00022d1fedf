"""Hypothesis strategies for spec documents, shared by the property tests.

``documents()`` draws valid documents as plain data, the way a YAML parser hands them over:
Chinese and English texts, unique kebab-case ids, exact fractions, ranges, recurrences, deadlines,
placeholders, milestones, and sections, goals, measures and indicators that link to each other.
``mutations()`` breaks one in exactly one place and says where, so a test can demand that the
diagnostic names that node; what a field admits is read from the models' own annotations, so the
mutations follow the models. ``yamlish_text()`` is mostly broken YAML, for the parser's sake.
"""

from __future__ import annotations

from tests.strategies.documents import documents
from tests.strategies.mutations import MUTATION_KINDS, Mutation, mutations
from tests.strategies.texts import yamlish_text

__all__ = ["MUTATION_KINDS", "Mutation", "documents", "mutations", "yamlish_text"]
