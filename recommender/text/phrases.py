"""Phrase helpers: requirement text clean-up, non-requirements, 或者-alternatives, tables and masking."""

from __future__ import annotations

import re

__all__ = [
    "THIS_DOCUMENT",
    "APPLICANT", "APPLICANT_KINDS", "APPLYING_FOR_SUPPORT", "CHECKING_COLUMN", "EXCLUDING_LEAD", "display_width", "INLINE_REQUIREMENTS", "LET_OFF", "NEGATED_LEAD", "REFUSAL", "NO_DOUBLE", "NOT_REQUIREMENT", "ONLY_FOR_NOTE", "OUT_OF_SCOPE", "TRIM", "mask", "no_condition_spans", "in_order", "or_branches", "pipe_table", "requirement_text", "table_cells",
    "untable", "untick",
]


# 申请扶持资金的企业: who applies, named before the requirements (none of them).
# 本办法 / 本细则 / 本清单…: the document speaking of itself (not a list or section it holds).
THIS_DOCUMENT = r"本(?:办法|细则|通知|措施|方案|指南|规定|政策|意见|规程|规则|条例|清单|公告)"
APPLICANT = re.compile(r"(?:申请|申报|享受|获得|取得|领取)[^，。；]{1,16}?的(?:企业|单位|主体|市场主体|经营主体|个体工商户)")


# 申报2.2项的 / 申请第3项的: applying for an item named by its number or path
APPLYING_FOR_NUMBERED = (r"(?:申报|申请)(?:本通知|本办法|本指南)?第?\s*"
                         r"(?P<path>[0-9一二三四五六七八九十][0-9.一二三四五六七八九十]{0,4})\s*项")
# 申请《举措》支持的 / 享受奖补的: who applies, named by the support applied for.
APPLYING_FOR_SUPPORT = r"(?:申请|申报|享受|获得)[^，。；]{0,16}?(?:奖补|补助|补贴|奖励|扶持|支持|资金|贴息|政策)的"


# 有下列情形之一的企业，不予支持: the lead of a list of cases that are ruled out.
EXCLUDING_LEAD = (r"(?:(?:有|存在)?(?:下列|以下)(?:情形|情况|企业|单位|主体|经营主体|对象|客户)(?:之一)?的?[^：:。\n]{0,12}?"
                  r"(?:不享受|不予|不得|不纳入|不适用|不受理)"
                  # 本公司不为下列对象提供担保：A；B。 / 本行不向以下客户发放贷款：
                  r"|(?:不得?|不予)(?:为|向|对)(?:下列|以下)(?:对象|客户|企业|单位|主体|经营主体)[^：:。\n]{0,8}?(?:提供|发放|办理|给予)"
                  # 各项产品均不支持下列主体：A；B。
                  r"|(?:[^，。；：:\n]{0,8}?(?:均|一律|都))?(?:不支持|不予支持|不受理|不予受理|不准入|不接受)(?:下列|以下)(?:对象|客户|企业|单位|主体|经营主体|情形))")

# …除外 / 不受此限 / 不受此项限制: a case let off a requirement.
LET_OFF = r"(?:除外|不受此限制?|不受(?:此|该|本|上述)[项款条]?限制|不[作做](?:此)?(?:要求|限制))"


# 不予补贴 / 不得享受 / 不再重复支持: support refused to whom the phrase before names.
REFUSAL = r"(?:均|一律)?\s*(?:不予|不得|不能|不再)(?:重复)?(?:享受|申请|申报|补贴|补助|奖励|支持|返还|兑现|贴息|受理|资助|奖补|准入)"


# 或 / 或者 after a comma joins two whole requirements (…新设立的企业，或者出口额不超过…的企业).
_OR_PHRASE = re.compile(r"[，,]\s*(?:或者|或是|或)(?!其他|其它|以上|以下|之一)")


# 未被列入A，或者B: a negation over alternatives excludes each of them (no alternative at all).
NEGATED_LEAD = re.compile(r"(?:未|没有|无|不得|不|非)(?:被|曾)?(?:列入|纳入|发生|存在|有|属于|从事|是|为)")


