"""The ``zhaoshang/org_names`` component: whole organization and zone names.

A character model often tags only the place at the head of a longer name
(四川 in 四川顺金隆铝业有限公司, 北京经开区 in 北京经开区管委会, 青岛 in
青岛西海岸新区). After the NER this component

- extends a LOC entity that runs straight on, through a short name without
  verbs or function words, into a zone suffix (新区, 开发区, 产业园, ...) to
  the whole zone (LOC);
- extends a LOC, INDUSTRY or ORG entity that runs on into an organization
  suffix (有限公司, 集团, 管委会, 银行, 商会, ...) to one ORG entity
  ([青海高景太]阳能科技有限公司 -> [青海高景太阳能科技有限公司]);
- relabels as ORG a LOC or INDUSTRY entity that itself ends in such a
  suffix, and as LOC an ORG entity that ends in a zone or county suffix
  (大连金普新区, 和林格尔县) and in no organization suffix; and
- merges a Chinese place directly followed by an organization into that
  organization ([青海][丽豪半导体材料有限公司] -> [青海丽豪半导体材料有限公司]);
  a foreign country or region stays a LOC of its own ([德国][博世]), as the
  annotation guidelines say.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

from spacy.language import Language
from spacy.tokens import Doc, Span

SUFFIXES: Final = (
    "股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "管委会", "管理委员会", "委员会",
    "银行", "分行", "支行", "大学", "学院", "研究院", "研究所", "实验室", "协会", "商会", "联合会",
    "基金会", "促进会", "商务局", "投资促进局", "招商局", "发改委", "市委", "县委", "省委",
    "人民政府", "政府", "日报", "晚报", "融媒体中心", "电视台", "株式会社",
)
_SUFFIX: Final = re.compile("|".join(sorted(SUFFIXES, key=len, reverse=True)))
ZONE_SUFFIXES: Final = (
    "新区", "开发区", "高新区", "经开区", "工业园区", "工业园", "产业园", "园区", "片区", "保税区",
    "综保区", "自贸区", "港区", "示范区", "合作区", "科技城", "新城", "小镇", "物流园", "口岸",
)
_ZONE: Final = re.compile("|".join(sorted(ZONE_SUFFIXES, key=len, reverse=True)))
_PLACE_ENDINGS: Final = (*ZONE_SUFFIXES, "县", "区")
# A name runs on through Han characters and Latin letters, nothing else.
_NAME_CHARS: Final = re.compile(r"[\u3400-\u9fffA-Za-z]{0,16}")
# Countries and regions whose name before a company says where the capital comes from.
FOREIGN_PLACES: Final = frozenset((
    "德国", "日本", "韩国", "美国", "法国", "英国", "意大利", "西班牙", "荷兰", "比利时", "瑞士",
    "瑞典", "丹麦", "挪威", "芬兰", "奥地利", "卢森堡", "以色列", "新加坡", "泰国", "越南",
    "马来西亚", "印尼", "印度尼西亚", "印度", "沙特", "阿联酋", "卡塔尔", "俄罗斯", "澳大利亚",
    "澳洲", "新西兰", "加拿大", "巴西", "墨西哥", "香港", "澳门", "台湾", "欧洲", "欧盟",
))
_STOP: Final = frozenset("的和与及在将对向从把被是为等了也都就并又还其该各这那由以于到")
_MAX_EXTENSION: Final = 16


@Language.factory("zhaoshang/org_names", assigns=["doc.ents"])
def make_org_names(nlp: Language, name: str) -> OrgNames:
    return OrgNames(name=name)


class OrgNames:
    """Completes organization names the NER cut short."""

    def __init__(self, *, name: str = "zhaoshang/org_names") -> None:
        self.name = name
        self._tags: Any = None

    def _has_verb(self, chunk: str) -> bool:
        if self._tags is None:
            import jieba
            import jieba.posseg

            jieba.setLogLevel(logging.WARNING)
            self._tags = jieba.posseg.dt
        return any(flag.startswith("v") for _, flag in self._tags.lcut(chunk))

    def _extend(self, doc: Doc, text: str, ent: Span, next_start: int, suffix: re.Pattern[str],
                label: str) -> Span | None:
        run = _NAME_CHARS.match(text, ent.end_char, min(next_start, ent.end_char + _MAX_EXTENSION))
        if run is None or not run.group():
            return None
        chunk = run.group()
        cut = next((i for i, ch in enumerate(chunk) if ch in _STOP), len(chunk))
        found = suffix.search(chunk[:cut])
        if found is None:
            return None
        end = found.end()
        if self._has_verb(chunk[:end]):
            return None
        return doc.char_span(ent.start_char, ent.end_char + end, label=label)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        text = doc.text  # built from the tokens on every access: read it once
        out: list[Span] = []
        for i, ent in enumerate(ents):
            nxt = ents[i + 1].start_char if i + 1 < len(ents) else len(text)
            if ent.label_ == "LOC":
                ent = self._extend(doc, text, ent, nxt, _ZONE, "LOC") or ent
            if ent.label_ in ("LOC", "INDUSTRY") and ent.text.endswith(SUFFIXES):
                ent = Span(doc, ent.start, ent.end, label="ORG")
            elif ent.label_ in ("LOC", "INDUSTRY", "ORG") and not ent.text.endswith(SUFFIXES):
                ent = self._extend(doc, text, ent, nxt, _SUFFIX, "ORG") or ent
            if ent.label_ == "ORG" and ent.text.endswith(_PLACE_ENDINGS) and not ent.text.endswith(SUFFIXES):
                ent = Span(doc, ent.start, ent.end, label="LOC")
            if (ent.label_ == "ORG" and out and out[-1].label_ == "LOC" and out[-1].end == ent.start
                    and out[-1].text not in FOREIGN_PLACES):
                ent = Span(doc, out.pop().start, ent.end, label="ORG")
            out.append(ent)
        doc.ents = out
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
