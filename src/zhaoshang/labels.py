"""The label set of SCHEMA v1: the one place that names the labels."""

from __future__ import annotations

from typing import Final, Literal

Label = Literal[
    "ORG", "LOC", "INDUSTRY", "MONEY", "PERCENT", "COUNT", "QUANTITY", "DATE", "PROJECT", "TARGET"
]

LAYER1: Final[tuple[str, ...]] = (
    "ORG", "LOC", "INDUSTRY", "MONEY", "PERCENT", "COUNT", "QUANTITY", "DATE",
)
LAYER2: Final[tuple[str, ...]] = ("PROJECT", "TARGET")
LABELS: Final[tuple[str, ...]] = LAYER1 + LAYER2

#: Labels whose spans carry a normalized number.
FIGURES: Final[tuple[str, ...]] = ("MONEY", "PERCENT", "COUNT", "QUANTITY")

#: Value fields each label may carry in a record (SCHEMA "Normalized values").
FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "MONEY": ("value", "value_max", "currency", "bound"),
    "PERCENT": ("value", "value_max", "bound"),
    "COUNT": ("value", "value_max", "unit", "bound"),
    "QUANTITY": ("value", "value_max", "unit", "bound"),
    "DATE": ("value",),
    "TARGET": ("value", "goal"),
    "ORG": (),
    "LOC": (),
    "INDUSTRY": (),
    "PROJECT": (),
}

#: Fields a record must carry for a span of the label.
REQUIRED: Final[dict[str, tuple[str, ...]]] = {
    "MONEY": ("value", "currency", "bound"),
    "PERCENT": ("value",),
    "COUNT": ("value", "unit"),
    "QUANTITY": ("value", "unit"),
}

BOUNDS: Final[tuple[str, ...]] = ("exact", "approx", "min", "max")
