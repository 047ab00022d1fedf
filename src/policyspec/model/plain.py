"""Documents as plain objects: what a check that keeps no document builds, so it needs no pydantic.

Importing pydantic and creating the model classes costs more than checking the five bundled
specs. A rule only reads attributes, so ``policyspec validate``, which keeps no document, runs
the rules on a :class:`PlainRecord` per model instead: the same attributes with the same values
(built from the same tables, :mod:`policyspec.model.shape`, by :mod:`policyspec.model.construct`),
and no behaviour. A property test holds every rule's findings on the plain document equal to its
findings on the typed one. Plain documents never leave the check: every document a caller gets
is a model.
"""

from __future__ import annotations

import functools

from policyspec.model.shape import KEY_ORDER

__all__ = ["PlainRecord", "plain_class"]


class PlainRecord:
    """A model's fields as attributes, nothing else; its class is named after the model."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(plain, {len(vars(self))} fields)"


@functools.cache
def plain_class(model: str) -> type[PlainRecord]:
    """The plain stand-in of the model named ``model``."""
    if model not in KEY_ORDER:
        raise KeyError(model)
    return type(model, (PlainRecord,), {"__slots__": (), "__module__": __name__})
