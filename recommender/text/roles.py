"""Roles of clauses: conditions, standard, procedure, validity, purpose or body; which clauses offer something."""

from __future__ import annotations

import re

from recommender.text.headings import heading_role
from recommender.text.phrases import EXCLUDING_LEAD
from recommender.text.structure import Clause, Structure

__all__ = ["AMOUNT", "MEASURE_TITLE", "conditions_blocks", "procedure_tail", "clause_role", "clause_roles", "is_measure"]

_GRANT = re.compile(
    r"设立[^，。；]{0,20}?(?:资金|基金|资金池)[，,]\s*(?:专项)?用于(?:帮助|支持|解决|缓解)|给予|予以|减按|免征|(?:按|减按)\s*(?:[0-9]+(?:\.[0-9]+)?\s*%|百分之[一二三四五六七八九十]+)\s*(?:减征|征收|缴纳)|(?:依次|定额)?扣减(?![额率])|减半征收|免收|减免|加计扣除|加计\s*[0-9]+(?:\.[0-9]+)?%\s*抵减|(?<!列入)(?<!本次)(?:退还|返还)(?!名单|规则|情形|的情形)|一次性|即征即退|两免三减半|"
    r"(?:奖励|补助|补贴|资助|贴息|奖补)\s*[0-9一二三四五六七八九十百千](?![类项个种批条])|发放[^，。；]{0,16}?[“\"「][^”\"」]{1,12}贷[”\"」]|提供[^，。；]{0,30}?(?:贷款|担保|授信|周转|转贷|过桥)|(?:租金|房租|租费|费用)[^，。；]{0,4}?(?:全免|减半)|减半收取|(?:对|向)[^。；]{2,60}?[，,][^。；]{0,6}?(?:担保费率|贷款利率|费率)(?:不超过|不高于|降至|下调至|降低至)|(?:推出|(?<!房地产)开发|创设)[^，。；]{0,30}?(?:贷|信贷产品|金融产品|担保产品)|"
    r"(?:全额|按[^，。；]{0,24}?)(?:补贴|补助|奖励|奖补|贴息|返还|抵扣|抵减)(?:\s*[，。；|]|\s*$)|发放[^，。；]{0,8}(?:补贴|补助|奖励|券)|"
    r"(?:准予|允许)[^，。；]{0,24}?(?:扣除|抵扣|抵免|摊销|结转)|免费(?:提供|开展|组织)|企业不承担(?:任何)?费用|免税政策|无票免税|全额承担|费用由[^，。；]{0,10}承担|直接认定|认定为|确认为|(?:贷款|授信|融资|担保)(?:额度|金额)(?:\**\s*[:：]|[】\]])\s*\S|(?:单户|单笔|每户)(?:贷款|授信|融资|担保)(?:额度|金额)(?:最高|不超过|不高于|可达)\s*[0-9一二三四五六七八九十百千]|(?<![的和与及、])额度(?:为)?(?:单户|单笔|每户)?(?:最高|不超过|不高于|可达)\s*[0-9一二三四五六七八九十百千两]|(?:^|\n)[\s*#>【\[-]*(?:额度|金额)(?:[与和及、]?期限)?(?:\**\s*[:：]|[】\]])[^。；\n]{0,12}?(?:最高|不超过|[0-9一二三四五六七八九十百千]\s*万元)|(?:可以|可)(?:申请|申领|领取)[^，。；]{0,16}(?:补贴|补助|奖励|贴息|返还|贷款|券|资金)|(?:可以|可)(?:申请)?(?:缓缴|缓交|延期缴纳)"
    r"|[“\"「][^”\"」]{1,10}贷[”\"」][^，。；]{0,6}?面向"
    r"|按[^，。；]{0,10}应缴[^，。；]{0,8}?的\s*[0-9.]+\s*%\s*(?:缴纳|征收)"  # 按规定应缴费额的50%缴纳: a reduced charge
    # 补贴标准：每人每年5000元 (a labelled line of a guide): the amount given
    r"|(?:^|\n)[\s*#>【\[-]*(?:补贴|补助|奖励|资助|奖补|支持|扶持)标准(?:\**\s*[:：]|[】\]])[^。；\n]{0,20}?[0-9一二三四五六七八九十百千]+\s*(?:万元|元)"
    r"|按(?:以下|下列|如下)公式计算[^，。；]{0,6}(?:贴息|补贴|补助|奖励|资助|奖补)"
    r"|所称[“\"「][^”\"」]{1,12}贷[”\"」][，,]?\s*是指[^。；]{0,40}?发放"  # 本细则所称“专精特新贷”，是指合作银行…发放的…贷款
    r"|(?<![获得])奖\s*[0-9一二三四五六七八九十百千两]+(?:\.[0-9]+)?\s*万?元"  # 增速15%（含）至30%的奖5万元
    r"|(?:单户|单笔|每户)(?:最高|可达)\s*[0-9一二三四五六七八九十百千两]+(?:\.[0-9]+)?\s*(?:万元|亿元)"  # 贷多少：单户最高200万元
    r"|按[^，。；]{0,12}?(?:标准|类别|档次|等级)[^，。；]{0,6}?(?:发放|兑现)"  # 按上表类别按月发放 / 按每人1000元的标准发放
    r"|可(?:以)?办理[^，。；]{0,12}?(?:续贷|转贷|展期)"  # 符合条件的可办理无需先还本的续贷: the renewal offered
    r"|(?:补贴|补助|奖励|资助|贴息)标准[^，。；]{0,6}?与[^，。；]{2,16}?相同"  # 补贴标准和期限与小型微型企业相同
    # 补助比例和上限按下表执行 … 补助比例最高12%，单个项目补助最高800万元: the rate and cap of what is given
    r"|(?:奖励|补助|补贴|资助|贴息|奖补)(?:比例|金额|标准)?(?:最高|最多|上限为?)(?:可达|为)?\s*[0-9一二三四五六七八九十百千两]+(?:\.[0-9]+)?\s*(?:%|万元|元)"
    r"|(?:可以|可)(?:实行|采取)[“\"]?一事一议"  # 重大项目…可以实行“一事一议”: support agreed case by case
    r"|基金[^。；]{0,20}?投资额?[^，。；]{0,6}?(?:不超过|最高)\s*[0-9一二三四五六七八九十百千]|跟进投资"  # 引导基金直投: equity offered
    r"|(?<!不得)用于发放[^，。；]{0,20}?贷款|(?:贴现|贷款)利率[^，。；]{0,20}?(?:下浮|优惠)"  # 再贷款资金只能用于发放小微企业贷款
)
_DEFINES = re.compile(r"是指|所称[^，。；]{0,20}[，,]")
_BANK_LOSS = re.compile(r"形成不良|不良贷款|发生代偿|本金损失|代偿损失|(?:贷款)?发生损失")
_REFERENCE = re.compile(r"享受|不得|不予|不适用|不纳入|不再|停止|规定的|申请|申报|骗取|须|需")
_REFERS_BACK = re.compile(
    r"同样适用|亦可享受|也可享受|参照(?:执行|实施|前款|上述|本条)|可以选择放弃|不(?:再)?重复享受|不得重复|不可重复|"
    r"(?:按照|依照|享受)本(?:公告|办法|通知|措施|细则|意见)(?:第[^，。；]{1,12}?条)?规定|"
    r"只能享受一次|从其约定|就高(?:不重复)?(?:的)?原则|就高不重复|不重复(?:支持|奖励|补助|补贴|享受)|收回|追回|退回|继续(?:提供|享受|给予|申请)"
)
_ONCE_ONLY = re.compile(r"只能享受一次|不(?:再)?重复享受|不得重复|不可重复")
_TO_INSTITUTION = re.compile(
    r"(?:对|向|为)(?:市|县|区|省|州)?(?:合作|承办|经办)?(?:银行业金融机构|银行|金融机构|(?:融资|再)?担保(?:机构|集团|公司)|保险机构|运营机构|"
    r"服务机构|孵化基地|经办机构)(?!申请|借款|取得|获得|办理)[^。；]{0,24}?(?:给予|予以)"  # 向银行申请的贷款: the firm's
)
# “郑好担”业务由市融资担保集团提供担保: how a scheme works, said of the institution, not an offer.
_BY_INSTITUTION = re.compile(r"\s*[^，。；]{0,20}?由[^，。；]{0,16}?(?:集团|机构|银行|公司)(?:负责)?提供")
_EXCLUDES_LIST = re.compile(EXCLUDING_LEAD + r"[^：:。；\n]{0,16}[：:。]?\s*$", re.M)  # the cases follow as clauses
_AGENCY = re.compile(
    r"^\s*(?:各|市|区|县|省|全市|全县)?[^，。；]{0,14}?(?:部门|机关|银行业金融机构|银行|运营机构|机构|委员会|"
    r"政府|局|委)(?:应当|要|负责(?!人)|会同|按|不得|将|可|定期|加强|在)"
)
# 强化金融服务保障 / （三）严格资金监管。: a work measure's title, naming no requirement
MEASURE_TITLE = re.compile(r"^(?:强化|加强|优化|完善|做好|提升|严格|规范|健全|落实|加大|推进|压实)[^，。；：:？?]{2,12}$")
_REFUSES_SUBJECT = re.compile(r"(?:^|[。；\n])\s*[^。；\n]{2,40}?的(?:企业|单位|经营主体|市场主体|主体|个体工商户|申请人)?[，,]\s*"
                              r"(?:一律|均)?(?:不享受|不得享受|不予(?:支持|扶持|享受|奖励|补助|补贴)|不适用)本")
