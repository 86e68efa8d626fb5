"""The public entry points: :func:`parse`, :func:`parse_many` and :func:`load`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .figures import Found
from .records import span_from_fields
from .results import ParseResult, Span
from .rules import find_rule_spans
from .textnorm import NormalizedText, normalize

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MAX_CHARS", "Parser", "load", "parse", "parse_many"]

#: The longest text :func:`parse` accepts, in characters (about 30 MB of UTF-8).
MAX_CHARS: Final = 10_000_000
#: Texts are analysed in pieces of at most this many characters, cut at line ends.
_CHUNK: Final = 2_000
#: Pieces the model analyses together. Memory grows with it (each 2,000-character
#: piece adds some 15 MB at the peak) and larger batches are not faster on CPU.
_BATCH: Final = 4


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


def _chunks(text: str) -> list[tuple[int, str]]:
    """Cut ``text`` at line ends into pieces of at most about _CHUNK characters."""
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _doc_spans(doc: Doc, offset: int) -> list[Found]:
    from .pipeline.fields import LAYER2_KEY
    from .pipeline.reader import PROJECT_KEY

    out = []
    for span in (*doc.ents, *doc.spans.get(LAYER2_KEY, [])):
        out.append(Found(span.start_char + offset, span.end_char + offset, span.label_,
                         dict(span._.zs_fields or {})))
    taken: list[tuple[int, int]] = []
    projects = doc.spans.get(PROJECT_KEY, [])
    scores = projects.attrs.get("scores") if projects is not None else None
    if scores is not None:  # spancat stores one score per span, shaped (n, 1)
        flat = [float(x) for x in scores.reshape(-1)]
        order: Iterable[int] = sorted(range(len(projects)), key=lambda i: -flat[i])
    else:
        order = range(len(projects))
    for i in order:
        span = projects[i]
        if any(s < span.end_char and span.start_char < e for s, e in taken):
            continue
        taken.append((span.start_char, span.end_char))
        out.append(Found(span.start_char + offset, span.end_char + offset, "PROJECT", {}))
    return out


class Parser:
    """Parses articles with one pipeline (or the rule layer alone when ``nlp`` is None)."""

    def __init__(self, nlp: Language | None) -> None:
        self.nlp = nlp

    def _result(self, norm: NormalizedText, found: Iterable[Found]) -> ParseResult:
        original = norm.original
        spans: list[Span] = []
        for f in found:
            start, end = norm.to_original(f.start, f.end)
            if end <= start:
                continue
            spans.append(span_from_fields(original[start:end], f.label, start, end, dict(f.fields)))
        spans.sort(key=lambda s: (s.start, s.end, s.label))
        return ParseResult(text=original, spans=tuple(spans))

    def parse(self, text: str) -> ParseResult:
        """See :func:`zhaoshang.parse`."""
        return next(self.parse_many([text]))

    def parse_many(self, texts: Iterable[str], *, batch_size: int = _BATCH, n_process: int = 1) -> Iterator[ParseResult]:
        """See :func:`zhaoshang.parse_many`."""
        if self.nlp is None:
            for text in texts:
                original = _check(text)
                if not original.strip():
                    yield ParseResult(text=original, spans=())
                    continue
                norm = normalize(original)
                yield self._result(norm, find_rule_spans(norm.text))
            return
        yield from self._pipe(texts, batch_size=batch_size, n_process=n_process)

    def _pipe(self, texts: Iterable[str], *, batch_size: int, n_process: int) -> Iterator[ParseResult]:
        assert self.nlp is not None
        nlp = self.nlp

        def pieces() -> Iterator[tuple[str, tuple[int, int, int]]]:
            for index, text in enumerate(texts):
                original = _check(text)
                norm = normalize(original)
                chunks = _chunks(norm.text) if original.strip() else []
                pending[index] = (norm, len(chunks), [])
                if not chunks:
                    yield "", (index, 0, -1)
                for offset, piece in chunks:
                    yield piece, (index, offset, len(chunks))

        pending: dict[int, tuple[NormalizedText, int, list[Found]]] = {}
        done: dict[int, int] = {}
        next_index = 0
        stream = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        for doc, (index, offset, total) in stream:
            norm, expected, found = pending[index]
            if total >= 0:
                found.extend(_doc_spans(doc, offset))
                done[index] = done.get(index, 0) + 1
            if done.get(index, 0) >= expected:
                pending[index] = (norm, -1, found)
            while next_index in pending and pending[next_index][1] == -1:
                norm, _, found = pending.pop(next_index)
                done.pop(next_index, None)
                yield self._result(norm, found)
                next_index += 1


_default: Parser | None = None


def _default_parser() -> Parser:
    global _default
    if _default is None:
        from .model import default_pipeline

        _default = Parser(default_pipeline())
    return _default


def load(path: str | Path) -> Parser:
    """Load a retrained pipeline; returns a :class:`Parser` with ``parse``/``parse_many``."""
    from .model import load_pipeline

    return Parser(load_pipeline(path))


def parse(text: str) -> ParseResult:
    """Find the entities and figures of one article.

    ``text`` is the article as a str, in Simplified or Traditional script. The
    result's spans have offsets into ``text`` itself. Uses the shipped model
    (loaded once, offline); raises TypeError for anything but str and
    ValueError for text over :data:`MAX_CHARS` characters.

    >>> r = parse("完成全年目标任务的87%。")
    >>> [(s.text, s.label) for s in r.spans]
    [('完成全年目标任务的87%', 'TARGET'), ('87%', 'PERCENT')]
    >>> r.percentages[0].value
    Decimal('0.87')
    """
    return _default_parser().parse(text)


def parse_many(texts: Iterable[str], *, batch_size: int = _BATCH, n_process: int = 1) -> Iterator[ParseResult]:
    """Parse many articles, yielding one result per text, in order.

    Texts are analysed in pieces of about 2,000 characters cut at line ends;
    ``batch_size`` pieces go through the model together (peak memory grows
    with it, speed hardly does). ``n_process`` > 1 runs the model in that
    many worker processes, each holding its own copy of the model.
    """
    return _default_parser().parse_many(texts, batch_size=batch_size, n_process=n_process)
