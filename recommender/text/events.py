"""Status being acquired (新认定为…, 首次通过认定的…, 首次纳入…统计库): an event no profile field shows.

A profile can say an enterprise *is* a 高新技术企业, not that it was recognised for the first time last
year. Awards for a new title therefore carry, beside the qualification itself, an unknown condition
naming the event, and the title's words (农业产业化龙头企业) name no industry.
"""

from __future__ import annotations

import re

from recommender.text.condition_patterns import NO_LEAD, Hit

__all__ = ["event_spans", "names_event"]


_EVENT = re.compile(
    r"(?:首次|初次|新增(?=纳入|列入)|(?<![创革更刷清最全维高])新(?![区城型兴增能材])|重新|再次)\s*(?:被|由)?[^，。；、的]{0,14}?"
    r"(?:认定|通过|获评|评为|评定|评价|入选|纳入|列入|获得|取得|登记|认证|命名|授予|晋升)"
    r"|(?:届满后|到期后)\s*(?:重新|再次)?\s*(?:认定|通过)"
    r"|由[^，。；]{1,16}?(?:转型|转为|升级|改制|转制)[^，。；的]{0,6}?(?:设立|成立|注册|登记)"  # 由个体工商户转型设立
)
_STOP = re.compile(r"的|[，。；,;]")
_TITLE_END = re.compile(r"企业|基地|车间|工厂|中心|平台|园区|称号|认证|标志|名单|目录|库")
_RECOGNITION = re.compile(r"[”\"]?(?:认定|评价|评定|认证|入库)")
_SKIP_FIELDS = ("has_bank_loan", "age_years", "established")  # 首次获得银行贷款, 新设立: checkable events


def event_spans(head: str, hits: list[Hit]) -> list[tuple[int, int]]:
    """Spans of ``head`` that state a newly acquired status, ending at its title or before 的."""
    out: list[tuple[int, int]] = []
    for m in _EVENT.finditer(head):
        if any(h.start < m.end() and m.start() < h.end for h in hits if h.field in _SKIP_FIELDS):
            continue
        if out and m.start() < out[-1][1] or any(h.start <= m.start() < h.end for h in hits):
            continue
        start, end = m.start(), m.end()
        titles = [h for h in hits if h.field == "qualifications" and h.start >= start]
        before = [h for h in hits if h.field == "qualifications" and h.end <= start]
        if m.group(0).startswith(("届满", "到期")) and before:
            start = before[-1].start  # 高新技术企业资格届满后重新认定通过
        stop = _STOP.search(head, end)
        limit = stop.start() if stop else len(head)
        later = [min(h.start, h.lead) if h.lead != NO_LEAD else h.start
                 for h in hits if h.field != "qualifications" and end <= h.start < limit]
        later = [at for at in later if at >= end]
        if later:  # 首次纳入限额以上统计、上年度营业收入500万元以上: the next condition ends the event
            limit = len(head[:min(later)].rstrip("、，,和及且并 "))
        if titles and titles[0].start <= limit + 8:
            end = titles[0].end  # 新认定的国家级专精特新“小巨人”企业: through the title it names
            after = _RECOGNITION.match(head, end)
            end = after.end() if after else end  # 首次通过高新技术企业认定: and the recognition after it
        else:
            end = limit
            tail = head[m.end():end]
            if not _TITLE_END.search(tail) and len(head[start:end]) < 6:
                continue
        out.append((start, end))
    return out


def names_event(text: str) -> bool:
    """Whether a phrase states a newly acquired status (so it is more than a bare subject)."""
    return bool(_EVENT.search(text))
