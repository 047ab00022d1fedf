"""The resources datapackage.json lists: every file the release wrote, in the order a reader meets
them, each with the size and hash recorded when it was written (nothing is read back)."""

from __future__ import annotations

from collections.abc import Iterator

from policyspec.release.datapackage import Descriptor, file_resource, table_resource
from policyspec.release.envelope import SCHEMA_FILE
from policyspec.release.staging import StagedRelease
from policyspec.release.table_files import WriteOptions, table_path
from policyspec.release.tables import TABLES, Table

__all__ = ["SCHEMAS", "SITE", "SOURCES", "resources"]

SOURCES = "sources"  # the folder of the source texts in a release
SCHEMAS = "schemas"  # the folder of the JSON Schemas of policyspec.json and the table rows
SITE = "site"  # generated pages (write_release(generated=...)), such as a static site
ENVELOPE_SCHEMA = "policyspec-json.schema.json"


def row_schema_path(table: Table) -> str:
    return f"{SCHEMAS}/{table.name}-row.schema.json"


def _jsonl(table: Table) -> str:
    extra = [c.name for c in table.columns if c.json_only]
    exact = [c.name for c in table.columns if c.exact]
    return (
        f"The rows of {table.name}.csv as JSON Lines: one object per line, the same keys in the same "
        f"order{' and ' + ', '.join(extra) if extra else ''}; lists are arrays, missing values null"
        f"{'; ' + ' and '.join(exact) + ' a number or an exact p/q string' if exact else ''}."
    )


def _parquet(table: Table) -> str:
    return (
        f"The rows of {table.name}.csv as Parquet: integers, numbers, booleans, dates (date32) and lists "
        "of strings typed as such; exact figures stay text beside their float column."
    )


def _table_resources(
    staged: StagedRelease, table: Table, formats: tuple[str, ...], encoding: str
) -> list[Descriptor]:
    found: list[Descriptor] = []
    for form in formats:
        written = staged.file(table_path(table, form))
        if form == "csv":
            found.append(table_resource(written, table, encoding=encoding))
        elif form == "jsonl":
            jsonl = file_resource(
                written,
                name=f"{table.name}-jsonl",
                form="file",
                mediatype="application/jsonl",
                title=f"{table.title} as JSON Lines",
                description=_jsonl(table),
            )
            found.append({**jsonl, "jsonSchema": row_schema_path(table)})
        else:
            found.append(
                file_resource(
                    written,
                    name=f"{table.name}-parquet",
                    form="file",
                    mediatype="application/vnd.apache.parquet",
                    title=f"{table.title} as Parquet",
                    description=_parquet(table),
                    encoding=None,
                )
            )
    return found


def _generated(staged: StagedRelease) -> Iterator[Descriptor]:
    import mimetypes

    for number, written in enumerate(w for w in staged.written if w.path.startswith(SITE + "/")):
        mediatype = mimetypes.guess_type(written.path)[0] or "application/octet-stream"
        yield (
            file_resource(
                written,
                name=f"{SITE}-{number + 1}",
                form="file",
                mediatype=mediatype,
                title=f"Page {written.path.split('/', 1)[1]}",
                description="A generated page of the release's site.",
                encoding="utf-8" if mediatype.startswith("text/") else None,
            )
        )


def _sources(staged: StagedRelease) -> Iterator[Descriptor]:
    sources = sorted((w for w in staged.written if w.path.startswith(SOURCES + "/")), key=lambda w: w.path)
    names: set[str] = set()
    for written in sources:
        file = written.path.split("/", 1)[1]
        name = f"source-{file.lower()}"
        while name in names:  # file names that differ only in case
            name += "-"
        names.add(name)
        yield (
            file_resource(
                written,
                name=name,
                form="file",
                mediatype="text/plain",
                title=f"Source text {file}",
                description="An archived source text, byte for byte as validated: the quotes' positions "
                "(quote_start, quote_end, quote_selectors) count code points of this text.",
            )
        )


def _schemas(staged: StagedRelease) -> list[Descriptor]:
    found: list[Descriptor] = []
    for written in staged.written:
        if written.path.startswith(SCHEMAS + "/"):
            name = written.path.split("/", 1)[1].removesuffix(".schema.json")
            what = (
                "policyspec.json"
                if name == "policyspec-json"
                else f"a row of {name.removesuffix('-row')}.jsonl"
            )
            found.append(
                file_resource(
                    written,
                    name=f"schema-{name}",
                    form="json",
                    mediatype="application/schema+json",
                    title=f"JSON Schema of {what}",
                    description=f"The JSON Schema (draft 2020-12) of {what}.",
                )
            )
    return found


def resources(
    staged: StagedRelease, *, formats: tuple[str, ...], options: WriteOptions
) -> Iterator[Descriptor]:
    """The datapackage.json entries of the files written, one at a time (there is one per source
    text); a JSON or JSON Lines file's entry names its JSON Schema (``jsonSchema``, a path)."""
    envelope = file_resource(
        staged.file("policyspec.json"),
        name="policyspec",
        form="json",
        mediatype="application/json",
        title="Every document in full",
        description="All the specs say, document by document (as policyspec.schema.json describes "
        "them), each quote with its place in the source; with the data version and the files the "
        "release was built from.",
    )
    found = [{**envelope, "jsonSchema": f"{SCHEMAS}/{ENVELOPE_SCHEMA}"}]
    for table in TABLES:
        found += _table_resources(staged, table, formats, options.csv_encoding)
    found.append(
        file_resource(
            staged.file(SCHEMA_FILE),
            name="policyspec-schema",
            form="json",
            mediatype="application/schema+json",
            title="JSON Schema of a document",
            description="The JSON Schema (draft 2020-12) of a spec: each document of policyspec.json "
            "follows it, but for the selectors beside its quotes.",
        )
    )
    yield from found
    yield from _schemas(staged)
    yield from _sources(staged)
    yield from _generated(staged)
