"""Eligibility conditions of a passage: the closed condition set over FIELD_KINDS, with spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from recommender.rules.schema import Condition
from recommender.text.alternatives import or_across_phrases, or_within_phrase, to_condition
from recommender.text.condition_patterns import (
    M_GRADE_ALSO,
    NO_LEAD,
    RELATION_IN,
    Hit,
    categorical_hits,
    date_hits,
    industry_hits,
    region_hits,
)
from recommender.text.events import event_spans
from recommender.text.lexicon import patterns
from recommender.text.numbers import Bound, find_bounds
from recommender.text.phrases import (
    APPLICANT,
    APPLYING_FOR_NUMBERED,
    LET_OFF,
    OUT_OF_SCOPE,
    REFUSAL,
    mask,
    no_condition_spans,
    requirement_text,
    untable,
    untick,
)

__all__ = ["STATISTICS_STATUS_WORDS", "Found", "find_conditions", "is_boilerplate_only"]

# 带动就业（含创业者本人）3人以上: everyone the start-up employs, its founder too — its headcount, not its new hires
_WITH_FOUNDER = r"(?:带动|吸纳)就业\s*[（(]含(?:创业者|创办者|法定代表人)?本人[）)]"
# Field cue words for numeric bounds, with the units they accept.
_NUMERIC_FIELDS: list[tuple[str, re.Pattern[str], frozenset[str]]] = [(name, re.compile(cue), units) for (
    name, cue, units) in [
    ("taxable_income", r"应纳税所得额", frozenset({"万元"})),
    ("rd_ratio", r"研发费用|研究开发费用|研发投入|研发经费", frozenset({"比例"})),
    ("rd_expense", r"研发费用|研究开发费用|研发投入|研发经费", frozenset({"万元"})),
    ("revenue", r"营业收入|主营业务收入|销售收入|营收|销售额|营业额", frozenset({"万元"})),
    ("assets", r"资产总额|总资产", frozenset({"万元"})),
    ("employees", r"从业人数|从业人员|职工人数|员工人数|雇工人数|雇员人数|雇工|职工总数|在职职工|用工人数|参保人数|参保职工|员工|职工|" + _WITH_FOUNDER,
     frozenset({"人"})),
    ("invention_patents", r"发明专利", frozenset({"件", "项", "个"})),
    ("age_years", r"成立|注册|设立|经营(?!者|场所|范围|主体|活动|权)|存续|开业|(?:取得|领取|办理)?营业执照(?=满|已满|不满|未满|[0-9一二三四五六七八九十两]|超过)", frozenset({"年", "月"})),
]]
_NUMERIC_FIELDS_BY_NAME = {name: cue for name, cue, _ in _NUMERIC_FIELDS}
_LOOKBACK = re.compile(r"(?:近|最近|过去|前)\s*$")
_CUE_AFTER_REACH = 8
_HOLDS = re.compile(r"(?:拥有|具有|持有|获得|取得)\s*$")
_GROWTH = re.compile(r"增长率|增速|增幅|增长|同比|环比|下降|减少|降低")
_SHARE_OF = re.compile(r"^\s*(?:且|并且|并|其中)?\s*占[^，。；]{0,16}(?:收入|总额)[^，。；]{0,4}(?:比重|比例)")
_AGE_REACH = 10  # 注册成立时间在三年以内: an age bound sits close to its cue
_SECOND_BOUND = re.compile(r"^\s*(?:且|并且|但|同时)\s*(?:不超过|不高于|不低于|不少于|超过|低于|高于|在|达到)")
_PHRASE_REACH = 16  # a cue this close before its bound starts the condition's text (年营业收入不超过…)
_PERIOD = re.compile(r"(?:(?:上|近|前)?[一二三两四五0-9]*(?:个)?(?:年度|年|会计年度)(?:的|内)?)?$")
_NOT_A_FIELD = re.compile(r"吸纳|新增|带动|招用|安置|稳定就业|就业人数|新招")
_INVOICED = re.compile(r"开票|近\s*(?:12|十二)\s*个月")
_TRADE_FIGURE = re.compile(r"(?<![企行产事])业\s*$")
_CHANNEL = re.compile(r"(?:线上|网络|网上|电商|直播|出口|外贸|跨境|境外|海外|配套|(?:品牌|特色|地标|农|该|相关|[的成]|专利|获证|认证)产品)\s*(?:上一?年度?|当年|本年度?|年度|近[一二三两1-3]年)?\s*$")
_PER_UNIT = re.compile(r"(?:亩均|每亩|人均|单位面积|单位用地|单位能耗)\s*$")
_SUB_ANNUAL = re.compile(r"(?:月|季度|季)(?:度)?(?:的)?\s*$")
_REFUSING_END = re.compile(r"(?:不享受|不得申请|不得申报|不得享受|不能享受|不予)(?:本|此|该|上述)?[条项款类]?\s*$")
_BENEFIT_TIER = re.compile(r"^\s*的部分")
_SPLIT = re.compile(r"(?<![0-9])[，,](?!\s*或)|(?<=[0-9])[，,](?![0-9]{3}(?![0-9]))(?!\s*或)|"
                    r"[：:。；;\n](?!\s*或)|、(?=在|由|已|未|具有|拥有|参加|缴纳)")  # 5,000万元 is one number  # 、 before a clause
_PERSON = re.compile(r"实际控制人|法定代表人|负责人|创业者|创办人|本人|股东|配偶|经营者")
_OTHER_RIGHT = re.compile(r"\s*[^\s，,。；;、]{0,6}(?:专利|著作权|商标|品种|标准)")
_OTHER_RIGHT_NAME = re.compile(r"著作权|商标|实用新型|外观设计|布图设计|植物新品种")  # 发明专利一件以上或者软件著作权五件以上
_TIME_LEAD = re.compile(r"日\s*(?:（含）|\(含\))?(?:以后|之后|以来|起)\s*$")
_OR = re.compile(r"^\s*(?:、|和|或|或者|及|以及|与)\s*(?:[^\s，。；、]{1,4}级)?\s*$")  # 、自治区级专精特新…


@dataclass
class Found:
    """Conditions, boilerplate and leftover requirement text of one passage."""

    conditions: list[Condition] = field(default_factory=list)
    assumed: list[str] = field(default_factory=list)
    leftovers: list[tuple[int, str]] = field(default_factory=list)  # requirement phrases no field checks


@cache
def _cue_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


_SUBJECT_LEAD = re.compile(
    r"[^，。；]{0,20}?的(?:企业|单位|纳税人|市场主体|主体|个体工商户|申请人)[，,]?\s*(?:应当|须|应|需|必须|均应)"
)


# …提供配套的小微企业 / 获得银行贷款、担保费率不超过1%的小型、微型企业: the words describe who applies
_DESCRIBES_SUBJECT = re.compile(r"(?:提供|担保费率?|费率|利率)[^，。；]{0,12}?的[^，。；]{0,10}?(?:企业|单位|主体|个体工商户|经营者)")


_RESIDUE_LEAD = " \u3000、，和及与且并或的为是在从事属于具有拥有"  # words a residue neither starts nor ends with
_RESIDUE_TAIL = " \u3000、，和及与且并或的为是在"
# 未被列入失信被执行人名单和严重失信主体名单: a second list beside the debtors' one, which no field holds
_OTHER_BLACKLIST = re.compile(r"(?<=[和及、或])严重(?:违法)?失信(?:主体)?名单|(?:存在|有)严重(?:违法)?失信行为(?=[、和及或])")
_ENGAGED_IN = re.compile(r"[\s\u3000、，,和且并]*((?:主要)?从事[^，。；、\s\u3000]{2,16}?)(?:的|等)?(?:企业|单位|经营主体|市场主体|主体)?[\s\u3000]*$")
# 从事快递或者|邮政…: a piece cut by a hit; 从事装备制造 / 从事茶叶经营: a trade named as the table would, not a residue
_TRADE_NAMED_END = re.compile(r"(?:或者|或|和|及|与|以及|制造|经营|种植|养殖|加工|批发|零售|服务)$")
_RESIDUE_VERB = re.compile(r"突破|不得申请|不得申报|不得享受|增长|发生|受到|新建|改建|扩建|提供|配套|租用|租赁|购买|入驻|参加|缴纳|签订|完成|通过|开展|实施|建成|投产|带动|吸纳|收购|使用|取得|获得|列入|纳入|达到|备案|" + RELATION_IN + r"|新购|购置|有[^，。；]{0,6}(?:实绩|业绩)|投资(?:总)?额?[^，。；]{0,4}(?:不低于|不少于|超过|达到)|占比不低于")


# 规模以上工业企业 / 限额以上商贸企业: being in the statistics registry, which no profile field records
STATISTICS_STATUS_WORDS = ("规模以上", "限额以上")
_STATISTICS_STATUS = re.compile(r"(?<![纳进升入])(?:规模以上|限额以上)(?=[^，。；的（(]{0,10}?(?:企业|单位|主体))")
_HIT_FRAME = re.compile(r"(?:未|不|没有)被?(?:列入|纳入|列为|属于)$")  # 用人企业应当未被列入|失信被执行人


_TITLE_BEFORE = re.compile(r"^(?:已|首次|新)?(?:通过|获得|取得|认定为|评为|入选|列入|纳入)[^，。；]{0,10}$")
_TITLE_AFTER = re.compile(r"(?:评价|认定|评定|入库|备案)(?:[并且和及]?(?:取得|获得)?[^，。；]{0,10})?$")
_REGION_FRAME = re.compile(r"(?:行政区域|行政区划|辖区|区域|境)?内?(?:依法)?(?:办理)?(?:市场主体|工商)?(?:注册|登记|设立)(?:登记|注册)?")


_RELATION = re.compile(RELATION_IN)  # 税收关系在本区: a short requirement, but a whole one
# a kind of firm listed beside a class (…和地方政府融资平台公司), which no class names
_FIRM_KIND = re.compile(r"(?!其|者|各类|相关|上述|以上|其他|其它)[\u4e00-\u9fff]{4,14}(?:公司|企业|机构)")


def _residues(head: str, hits, events) -> list[tuple[int, int]]:
    """Requirement text left beside checkable words (从事制造业且为链主企业提供配套的小微企业)."""
    plates = [m.span() for m in _cue_re(tuple(patterns()["boilerplate"])).finditer(head)]
    spans = [(min(h.start, h.lead) if h.lead != NO_LEAD else h.start, (frame.end() if h.field == "region_code" and (frame := _REGION_FRAME.match(head, h.end)) else h.end))
             for h in hits]  # 连云港市|行政区域内注册: the place's frame goes with it
    masked = mask(head, spans + list(events) + plates)
    out = []
    for m in re.finditer(r"[^　]+", masked):
        chunk = m.group(0)
        trade = _ENGAGED_IN.match(chunk)  # 在某市登记注册、从事稻米生产加工流通的企业: the trade no class names
        core = trade.group(1) if trade else chunk.lstrip(_RESIDUE_LEAD).rstrip(_RESIDUE_TAIL)
        lead = trade.start(1) if trade else len(chunk) - len(chunk.lstrip(_RESIDUE_LEAD))
        if trade and len(core) >= 6 and not _TRADE_NAMED_END.search(core):
            out.append((m.start() + lead, m.start() + lead + len(core)))
            continue
        if chunk[:1] in "和及、或与" and _FIRM_KIND.fullmatch(core) and masked[m.end():m.end() + 1] != "\u3000":
            out.append((m.start() + lead, m.start() + lead + len(core)))  # 房地产开发企业|和地方政府融资平台公司
            continue
        if len(core) < (6 if _RELATION.search(core) else 8) or not _RESIDUE_VERB.search(core) or re.match(r"未|不|无|非", requirement_text(core)) \
                or _HIT_FRAME.search(core):
            continue  # too short, no verb, or a piece of a negated phrase (未被人民法院列入…)
        start = m.start() + lead
        if any(h.field == "qualifications" and (h.start == m.end() and _TITLE_BEFORE.search(core)
                                                 or h.end == m.start() and _TITLE_AFTER.match(core)) for h in hits):
            continue  # 已通过2025年度|科技型中小企业|评价并取得入库登记编号: the frame of the title, which the hit reads
        if start and start not in _word_starts(head):
            continue  # a piece of a word cut by a hit (者|与农户…)
        out.append((start, start + len(core)))
    return out


def _word_starts(text: str) -> set[int]:
    """Where jieba (with the domain dictionary) starts a word in ``text``."""
    import jieba

    from recommender.text.pipeline import load_userdict

    load_userdict()
    return {start for _, start, _ in jieba.tokenize(text)}


_APPLYING_FOR = re.compile(r"(?:申请|申报|享受|获得)[^，。；]{0,10}$")  # 申请升规奖励的企业…: who applies
_NAMES_APPLICANT = re.compile(r"[^，。；]{0,8}?的(?:企业|单位|主体|民宿|项目|个体工商户|经营主体|合作社)")


_REFERRED = re.compile(r"(?:以上|上述|前述|本项|该项|本条)\s*$")
_ONLY_FOR = re.compile(r"\s*(?:仅限|只限|限于|仅适用于|只适用于|适用于|面向)")
_NUMBERED_REFERRED = re.compile(r"第[0-9一二三四五六七八九十、和及与（）()]{1,12}[项条]\s*$")  # 本办法第1、3项奖励不适用于…
_NOT_FOR = re.compile(r"\s*不适用于?")
_TARGET_AFTER = re.compile(r"(?:之日起|之后|以后|后)[^，。；]{0,4}?[一二两三四五0-9]+个?(?:年|月)内[^，。；]{0,12}$")
_SUMMED_OVER_YEARS = re.compile(r"(?:近|最近|过去)[两二三四五2-5]个?(?:年|会计年度)[^，。；]{0,16}?(?:累计|总额|合计|均值|平均)")
_LOOKBACK_YEARS = re.compile(r"(?:近|最近|过去|连续)[一二三两四五六七八九十0-9]{1,2}(?:个)?(?:年|年度|个月)(?:内|来|中)?\s*$")
_EVENT_COUNT = re.compile(r"\s*[一二三两四五六七八九十0-9]{1,3}\s*(?:期|次)(?:以上|及以上)?\s*(?:逾期|欠[款息]|违约|失信)")
# 累计达到100万元以上 / 累计不少于3次: a floor the firm's record must reach (累计不超过 / 累计最高 caps what is given)
_FLOOR = re.compile(r"\s*(?:(?:达到|达|超过|不低于|不少于)\s*[0-9.零一二三四五六七八九十两百千万亿]+[^，。；、\d]{0,4}"
                    r"|[0-9.零一二三四五六七八九十两百千万亿]+\s*[^，。；、\d]{0,4}?(?:以上|及以上|[（(]含[）)]以上))")
_AT_LEAST = re.compile(r"\s*(?:须|应当?|需)?\s*(?:在|为|达到)?\s*(?:[0-9一二三四五六七八九十两半]+\s*(?:年|个月)\s*(?:以上|及以上)"
                       r"|(?:不少于|不低于|不短于))")  # a lower bound is required of the loan; a cap is what is given
_CONTRACT_BEFORE = re.compile(r"(?:合同|协议|租赁|流转)(?:剩余|有效|约定)?$")
_ENJOYED = re.compile(r"已[^，。；的]{0,24}享受[^，。；的]{0,20}(?:扣除|减免)(?:政策|优惠)?")


_NEVER_HAD = re.compile(r"(?:未|没有|从未)(?:获得|享受|领取|取得)过?[^，。；]{0,12}?(?:奖励|补助|补贴|资助|贴息|奖补|支持)")
_SUPPORT_NAME = re.compile(r"\s*(?:[一二三四五六七八九十]是)?[^，,。；;：:给予按对元%\d]{2,12}(?:后补助|补助|补贴|奖励|贴息|资助|奖补)\s*[，,]?")
_BARE_REFUSAL = re.compile(rf"\s*{REFUSAL}[^，。；]{{0,6}}?[。；]?\s*")
_REFUSED = re.compile(r"(?:不予|不得|不再|不能)\s*$")  # …的企业不予返还: what is refused, not given
_NOT_ENJOYED = re.compile(r"(?<=不)享受")  # 国有控股企业不享受此项贴息 / 劳务派遣单位不享受一次性扩岗补助: refused, not given
_WHEN_APPLYING = re.compile(r"(?:申请|申报|享受)\s*$")  # 在申请贴息之前从未…: when, not what is given
_TIME_AFTER = re.compile(r"\s*(?:之前|之后|以前|以后|前|后|时)")
_STANDARD_FOLLOWED = re.compile(r"[《　][^，,。；]*?(?:划型|划分|认定|评定|确定)为")
_BY_RULE = re.compile(r"按[^，。；]{0,12}规定")  # 已按第七条规定获得奖励的: a benefit had, as before
_FROM_THE_DAY = re.compile(r"[^，。；]{0,6}?之日(?:起|后)")
_HAD_BEFORE = re.compile(r"办理|享受|已")
_THEN_SUBJECT = re.compile(r"[^，。；]{0,4}?的[^，。；]{0,16}?(?:企业|单位|纳税人|个体工商户)")
_GOT_FROM = re.compile(r"(?:获得|取得|使用|获)[^，。；给予]{0,24}$")
_NAMES_WHOM = re.compile(r"\s*(?:的)?(?:对象|范围|主体)")


_LOAN_DATE = re.compile(r"(?:贷款)?(?:发放|放款|到期|起始)(?:日|日期|时间)")


# 小微企业或者个体工商户（个体工商户不适用“科创积分贷”）: a note leaving one kind out of one product, not of the scope
_ITEM_NOTE = re.compile(r"[（(][^（）()]{0,20}?不(?:适用|参与|享受|得申请)[^（）()]{0,4}?(?:“[^”]{1,12}”|本项|该项|第[^（）()]{1,10}?[项条款])[^（）()]{0,6}[）)]")


def _benefit_cut(part: str, negated: bool = False) -> int:
    """Offset where the benefit terms of a phrase start (its length if none); in a case an exclusion list
    rules out, a benefit already had (同一项目已经拿到其他财政补助的) is the case, not something given."""
    adverbs = _cue_re(tuple(patterns()["not_benefit_cues"]))
    enjoyed = [e.span() for e in _ENJOYED.finditer(part)] if "已" in part else []
    enjoyed += [e.span() for e in _NEVER_HAD.finditer(part)]  # 同一企业此前未获得过本项奖励: a requirement
    enjoyed += [e.span() for e in _M_LET_IN.finditer(part)]  # …M级的也可申请: a grade let in, nothing given
    for m in _cue_re(tuple(patterns()["benefit_cues"])).finditer(part):
        if (adverbs.match(part, m.start()) or _DESCRIBES_SUBJECT.match(part, m.start())
                or _APPLYING_FOR.search(part, 0, m.start()) and _NAMES_APPLICANT.match(part, m.end())
                or m.group(0) in ("享受", "获得", "申请") and _NAMES_APPLICANT.match(part, m.end())):  # 享受奖补的企业…
            continue  # 按时足额缴纳 / 为…提供配套的小微企业: how the applicant is described, not what is given
        if m.group(0) in ("按", "按照") and _STANDARD_FOLLOWED.match(part, m.end()):
            continue  # 按照《中小企业划型标准规定》划型为…: a standard followed, not what is given (a named document is masked)
        if any(a <= m.start() < b for a, b in enjoyed) or negated and "已" in part[:m.start()] or _NAMES_WHOM.match(part, m.end()) or _REFUSED.search(
                part, 0, m.start()) or _NOT_ENJOYED.match(part, m.start()) or (
                _WHEN_APPLYING.search(part, 0, m.start()) and _TIME_AFTER.match(part, m.end())):
            continue  # 已按规定享受研发费用税前加计扣除: a benefit already had is a requirement; 奖励对象为…
        if part[m.start() - 1:m.start()] == "已" and m.group(0).startswith("按") and not _BY_RULE.match(part, m.start()):
            continue  # 已按“一事一议”方式另行约定…的项目: what was done before, not what is given
        if _HAD_BEFORE.search(part, max(0, m.start() - 12), m.start()) and _THEN_SUBJECT.match(part, m.end()):
            continue  # 在税务部门办理研发费用加计扣除的科技型中小企业: what the firm had done describes it
        if _FROM_THE_DAY.match(part, m.end()) and "自" in part[max(0, m.start() - 3):m.start()]:
            continue  # 自奖励兑现之日起10年内: when a period starts, not what is given
        if _REFERRED.search(part, 0, m.start()) and (part[m.end():m.end() + 1] == "的" or _ONLY_FOR.match(part, m.end())) \
                or _NUMBERED_REFERRED.search(part, 0, m.start()) and _NOT_FOR.match(part, m.end()):
            continue  # 以上奖励的申报企业须… / 本项补贴仅限制造业企业申请: the support named, whose applicants are described
        if m.group(0) == "每年" and _LOOKBACK_YEARS.search(part, 0, m.start()) or m.group(0) == "累计" and (
                _EVENT_COUNT.match(part, m.end()) or _FLOOR.match(part, m.end())):
            continue  # 近两年每年缴纳税款不低于2万元 / 累计6期以上逾期 / 成交额累计100万元以上: a record, not what is given
        if m.group(0) == "发放" and part[m.end():m.end() + 1] == "的" and _GOT_FROM.search(part, 0, m.start()):
            continue  # 获得本市银行发放的流动资金贷款: a loan the firm had, which the support is for
        if _LOAN_DATE.match(part, m.start()):
            continue  # 贷款发放日在2025年1月1日以后: when the firm's loan was made, which the support is for
        if m.group(0) == "期限" and (_CONTRACT_BEFORE.search(part, 0, m.start()) or _AT_LEAST.match(part, m.end())):
            continue  # 租赁合同期限在3年以上 / 贷款期限在3年以上（含）: how long the firm's contract or loan runs
        if not _SUBJECT_LEAD.match(part, m.end()):  # 享受本措施的企业应当… names who applies
            return m.start()
    return len(part)


def _boilerplate(part: str) -> str | None:
    m = _cue_re(tuple(patterns()["boilerplate"])).search(part)
    return m.group(0) if m else None


def is_boilerplate_only(part: str) -> bool:
    """Whether a phrase says nothing beyond boilerplate every registered firm meets."""
    rest = _cue_re(tuple(patterns()["boilerplate"])).sub("", part)
    return not re.sub(r"(?:^|(?<=[并且和及、]))\s*在?(?:本|我)[市县区旗州]|^\s*在?(?:县|市|区|旗)内"  # (并)在本市依法纳税: every taxpayer
                      r"|[在于的且并和、，。；;\s（）()有具备具有应当须还也均需必为*+#>-]|企业|申报|入园|入驻|单位|经营主体|市场主体|主体|不属于|属于|列入|国家|项目|产业|政策", "", rest)


def _cued_fields(part: str) -> tuple[str, ...]:
    """Numeric fields whose cue words a phrase carries (研发费用 → rd_ratio, rd_expense)."""
    return tuple(name for name, cue, _ in _NUMERIC_FIELDS if cue.search(part))


def _numeric_hits(part: str, before: tuple[str, ...] = ()) -> list[Hit]:
    """Bounds with their fields; a phrase 且占营业收入比重… takes its field from ``before``."""
    out = []
    for bound in find_bounds(part):
        if _BENEFIT_TIER.match(part[bound.span[1]:]):
            continue
        hit = _field_for(part, bound)
        if hit is None and (_SECOND_BOUND.match(part) or _SHARE_OF.match(part)):
            # …50万元以上，且不超过2000万元 / 且占营业收入比重…: the field of the phrase before
            name = next((n for n, _, units in _NUMERIC_FIELDS if n in before and bound.quantity.unit in units), None)
            value = bound.quantity.value
            if isinstance(value, float) and value.is_integer() and name != "rd_ratio":
                value = int(value)
            hit = Hit(name, bound.op, value, *bound.span, 0.8, lead=0) if name else None
        if hit:
            out.append(hit)
    return out


def _field_for(part: str, bound: Bound) -> Hit | None:
    """The field a bound speaks of: the nearest cue before it (else after) accepting its unit."""
    best: tuple[int, str, int] | None = None
    start, end = bound.span
    for name, cue, units in _NUMERIC_FIELDS:
        if bound.quantity.unit not in units:
            continue
        for m in cue.finditer(part):
            dist = start - m.end() if m.end() <= start else (m.start() - end) + 1000
            if m.end() > start and m.start() < end:
                continue
            if best is None or dist < best[0]:
                best = (dist, name, m.start())
    if best is None:
        return None
    name = best[1]
    if _LOOKBACK.search(part, 0, start) or name != "rd_ratio" and _SUMMED_OVER_YEARS.search(part, 0, start) \
            or _TARGET_AFTER.search(part, 0, start):  # 自落户之日起一年内营业收入达到…: a target to reach, not a figure held
        return None  # 近两年内未发生…: a look-back window; 近三年累计研发投入…: a sum over years no field holds
    cue_end = best[2] + len(_NUMERIC_FIELDS_BY_NAME[name].match(part, best[2]).group(0)) if best[0] < 1000 else 0
    if best[0] < 1000 and _GROWTH.search(part, cue_end, start):
        return None  # 营业收入增长率不低于15%: a growth rate, not the figure a profile holds
    if _PERSON.search(part, 0, best[2] if best[0] < 1000 else start):
        return None  # 实际控制人从事本行业经营三年以上: a bound on a person, not on the firm
    if name == "invention_patents" and best[0] < 1000 and (
            _OTHER_RIGHT.match(part, end) or _OTHER_RIGHT_NAME.search(part, cue_end, start)):
        return None  # 发明专利或者三件以上实用新型专利: the count is of the right named after it
    if name == "age_years" and best[0] < 1000 and (_OTHER_CLAUSE.search(part, cue_end, start) or bound.op in ("le", "lt")
                                                    and "之日起" in part[cue_end:start]):
        return None  # 已在郴州市登记注册，或者承诺入驻后3个月内… / 自设立之日起一年内实际使用外资…: a window, no age
    if name == "age_years" and best[0] > _AGE_REACH:
        return None  # 在本市注册并缴纳失业保险费满12个月: the months count the premiums, not the firm's age
    lead = _PERIOD.search(part[:best[2]]).start() if best[0] < _PHRASE_REACH else start
    if name == "employees" and _NOT_A_FIELD.search(part) and not re.search(_WITH_FOUNDER, part):
        return None
    if name == "revenue" and best[0] < 1000 and _INVOICED.search(part, 0, best[2]):
        return None  # 近12个月增值税开票销售额: invoices over a rolling year, not the revenue a profile holds
    if _PER_UNIT.search(part, 0, best[2]):
        return None  # 亩均营业收入 / 人均销售收入: a figure per mu of land or per worker, not the firm's total
    if name == "revenue" and best[0] < 1000 and _CHANNEL.search(part, 0, best[2]):
        return None  # 线上销售额 / 出口销售额 / 品牌产品销售额: sales through one channel or of one line, not the firm's revenue
    if name == "revenue" and best[0] < 1000 and _TRADE_FIGURE.search(part, 0, best[2]):
        return None  # 批发业销售额达到2000万元或者零售业销售额达到500万元: one trade's threshold, not every firm's
    if name in ("revenue", "taxable_income") and _SUB_ANNUAL.search(part, 0, best[2]):
        return None  # 月销售额10万元以下: a monthly figure is not the annual one the profile holds
    value = bound.quantity.value
    if name == "age_years" and bound.quantity.unit == "月":
        value = round(value / 12, 4)
    if isinstance(value, float) and value.is_integer() and name != "rd_ratio":
        value = int(value)
    if 1000 <= best[0] < 1000 + _CUE_AFTER_REACH:  # 拥有1件以上有效发明专利: the cue follows, the verb leads
        verb = _HOLDS.search(part, 0, start)
        lead = verb.start() if verb else lead
        end = best[2] + len(_NUMERIC_FIELDS_BY_NAME[name].match(part, best[2]).group(0))
    return Hit(name, bound.op, value, start, end, 0.9 if best[0] < 1000 else 0.7, lead=lead)


def _parts(text: str) -> list[tuple[int, str]]:
    """Comma-separated phrases of a sentence with their offsets."""
    out, pos = [], 0
    for m in _SPLIT.finditer(text):
        out.append((pos, text[pos:m.start()]))
        pos = m.end()
    out.append((pos, text[pos:]))
    merged: list[tuple[int, str]] = []
    for p, s in out:
        if merged and (_TIME_LEAD.search(merged[-1][1]) or _M_LET_IN.match(s) and "信用" in merged[-1][1]
                       or _open_bracket(merged[-1][1]) and _CLOSES.match(text, p)):  # 高耗能项目（石油…加工业，化学…业）: one list
            q, t = merged.pop()
            s = t + text[q + len(t):p] + s
            p = q
        merged.append((p, s))
    out = []
    for p, s in merged:
        for piece_start, piece in _split_brackets(s):
            out.append((p + piece_start, piece))
    return [(p, s) for p, s in out if s.strip()]


_CLOSES = re.compile(r"[^。；;\n（(]*[）)]")  # the bracket closes within the sentence


def _open_bracket(phrase: str) -> bool:
    return phrase.count("（") + phrase.count("(") > phrase.count("）") + phrase.count(")")


_M_LET_IN = re.compile(M_GRADE_ALSO)  # …B级及以上，评价为M级的企业也可以申报: one phrase with the grade before it
_EXCLUDED_BRACKET = re.compile(rf"[（(][^（）()]*?(?:不含|不包括|不包含|{LET_OFF})[^（）()]*[）)]")


def _split_brackets(part: str) -> list[tuple[int, str]]:
    """A phrase with a bracketed exclusion ((房地产业企业除外)) cut so the bracket stands alone."""
    out, pos = [], 0
    for m in _EXCLUDED_BRACKET.finditer(part):
        out.extend([(pos, part[pos:m.start()]), (m.start(), m.group(0))])
        pos = m.end()
    out.append((pos, part[pos:]))
    return out


def _merge_sizes(hits: list[Hit], part: str) -> list[Hit]:
    """Size words listed together (小型企业、微型企业) are one size condition over their union; so are
    forms of ownership (民营企业和个体工商户): a firm has one of each, so 非国有控股、非外商投资的企业 rules out
    their union."""
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (prev is not None and prev.field == hit.field and hit.field in ("size", "ownership")
                and ({prev.op, hit.op} <= {"eq", "in"} or prev.op == hit.op == "not_in" and hit.field == "ownership")
                and _OR.match(part[prev.end:hit.start])):
            values = [v for h in (prev, hit) for v in (h.value if isinstance(h.value, list) else [h.value])]
            union = list(dict.fromkeys(values))
            if hit.field == "size":
                union.sort(key=("大型", "中型", "小型", "微型").index)
            out[-1] = Hit(hit.field, "not_in" if hit.op == "not_in" else "in", union, prev.start, hit.end,
                          prev.confidence, subject=True)
        else:
            out.append(hit)
    return out


_OR_CLAUSE = re.compile(r"[^，,；;。且并和及]{0,24}?(?:或者|或)[^，,；;。且并和及]{0,16}"
                        r"|\s*也(?:非|不是|不属于)\s*")  # 既非A也非B的，不得申请: refused unless A or B


_FIRMS = re.compile(r"(?:企业|主体|单位)$")
_OR_WORD = re.compile(r"\s*(?:或者|或是|或)\s*")
_FIRMS_AFTER = re.compile(r"\s*(?:（含）|\(含\))?的?(?:企业|主体|单位)")


def _names_firms(hit: Hit, part: str) -> bool:
    """Whether a hit names firms of a kind: a subject word, or a trade named with its firms (农副食品加工企业)."""
    return hit.subject or hit.field == "industry" and hit.op == "in" and bool(_FIRMS.search(part, 0, hit.end))


_BOUNDED_FIELDS = frozenset({"revenue", "employees", "assets", "rd_expense", "rd_ratio", "taxable_income", "invention_patents"})


def _or_groups(hits: list[Hit], part: str, negated: bool = False) -> list[list[Hit]]:
    """Group subject words joined by 、/和/或 (增值税小规模纳税人、小型微利企业和个体工商户) as OR, and bounds of two
    measures joined by 或者 (年营业收入超过500万元或者雇工人数在10人以上) unless the case is ruled out."""
    groups: list[list[Hit]] = []
    for hit in hits:
        prev = groups[-1][-1] if groups else None
        if (
            prev is not None and _names_firms(prev, part) and _names_firms(hit, part) and prev.field != hit.field
            and _OR.match(part[prev.end:hit.start])
        ) or (
            prev is not None and prev.subject and hit.subject and prev.field == hit.field
            and hit.field == "qualifications" and _OR.match(part[prev.end:hit.start])
        ) or (  # 已在科技型中小企业信息服务平台完成评价入库或者持有高新技术企业证书: either status, in other words
            prev is not None and prev.field == hit.field == "qualifications" and _OR_CLAUSE.fullmatch(part[prev.end:hit.start])
        ) or (  # 高新技术企业、专精特新中小企业或者上一年度营业收入1亿元以上的企业: titles or a size of firm
            prev is not None and prev.subject and hit.lead != NO_LEAD and _OR_WORD.fullmatch(part[prev.end:hit.lead])
            and _FIRMS_AFTER.match(part, hit.end)
        ) or (
            not negated and prev is not None and prev.field != hit.field and {prev.field, hit.field} <= _BOUNDED_FIELDS
            and hit.lead != NO_LEAD and _OR_WORD.fullmatch(part[prev.end:hit.lead])
        ):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def find_conditions(
    text: str, base: int, clause: str, *, region_code: str | None, negated: bool = False
) -> Found:
    """Conditions in one passage (offsets relative to ``base``); benefit terms are skipped."""
    found = Found()
    text = untick(untable(text))
    excluded = _excluded_sentences(text)
    excluded_subjects = [_refused_case(text, m.span(1)) for m in _EXCLUDED_SUBJECT.finditer(text)]
    predecessor = [m.span() for m in _PREDECESSOR.finditer(text)]
    run: list[tuple[int, str]] = []
    masked = mask(text, [m.span(m.lastindex or 0) for m in _NOT_NAMING.finditer(text)]
                   + no_condition_spans(text) + [m.span() for m in _ITEM_NOTE.finditer(text)]
                   # 不纳入：房地产开发企业（为保障性住房施工的建筑业企业除外）: a case let back in, no condition
                   + ([m.span() for m in _EXCLUDED_BRACKET.finditer(text)] if negated else []))
    before: tuple[str, ...] = ()
    offered = False  # an earlier phrase of this sentence already states what is given
    offered_before = False  # …or of this sentence before a ；
    offered_ever = False  # …or of any sentence of the passage before this phrase
    previous = 0  # where the conditions of the phrase before this one start
    marks: list[tuple[int, str]] = []  # where each phrase's conditions start, with the phrase
    stops: set[int] = set()  # the marks of phrases that follow a ；/。 (a list entry of their own)
    for part_start, part in _parts(text):
        if part_start and text[part_start - 1] in "；;。\n":
            stops.add(len(marks))
        marks.append((len(found.conditions), part))
        if _SUPPORT_NAME.fullmatch(part) and not _SENTENCE_END.match(text[part_start + len(part):]):
            continue  # 一是研发投入后补助，上年度…的，按…给予补助: the support's name before its case, nothing given yet
        if _BARE_REFUSAL.fullmatch(part) or _RAISED_FOR.match(part):
            _close_run(found, run, text, base)  # …不足20个标准箱的，不予补贴: the refusal closes the case before it;
            continue  # 民营企业贴息比例提高至百分之四十: a higher rate for some, not whom the item is for
        cut = _benefit_cut(masked[part_start:part_start + len(part)], negated)
        if cut < len(part) and _FEE_CEILING.match(part, cut) and (
                part.rstrip().endswith("的") or _REQUIRING.search(text, text.rfind("。", 0, part_start) + 1, part_start)):
            cut = len(part)  # 还须…且担保费率不高于1% / 担保费率不高于1%的，按…补贴: the loan the support is for
        if _REFUSED_NEXT.match(text, part_start + len(part)):
            cut = len(part)  # 流转土地期限不满5年的，不予补助: who is refused, not a term of what is given
        head = masked[part_start:part_start + cut]
        ends_sentence = bool(_SENTENCE_END.match(text[part_start + len(part):]))
        if not head.strip() or _is_tier(head, text, part_start + len(part), offered, cut < len(part), offered_ever) \
                or _SCALED.match(part, cut) or cut < len(part) and _OTHERS_GET.match(text, part_start + len(part)):
            _close_run(found, run, text, base)
            offered_ever = offered_ever or cut < len(part)
            offered = (offered or cut < len(part)) and not ends_sentence
            offered_before = (offered_before or cut < len(part)) and not _OFFER_END.match(text[part_start + len(part):])
            continue
        raised = offered_before and not offered and _is_tier(head, text, part_start + len(part), True, cut < len(part),
                                                             True)
        offered = (offered or cut < len(part)) and not ends_sentence
        offered_before = (offered_before or cut < len(part)) and not _OFFER_END.match(text[part_start + len(part):])
        offered_ever = offered_ever or cut < len(part)
        plate = _boilerplate(head)
        if plate:
            found.assumed.append(plate)
        neg = negated or any(s <= part_start < e for s, e in excluded) or bool(
            _cue_re(tuple(patterns()["exclusion_cues"])).search(head))  # (an item note is masked already)
        if _ALSO_LET_IN.search(part) and not _M_LET_IN.search(part) \
                or part.rstrip().endswith("的") and _LETS_IN_ITEM.match(text, part_start + len(part)):
            # 成立不满一年的新企业也可以申请: who is let in too, not a requirement
            _close_run(found, run, text, base)
            continue
        hits = [h for h in categorical_hits(head, neg) if not (h.field == "ownership" and _ALSO_ELIGIBLE.match(part, h.end))
                and not _MAINLY.match(head, h.end) and not (h.field == "ownership" and _KEEPER.match(head, h.end))]
        dates = date_hits(head)
        bounds = _numeric_hits(head, before)
        # 新认定为…: the title's words name no industry; a bound after the event ends it
        events = event_spans(head, hits + dates + bounds)
        taken = [(h.start, h.end, False) for h in hits]
        for extra in (*bounds, *dates, *region_hits(head, region_code),
                      *industry_hits(mask(head, taken + events), neg)):
            numeric = extra.lead != NO_LEAD  # the two bounds of a range share their words
            if not any(s < extra.end and extra.start < e and not (numeric and n) for s, e, n in taken):
                hits.append(extra)
                taken.append((extra.start, extra.end, numeric))
        let_back = negated and len(marks) > 1 and _EXEMPT.search(part)  # （二）C级、D级的，但成立不满两年的企业除外
        if (negated or any(s <= part_start < e for s, e in excluded_subjects)) and not let_back:
            # 不予支持：（三）成立未满一年的 / 从业人员超过50人的，不适用本项补贴 — the bound is required the other way
            hits = [replace(h, op=_FLIP[h.op]) if h.op in _FLIP else h for h in hits]
        if neg and any(h.field == "industry" for h in hits):  # 房地产业的小微企业除外: the trade is left out
            hits = [h for h in hits if h.field != "size" and not (  # 从事网吧经营的个体工商户: the trade, too
                h.field == "ownership" and head[max(0, h.start - 1):h.start] == "的")]
        elif neg and any(h.field in ("established", "age_years") for h in hits):  # 2025年1月1日以后新登记的个体工商户
            hits = [h for h in hits if not (h.field == "ownership" and head[max(0, h.start - 1):h.start] == "的")]
        hits = _merge_sizes(sorted(hits, key=lambda h: h.start), head)
        hits = [h for h in hits if not (h.lead != NO_LEAD and _OWN_RULE.match(text, part_start + h.end))]
        if any(s <= part_start < e for s, e in predecessor):
            hits, events = [], []  # 原个体工商户…经营满两年: facts of the firm before it, which no field holds
        if raised and hits and all(h.lead != NO_LEAD and h.field in {c.field for c in found.conditions} for h in hits):
            _close_run(found, run, text, base)  # …奖励5万元；营业收入超过1亿元的，奖励10万元: a higher tier
            continue
        offset = base + part_start
        if hits and _RESTATES.match(head):  # …的企业，即国民经济行业分类中的制造业企业: the same requirement
            if run:
                run.pop()
            restated = {h.field for h in hits}
            found.conditions[previous:] = [c for c in found.conditions[previous:] if c.field not in restated]
        previous = len(found.conditions)
        if not hits and cut < len(part) and _REFUSING_END.search(head) and not is_boilerplate_only(_REFUSING_END.sub("", head)):
            _close_run(found, run, text, base)  # 高耗能行业企业不享受本条补贴: whom no field checks, left out
            found.leftovers.append((offset, part))
        elif hits or plate and is_boilerplate_only(head) or cut < len(part):
            _close_run(found, run, text, base)
            if hits:
                found.leftovers.extend((offset + s, part[s:e]) for s, e in events)
                found.leftovers.extend((offset + s, part[s:e]) for s, e in _residues(head, hits, events))
                found.leftovers.extend((offset + m.start(), m.group(0)) for m in _STATISTICS_STATUS.finditer(head)
                                       if not any(s <= m.start() < e for s, e in events))
                found.leftovers.extend((offset + m.start(), m.group(0)) for m in _OTHER_BLACKLIST.finditer(head)
                                       if any(h.field == "dishonest" for h in hits))
        elif not is_boilerplate_only(head) and not _EXCLUDED_BRACKET.fullmatch(part.strip()):
            run.append((offset, part[:cut]))
        before = () if ends_sentence else _cued_fields(head)
        if ends_sentence:
            _close_run(found, run, text, base)
        words = part[:cut]
        alternatives = or_across_phrases(head, hits, words, offset, clause, negated=neg)
        if alternatives:
            found.conditions.extend(alternatives)
            continue
        inner = or_within_phrase(head, hits, words, offset, clause, negated=neg)
        if inner:
            group, used, (s, e) = inner
            found.conditions.extend(group)
            found.leftovers = [(o, t) for o, t in found.leftovers if not (o < offset + e and offset + s < o + len(t))]
            hits = [h for h in hits if h not in used]
        for group in _or_groups(hits, head, neg):
            operating = _OR_OPERATING.match(head, group[0].end) if group[0].field == "region_code" else None
            if len(group) == 1 and operating:  # 在本区注册登记或者在本区实际经营: either place counts
                place = to_condition(group[0], words, offset, "")
                other = Condition(op="unknown", text=requirement_text(words[operating.start(1):operating.end()]),
                                  span=(offset + operating.start(1), offset + operating.end()), confidence=0.5)
                found.conditions.append(Condition(
                    op="any_of", any_of=(place, other), clause=clause, span=(place.span[0], other.span[1]),
                    text=words[group[0].start:operating.end()], confidence=0.7))
                continue
            if len(group) == 1:
                found.conditions.append(to_condition(group[0], words, offset, clause))
                continue
            children = tuple(to_condition(h, words, offset, "") for h in group)
            first = min(group[0].start, group[0].lead)  # (a bound's field words before it)
            found.conditions.append(Condition(
                op="any_of", any_of=children, clause=clause, span=(offset + first, offset + group[-1].end),
                text=words[first:group[-1].end], confidence=0.8,
            ))
    _close_run(found, run, text, base)
    found.leftovers = [piece for leftover in found.leftovers for piece in _bracketed_terms(*leftover)]
    _conditional_requirements(found, marks)
    _exemptions(found, marks, stops)
    return found


# 对新建标准化茶园（连片50亩以上、当年栽植成活率达到85%以上）的经营主体: the bracket lists the project's terms
_TERMS_BRACKET = re.compile(r"[（(](?!含|包括|包含|不含|以下简称|下同|即|指|注|详见|见|简称)([^（）()]{4,80})[）)]")
_TERM_WORDS = re.compile(r"[0-9一二三四五六七八九十百千两]\s*[^、，,]{0,6}?(?:以上|以下|以内)|达到|不低于|不少于|通过|取得|获得")


def _bracketed_terms(offset: int, words: str) -> list[tuple[int, str]]:
    """A leftover whose bracket lists the terms its case must meet, as each of those terms; else itself."""
    m = _TERMS_BRACKET.search(words)
    if not m or not _TERM_WORDS.search(m.group(1)):
        return [(offset, words)]
    out, at = [], m.start(1)
    for piece in m.group(1).split("、"):
        if piece.strip():
            out.append((offset + at, piece))
        at += len(piece) + 1
    return out


_RAISED_FOR = re.compile(r"\s*[^，。；]{2,16}?(?:企业|个体工商户|主体|单位)(?:的)?\s*(?:[^，。；]{0,8}?(?:比例|标准|额度|上限|金额))?"
                         r"(?:可)?(?:提高|提升|上浮|放宽)(?:至|到)")  # 高新技术企业、科技型中小企业提高至百分之八
_EXEMPT = re.compile(rf"{LET_OFF}\s*[）)]?\s*$")
_LET_OFF_GROUP = re.compile(r"^\s*[（(][^（）()]{2,20}不受此限制?\s*[）)]")  # （白酒制造企业不受此限）: that trade is let off
_FOR_ONE_ITEM = re.compile(rf"\s*(?:其中)?[，,]?\s*{APPLYING_FOR_NUMBERED}")
_SCOPE_FIELDS = frozenset({"region_code", "industry", "size", "ownership", "taxpayer_type", "small_low_profit"})


def _exemptions(found: Found, marks: list[tuple[int, str]], stops: set[int]) -> None:
    """纳税信用等级为B级及以上，成立未满一年的新办企业除外: the requirement or the exempted case holds,
    one any_of (not across a ；, which starts an entry of its own); a case no field checks (新设立企业尚未评价的除外) is an unknown branch. (An exclusion after
    whom a clause is for — 在本县注册的企业，房地产业除外 — stays a not_in.)"""
    conditions = found.conditions
    bounds = [*(m[0] for m in marks[1:]), len(conditions)]
    for i in range(len(marks) - 2, -1, -1):
        (a, rule_words), (b, exempt) = marks[i], marks[i + 1]
        if i + 1 in stops and exempt.rstrip("；;。 ").endswith("除外"):
            continue  # …2000万元以上；曾退出规模以上工业统计后重新入规的除外: an entry of its own, no let-off
        if b == a and bounds[i + 1] - b == 1 and _EXEMPT.search(exempt) and conditions[b].field \
                and conditions[b].field not in _SCOPE_FIELDS and conditions[b].op not in ("not_in", "any_of"):
            # 上年度缴纳税收十万元以上，成立未满两年的企业除外: a requirement no field checks, or the case let off
            rule = next((x for x in found.leftovers if x[1].strip() == rule_words.strip()), None)
            if rule is not None:
                found.leftovers.remove(rule)
                case = conditions[b]
                unknown = Condition(op="unknown", text=requirement_text(rule[1]), confidence=0.5,
                                    span=(rule[0], rule[0] + len(rule[1])))
                conditions[b] = Condition(op="any_of", any_of=(unknown, replace(case, clause="")), clause=case.clause,
                                          span=(unknown.span[0], case.span[1]) if case.span else None,
                                          text=rule_words.strip() + "，" + exempt.strip().rstrip("；;。"), confidence=0.6)
            continue
        if b - a != 1 or not _EXEMPT.search(exempt):
            continue
        leftover = next((x for x in found.leftovers if x[1].strip() == exempt.strip()), None)
        made = bounds[i + 1] == b and leftover is not None and conditions[a].field not in _SCOPE_FIELDS \
            and conditions[a].op != "any_of"
        if made:
            found.leftovers.remove(leftover)  # 纳税信用等级为A级、B级或M级，新设立企业尚未评价的除外
            case = Condition(op="unknown", text=requirement_text(exempt), confidence=0.5,
                             span=(leftover[0], leftover[0] + len(leftover[1])))
            conditions.insert(b, case)
            bounds = [*(m[0] for m in marks[1:]), len(conditions)]  # only earlier marks are visited next
        elif bounds[i + 1] - b != 1:
            continue
        rule, case = conditions[a], conditions[b]
        if _FOR_ONE_ITEM.match(exempt) and case.op != "any_of" and case.field not in _SCOPE_FIELDS:
            del conditions[b]  # 其中申报2.2项的企业成立未满2年的不受此限: a let-off for that item, nobody's requirement
            continue
        if rule.op == "any_of" and case.field and case.field not in _SCOPE_FIELDS and case.op != "not_in" \
                and all(c.field not in _SCOPE_FIELDS for c in rule.any_of):
            # 属于科技型中小企业或者高新技术企业，成立未满2年的企业不受此限: one more alternative
            span = (rule.span[0], case.span[1]) if rule.span and case.span else None
            conditions[a:b + 1] = [replace(rule, any_of=(*rule.any_of, replace(case, clause="")), span=span,
                                           text=rule.text + "，" + exempt.strip().rstrip("；;。"), confidence=0.7)]
            continue
        # 成立未满三年（高新技术企业、科技型中小企业不受此限）: each case let off is a branch of its own
        cases = case.any_of if case.op == "any_of" and all(
            c.field and c.field not in _SCOPE_FIELDS and c.op != "not_in" for c in case.any_of) else (case,)
        if rule.field in _SCOPE_FIELDS or rule.op == "any_of" or cases[0].op in ("not_in", "any_of") \
                or case.op == "unknown" and not made or case.field == "industry" and not _LET_OFF_GROUP.search(exempt):
            continue
        span = (rule.span[0], case.span[1]) if rule.span and case.span else None
        exempt = exempt.strip().rstrip("；;。")
        text = rule.text + ("" if exempt.startswith(("（", "(")) else "，") + exempt
        conditions[a:b + 1] = [Condition(op="any_of", any_of=(replace(rule, clause=""),
                                                              *(replace(c, clause="") for c in cases)),
                                         clause=rule.clause, span=span, text=text, confidence=0.7)]


_REFUSED_NEXT = re.compile(rf"[，,]\s*(?:{REFUSAL}|不享受|不适用)")
_IF_SUBJECT = re.compile(r"的(?:企业|单位|市场主体|经营主体|主体|个体工商户|申请人)?\s*$")
_THEN_BOUND = re.compile(r"^[^，。；]{0,16}?(?:不低于|不少于|不得低于|达到)\s*[0-9０-９一二三四五六七八九十百]")
_THEN_MUST = re.compile(r"^\s*(?:则|还)?\s*(?:须|应当|应|需|必须)\s*(?:为|是|属于|具有|具备|取得|系|拥有|持有|达到|满足|获得|同时)")


def _conditional_requirements(found: Found, marks: list[tuple[int, str]]) -> None:
    """成立不满五年的企业，须为高新技术企业或者科技型中小企业: either the premise fails or the demand
    holds, so the pair becomes one any_of over the premise read the other way and the demand. A tier
    of a list (销售收入小于5,000万元的企业，比例不低于5%) is read the same way, its demand unknown."""
    conditions = found.conditions
    bounds = [*(m[0] for m in marks[1:]), len(conditions)]
    for i in range(len(marks) - 2, -1, -1):
        (a, premise), (b, demand), end = marks[i], marks[i + 1], bounds[i + 1]
        given = conditions[a:bounds[i]]  # one bound, or the two of a range (在5,000万元至2亿元（含）)
        if not 1 <= len(given) <= 2 or not _IF_SUBJECT.search(premise) or any(
                c.op not in _FLIP or c.field != given[0].field for c in given):
            continue
        first = given[0]
        otherwise = [replace(c, op=_FLIP[c.op], clause="") for c in given]
        leftover = next((x for x in found.leftovers if x[1].strip() == demand.strip()), None)
        if end <= b and leftover and _THEN_BOUND.match(demand) and not _LAST_DE.search(demand):  # …达到100万元以上的: one more case
            found.leftovers.remove(leftover)
            conditions[a:a + len(given)] = [Condition(
                op="any_of", clause=first.clause, confidence=0.6, text=premise.strip() + "，" + demand.strip(),
                any_of=(*otherwise, Condition(op="unknown", text=demand.strip(), confidence=0.5)))]
            continue
        if end <= b or not _THEN_MUST.match(demand):
            continue
        children = list(otherwise)
        for c in conditions[b:end]:
            children.extend(c.any_of if c.op == "any_of" else (replace(c, clause=""),))
        span = (first.span[0], conditions[end - 1].span[1]) if first.span and conditions[end - 1].span else None
        conditions[a:end] = [Condition(op="any_of", any_of=tuple(children), clause=first.clause, span=span,
                                       text=premise.strip() + "，" + demand.strip(), confidence=0.7)]


_OR_OPERATING = re.compile(
    r"[^，。；或]{0,6}?(?:注册|登记)[^，。；]{0,4}?(?:或者|或)\s*([^，。；]{0,10}?(?:实际经营|生产经营|主要经营|经营地|税收解缴|纳税))"
)
# a fee the firm paid, capped: what the subsidised guarantee must cost, where a requirement or case states it
_FEE_CEILING = re.compile(r"(?:担保)?费率?(?:不高于|不超过|低于|在)")
_REQUIRING = re.compile(r"须|应当|应该|条件[：:]")
_SENTENCE_END = re.compile(r"^\s*[。；;\n]")
_OFFER_END = re.compile(r"^\s*[。\n]")
_RAISES = re.compile(
    r"[，,]\s*[^，。；]{0,12}?(?:(?:提高|上浮|增加|提升)(?:至|到|为|[0-9一二三四五六七八九十百])|翻倍|加倍|"
    r"(?:另行|另|额外|再)(?:增加|追加|加奖|给予|奖励|补助|奖(?=\s*[0-9一二三四五六七八九十百千两])))"
)
# 国有控股企业按上述标准的50%给予奖励: a share of a benefit stated before, for whom it is scaled, no requirement
_SCALED = re.compile(r"按(?:照)?(?:上述|前述|以上|上款|前款|本条|该)[^，。；]{0,4}?标准的?\s*(?:[0-9]|百分之|[一二三四五六七八九]成|减半)")
_OFFER_AHEAD = re.compile(r"[，,]?\s*(?:可以|可|按|给予|予以|补贴|奖励)")


# 小型、微型企业补助百分之七十，其他企业补助百分之五十: whom the first rate is for is a tier, not a condition
_OTHERS_GET = re.compile(r"[^。；;]{0,30}?[，,；;]\s*(?:其他|其余|其它)(?:类型|规模)?的?(?:企业|单位|主体|经营主体)(?:的)?[^，。；;]{0,6}?"
                         r"(?:补助|补贴|奖励|资助|给予|按|贴息)")


_LOWERS = re.compile(r"[，,]\s*[^，。；]{0,8}?(?:上限|额度|标准|比例)(?:为|降为|降至|调整为|减为|减按)|[，,]\s*[^，。；]{0,8}?减半")
_BESIDES_ARTICLE = re.compile(r"[，,]\s*(?:在|除)(?:享受|获得)?第[0-9一二三四五六七八九十]+条[^，。；]{0,12}?(?:之外|以外|外|基础上)")


_IF_LEAD = re.compile(r"\s*(?:如果|若|如|倘若)[^，。；]{2,30}?(?:同时|还|另外)")


def _is_tier(head: str, text: str, end: int, offered: bool, offer_inside: bool, offered_ever: bool) -> bool:
    """A …的 phrase that scales the benefit (收入达到…的，奖励提高至…; after an offer: 30人以下的按…). An add-on
    that opens its passage and names the article it adds to (首次以自有品牌参展的，在第四条补助之外再给予…) is an
    item of its own: whom it is for is required."""
    if offered_ever and _LOWERS.match(text, end) and re.search(r"的(?:企业|单位|主体|项目)?\s*$", head):
        return True  # …给予资助，最高20万元。有效发明专利未满3件的企业，资助上限为10万元: a lower tier
    if not head.rstrip().endswith("的") and not _IF_LEAD.match(head):  # (如果企业同时为…，再加奖…: a condition too)
        return False
    if _RAISES.match(text, end):
        return offered_ever or not _BESIDES_ARTICLE.match(text, end)
    return offered and (offer_inside or bool(_OFFER_AHEAD.match(text, end)))


# 个体工商户在本县从事快递代办的，可以申请第㈠项补贴: a case let in for one item, no requirement of any
_LETS_IN_ITEM = re.compile(r"[，,]\s*(?:也|亦)?(?:可以|可)(?:申请|申报|享受)(?:本(?:措施|办法|通知|细则))?第")
_ALSO_ELIGIBLE = re.compile(r"\s*(?:亦|也|同样)(?:都)?(?:可以|可|能)(?:申请|申报|享受|申领|参照)")  # 个体工商户亦可申请: also, not only
# 成立不满一年的新企业也可以申请: the firms named are let in too, the whole phrase is no requirement
_ALSO_LET_IN = re.compile(r"的[^，,。；]{0,6}?(?:企业|主体|单位|个体工商户|经营者)" + _ALSO_ELIGIBLE.pattern)
_RESTATES = re.compile(r"^\s*(?:即|也就是|亦即)")
# Words that name no condition: book titles (《中小企业划型标准规定》), the term a definition defines and a status
# whose test is described (小型微利企业身份按照汇算清缴结果确定).
_NOT_NAMING = re.compile(r"《[^《》]*》|(?:全国)?中小企业(?=股份转让系统|公共服务|服务(?:中心|机构|平台|局)|发展促进|处|局|协会|商会)|[^，。；]{2,12}?身份(?=\s*(?:按照|按|依据|根据|以)[^，。；]{2,30}(?:确定|认定|为准))|(?:大中小微型|中小微|中小)?企业划型(?:标准|规定|办法)|所称([^，。；]{1,30}?)(?=[，,]?\s*(?:是指|均指|系指|指|按照|包括|以))")


def _close_run(found: Found, run: list[tuple[int, str]], text: str, base: int) -> None:
    """Keep a run of consecutive phrases no field checks as one leftover requirement."""
    if len(run) > 2 and APPLICANT.fullmatch(run[0][1].strip()) or len(run) > 1 and _WHEN_LEAD.fullmatch(run[0][1]) \
            or run and _APPLYING_ONLY.fullmatch(run[0][1]):
        del run[0]  # 申请兑现的企业，…，且… / 申请时，… / 凡申请本说明所列产品的客户，…: who applies or when, no requirement
    if run and _ANY_FORM.fullmatch(run[-1][1]):
        del run[-1]  # …（“火山咖啡贷”除外）的企业或者个体工商户: any firm, the words after a bracket
    if len(run) > 1 and _CONNECTIVE.fullmatch(run[0][1]):
        del run[0]  # 同时，…: a connective, no part of the requirement
    cuts = [i for i in range(1, len(run)) if _ALSO.match(run[i][1]) and _SUBJECT_END.search(run[i - 1][1])
            or _ALSO_NOT.match(run[i][1]) and _NEGATED_RECORD.search(run[0][1])
            or OUT_OF_SCOPE.search(run[i][1]) and _SUBJECT_END.search(run[i - 1][1])]
    if cuts:  # 被列入…名单的企业，以及近两年内发生…事故的企业，不能享受…: two subjects left out, two requirements
        if _REFUSAL_TAIL.match(run[-1][1]):
            run.pop()
        for a, b in zip([0, *cuts], [*cuts, len(run)], strict=True):
            _close_run(found, run[a:b], text, base)
        run.clear()
        return
    if len(run) > 1 and all(_WHOLE_REQUIREMENT.search(p) and not _CONTINUES.search(p)
                            for p in [p for _, p in run[:-1]] + [_LAST_DE.sub("", run[-1][1])]):
        found.leftovers.extend(run)  # 项目已完成备案，设备投资额达到500万元以上，并通过验收: three facts to confirm
        run.clear()
    if run:
        start = run[0][0]
        end = run[-1][0] + len(run[-1][1])
        found.leftovers.append((start, text[start - base:end - base]))
        run.clear()


_APPLYING_ONLY = re.compile(r"\s*(?:凡是?|对)?(?:申请|申报)[^，。；]{1,24}?的(?:企业|单位|主体|客户|借款人|申请人|个体工商户)\s*")
_ANY_FORM = re.compile(r"\s*的?(?:(?:企业|个体工商户|单位|主体|农民专业合作社)(?:或者|或|和|及|、)?){1,3}\s*")
_WHEN_LEAD = re.compile(r"\s*(?:在|企业)?(?:申请|申报|办理|兑现)(?:时|前)\s*")
_CONNECTIVE = re.compile(r"\s*(?:同时|此外|另外)\s*")
_ALSO = re.compile(r"\s*(?:以及|及|或者)(?!其)")
# 近三年未发生…事故，亦未被列入经营异常名录 / …，且不存在拖欠工资的情形: a second record the firm must keep clean
_ALSO_NOT = re.compile(r"\s*(?:亦|也|且|并且|同时)\s*(?:未|不|没有|无)")
_NEGATED_RECORD = re.compile(r"未|没有|无|不得有|不存在")  # the first phrase keeps a record clean too
_SUBJECT_END = re.compile(r"的(?:企业|单位|主体|经营主体|市场主体|个体工商户)\s*$")
_REFUSAL_TAIL = re.compile(rf"\s*(?:{REFUSAL}|不能享受|不享受|不适用)")
# A phrase that states a whole requirement: a verb of its own or a bound.
_WHOLE_REQUIREMENT = re.compile(
    r"(?:完成|通过|取得|获得|签订|缴纳|参加|建成|投产|备案|验收|带动|吸纳|收购|达到|持有|具有|拥有|不得|未被列入|未受到|办理|开通|评定为|认定为|评为|须列入|投保|不存在|不涉及)[^，。；]{2,}"
    r"|^[^，。；]{0,12}有[^，。；]{0,6}(?:实绩|业绩)\s*$|(?<![^，。；\s且及其人业行])无[^，。；]{0,10}(?:不良|违法|失信|逾期)[^，。；]{0,6}(?:记录|行为|贷款)"
    r"|(?:以上|以下|不低于|不超过|不少于|超过|不足)(?:[（(]含[^）)]*[）)])?\s*$|" + RELATION_IN + r"[^，。；]{2,}"
    r"|(?:不少于|不低于|不超过|不多于)\s*[0-9０-９一二三四五六七八九十百千万两.]+\s*(?![年月日天名人])[^\s，。；0-9]{1,3}\s*$"  # 客房不少于12间
)
# …良好的小微企业 / …有进出口实绩的外贸经营主体: a phrase ending in whom it describes
_TAKEN_IN = re.compile(r"的[^，,。；;的]{0,8}?(?:企业|单位|主体|个体工商户)\s*$")
_LAST_DE = re.compile(rf"的\s*$|{_TAKEN_IN.pattern}")  # the run's last phrase ends the requirement (…50户以上的，按…奖励)
# A phrase that needs the next one (通过…等方式，获得…; 从事…取得的收入，不低于…).
_CONTINUES = re.compile(r"(?:方式|途径|的|收入|费用|总额|之一|[、等])\s*$|^\s*(?:其中|即|包括|(?:并|且)?\s*(?:与其|为其|对其|其))")


# …的企业，不适用本办法 / …的不予受理: the subject before the refusal is who is left out.
def _refused_case(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The refused case of an exclusion sentence, without a duty before it (申报企业须为制造业企业，纳税信用
    等级为C级或者D级的不予支持: only the rating is refused)."""
    start, end = span
    duties = list(_DUTY_BEFORE.finditer(text, start, end))
    comma = _COMMA.search(text, duties[-1].end(), end) if duties else None
    if comma:
        return comma.end(), end
    own = _OWN_REFUSED.search(text, start, end)
    # 纳税信用良好的小微企业，个体工商户不适用本产品: the firms taken in, then others left out by a subject of their own
    return (own.start("subject"), end) if own and _TAKEN_IN.search(text, start, own.start()) else span


