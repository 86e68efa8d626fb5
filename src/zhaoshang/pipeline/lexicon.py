"""The ``zhaoshang/lexicon`` component: names the training documents know.

``initialize()`` reads the training documents and keeps every ORG, LOC or
INDUSTRY name that is labelled consistently (one label in at least
``min_agreement`` of its mentions) and is annotated in at least
``min_coverage`` of the places where the string occurs, so generic words that
are only sometimes a name (能源, 算力) stay out. At run time, after the
statistical NER, every occurrence of a kept name that no entity overlaps is
added as an entity. The table is saved with the pipeline (``to_disk``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import filter_spans

_LABELS = ("ORG", "LOC", "INDUSTRY")


@Language.factory(
    "zhaoshang/lexicon",
    default_config={"min_count": 2, "min_agreement": 0.9, "min_coverage": 0.6, "min_length": 2},
    assigns=["doc.ents"],
)
def make_lexicon(nlp: Language, name: str, min_count: int, min_agreement: float, min_coverage: float,
                 min_length: int) -> Lexicon:
    return Lexicon(name=name, min_count=min_count, min_agreement=min_agreement, min_coverage=min_coverage,
                   min_length=min_length)


class Lexicon:
    """Adds entities for known names the model left out."""

    def __init__(self, *, name: str = "zhaoshang/lexicon", min_count: int = 2, min_agreement: float = 0.9,
                 min_coverage: float = 0.6, min_length: int = 2) -> None:
        self.name = name
        self.min_count = min_count
        self.min_agreement = min_agreement
        self.min_coverage = min_coverage
        self.min_length = min_length
        self.names: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None

    def _regex(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.names:
            alternatives = sorted(self.names, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(n) for n in alternatives))
        return self._pattern

    def __call__(self, doc: Doc) -> Doc:
        pattern = self._regex()
        if pattern is None:
            return doc
        ents = list(doc.ents)
        taken = [(e.start_char, e.end_char) for e in ents]
        added = []
        for m in pattern.finditer(doc.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            span = doc.char_span(m.start(), m.end(), label=self.names[m.group()])
            if span is not None:
                added.append(span)
        if added:
            doc.ents = filter_spans(ents + added)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None) -> None:
        labels: dict[str, Counter[str]] = {}
        texts = []
        for eg in get_examples():
            texts.append(eg.reference.text)
            for ent in eg.reference.ents:
                if ent.label_ in _LABELS and len(ent.text) >= self.min_length and ent.text.strip() == ent.text:
                    labels.setdefault(ent.text, Counter())[ent.label_] += 1
        corpus = "\n".join(texts)
        names = {}
        for text, counts in labels.items():
            label, n = counts.most_common(1)[0]
            total = sum(counts.values())
            if total < self.min_count or n / total < self.min_agreement:
                continue
            if total / max(1, corpus.count(text)) < self.min_coverage:
                continue
            names[text] = label
        self.names = dict(sorted(names.items()))
        self._pattern = None

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", {"min_count": self.min_count, "min_agreement": self.min_agreement,
                                             "min_coverage": self.min_coverage, "min_length": self.min_length})
        srsly.write_json(path / "names.json", self.names)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Lexicon:
        path = Path(path)
        cfg = srsly.read_json(path / "cfg.json")
        self.min_count, self.min_agreement = cfg["min_count"], cfg["min_agreement"]
        self.min_coverage, self.min_length = cfg["min_coverage"], cfg["min_length"]
        self.names = srsly.read_json(path / "names.json")
        self._pattern = None
        return self
