"""The floor: a minimal checker doing less than policyspec does, from public libraries only.

    python benchmarks/floor_check.py SCHEMA FILE...

libyaml (through PyYAML's C loader) composes each file into nodes that carry their line and
column, then builds the data; the committed JSON Schema, compiled by fastjsonschema, checks it.
No rules, no quotes, no source texts, no position for every node in a diagnostic. Exit 1 on the
first problem.
"""

from __future__ import annotations

import json
import sys

import fastjsonschema
import yaml


def main(argv: list[str]) -> int:
    schema_file, *files = argv
    with open(schema_file, encoding="utf-8") as handle:
        validate = fastjsonschema.compile(json.load(handle))
    for name in files:
        with open(name, "rb") as handle:
            loader = yaml.CSafeLoader(handle)
            try:
                node = loader.get_single_node()  # nodes with their line and column
                data = loader.construct_document(node) if node is not None else None
            finally:
                loader.dispose()
        try:
            validate(data)
        except fastjsonschema.JsonSchemaException as error:
            line = node.start_mark.line + 1 if node is not None else 1
            print(f"{name}:{line}: {error}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
