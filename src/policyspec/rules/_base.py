"""What every rule works on and returns; kept apart so rule modules need not import each other."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from policyspec.codes import CodeId
from policyspec.diagnostics import JsonPath
from policyspec.quote_places import QuotePlaces

if TYPE_CHECKING:
    from policyspec.model.documents import Document
    from policyspec.rules.coverage import Accounted

__all__ = ["Finding", "Rule", "RuleContext", "emits"]


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on one node; the validator positions it in the YAML file."""

    code: CodeId
    path: JsonPath
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class RuleContext:
    """The typed document and what was learnt about its archived source text."""

    document: Document
    source_text: str | None
    source_sha256: str | None
    source_searched: tuple[str, ...]
    source_problem: str | None = None  # the source was found but cannot be used (PS217)
    accounted: tuple[Accounted, ...] | None = None  # the source's statements, when already accounted for
    spec_text: str | None = None  # the YAML text the document was read from, when it was read from one
    quote_places: QuotePlaces | None = None  # quotes already looked up in source_text, to look up once

    def source_places(self) -> QuotePlaces | None:
        """Where quotes stand in the source text (None without one): the check's own when given."""
        if self.source_text is None:
            return None
        if self.quote_places is not None and self.quote_places.text is self.source_text:
            return self.quote_places
        return QuotePlaces(self.source_text)


Context = TypeVar("Context")
Verdict = TypeVar("Verdict")


@dataclass(frozen=True)
class Rule(Generic[Context, Verdict]):
    """A check and the codes it may emit, so that a test can hold every rule to its declaration.

    Per-file rules are ``Rule[RuleContext, Finding]``; a rule across files may check another
    context and return other verdicts, and declares its codes the same way.
    """

    check: Callable[[Context], Iterable[Verdict]]
    codes: frozenset[CodeId]

    @property
    def name(self) -> str:
        return self.check.__name__

    def __call__(self, context: Context) -> Iterable[Verdict]:
        return self.check(context)


def emits(*codes: CodeId) -> Callable[[Callable[[Context], Iterable[Verdict]]], Rule[Context, Verdict]]:
    """Register a check as a rule that may emit ``codes`` (and no others)."""

    def register(check: Callable[[Context], Iterable[Verdict]]) -> Rule[Context, Verdict]:
        return Rule(check, frozenset(codes))

    return register
