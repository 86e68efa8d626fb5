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
)
_GOAL: Final = re.compile(
    r"(?:(?:全年|今年|年度|年内)?(?:目标(?:是|为)?|力争|确保|计划|争取))"
    r"[^,.;:!?。;,、“”\n]{0,20}$"
)
_GOAL_LABELS: Final = ("MONEY", "COUNT", "PERCENT", "QUANTITY")


def find_targets(text: str, figures: list[Found]) -> list[Found]:
    """TARGET spans over normalized ``text`` for the given figures."""
    out: list[Found] = []
    for fig in figures:
        window_start = max(0, fig.start - 30)
        window = text[window_start:fig.start]
        if fig.label == "PERCENT" and "value_max" not in fig.fields:
            m = _PROGRESS.search(window)
            if m:
                out.append(Found(window_start + m.start(), fig.end, "TARGET", {"value": fig.fields["value"]}))
                continue
        if fig.label in _GOAL_LABELS:
            m = _GOAL.search(window)
            if m:
                start = window_start + m.start()
                if out and out[-1].start == start and "goal" in out[-1].fields:
                    out.pop()  # 力争引进50亿元以上重大项目5个: the last figure is the goal
                out.append(Found(start, fig.end, "TARGET", {"goal": fig.fields["value"]}))
    return out
