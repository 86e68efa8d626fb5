"""The rule layer: figures, dates and targets found in normalized text.

This is what the library knows without a statistical model, and what the
pipeline's normalization component reuses to set values on the model's spans.
"""

from __future__ import annotations

from .dates import find_dates
from .figures import Found, find_figures, resolve
from .targets import find_targets

__all__ = ["find_rule_spans"]


def find_rule_spans(text: str) -> list[Found]:
    """Layer-1 figures and dates (not overlapping) plus TARGET spans."""
    layer1 = resolve(find_figures(text) + find_dates(text))
    figures = [f for f in layer1 if f.label != "DATE"]
    return layer1 + find_targets(text, figures)
