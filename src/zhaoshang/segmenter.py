"""Building the pkuseg word-segmenter model for spaCy's Chinese tokenizer, offline.

spacy-pkuseg ships no model of its own and downloads one at run time, which
fails without internet. The CTB8 (news) model is on the package registry
inside the ``pkuseg==0.0.12`` wheel, in pkuseg's old text format. This module
fetches that wheel with pip and converts it into the directory spacy-pkuseg
loads (``features.msgpack`` + ``weights.npz``)::

    from zhaoshang.segmenter import build_pkuseg_model
    model_dir = build_pkuseg_model(Path("build/pkuseg_ctb8"), Path("build/pkuseg-cache"))
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=model_dir)

It is a build step (``scripts/build_pkuseg.py``), never run at parse time: a
trained pipeline carries the segmenter inside its ``tokenizer`` directory.

Source format (pkuseg 0.0.12, ``pkuseg/models/ctb8/`` in the wheel):

* ``featureIndex.txt_0`` .. ``_9``: ``"<slot>.<feature> <index>"`` lines; the
  slot is the 1-based feature template. spacy-pkuseg keys features by
  ``<feature>`` alone (its own old-format loader strips the slot the same way).
* ``unigram_word.txt`` / ``bigram_word.txt``: one word (``w1*w2``) per line.
* ``tagIndex.txt``: ``"<tag> <index>"`` lines.
* ``model.txt``: ``n_tag``, ``len(w)``, then ``len(w)`` weights one per line,
  ``len(w) == n_tag * (n_feature + n_tag)``.

Target format (spacy_pkuseg ``FeatureExtractor.load`` / ``Model.load``):

* ``features.msgpack``: ``{"unigram": [...], "bigram": [...],
  "feature_to_idx": {feature: index}, "tag_to_idx": {tag: index}}``
* ``weights.npz``: ``sizes = [n_tag, n_feature]``, ``w`` as float64 (the
  Cython decoder needs doubles).

pkuseg 0.0.12 reads ``model.txt`` with ``range(2, wsize)`` and so drops the
last two (transition) weights; this converter keeps all of them, i.e. the
model as trained. Licence: the wheel's code is MIT; the CTB8 weights are
trained on an LDC corpus and their licence is not stated.
"""

from __future__ import annotations

import hashlib
import io
import logging
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final

__all__ = [
    "PKUSEG_REQUIREMENT",
    "WHEEL_NAME",
    "WHEEL_SHA256",
    "build_pkuseg_model",
    "convert_ctb8_wheel",
    "fetch_wheel",
    "is_model_dir",
]

log = logging.getLogger(__name__)

PKUSEG_REQUIREMENT: Final = "pkuseg==0.0.12"
WHEEL_NAME: Final = "pkuseg-0.0.12-py3-none-any.whl"
#: SHA-256 of the registry's wheel; a different file is refused.
WHEEL_SHA256: Final = "0c54086810c01ce3d20a9ede0b026decad817ef0a1bd771841e46208ef756c50"

_MODEL_PREFIX: Final = "pkuseg/models/ctb8/"
_N_TEMPLATES: Final = 10
_MODEL_FILES: Final = ("features.msgpack", "weights.npz")


