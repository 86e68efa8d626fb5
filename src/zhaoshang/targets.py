"""TARGET spans: goals and progress against goals, stated with a figure.

Rules over the figures already found: a completion phrase ending in a
PERCENT (完成全年目标任务的87%) gives a TARGET whose ``value`` is the ratio;
a goal phrase ending in a figure (全年目标引资500亿元, 力争签约100个项目)
gives a TARGET whose ``goal`` is that figure's value.
"""

from __future__ import annotations

import re
from typing import Final

from .figures import Found

__all__ = ["find_targets"]

_GOAL_WORD = r"(?:目标任务|目标|任务|计划)"
_WHOSE = r"(?:全年|年度|今年|省定|市定|省下达|市下达|年初|既定|全年度|考核)?(?:确定的|下达的|制定的)?"
_PROGRESS: Final = re.compile(
    rf"(?:完成|为|占|达到|实现|达)(?:了)?[^,.;:!?。;,、“”\n]{{0,14}}?{_GOAL_WORD}(?:的)?(?:完成率)?$"
    r"|完成率$"
)
_CLAUSE = r"[^,.;:!?。;,、“”\n]"
# 力争/确保/争取 (with a directly preceding 全年/今年) up to the figure.
_STRIVE: Final = re.compile(
    rf"(?:全年|今年|年度|年内)?(?:力争|确保|争取|计划(?=引进|实施|签约|新开工|开工|完成|新增|招引|落地|实现)){_CLAUSE}{{0,20}}$"
)
# A clause with 目标 (its metric included: 全年实际使用外资目标175亿美元), or a
# yearly plan (今年计划, 年度计划).
_GOAL: Final = re.compile(
    rf"(?:(?<=[,.;:!?。;,、“”\n])|^)(?:今年|明年)?(?P<start>{_CLAUSE}{{0,12}}?目标(?:任务)?(?:是|为)?{_CLAUSE}{{0,14}}$)"
    rf"|(?P<plan>(?:全年|今年|年度|年内)计划{_CLAUSE}{{0,16}}$)"
)
_GOAL_LABELS: Final = ("MONEY", "COUNT", "PERCENT", "QUANTITY")


def find_targets(text: str, figures: list[Found]) -> list[Found]:
    """TARGET spans over normalized ``text`` for the given figures."""
    out: list[Found] = []
    for fig in figures:
        window_start = max(0, fig.start - 30)
        if window_start > 0:  # start the window at a clause boundary so ^ means one
            cut = max(text.rfind(ch, window_start, fig.start) for ch in ",.;:!?。;,、“”\n")
            window_start = cut + 1 if cut >= 0 else window_start
        window = text[window_start:fig.start]
        if fig.label == "PERCENT" and "value_max" not in fig.fields:
            m = _PROGRESS.search(window)
            if m:
                out.append(Found(window_start + m.start(), fig.end, "TARGET", {"value": fig.fields["value"]}))
                continue
        if fig.label in _GOAL_LABELS:
            strive = _STRIVE.search(window)
            goal = _GOAL.search(window)
            if strive or goal:
                if strive:
                    start = window_start + strive.start()
                else:
                    assert goal is not None
                    start = window_start + (goal.start("start") if goal.group("start") else goal.start("plan"))
                if out and out[-1].start == start and "goal" in out[-1].fields:
                    out.pop()  # 力争引进50亿元以上重大项目5个: the last figure is the goal
                out.append(Found(start, fig.end, "TARGET", {"goal": fig.fields["value"]}))
    return out
