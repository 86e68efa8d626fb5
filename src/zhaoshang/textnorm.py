"""Offset-preserving text normalization.

Analysis runs on a normalized copy of the caller's text: Traditional script
converted to Simplified (OpenCC ``t2s``), full-width ASCII folded to half-width,
odd spaces made plain, zero-width characters and pinyin ruby annotations
(``動(dòng)``) removed. :class:`NormalizedText` keeps, for every character of the
copy, the index of the original character it came from, so any span found in
the copy maps back to exact offsets in the original.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["NormalizedText", "normalize"]

_SPACES = frozenset("\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                    "\u202f\u205f\u3000")
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# A pinyin reading in brackets right after a Han character: 動(dòng). It must
# carry a tone mark, so ordinary Latin words in brackets are left alone.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff])\((?=[a-z{_TONED}ü]*[{_TONED}])[a-z{_TONED}ü]{{1,7}}\)"
)


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc  # imported lazily: conversion tables load on first use

    return opencc.OpenCC("t2s")


def _fold(ch: str) -> str:
    """Fold one character: full-width ASCII to half-width, odd spaces to ' '."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if ch in _SPACES:
        return " "
    if code < 0x20 and ch not in "\n\t\r":
        return " "
    return ch


def _to_simplified(text: str) -> str:
    """Convert to Simplified script, character for character.

    OpenCC converts phrases, and a phrase may change length; then each line
    (and, failing that, each character) is converted on its own so that the
    result stays aligned with the input.
    """
    conv = _converter()
    out = conv.convert(text)
    if len(out) == len(text):
        return str(out)
    parts = []
    for line in text.splitlines(keepends=True):
        converted = conv.convert(line)
        if len(converted) != len(line):
            converted = "".join(
                c2 if len(c2 := conv.convert(ch)) == 1 else ch for ch in line
            )
        parts.append(converted)
    return "".join(parts)


@dataclass(frozen=True)
class NormalizedText:
    """A normalized copy of ``original`` with a map back to it.

    ``origin[i]`` is the index in ``original`` of ``text[i]``; the list has one
    extra entry, ``len(original)``, for end offsets.
    """

    original: str
    text: str
    origin: array[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``text[start:end]`` to offsets in ``original``."""
        if end <= start:
            pos = self.origin[start]
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``original[start:end]`` to offsets in ``text``.

        Characters removed by normalization (pinyin annotations) shrink the
        span; a span made only of removed characters maps to an empty span.
        """
        n = len(self.text)
        return bisect_left(self.origin, start, 0, n), bisect_left(self.origin, end, 0, n)


def normalize(original: str) -> NormalizedText:
    """Return the analysis copy of ``original`` with its offset map."""
    simplified = _to_simplified(original) if original else original
    chars: list[str] = []
    origin = array("q")
    for i, ch in enumerate(simplified):
        if ch in _DROP:
            continue
        chars.append(_fold(ch))
        origin.append(i)
    folded = "".join(chars)
    # Second pass: drop pinyin annotations, composing the offset maps.
    keep_text: list[str] = []
    keep_origin = array("q")
    pos = 0
    for m in _PINYIN.finditer(folded):
        keep_text.append(folded[pos:m.start()])
        keep_origin.extend(origin[pos:m.start()])
        pos = m.end()
    keep_text.append(folded[pos:])
    keep_origin.extend(origin[pos:])
    keep_origin.append(len(original))
    return NormalizedText(original=original, text="".join(keep_text), origin=keep_origin)