def or_branches(text: str) -> list[tuple[int, int]]:
    """Spans of the alternatives a phrase joins with ，或者 (one span when it joins none)."""
    spans, pos = [], 0
    for m in _OR_PHRASE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# 已获得“小巨人”奖励的企业，不再享受本项奖励: an award already received rules this one out (unknown).
# 同一项目已获得省级资金支持的，州级不再重复补助 / 已纳入…补助范围的企业除外: the same for a project or a scheme.
NO_DOUBLE = re.compile(
    r"(?:同一[^，。；已]{1,6})?(?:此前|之前)?已(?:按[^，。；]{1,10})?(?:获得|享受|取得|纳入)过?[^，。；]{0,30}?"
    r"(?:奖励|补助|补贴|支持|贴息|资金|范围)的(?:企业|项目|单位)?"
    r"(?:[，,]\s*[^，。；]{0,4}?(?:不再|不得|不)(?:重复)?(?:享受|支持|给予|奖励|补助|申报|申请)[^，。；]{0,12}|除外)"
)


# …的企业，不属于专项资金支持对象 / 不在本公司担保服务范围内: whom a sentence leaves out.
_OUT_OF_SCOPE = (
    r"(?:不属于|不在|不列入|不纳入)[^，,。；;]{0,14}?(?:支持|扶持|补助|补贴|奖励|资助|服务|担保|贷款|申报|申请|申领|享受|政策|适用)(?:对象|范围|之列)"
)
OUT_OF_SCOPE = re.compile(_OUT_OF_SCOPE)


