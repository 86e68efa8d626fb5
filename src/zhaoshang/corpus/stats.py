"""Corpus statistics: size, spans and distinct values per label, script, near-duplicates."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Final

from ..labels import LABELS
from ..textnorm import _to_simplified

__all__ = ["CorpusStats", "han_change_ratio", "is_traditional", "max_ngram_overlap", "compute", "format_stats"]

_HAN: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: A document is Traditional when OpenCC t2s changes more than this share of its Han characters.
TRADITIONAL_THRESHOLD: Final = 0.02
NGRAM: Final = 8
ENTITY_LABELS: Final = ("LOC", "ORG", "INDUSTRY")


def han_change_ratio(text: str) -> float:
    """The share of Han characters of ``text`` that OpenCC t2s changes (0 with no Han characters)."""
    positions = [m.start() for m in _HAN.finditer(text)]
    if not positions:
        return 0.0
    simplified = _to_simplified(text)  # aligned with text, character for character
    return sum(simplified[i] != text[i] for i in positions) / len(positions)


def is_traditional(text: str) -> bool:
    """Whether ``text`` is in Traditional script: t2s changes more than 2% of its Han characters.

    >>> is_traditional("為了招大商"), is_traditional("为了招大商")
    (True, False)
    """
    return han_change_ratio(text) > TRADITIONAL_THRESHOLD


def max_ngram_overlap(texts: dict[str, str], n: int = NGRAM) -> tuple[float, tuple[str, str] | None]:
    """The largest share of character ``n``-grams two documents have in common.

    The share is counted over the smaller of the two documents' ``n``-gram sets;
    returns it with the pair of ids that reaches it (None with fewer than two
    documents long enough to have an ``n``-gram).
    """
    grams = {doc_id: {t[i:i + n] for i in range(len(t) - n + 1)} for doc_id, t in texts.items()}
    ids = sorted(doc_id for doc_id, g in grams.items() if g)
    best, pair = 0.0, None
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            small, large = sorted((grams[a], grams[b]), key=len)
            share = len(small & large) / len(small)
            if pair is None or share > best:
                best, pair = share, (a, b)
    return best, pair


@dataclass
class CorpusStats:
    """The numbers :func:`compute` reports."""

    documents: int = 0
    characters: int = 0
    spans: dict[str, int] = field(default_factory=dict)
    distinct: dict[str, int] = field(default_factory=dict)
    distinct_entities: int = 0
    traditional: int = 0
    traditional_share: float = 0.0
    max_overlap: float = 0.0
    overlap_pair: tuple[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["overlap_pair"] = list(self.overlap_pair) if self.overlap_pair else None
        return out


def compute(records: list[dict[str, Any]]) -> CorpusStats:
    """Statistics of SCHEMA records (ids, texts and spans as in SCHEMA)."""
    texts = {str(r.get("id", i)): str(r.get("text", "")) for i, r in enumerate(records)}
    counts: Counter[str] = Counter()
    surfaces: dict[str, set[str]] = {label: set() for label in LABELS}
    for record in records:
        text = str(record.get("text", ""))
        for span in record.get("spans", []):
            label = span["label"]
            counts[label] += 1
            surfaces.setdefault(label, set()).add(text[span["start"]:span["end"]])
    traditional = sum(is_traditional(t) for t in texts.values())
    overlap, pair = max_ngram_overlap(texts)
    return CorpusStats(
        documents=len(records),
        characters=sum(len(t) for t in texts.values()),
        spans={label: counts[label] for label in surfaces},
        distinct={label: len(values) for label, values in surfaces.items()},
        distinct_entities=sum(len(surfaces[label]) for label in ENTITY_LABELS),
        traditional=traditional,
        traditional_share=traditional / len(records) if records else 0.0,
        max_overlap=overlap,
        overlap_pair=pair,
    )


def format_stats(stats: CorpusStats) -> str:
    """A plain-text table of ``stats``."""
    lines = [
        f"documents            {stats.documents}",
        f"characters           {stats.characters}",
        f"traditional          {stats.traditional} ({stats.traditional_share:.0%})",
        f"distinct LOC/ORG/INDUSTRY {stats.distinct_entities}",
        "label      spans  distinct",
    ]
    lines += [f"{label:<10} {stats.spans[label]:>5}  {stats.distinct[label]:>8}" for label in stats.spans]
    pair = " and ".join(stats.overlap_pair) if stats.overlap_pair else "-"
    lines.append(f"max {NGRAM}-gram overlap  {stats.max_overlap:.1%} ({pair})")
    return "\n".join(lines)
