"""What the library's normalizer makes of an annotated span.

Both the markup converter (which fills omitted figure fields) and the validator
(which recomputes every figure) read spans the same way:

1. normalize the whole document (:func:`zhaoshang.textnorm.normalize`), run
   :func:`zhaoshang.rules.find_rule_spans` on it and map the spans back to the
   original text; a rule span with the same offsets and label gives the fields;
2. otherwise the span is read alone (its normalized text through the same
   rules), with the bound taken from the document around it
   (:func:`zhaoshang.figures.bound_at`).

Units are reported as written in the original text (``噸``, not the ``吨`` of
the normalized copy), as the annotation guidelines require.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from ..figures import Found, bound_at
from ..labels import FIELDS
from ..numerals import parse_number
from ..rules import find_rule_spans
from ..textnorm import NormalizedText, normalize

__all__ = ["FILLED", "CHECKED", "Fields", "DocumentReader"]

#: Labels whose omitted fields the markup converter fills in.
FILLED: Final[tuple[str, ...]] = ("MONEY", "PERCENT", "COUNT", "QUANTITY", "DATE")
#: Labels whose fields the validator recomputes.
CHECKED: Final[tuple[str, ...]] = FILLED + ("TARGET",)

Fields = dict[str, str]


def _text_of(value: object) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


@dataclass
class DocumentReader:
    """The normalizer's reading of one document, keyed by original offsets."""

    norm: NormalizedText
    rule_spans: dict[tuple[int, int, str], Fields] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> DocumentReader:
        """Normalize ``text`` and run the rule layer over it."""
        reader = cls(normalize(text))
        for found in find_rule_spans(reader.norm.text):
            start, end = reader.norm.to_original(found.start, found.end)
            reader.rule_spans.setdefault((start, end, found.label), reader._fields(found))
        return reader

    def _fields(self, found: Found, offset: int = 0) -> Fields:
        """Record-style fields of ``found``, a span of the normalized text found ``offset`` characters in."""
        nstart, nend = found.start + offset, found.end + offset
        out: Fields = {}
        for name in FIELDS.get(found.label, ()):
            if name in found.fields:
                out[name] = _text_of(found.fields[name])
        # Units stay in normalized (Simplified, half-width) form: 噸 -> 吨.
        return out

    def _normalized_bounds(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_normalized(start, end)

    def read(self, start: int, end: int, label: str) -> Fields | None:
        """Fields the normalizer gives ``original[start:end]`` as ``label``; None if it cannot read it."""
        key = (start, end, label)
        if key in self.rule_spans:
            return dict(self.rule_spans[key])
        if label == "TARGET":
            return None
        nstart, nend = self._normalized_bounds(start, end)
        piece = self.norm.text[nstart:nend]
        if not piece:
            return None
        for found in find_rule_spans(piece):
            if (found.start, found.end, found.label) == (0, len(piece), label):
                fields = self._fields(found, nstart)
                if "bound" in fields:
                    fields["bound"] = bound_at(self.norm.text, nstart, nend, inner=fields["bound"] == "min")
                return fields
        if label == "MONEY":
            value = parse_number(piece)
            if value is not None:
                return {"value": _text_of(value), "currency": "CNY",
                        "bound": bound_at(self.norm.text, nstart, nend)}
        return None
