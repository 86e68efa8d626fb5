"""benchmarks/bench_parse.py builds its fixed text correctly (no timing here)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_parse", REPO / "benchmarks" / "bench_parse.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not any(SEEDS.glob("*.txt")), reason="../shared/seeds is not beside the repository")
def test_text_is_exactly_100000_chars_of_the_seeds() -> None:
    bench = _bench()
    text = bench.build_text(SEEDS)
    assert len(text) == 100_000
    seeds = [p.read_text(encoding="utf-8").rstrip("\n") for p in sorted(SEEDS.glob("*.txt"))]
    unit = "\n".join(seeds) + "\n"
    assert text == (unit * (100_000 // len(unit) + 1))[:100_000]
    pieces = bench.split_articles(text)
    assert "".join(pieces) == text
    assert all(p.endswith("\n") for p in pieces[:-1])
