"""Readers for the public NER corpora (on small files made here, never the shared data)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from zhaoshang.corpus.public import cluener_records, msra_records


def test_cluener_maps_labels_and_inclusive_ends(tmp_path: Path) -> None:
    lines = [
        {"text": "浙江杭州阿里巴巴集团与杭州市政府签约", "label": {
            "address": {"浙江杭州": [[0, 3]]}, "company": {"阿里巴巴集团": [[4, 9]]},
            "government": {"杭州市政府": [[11, 15]]}, "name": {"马云": [[0, 1]]}}},
        {"id": 0, "text": "测试集没有标签"},
    ]
    (tmp_path / "dev.json").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                                       encoding="utf-8")
    records = list(cluener_records(tmp_path))
    assert len(records) == 1
    rec = records[0]
    assert rec["id"] == "cluener-dev-1"
    assert [(rec["text"][s["start"]:s["end"]], s["label"]) for s in rec["spans"]] == [
        ("浙江杭州", "LOC"), ("阿里巴巴集团", "ORG"), ("杭州市政府", "ORG")]


def test_msra_reads_bio_blocks(tmp_path: Path) -> None:
    rows = ["中\tB-ORG", "共\tI-ORG", "在\tO", "北\tB-LOC", "京\tI-LOC", "见\tO", "张\tB-PER", "三\tI-PER", "",
            "上\tB-LOC", "海\tI-LOC", "东\tI-ORG", ""]
    (tmp_path / "test.bio").write_text("\n".join(rows) + "\n", encoding="utf-8")
    records = list(msra_records(tmp_path))
    assert [r["text"] for r in records] == ["中共在北京见张三", "上海东"]
    first, second = records
    assert [(first["text"][s["start"]:s["end"]], s["label"]) for s in first["spans"]] == [
        ("中共", "ORG"), ("北京", "LOC")]
    assert [(s["start"], s["end"], s["label"]) for s in second["spans"]] == [(0, 2, "LOC"), (2, 3, "ORG")]


def test_missing_folder_gives_nothing_with_a_notice(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="zhaoshang.corpus.public"):
        assert list(cluener_records(tmp_path / "nope")) == []
        assert list(msra_records(tmp_path / "nope")) == []
    assert len(caplog.records) == 2 and "does not exist" in caplog.records[0].getMessage()