_OWN_REFUSED = re.compile(r"[，,]\s*(?P<subject>(?!或|以及|及|和|且|并)[^，,。；;]{0,20}?(?:企业|个体工商户|单位|主体|机构|公司))"
                          r"(?:均|一律)?(?:不适用|不得|不予|不能|不享受|不在)")
# 30人（含）以下的参保企业裁员率不高于20%: firms of that size meet a rule of their own, which the size does not require
_OWN_RULE = re.compile(r"\s*的[^，。；]{0,6}?(?:企业|单位|主体)[，,]?\s*[^，。；\d]{1,8}?率\s*"
                       r"(?:不高于|不超过|不低于|低于|高于|达到|在)")
_OTHER_CLAUSE = re.compile(r"[，,]|承诺")
_KEEPER = re.compile(r"(?:的)?(?:经营者|业主|户主|负责人)")  # 个体工商户经营者年龄在…: the person, not the firm's form
_MAINLY = re.compile(r"(?:企业)?\s*(?:为主|为重点|优先)")  # 以中型、小型、微型企业为主: whom it mostly serves, no bound
_DUTY_BEFORE = re.compile(r"须|应当|必须|应为|仅限|只限|仅支持|只支持|仅适用于|只适用于")  # 仅限…个体工商户申请，企业法人不得申请: only the latter is refused
_COMMA = re.compile(r"[，,]")
_EXCLUDED_SUBJECT = re.compile(
    r"(?:^|(?<=[。；;\n]))([^。；;\n]*?的(?:企业|单位|主体|个体工商户|项目|申请人)?)[，,]?\s*"
    r"(?:(?:各项|上述|以上|本|[两二三四五六七八九十][款项类])[^，。；]{0,6}?)?(?:均|一律)?\s*"  # …的，各项扶持均不予支持 / 两款产品均…
    r"(?:不适用|不参与|不参加|不参评|不予(?:支持|受理|补贴|补助|奖励|奖补|准入|贴息|发放|资助|兑现|扶持|享受)|不得申请|不得申报|不得享受|不享受|不纳入|不在[^，。；]{0,8}范围)"
)
# 原个体工商户在什邡市登记，转型前已连续经营满两年，且…: a sentence about the firm the applicant was before
_PREDECESSOR = re.compile(r"(?:^|(?<=[。；;\n]))[\s①-⑳（()）0-9.、]*原(?:个体工商户|企业|经营主体|商户|经营者)[^。；;\n]*")
_FLIP = {"lt": "ge", "ge": "lt", "le": "gt", "gt": "le"}
_EXCEPT = re.compile(r"除[^。；;]{1,80}?(?:以外|之外)")


def _excluded_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences that name who is left out (…的企业，不适用本办法；除…以外)."""
    cues = _cue_re(tuple(patterns()["exclusion_sentence_cues"]))
    out = [(m.start(), m.end()) for m in _EXCEPT.finditer(text)]
    for m in re.finditer(r"[^。；;\n]+", text):
        sentence = mask(m.group(0), [n.span() for n in _ITEM_NOTE.finditer(m.group(0))])
        if cues.search(sentence) or OUT_OF_SCOPE.search(sentence):
            out.append(_refused_case(text, m.span()))
    return out


