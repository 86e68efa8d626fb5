"""zhaoshang: structured data from Chinese investment-attraction news.

>>> from zhaoshang import parse
>>> result = parse("签约项目35项，签约金额180亿元。")
>>> [(m.text, m.value, m.currency) for m in result.amounts]
[('180亿元', Decimal('18000000000'), 'CNY')]
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .parser import MAX_CHARS, Parser, load, parse, parse_many
from .results import Count, Date, Money, ParseResult, Percent, Quantity, Span, Target

try:
    __version__ = version("zhaoshang")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "MAX_CHARS", "load", "Parser", "parse", "parse_many", "ParseResult", "Span", "Money", "Percent", "Count",
    "Quantity", "Date", "Target", "__version__",
]
