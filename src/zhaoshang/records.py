"""The SCHEMA JSON Lines record format: the one place that reads and writes it.

A record is ``{"id": ..., "text": ..., "spans": [{"start", "end", "label", ...fields}]}``
with value fields as decimal strings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from .labels import FIELDS, LABELS
from .results import Count, Date, Money, ParseResult, Percent, Quantity, Span, Target

__all__ = ["json_lines", "span_from_fields", "fields_to_strings", "result_to_record", "result_from_record", "read_records",
           "write_records", "RecordError"]

_DECIMAL_FIELDS = ("value", "value_max", "goal")


class RecordError(ValueError):
    """A record that does not follow SCHEMA."""


def _dec(value: object, name: str) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise RecordError(f"{name} is not a decimal string: {value!r}") from exc


def span_from_fields(text: str, label: str, start: int, end: int, fields: dict[str, Any]) -> Span:
    """Build the typed span for ``label`` from record-style ``fields``."""
    common = {"text": text, "label": label, "start": start, "end": end}
    vmax = fields.get("value_max")
    value_max = None if vmax is None else _dec(vmax, "value_max")
    bound = fields.get("bound", "exact")
    if label == "MONEY":
        return Money(**common, value=_dec(fields["value"], "value"), currency=fields.get("currency", "CNY"),
                     bound=bound, value_max=value_max)
    if label == "PERCENT":
        return Percent(**common, value=_dec(fields["value"], "value"), bound=bound, value_max=value_max)
    if label == "COUNT":
        return Count(**common, value=_dec(fields["value"], "value"), unit=fields["unit"], bound=bound,
                     value_max=value_max)
    if label == "QUANTITY":
        return Quantity(**common, value=_dec(fields["value"], "value"), unit=fields["unit"], bound=bound,
                        value_max=value_max)
    if label == "DATE":
        value = fields.get("value")
        return Date(**common, value=None if value is None else str(value))
    if label == "TARGET":
        value, goal = fields.get("value"), fields.get("goal")
        return Target(**common, value=None if value is None else _dec(value, "value"),
                      goal=None if goal is None else _dec(goal, "goal"))
    return Span(**common)


def fields_to_strings(fields: dict[str, object]) -> dict[str, str]:
    """Value fields with Decimals as plain decimal strings (picklable, JSON-safe)."""
    return {k: format(v, "f") if isinstance(v, Decimal) else str(v) for k, v in fields.items()}


def span_fields(span: Span) -> dict[str, str]:
    """The record value fields of ``span`` (decimal strings; absent fields left out)."""
    out: dict[str, str] = {}
    for name in FIELDS.get(span.label, ()):
        value = getattr(span, name, None)
        if value is None:
            continue
        out[name] = format(value, "f") if isinstance(value, Decimal) else str(value)
    return out


def result_to_record(result: ParseResult, id: str) -> dict[str, object]:
    spans = []
    for s in result.spans:
        spans.append({"start": s.start, "end": s.end, "label": s.label, **span_fields(s)})
    return {"id": id, "text": result.text, "spans": spans}


def result_from_record(record: dict[str, object]) -> ParseResult:
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordError("record has no 'text' string")
    raw = record.get("spans", [])
    if not isinstance(raw, list):
        raise RecordError("'spans' must be a list")
    spans = []
    for item in raw:
        if not isinstance(item, dict):
            raise RecordError(f"span is not an object: {item!r}")
        try:
            start, end, label = int(item["start"]), int(item["end"]), str(item["label"])
        except (KeyError, TypeError, ValueError) as exc:
            raise RecordError(f"span needs start, end and label: {item!r}") from exc
        if label not in LABELS:
            raise RecordError(f"unknown label {label!r}")
        if not 0 <= start < end <= len(text):
            raise RecordError(f"span offsets {start}:{end} outside the text")
        fields = {k: v for k, v in item.items() if k not in ("start", "end", "label")}
        try:
            spans.append(span_from_fields(text[start:end], label, start, end, fields))
        except KeyError as exc:
            raise RecordError(f"{label} span {start}:{end} lacks field {exc}") from exc
    spans.sort(key=lambda s: (s.start, s.end, s.label))
    return ParseResult(text=text, spans=tuple(spans))


def json_lines(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any] | RecordError]]:
    """``(line number, record)`` for each non-blank line, with a
    :class:`RecordError` in place of the record where the line is not a JSON
    object. The one reader of JSON Lines: callers decide what an error means."""
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, RecordError(f"not JSON: {exc.msg}")
            continue
        yield lineno, record if isinstance(record, dict) else RecordError("a record must be a JSON object")


def read_records(path: Path | str) -> Iterator[dict[str, Any]]:
    """Yield the records of a JSON Lines file; blank lines are skipped."""
    with open(path, encoding="utf-8") as fh:
        for lineno, record in json_lines(fh):
            if isinstance(record, RecordError):
                raise RecordError(f"{path}:{lineno}: {record}")
            yield record


def dumps(record: dict[str, object]) -> str:
    """One record as a JSON Lines line (no trailing newline)."""
    return json.dumps(record, ensure_ascii=False)


def write_records(records: Iterable[dict[str, object]], out: IO[str]) -> None:
    for record in records:
        out.write(dumps(record) + "\n")
