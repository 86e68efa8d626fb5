"""parse(): input checking, empty input, large and odd input, script invariance."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import opencc
import pytest

import zhaoshang
from zhaoshang import MAX_CHARS, Parser, ParseResult, parse


@pytest.mark.parametrize("bad", [None, b"245\xe4\xba\xbf\xe5\x85\x83", bytearray(b"x"), 42, ["文本"]])
def test_non_str_raises_type_error_saying_what_to_pass(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        parse(bad)  # type: ignore[arg-type]


def test_bytes_error_suggests_decoding() -> None:
    with pytest.raises(TypeError, match="decode"):
        parse("245亿元".encode())  # type: ignore[arg-type]


@pytest.mark.parametrize("blank", ["", " ", "\n\n\t", "\u3000\xa0"])
def test_empty_or_whitespace_gives_empty_result(blank: str) -> None:
    r = parse(blank)
    assert r.spans == () and r.text == blank


def test_over_limit_raises_value_error_naming_limit() -> None:
    with pytest.raises(ValueError, match=f"{MAX_CHARS:,}"):
        parse("元" * (MAX_CHARS + 1))


def test_control_chars_emoji_and_mixed_scripts() -> None:
    text = "\x00\x07投资🚀约５０亿元\u200b，签约\u3000３个项目 ÄÖ русский 한국어 12.5%\x1b"
    r = parse(text)
    figures = [(s.text, s.label) for s in r.spans if s.label in ("MONEY", "COUNT", "PERCENT")]
    assert figures == [("５０亿元", "MONEY"), ("３个", "COUNT"), ("12.5%", "PERCENT")]
    for s in r.spans:
        assert text[s.start:s.end] == s.text


def _peak_mib(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def test_five_megabytes_in_bounded_memory(seed_texts: dict[str, str]) -> None:
    """5 MB of text through the analysis layers (normalization, figures, dates,
    targets) in bounded memory; the statistical model reads it in chunks."""
    unit = "\n".join(seed_texts.values())
    text = (unit * (5_000_000 // len(unit.encode()) + 1))[: 2_000_000]
    assert len(text.encode()) >= 5_000_000
    result: list[ParseResult] = []
    peak = _peak_mib(lambda: result.append(Parser(None).parse(text)))
    assert len(result[0].amounts) > 1000
    assert peak < 400, f"peak {peak:.0f} MiB"


def test_long_text_through_the_model_in_bounded_memory(seed_texts: dict[str, str]) -> None:
    text = ("\n".join(seed_texts.values()) * 10)[:40_000]
    result: list[ParseResult] = []
    peak = _peak_mib(lambda: result.append(parse(text)))
    assert len(result[0].amounts) > 50
    assert peak < 500, f"peak {peak:.0f} MiB"


def test_traditional_seed_gives_same_figures_as_simplified_reading(seed_texts: dict[str, str]) -> None:
    traditional = seed_texts["001_57ab336347a84060"]
    simplified = opencc.OpenCC("t2s").convert(traditional)

    def figures(r: ParseResult) -> list[tuple[object, ...]]:
        return [(s.label, getattr(s, "value", None), getattr(s, "bound", None), getattr(s, "unit", None),
                 getattr(s, "currency", None)) for s in r.spans]

    assert figures(parse(traditional)) == figures(parse(simplified))
    assert len(parse(traditional).amounts) == 5


def test_result_is_immutable() -> None:
    r = parse("签约金额180亿元")
    with pytest.raises(AttributeError):
        r.spans[0].start = 3  # type: ignore[misc]


def test_deterministic(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        assert parse(text) == parse(text)


def test_parse_many_keeps_order() -> None:
    texts = ["签约5个项目", "", "投资10亿元"]
    results = list(zhaoshang.parse_many(texts))
    assert [r.text for r in results] == texts
    assert [(len(r.counts), len(r.amounts)) for r in results] == [(1, 0), (0, 0), (0, 1)]


def test_parse_many_in_two_processes_matches_one(seed_texts: dict[str, str]) -> None:
    texts = list(seed_texts.values()) + ["", "签约5个项目"]
    one = list(zhaoshang.parse_many(texts, batch_size=2))
    two = list(zhaoshang.parse_many(texts, batch_size=2, n_process=2))
    assert one == two
    assert [r.text for r in two] == texts
