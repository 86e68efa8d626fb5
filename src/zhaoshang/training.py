"""Retraining the pipeline from SCHEMA records with a spaCy config."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["train"]


def train(
    config: Path,
    train_path: Path,
    output: Path,
    *,
    public_limit: int = 0,
    overrides: dict[str, Any] | None = None,
) -> Path:
    """Train a pipeline and write the best one (scored on a held-out part of
    the training documents, never on the dev split) to ``output``.

    ``public_limit`` > 0 adds that many sentences of the public corpora under
    ``../shared/data`` when they are present. Returns ``output``.
    """
    from spacy.cli.train import train as spacy_train

    from .pipeline import fields  # noqa: F401  registers the Span extension

    if not train_path.is_file():
        raise FileNotFoundError(f"no training data at {train_path} (run `zhaoshang data build`)")
    settings: dict[str, Any] = {
        "paths.train": str(train_path),
        "corpora.train.public": public_limit > 0,
        "corpora.train.public_limit": public_limit,
    }
    settings.update(overrides or {})
    with tempfile.TemporaryDirectory(prefix="zhaoshang-train-") as tmp:
        spacy_train(config, Path(tmp), use_gpu=-1, overrides=settings)
        best = Path(tmp) / "model-best"
        if not best.is_dir():
            best = Path(tmp) / "model-last"
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(best, output)
    return output
