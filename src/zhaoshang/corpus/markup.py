"""The inline authoring markup (docs/authoring-format.md) to SCHEMA records and back.

``[text|LABEL key=value ...]`` marks a layer-1 span, ``{text|LABEL ...}`` a
layer-2 span (PROJECT, TARGET) that may contain layer-1 spans. ``\\[ \\] \\{
\\} \\| \\\\`` are literal characters. A single trailing newline of a file is not
part of the text.

Figure and DATE fields the author omits are filled in with the library's
normalizer (:mod:`zhaoshang.corpus.reading`); fields written by the author always
win. MONEY and PERCENT spans with a written ``value`` are taken as complete:
``bound`` defaults to ``exact`` and ``currency`` to ``CNY``, as the authoring
format says. An attribute with an empty value (``value=``) states that the field
is absent and must not be filled in; :func:`render` writes one where needed so
that any record survives the round trip.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..labels import FIELDS, LABELS, LAYER1, LAYER2
from .reading import FILLED, DocumentReader, Fields

__all__ = ["MarkupError", "parse_markup", "read_markup_file", "render", "complete_fields"]

ESCAPABLE = "[]{}|\\"
#: A span as scanned: start, end, label, attributes as written (None: stated absent).
_Raw = tuple[int, int, str, dict[str, "str | None"]]
_CLOSER = {"[": "]", "{": "}"}


class MarkupError(ValueError):
    """Ill-formed markup, located as ``source:line:col`` (1-based, in characters)."""

    def __init__(self, source: str, line: int, col: int, message: str) -> None:
        super().__init__(f"{source}:{line}:{col}: {message}")
        self.source, self.line, self.col, self.message = source, line, col, message


@dataclass
class _Open:
    """A span opened in the markup and not yet closed."""

    kind: str  # "[" or "{"
    at: int  # markup position of the opening bracket
    start: int  # text offset where the span starts


class _Locator:
    """Turns markup positions into line and column numbers."""

    def __init__(self, markup: str, source: str) -> None:
        self.source = source
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(markup) if ch == "\n"]

    def line_col(self, pos: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, pos)
        return line, pos - self.line_starts[line - 1] + 1

    def where(self, pos: int) -> str:
        return "%d:%d" % self.line_col(pos)

    def error(self, pos: int, message: str) -> MarkupError:
        return MarkupError(self.source, *self.line_col(pos), message)


def complete_fields(label: str, written: dict[str, str | None], reading: Fields | None) -> Fields:
    """The fields of a span: what the author ``written`` (None = stated absent) over the fill-in.

    ``reading`` is the normalizer's reading of the span (see
    :meth:`DocumentReader.read`); it fills COUNT, QUANTITY, DATE and MONEY/PERCENT
    spans without a written ``value``.
    """
    base: Fields = {}
    if label in ("MONEY", "PERCENT") and written.get("value"):
        base = {"bound": "exact", **({"currency": "CNY"} if label == "MONEY" else {})}
    elif label in FILLED and reading:
        base = reading
    merged: dict[str, str | None] = {**base, **written}
    return {name: value for name in FIELDS[label] if (value := merged.get(name)) is not None}


def _header(loc: _Locator, chars: list[tuple[str, int]], kind: str, bar: int) -> tuple[str, dict[str, str | None]]:
    """Read ``LABEL key=value ...`` from the characters after ``|`` (with their markup positions)."""
    words: list[tuple[str, int]] = []  # (word, markup position of its first character)
    gap = True
    for ch, pos in chars:
        if ch == " ":
            gap = True
        elif gap:
            words.append((ch, pos))
            gap = False
        else:
            words[-1] = (words[-1][0] + ch, words[-1][1])
    if not words:
        raise loc.error(bar + 1, "missing label after '|'")
    label, label_at = words[0]
    if label not in LABELS:
        raise loc.error(label_at, f"unknown label {label!r} (known: {', '.join(LABELS)})")
    if kind == "[" and label in LAYER2:
        raise loc.error(label_at, f"{label} is a layer-2 label: write {{...|{label}}}")
    if kind == "{" and label in LAYER1:
        raise loc.error(label_at, f"{label} is a layer-1 label: write [...|{label}]")
    attrs: dict[str, str | None] = {}
    for word, at in words[1:]:
        key, eq, value = word.partition("=")
        if not eq:
            raise loc.error(at, f"attribute {word!r} is not key=value")
        if key not in FIELDS[label]:
            allowed = ", ".join(FIELDS[label]) or "none"
            raise loc.error(at, f"unknown attribute {key!r} for {label} (allowed: {allowed})")
        if key in attrs:
            raise loc.error(at, f"attribute {key!r} given twice")
        attrs[key] = value or None
    return label, attrs


def _scan(markup: str, loc: _Locator) -> tuple[str, list[_Raw]]:
    """The text of ``markup`` and its spans as (start, end, label, written attributes)."""
    text: list[str] = []
    length = 0
    stack: list[_Open] = []
    header: list[tuple[str, int]] | None = None  # set while reading the part after '|'
    bar = 0
    raw: list[_Raw] = []
    i = 0
    while i < len(markup):
        ch, at = markup[i], i
        i += 1
        if ch == "\\":
            if i >= len(markup) or markup[i] not in ESCAPABLE:
                got = repr(markup[i]) if i < len(markup) else "the end of the file"
                raise loc.error(at, f"backslash before {got}: only \\[ \\] \\{{ \\}} \\| \\\\ are escapes")
            ch, i = markup[i], i + 1
            if header is not None:
                header.append((ch, at))
            else:
                text.append(ch)
                length += 1
            continue
        if header is not None:
            if ch == _CLOSER[stack[-1].kind]:
                opened = stack.pop()
                label, attrs = _header(loc, header, opened.kind, bar)
                if length == opened.start:
                    raise loc.error(opened.at, "empty span")
                raw.append((opened.start, length, label, attrs))
                header = None
            elif ch in "[]{}|\n":
                what = "a new line" if ch == "\n" else repr(ch)
                raise loc.error(at, f"{what} in the label part of the span opened at "
                                    f"{loc.where(stack[-1].at)}; close it with {_CLOSER[stack[-1].kind]!r}")
            else:
                header.append((ch, at))
            continue
        if ch in "[{":
            if stack and (stack[-1].kind == "[" or ch == "{"):
                inner = "layer-1 spans" if ch == "[" else "layer-2 spans"
                raise loc.error(at, f"{ch!r} inside the span opened at {loc.where(stack[-1].at)}: "
                                    f"{inner} cannot nest there (write \\{ch} for a literal {ch!r})")
            stack.append(_Open(ch, at, length))
        elif ch == "|":
            if not stack:
                raise loc.error(at, "'|' outside a span (write \\| for a literal '|')")
            header, bar = [], at
        elif ch in "]}":
            opener = "[" if ch == "]" else "{"
            if not stack:
                raise loc.error(at, f"{ch!r} without an open {opener!r} (write \\{ch} for a literal {ch!r})")
            if stack[-1].kind != opener:
                raise loc.error(at, f"{ch!r} closes nothing: the span opened at {loc.where(stack[-1].at)} "
                                    f"needs {_CLOSER[stack[-1].kind]!r}")
            raise loc.error(at, f"span closed without a label: write {opener}text|LABEL{ch}")
        else:
            text.append(ch)
            length += 1
    if stack:
        raise loc.error(stack[-1].at, f"{stack[-1].kind!r} opened here is never closed")
    return "".join(text), raw


def parse_markup(markup: str, doc_id: str, source: str = "<markup>") -> dict[str, Any]:
    """Convert one document's markup to a SCHEMA record ``{"id", "text", "spans"}``.

    Raises :class:`MarkupError` for unbalanced or ill-formed markup, unknown
    labels and unknown attributes.
    """
    if markup.endswith("\n"):
        markup = markup[:-1]
    full, raw = _scan(markup, _Locator(markup, source))
    reader: DocumentReader | None = None
    spans: list[dict[str, Any]] = []
    for start, end, label, attrs in raw:
        reading = None
        if label in FILLED:
            reader = reader or DocumentReader.of(full)
            reading = reader.read(start, end, label)
        spans.append({"start": start, "end": end, "label": label, **complete_fields(label, attrs, reading)})
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    return {"id": doc_id, "text": full, "spans": spans}


def read_markup_file(path: Path | str) -> dict[str, Any]:
    """Read a markup file (UTF-8); the record's id is the file name without ``.txt``."""
    path = Path(path)
    return parse_markup(path.read_text(encoding="utf-8-sig"), path.stem, str(path))


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in ESCAPABLE else ch for ch in text)


