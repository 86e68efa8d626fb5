"""Checking annotated documents against SCHEMA and against the library's normalizer.

Structural problems are errors: offsets out of range or empty, spans that
start or end with whitespace, overlapping layer-1 spans, unknown labels and
fields, missing required fields, malformed values, duplicate ids. Every figure,
DATE and TARGET is recomputed with the normalizer (:mod:`zhaoshang.corpus.reading`);
each field that disagrees, each span it cannot read and each span it finds that
is not annotated is a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from ..labels import BOUNDS, FIELDS, LABELS, LAYER1, LAYER2, REQUIRED
from .loading import Document, Finding, Severity, load
from .reading import CHECKED, DocumentReader, Fields

__all__ = ["Report", "check_structure", "check_values", "validate_documents", "validate_path"]

DECIMAL_FIELDS: Final = ("value", "value_max", "goal")
_DECIMAL: Final = re.compile(r"-?\d+(?:\.\d+)?")
_CANONICAL: Final = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?")
_CURRENCY: Final = re.compile(r"[A-Z]{3}")
_ISO_PART = r"\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]))?"
_DATE_VALUE: Final = re.compile(rf"{_ISO_PART}(?:/{_ISO_PART})?|P(?:\d+(?:\.\d+)?[YMWD])+|PT(?:\d+(?:\.\d+)?[HMS])+")


@dataclass
class Report:
    """The outcome of a validation: how many documents, and what was found."""

    documents: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def summary(self) -> str:
        return f"{self.documents} documents, {len(self.errors)} errors, {len(self.warnings)} warnings"


def _describe(text: str, span: dict[str, Any]) -> str:
    return f"{span.get('label')} {text[span['start']:span['end']]!r}"


def _field_problems(label: str, fields: dict[str, Any]) -> list[tuple[Severity, str, str]]:
    """(severity, field, message) for malformed values of one span."""
    out: list[tuple[Severity, str, str]] = []
    for name, value in fields.items():
        if name not in FIELDS[label]:
            out.append(("error", name, f"{label} has no field {name!r} (allowed: {', '.join(FIELDS[label]) or 'none'})"))
        elif not isinstance(value, str):
            out.append(("error", name, f"{name} must be a string, not {type(value).__name__} {value!r}"))
        elif name in DECIMAL_FIELDS and label != "DATE":
            if not _DECIMAL.fullmatch(value):
                out.append(("error", name, f"{name} {value!r} is not a decimal string"))
            elif not _CANONICAL.fullmatch(value):
                out.append(("warning", name, f"{name} {value!r} is not in canonical form ({Decimal(value).normalize():f})"))
        elif name == "bound" and value not in BOUNDS:
            out.append(("error", name, f"bound {value!r} is not one of {', '.join(BOUNDS)}"))
        elif name == "currency" and not _CURRENCY.fullmatch(value):
            out.append(("error", name, f"currency {value!r} is not an ISO 4217 code (three capital letters)"))
        elif name == "unit" and (not value or value != value.strip()):
            out.append(("error", name, f"unit {value!r} is empty or has spaces around it"))
        elif label == "DATE" and name == "value" and not _DATE_VALUE.fullmatch(value):
            out.append(("warning", name, f"DATE value {value!r} is not an ISO date, period or duration"))
    for name in REQUIRED.get(label, ()):
        if name not in fields:
            out.append(("error", name, f"{label} needs the field {name!r}"))
    lo, hi = fields.get("value"), fields.get("value_max")
    if isinstance(lo, str) and isinstance(hi, str) and _DECIMAL.fullmatch(lo) and _DECIMAL.fullmatch(hi):
        if Decimal(hi) <= Decimal(lo):
            out.append(("error", "value_max", f"value_max {hi} is not above value {lo}"))
    return out


def _overlaps(text: str, spans: list[dict[str, Any]]) -> list[tuple[Severity, str, dict[str, Any]]]:
    """(severity, message, span) for overlapping layer-1 spans and markup-incompatible layer-2 spans."""
    out: list[tuple[Severity, str, dict[str, Any]]] = []
    layer1 = sorted((s for s in spans if s["label"] in LAYER1), key=lambda s: (s["start"], s["end"]))
    layer2 = sorted((s for s in spans if s["label"] in LAYER2), key=lambda s: (s["start"], s["end"]))
    layers: tuple[tuple[list[dict[str, Any]], Severity], ...] = ((layer1, "error"), (layer2, "warning"))
    for layer, severity in layers:
        for i, a in enumerate(layer):
            for b in layer[i + 1:]:
                if b["start"] >= a["end"]:
                    break
                out.append((severity, f"{_describe(text, a)} overlaps {_describe(text, b)} "
                                      f"at {b['start']}:{b['end']}", a))
    for a in layer2:
        for b in layer1:
            if b["start"] < a["end"] and a["start"] < b["end"] and not a["start"] <= b["start"] < b["end"] <= a["end"]:
                out.append(("warning", f"{_describe(text, b)} crosses the boundary of {_describe(text, a)} "
                                       "(markup cannot express this)", b))
    return out


def _sound(span: object, text: str) -> bool:
    """Whether ``span`` has integer offsets inside ``text`` and a known label."""
    return (isinstance(span, dict) and type(span.get("start")) is int and type(span.get("end")) is int
            and span.get("label") in LABELS and 0 <= span["start"] < span["end"] <= len(text))


def _position(span: object) -> tuple[int | None, int | None, str | None]:
    """The start, end and label of ``span`` where they have the right types."""
    if not isinstance(span, dict):
        return None, None, None
    start, end, label = span.get("start"), span.get("end"), span.get("label")
    return (start if type(start) is int else None, end if type(end) is int else None,
            label if isinstance(label, str) else None)


def _span_problems(text: str, span: object) -> list[tuple[Severity, str, str, str | None]]:
    """(severity, code, message, field) for one span on its own."""
    if not isinstance(span, dict):
        return [("error", "span", f"span is not an object: {span!r}", None)]
    start, end, label = span.get("start"), span.get("end"), span.get("label")
    if not (type(start) is int and type(end) is int):
        return [("error", "offsets", f"span offsets must be integers: {span!r}", None)]
    if label not in LABELS:
        return [("error", "label", f"unknown label {label!r}", None)]
    if not _sound(span, text):
        return [("error", "offsets", f"{label} offsets {start}:{end} are empty or outside the text "
                                     f"({len(text)} characters)", None)]
    out: list[tuple[Severity, str, str, str | None]] = []
    if text[start:end] != text[start:end].strip():
        out.append(("error", "whitespace", f"{_describe(text, span)} starts or ends with whitespace", None))
    fields = {k: v for k, v in span.items() if k not in ("start", "end", "label")}
    for severity, name, message in _field_problems(str(label), fields):
        out.append((severity, "field", f"{_describe(text, span)}: {message}", name))
    return out


def check_structure(doc: Document) -> list[Finding]:
    """Structural checks of one record (see the module docstring)."""
    rec, src = doc.record, doc.source
    doc_id = rec.get("id")
    name = doc_id if isinstance(doc_id, str) else ""
    out: list[Finding] = []
    if not isinstance(doc_id, str) or not doc_id:
        out.append(Finding("error", "id", src, "record needs a non-empty string 'id'"))
    text, spans = rec.get("text"), rec.get("spans")
    if not isinstance(text, str):
        return out + [Finding("error", "text", src, "record needs a 'text' string", doc=name)]
    if not isinstance(spans, list):
        return out + [Finding("error", "spans", src, "record needs a 'spans' list", doc=name)]
    seen: set[tuple[int, int, str]] = set()
    for span in spans:
        start, end, label = _position(span)
        for severity, code, message, fld in _span_problems(text, span):
            out.append(Finding(severity, code, src, message, doc=name, start=start, end=end, label=label, field=fld))
        if _sound(span, text):
            key = (span["start"], span["end"], span["label"])
            if key in seen:
                out.append(Finding("error", "duplicate", src, f"{_describe(text, span)} is annotated twice",
                                   doc=name, start=start, end=end, label=label))
            seen.add(key)
    sound = [s for s in spans if _sound(s, text)]
    for severity, message, span in _overlaps(text, sound):
        out.append(Finding(severity, "overlap", src, message, doc=name, start=span["start"], end=span["end"],
                           label=span["label"]))
    return out


def _same(name: str, annotated: str | None, computed: str | None) -> bool:
    if annotated == computed:
        return True
    if annotated is None or computed is None or name not in DECIMAL_FIELDS:
        return False
    if _DECIMAL.fullmatch(annotated) and _DECIMAL.fullmatch(computed):
        return Decimal(annotated) == Decimal(computed)
    return False


def _disagreements(label: str, span: dict[str, Any], reading: Fields) -> list[tuple[str, str | None, str | None]]:
    """(field, annotated, normalizer) for each field where the two differ."""
    out = []
    for name in FIELDS[label]:
        annotated = span.get(name)
        computed = reading.get(name)
        if name == "bound":
            annotated, computed = annotated or "exact", computed or "exact"
        if not _same(name, None if annotated is None else str(annotated), computed):
            out.append((name, None if annotated is None else str(annotated), computed))
    return out


def check_values(doc: Document) -> list[Finding]:
    """Recompute every figure, DATE and TARGET of a record with the normalizer (unsound spans skipped)."""
    rec, src = doc.record, doc.source
    text, spans = rec.get("text"), rec.get("spans")
    if not isinstance(text, str) or not isinstance(spans, list):
        return []
    name = str(rec.get("id", ""))
    reader = DocumentReader.of(text)
    out: list[Finding] = []
    annotated_keys = set()
    for span in spans:
        if not _sound(span, text):
            continue
        start, end, label = span["start"], span["end"], span["label"]
        annotated_keys.add((start, end, label))
        if label not in CHECKED:
            continue
        what = _describe(text, span)
        reading = reader.read(start, end, label)
        if reading is None:
            if label == "DATE" and "value" not in span:
                continue
            msg = ("the normalizer finds no TARGET here" if label == "TARGET"
                   else f"the normalizer cannot read {what}")
            out.append(Finding("warning", "normalizer", src, f"{what}: {msg}", doc=name, start=start, end=end,
                               label=label))
            continue
        for fld, annotated, computed in _disagreements(label, span, reading):
            out.append(Finding("warning", "normalizer", src,
                               f"{what} {fld}: annotated {annotated or '(none)'}, normalizer {computed or '(none)'}",
                               doc=name, start=start, end=end, label=label, field=fld,
                               annotated=annotated, normalizer=computed))
    for (start, end, label), fields in sorted(reader.rule_spans.items()):
        if (start, end, label) not in annotated_keys:
            shown = " ".join(f"{k}={v}" for k, v in fields.items())
            out.append(Finding("warning", "unannotated", src,
                               f"the normalizer finds {label} {text[start:end]!r} ({shown or 'no value'}), "
                               "not annotated with these offsets", doc=name, start=start, end=end, label=label))
    return out


def validate_documents(docs: list[Document], values: bool = True) -> list[Finding]:
    """All findings for ``docs``: structure, duplicate ids and (if ``values``) normalizer checks."""
    out: list[Finding] = []
    ids: dict[str, str] = {}
    for doc in docs:
        out.extend(check_structure(doc))
        doc_id = doc.record.get("id")
        if isinstance(doc_id, str):
            if doc_id in ids:
                out.append(Finding("error", "id", doc.source, f"id {doc_id!r} also used at {ids[doc_id]}", doc=doc_id))
            ids.setdefault(doc_id, doc.source)
        if values:
            out.extend(check_values(doc))
    return out


def validate_path(path: Path | str, values: bool = True) -> Report:
    """Load and validate a .jsonl file, a markup .txt file or a folder of them."""
    docs, problems = load(path)
    return Report(documents=len(docs) + sum(p.code == "markup" for p in problems),
                  findings=problems + validate_documents(docs, values))
