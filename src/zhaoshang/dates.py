"""Finding DATE expressions and their ISO values in normalized text.

Calendar dates (2023年12月20日 -> "2023-12-20"), years, months, quarters and
halves with a year ("2023-Q1", "2023-H1"), month ranges with a year
("2023-01/2023-09"), relative periods without a value (今年一季度, 去年),
durations in ISO 8601 (90天 -> "P90D", 24小时 -> "PT24H") and festivals.
"""

from __future__ import annotations

import re
from typing import Final

from .figures import Found
from .numerals import CN_DIGITS, parse_number

__all__ = ["find_dates"]

_CN = "零〇○一二两三四五六七八九十"
_YEAR = rf"(?P<year>(?:19|20)\d\d|[{_CN}]{{4}})年(?:度)?"
_MONTH_NUM = rf"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY_NUM = rf"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_REL_YEAR = r"(?P<rel>(?<!如)今年|去年|明年|前年|上年|当年|同年)"  # 如今年产 is 如今 + 年产
_PART = r"(?:底|初|末|中旬|上旬|下旬)"
_PERIOD = (
    rf"(?P<period>(?:第?[一二三四1-4]|前[三两二3])季度|Q[1-4]|[上下]半年|年初|年底|年末|年中|底|初|末|"
    rf"(?P<m1>{_MONTH_NUM})(?:-|—|~|至|到)(?P<m2>{_MONTH_NUM})月(?:份)?|"
    rf"前(?P<months>\d{{1,2}}|[{_CN}]{{1,3}})个?月)"
)
_DATE: Final = re.compile(
    rf"""
    (?P<iso>(?:19|20)\d\d-(?:1[0-2]|0[1-9])-(?:3[01]|[12]\d|0[1-9]))(?![\d:])
    | (?:{_YEAR}|{_REL_YEAR})
        (?:(?P<month>{_MONTH_NUM})月(?:份)?(?:(?P<day>{_DAY_NUM})[日号]
              (?:(?:-|—|~|至|到)(?:(?P<month2>{_MONTH_NUM})月)?(?P<day2>{_DAY_NUM})[日号])?
            |{_PART})?
          |{_PERIOD})?
    | (?P<yrange>(?:19|20)\d\d)(?:-|—|~|至|到)(?P<yrange2>(?:19|20)\d\d)年
    | (?P<first_months>前(?:\d{{1,2}}|[{_CN}]{{1,3}})个?月)
    | (?<![\d年\-~至到—])(?:{_MONTH_NUM}(?:-|—|~|至|到))?(?P<omonth>{_MONTH_NUM})月(?:份)?(?:(?P<oday>{_DAY_NUM})[日号]
          (?:(?:-|—|~|至|到)(?:{_MONTH_NUM}月)?{_DAY_NUM}[日号])?|{_PART})?
    | (?<![\d月])(?P<period_only>(?:第?[一二三四1-4]|前[三两二3])季度|[上下]半年)
    | (?P<festival>春节|元旦|国庆|中秋|端午|清明|五一|十一黄金周)
    """,
    re.VERBOSE,
)
_DURATION: Final = re.compile(
    rf"(?P<num>\d+(?:\.\d+)?|[{_CN}]+?|半)(?P<inner>[余多])?(?P<unit>个工作日|个多月|个月|个小时|天|周|星期|小时|分钟|年)"
    rf"(?![代级])"
)
_ISO_UNIT: Final = {"个工作日": "D", "天": "D", "周": "W", "星期": "W", "个月": "M", "个多月": "M",
                    "年": "Y", "小时": "H", "个小时": "H", "分钟": "M"}


