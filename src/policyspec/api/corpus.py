"""A set of validated documents, and the Python entry point :func:`load`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cached_property

from policyspec.api.compare import ComparisonRow, compare
from policyspec.api.evaluate import DEFAULT_TOLERANCE, Evaluation, Observed, evaluate
from policyspec.api.frames import indicators_frame
from policyspec.api.query import IndicatorFilter, select_indicators
from policyspec.api.records import IndicatorRecord
from policyspec.api.timeline import TimelineEntry, timeline
from policyspec.limits import DEFAULT_LIMITS, Limits
from policyspec.loading.check_files import check_files, valid_documents
from policyspec.loading.options import CheckOptions
from policyspec.loading.paths import PathArgument, as_paths, expand_paths
from policyspec.model.documents import Document
from policyspec.model.reprs import clipped
from policyspec.model.vocabulary import IssuerLevel, Operator, Topic, Unit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pandas import DataFrame

__all__ = ["Corpus", "load"]

_IDS_SHOWN = 3  # a corpus's repr names its first few documents, then counts
_IDS_LISTED = 10  # a failed lookup lists the known ids, up to this many


@dataclass(frozen=True, repr=False)
class Corpus:
    """Validated documents in a stable order (by id).

    A collection of its documents: ``len(corpus)``, ``for document in corpus``, and by id
    ``corpus["wuxi-party-building-model-zone"]`` (a ``KeyError`` naming the known ids when there
    is none) and ``"wuxi-party-building-model-zone" in corpus``.

    >>> len(corpus), corpus["wuxi-party-building-model-zone"].title.zh
    (5, '无锡市争创全省党的建设模范区行动纲要')
    >>> corpus["wuxi-party-building-model-zone"] in corpus, "no-such-document" in corpus
    (True, False)
    """

    documents: tuple[Document, ...]

    @cached_property
    def _by_id(self) -> dict[str, Document]:
        by_id: dict[str, Document] = {}
        for document in self.documents:
            by_id.setdefault(document.id, document)  # the first of a repeated id, as a search finds
        return by_id

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __getitem__(self, document_id: str) -> Document:
        return self.document(document_id)

    def __contains__(self, item: object) -> bool:
        """An id (``str``) names a document of the corpus; a ``Document`` is one of them."""
        if isinstance(item, str):
            return item in self._by_id
        return item in self.documents

    def __repr__(self) -> str:
        """``Corpus(5 documents: a, b, c, …; 130 indicators)``: never the documents themselves."""
        ids = [clipped(d.id, 48) for d in self.documents[:_IDS_SHOWN]]
        more = ", …" if len(self.documents) > _IDS_SHOWN else ""
        listed = f": {', '.join(ids)}{more}" if ids else ""
        documents = "1 document" if len(self) == 1 else f"{len(self)} documents"
        indicators = sum(len(d.indicators) for d in self.documents)
        return f"Corpus({documents}{listed}; {indicators} indicator{'' if indicators == 1 else 's'})"

    def document(self, document_id: str) -> Document:
        """The document with this id (also ``corpus[document_id]``)."""
        found = self._by_id.get(document_id)
        if found is None:
            raise KeyError(_unknown_document(document_id, list(self._by_id)))
        return found

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

    def indicators_frame(
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
    ) -> DataFrame:
        """:meth:`indicators` as a pandas DataFrame, typed column by column (:mod:`~.frames`).

        The same criteria; pandas is imported here, and its absence is an ``ImportError`` that
        says ``pip install pandas``.
        """
        records = self.indicators(
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
        return indicators_frame(records)

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


def _unknown_document(document_id: object, known: list[str]) -> str:
    """Why a lookup failed: the ids that come close, then the known ids (the first few of many)."""
    import difflib

    message = f"no document {document_id!r} in the corpus"
    close: list[str] = []
    if isinstance(document_id, str) and document_id:
        close = [i for i in known if document_id.casefold() in i.casefold()]
        close += [i for i in difflib.get_close_matches(document_id, known, n=3) if i not in close]
    close = close[:3]
    if close:
        message += f"; did you mean {' or '.join(close)}?"
    listed = ", ".join(known[:_IDS_LISTED])
    more = f", … ({len(known)} in all)" if len(known) > _IDS_LISTED else ""
    return f"{message} (known: {listed}{more})"


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
