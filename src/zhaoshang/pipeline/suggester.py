"""Candidate spans for PROJECT: ``zhaoshang.project_suggester.v1``.

Project names end in a head word (项目, 工程, 基地, 产业园, ...) or right before
a shared 等项目, and never cross punctuation. Every start within ``max_length``
characters before such an end, up to the previous punctuation mark, is a
candidate; the span categorizer then picks the names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

from spacy.util import registry
from thinc.api import Ops, get_current_ops
from thinc.types import Ints1d, Ragged

from spacy.tokens import Doc

HEADS: Final = ("项目", "工程", "基地", "产业园", "园区", "中心", "工厂", "生产线", "综合体",
                "示范区", "产业链", "电站", "城", "港", "园", "生产", "制造", "集成", "建设")
_END: Final = re.compile("(?:" + "|".join(HEADS) + r")|(?=等(?:[^,。,;、\n]{0,6})项目)")
_BREAK: Final = re.compile(r"[,，。.;；:：!！?？、\n“”\"'()（）《》【】\[\]]")


def _candidates(text: str, max_length: int) -> set[tuple[int, int]]:
    out = set()
    for m in _END.finditer(text):
        end = m.end()
        window = text[max(0, end - max_length):end]
        breaks = [b.end() for b in _BREAK.finditer(window)]
        floor = max(0, end - max_length) + (breaks[-1] if breaks else 0)
        for start in range(floor, end - 1):
            out.add((start, end))
    return out


@registry.misc("zhaoshang.project_suggester.v1")
def build_project_suggester(max_length: int = 30) -> Callable[[Iterable[Doc], Ops | None], Ragged]:
    def suggest(docs: Iterable[Doc], *, ops: Ops | None = None) -> Ragged:
        ops = ops or get_current_ops()
        spans: list[list[int]] = []
        lengths: list[int] = []
        for doc in docs:
            starts = {t.idx: t.i for t in doc}
            ends = {t.idx + len(t): t.i + 1 for t in doc}
            cands = sorted(
                (starts[s], ends[e]) for s, e in _candidates(doc.text, max_length) if s in starts and e in ends
            )
            spans.extend([s, e] for s, e in cands)
            lengths.append(len(cands))
        data: Ints1d = ops.asarray2i(spans) if spans else ops.xp.zeros((0, 2), dtype="i")  # type: ignore[assignment]
        return Ragged(data, ops.asarray1i(lengths))

    return suggest