_DENIED_TO = re.compile(r"不得(?:向|为|对)[^，。；]{2,30}?(?:发放|提供|办理|给予)")
_PURPOSE = re.compile(r"^\s*(?:为了?|根据|依据|按照[^，。]{0,30}精神)[^。]*?(?:制定|通知如下|公告如下|如下|特制定|意见)")
_PREFERENCE = re.compile(r"\s*(?:优先|倾斜|重点)(?:支持|推荐|安排|保障|考虑)")
_PROCEDURAL = re.compile(
    r"(?:申报|受理|申请)时间|(?<!已经)(?<!已)(?<!当前)(?<!无)(?<!未)逾期(?!记录|还款|贷款|欠|情况|次数|未还|的|[0-9一二三四五六七八九十])|负责(?:组织|审核|初审|受理)|初审|复核|下达资金|拨付|提交[^，。；]{0,12}材料|登录[^，。；]{0,12}(?:平台|系统)|在线(?:填报|申报|提交)|报送[^，。；]{0,16}(?:部门|局)"
)
AMOUNT = re.compile(r"[0-9０-９一二三四五六七八九十百千两]\s*(?:%|％|万元|元|倍|个百分点)|百分之")  # what an offer gives
_BACKGROUND_QUESTION = re.compile(r"背景|意义|目的|出台|起草|制定(?:过程|依据|思路)|主要内容|亮点|总体(?:思路|要求|目标)")
_BACKGROUND_HEADING = re.compile(r"^(?:出台|政策|起草|制定)?(?:背景|意义|目的)(?:[和及与、](?:意义|目的|依据|背景))?$"
                                 r"|^(?:公司|机构|银行|企业|中心|基金)?(?:简介|概况|概述|介绍)$")  # 一、公司简介
