"""A set of validated documents, and the Python entry point :func:`load`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from policyspec.api.compare import ComparisonRow, compare
from policyspec.api.evaluate import DEFAULT_TOLERANCE, Evaluation, Observed, evaluate
from policyspec.api.query import IndicatorFilter, select_indicators
from policyspec.api.records import IndicatorRecord
from policyspec.api.timeline import TimelineEntry, timeline
from policyspec.limits import DEFAULT_LIMITS, Limits
from policyspec.loading.check_files import check_files, valid_documents
from policyspec.loading.options import CheckOptions
from policyspec.loading.paths import PathArgument, as_paths, expand_paths
from policyspec.model.documents import Document
from policyspec.model.vocabulary import IssuerLevel, Operator, Topic, Unit

__all__ = ["Corpus", "load"]


@dataclass(frozen=True)
class Corpus:
    """Validated documents in a stable order (by id)."""

    documents: tuple[Document, ...]

    def document(self, document_id: str) -> Document:
        for document in self.documents:
            if document.id == document_id:
                return document
        known = ", ".join(d.id for d in self.documents)
        raise KeyError(f"no document '{document_id}' in the corpus (known: {known})")

    def indicators(
        self,
        *,
        document: str | None = None,
        level: IssuerLevel | None = None,
        due_by: int | None = None,
        due_after: int | None = None,
        per: str | None = None,
        unit: Unit | None = None,
        operator: Operator | None = None,
        topic: Topic | None = None,
        lead_unit: str | None = None,
        text: str | None = None,
    ) -> list[IndicatorRecord]:
        """The flat indicator view, as ``policyspec indicators`` prints it; the criteria given must all hold.

        The criteria are those of :class:`policyspec.api.query.IndicatorFilter`, one keyword each
        (a test keeps the two in step); a bad value raises :class:`policyspec.api.query.QueryError`:

        >>> [r.id for r in corpus.indicators(topic="cadre-training", due_by=2010)]
        ['civil-servant-3plus2-training']
        """
        criteria = IndicatorFilter(
            document=document,
            level=level,
            due_by=due_by,
            due_after=due_after,
            per=per,
            unit=unit,
            operator=operator,
            topic=topic,
            lead_unit=lead_unit,
            text=text,
        )
        return select_indicators(self.documents, criteria)

    def compare(self, topic: Topic) -> list[ComparisonRow]:
        """Every indicator tagged ``topic``, one row each, across documents (see :mod:`~.compare`)."""
        return compare(self.documents, topic)

    def timeline(self) -> list[TimelineEntry]:
        """Every dated goal and indicator, earliest deadline first (:mod:`policyspec.api.timeline`)."""
        return timeline(self.documents)

    def evaluate(
        self,
        document: str,
        indicator: str,
        observed: Observed,
        *,
        observed_in: int | str | None = None,
        reference: int | float | str | Fraction | Decimal | None = None,
        tolerance: int | float | str | Fraction | Decimal = DEFAULT_TOLERANCE,
    ) -> Evaluation:
        """Judge an observed figure against one indicator's target (:mod:`policyspec.api.evaluate`).

        Raises ``KeyError`` when the document has no such indicator, or there is no such document.
        """
        found = [i for d in self.documents if d.id == document for i in d.indicators if i.id == indicator]
        if not found:
            raise KeyError(f"no indicator '{indicator}' in document '{document}'")
        return evaluate(
            document, found[0], observed, observed_in=observed_in, reference=reference, tolerance=tolerance
        )


def load(
    paths: PathArgument | None = None,
    *,
    sources: PathArgument = (),
    limits: Limits = DEFAULT_LIMITS,
) -> Corpus:
    """Load and validate specs (by default the bundled corpus).

    ``paths`` and ``sources`` are each one path (``str`` or ``os.PathLike``) or an iterable of
    them; a folder stands for its ``*.yaml`` and ``*.yml`` files.

    Raises :class:`~policyspec.diagnostics.PolicyspecError` carrying every diagnostic when a
    spec has errors (warnings do not stop loading), :class:`~policyspec.loading.paths.SpecPathError`
    (a ValueError) when a folder holds no specs, and TypeError for arguments that are not paths.
    """
    options = CheckOptions(limits, tuple(as_paths(sources, argument="sources")))
    checked = check_files(expand_paths(paths), options)
    return Corpus(tuple(valid_documents(checked)))
