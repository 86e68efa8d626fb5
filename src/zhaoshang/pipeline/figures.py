"""The ``zhaoshang/figures`` component: figures and dates with normalized values.

Runs after the statistical NER. The rule layer (:mod:`zhaoshang.rules`) finds
figures and dates with their values; in ``mode="rules"`` they replace every
figure or date the model proposed (the model keeps ORG, LOC and INDUSTRY);
in ``mode="merge"`` a model figure that no rule span overlaps is kept when the
normalizer can read a value from it, and dropped otherwise, so no figure is
ever returned without its value.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..labels import FIGURES
from ..records import fields_to_strings
from ..rules import find_rule_spans
from .fields import LAYER2_KEY

_RULE_LABELS = frozenset((*FIGURES, "DATE"))


@Language.factory(
    "zhaoshang/figures",
    default_config={"mode": "rules"},
    assigns=["doc.ents", "doc.spans", "span._.zs_fields"],
)
def make_figures(nlp: Language, name: str, mode: str) -> FigureNormalizer:
    return FigureNormalizer(name=name, mode=mode)


class FigureNormalizer:
    """Sets figure and date entities with values, and rule TARGET spans."""

    def __init__(self, *, name: str = "zhaoshang/figures", mode: str = "rules") -> None:
        if mode not in ("rules", "merge"):
            raise ValueError(f"mode must be 'rules' or 'merge', not {mode!r}")
        self.name = name
        self.mode = mode

    def __call__(self, doc: Doc) -> Doc:
        found = find_rule_spans(doc.text)
        rule_ents = []
        layer2 = list(doc.spans.get(LAYER2_KEY, []))
        for f in found:
            span = doc.char_span(f.start, f.end, label=f.label, alignment_mode="expand")
            if span is None:
                continue
            span._.zs_fields = fields_to_strings(f.fields)
            (layer2 if f.label == "TARGET" else rule_ents).append(span)
        model_ents = []
        for ent in doc.ents:
            if ent.label_ not in _RULE_LABELS:
                model_ents.append(ent)
            elif self.mode == "merge":
                read = self._read_alone(doc, ent)
                if read is not None:
                    model_ents.append(read)
        # Rule figures win over overlapping model entities.
        kept = [e for e in model_ents if not any(r.start < e.end and e.start < r.end for r in rule_ents)]
        doc.set_ents(filter_spans([*rule_ents, *kept]))
        doc.spans[LAYER2_KEY] = layer2
        return doc

    @staticmethod
    def _read_alone(doc: Doc, ent: Span) -> Span | None:
        for f in find_rule_spans(ent.text):
            if f.start == 0 and f.end == len(ent.text) and f.label == ent.label_:
                span = Span(doc, ent.start, ent.end, label=ent.label_)
                span._.zs_fields = fields_to_strings(f.fields)
                return span
        return None

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", {"mode": self.mode})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> FigureNormalizer:
        cfg: dict[str, Any] = srsly.read_json(Path(path) / "cfg.json")
        self.mode = cfg["mode"]
        return self