def _render_header(span: dict[str, Any], reader: DocumentReader | None) -> str:
    label = str(span["label"])
    fields = {k: str(v) for k, v in span.items() if k not in ("start", "end", "label")}
    unknown = set(fields) - set(FIELDS[label])
    if unknown:
        raise ValueError(f"{label} span {span['start']}:{span['end']} has fields markup cannot hold: {sorted(unknown)}")
    for name, value in fields.items():
        if not value or any(ch.isspace() for ch in value):
            raise ValueError(f"field {name}={value!r} cannot be written in markup (empty or with spaces)")
    written: dict[str, str | None] = dict(fields)
    if label in FILLED:
        reading = reader.read(int(span["start"]), int(span["end"]), label) if reader else None
        for name in complete_fields(label, written, reading):
            written.setdefault(name, None)  # filled in but absent from the record: say so
    parts = [label] + [f"{k}={_escape(v or '')}" for k in FIELDS[label] if k in written for v in [written[k]]]
    return " ".join(parts)


def render(record: dict[str, Any]) -> str:
    """Write a record as the content of a markup file (ending in one newline).

    :func:`parse_markup` of the result gives the record back.

    Raises ValueError for records markup cannot express: overlapping layer-1
    spans, a layer-1 span crossing a layer-2 boundary, overlapping layer-2 spans.
    """
    text: str = record["text"]
    spans = sorted(record["spans"], key=lambda s: (s["start"], s["end"], s["label"]))
    reader = DocumentReader.of(text) if any(s["label"] in FILLED for s in spans) else None
    # Per position: (layer, token); closes of layer 1 come before those of layer 2,
    # opens of layer 2 before those of layer 1.
    opens: dict[int, list[tuple[int, str]]] = {}
    closes: dict[int, list[tuple[int, str]]] = {}
    layers: dict[str, list[tuple[int, int]]] = {"[": [], "{": []}
    for span in spans:
        start, end = int(span["start"]), int(span["end"])
        kind = "{" if span["label"] in LAYER2 else "["
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}:{end} is empty or outside the text")
        layers[kind].append((start, end))
        layer = 2 if kind == "{" else 1
        opens.setdefault(start, []).append((-layer, kind))
        closes.setdefault(end, []).append((layer, f"|{_render_header(span, reader)}{_CLOSER[kind]}"))
    for kind, ranges in layers.items():
        for (s1, e1), (s2, e2) in zip(ranges, ranges[1:]):
            if s2 < e1:
                raise ValueError(f"spans {s1}:{e1} and {s2}:{e2} overlap in one layer")
    for s1, e1 in layers["["]:
        for s2, e2 in layers["{"]:
            if s1 < e2 and s2 < e1 and not s2 <= s1 < e1 <= e2:
                raise ValueError(f"layer-1 span {s1}:{e1} crosses the boundary of layer-2 span {s2}:{e2}")
    out: list[str] = []
    for pos in range(len(text) + 1):
        out.extend(token for _, token in sorted(closes.get(pos, [])))
        out.extend(token for _, token in sorted(opens.get(pos, [])))
        if pos < len(text):
            out.append(_escape(text[pos]))
    return "".join(out) + "\n"
