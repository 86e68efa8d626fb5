"""Finding and normalizing figures (MONEY, PERCENT, COUNT, QUANTITY).

Works on normalized text (see :mod:`zhaoshang.textnorm`). A figure needs a
unit: a currency, a classifier, a physical unit or a percent sign, so words
that merely contain numerals (一带一路, 统一, 进一步) never become figures.
Qualifiers stay outside the span and are read into ``bound``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from .numerals import CN_DIGITS, MAGNITUDES, canonical, magnitude, parse_number
from .units import (
    BOUND_AFTER, BOUND_BEFORE, CLASSIFIERS, CURRENCIES, DURATIONS, INNER_MIN, PHYSICAL_UNITS,
)

__all__ = ["Found", "find_figures", "read_figure", "bound_at"]


@dataclass(frozen=True)
class Found:
    """A span found in normalized text, with its normalized fields."""

    start: int
    end: int
    label: str
    fields: dict[str, object] = field(default_factory=dict)


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_CN = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
# A number: Arabic digits with optional trailing magnitudes (lazy, so 110千伏
# reads as 110 + 千伏), or a Chinese numeral with an optional 点 fraction.
_NUM = rf"(?:{_ARABIC}[十百千万亿]*?|[{_CN}]+?(?:点[{_CN}]+?)?)"
_INNER = f"[{INNER_MIN}]"
_SEP = r"(?:~|〜|-|—|–|至|到)"
_CURRENCY = _alt(CURRENCIES)
_UNIT = _alt((*PHYSICAL_UNITS,))
_CLASSIFIER = _alt(CLASSIFIERS)
_DURATION = _alt(DURATIONS)

# One figure: number, inner 余/多, magnitude, unit; optionally a range.
_FIGURE_PATTERN = rf"""
    (?P<lo>{_NUM})(?P<lo_inner>{_INNER})?(?P<lo_mag>[万亿]*)
    RANGE
    (?P<inner>{_INNER})?(?P<mag>[万亿]*?)
    (?:
        (?P<currency>{_CURRENCY})
      | (?P<percent>%|个百分点|倍(?!数|增))
      | (?P<unit>{_UNIT})(?![A-Za-z])
      | (?P<classifier>{_CLASSIFIER})
    )
    """
_RANGE = rf"(?:(?P<lo_unit>{_CURRENCY}|%|{_UNIT}|{_CLASSIFIER})?(?P<sep>{_SEP})(?P<hi>{_NUM}))?"
_FIGURE: Final = re.compile(_FIGURE_PATTERN.replace("RANGE", _RANGE), re.VERBOSE)
# The same without ranges, tried where a range reading is rejected (从3千万元到20亿元).
_SINGLE: Final = re.compile(
    _FIGURE_PATTERN.replace("RANGE", "(?P<lo_unit>)?(?P<sep>)?(?P<hi>)?"), re.VERBOSE
)
# A number with a magnitude and no unit, read as money in a money context.
_BARE_MONEY: Final = re.compile(rf"(?P<lo>{_ARABIC}|[{_CN}]+?(?:点[{_CN}]+?)?)(?P<mag>[万亿]+)(?![万亿])")
_PERCENT_CN: Final = re.compile(rf"百分之(?P<num>[{_CN}]+(?:点[{_CN}]+)?)")
_FRACTION: Final = re.compile(rf"(?<![{_CN}])(?P<den>[{_CN}]+)分之(?P<num>[{_CN}]+)")
_CHENG: Final = re.compile(r"(?<![一二三四五六七八九十两\d])(?P<num>[一二两三四五六七八九]|十)成(?P<inner>多|余)?"
                           r"(?!不变|为|立|交|效|绩|就|本|员|果|长|都|熟|品|型|套|功|分|了|片|群|批|风|型)")

# Words that put a number in a money context when no currency is written.
_MONEY_CONTEXT: Final = re.compile(
    r"(投资|资金|金额|总额|授信|营收|收入|产值|融资|贷款|税收|利润|销售额|引资|到位|资本|基金|估值|"
    r"成交|出口额|进口额|交易额|规模)[^,.;:!?。;,、]{0,6}$"
)
# Characters before 约/近/过/上/超 that make them part of another word.
_NOT_QUALIFIER: Final[dict[str, str]] = {
    "约": "签合预履特公条制违节邀相赴誓毁爽婚失守践",
    "近": "最附亲靠逼临就邻贴接将",
    "超": "赶高",
    "过": "通经不越跨路错度做有去来见超",
    "上": "以之年会线网市马向加基础在于到达面身手地",
}
# Numerals that do not start a figure after these characters: 第十八届, 统一, 万一.
_NOT_AFTER: Final = frozenset("第统进唯同专逐单周初之其星礼万")
_NOT_MONEY_AFTER: Final = ("材料", "锂", "正极", "前驱体", "电池", "催化")
_NAME_FOLLOW: Final = ("之城", "之都", "之乡", "大", "工程", "山", "河", "县")


def bound_at(text: str, start: int, end: int, inner: bool = False) -> str:
    """The bound set by qualifiers around ``text[start:end]``.

    Qualifiers before the span win over an inner 余/多, which gives ``min``.
    """
    for word in BOUND_AFTER:
        if text.startswith(word, end):
            return BOUND_AFTER[word]
    for word in sorted(BOUND_BEFORE, key=len, reverse=True):
        if text.endswith(word, 0, start):
            before = text[start - len(word) - 1] if start - len(word) >= 1 else ""
            if len(word) == 1 and before and before in _NOT_QUALIFIER.get(word, ""):
                continue
            if word in ("过", "上") and not (text[start] in "十百千万亿" or before in "值额收资模入量数"):
                continue
            return BOUND_BEFORE[word]
    return "min" if inner else "exact"


def _starts_chinese(written: str) -> bool:
    return bool(written) and written[0] in _CN


def read_figure(text: str, m: re.Match[str]) -> Found | None:
    """Turn one regex match of a figure into a :class:`Found`, or reject it."""
    kind = next(k for k in ("currency", "percent", "unit", "classifier") if m.group(k) is not None)
    lo_text, hi_text = m.group("lo"), m.group("hi") or None
    mag = m.group("mag") or ""
    inner = bool(m.group("inner") or m.group("lo_inner"))
    start, end = m.start(), m.end()
    lo = parse_number(lo_text + (m.group("lo_mag") or ""))
    if lo is None:
        return None
    if hi_text is None and len(lo_text) == 2 and all(c in CN_DIGITS for c in lo_text) \
            and CN_DIGITS[lo_text[1]] == CN_DIGITS[lo_text[0]] + 1 and CN_DIGITS[lo_text[0]] > 0:
        # 两三个, 三四家: two neighbouring digits are a range
        lo, hi_range = Decimal(CN_DIGITS[lo_text[0]]), Decimal(CN_DIGITS[lo_text[1]])
        lo *= magnitude(m.group("lo_mag") or "") * magnitude(mag)
        hi = hi_range * magnitude(m.group("lo_mag") or "") * magnitude(mag)
    elif hi_text is not None:
        hi = parse_number(hi_text)
        if hi is None:
            return None
        hi *= magnitude(mag)
        # 30~50亿元: the low end shares the magnitude when it has none itself.
        if not m.group("lo_mag") and not any(c in lo_text for c in "万亿") and hi >= lo * magnitude(mag):
            lo *= magnitude(mag)
        if m.group("lo_unit") and (m.group("lo_unit") != m.group(kind) or m.group("sep") == "到"):
            return None  # 从3千万元到20亿元 is a change, not a range
        if hi <= lo:
            return None
    else:
        hi = None
        lo *= magnitude(mag)
    if lo_text[0] in _CN and start > 0 and text[start - 1] in _NOT_AFTER:
        return None
    # A number glued to letters or digits is part of a code or name (H5, 4633工程).
    if start > 0 and (text[start - 1].isascii() and (text[start - 1].isalnum() or text[start - 1] in ".+/")):
        return None
    fields: dict[str, object] = {}
    bare = all(ch in MAGNITUDES for ch in lo_text) and hi_text is None
    if kind == "currency":
        label = "MONEY"
        fields["currency"] = CURRENCIES[m.group("currency")]
        if _starts_chinese(lo_text) and text.startswith(_NOT_MONEY_AFTER, end):
            return None  # 三元锂电池: ternary, not three yuan
    elif kind == "percent":
        label = "PERCENT"
        if m.group("percent") != "倍":  # 1.4倍 is the ratio 1.4 itself
            lo = lo / 100
            hi = None if hi is None else hi / 100
        if bare:
            return None
    elif kind == "unit":
        label = "QUANTITY"
        fields["unit"] = m.group("unit")
        if bare and not inner and bound_at(text, start, end) == "exact":
            return None
    elif kind == "classifier":
        label = "COUNT"
        unit = m.group("classifier")
        fields["unit"] = unit
        after = text[end:end + 2]
        if bare and not inner and bound_at(text, start, end) == "exact":
            return None  # 百家 alone is vague; 上百家, 近百家 and 百余家 are figures
        if lo == 0 and _starts_chinese(lo_text):
            return None  # 零件, 零部件
        if unit == "个" and after.startswith(("月", "工作日", "百分点", "小时")):
            return None
        if text.startswith(unit, end) or after.startswith(_NAME_FOLLOW):  # 一个个, 五个之城
            return None
        if _starts_chinese(lo_text) and lo == 1 and hi is None and lo_text in "一壹":
            return None  # 一家企业: an indefinite article, not a count
    fields["value"] = canonical(lo)
    if hi is not None:
        fields["value_max"] = canonical(hi)
    fields["bound"] = bound_at(text, start, end, inner)
    if label == "MONEY" and bare and text.startswith("项目", end):
        fields["bound"] = "min"  # 亿元项目: projects of a hundred million or more
    return Found(start, end, label, fields)


def _bare_money(text: str) -> list[Found]:
    """总投资1.85亿: a magnitude with no currency, money only in a money context."""
    out = []
    for m in _BARE_MONEY.finditer(text):
        lo_text = m.group("lo")
        if lo_text[0] in _CN and (lo_text in "一" or (m.start() > 0 and text[m.start() - 1] in _NOT_AFTER)):
            continue
        if m.start() > 0 and text[m.start() - 1].isascii() and text[m.start() - 1].isalnum():
            continue
        if not _MONEY_CONTEXT.search(text, 0, m.start()):
            continue
        value = parse_number(lo_text + m.group("mag"))
        if value is None:
            continue
        out.append(Found(m.start(), m.end(), "MONEY", {
            "currency": "CNY", "value": value, "bound": bound_at(text, m.start(), m.end())}))
    return out


def _cn_percent(text: str) -> list[Found]:
    out = []
    for m in _PERCENT_CN.finditer(text):
        value = parse_number(m.group("num"))
        if value is not None:
            out.append(Found(m.start(), m.end(), "PERCENT",
                             {"value": canonical(value / 100), "bound": bound_at(text, m.start(), m.end())}))
    for m in _FRACTION.finditer(text):
        if m.group("den") == "百":
            continue  # 百分之八十七 is read above
        den, num = parse_number(m.group("den")), parse_number(m.group("num"))
        if not den or num is None:
            continue
        ratio = num / den
        if ratio * den != num or len(format(ratio.normalize(), "f")) > 12:
            continue  # 三分之一 has no exact decimal value
        out.append(Found(m.start(), m.end(), "PERCENT",
                         {"value": canonical(ratio), "bound": bound_at(text, m.start(), m.end())}))
    for m in re.finditer(r"(?<![一二三四五六七八九十])一半", text):
        out.append(Found(m.start(), m.end(), "PERCENT", {"value": Decimal("0.5"),
                                                         "bound": bound_at(text, m.start(), m.end())}))
    for m in _CHENG.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in _NOT_AFTER:
            continue
        value = Decimal(10) if m.group("num") == "十" else Decimal(CN_DIGITS[m.group("num")])  # 两成 = 0.2
        out.append(Found(m.start(), m.end(), "PERCENT", {
            "value": canonical(value / 10), "bound": bound_at(text, m.start(), m.end(), bool(m.group("inner")))}))
    return out


def find_figures(text: str) -> list[Found]:
    """All figures in normalized ``text``, left to right, not overlapping."""
    found = _cn_percent(text) + _bare_money(text)
    pos = 0
    while True:
        m = _FIGURE.search(text, pos)
        if m is None:
            break
        fig = read_figure(text, m)
        if fig is None and m.group("hi") is not None:
            single = _SINGLE.match(text, m.start())
            fig = read_figure(text, single) if single else None
        if fig is None:
            # Try again one character later: 统一12个 must still find 12个.
            pos = m.start() + 1
            continue
        found.append(fig)
        pos = fig.end
    return resolve(found)


def resolve(found: list[Found]) -> list[Found]:
    """Keep the leftmost-longest of overlapping spans."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept
