"""The ``zhaoshang/word_features`` component: word information for character tokens.

The pipeline reads Chinese one character per token (no entity is ever lost
to a word boundary). This component, first in the pipeline, adds what a word
segmenter knows, as token attributes the embedding layer hashes:

- ``LEMMA``: the word (from jieba) that contains the character;
- ``TAG``: the character's position in that word (B, I, E, S), the word's
  length and the word's part of speech in jieba's dictionary (``ns`` place,
  ``nt`` organization, ``nz`` other proper noun, ...): a gazetteer of some
  350,000 words that the small annotated corpus cannot teach;
- ``NORM``: the character bigram starting at the character.

``initialize()`` collects a domain lexicon, the ORG, LOC and INDUSTRY names of
the training documents, and adds it to the segmenter's dictionary so that
known names come out as words; ``to_disk`` saves that lexicon with the pipeline.
It must be listed in ``[training] annotating_components`` so the features are
set on the training documents too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.attrs import LEMMA, NORM, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

_LEXICON_LABELS = ("ORG", "LOC", "INDUSTRY")


@Language.factory(
    "zhaoshang/word_features",
    default_config={"use_lexicon": True, "min_count": 1},
    assigns=["token.lemma", "token.tag", "token.norm"],
)
def make_word_features(nlp: Language, name: str, use_lexicon: bool, min_count: int) -> WordFeatures:
    return WordFeatures(nlp, name=name, use_lexicon=use_lexicon, min_count=min_count)


class WordFeatures:
    """Sets word, word-position and bigram features on character tokens."""

    def __init__(self, nlp: Language, *, name: str = "zhaoshang/word_features",
                 use_lexicon: bool = True, min_count: int = 1) -> None:
        self.nlp = nlp
        self.name = name
        self.use_lexicon = use_lexicon
        self.min_count = min_count
        self.lexicon: list[str] = []
        self._segmenter: Any = None
        self._word_tags: dict[str, str] = {}
        self._tag_hashes: dict[tuple[str, int, str], int] = {}

    # -- segmenter ---------------------------------------------------------
    def _tokenizer(self) -> Any:
        if self._segmenter is None:
            import jieba
            import jieba.posseg

            jieba.setLogLevel(logging.WARNING)
            segmenter = jieba.Tokenizer()
            segmenter.initialize()
            for word in self.lexicon if self.use_lexicon else ():
                segmenter.add_word(word, freq=None)
            self._segmenter = segmenter
            self._word_tags = jieba.posseg.dt.word_tag_tab
        return self._segmenter

    # -- pipeline API ------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        text = doc.text
        add = self.nlp.vocab.strings.add
        word_of = [0] * len(text)
        tag_of = [0] * len(text)
        segmenter = self._tokenizer()
        tags = self._word_tags
        tag_hashes = self._tag_hashes
        for word, start, end in segmenter.tokenize(text):
            size = end - start
            word_hash = add(word)
            kind = tags.get(word, "?")
            for i in range(start, end):
                word_of[i] = word_hash
                pos = "S" if size == 1 else "B" if i == start else "E" if i == end - 1 else "I"
                key = (pos, size, kind)
                tag = tag_hashes.get(key)
                if tag is None:
                    tag = tag_hashes[key] = add(f"{pos}{min(size, 6)}{kind}")
                tag_of[i] = tag
        idxs = [token.idx for token in doc]
        values = numpy.array(
            [(word_of[i], tag_of[i], add(text[i:i + 2])) for i in idxs], dtype="uint64"
        ).reshape(len(idxs), 3)
        doc.from_array([LEMMA, TAG, NORM], values)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None,
                   lexicon: list[str] | None = None) -> None:
        """Collect the lexicon from the training examples (or take ``lexicon``)."""
        if lexicon is None:
            counts: dict[str, int] = {}
            for eg in get_examples():
                for ent in eg.reference.ents:
                    if ent.label_ in _LEXICON_LABELS and len(ent.text) >= 2 and not ent.text.isspace():
                        counts[ent.text] = counts.get(ent.text, 0) + 1
            lexicon = sorted(w for w, n in counts.items() if n >= self.min_count)
        self.lexicon = lexicon
        self._segmenter = None

    # -- serialization -----------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", {"use_lexicon": self.use_lexicon, "min_count": self.min_count})
        (path / "lexicon.txt").write_text("".join(w + "\n" for w in self.lexicon), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> WordFeatures:
        path = Path(path)
        cfg = srsly.read_json(path / "cfg.json")
        self.use_lexicon, self.min_count = bool(cfg["use_lexicon"]), int(cfg["min_count"])
        self.lexicon = (path / "lexicon.txt").read_text(encoding="utf-8").splitlines()
        self._segmenter = None
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"use_lexicon": self.use_lexicon, "min_count": self.min_count,
                                    "lexicon": self.lexicon})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> WordFeatures:
        msg = srsly.msgpack_loads(data)
        self.use_lexicon, self.min_count, self.lexicon = msg["use_lexicon"], msg["min_count"], msg["lexicon"]
        self._segmenter = None
        return self
