"""Reading written numbers as exact :class:`~decimal.Decimal` values.

Handles Arabic digits (with thousands separators and decimals), Chinese
numerals in ordinary and financial (大写) forms, mixed forms (3千万, 1.2万亿)
and bare magnitudes (亿, 千亿). Pure Chinese numerals are read with ``cn2an``;
its known failure modes (magnitudes after Arabic digits, bare magnitudes,
qualifiers, ordinary words) never reach it: callers pass only the number
itself, and everything cn2an cannot read is handled here or rejected.
Input is expected in normalized (Simplified, half-width) form.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

__all__ = ["MAGNITUDES", "CN_DIGITS", "canonical", "magnitude", "parse_number"]

MAGNITUDES: Final[dict[str, int]] = {
    "十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000,
    "万": 10_000, "亿": 100_000_000,
}
CN_DIGITS: Final[dict[str, int]] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "两": 2,
    "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}

_ARABIC = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_ARABIC_MAG = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([十百千万亿拾佰仟]*)$")


def magnitude(chars: str) -> Decimal:
    """The product of magnitude characters: 千万 -> 10000000."""
    product = Decimal(1)
    for ch in chars:
        product *= MAGNITUDES[ch]
    return product


def _cn_integer(text: str) -> Decimal | None:
    import cn2an  # lazy: cn2an loads its tables on import

    if not text:
        return Decimal(0)
    if all(ch in MAGNITUDES for ch in text):
        # Bare magnitude (亿, 千亿, 十): cn2an raises on these.
        if text[0] in "万亿" or all(MAGNITUDES[a] < MAGNITUDES[b] for a, b in zip(text, text[1:])):
            return magnitude(text)
        return None
    try:
        value = cn2an.cn2an(text.replace("拾", "十").replace("佰", "百").replace("仟", "千"), "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        # cn2an rejects stacked magnitudes (一万万, 三千亿万): peel them off.
        if len(text) > 1 and text[-1] in "万亿":
            head = _cn_integer(text[:-1])
            return None if head is None else head * MAGNITUDES[text[-1]]
        return None
    if isinstance(value, float):  # cn2an reads some integers as floats
        if not value.is_integer():
            return None
        value = int(value)
    return Decimal(int(value))


def canonical(value: Decimal) -> Decimal:
    """The plain form of ``value``: no exponent, no trailing fractional zeros."""
    text = format(value.normalize(), "f")
    return Decimal(text)


def parse_number(text: str) -> Decimal | None:
    """Return the exact value of a written number, or None if it is not one.

    >>> parse_number("1.2万亿")
    Decimal('1200000000000')
    >>> parse_number("三千三百八十")
    Decimal('3380')
    >>> parse_number("千亿")
    Decimal('100000000000')
    """
    value = _parse(text.strip())
    return None if value is None else canonical(value)


def _parse(text: str) -> Decimal | None:
    if not text:
        return None
    m = _ARABIC_MAG.match(text)
    if m:
        number = Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
        return number * magnitude(m.group(3))
    if any(ch.isdigit() for ch in text if ch.isascii()):
        return None
    # Pure Chinese numeral: integer part before 点, digits after it.
    whole, _, frac = text.partition("点")
    if frac and not all(ch in CN_DIGITS for ch in frac):
        # 一点五亿: a magnitude after the decimals scales the whole number.
        mag_at = next((i for i, ch in enumerate(frac) if ch not in CN_DIGITS), len(frac))
        digits, mags = frac[:mag_at], frac[mag_at:]
        if not digits or not all(ch in "十百千万亿" for ch in mags):
            return None
        base = _parse(whole + "点" + digits)
        return None if base is None else base * magnitude(mags)
    integer = _cn_integer(whole)
    if integer is None:
        return None
    if not frac:
        return integer
    try:
        return integer + Decimal("0." + "".join(str(CN_DIGITS[ch]) for ch in frac))
    except (KeyError, InvalidOperation):
        return None