NOT_REQUIREMENT = re.compile(
    r"(?:下列|以下|如下|下表|上表|附表)[^，。；]{0,6}(?:条件|要求|情形|标准|行业|之一)|^(?:《[^》]{1,30}》的?)?[^，。；]{0,6}(?:对象|范围|条件|主体|内容|标准|部门|依据|要点|待遇)$|^除(?:满足|符合)[^，。；]{1,16}(?:外|以外|之外)$|(?:提醒|注意|说明|强调|指出)的是$|修改为$|增加一(?:条|款|项)|作为第[^，。；]{1,10}之一|规定的[^，。；]{0,8}条件[，,]?\s*即$|^第[^，。；]{1,12}[条款项]$|^[^，。；]{0,10}第[^，。；]{1,12}[条款项](?:除外|以外|之外)$|"
    r"符合(?:上述|以上|前述|相关|规定)?的?条件$|"  # 合作银行对符合条件的企业，…: those the rules above admit
    r"(?:都|均)受[^，。；]{0,6}限制|"  # 上面三项优惠都受这条限制
    r"推出[“\"][^”\"]{2,12}[”\"](?:产品)?$|"  # 合作银行推出“粮易贷”: the product launched, nobody's requirement
    r"^《[^》]{2,40}》\s*(?:[（(][^（）()]{2,30}[）)])?$|"  # 1. 《…奖励办法》（X府发〔2025〕3号）：对…: the policy a digest line sums up
    r"(?:共同|基本|必备)前提$|"  # 这是以下所有项目的共同前提: what the sentence before is
    r"(?:应当|须|应|需)?(?:同时)?(?:符合|满足|具备)$|"  # 借款人应当同时符合：（1）…: the lead of the list below
    r"(?:满足|符合|具备)\s*第?\s*[（(][0-9一二三四五六七八九十]{1,2}[）)]|"  # 须满足（1）项，并满足（2）（3）项之一: which entries
    r"^[^，。；]{0,8}(?:条件|要求)\s*[（(][^（）()]{1,12}[）)]$|"  # 申报条件（须同时满足）：
    r"^[”\"」]?\s*(?:据)?[^，。；]{0,10}?(?:负责人|记者|有关人士|工作人员|他|她)(?:说|表示|介绍|指出|透露)$|"  # ”这位负责人说: who speaks
    r"勾选|(?:盖章|签字|签名)[）)]|(?:如有|若有)(?:不实|虚假)|"  # 任一项勾选“否”的 / 法定代表人（签字）: how the form is filled in
    r"(?:欢迎|请|可)(?:拨打|致电|联系|来电)[^，。；]{0,30}(?:咨询|热线|专线|电话)|"  # 拿不准的，欢迎拨打…专线咨询: where to ask
    r"^(?:还|并|另|且)?(?:应当|应|须|需|必须)(?:同时)?(?:满足|符合|具备)$|"  # 申报…的，还应当符合：(a list follows)
    r"(?:拨付|划拨|划转|兑付|发放)(?:至|到|给)[^，。；]{0,12}(?:账户|账号)|"  # 由县财政直接拨付至申请主体账户: how it is paid
    r"(?:奖补|奖励|补助|补贴|资助|扶持)(?:资金)?(?:合计|累计|总额|总计)[^，。；]{0,6}?(?:不超过|最高|不高于)|"  # 各项奖补合计不超过100万元: a cap
    r"可同步|可以|不限|不受[^，。；]{0,40}限制|[：:]$|所称|是指|均指|系指|为准|不视为|有效期|适用于?本|^(?:答\s*[:：])?(?:申请|申报|享受)?(?:本|上述)(?:措施|办法|政策|细则|方案|通知|项目|事项|支持)|以上条件|上述条件|执行至|^同时(?:满足|符合)|"
    r"(?<!于)\d{4}年[^，。；]{0,8}至\d{4}年|起(?:施行|执行)|^(?:获得|享受|取得)[^，。；]{0,8}(?:补助|奖励|支持|资金|补贴|贴息|前项|上述|本项|贷款|信用贷)|"
    r"(?:^|[，,])\s*(?:各级|各|市|县|区|省)?[^，。；]{0,12}?(?:部门|机关|银行|金融机构|政府|委员会)(?:应当|要|应|须|不得)|"
    r"^(?:而|但|且|并)?从上述|自行判别|留存备查|备查资料|办理方式|纳税调整|从其规定|另有规定|优先(?:办理|支持|受理|考虑|推荐|安排)|非必需|非必要|"
    r"^各(?:区县|区|县|市|地|乡镇|街道|园区)[^，。；]{0,8}?(?:应当|要|应|须|可|负责)|不得(?:收取|要求企业|附加|变相)|"
    r"^指|规定的其他|符合(?:本(?:办法|细则|措施|通知))?第[^，。；]{1,8}[条款项]|(?:按|以)[^，。；]{2,30}(?:确定|计算)$|^[^，。；]{2,16}(?:指标|口径)$|^[^，。；]{2,8}包括|不需要|无需|无须|不必|(?:均|都)?可(?:以)?自愿申请|不附带[^，。；]{0,8}(?:资金|支持)|(?:全部|均|同时)满足$|"
    r"^\d{4}年\d{1,2}月\d{1,2}日$|另行(?:公布|通知|制定|明确|发布)$|(?:同时|均|须|需|要)(?:满足|符合|具备)[以下下列一二三四五六七八九十两0-9]*(?:个|项)?条件$|(?:均|都|同时)(?:应当|应|须|需|要)(?:满足|符合|具备)$|^[^，。；\s]{2,30}(?:局|委员会|委|人民政府|办公室|办公厅|厅)$|^(?:均|一律)?(?:不予|不得|不能|不再)[^，。；]{0,6}$|^(?:均|一律)?(?:不予|不得|不能|不再|不)(?:享受|申请|申报|适用)(?:本|该|上述|此|这些|《)|"
    rf"{_OUT_OF_SCOPE}|实行动态管理|^[^，。；]{{1,6}}由[^，。；]{{2,40}}(?:确定|公布|发布)$|^(?:和|及|以及|、|或者?)?\s*(?:各类)?(?:企业|个体工商户|市场主体)\s*(?:[（(](?:以下|下同)[^）)]*[）)])?$|(?:要求|条件)(?:是|为|如下)$|自主选择|择优选择|选择其中一项|^同一(?:企业|单位|用人单位|主体)(?:招用|聘用|吸纳)同一|^不含[^，。；]{{0,10}}部分$|^(?:无论|不论|不管)[^，。；]{{2,30}}(?:还是|或者|或)|(?:每|按)(?:年|季度|季|月|半年)[^，。；]{{0,4}}(?:更新|调整|发布|公布)|"
    r"^(?:还|并|且)?(?:须|需|应)?同时(?:满足|符合|具备)|^(?:个人|自然人)[^，。；]{0,12}(?:[，,][^。；]{0,16})?不(?:在|属于|适用)|^(?:[^，。；、]{1,14}(?:税|附加|费)(?:[（(][^）)]*[）)])?[、和及]){2,}"
)


