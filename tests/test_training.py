"""Retraining end to end with a tiny config, and component serialization."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import zhaoshang
from zhaoshang.training import train

REPO = Path(__file__).resolve().parents[1]
TINY = {
    "training.max_steps": 6,
    "training.eval_frequency": 3,
    "components.tok2vec.model.encode.width": 16,
    "components.tok2vec.model.encode.depth": 1,
    "components.tok2vec.model.embed.rows": [500, 500, 500, 50, 50],
    "components.ner.model.hidden_width": 16,
    "components.spancat.model.reducer.hidden_size": 16,
    "corpora.train.valid_fraction": 0.4,
}


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = [json.loads(line) for line in (REPO / "training_data" / "train.jsonl").open(encoding="utf-8")][:8]
    data = tmp_path_factory.mktemp("data") / "train.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path_factory.mktemp("model") / "tiny"
    return train(REPO / "configs" / "charword.cfg", data, out, overrides=TINY)


@pytest.mark.slow
def test_tiny_training_writes_a_loadable_pipeline(tiny_model: Path) -> None:
    parser = zhaoshang.load(tiny_model)
    text = "西宁开发区今年签约项目23项，完成全年目标任务的87%，投资约480亿元。"
    result = parser.parse(text)
    assert [(m.text, m.value, m.bound) for m in result.amounts] == [("480亿元", 48000000000, "approx")]
    assert all(text[s.start:s.end] == s.text for s in result.spans)


@pytest.mark.slow
def test_pipeline_round_trips_through_disk(tiny_model: Path, tmp_path: Path) -> None:
    nlp = spacy.load(tiny_model)
    assert {"zhaoshang/word_features", "zhaoshang/org_names", "zhaoshang/figures"} <= set(nlp.pipe_names)
    nlp.get_pipe("zhaoshang/figures").mode = "merge"
    nlp.to_disk(tmp_path / "copy")
    again = spacy.load(tmp_path / "copy")
    assert again.get_pipe("zhaoshang/figures").mode == "merge"
    text = "投资5亿至10亿元"
    assert [(e.text, e.label_, e._.zs_fields) for e in nlp(text).ents] == \
        [(e.text, e.label_, e._.zs_fields) for e in again(text).ents]


def test_missing_model_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="config.cfg"):
        zhaoshang.load(tmp_path)
