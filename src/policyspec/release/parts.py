"""Each document's share of the release files, made while its model is at hand and kept on disk.

Documents arrive in the order their spec files were given, but every file of a release lists them
by id. So each document is rendered once, as soon as it is checked, into a :class:`DocumentPart`
(its entry of policyspec.json, the bytes its rows add to each table file), appended to one scratch file in the
staging folder; :meth:`PartStore.in_id_order` then reads the parts back one at a time, in id
order, while the release files are written. Only an offset per document stays in memory.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from policyspec.release.anchoring import AnchorError, QuoteAnchors, anchored_dump
from policyspec.release.envelope import DocumentSummary, document_json
from policyspec.release.inputs import ReleaseError, ReleaseInput
from policyspec.release.table_files import TableRenderer
from policyspec.release.tables import document_rows

__all__ = ["DocumentPart", "PartStore", "render_part"]


@dataclass(frozen=True)
class DocumentPart:
    """What one document adds to each file of the release, as bytes."""

    id: str
    json: bytes  # its entry in the documents array of policyspec.json, indented in place
    tables: dict[str, dict[str, bytes]]  # by table name, then format


def render_part(
    entry: ReleaseInput, renderers: Sequence[TableRenderer]
) -> tuple[DocumentPart, DocumentSummary]:
    """One document rendered for every file of the release, and what is kept of it afterwards."""
    document = entry.document
    if entry.source_text is None:
        raise ReleaseError(f"{entry.spec_file}: the release needs the source text {document.source.file}")
    anchors = QuoteAnchors(entry.source_text, document.source.sha256, starts=entry.quote_starts)
    try:
        rows = document_rows(document, anchors, entry.coverage)
        tables = {render.table.name: render(rows[render.table.name]) for render in renderers}
        part = DocumentPart(document.id, document_json(anchored_dump(document, anchors)), tables)
    except AnchorError as error:
        raise ReleaseError(f"{entry.spec_file}: {error}") from None
    summary = DocumentSummary(
        id=document.id,
        title_zh=document.title.zh,
        title_en=document.title.en,
        source_file=document.source.file,
        source_sha256=document.source.sha256,
        spec_file=entry.spec_file,
        spec_sha256=entry.spec_sha256,
        indicators=len(document.indicators),
    )
    return part, summary


class PartStore:
    """Parts and summaries appended to ``folder/documents`` (a file of the writer's own, read back
    by itself); in memory, an id, an offset and a size per document.

    Each document is a small pickled head (its summary, and the tables, formats and sizes of its
    part's pieces) followed by those pieces as they are: pickling them too copied some 500 KB per
    document.
    """

    def __init__(self, folder: Path) -> None:
        self._file = (folder / "documents").open("x+b")
        # By document, in the order put: its id, where its head starts and the head's size (16
        # bytes in two arrays, where a tuple and its two numbers took some 120).
        self._ids: list[str] = []
        self._offsets = array("q")
        self._head_sizes = array("q")
        self.indicators = 0

    def put(self, part: DocumentPart, summary: DocumentSummary) -> None:
        pieces = [part.json, *(data for forms in part.tables.values() for data in forms.values())]
        layout = [(name, list(forms)) for name, forms in part.tables.items()]
        sizes = [len(piece) for piece in pieces]
        head = pickle.dumps((summary, layout, sizes), protocol=pickle.HIGHEST_PROTOCOL)
        self._ids.append(part.id)
        self._offsets.append(self._file.tell())
        self._head_sizes.append(len(head))
        self._file.write(head)
        for piece in pieces:
            self._file.write(piece)
        self.indicators += summary.indicators

    def __len__(self) -> int:
        return len(self._ids)

    def ids(self) -> list[str]:
        """The ids of the parts, sorted (a repeated id appears twice)."""
        return sorted(self._ids)

    def _by_id(self) -> Iterator[tuple[str, int, int]]:
        """Each part's id, offset and head's size, by id (stable for a repeated id)."""
        ids = self._ids
        for at in sorted(range(len(ids)), key=ids.__getitem__):
            yield ids[at], self._offsets[at], self._head_sizes[at]

    def _head(self, offset: int, size: int) -> tuple[DocumentSummary, list[tuple[str, list[str]]], list[int]]:
        """A document's summary, the tables and formats of its part, and the sizes of its bytes."""
        self._file.seek(offset)
        summary, layout, sizes = pickle.loads(self._file.read(size))
        assert isinstance(summary, DocumentSummary)
        return summary, layout, sizes

    def in_id_order(self) -> Iterator[DocumentPart]:
        """The parts by id (stable for a repeated id), read one at a time."""
        self._file.flush()
        for id_, offset, size in self._by_id():
            _, layout, sizes = self._head(offset, size)  # the part's bytes follow
            pieces = iter([self._file.read(length) for length in sizes])
            entry = next(pieces)
            tables = {name: {form: next(pieces) for form in forms} for name, forms in layout}
            yield DocumentPart(id_, entry, tables)

    def summaries(self) -> Iterator[DocumentSummary]:
        """What is kept of each document, by id, read one at a time."""
        self._file.flush()
        for _, offset, size in self._by_id():
            yield self._head(offset, size)[0]

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> PartStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