TRIM = re.compile(r"^[\s（(）)、，。；;：:①-⑳]+|[\s、，。；;：:]+$")


_LEAD = re.compile(
    r"^(?:答\s*[:：]\s*)?(?:本(?:细则|办法|措施|政策|通知|公告|方案|意见)适用于|且|并且|并|同时|以及|也|亦|还|对(?!于))?"
    r"(?:(?:申报|申请|享受)(?:(?!存在|发生|被列|列入|记录)[^，。；]){0,12}?的(?:企业|单位|主体|经营主体|市场主体|民宿|项目|个体工商户)"
    r"|(?:申报(?![当本上前]年)|申请(?!人))?(?:(?:企业|单位|主体)(?![及和与]))?)"  # (not 申报当年存在…记录的企业, whom it refuses)
    r"(?:须|应当|应|需|必须)?(?:为(?!其)|是)?(?=.{4})"
)


_KINDS = r"(?:企业|单位|主体|农民专业合作社|合作社|家庭农场|个体工商户|社会组织)"
_TAIL = re.compile(rf"(?<=.{{4}})(?:的{_KINDS}(?:[、和及与]|或者?){_KINDS}(?:(?:[、和及与]|或者?){_KINDS})*|的(?:企业|单位|项目|主体)?|(?:等)?[两二三四五六]项(?:条件)?(?:中的)?之一)$")


_ROW_LABEL = re.compile(r"^[^　]{1,10}?\s*　[\s　]*(?=\S)")  # 研发　拥有…: the label cell of a table row


_HEADING_LEAD = re.compile(r"^[●○■□◆◇▲△►▶•·✔✓☑✘✗☒\s]*(?:[-*+]\s+)?(?:[0-9]{1,2}[.．、](?![0-9])\s*)?(?:答\s*[:：]\s*)?"
                           r"(?:[^，。；：:]{1,8}(?:方面|要求|条件|注意|提示|说明|支持|享受|对象|谁)"
                           r"(?:有[一二三四五六七八九十两0-9]{1,2}(?:条|点|项|个方面))?[：:])?"  # 答：总的要求有三条：一是…
                           r"(?:[一二三四五六七八九十]是)?")


# …达到1000万美元以上（以商务部门统计为准）: how the figure is counted, not a requirement of its own
_BASIS_NOTE = re.compile(r"[（(](?:以|按|据|依)[^（）()]{1,30}(?:为准|计算|确定|认定)[）)]\s*$")


# …的企业（以下简称入驻企业）: the short name a text gives whom it describes, no part of the requirement
_SHORT_NAME = re.compile(r"[（(](?:以下|下文)(?:简称|统称|称)[^（）()]{1,16}[）)]\s*$")


def requirement_text(raw: str) -> str:
    """A requirement phrase without its lead-in (申报企业须为…), table row label, basis note or edge punctuation."""
    raw = _BASIS_NOTE.sub("", _ROW_LABEL.sub("", _SHORT_NAME.sub("", raw.strip())).rstrip(" ，,。；;"))
    raw = _REFERENCE_LEAD.sub("", _LET_OFF_NOTE.sub("", _LIST_LEAD.sub("", raw.strip())))
    return _TAIL.sub("", TRIM.sub("", _LEAD.sub("", TRIM.sub("", _HEADING_LEAD.sub("", raw.strip())))))


# 符合本细则第三条、第四条规定的企业，投保短期出口信用保险: the reference restates requirements read where they stand
_REFERENCE_LEAD = re.compile(r"^符合[^，。；]{0,24}?(?:规定|条件|要求)的[^，。；]{0,6}?(?:企业|单位|主体)?[，,]\s*(?=\S{4})")
# 申请本项补贴的，还应当同时符合下列条件：担保费率不高于1%: the lead-in of a run-in list, not the requirement
_LIST_LEAD = re.compile(r"^[^：:。；]{0,30}?(?:符合|满足|具备|具有)[^：:。；，]{0,4}?(?:下列|以下|如下)[^：:，。；]{0,6}?"
                        r"(?:条件|要求)[^：:，。；的]{0,6}?[：:]\s*(?=\S{4})(?![（(]?[一二三四五六七八九十0-9]{1,2}[)）、.．])")
