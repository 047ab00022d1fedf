"""The layout of a YAML text read on its own, not through the loader's parse.

A spec file's layout is read from the loader's parse (:class:`policyspec.fmt.events.LayoutReader`
as its ``event_reader``); this runs libyaml for the reader alone, for the few texts that parse
does not cover: a file's text once its CR line ends became LF, and ruamel.yaml's output (where
its entries start). libyaml's events carry all the layout needs and are fast; ruamel.yaml's
pure-Python loader would take most of a second per spec. Only text that
:func:`policyspec.loading.parsing.parse_yaml` accepted is read here, so the limits on hostile
input have already been enforced.
"""

from __future__ import annotations

from policyspec.fmt.events import LayoutReader
from policyspec.fmt.nodes import Layout, Mapping, Node, Scalar, Sequence

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

__all__ = ["Layout", "Mapping", "Node", "Scalar", "Sequence", "read_layout"]


def read_layout(text: str) -> Layout:
    reader = LayoutReader()
    parser = _Parser(text)
    try:
        while (event := parser.get_event()) is not None:
            reader(event)
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    layout = reader.layout(text)
    if layout is None:
        raise ValueError("a layout fmt cannot read (a collection as a key, or no document)")
    return layout
