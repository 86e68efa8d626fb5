"""Properties: numeral round trips, offsets on any text, record round trips."""

from __future__ import annotations

import json
from decimal import Decimal

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from zhaoshang import ParseResult, parse

MAGNITUDES = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}

numbers = st.one_of(
    st.integers(min_value=1, max_value=10**8 - 1).map(Decimal),
    st.integers(min_value=1, max_value=10**6).map(lambda n: Decimal(n) / 100).filter(lambda d: d % 1 != 0),
)


@settings(max_examples=300, deadline=None)
@given(number=numbers, magnitude=st.sampled_from(sorted(MAGNITUDES)))
def test_arabic_and_chinese_renderings_normalize_to_the_value(number: Decimal, magnitude: str) -> None:
    expected = number * MAGNITUDES[magnitude]
    arabic = f"{format(number, 'f')}{magnitude}元"
    chinese = f"{cn2an.an2cn(format(number, 'f'))}{magnitude}元"
    for written in (arabic, chinese):
        amounts = parse(f"投资{written},").amounts
        assert [(a.text, a.value) for a in amounts] == [(written, expected)], written


# Text that looks like the domain: numerals, units, qualifiers, scripts, noise.
alphabet = st.sampled_from(list(
    "0123456789０１２３.,~-至到约近超逾以上下左右余多几万亿千百十零一二两三四五六七八九壹贰佰仟億萬"
    "元美港欧日人民币%％个项家次名吨米亩吉瓦时GWh年月日天季度今去第成之路带统进步"
    "西宁開發區签约投资项目企业。，、；：“”（）()\n \u3000\xa0\u200b🚀\x00āò"
))
domain_text = st.text(alphabet=alphabet, max_size=80)


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(domain_text, st.text(max_size=60)))
def test_parse_never_raises_and_offsets_hold(text: str) -> None:
    result = parse(text)
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
    layer1 = [s for s in result.spans if s.label not in ("PROJECT", "TARGET")]
    for a, b in zip(layer1, layer1[1:]):
        assert a.end <= b.start


@settings(max_examples=200, deadline=None)
@given(text=domain_text)
def test_record_round_trip(text: str) -> None:
    result = parse(text)
    record = json.loads(json.dumps(result.to_record("doc")))
    assert ParseResult.from_record(record) == result
    assert record["id"] == "doc" and record["text"] == text


@given(st.text(alphabet="電網工業項(ǎàwngxi)，", max_size=40))
def test_normalized_spans_map_back_to_whole_characters(text: str) -> None:
    """Every span of the analysis copy maps to a span of the original that
    starts and ends on a kept character: a pinyin reading after its last
    character stays outside (guidelines: text and offsets)."""
    from zhaoshang.textnorm import normalize

    norm = normalize(text)
    for start in range(len(norm.text)):
        for end in range(start + 1, len(norm.text) + 1):
            o_start, o_end = norm.to_original(start, end)
            assert o_start == norm.origin[start] and o_end == norm.origin[end - 1] + 1
            assert norm.to_normalized(o_start, o_end) == (start, end)


def test_pinyin_reading_after_the_last_character_stays_outside() -> None:
    from zhaoshang.textnorm import normalize

    norm = normalize("智能電網(wǎng)建設")
    start = norm.text.index("智能电网")
    assert norm.to_original(start, start + 4) == (0, 4)