# …的外贸企业（第五条所列跨境电商企业不受进出口实绩限制）: a note letting some off, no part of the requirement
_LET_OFF_NOTE = re.compile(r"[（(][^（）()]{2,40}(?:不受[^（）()]{0,20}限制|除外)[）)]$")


def blank(text: str, start: int, end: int) -> str:
    """``text`` with [start, end) turned to spaces (same length, so offsets still hold)."""
    return text[:start] + " " * (end - start) + text[end:]


def mask(text: str, spans) -> str:
    """``text`` with the given spans blanked out (same length, so offsets still hold)."""
    chars = list(text)
    for s, e, *_ in spans:
        chars[s:e] = "　" * (e - s)
    return "".join(chars)


_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.M)
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)


# | 核验方式 | 证明材料 | 责任单位 | 完成时限 |: how a row is checked, who checks it or by when, no requirement of the firm
CHECKING_COLUMN = re.compile(r"核验|核查|核实|验证|查询|佐证|证明|材料|数据来源|(?:责任|牵头|配合|受理)(?:单位|部门)|完成时限|时间节点|咨询")


def untable(text: str) -> str:
    """Markdown table rows as plain phrases (cells joined by spaces); header and rule rows blanked, and the
    cells under a column saying how a row is checked (核验方式)."""
    if "|" not in text:
        return text
    spans = []
    for rule in _TABLE_RULE.finditer(text):
        spans.append(rule.span())
        header_end = rule.start() - 1
        header_start = text.rfind("\n", 0, max(header_end, 0)) + 1
        if header_end > header_start and _TABLE_ROW.fullmatch(text, header_start, header_end):
            spans.append((header_start, header_end))
            header = text[header_start:header_end].strip().strip("|").split("|")
            checking = {n for n, h in enumerate(header) if CHECKING_COLUMN.search(h)}
            if checking:
                spans.extend(_cells_under(text, rule.end(), checking))
    return mask(text, spans).replace("|", "　")


def _cells_under(text: str, start: int, columns: set[int]) -> list[tuple[int, int]]:
    """Spans of the cells in the given columns of the table rows from ``start`` on."""
    out = []
    for row in _TABLE_ROW.finditer(text, start):
        if text[start:row.start()].strip():
            break  # the table ended before this row
        cells = table_cells(row.group(0)) or []
        out.extend((row.start() + a, row.start() + b) for n, (a, b) in enumerate(cells) if n in columns)
        start = row.end()
    return out


# The rule under a Markdown table's header: |---|:---:|
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def cell_texts(line: str) -> list[str] | None:
    """The trimmed texts of a Markdown table line's cells, or None for a line that is no table row."""
    spans = table_cells(line)
    return None if spans is None else [line[a:b] for a, b in spans]


def table_cells(line: str) -> list[tuple[int, int]] | None:
    """Spans of a Markdown table line's cells (text trimmed), or None for a line that is no table row."""
    if not line.lstrip().startswith("|") or line.count("|") < 2:
        return None
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    out = []
    for a, b in zip(bars, bars[1:], strict=False):
        cell = line[a + 1:b]
        lead = len(cell) - len(cell.lstrip())
        out.append((a + 1 + lead, a + 1 + len(cell.rstrip())))
    return out


# Words that set no condition: encouraging others (鼓励国有企业…采购), scope by reference (…参照…实施).
_ENCOURAGES = re.compile(r"(?:^|(?<=[。；;\n]))\s*(?:鼓励|引导|倡导)[^，,。；;\n]*")
_BY_REFERENCE = re.compile(r"(?:参照|比照)[^，。；]{0,20}?(?:实施|执行|办理)")
# What happens to a firm that stops qualifying (…的，停止享受；已拨付资金予以追回): a sanction, not a condition.
_CONSEQUENCE = re.compile(r"停止享受|(?:予以|依法|依规|依法依规)追回|追回已|(?:追回|收回)[^，。；]{0,6}?(?:资金|补贴|奖励|补助|奖补|款项)|(?:应当|须|应|需)?(?:全额)?(?:退回|退还|返还)(?:已|其已|所)?(?:获得|取得|拨付|享受|领取|获)的?[^，。；]{0,6}(?:资金|补贴|奖励|补助|扶持|款项)|依法追缴|追缴(?:其)?已|取消其?(?:申报)?资格|撤销其")