_DRAFTING_NOTE = re.compile(r"(?:起草|编制|修订)说明$")
_NO_ANSWER = re.compile(r"(?:^[\s*]*|答\s*[:：]\s*)(?:不能|不可以|不可|不行|不需要|不用|否|不适用|不属于)[。，,.！!；;]")
_REFUSES = re.compile(r"不予|不得|不适用|不能享受|不享受")
_VALIDITY = re.compile(r"有效期(?!内)|起施行|起执行|执行至|负责解释|执行期限")  # not 在有效期内的高新技术企业


# A party other than the supported firm: 服务商条件, 合作银行准入条件, 第三方机构要求
_OTHER_PARTY = re.compile(r"服务商|服务机构|合作(?:银行|机构)|承办(?:银行|机构)|经办(?:银行|机构)|金融机构|担保机构|第三方|供应商|专家|评审机构")
_STILL_REQUIRED = re.compile(r"^[^。；]{0,24}?(?:还|均|须|应当|应|需|必须)[^。；]{0,6}(?:符合|满足|具备|具有)")
# 【享受主体】 / **申报对象**： / 申报条件： / | 受理条件 | (a row of a 要素 | 内容 table): a label heading what follows
_LABEL_LINE = re.compile(
    r"(?m)^[ \t*#>●•·▪◦→➤➜▸-]*(?:【([^】\n]{2,10})】|\*\*([^*\n]{2,10})\*\*\s*[:：]|([^\s：:，。；、|]{2,8})[:：]|\|\s*([^|\n：:]{2,10}?)\s*\|)")


def _label(m: re.Match[str]) -> str:
    return m.group(1) or m.group(2) or m.group(3) or m.group(4)


def conditions_blocks(text: str) -> list[tuple[int, int, str]]:
    """Spans of a clause's own text under a conditions label line (【享受主体】, **申报对象**：), each up to
    the next label line, with the label."""
    labels = list(_LABEL_LINE.finditer(text))
    out = []
    for n, m in enumerate(labels):
        if heading_role(_label(m)) == "conditions":
            out.append((m.end(), labels[n + 1].start() if n + 1 < len(labels) else len(text), _label(m)))
    return out


# 温馨提示：…企业不适用本项政策。享受本项政策的企业应当…: a note can state whom the item leaves out
_NOTE_LABEL = re.compile(r"提示|注意")
_NOTE_REQUIRES = re.compile(r"不适用|不得|不予|不能享受|应当|须|必须|仅限")


def procedure_tail(text: str) -> int:
    """Where a clause's own text turns to how to apply (a 【政策依据】 or 申报材料： label line), else its end."""
    labels = list(_LABEL_LINE.finditer(text))
    for n, m in enumerate(labels):
        if heading_role(_label(m)) == "procedure":
            stop = labels[n + 1].start() if n + 1 < len(labels) else len(text)
            if _NOTE_LABEL.search(_label(m)) and _NOTE_REQUIRES.search(text, m.end(), stop):
                continue
            return m.start()
    return len(text)


