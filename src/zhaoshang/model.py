"""Loading the trained pipeline: the shipped default or a retrained one.

The default model is found, in order, at ``$ZHAOSHANG_MODEL``, inside the
installed package (``zhaoshang/_model``) and in the source tree's
``models/zh_zhaoshang``. Loading never touches the network. Without a model,
parsing falls back to the rule layer alone and says so once (a warning).
"""

from __future__ import annotations

import os
import warnings
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODEL_NAME", "default_model_path", "load_pipeline", "default_pipeline"]

MODEL_NAME = "zh_zhaoshang"


def default_model_path() -> Path | None:
    """Where the default model is, or None when there is none."""
    env = os.environ.get("ZHAOSHANG_MODEL")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "_model", here.parents[1] / "models" / MODEL_NAME):
        if (candidate / "config.cfg").is_file():
            return candidate
    return None


def load_pipeline(path: str | Path) -> Language:
    """Load a spaCy pipeline directory written by ``zhaoshang train``."""
    import spacy

    from .pipeline import fields  # noqa: F401  registers the Span extension

    path = Path(path)
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"{path} is not a zhaoshang model directory (no config.cfg)")
    return spacy.load(path)


@lru_cache(maxsize=1)
def default_pipeline() -> Language | None:
    """The default pipeline, loaded once per process; None if no model is installed."""
    path = default_model_path()
    if path is None:
        warnings.warn(
            "no trained zhaoshang model found: only figures, dates and targets are extracted "
            "(set ZHAOSHANG_MODEL or run `zhaoshang train`)",
            RuntimeWarning,
            stacklevel=3,
        )
        return None
    return load_pipeline(path)