# 将第三条中的“营业收入1000万元以上”调整为“3000万元以下”: the words replaced set no condition any more.
_REPLACED = re.compile(
    r"(?:将|把)[^。；;\n]{0,60}?[“\"「]([^”\"」]{1,80})[”\"」][^。；;\n“\"]{0,6}?(?:调整为|修改为|修订为|变更为|改为|提高为|降低为|放宽为|放宽至|调整至)"
)


# （2024年以后新设立、尚未参加信用评价的企业，应当提供…无欠税证明）: what to hand in instead, no condition;
# a note allowing a count to run on is no condition either.
_MATERIAL_NOTE = re.compile(r"[（(][^（）()]{0,60}?提供[^（）()]{0,30}?(?:证明|材料|承诺书?)[^（）()]{0,10}[）)]"
                            r"|[（(][^（）()]{0,40}?(?:可|可以)(?:连续|合并|累计)计算[^（）()]*[）)]")  # （…转型为企业的，可连续计算经营年限）


# 在合肥市行政区域内（含合肥高新区、合肥经开区）: the areas a place includes, no requirement of their own.
_PLACE_NOTE = re.compile(r"(?<=内)[（(]含[^（）()]{1,40}[）)]")


# 小型企业、微型企业按照《中小企业划型标准规定》确定: how a term is determined, no requirement.
_HOW_DETERMINED = re.compile(r"(?:(?<=[。；;\n])|^)[^。；;\n]{0,30}?按照?《[^》]{2,40}》(?:[（(][^）)]{0,30}[）)])?[^。；;\n，,]{0,8}?(?:确定|划分|划型)(?!为)[^。；;\n]*")


# 外商投资企业与内资企业同等适用本意见: equal treatment, which sets no condition
# 劳务派遣单位派遣至企业的人员不计入新招用人数 / 组织一日游游客的，不计入人次: how a figure is counted, not
# whom the item is for
_NOT_COUNTED = re.compile(r"(?:[^。；;\n，,]*的[，,])?[^。；;\n，,]*(?:不计入|不计算在内|不予计入)[^。；;\n，,]*")
_EQUALLY = re.compile(r"[^。；;\n，,]{0,20}与[^。；;\n，,]{0,12}同等(?:适用|享受|对待)[^。；;\n]{0,12}")
# 纳税信用等级B级的要求不适用该项: a requirement lifted for one item, which sets none
_LIFTED = re.compile(r"[^。；;\n，,]{0,24}?的?(?:要求|条件|限制)(?:不适用|不适用于)(?:该|本|此)(?:项|产品|条|款|政策|事项)")
# 联系电话：0851-…（区金融办） / 咨询地址：…: how to reach the office, no requirement.
# (not 注册地址：…, which may be a requirement)
_CONTACT = re.compile(r"(?:(?:联系|咨询|受理|办公|服务)(?:电话|人|方式|地址|邮箱)|电话|电子邮箱|邮箱|传真|网址)\s*[：:][^\n。；;]*")
# 各项目的申报条件见附件: a pointer to where the requirements are, no requirement itself.
_SEE_ELSEWHERE = re.compile(r"[^。；;\n，,]{0,20}(?:见|详见|参见)(?:附件|附表)[^。；;\n]{0,10}")
# 企业不得将贷款资金用于房地产开发: what the money may not pay for, not who may have it.
_FUNDS_USE = re.compile(r"(?:不得|禁止|严禁|不能|不可)(?:将|把)?[^。；;\n，,]{0,12}?用于[^。；;\n]*")


# 申请资助的企业应当符合下列要求：A；B；C。 the lead of a requirement list written on one line (not 纳入培育库的企业，
# 应当…: whom a list takes in, which binds no item)
INLINE_REQUIREMENTS = re.compile(r"(?:申请|申报|享受)[^，。；：:]{0,12}的(?:企业|单位|主体|经营主体)?[，,]?\s*(?:还|并|另外)?(?:应当|须|应|需)"
                                 r"[^。；;：:]{0,8}(?:下列|以下)(?:要求|条件)[：:]")


# The kinds of applicant a document may give duties of their own (合作社应当…，家庭农场应当…).
APPLICANT_KINDS = "农民专业合作社|合作社|家庭农场|种养大户|个体工商户|小微企业|村集体经济组织"