def _int(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    if len(written) == 4 and all(ch in CN_DIGITS for ch in written):
        return int("".join(str(CN_DIGITS[ch]) for ch in written))
    value = parse_number(written)
    return int(value) if value is not None and value == int(value) else None


def _value(m: re.Match[str]) -> str | None:
    if m.group("iso"):
        return m.group("iso")
    if m.group("yrange"):
        return f"{m.group('yrange')}/{m.group('yrange2')}"
    if not m.group("year"):
        return None
    year = _int(m.group("year"))
    if year is None:
        return None
    if m.group("month"):
        month = _int(m.group("month"))
        if m.group("day2"):
            month2 = _int(m.group("month2")) if m.group("month2") else month
            return (f"{year:04d}-{month:02d}-{_int(m.group('day')):02d}/"
                    f"{year:04d}-{month2:02d}-{_int(m.group('day2')):02d}")
        if m.group("day"):
            day = _int(m.group("day"))
            return f"{year:04d}-{month:02d}-{day:02d}"
        # 2024年3月底, 2024年7月中旬: a part of a known month gives the month,
        # as 2023年底 gives 2023-12.
        return f"{year:04d}-{month:02d}"
    period = m.group("period")
    if not period:
        return f"{year:04d}"
    if m.group("months"):  # 2023年前10个月
        n = parse_number(m.group("months"))
        return f"{year:04d}-01/{year:04d}-{int(n):02d}" if n is not None and 1 <= n <= 12 and n == int(n) else None
    if m.group("m1"):
        return f"{year:04d}-{_int(m.group('m1')):02d}/{year:04d}-{_int(m.group('m2')):02d}"
    if period.endswith("季度"):
        q = period.lstrip("第")[0]
        if q == "前":
            n = _int(period[1])
            return f"{year:04d}-01/{year:04d}-{3 * n:02d}" if n else None
        return f"{year:04d}-Q{_int(q) if q.isdigit() else CN_DIGITS[q]}"
    if period.startswith("Q"):
        return f"{year:04d}-{period}"
    if period in ("上半年", "下半年"):
        return f"{year:04d}-H{1 if period[0] == '上' else 2}"
    if period in ("年底", "年末", "底", "末"):
        return f"{year:04d}-12"
    if period in ("年初", "初"):
        return f"{year:04d}-01"
    return f"{year:04d}"


def _duration(m: re.Match[str], text: str) -> Found | None:
    num, unit = m.group("num"), m.group("unit")
    if unit == "年":
        # 2022年 is a year, handled above; a duration in years is short: 3年, 三年.
        if num.isdigit() and len(num) > 2:
            return None
    if m.start() > 0 and text[m.start() - 1] in "第每":
        return None  # 第三年 is an ordinal
    if text.startswith("一度", m.end()):
        return None  # 一年一度
    if num == "半":  # 半年 is six months, 半小时 thirty minutes
        num, unit = {"年": ("6", "个月"), "小时": ("30", "分钟"), "个小时": ("30", "分钟"),
                     "个月": ("15", "天"), "天": ("12", "小时")}.get(unit, ("", unit))
        if not num:
            return None
    value = parse_number(num)
    if value is None or value <= 0:
        return None
    designator = _ISO_UNIT[unit]
    amount = format(value.normalize(), "f")
    iso = f"PT{amount}{designator}" if unit in ("小时", "个小时", "分钟") else f"P{amount}{designator}"
    return Found(m.start(), m.end(), "DATE", {"value": iso})


def find_dates(text: str) -> list[Found]:
    """All DATE expressions in normalized ``text``, possibly overlapping each other."""
    found = []
    for m in _DATE.finditer(text):
        if m.group("rel") and not m.group("month") and not m.group("period"):
            # 今年 alone; 上年 / 当年 alone are not dates worth a span.
            if m.group("rel") in ("当年", "同年"):
                continue
        value = _value(m)
        fields: dict[str, object] = {"value": value} if value else {}
        found.append(Found(m.start(), m.end(), "DATE", fields))
    for m in _DURATION.finditer(text):
        dur = _duration(m, text)
        if dur is not None:
            found.append(dur)
    return found
