"""Building corpus.jsonl and the fixed train/dev split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhaoshang.corpus.build import REQUIRED_DEV, BuildError, build, hash_share
from zhaoshang.corpus.stats import is_traditional
from zhaoshang.labels import LABELS

SIMPLIFIED = "[西宁开发区|LOC]签约[23项|COUNT]，[高景|ORG]投资[5亿元|MONEY value=500000000]发展[锂电|INDUSTRY]。"
TRADITIONAL = "[西寧市|LOC]實施招商引資項目[84項|COUNT]，圍繞[鋰電|INDUSTRY]發展。"
RARE = ("[2022年|DATE]{完成全年目标任务的[87%|PERCENT value=0.87]|TARGET value=0.87}，"
        "{[晶科|ORG][20GWh|QUANTITY][单晶硅|INDUSTRY]项目|PROJECT}")


def make_tree(root: Path, authored: int = 30) -> list[Path]:
    seeds, more = root / "seeds", root / "authored"
    seeds.mkdir(parents=True)
    more.mkdir()
    (seeds / "000_513c60453fae4339.txt").write_text(SIMPLIFIED + "\n", encoding="utf-8")
    (seeds / "001_57ab336347a84060.txt").write_text(TRADITIONAL + "\n", encoding="utf-8")
    (seeds / "002_d961d57cd21cf1ce.txt").write_text(SIMPLIFIED + "\n", encoding="utf-8")
    for i in range(authored):
        (more / f"a-{i:02d}.txt").write_text(SIMPLIFIED + "\n", encoding="utf-8")
    for i in range(6):
        (more / f"t-{i:02d}.txt").write_text(TRADITIONAL + "\n", encoding="utf-8")
    (more / "rare.txt").write_text(RARE + "\n", encoding="utf-8")
    return [seeds, more]


def ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_split_is_deterministic_and_has_what_dev_needs(tmp_path: Path) -> None:
    out1, out2 = tmp_path / "o1", tmp_path / "o2"
    result = build(make_tree(tmp_path / "t1"), out1)
    build(make_tree(tmp_path / "t2"), out2)
    assert (out1 / "split.json").read_text(encoding="utf-8") == (out2 / "split.json").read_text(encoding="utf-8")
    assert result.split_created
    dev = set(json.loads((out1 / "split.json").read_text(encoding="utf-8"))["dev"])
    assert set(REQUIRED_DEV) <= dev
    assert set(ids(out1 / "dev.jsonl")) == dev and set(ids(out1 / "train.jsonl")).isdisjoint(dev)
    corpus = [json.loads(line) for line in (out1 / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(corpus) == 40 and [r["id"] for r in corpus] == sorted(r["id"] for r in corpus)
    dev_records = [r for r in corpus if r["id"] in dev]
    assert {s["label"] for r in dev_records for s in r["spans"]} == set(LABELS)
    traditional = [r["id"] for r in corpus if is_traditional(r["text"])]
    assert sum(i in dev for i in traditional) >= 0.2 * len(dev)
    assert sum(i in dev for i in traditional) >= 0.2 * len(traditional)
    by_hash = {r["id"] for r in corpus if hash_share(r["id"]) < 0.22}
    assert by_hash <= dev


def test_existing_split_is_kept_and_new_documents_assigned_by_hash(tmp_path: Path) -> None:
    dirs = make_tree(tmp_path / "t", authored=5)
    out = tmp_path / "out"
    out.mkdir()
    (out / "split.json").write_text(json.dumps({"dev": ["a-00"], "train": ["a-01"]}), encoding="utf-8")
    result = build(dirs, out)
    saved = json.loads((out / "split.json").read_text(encoding="utf-8"))
    assert "a-00" in saved["dev"] and "a-01" in saved["train"]
    assert not result.split_created and "a-00" not in result.new_in_split
    for doc_id in result.new_in_split:
        assert (doc_id in saved["dev"]) == (hash_share(doc_id) < 0.22)
    again = build(dirs, out)
    assert again.new_in_split == [] and again.dev == result.dev


def test_errors_stop_the_build(tmp_path: Path) -> None:
    dirs = make_tree(tmp_path / "t", authored=1)
    (dirs[1] / "bad.txt").write_text("[北京|LOC", encoding="utf-8")
    (dirs[1] / "worse.txt").write_text("[某物|MONEY]", encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build(dirs, tmp_path / "out")
    assert [f.code for f in info.value.findings] == ["markup", "field", "field", "field"]
    assert not (tmp_path / "out").exists()
