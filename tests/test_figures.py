"""Figures from real sentences: named examples with their expected spans and values.

Each example is (sentence, [(span text, label, value, extra fields)]). Known
failures are marked xfail(strict=True) so that a fix is noticed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from zhaoshang import parse
from zhaoshang.results import Span

FIGURE_LABELS = {"MONEY", "PERCENT", "COUNT", "QUANTITY"}


def figures(text: str) -> list[tuple[str, str, str, dict[str, str]]]:
    out = []
    for s in parse(text).spans:
        if s.label not in FIGURE_LABELS:
            continue
        extra = {}
        for name in ("currency", "unit", "bound", "value_max"):
            v = getattr(s, name, None)
            if v is not None and not (name == "bound" and v == "exact"):
                extra[name] = str(v)
        out.append((s.text, s.label, str(s.value), extra))  # type: ignore[attr-defined]
    return out


SEED_SENTENCES = {
    "headline": ("90天,签下245亿元!", [("245亿元", "MONEY", "24500000000", {"currency": "CNY"})]),
    "visits": (
        "累计外出招商19次,拜访企业45家次;邀请26家优强企业进行实地考察、洽谈交流。",
        [("19次", "COUNT", "19", {"unit": "次"}), ("45家次", "COUNT", "45", {"unit": "家次"}),
         ("26家", "COUNT", "26", {"unit": "家"})],
    ),
    "target_87": (
        "今年一季度,西宁开发区共签约项目23项,完成全年目标任务的87%。",
        [("23项", "COUNT", "23", {"unit": "项"}), ("87%", "PERCENT", "0.87", {})],
    ),
    "approx_480": ("涉及投资额约480亿元。", [("480亿元", "MONEY", "48000000000", {"currency": "CNY", "bound": "approx"})]),
    "capacity": (
        "加快年产1吉瓦钙钛矿电池组件生产、20吉瓦时锂离子电池储能系统集成等项目洽谈",
        [("1吉瓦", "QUANTITY", "1", {"unit": "吉瓦"}), ("20吉瓦时", "QUANTITY", "20", {"unit": "吉瓦时"})],
    ),
    "tons_and_more": (
        "10吉瓦异质结高效电池、5万吨多金属生产",
        [("10吉瓦", "QUANTITY", "10", {"unit": "吉瓦"}), ("5万吨", "QUANTITY", "50000", {"unit": "吨"})],
    ),
    "inner_yu": (
        "梳理4张清单、40余个重大项目",
        [("4张", "COUNT", "4", {"unit": "张"}), ("40余个", "COUNT", "40", {"unit": "个", "bound": "min"})],
    ),
    "credit": ("为招商引资项目提供200亿元授信额度。", [("200亿元", "MONEY", "20000000000", {"currency": "CNY"})]),
    "traditional_money": (
        "全年完成省外到位資金148.2億元,完成年度目標的105.8%。",
        [("148.2億元", "MONEY", "14820000000", {"currency": "CNY"}), ("105.8%", "PERCENT", "1.058", {})],
    ),
    "traditional_over": (
        "謀劃了50個投資額或銷售收入超過50億元的重大招商引資項目",
        [("50個", "COUNT", "50", {"unit": "个"}), ("50億元", "MONEY", "5000000000", {"currency": "CNY", "bound": "min"})],
    ),
    "traditional_pinyin": (
        "四川順金隆鋁業有限公司年產5萬(wàn)噸民用鋁型材",
        [("5萬(wàn)噸", "QUANTITY", "50000", {"unit": "吨"})],
    ),
    "people_duo": (
        "200多人現場施工,12座27米高的鐵塔,僅用了20多天就搭建完成",
        [("200多人", "COUNT", "200", {"unit": "人", "bound": "min"}), ("12座", "COUNT", "12", {"unit": "座"}),
         ("27米", "QUANTITY", "27", {"unit": "米"})],
    ),
    "voltage": ("必须新建110千伏变电站", [("110千伏", "QUANTITY", "110", {"unit": "千伏"})]),
    "two_things": ("向记者讲述了两件事儿", [("两件", "COUNT", "2", {"unit": "件"})]),
    "approx_1458": ("谋划重点强链、补链、延链项目94项,总投资约1458亿元。",
                    [("94项", "COUNT", "94", {"unit": "项"}),
                     ("1458亿元", "MONEY", "145800000000", {"currency": "CNY", "bound": "approx"})]),
    "gwh": ("晶科20GWh单晶硅项目建成投产", [("20GWh", "QUANTITY", "20", {"unit": "GWh"})]),
    "province_target": ("2022年,招商引资全年完成省外到位资金197.6亿元,为省定目标任务的105%;",
                        [("197.6亿元", "MONEY", "19760000000", {"currency": "CNY"}),
                         ("105%", "PERCENT", "1.05", {})]),
}

WRITTEN_FORMS = {
    "trillion": ("1.2万亿元", [("1.2万亿元", "MONEY", "1200000000000", {"currency": "CNY"})]),
    "chinese": ("五千万元", [("五千万元", "MONEY", "50000000", {"currency": "CNY"})]),
    "chinese_full": ("三千三百八十元", [("三千三百八十元", "MONEY", "3380", {"currency": "CNY"})]),
    "liang": ("两亿元", [("两亿元", "MONEY", "200000000", {"currency": "CNY"})]),
    "mixed": ("3千万元", [("3千万元", "MONEY", "30000000", {"currency": "CNY"})]),
    "financial": ("壹佰万元", [("壹佰万元", "MONEY", "1000000", {"currency": "CNY"})]),
    "fullwidth": ("１２３亿元", [("１２３亿元", "MONEY", "12300000000", {"currency": "CNY"})]),
    "traditional_usd": ("5萬美元", [("5萬美元", "MONEY", "50000", {"currency": "USD"})]),
    "range_tilde": ("30~50亿元", [("30~50亿元", "MONEY", "3000000000", {"currency": "CNY", "value_max": "5000000000"})]),
    "range_zhi": ("5亿至10亿元", [("5亿至10亿元", "MONEY", "500000000", {"currency": "CNY", "value_max": "1000000000"})]),
    "range_units": ("5亿元~10亿元", [("5亿元~10亿元", "MONEY", "500000000", {"currency": "CNY", "value_max": "1000000000"})]),
    "range_count": ("1～2个", [("1～2个", "COUNT", "1", {"unit": "个", "value_max": "2"})]),
    "range_tons": ("5至8万吨", [("5至8万吨", "QUANTITY", "50000", {"unit": "吨", "value_max": "80000"})]),
    "inner_yu_money": ("1000余万元", [("1000余万元", "MONEY", "10000000", {"currency": "CNY", "bound": "min"})]),
    "bare_yi": ("亿元以上项目", [("亿元", "MONEY", "100000000", {"currency": "CNY", "bound": "min"})]),
    "guo_yi": ("投资过亿元", [("亿元", "MONEY", "100000000", {"currency": "CNY", "bound": "min"})]),
    "bare_qianyi": ("打造千亿元产业集群", [("千亿元", "MONEY", "100000000000", {"currency": "CNY"})]),
    "usd": ("5000万美元", [("5000万美元", "MONEY", "50000000", {"currency": "USD"})]),
    "hkd": ("3亿港元", [("3亿港元", "MONEY", "300000000", {"currency": "HKD"})]),
    "eur": ("2000万欧元", [("2000万欧元", "MONEY", "20000000", {"currency": "EUR"})]),
    "jpy": ("50亿日元", [("50亿日元", "MONEY", "5000000000", {"currency": "JPY"})]),
    "jin": ("近50亿元", [("50亿元", "MONEY", "5000000000", {"currency": "CNY", "bound": "approx"})]),
    "chao": ("超100亿元", [("100亿元", "MONEY", "10000000000", {"currency": "CNY", "bound": "min"})]),
    "yu": ("逾30亿元", [("30亿元", "MONEY", "3000000000", {"currency": "CNY", "bound": "min"})]),
    "yishang": ("10亿元以上", [("10亿元", "MONEY", "1000000000", {"currency": "CNY", "bound": "min"})]),
    "zuoyou": ("20亿元左右", [("20亿元", "MONEY", "2000000000", {"currency": "CNY", "bound": "approx"})]),
    "budao": ("不到10%", [("10%", "PERCENT", "0.1", {"bound": "max"})]),
    "yixia": ("5000万元以下", [("5000万元", "MONEY", "50000000", {"currency": "CNY", "bound": "max"})]),
    "bushaoyu": ("不少于3亿元", [("3亿元", "MONEY", "300000000", {"currency": "CNY", "bound": "min"})]),
    "bare_context": ("总投资1.85亿,", [("1.85亿", "MONEY", "185000000", {"currency": "CNY"})]),
    "percent_cn": ("百分之八十七", [("百分之八十七", "PERCENT", "0.87", {})]),
    "percent_all": ("百分之百", [("百分之百", "PERCENT", "1", {})]),
    "cheng": ("九成以上企业", [("九成", "PERCENT", "0.9", {"bound": "min"})]),
    "exact_decimals": ("1249.45亿元", [("1249.45亿元", "MONEY", "124945000000", {"currency": "CNY"})]),
    "signing_not_approx": ("集中签约12个项目", [("12个", "COUNT", "12", {"unit": "个"})]),
    "thousands": ("1,200万元", [("1,200万元", "MONEY", "12000000", {"currency": "CNY"})]),
}

NOT_FIGURES = [
    "共建“一带一路”", "统一规划", "进一步拓宽信息渠道", "一旦落地", "第十八届青洽会", "一个个项目",
    "人一我十", "打造“五个之城”", "实施4633工程", "构建“3+7+5”产业体系", "联系电话:010-65363056",
    "邮箱:zsj2023@163.com", "交出了一份答卷", "一把手工程", "500强企业", "八大产业", "一批项目",
    "多个项目", "一对一服务", "一次次握手、一份份协议", "5G基站",
]


def _check(text: str, expected: list[tuple[str, str, str, dict[str, str]]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), SEED_SENTENCES.values(), ids=SEED_SENTENCES.keys())
def test_seed_sentences(text: str, expected: list[tuple[str, str, str, dict[str, str]]]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), WRITTEN_FORMS.values(), ids=WRITTEN_FORMS.keys())
def test_written_forms(text: str, expected: list[tuple[str, str, str, dict[str, str]]]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_values_are_decimal_never_float() -> None:
    for span in parse("投资1249.45亿元,增长12.3%,签约5个项目,年产5万吨").spans:
        value = getattr(span, "value", None)
        assert isinstance(value, Decimal), span


def test_target_progress_and_goal() -> None:
    r = parse("今年一季度,共签约项目23项,完成全年目标任务的87%。全年目标引资500亿元。")
    assert [(t.text, t.value, t.goal) for t in r.targets] == [
        ("完成全年目标任务的87%", Decimal("0.87"), None),
        ("全年目标引资500亿元", None, Decimal("50000000000")),
    ]


DATES = {
    "duration_days": ("90天,签下245亿元", "90天", "P90D"),
    "relative_quarter": ("今年一季度,西宁开发区", "今年一季度", None),
    "since_this_year": ("今年以来,西宁开发区", "今年", None),
    "month_day": ("2月16日,涵盖高原特色资源", "2月16日", None),
    "year": ("2022年,招商引资", "2022年", "2022"),
    "full_date": ("截至2023年12月20日", "2023年12月20日", "2023-12-20"),
    "hours": ("24小时盯在现场", "24小时", "PT24H"),
    "quarter": ("2023年第一季度", "2023年第一季度", "2023-Q1"),
    "half": ("2024年上半年", "2024年上半年", "2024-H1"),
    "month_range": ("2023年1-9月", "2023年1-9月", "2023-01/2023-09"),
    "chinese_year": ("二〇二三年", "二〇二三年", "2023"),
    "traditional_year_month": ("2023年7月", "2023年7月", "2023-07"),
    "month_end_with_year": ("到2024年3月底投产", "2024年3月底", "2024-03"),
    "month_end_without_year": ("8月底前投产", "8月底", None),
    "first_months_of_a_year": ("2023年前八个月签约", "2023年前八个月", "2023-01/2023-08"),
    "first_months_this_year": ("今年前10个月，全市", "今年前10个月", None),
    "rujin_is_not_this_year": ("如今年产5万吨", None, None),
}


@pytest.mark.parametrize(("text", "span", "value"), DATES.values(), ids=DATES.keys())
def test_dates(text: str, span: str | None, value: str | None) -> None:
    dates = parse(text).dates
    assert [(d.text, d.value) for d in dates] == ([(span, value)] if span else [])


def test_spans_are_typed() -> None:
    r = parse("签约金额180亿元,占80.6%,共84项,年产5万吨,2022年")
    assert [type(s).__name__ for s in r.spans] == ["Money", "Percent", "Count", "Quantity", "Date"]
    assert all(isinstance(s, Span) for s in r.spans)
