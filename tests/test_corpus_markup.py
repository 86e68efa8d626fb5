"""The authoring markup: parsing, filling figure fields, errors, and the round trip."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhaoshang.corpus.markup import MarkupError, parse_markup, render
from zhaoshang.labels import FIELDS, LAYER1, LAYER2


def spans_of(markup: str) -> list[tuple[str, str, dict[str, str]]]:
    record = parse_markup(markup, "t")
    return [(record["text"][s["start"]:s["end"]], s["label"],
             {k: v for k, v in s.items() if k not in ("start", "end", "label")}) for s in record["spans"]]


def test_both_layers_and_offsets() -> None:
    record = parse_markup("{[晶科|ORG][20GWh|QUANTITY value=20 unit=GWh bound=exact][单晶硅|INDUSTRY]项目|PROJECT}建成",
                          "doc-1")
    assert record["id"] == "doc-1"
    assert record["text"] == "晶科20GWh单晶硅项目建成"
    assert record["spans"] == [
        {"start": 0, "end": 2, "label": "ORG"},
        {"start": 0, "end": 12, "label": "PROJECT"},
        {"start": 2, "end": 7, "label": "QUANTITY", "value": "20", "unit": "GWh", "bound": "exact"},
        {"start": 7, "end": 10, "label": "INDUSTRY"},
    ]


def test_escapes_and_single_trailing_newline() -> None:
    record = parse_markup("a\\[b\\]\\{c\\}\\|d\\\\[e|LOC]\n\n", "t")
    assert record["text"] == "a[b]{c}|d\\e\n"
    assert record["spans"] == [{"start": 10, "end": 11, "label": "LOC"}]
    assert parse_markup("x\n", "t")["text"] == "x"
    assert parse_markup("x", "t")["text"] == "x"


def test_omitted_fields_are_filled_by_the_normalizer() -> None:
    spans = spans_of("共签约项目[23项|COUNT]，超过[50%|PERCENT]，约[480亿元|MONEY]，[90天|DATE]，[2022年|DATE]，[今年|DATE]")
    assert spans == [
        ("23项", "COUNT", {"value": "23", "unit": "项", "bound": "exact"}),
        ("50%", "PERCENT", {"value": "0.5", "bound": "min"}),
        ("480亿元", "MONEY", {"value": "48000000000", "currency": "CNY", "bound": "approx"}),
        ("90天", "DATE", {"value": "P90D"}),
        ("2022年", "DATE", {"value": "2022"}),
        ("今年", "DATE", {}),
    ]


def test_author_fields_win_and_money_defaults() -> None:
    spans = spans_of("[40余个|COUNT value=41]，约[480亿元|MONEY value=48000000000]，[5000万美元|MONEY value=50000000 "
                     "currency=USD]，[2022年|DATE value=]")
    assert spans[0] == ("40余个", "COUNT", {"value": "41", "unit": "个", "bound": "min"})
    # A written MONEY value is complete: bound defaults to exact, currency to CNY.
    assert spans[1][2] == {"value": "48000000000", "currency": "CNY", "bound": "exact"}
    assert spans[2][2] == {"value": "50000000", "currency": "USD", "bound": "exact"}
    assert spans[3] == ("2022年", "DATE", {})  # value= states the field is absent


def test_traditional_pinyin_figure_keeps_unit_as_written() -> None:
    spans = spans_of("成功引進(jìn)了年產(chǎn)[5萬(wàn)噸|QUANTITY]民用鋁型材")
    assert spans == [("5萬(wàn)噸", "QUANTITY", {"value": "50000", "unit": "吨", "bound": "exact"})]


def test_span_the_rules_do_not_find_is_read_alone() -> None:
    # No money word before 1.85亿 and only the high end of a range marked: the rules find
    # neither span, so each is read on its own, with the bound from the words around it.
    spans = spans_of("共计约[1.85亿|MONEY]，产能30~[50万吨|QUANTITY]以上，[30|QUANTITY]")
    assert spans[0] == ("1.85亿", "MONEY", {"value": "185000000", "currency": "CNY", "bound": "approx"})
    assert spans[1] == ("50万吨", "QUANTITY", {"value": "500000", "unit": "吨", "bound": "min"})
    assert spans[2] == ("30", "QUANTITY", {})  # unreadable: left for the validator to report


@pytest.mark.parametrize(("markup", "expected"), [
    ("[abc|ORG", "f.txt:1:1: '[' opened here is never closed"),
    ("ab\ncd]", "f.txt:2:3: ']' without an open '['"),
    ("x}", "f.txt:1:2: '}' without an open '{'"),
    ("[a[b|ORG]|ORG]", "f.txt:1:3: '[' inside the span opened at 1:1"),
    ("{a{b|PROJECT}|PROJECT}", "f.txt:1:3: '{' inside the span opened at 1:1"),
    ("[a{b|PROJECT}|ORG]", "f.txt:1:3: '{' inside the span opened at 1:1"),
    ("{[a|ORG}", "f.txt:1:8: '}' in the label part of the span opened at 1:2"),
    ("{[a}", "f.txt:1:4: '}' closes nothing: the span opened at 1:2 needs ']'"),
    ("[a|FOO]", "f.txt:1:4: unknown label 'FOO'"),
    ("[a|PROJECT]", "f.txt:1:4: PROJECT is a layer-2 label"),
    ("{a|ORG}", "f.txt:1:4: ORG is a layer-1 label"),
    ("[a|]", "f.txt:1:4: missing label"),
    ("[a]", "f.txt:1:3: span closed without a label"),
    ("[|ORG]", "f.txt:1:1: empty span"),
    ("x\n[3个|COUNT value=3 colour=red]", "f.txt:2:19: unknown attribute 'colour' for COUNT"),
    ("[a|ORG value=1]", "f.txt:1:8: unknown attribute 'value' for ORG"),
    ("[3个|COUNT value]", "f.txt:1:11: attribute 'value' is not key=value"),
    ("[3个|COUNT value=3 value=4]", "f.txt:1:19: attribute 'value' given twice"),
    ("a|b", "f.txt:1:2: '|' outside a span"),
    ("a\\nb", "f.txt:1:2: backslash before 'n'"),
    ("[a|ORG\n]", "f.txt:1:7: a new line in the label part"),
])
def test_errors_name_file_line_and_column(markup: str, expected: str) -> None:
    with pytest.raises(MarkupError) as info:
        parse_markup(markup, "t", "f.txt")
    assert str(info.value).startswith(expected), str(info.value)


def test_render_writes_readable_markup() -> None:
    record = parse_markup("约[480亿元|MONEY value=48000000000 bound=approx]，{完成全年目标任务的[87%|PERCENT value=0.87]"
                          "|TARGET value=0.87}\\[注\\]", "t")
    assert render(record) == ("约[480亿元|MONEY value=48000000000 currency=CNY bound=approx]，{完成全年目标任务的"
                              "[87%|PERCENT value=0.87 bound=exact]|TARGET value=0.87}\\[注\\]\n")


def test_render_refuses_what_markup_cannot_hold() -> None:
    crossing = {"id": "t", "text": "abcd", "spans": [{"start": 0, "end": 2, "label": "PROJECT"},
                                                     {"start": 1, "end": 3, "label": "ORG"}]}
    with pytest.raises(ValueError, match="crosses"):
        render(crossing)


# --- round trip -----------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("ab 12.5一二十万亿元个项%~年月天[]{}|\\\n萬(wàn)噸約多余"))
_CHARS = st.one_of(_ALPHABET, st.characters(codec="utf-8"))
_VALUE = st.text(st.characters(codec="utf-8"), min_size=1, max_size=6).filter(
    lambda v: not any(ch.isspace() for ch in v))


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    text = draw(st.text(_CHARS, min_size=1, max_size=40))
    points = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=10))))
    spans: list[dict[str, Any]] = []
    layer1 = []
    for start, end in zip(points, points[1:]):
        if draw(st.booleans()):
            layer1.append((start, end))
    # Layer-2 boundaries may not cut through a layer-1 span.
    cuts = [p for p in points if not any(s < p < e for s, e in layer1)]
    layer2 = [(s, e) for s, e in zip(cuts, cuts[1:]) if draw(st.booleans())]
    for (start, end), labels in [(r, LAYER1) for r in layer1] + [(r, LAYER2) for r in layer2]:
        label = draw(st.sampled_from(labels))
        names = draw(st.lists(st.sampled_from(FIELDS[label]), unique=True)) if FIELDS[label] else []
        spans.append({"start": start, "end": end, "label": label, **{n: draw(_VALUE) for n in names}})
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    return {"id": "doc", "text": text, "spans": [{"start": s["start"], "end": s["end"], "label": s["label"],
                                                   **{n: s[n] for n in FIELDS[s["label"]] if n in s}}
                                                  for s in spans]}


@settings(max_examples=150, deadline=None)
@given(records())
def test_round_trip(record: dict[str, Any]) -> None:
    assert parse_markup(render(record), "doc") == record
