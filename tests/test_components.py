"""Rule components of the pipeline, on documents with hand-set entities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from zhaoshang.pipeline.org_names import OrgNames
from zhaoshang.pipeline.word_features import WordFeatures


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("zh")


def doc_with(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    doc = nlp.make_doc(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    return doc


ORG_CASES = {
    "place_head_of_company": ("四川顺金隆铝业有限公司年产5万吨", [("四川", "LOC")], [("四川顺金隆铝业有限公司", "ORG")]),
    "agency_labelled_place": ("北京经开区管委会表示", [("北京经开区管委会", "LOC")], [("北京经开区管委会", "ORG")]),
    "place_then_company": ("青海丽豪半导体材料有限公司董事长", [("青海", "LOC"), ("丽豪半导体材料有限公司", "ORG")],
                           [("青海丽豪半导体材料有限公司", "ORG")]),
    "foreign_origin_stays_apart": ("德国博世在苏州", [("德国", "LOC"), ("博世", "ORG")], [("德国", "LOC"), ("博世", "ORG")]),
    "company_cut_short": ("青海高景太阳能科技有限公司注册", [("青海高景太", "ORG")], [("青海高景太阳能科技有限公司", "ORG")]),
    "zone_completed": ("青岛西海岸新区签约", [("青岛", "LOC")], [("青岛西海岸新区", "LOC")]),
    "verb_blocks_extension": ("在北京设立公司", [("北京", "LOC")], [("北京", "LOC")]),
    "function_word_blocks": ("北京的企业和公司", [("北京", "LOC")], [("北京", "LOC")]),
    "industry_stays": ("发展锂电产业", [("锂电", "INDUSTRY")], [("锂电", "INDUSTRY")]),
    "zone_labelled_org": ("大连金普新区签约", [("大连金普新区", "ORG")], [("大连金普新区", "LOC")]),
    "agency_of_zone_stays_org": ("金普新区管委会签约", [("金普新区管委会", "ORG")], [("金普新区管委会", "ORG")]),
}


@pytest.mark.parametrize(("text", "given", "expected"), ORG_CASES.values(), ids=ORG_CASES.keys())
def test_org_names(nlp: Language, text: str, given: list[tuple[str, str]],
                   expected: list[tuple[str, str]]) -> None:
    doc = OrgNames()(doc_with(nlp, text, given))
    assert [(e.text, e.label_) for e in doc.ents] == expected


def test_word_features_mark_words_positions_and_bigrams(nlp: Language) -> None:
    doc = WordFeatures(nlp)(nlp.make_doc("西宁开发区签约"))
    assert [t.lemma_ for t in doc][:2] == ["西宁", "西宁"]
    assert doc[0].tag_.startswith("B2") and doc[1].tag_.startswith("E2")
    assert doc[0].tag_.endswith("ns")  # jieba knows 西宁 as a place
    assert doc[0].norm_ == "西宁" and doc[-1].norm_ == "约"


def test_word_features_round_trip(nlp: Language, tmp_path: object) -> None:
    component = WordFeatures(nlp, use_lexicon=True)
    component.initialize(lambda: [], lexicon=["顺金隆铝业"])
    data = component.to_bytes()
    again = WordFeatures(nlp).from_bytes(data)
    assert again.lexicon == ["顺金隆铝业"] and again.use_lexicon


def test_corpus_reader_keeps_only_the_ner_labels_asked_for(nlp: Language, tmp_path: Path) -> None:
    from zhaoshang.pipeline.reader import create_corpus

    text = "青海丽豪投资50亿元"
    record = {"id": "x", "text": text, "spans": [
        {"start": 0, "end": 4, "label": "ORG"},
        {"start": 6, "end": 10, "label": "MONEY", "value": "5000000000"}]}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    every = next(iter(create_corpus(path)(nlp)))
    assert [e.label_ for e in every.reference.ents] == ["ORG", "MONEY"]
    named = next(iter(create_corpus(path, ner_labels=["ORG", "LOC", "INDUSTRY"])(nlp)))
    assert [(e.text, e.label_) for e in named.reference.ents] == [("青海丽豪", "ORG")]
    with pytest.raises(ValueError, match="PROJECT"):
        create_corpus(path, ner_labels=["PROJECT"])
