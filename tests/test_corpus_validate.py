"""Validation of annotated records, and the consistency report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from zhaoshang.corpus.consistency import consistency
from zhaoshang.corpus.loading import Document, Finding
from zhaoshang.corpus.validate import validate_documents, validate_path

TEXT = "今年一季度，西宁开发区共签约项目23项，完成全年目标任务的87%，投资约480亿元。"
GOOD: list[dict[str, Any]] = [
    {"start": 0, "end": 5, "label": "DATE"},
    {"start": 6, "end": 11, "label": "LOC"},
    {"start": 16, "end": 19, "label": "COUNT", "value": "23", "unit": "项", "bound": "exact"},
    {"start": 20, "end": 32, "label": "TARGET", "value": "0.87"},
    {"start": 29, "end": 32, "label": "PERCENT", "value": "0.87", "bound": "exact"},
    {"start": 36, "end": 41, "label": "MONEY", "value": "48000000000", "currency": "CNY", "bound": "approx"},
]


def check(spans: list[dict[str, Any]], text: str = TEXT) -> list[Finding]:
    return validate_documents([Document({"id": "d1", "text": text, "spans": spans}, "mem")])


def errors(spans: list[dict[str, Any]], text: str = TEXT) -> list[str]:
    return [f.message for f in check(spans, text) if f.severity == "error"]


def test_good_record_is_clean() -> None:
    assert TEXT[36:41] == "480亿元" and TEXT[20:32] == "完成全年目标任务的87%"
    assert check(GOOD) == []


@pytest.mark.parametrize(("span", "message"), [
    ({"start": 40, "end": 99, "label": "LOC"}, "offsets 40:99 are empty or outside the text"),
    ({"start": 3, "end": 3, "label": "LOC"}, "offsets 3:3 are empty"),
    ({"start": -1, "end": 2, "label": "LOC"}, "offsets -1:2"),
    ({"start": "6", "end": 11, "label": "LOC"}, "span offsets must be integers"),
    ({"start": 6, "end": 11, "label": "GPE"}, "unknown label 'GPE'"),
    ({"start": 6, "end": 11, "label": "LOC", "value": "1"}, "LOC has no field 'value'"),
    ({"start": 16, "end": 19, "label": "COUNT", "value": "23"}, "COUNT needs the field 'unit'"),
    ({"start": 36, "end": 41, "label": "MONEY", "value": "48000000000", "bound": "approx"},
     "MONEY needs the field 'currency'"),
    ({"start": 36, "end": 41, "label": "MONEY", "value": "4.8e10", "currency": "CNY", "bound": "approx"},
     "value '4.8e10' is not a decimal string"),
    ({"start": 36, "end": 41, "label": "MONEY", "value": 48000000000, "currency": "CNY", "bound": "approx"},
     "value must be a string, not int"),
    ({"start": 36, "end": 41, "label": "MONEY", "value": "48000000000", "currency": "Yuan", "bound": "approx"},
     "currency 'Yuan' is not an ISO 4217 code"),
    ({"start": 36, "end": 41, "label": "MONEY", "value": "48000000000", "currency": "CNY", "bound": "about"},
     "bound 'about' is not one of exact, approx, min, max"),
    ({"start": 36, "end": 41, "label": "MONEY", "value": "5", "value_max": "3", "currency": "CNY", "bound": "exact"},
     "value_max 3 is not above value 5"),
])
def test_structural_errors(span: dict[str, Any], message: str) -> None:
    found = errors([span])
    assert any(message in m for m in found), found


def test_whitespace_at_span_edges() -> None:
    assert errors([{"start": 0, "end": 3, "label": "LOC"}], " 北京") == ["LOC ' 北京' starts or ends with whitespace"]
    assert errors([{"start": 0, "end": 3, "label": "LOC"}], "北京\n") == ["LOC '北京\\n' starts or ends with whitespace"]


def test_layer1_overlap_is_an_error_layer2_overlap_is_not() -> None:
    assert any("overlaps" in m for m in errors(GOOD + [{"start": 8, "end": 11, "label": "ORG"}]))
    assert errors(GOOD + [{"start": 6, "end": 20, "label": "PROJECT"}]) == []


def test_duplicate_span_and_duplicate_id() -> None:
    assert any("annotated twice" in m for m in errors(GOOD + [GOOD[1]]))
    docs = [Document({"id": "same", "text": "北京", "spans": []}, f"f{i}") for i in range(2)]
    assert [f.message for f in validate_documents(docs)] == ["id 'same' also used at f0"]


def test_normalizer_disagreements_are_warnings_field_by_field() -> None:
    spans = [dict(s) for s in GOOD]
    spans[2] |= {"value": "32", "unit": "个"}
    spans[5] |= {"bound": "exact"}
    found = check(spans)
    assert all(f.severity == "warning" and f.code == "normalizer" for f in found)
    assert {(f.label, f.field, f.annotated, f.normalizer) for f in found} == {
        ("COUNT", "value", "32", "23"), ("COUNT", "unit", "个", "项"), ("MONEY", "bound", "exact", "approx")}


def test_unreadable_and_unannotated_figures_are_warnings() -> None:
    spans = [s for s in GOOD if s["label"] != "MONEY"] + [
        {"start": 11, "end": 13, "label": "COUNT", "value": "1", "unit": "共"}]
    found = {(f.code, f.label, f.start) for f in check(spans)}
    assert ("normalizer", "COUNT", 11) in found  # 共签 is no figure
    assert ("unannotated", "MONEY", 36) in found  # 480亿元 is one


def test_non_canonical_decimal_is_a_warning() -> None:
    spans = [dict(s) for s in GOOD]
    spans[4] |= {"value": "0.870"}
    found = check(spans)
    assert [(f.severity, f.code) for f in found] == [("warning", "field")]
    assert "canonical" in found[0].message


def test_validate_path_reads_jsonl_and_markup_and_locates_markup_errors(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": TEXT, "spans": GOOD}, ensure_ascii=False) + "\n"
                                      + "not json\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("签约[23项|COUNT value=23 unit=项]\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("第一行\n[北京|LOC", encoding="utf-8")
    report = validate_path(tmp_path)
    assert report.documents == 3
    assert [str(f) for f in report.errors] == [
        f"error: {tmp_path / 'a.jsonl'}:2: not JSON: Expecting value",
        f"error: {tmp_path / 'c.txt'}:2:1 [c]: '[' opened here is never closed",
    ]
    assert report.warnings == []
    assert report.summary() == "3 documents, 2 errors, 0 warnings"


def test_consistency_conflicts_and_unlabelled() -> None:
    docs = [
        Document({"id": "a", "text": "高景在西宁", "spans": [{"start": 0, "end": 2, "label": "ORG"},
                                                          {"start": 3, "end": 5, "label": "LOC"}]}, "a.txt"),
        Document({"id": "b", "text": "高景速度", "spans": [{"start": 0, "end": 2, "label": "LOC"}]}, "b.txt"),
        Document({"id": "c", "text": "西宁开发区与西宁", "spans": [{"start": 0, "end": 5, "label": "LOC"}]}, "c.txt"),
    ]
    found = consistency(docs)
    assert [(f.code, f.doc) for f in found] == [("label-conflict", ""), ("unlabelled", "c")]
    assert "'高景' is labelled differently: LOC in b; ORG in a" in found[0].message
    assert found[1].start == 6 and "'西宁' (LOC in a) is unlabelled here 1x" in found[1].message
