"""Readers for public Chinese NER corpora, as SCHEMA records for training time only.

The data stays in ``../shared/data`` (no licence stated: read it, never copy it
into the repository). Only ORG and LOC are kept:

* CLUENER2020 (``cluener2020/*.json``): company, government, organization ->
  ORG; address -> LOC; other types dropped. Its ``end`` offsets are inclusive.
* MSRA NER (``msra_ner/*.bio``, character-level BIO): ORG -> ORG, LOC -> LOC,
  PER dropped.

When a folder does not exist the readers log a notice and yield nothing.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

__all__ = ["CLUENER_LABELS", "MSRA_LABELS", "shared_data", "cluener_records", "msra_records",
           "public_records"]

log = logging.getLogger(__name__)

CLUENER_LABELS: Final[dict[str, str]] = {
    "company": "ORG", "government": "ORG", "organization": "ORG", "address": "LOC",
}
MSRA_LABELS: Final[dict[str, str]] = {"ORG": "ORG", "LOC": "LOC"}


def shared_data() -> Path:
    """Where the public corpora are: ``$ZHAOSHANG_SHARED_DATA``, else
    ``../shared/data`` beside the working directory (the repository)."""
    env = os.environ.get("ZHAOSHANG_SHARED_DATA")
    return Path(env) if env else Path.cwd().parent / "shared" / "data"


def _folder(folder: Path | str | None, name: str) -> Path | None:
    path = Path(folder) if folder is not None else shared_data() / name
    if not path.is_dir():
        log.warning("public corpus folder %s does not exist: no %s records", path, name)
        return None
    return path


def _clean(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """Trim whitespace at span edges and keep the leftmost-longest of overlapping spans."""
    out: list[dict[str, Any]] = []
    trimmed = []
    for start, end, label in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end, label))
    for start, end, label in sorted(set(trimmed), key=lambda s: (s[0], -s[1], s[2])):
        if out and start < out[-1]["end"]:
            continue
        out.append({"start": start, "end": end, "label": label})
    return out


def cluener_records(folder: Path | str | None = None) -> Iterator[dict[str, Any]]:
    """Records of the labelled CLUENER2020 files (``test.json`` has no labels and gives none)."""
    path = _folder(folder, "cluener2020")
    if path is None:
        return
    for file in sorted(path.glob("*.json")):
        with open(file, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                item = json.loads(line)
                if "label" not in item:
                    continue
                text = item["text"]
                spans = [(start, end + 1, CLUENER_LABELS[kind])  # inclusive end
                         for kind, mentions in item["label"].items() if kind in CLUENER_LABELS
                         for places in mentions.values() for start, end in places]
                yield {"id": f"cluener-{file.stem}-{lineno}", "text": text, "spans": _clean(text, spans)}


def _bio_record(doc_id: str, chars: list[str], tags: list[str]) -> dict[str, Any]:
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        label = MSRA_LABELS.get(kind)
        if label is None:
            continue
        if prefix == "I" and spans and spans[-1][1] == i and spans[-1][2] == label:
            spans[-1] = (spans[-1][0], i + 1, label)
        else:  # B-, or an I- that continues nothing
            spans.append((i, i + 1, label))
    text = "".join(chars)
    return {"id": doc_id, "text": text, "spans": _clean(text, spans)}


def msra_records(folder: Path | str | None = None) -> Iterator[dict[str, Any]]:
    """Records of the MSRA BIO files, one per blank-line-separated block."""
    path = _folder(folder, "msra_ner")
    if path is None:
        return
    for file in sorted(path.glob("*.bio")):
        chars: list[str] = []
        tags: list[str] = []
        number = 0
        with open(file, encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if not line.strip() and "\t" not in line:
                    if chars:
                        number += 1
                        yield _bio_record(f"msra-{file.stem}-{number}", chars, tags)
                    chars, tags = [], []
                    continue
                char, _, tag = line.partition("\t")
                chars.append(char[:1] or " ")
                tags.append(tag.strip() or "O")
        if chars:
            yield _bio_record(f"msra-{file.stem}-{number + 1}", chars, tags)


def public_records(limit: int) -> Iterator[dict[str, Any]]:
    """Up to ``limit`` records from the training files of both corpora,
    alternating CLUENER and MSRA sentences (deterministic). Only sentences with
    at least one ORG or LOC are used."""
    def train_only(records: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        return (r for r in records if "train" in str(r["id"]) and r["spans"])

    pairs = itertools.zip_longest(train_only(cluener_records()), train_only(msra_records()))
    chain = (r for pair in pairs for r in pair if r is not None)
    yield from itertools.islice(chain, limit)