def clause_role(structure: Structure, clause: Clause) -> str:
    """conditions, standard, procedure, validity, purpose or body, from the headings above and the text."""
    own = structure.own_text(clause)
    if clause.heading.endswith(("？", "?")) and _BACKGROUND_QUESTION.search(clause.heading) \
            or _BACKGROUND_HEADING.match(clause.heading):
        return "purpose"  # 一、出台的背景是什么？答：…给予分阶段支持: why the policy exists, nothing offered
    if any(_DRAFTING_NOTE.search(c.heading) for c in [clause, *structure.ancestors(clause)]):
        return "purpose"  # 关于《…（征求意见稿）》的起草说明: how a draft was made; its summary of measures offers nothing
    if clause.heading.endswith(("？", "?")) and is_measure(own) and AMOUNT.search(own):
        return "body"  # 哪些企业可以申领？答：…给予…: an answer that offers is a measure
    for c in [clause, *structure.ancestors(clause)[::-1]]:
        role = heading_role(c.heading) if c.heading else None
        if role == "conditions" and _OTHER_PARTY.search(c.heading):
            return "procedure"  # 五、服务商条件: whom the scheme hires, not whom it supports
        if role == "conditions" and c is not clause and _PROCEDURAL.search(own):
            return "procedure"  # 三、申报要求（一）申报时间为…，逾期不予受理: how to apply, not who may
        if role == "procedure" and c is not clause and _REFUSES_SUBJECT.search(own):
            return "conditions"  # 五、附则 1. 被列为失信被执行人的经营主体，不享受本办法扶持: whom every item leaves out
            # (also after a heading sentence: （三）严格资金监管。…的单位，不得享受本方案各项资金补贴)
        if role == "procedure" and any(_EXCLUDES_LIST.search(structure.own_text(x)) for x in (clause, *structure.ancestors(clause)[-1:])):
            return "conditions"  # 五、其他 有下列情形之一的企业，不享受本细则支持：（一）…: still whom it leaves out
        if role == "procedure" and c is clause and MEASURE_TITLE.match(clause.heading) and is_measure(own) \
                and AMOUNT.search(own):
            return "body"  # 三、强化金融服务保障。…给予贴息，单家年度贴息不超过100万元: a measure, not how it is run
        if role:
            return role
    if not clause.label and clause.kind != "heading" and _STILL_REQUIRED.search(own):
        return "conditions"  # 享受上述支持措施的企业，还应当符合以下要求：… after a list of measures
    if _PURPOSE.match(own):
        return "purpose"
    if _VALIDITY.search(own) and not _GRANT.search(own) and not (
            _REFUSES.search(first := own.split("。", 1)[0]) and not _VALIDITY.search(first)):
        return "validity"  # (二是被列入…的企业，一律不予支持。以上政策执行至…: whom it refuses, then how long)
    if _AGENCY.match(own):
        return "conditions" if _DENIED_TO.search(own) else "procedure"  # 各机构不得向失信被执行人发放…: whom it leaves out
    return "body"


def clause_roles(structure: Structure) -> list[str]:
    """The role of every clause, computed once per structure."""
    if len(structure.roles) != len(structure.clauses):
        structure.roles = [clause_role(structure, c) for c in structure.clauses]
    return structure.roles


def is_measure(text: str) -> bool:
    """Whether a clause's own text offers something to enterprises (not a reference or a bank's term)."""
    if _NO_ANSWER.search(text[:120]):
        return False  # 答：不能。…: a Q&A answer that refuses
    for m in _GRANT.finditer(text):
        start = max(text.rfind(ch, 0, m.start()) for ch in "。；\n") + 1
        if _REFERENCE.search(re.split(r"[，,]", text[max(start, m.start() - 6):m.start()])[-1]):
            continue  # 申请…补贴 / 不予…给予: a reference, not an offer; 方可申请，按…给予贴息 still offers
        after = m.end() - 1 if text[m.end() - 1:m.end()] in ("。", "；", "，") else m.end()
        end = min(i for i in (*(text.find(ch, after) for ch in "。；\n"), len(text)) if i >= 0)
        if _BANK_LOSS.search(text[start:end]):
            continue  # 试点贷款形成不良的，由风险准备金按本金损失的40%予以补偿: the lender's loss is shared
        if _DEFINES.search(text[start:end]) and not m.group(0).startswith("所称"):
            continue  # a definition names what a term means (第2项所称研发费用，以…明细表为准), it offers nothing
        if _PREFERENCE.match(text, m.end()):
            continue  # 给予优先支持: a preference when others are chosen, not something given
        back = _REFERS_BACK.search(text, start, end)
        if back and _ONCE_ONLY.fullmatch(back.group(0)) and re.search("[，,]", text[after:back.start()]):
            back = None  # 按每人1000元给予一次性补贴，同一人员只能享受一次: a limit on the offer before it
        if _TO_INSTITUTION.search(text[start:m.end()]) or back or _BY_INSTITUTION.match(text, start, m.end()):
            continue
        return True
    return False
