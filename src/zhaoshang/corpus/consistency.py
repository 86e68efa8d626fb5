"""Consistency of annotations across documents.

Two kinds of warnings:

* ``label-conflict``: the same surface string (span text) carries different
  layer-1 labels, in one document or in several;
* ``unlabelled``: a name (ORG, LOC, INDUSTRY; two characters or more)
  labelled somewhere occurs elsewhere, in the same or another document, with no
  layer-1 span over any of its characters.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Final

from ..labels import LAYER1
from .loading import Document, Finding

__all__ = ["NAME_LABELS", "consistency"]

#: Labels whose surface strings are looked for unlabelled elsewhere.
NAME_LABELS: Final[tuple[str, ...]] = ("ORG", "LOC", "INDUSTRY")
MIN_LENGTH: Final = 2


def _layer1(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    text = record.get("text")
    spans = record.get("spans")
    if not isinstance(text, str) or not isinstance(spans, list):
        return []
    return [(s["start"], s["end"], s["label"]) for s in spans
            if isinstance(s, dict) and s.get("label") in LAYER1 and type(s.get("start")) is int
            and type(s.get("end")) is int and 0 <= s["start"] < s["end"] <= len(text)]


def _listing(docs: dict[str, set[str]]) -> str:
    return "; ".join(f"{label} in {', '.join(sorted(ids))}" for label, ids in sorted(docs.items()))


def consistency(docs: list[Document]) -> list[Finding]:
    """Label conflicts and unlabelled occurrences over ``docs`` (all warnings)."""
    labelled: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    first_source: dict[str, str] = {}
    covered: list[tuple[Document, str, bytearray]] = []
    for doc in docs:
        doc_id, text = str(doc.record.get("id", "")), doc.record.get("text")
        if not isinstance(text, str):
            continue
        cover = bytearray(len(text))
        for start, end, label in _layer1(doc.record):
            surface = text[start:end]
            labelled[surface][label].add(doc_id)
            first_source.setdefault(surface, doc.source)
            cover[start:end] = b"\x01" * (end - start)
        covered.append((doc, text, cover))
    out: list[Finding] = []
    for surface, by_label in sorted(labelled.items()):
        if len(by_label) > 1:
            out.append(Finding("warning", "label-conflict", first_source[surface],
                               f"{surface!r} is labelled differently: {_listing(by_label)}"))
    names = sorted(s for s, by_label in labelled.items()
                   if len(s) >= MIN_LENGTH and any(label in NAME_LABELS for label in by_label))
    for doc, text, cover in covered:
        doc_id = str(doc.record.get("id", ""))
        for surface in names:
            hits = []
            pos = text.find(surface)
            while pos >= 0:
                if not any(cover[pos:pos + len(surface)]):
                    hits.append(pos)
                pos = text.find(surface, pos + 1)
            if hits:
                where = {k: v for k, v in labelled[surface].items() if k in NAME_LABELS}
                out.append(Finding("warning", "unlabelled", doc.source,
                                   f"{surface!r} ({_listing(where)}) is unlabelled here {len(hits)}x, "
                                   f"at {', '.join(map(str, hits))}",
                                   doc=doc_id, start=hits[0], end=hits[0] + len(surface)))
    return out
