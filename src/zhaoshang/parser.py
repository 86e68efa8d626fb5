"""The public entry points: :func:`parse` and :func:`parse_many`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

from .figures import Found
from .records import span_from_fields
from .results import ParseResult, Span
from .rules import find_rule_spans
from .textnorm import NormalizedText, normalize

__all__ = ["MAX_CHARS", "parse", "parse_many"]

#: The longest text :func:`parse` accepts, in characters (about 30 MB of UTF-8).
MAX_CHARS: Final = 10_000_000


def _check(text: object) -> str:
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "parse() takes str, not bytes: decode first, e.g. parse(data.decode('utf-8'))"
        )
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the article text as str, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise ValueError(
            f"text has {len(text):,} characters; parse() accepts at most {MAX_CHARS:,}. "
            "Split it into articles and use parse_many()."
        )
    return text


def _to_spans(norm: NormalizedText, found: Iterable[Found]) -> tuple[Span, ...]:
    original = norm.original
    spans = []
    for f in found:
        start, end = norm.to_original(f.start, f.end)
        spans.append(span_from_fields(original[start:end], f.label, start, end, dict(f.fields)))
    spans.sort(key=lambda s: (s.start, s.end, s.label))
    return tuple(spans)


def parse(text: str) -> ParseResult:
    """Find the entities and figures of one article.

    ``text`` is the article as a str, in Simplified or Traditional script. The
    result's spans have offsets into ``text`` itself. Raises TypeError for
    anything but str, ValueError for text over :data:`MAX_CHARS` characters.

    >>> r = parse("今年一季度，共签约项目23项，完成全年目标任务的87%。")
    >>> [(s.text, s.label) for s in r.spans]  # doctest: +NORMALIZE_WHITESPACE
    [('今年一季度', 'DATE'), ('23项', 'COUNT'), ('完成全年目标任务的87%', 'TARGET'), ('87%', 'PERCENT')]
    >>> r.percentages[0].value
    Decimal('0.87')
    """
    original = _check(text)
    if not original.strip():
        return ParseResult(text=original, spans=())
    norm = normalize(original)
    return ParseResult(text=original, spans=_to_spans(norm, find_rule_spans(norm.text)))


def parse_many(texts: Iterable[str]) -> Iterator[ParseResult]:
    """Parse many articles, yielding one result per text, in order."""
    for text in texts:
        yield parse(text)
