"""Typed, immutable results of :func:`zhaoshang.parse`.

Every span carries ``text``, ``label`` and ``start``/``end`` offsets into the
caller's original string (``original[start:end] == span.text``). Figures carry
their normalized values as :class:`~decimal.Decimal`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, TypeVar

__all__ = [
    "Bound", "Span", "Money", "Percent", "Count", "Quantity", "Date", "Target", "ParseResult",
]

Bound = Literal["exact", "approx", "min", "max"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A labelled span of the original text (ORG, LOC, INDUSTRY, PROJECT)."""

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Money(Span):
    """A sum of money: ``value`` (and ``value_max`` for a range) in units of ``currency``."""

    value: Decimal
    currency: str
    bound: Bound = "exact"
    value_max: Decimal | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Percent(Span):
    """A percentage as a fraction: 87% has ``value`` Decimal('0.87')."""

    value: Decimal
    bound: Bound = "exact"
    value_max: Decimal | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Count(Span):
    """A number of discrete things; ``unit`` is the classifier (项, 家, 个)."""

    value: Decimal
    unit: str
    bound: Bound = "exact"
    value_max: Decimal | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity(Span):
    """A physical or capacity amount; ``value`` is in ``unit`` (5万吨 -> 50000 吨)."""

    value: Decimal
    unit: str
    bound: Bound = "exact"
    value_max: Decimal | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Date(Span):
    """A calendar expression or duration; ``value`` is ISO 8601 where the text fixes it."""

    value: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Target(Span):
    """A goal or progress against it: ``value`` is the completion ratio, ``goal`` the goal figure."""

    value: Decimal | None = None
    goal: Decimal | None = None


_S = TypeVar("_S", bound=Span)


@dataclass(frozen=True, slots=True)
class ParseResult:
    """All spans found in ``text``, sorted by position, with typed views."""

    text: str
    spans: tuple[Span, ...]

    def _of(self, label: str, kind: type[_S]) -> tuple[_S, ...]:
        return tuple(s for s in self.spans if s.label == label and isinstance(s, kind))

    @property
    def organizations(self) -> tuple[Span, ...]:
        return self._of("ORG", Span)

    @property
    def places(self) -> tuple[Span, ...]:
        return self._of("LOC", Span)

    @property
    def industries(self) -> tuple[Span, ...]:
        return self._of("INDUSTRY", Span)

    @property
    def amounts(self) -> tuple[Money, ...]:
        return self._of("MONEY", Money)

    @property
    def percentages(self) -> tuple[Percent, ...]:
        return self._of("PERCENT", Percent)

    @property
    def counts(self) -> tuple[Count, ...]:
        return self._of("COUNT", Count)

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        return self._of("QUANTITY", Quantity)

    @property
    def dates(self) -> tuple[Date, ...]:
        return self._of("DATE", Date)

    @property
    def projects(self) -> tuple[Span, ...]:
        return self._of("PROJECT", Span)

    @property
    def targets(self) -> tuple[Target, ...]:
        return self._of("TARGET", Target)

    def to_record(self, id: str) -> dict[str, object]:
        """The SCHEMA JSON Lines record of this result (values as decimal strings)."""
        from .records import result_to_record

        return result_to_record(self, id)

    @classmethod
    def from_record(cls, record: dict[str, object]) -> ParseResult:
        """Rebuild a result from a SCHEMA record; the inverse of :meth:`to_record`."""
        from .records import result_from_record

        return result_from_record(record)