def is_model_dir(path: Path) -> bool:
    """True when ``path`` holds a complete spacy-pkuseg model."""
    return all((path / name).is_file() for name in _MODEL_FILES)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_wheel(cache_dir: Path) -> Path:
    """The ``pkuseg==0.0.12`` wheel in ``cache_dir``, downloaded with pip if absent.

    Raises RuntimeError when pip fails and ValueError when the file's SHA-256
    is not :data:`WHEEL_SHA256`.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    wheel = cache_dir / WHEEL_NAME
    if not wheel.is_file():
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
               PKUSEG_REQUIREMENT, "-d", str(cache_dir)]
        log.info("downloading %s: %s", PKUSEG_REQUIREMENT, " ".join(cmd))
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0 or not wheel.is_file():
            raise RuntimeError(f"pip download of {PKUSEG_REQUIREMENT} failed:\n{proc.stdout}{proc.stderr}")
    digest = _sha256(wheel)
    if digest != WHEEL_SHA256:
        raise ValueError(f"{wheel} has SHA-256 {digest}, expected {WHEEL_SHA256}; delete it and retry")
    return wheel


def _lines(zf: zipfile.ZipFile, name: str) -> Iterator[str]:
    with zf.open(_MODEL_PREFIX + name) as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            line = line.rstrip("\r\n")
            if line.strip():
                yield line


def _read_features(zf: zipfile.ZipFile) -> dict[str, int]:
    feature_to_idx: dict[str, int] = {}
    for slot in range(_N_TEMPLATES):
        for line in _lines(zf, f"featureIndex.txt_{slot}"):
            feature, index = line.rsplit(" ", 1)
            number, dot, name = feature.partition(".")
            if not (dot and number.isdigit()):
                raise ValueError(f"unexpected feature line: {line!r}")
            if name in feature_to_idx:
                raise ValueError(f"feature {name!r} occurs in two template slots")
            feature_to_idx[name] = int(index)
    if sorted(feature_to_idx.values()) != list(range(len(feature_to_idx))):
        raise ValueError("feature indices are not 0..n-1")
    return feature_to_idx


def _read_weights(fh: IO[bytes], n_tag: int, n_feature: int) -> Any:
    import numpy as np

    text = io.TextIOWrapper(fh, encoding="utf-8")
    if int(text.readline()) != n_tag:
        raise ValueError("model.txt: number of tags disagrees with tagIndex.txt")
    size = int(text.readline())
    if size != n_tag * (n_feature + n_tag):
        raise ValueError(f"model.txt: {size} weights, expected n_tag * (n_feature + n_tag)")
    w = np.loadtxt(text, dtype=np.float64, max_rows=size)
    if w.shape != (size,):
        raise ValueError(f"model.txt: read {w.shape[0]} weights, header says {size}")
    return w


def convert_ctb8_wheel(wheel: Path, out_dir: Path, *, compress: bool = False) -> dict[str, int]:
    """Write the CTB8 model of a ``pkuseg==0.0.12`` wheel to ``out_dir`` in
    spacy-pkuseg's format (read straight from the wheel, nothing installed).

    ``compress`` writes ``weights.npz`` compressed (about half the size, slower
    to load). Returns the model's sizes.
    """
    import numpy as np
    import srsly

    with zipfile.ZipFile(wheel) as zf:
        feature_to_idx = _read_features(zf)
        unigram = sorted({line.strip() for line in _lines(zf, "unigram_word.txt")})
        bigram = sorted({line.strip() for line in _lines(zf, "bigram_word.txt")})
        tag_to_idx = {tag: int(index) for tag, index in (line.split() for line in _lines(zf, "tagIndex.txt"))}
        with zf.open(_MODEL_PREFIX + "model.txt") as fh:
            w = _read_weights(fh, len(tag_to_idx), len(feature_to_idx))
    out_dir.mkdir(parents=True, exist_ok=True)
    srsly.write_msgpack(out_dir / "features.msgpack", {
        "unigram": unigram, "bigram": bigram, "feature_to_idx": feature_to_idx, "tag_to_idx": tag_to_idx,
    })
    save = np.savez_compressed if compress else np.savez
    save(out_dir / "weights.npz", sizes=np.array([len(tag_to_idx), len(feature_to_idx)]),
         w=np.ascontiguousarray(w, dtype=np.float64))
    return {"n_tag": len(tag_to_idx), "n_feature": len(feature_to_idx), "n_weights": int(w.shape[0]),
            "n_unigram": len(unigram), "n_bigram": len(bigram)}


def build_pkuseg_model(out_dir: Path, cache_dir: Path, *, compress: bool = False) -> Path:
    """Make sure ``out_dir`` holds the CTB8 pkuseg model; return ``out_dir``.

    Idempotent: an existing complete model is left as it is. Otherwise the
    wheel is fetched into ``cache_dir`` (kept for the next build) and converted
    into a temporary directory beside ``out_dir`` that is then renamed, so an
    interrupted build never leaves a half-written model behind.
    """
    out_dir = Path(out_dir)
    if is_model_dir(out_dir):
        log.info("pkuseg model already at %s", out_dir)
        return out_dir
    if out_dir.exists() and any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir} exists but is not a pkuseg model; remove it first")
    wheel = fetch_wheel(Path(cache_dir))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        tmp.chmod(0o755)  # mkdtemp makes it private
        info = convert_ctb8_wheel(wheel, tmp, compress=compress)
        if out_dir.exists():
            out_dir.rmdir()
        tmp.rename(out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("pkuseg model written to %s: %s", out_dir, info)
    return out_dir
