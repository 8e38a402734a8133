"""What a heading or label names: the role of the text under it (conditions, standard, procedure...)."""

from __future__ import annotations

import re
from functools import cache

from recommender.text.lexicon import patterns

__all__ = ["REFUSING", "heading_role"]


@cache
def _role_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((role, tuple(words)) for role, words in patterns()["section_roles"].items())


# Headings not in the word lists, by their last word: 返还对象, 奖补条件, 返还标准, 经办方式.
_ROLE_SUFFIX = (
    ("conditions", re.compile(r"(?:对象|条件|资格|门槛)(?:和要求)?$|(?:不予|不得|不支持|禁止|排除)[^，。]{0,6}情形$")),  # 通用门槛, not 调整…贴息门槛
    ("procedure", re.compile(r"(?:程序|流程|(?<![新型料])材料|时间|渠道|经办方式|办理方式|申报方式|申请方式|监测|核查|考核|督导)$")),
)


_REFUSED_CASES = re.compile(r"^[^，。]{0,4}(?:不予|不得|不支持|禁止|排除)[^，。]{0,10}情形$"
                            r"|^有?(?:下列|以下)情形(?:之一的)?[，,]?\s*(?:不予|不得|不支持)[^，。]{0,6}$")  # 二、有下列情形之一的不予认定
_MET_CONDITIONS = re.compile(r"^[^，。；]{0,16}(?:满足|具备|符合)的(?:条件|要求)$"
                             r"|^[^，。；]{0,10}(?:须|应当|应)(?:逐项|同时|全部)?(?:符合|满足|具备)(?:以下|下列)?(?:条件|要求)?$")  # 申领企业须逐项符合
_BOTH = re.compile(r"(?:条件|对象)(?:和|与|及|、)(?:待遇|标准|支持内容|政策)")  # 认定条件和待遇
# 三、哪些情况不能享受？: whom the document leaves out (not 个体工商户能不能享受…？, which asks)
REFUSING = r"(?<!能)不能(?:享受|申请|申报)"


_PRODUCT_END = re.compile(r"(?:贷款|贷|贴息|担保|补贴|补助|奖励)$")


@cache
def heading_role(heading: str) -> str | None:
    if re.search(REFUSING, heading):
        return "conditions"
    named = [role for role, words in _role_words()
             if any(_names(w, heading) for w in words) and not (role == "validity" and "有效期内" in heading)]
    if {"conditions", "standard"} <= set(named) or _BOTH.search(heading):
        return None  # 三、人才类别、认定条件和待遇: both whom and what, the entries below tell them apart
    if named == ["procedure"] and _PRODUCT_END.search(heading.strip("。：: ")):
        return None  # 第三章 风险补偿贷款: a loan product backed by the fund, not how the fund is run
    if named:
        return named[0]  # (在有效期内的高新技术企业 is a requirement, not the document's term)
    short = heading.strip().rstrip("。：:")
    if _REFUSED_CASES.search(short):
        return "conditions"  # 第四部分　不予认定和奖励的情形
    if _MET_CONDITIONS.search(short):
        return "conditions"  # 二、享受上述支持须持续满足的条件
    if len(short) <= 8:
        for role, suffix in _ROLE_SUFFIX:
            if suffix.search(short):
                return role
    return None


def _names(word: str, heading: str) -> bool:
    """Whether a heading carries a role word; a two-character word (其他, 附则) only in a short heading, so that
    a short case read as a heading (同一项目已获得其他财政补助的) is not taken for 其他."""
    return word in heading and (len(word) > 2 or len(heading.strip("？?。：: ")) <= 6)
