"""Scoring predicted SCHEMA records against gold ones.

Exact span match (start, end, label) per label; micro scores over layer 1;
value accuracy over matched figures (every value field the gold span has must
agree); a per-document breakdown and an error listing that sorts each miss
into missed, spurious, wrong boundary or wrong label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from .labels import LABELS, LAYER1

__all__ = ["Score", "ErrorItem", "Report", "evaluate_records"]

_VALUE_FIELDS = ("value", "value_max", "currency", "bound", "unit", "goal")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class ErrorItem:
    doc: str
    kind: str  # missed | spurious | wrong_boundary | wrong_label | wrong_value
    label: str
    gold: str | None
    predicted: str | None
    start: int
    end: int
    detail: str = ""


@dataclass
class Report:
    labels: dict[str, Score] = field(default_factory=dict)
    micro: Score = field(default_factory=Score)
    values_checked: int = 0
    values_correct: int = 0
    values_by_label: dict[str, list[int]] = field(default_factory=dict)
    documents: dict[str, Score] = field(default_factory=dict)
    errors: list[ErrorItem] = field(default_factory=list)

    @property
    def value_accuracy(self) -> float:
        return self.values_correct / self.values_checked if self.values_checked else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "micro_layer1": self.micro.as_dict(),
            "labels": {k: v.as_dict() for k, v in self.labels.items()},
            "value_accuracy": {
                "overall": round(self.value_accuracy, 4), "checked": self.values_checked,
                "by_label": {k: {"correct": c, "checked": n, "accuracy": round(c / n, 4) if n else 0.0}
                             for k, (c, n) in self.values_by_label.items()},
            },
            "documents": {k: v.as_dict() for k, v in self.documents.items()},
            "errors": [asdict(e) for e in self.errors],
        }


def _key(span: dict[str, Any]) -> tuple[int, int, str]:
    return int(span["start"]), int(span["end"]), str(span["label"])


def _value_diff(gold: dict[str, Any], pred: dict[str, Any]) -> list[str]:
    diffs = []
    for name in _VALUE_FIELDS:
        if name in gold and str(gold[name]) != str(pred.get(name)):
            diffs.append(f"{name}: gold {gold[name]} predicted {pred.get(name)}")
    return diffs


def evaluate_records(gold: Iterable[dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> Report:
    """Score ``predicted`` (records by id) against ``gold`` records."""
    report = Report(labels={label: Score() for label in LABELS})
    for record in gold:
        doc_id, text = str(record["id"]), str(record["text"])
        pred_record = predicted.get(doc_id, {"spans": []})
        doc_score = Score()
        gold_spans = {_key(s): s for s in record.get("spans", [])}
        pred_spans = {_key(s): s for s in pred_record.get("spans", [])}
        for key, g in gold_spans.items():
            score = report.labels.setdefault(key[2], Score())
            if key in pred_spans:
                score.tp += 1
                doc_score.tp += 1
                diffs = _value_diff(g, pred_spans[key])
                if any(name in g for name in _VALUE_FIELDS):
                    counts = report.values_by_label.setdefault(key[2], [0, 0])
                    counts[1] += 1
                    report.values_checked += 1
                    if not diffs:
                        counts[0] += 1
                        report.values_correct += 1
                    else:
                        report.errors.append(ErrorItem(doc_id, "wrong_value", key[2], text[key[0]:key[1]],
                                                       text[key[0]:key[1]], key[0], key[1], "; ".join(diffs)))
            else:
                score.fn += 1
                doc_score.fn += 1
                report.errors.append(_classify_miss(doc_id, text, key, pred_spans))
        for key in pred_spans:
            if key not in gold_spans:
                report.labels.setdefault(key[2], Score()).fp += 1
                doc_score.fp += 1
                if not _overlaps_gold(key, gold_spans):
                    report.errors.append(ErrorItem(doc_id, "spurious", key[2], None, text[key[0]:key[1]],
                                                   key[0], key[1]))
        report.documents[doc_id] = doc_score
    for label in LAYER1:
        s = report.labels[label]
        report.micro.tp += s.tp
        report.micro.fp += s.fp
        report.micro.fn += s.fn
    return report


def _overlaps_gold(key: tuple[int, int, str], gold: dict[tuple[int, int, str], Any]) -> bool:
    layer = key[2] in LAYER1
    return any(g[0] < key[1] and key[0] < g[1] and (g[2] in LAYER1) == layer for g in gold)


def _classify_miss(doc: str, text: str, key: tuple[int, int, str],
                   pred: dict[tuple[int, int, str], Any]) -> ErrorItem:
    start, end, label = key
    layer = label in LAYER1
    same_offsets = [p for p in pred if p[0] == start and p[1] == end and (p[2] in LAYER1) == layer]
    if same_offsets:
        return ErrorItem(doc, "wrong_label", label, text[start:end], text[start:end], start, end,
                         f"predicted {same_offsets[0][2]}")
    overlapping = [p for p in pred if p[0] < end and start < p[1] and (p[2] in LAYER1) == layer]
    same_label = [p for p in overlapping if p[2] == label]
    if same_label:
        p = same_label[0]
        return ErrorItem(doc, "wrong_boundary", label, text[start:end], text[p[0]:p[1]], start, end)
    if overlapping:
        p = overlapping[0]
        return ErrorItem(doc, "wrong_label", label, text[start:end], text[p[0]:p[1]], start, end,
                         f"predicted {p[2]} at {p[0]}:{p[1]}")
    return ErrorItem(doc, "missed", label, text[start:end], None, start, end)


def format_report(report: Report, max_errors: int = 200) -> str:
    """A plain-text rendering of ``report`` for the terminal."""
    lines = [f"{'label':<10}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}"]
    for label, s in report.labels.items():
        if s.tp + s.fn + s.fp == 0:
            continue
        lines.append(f"{label:<10}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.tp + s.fn:>7}{s.tp + s.fp:>7}")
    m = report.micro
    lines.append(f"{'micro L1':<10}{m.precision:>8.3f}{m.recall:>8.3f}{m.f1:>8.3f}{m.tp + m.fn:>7}{m.tp + m.fp:>7}")
    lines.append("")
    lines.append(f"value accuracy on matched figures: {report.value_accuracy:.4f} "
                 f"({report.values_correct}/{report.values_checked})")
    for label, (c, n) in sorted(report.values_by_label.items()):
        lines.append(f"  {label:<10}{c}/{n}")
    lines.append("")
    lines.append("per document (P / R / F1):")
    for doc, s in report.documents.items():
        lines.append(f"  {doc:<28}{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}")
    kinds = Counter(e.kind for e in report.errors)
    lines.append("")
    lines.append("errors: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for e in report.errors[:max_errors]:
        lines.append(f"  [{e.kind}] {e.doc} {e.start}:{e.end} {e.label} gold={e.gold!r} pred={e.predicted!r}"
                     + (f" ({e.detail})" if e.detail else ""))
    if len(report.errors) > max_errors:
        lines.append(f"  ... {len(report.errors) - max_errors} more (use --json for all)")
    return "\n".join(lines)
