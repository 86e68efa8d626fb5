"""Training-time corpus reader: SCHEMA records -> spaCy Examples.

Registered as ``zhaoshang.Corpus.v1`` (entry point ``spacy_readers``). Texts
are normalized exactly as :func:`zhaoshang.parse` normalizes them, and gold
spans are mapped onto the normalized copy. Layer-1 spans become ``doc.ents``;
PROJECT spans go to ``doc.spans[PROJECT_KEY]`` for the span categorizer.
``ner_labels`` restricts the entities to some labels (the others are then
plain text to the NER): the shipped config leaves figures and dates to the
rule layer, which replaces whatever the model would propose for them.
Entities that do not align with tokens (only possible with a word segmenter)
are counted and left out.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from ..labels import LAYER1
from ..records import read_records
from ..textnorm import normalize

__all__ = ["PROJECT_KEY", "record_to_example", "read_examples"]

PROJECT_KEY = "zs_projects"
log = logging.getLogger(__name__)
#: Counts of gold spans kept and lost to token misalignment, by label.
ALIGNMENT: dict[str, list[int]] = {}


def _in_part(doc_id: str, part: str, valid_fraction: float) -> bool:
    if part == "all":
        return True
    bucket = int(hashlib.sha1(doc_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return (bucket < valid_fraction) == (part == "valid")


def record_to_example(nlp: Language, record: dict[str, Any],
                      ner_labels: frozenset[str] | None = None) -> Example:
    """One SCHEMA record as a training Example on normalized text."""
    norm = normalize(str(record["text"]))
    predicted = nlp.make_doc(norm.text)
    reference = nlp.make_doc(norm.text)
    ents, projects = [], []
    for span in record.get("spans", []):
        label = span["label"]
        if label not in LAYER1 and label != "PROJECT":
            continue
        if label in LAYER1 and ner_labels is not None and label not in ner_labels:
            continue
        start, end = norm.to_normalized(int(span["start"]), int(span["end"]))
        counts = ALIGNMENT.setdefault(label, [0, 0])
        char_span = reference.char_span(start, end, label=label) if end > start else None
        if char_span is None:
            counts[1] += 1
            continue
        counts[0] += 1
        (ents if label in LAYER1 else projects).append(char_span)
    reference.set_ents(ents, default="outside")
    reference.spans[PROJECT_KEY] = projects
    return Example(predicted, reference)


def read_examples(nlp: Language, records: Iterator[dict[str, Any]],
                  ner_labels: frozenset[str] | None = None) -> Iterator[Example]:
    for record in records:
        yield record_to_example(nlp, record, ner_labels)


@registry.readers("zhaoshang.Corpus.v1")
def create_corpus(
    path: Path,
    part: str = "all",
    valid_fraction: float = 0.12,
    public: bool = False,
    public_limit: int = 0,
    limit: int = 0,
    ner_labels: list[str] | None = None,
) -> Callable[[Language], Iterator[Example]]:
    """Examples from a SCHEMA JSON Lines file (``part``: all, train or valid,
    split by a stable hash of the document id), optionally followed by up to
    ``public_limit`` sentences of the public corpora under ``../shared/data``.
    ``ner_labels`` (None: all of layer 1) are the entity labels kept."""
    unknown = set(ner_labels or ()) - set(LAYER1)
    if unknown:
        raise ValueError(f"ner_labels: not layer-1 labels: {sorted(unknown)}")
    keep = frozenset(ner_labels) if ner_labels is not None else None

    def reader(nlp: Language) -> Iterator[Example]:
        n = 0
        for record in read_records(path):
            if _in_part(str(record["id"]), part, valid_fraction):
                yield record_to_example(nlp, record, keep)
                n += 1
                if limit and n >= limit:
                    return
        if public and part != "valid" and public_limit:
            from ..corpus.public import public_records

            yield from read_examples(nlp, public_records(limit=public_limit), keep)

    return reader
