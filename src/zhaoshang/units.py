"""Unit tables: currencies, counting classifiers, physical units, time units
and the qualifier words that set a figure's bound. One place for each.

All entries are in normalized (Simplified, half-width) form.
"""

from __future__ import annotations

from typing import Final

#: Currency words and their ISO 4217 codes. Longer words must win over 元.
CURRENCIES: Final[dict[str, str]] = {
    "元人民币": "CNY", "元": "CNY", "人民币": "CNY", "块钱": "CNY",
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR",
    "日元": "JPY", "英镑": "GBP", "韩元": "KRW", "新加坡元": "SGD", "新元": "SGD",
    "澳元": "AUD", "加元": "CAD", "瑞士法郎": "CHF", "卢布": "RUB", "泰铢": "THB",
    "澳门元": "MOP", "新台币": "TWD", "迪拉姆": "AED", "林吉特": "MYR",
}

#: Classifiers that count discrete things (COUNT). Compound ones first.
CLASSIFIERS: Final[tuple[str, ...]] = (
    "家次", "人次", "批次", "个",
    "项", "家", "次", "人", "名", "位", "批", "户", "台", "套", "座", "条", "张",
    "支", "场", "件", "款", "所", "栋", "幢", "辆", "架", "艘", "颗", "株", "处", "轮",
    "宗", "份", "部", "间", "片", "根", "枚", "只", "头", "床",
    "类", "种", "组", "队", "团", "笔", "篇", "本", "盏", "副", "粒", "单", "列", "瓶", "袋", "锭", "架次", "发", "起", "块", "剂", "双", "穗", "趟",
)

#: Physical and capacity units (QUANTITY), longest first when matched.
PHYSICAL_UNITS: Final[tuple[str, ...]] = (
    "载重吨", "千升", "英寸", "微米", "纳米", "平方公里", "平方千米", "平方米", "平米", "立方米", "公顷", "英亩", "亩",
    "吨标准煤", "吨", "千克", "公斤", "克", "公里", "千米", "毫米", "厘米", "米",
    "千瓦时", "兆瓦时", "吉瓦时", "太瓦时", "千瓦", "兆瓦", "吉瓦", "太瓦", "瓦",
    "千伏安", "千伏", "伏", "度电", "标准箱", "标箱", "斤",
    "GWh", "MWh", "kWh", "KWh", "TWh", "GW", "MW", "kW", "KW", "kV", "KV",
    "TEU", "PFlops", "PFLOPS", "EFLOPS", "升", "℃", "P",
)

#: Time units of durations (DATE) and their ISO 8601 designators.
DURATIONS: Final[dict[str, str]] = {
    "个工作日": "D", "天": "D", "日": "D", "周": "W", "星期": "W", "个月": "M",
    "年": "Y", "小时": "H", "分钟": "M",
}

#: Qualifiers before a figure, longest first, and the bound each sets.
BOUND_BEFORE: Final[dict[str, str]] = {
    "不少于": "min", "不低于": "min", "至少": "min", "最低": "min", "最少": "min",
    "最高": "max", "最多": "max", "至多": "max", "封顶": "max", "最高奖励": "max", "最高补助": "max",
    "最高补贴": "max", "最高给予": "max", "最高可获": "max", "最高可获补助": "max", "最高奖补": "max",
    "最高支持": "max", "最高资助": "max", "不超过": "max", "不高于": "max", "不足": "max",
    "不到": "max", "低于": "max", "少于": "max", "超过": "min", "高于": "min",
    "多于": "min", "突破": "min", "首破": "min", "跨过": "min", "超出": "min", "约占": "approx",
    "大约": "approx", "将近": "approx", "接近": "approx", "约": "approx",
    "近": "approx", "超": "min", "逾": "min", "过": "min", "上": "min",
}
#: Qualifiers after a figure and the bound each sets.
BOUND_AFTER: Final[dict[str, str]] = {
    "及以上": "min", "以上": "min", "之上": "min", "级": "min", "(含)以上": "min", "(含)以下": "max",
    "封顶": "max", "开外": "min", "左右": "approx", "上下": "approx",
    "以下": "max", "以内": "max", "之内": "max",
}
#: Inner marks between number and unit: 1000余万元, 200多人.
INNER_MIN: Final[str] = "余多几"
