"""Corpus statistics on a tiny corpus."""

from __future__ import annotations

import random
import time
from typing import Any

from zhaoshang.corpus.stats import compute, han_change_ratio, is_traditional, max_ngram_overlap

CORPUS: list[dict[str, Any]] = [
    {"id": "s1", "text": "西宁开发区签约项目23项，涉及锂电和光伏。", "spans": [
        {"start": 0, "end": 5, "label": "LOC"}, {"start": 9, "end": 12, "label": "COUNT", "value": "23", "unit": "项"},
        {"start": 15, "end": 17, "label": "INDUSTRY"}, {"start": 18, "end": 20, "label": "INDUSTRY"}]},
    {"id": "t1", "text": "西寧市實施招商引資項目84項，圍繞鋰電。", "spans": [
        {"start": 0, "end": 3, "label": "LOC"}, {"start": 16, "end": 18, "label": "INDUSTRY"}]},
    {"id": "s2", "text": "西宁开发区签约项目23项，涉及锂电和光伏。另有新项目。", "spans": [
        {"start": 0, "end": 5, "label": "LOC"}, {"start": 15, "end": 17, "label": "INDUSTRY"}]},
]


def test_traditional_detection() -> None:
    assert is_traditional(CORPUS[1]["text"]) and not is_traditional(CORPUS[0]["text"])
    assert han_change_ratio("abc") == 0.0
    # One Traditional character in 60 Han characters is 1.7%: still Simplified.
    assert not is_traditional("為" + "我们在西宁开发区签约" * 6)
    assert is_traditional("為" + "我们在西宁开发区签约" * 4)


def test_numbers_on_a_tiny_corpus() -> None:
    stats = compute(CORPUS)
    assert stats.documents == 3
    assert stats.characters == 21 + 20 + 27
    assert stats.spans["LOC"] == 3 and stats.spans["INDUSTRY"] == 4 and stats.spans["COUNT"] == 1
    assert stats.spans["ORG"] == 0
    assert stats.distinct["LOC"] == 2  # 西宁开发区, 西寧市
    assert stats.distinct["INDUSTRY"] == 3  # 锂电, 光伏, 鋰電
    assert stats.distinct_entities == 5
    assert stats.traditional == 1 and abs(stats.traditional_share - 1 / 3) < 1e-9
    assert stats.overlap_pair == ("s1", "s2") and stats.max_overlap == 1.0


def test_overlap_counts_over_the_smaller_document() -> None:
    share, pair = max_ngram_overlap({"a": "abcdefghij", "b": "xxabcdefghxx", "c": "short"}, n=8)
    # a has 3 grams (abcdefgh, bcdefghi, cdefghij); b shares one of them.
    assert pair == ("a", "b") and abs(share - 1 / 3) < 1e-9
    assert max_ngram_overlap({"a": "tiny"}) == (0.0, None)


def test_two_hundred_documents_are_fast() -> None:
    rng = random.Random(7)
    alphabet = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
    texts = {f"d{i}": "".join(rng.choice(alphabet) for _ in range(1500)) for i in range(200)}
    start = time.perf_counter()
    share, pair = max_ngram_overlap(texts)
    assert time.perf_counter() - start < 30
    assert pair is not None and 0 <= share < 0.05
