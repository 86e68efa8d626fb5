"""Building ``corpus.jsonl`` and the fixed train/dev split from the markup files.

The split lives in ``split.json``: ``{"dev": [ids], "train": [ids]}``. Once it
exists no document moves; a document in neither list is new and is assigned by
a stable hash of its id. When the file does not exist it is created: about 22%
of the documents go to dev by hash, then dev is completed so that it holds the
required seeds, at least 20% Traditional documents (and at least 20% of all
Traditional documents) and every label.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ..labels import LABELS
from ..records import dumps
from .loading import Document, Finding, load
from .stats import is_traditional
from .validate import validate_documents

__all__ = ["DEV_SHARE", "REQUIRED_DEV", "BuildError", "BuildResult", "build", "default_root", "make_split",
           "dev_by_hash"]

DEV_SHARE: Final = 0.22
TRADITIONAL_SHARE: Final = 0.20
#: Seeds that must be in dev: the Traditional seed and the second Simplified one.
REQUIRED_DEV: Final[tuple[str, ...]] = ("001_57ab336347a84060", "002_d961d57cd21cf1ce")


class BuildError(RuntimeError):
    """The markup files have errors; nothing was written."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} errors in the annotated data")
        self.findings = findings


@dataclass
class BuildResult:
    """What :func:`build` wrote."""

    corpus: Path
    train: list[str] = field(default_factory=list)
    dev: list[str] = field(default_factory=list)
    new_in_split: list[str] = field(default_factory=list)
    split_created: bool = False


def default_root() -> Path:
    """The repository's ``training_data`` (beside ``src/``), else ``./training_data``."""
    repo = Path(__file__).resolve().parents[3] / "training_data"
    return repo if repo.is_dir() else Path.cwd() / "training_data"


def hash_share(doc_id: str) -> float:
    """A stable number in [0, 1) for ``doc_id`` (SHA-256, not Python's salted hash)."""
    return int.from_bytes(hashlib.sha256(doc_id.encode("utf-8")).digest()[:8], "big") / 2**64


def dev_by_hash(doc_id: str) -> bool:
    """Whether a new document goes to dev."""
    return hash_share(doc_id) < DEV_SHARE


def make_split(records: list[dict[str, Any]]) -> set[str]:
    """The dev ids of a new split of ``records`` (see the module docstring)."""
    by_hash = sorted(records, key=lambda r: hash_share(r["id"]))
    dev = {r["id"] for r in records if dev_by_hash(r["id"]) or r["id"] in REQUIRED_DEV}
    traditional = [r["id"] for r in by_hash if is_traditional(r["text"])]

    def enough_traditional() -> bool:
        in_dev = sum(doc_id in dev for doc_id in traditional)
        return in_dev >= TRADITIONAL_SHARE * len(dev) and in_dev >= TRADITIONAL_SHARE * len(traditional)

    for label in LABELS:
        if any(s["label"] == label for r in records if r["id"] in dev for s in r["spans"]):
            continue
        having = next((r for r in by_hash if any(s["label"] == label for s in r["spans"])), None)
        if having is not None:
            dev.add(having["id"])
    for doc_id in traditional:
        if enough_traditional():
            break
        dev.add(doc_id)
    return dev


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(dumps(record) + "\n")


def build(authored_dirs: list[Path] | None = None, out_dir: Path | None = None) -> BuildResult:
    """Convert every markup .txt file of ``authored_dirs`` and write the corpus and its split.

    Defaults: ``training_data/seeds`` and ``training_data/authored`` in, and
    ``training_data`` out (``corpus.jsonl``, ``train.jsonl``, ``dev.jsonl``,
    ``split.json``). Raises :class:`BuildError`, writing nothing, when any file
    has an error (markup, structure, duplicate id).
    """
    root = default_root()
    out_dir = Path(out_dir) if out_dir is not None else root
    dirs = [Path(d) for d in authored_dirs] if authored_dirs is not None else [root / "seeds", root / "authored"]
    docs: list[Document] = []
    problems: list[Finding] = []
    for folder in dirs:
        if not folder.is_dir():
            problems.append(Finding("error", "missing", str(folder), "no such folder"))
            continue
        for file in sorted(folder.glob("*.txt")):
            got, found = load(file)
            docs.extend(got)
            problems.extend(found)
    errors = [f for f in problems + validate_documents(docs, values=False) if f.severity == "error"]
    if errors:
        raise BuildError(errors)
    records = sorted((d.record for d in docs), key=lambda r: r["id"])
    split_path = out_dir / "split.json"
    created = not split_path.exists()
    new: list[str] = []
    if created:
        dev = make_split(records)
        train = {r["id"] for r in records} - dev
    else:
        saved = json.loads(split_path.read_text(encoding="utf-8"))
        dev, train = set(saved["dev"]), set(saved.get("train", []))
        if "train" not in saved:  # a split that lists only dev: everything else is train
            train = {r["id"] for r in records} - dev
        for record in records:
            if record["id"] not in dev and record["id"] not in train:
                new.append(record["id"])
                (dev if dev_by_hash(record["id"]) else train).add(record["id"])
    out_dir.mkdir(parents=True, exist_ok=True)
    if created or new:
        split_path.write_text(json.dumps({"dev": sorted(dev), "train": sorted(train)}, ensure_ascii=False,
                                         indent=1) + "\n", encoding="utf-8")
    corpus = out_dir / "corpus.jsonl"
    _write_jsonl(corpus, records)
    _write_jsonl(out_dir / "train.jsonl", [r for r in records if r["id"] in train])
    _write_jsonl(out_dir / "dev.jsonl", [r for r in records if r["id"] in dev])
    return BuildResult(corpus=corpus, train=sorted(r["id"] for r in records if r["id"] in train),
                       dev=sorted(r["id"] for r in records if r["id"] in dev), new_in_split=new,
                       split_created=created)