# 1. 企业注册地在汉滨区　□是　□否: the boxes of a self-check form, which the applicant ticks
_TICK_BOXES = re.compile(r"[□☐■☑✓√○]\s*(?:是|否|有|无|符合|不符合)(?:[\s\u3000]*[□☐■☑✓√○]\s*(?:是|否|有|无|符合|不符合))*")


# > 原文：… / 白话：… in a 辅导 leaflet: the label of a quoted or plain-language passage
_VOICE_LABEL = re.compile(r"(?m)^[ \t>*]*(?:文件原文|政策原文|原文|白话|通俗解读|解读|释义|划重点)[：:]")
# …的（仅适用于林下中药材种植补助） / （仅申请研发投入补助时勾选）: which item the case is for (item_conditions binds
# it there), no trade of the applicant
ONLY_FOR_NOTE = re.compile(r"[（(](?:此项|本项|该项|此条|本条)?(?:仅|只)(?:适用于|限于|针对|在?(?:申请|申报))"
                           r"(?P<names>[^（）()]{1,30}?)(?:时[^（）()]{0,6})?[）)]")


# ✔ 在闵行区注册登记； / ✘ 从事房地产业的企业；: a checklist's marks, which head its lines like bullets
_CHECK_MARKS = re.compile(r"(?m)^[ \t]*[✔✓☑✘✗☒](?=[ \t\u3000]*\S)")


# - [ ] 在本市注册 / - [x] …: a Markdown task list's box after its bullet
_TASK_BOX = re.compile(r"(?m)^([ \t]*[-*+][ \t]+)(\[[ xX✓]\])")


def untick(text: str) -> str:
    """``text`` with the tick boxes of a self-check form and a checklist's marks blanked (same length, so
    offsets still hold)."""
    text = _TASK_BOX.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    text = _CHECK_MARKS.sub(lambda m: " " * len(m.group(0)), text)
    return _TICK_BOXES.sub(lambda m: " " * len(m.group(0)), text)


# patterns that open with a run of any characters, tried only on a text holding their key words (a plain search
# for the words is many times cheaper than trying the run at every position)
_KEYED = ((_LIFTED, ("不适用",)), (_NOT_COUNTED, ("不计", "不予计入")), (_SEE_ELSEWHERE, ("见附",)), (_EQUALLY, ("同等",)),
          (_HOW_DETERMINED, ("《",)))


def no_condition_spans(text: str) -> list[tuple[int, int]]:
    """Spans that set no condition: encouraging others, wording a notice replaces, notes on material to
    hand in, and whole sentences scoped by reference."""
    spans = [m.span() for m in (*_ENCOURAGES.finditer(text), *_MATERIAL_NOTE.finditer(text), *_PLACE_NOTE.finditer(text),
                                *_FUNDS_USE.finditer(text), *_CONTACT.finditer(text),
                                *ONLY_FOR_NOTE.finditer(text), *_VOICE_LABEL.finditer(text))]
    spans += [m.span() for pattern, words in _KEYED if any(w in text for w in words) for m in pattern.finditer(text)]
    spans += [m.span(1) for m in _REPLACED.finditer(text)]
    for m in (*_BY_REFERENCE.finditer(text), *_CONSEQUENCE.finditer(text)):
        start = max(text.rfind(c, 0, m.start()) for c in "。；;\n") + 1
        ends = [i for i in (text.find(c, m.end()) for c in "。；;\n") if i >= 0]
        spans.append((start, min(ends, default=len(text))))
    return spans


def pipe_table(rows: list[list[str]]) -> list[str]:
    """Rows of cells as Markdown pipe-table lines, the first row the header (short rows padded)."""
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join([c.replace("|", "/") for c in row] + [""] * (width - len(row))) + " |" for row in rows]
    return [lines[0], "|" + "---|" * width, *lines[1:]]


def in_order(short: str, long: str) -> bool:
    """Whether the characters of ``short`` appear in ``long`` in order."""
    rest = iter(long)
    return all(ch in rest for ch in short)


_WIDE = re.compile("[\u2e80-\U0010ffff]")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a fixed-width layout: a Chinese character or full-width mark two, others one."""
    return len(text) + len(_WIDE.findall(text))
