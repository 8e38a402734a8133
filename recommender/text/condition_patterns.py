"""Matchers for categorical conditions: size, qualifications, rating, first loan, region, industry..."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from recommender.rules.schema import TAX_CREDIT_LEVELS
from recommender.text.lexicon import patterns

__all__ = [
    "INDUSTRY_FRAME", "NO_LEAD", "Hit", "cover", "categorical_hits", "industry_hits", "load_tables", "narrowest", "region_hits",
    "date_hits",
]


NO_LEAD = 1 << 30


@dataclass(frozen=True)
class Hit:
    """A matched condition phrase: field, op, value and the span inside the phrase."""

    field: str
    op: str
    value: object
    start: int
    end: int
    confidence: float = 0.9
    subject: bool = False  # a subject-type word (size, qualification, taxpayer...) that may be OR-ed
    lead: int = NO_LEAD  # where a numeric condition's words start (its field cue), else unused


def _alternation(words) -> str:
    """A pattern for any of ``words`` that takes the longest one at a place, written as a trie: a flat
    alternation of the 1,700 industry names is tried name by name at every character."""
    trie: dict = {}
    for word in filter(None, words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        parts = [re.escape(ch) + branch(child) for ch, child in node.items() if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 and "" not in node else "(?:" + "|".join(parts) + ")"
        return body + "?" if "" in node else body  # greedy: the longer word first, this one if it stops

    return branch(trie)


def load_tables() -> None:
    """Build the name patterns and code tables the finders use, so the first document does not pay for them."""
    from recommender.profiles.regions import region_code_for_text

    _qualification_re(), _size_re(), _category_re(), _class_names(), _industry_names(), _children()
    region_code_for_text("重庆市")  # one look-up by name builds the region tables and the name chain it walks


@cache
def _qualification_re() -> re.Pattern[str]:
    """The lexicon's qualification phrases and every alias the profile table knows (农业产业化重点龙头企业)."""
    from recommender.profiles.qualifications import qualification_table

    aliases = [a for a in qualification_table()["alias"] if len(a) >= 5]
    return re.compile(_alternation(list(dict.fromkeys([*patterns()["qualifications"], *aliases]))))


@cache
def _size_re() -> re.Pattern[str]:
    prefixes = _alternation(patterns()["size_prefixes"])
    return re.compile(rf"{_alternation(patterns()['size_words'])}|(?P<prefix>{prefixes})[\u4e00-\u9fff]{{1,4}}?企业")


def _sizes(m: re.Match[str]) -> list[str]:
    """Size classes of a size word, or of a size prefix before a trade (中小外贸企业)."""
    if m.group("prefix"):
        return list(patterns()["size_prefixes"][m.group("prefix")])
    return list(patterns()["size_words"][m.group(0)])


@cache
def _category_re() -> re.Pattern[str]:
    return re.compile(_alternation(patterns()["categories"]))


_LEVELS = r"[ABMCD]\s*级?(?:\s*(?:、|，|,|/|或者?|和|及|至)\s*[ABMCD]\s*级?)*"
_NOT_LEVEL = r"非|不是|不为|不属于|不得为|不能为|不得是|不能是|不应是|不应为|未被?(?:[^，。；]{0,8}?(?:税务|机关|部门))?评(?:定|价)?为"  # 未被税务机关评定为C级
_RATING = re.compile(
    r"纳税(?:缴费)?信用(?:等级|级别|评价)?(?:评价|评定)?(?:结果)?(?:均|都|还|也|亦)?(?:须|应|应当|必须|要|需|需要)?(?:为|是|达到|(?:保持|维持)?在|属于|被?评为|被?评定为|被?评价为)?\s*"
    rf"(?:(?P<non>{_NOT_LEVEL})\s*(?P<nonlevels>{_LEVELS})|(?P<min>不低于|不得低于|达到|在)?\s*(?P<levels>{_LEVELS}))\s*"
    r"(?P<above>及以上|[（(]含[ABMCD]?级?[）)]以上|以上(?:[（(]含[ABMCD]?级?[）)])?)?"
    rf"|(?P<non2>{_NOT_LEVEL})\s*(?P<nonlevels2>[ABMCD](?:\s*级?\s*(?:、|，|,|/|或者?|和|及)\s*[ABMCD])*)\s*级"
    r"|(?P<single>[ABMCD])\s*级(?P<above2>及以上|以上)?\s*纳税人"
)
# B级及以上，评价为M级的企业也可以申报 / （M级企业可申报）: the new firms' M grade let in beside the grades named
M_GRADE_ALSO = (r"\s*[^，。；（）()]{0,12}?M\s*级[^，。；（）()]{0,8}?(?:(?:也|亦|均|同样)?(?:可以|可|能够?)"
                r"(?:申报|申请|享受|参与)|的?(?:视同|视为)(?:符合|满足|达标))")  # 新设立企业被评价为M级的视同符合
_M_ALSO = re.compile(rf"\s*[，,（(]{M_GRADE_ALSO}[）)]?")
_DISHONEST = re.compile(r"失信被执行人|失信联合惩戒对象")  # 严重失信主体名单 is another list (unknown)
_OFFICER = re.compile(r"法定代表人|实际控制人|控股股东|主要负责人|股东|董事|高管")
_FIRM_AND_OFFICER = re.compile(r"(?:企业|单位|公司|申请人|本人|主体|借款人|经营者)[^，,。；;]{0,4}?(?:及|和|与|或者?|以及)[^，,。；;]{0,2}?其"
                               r"|(?:企业|单位|公司|申请人|借款人)(?:及|和|与|以及)(?:法定代表人|实际控制人|控股股东|主要负责人)")
_NO_LOAN = re.compile(
    r"首贷户|首贷企业|首次(?:从[^，。；]{0,12})?(?:获得|取得|申请|获|拿到)[^，。；]{0,8}贷款"
    r"|(?:此前|之前|以前)?(?:无|没有)(?:任何)?(?:银行)?(?:贷款|信贷)记录"
    r"|从未[^，。；]{0,14}(?:获得|取得)过?[^，。；]{0,6}贷款"
    r"|(?:从来|从未|此前|之前)?没(?:有)?在(?:任何)?(?:银行|金融机构)(?:借过|贷过)(?:钱|款)"  # 从来没有在银行借过钱
    r"|未(?:曾)?(?:在|从)[^，。；]{0,12}(?:获得|取得)过[^，。；]{0,6}贷款"
    r"|(?:此前|之前|以前)未(?:曾)?(?:获得|取得)过?[^，。；]{0,6}贷款(?!贴息|担保|补贴|风险)"  # 此前未获得过银行贷款
)
_RD_SPENT = re.compile(r"(?:开展研发活动中)?实际发生[的了]研(?:究开)?发费用|有研(?:究开)?发(?:费用)?(?:支出|投入)(?![^，。；]{0,6}[0-9一二三四五六七八九十])")
# 拥有有效发明专利 with no count: at least one (拥有发明专利10件以上 is a bound the numbers read)
# (拥有发明专利或者实用新型专利: either kind, which the field does not count)
_HAS_PATENT = re.compile(r"(?:拥有|持有|具有)(?:有效的?|授权的?)?(?:国内)?发明专利(?![^，。；、]{0,8}[0-9一二三四五六七八九十两])"
                         r"(?!\s*(?:或者?|和|及|以及|、|与)[^，。；]{0,8}(?:专利|著作权|商标|集成电路布图|植物新品种))")
_HAS_LOAN = re.compile(
    r"已(?:在|从|向)?[^，。；、]{0,14}(?:取得|获得)[^，。；、]{0,8}贷款|已有[^，。；、]{0,8}贷款|"
    r"(?:原|现有|存量)?(?:流动资金)?贷款(?:即将|已经)?到期|(?:即将|已经)?到期的(?:银行|流动资金)?贷款"  # 续贷: a loan falling due is one the firm has
)
# A status being acquired (首次通过高新技术企业认定, 新认定为…) is an event the profile cannot show.
# Only a title being applied for (申请认定为…, 经评价…认定为… as the grant) is not held; one already
# conferred (首次被工业和信息化部认定为…的, 新认定为…的) is held, the event beside it being unknown.
_NEWLY = re.compile(r"(?:认定为|评价为|评定为|(?:申请|申报)[^，。；]{0,8}?(?:认定|评价|评定)为?)[“\"]?$")
_CONFERRED = re.compile(r"(?:被|经(?!营|济)|获|首次|新|再次|重新|已)[^，。；]{0,12}$")
_NOT_YET = re.compile(r"(?:未|没有|不曾)[^，。；]{0,12}$")  # 尚未被认定为…: not held
_RECOGNISED_AFTER = re.compile(r"[”\"]?\s*(?:评价|评定|认定)(?:条件|标准|工作|办法|程序|管理|指标|$)")
_SMALL_LOW_PROFIT = re.compile(r"小型微利企业")
_ORIGIN = re.compile(r"由\s*$")
_INSTITUTION_AFTER = re.compile(r"(?:股份转让系统|发展基金|服务中心|服务平台|公共服务|促进中心|促进会|协会|商会|局)")
_PREMISES_AFTER = re.compile(r"[^，。；、]{0,4}?(?:用房|房屋|厂房|房产|门面|商铺|物业)")
_CONVERTED = re.compile(r"\s*(?:转型|转为|升级|改制|转制|转登记)")


def _levels_at_or_above(level: str) -> list[str]:
    return list(TAX_CREDIT_LEVELS[: TAX_CREDIT_LEVELS.index(level) + 1])


def _rating_hits(text: str, negated: bool) -> Iterator[Hit]:
    for m in _RATING.finditer(text):
        excluded = m.group("nonlevels") or m.group("nonlevels2")
        if excluded:  # 不为C级、D级 / 非C、D级: the levels named are left out
            levels = sorted(set(re.findall(r"[ABMCD]", excluded)), key=TAX_CREDIT_LEVELS.index)
            yield Hit("tax_credit", "not_in", levels, m.start(), m.end())
            continue
        raw = m.group("levels") or m.group("single")
        above = m.group("above") or m.group("above2") or m.group("min") in ("不低于", "不得低于")
        levels = re.findall(r"[ABMCD]", raw)
        if above:
            levels = _levels_at_or_above(max(levels, key=TAX_CREDIT_LEVELS.index))
        elif "至" in raw and len(levels) == 2:
            a, b = sorted(TAX_CREDIT_LEVELS.index(x) for x in levels)
            levels = list(TAX_CREDIT_LEVELS[a : b + 1])
        also = _M_ALSO.match(text, m.end()) if "M" not in levels and not negated else None
        levels = sorted(set(levels) | ({"M"} if also else set()), key=TAX_CREDIT_LEVELS.index)
        yield Hit("tax_credit", "not_in" if negated else "in", levels, m.start(), also.end() if also else m.end())


def _canonical(name: str) -> str:
    from recommender.profiles.qualifications import canonical_qualification

    plain = re.sub(r"[“”\"「」]", "", name)
    return canonical_qualification(plain)


def categorical_hits(text: str, negated: bool = False) -> list[Hit]:
    """Size, 小型微利企业, qualifications, taxpayer/ownership, rating, dishonest and loan hits."""
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []

    def add(hit: Hit) -> None:
        if any(s < hit.end and hit.start < e for s, e in taken):
            return
        taken.append((hit.start, hit.end))
        hits.append(hit)

    for m in _qualification_re().finditer(text):
        newly = _NEWLY.search(text, max(0, m.start() - 20), m.start())
        if newly and "申" not in newly.group(0):
            window = text[max(0, newly.start() - 12):newly.start()]
            newly = None if _CONFERRED.search(window) and not _NOT_YET.search(window) else newly
        if newly or _RECOGNISED_AFTER.match(text, m.end()):
            taken.append((m.start(), m.end()))  # nor is its 中小企业 a size word
            continue
        add(Hit("qualifications", "has", _canonical(m.group(0)), m.start(), m.end(), subject=True))
    for m in _SMALL_LOW_PROFIT.finditer(text):
        add(Hit("small_low_profit", "eq", not negated, m.start(), m.end(), subject=True))
    for m in _category_re().finditer(text):
        if _ORIGIN.search(text, max(0, m.start() - 2), m.start()) and _CONVERTED.match(text, m.end()):
            taken.append((m.start(), m.end()))  # 由个体工商户转型设立的企业: what it was, not what it is
            continue
        if _PREMISES_AFTER.match(text, m.end()):
            taken.append((m.start(), m.end()))  # 承租国有企业经营性用房: the landlord's ownership, not the firm's
            continue
        if m.group(0) == "个体工商户" and (_ANY_FIRM_BEFORE.search(text, 0, m.start()) or _ANY_FIRM_AFTER.match(text, m.end())
                                          or _INCLUDING.search(text, 0, m.start()) or text[m.start() - 1:m.start()] == "原"):
            taken.append((m.start(), m.end()))  # 企业和个体工商户 / （含个体工商户） / 原个体工商户: no ownership required
            continue
        field, value = patterns()["categories"][m.group(0)]
        denied = negated != (text[m.start() - 1:m.start()] == "非")  # 非外商投资企业: any firm but these
        add(Hit(field, "not_in" if denied else "eq", [value] if denied else value,
                m.start() - (not negated and denied), m.end(), subject=True))
    for m in _size_re().finditer(text):
        if _INSTITUTION_AFTER.match(text, m.end()):
            taken.append((m.start(), m.end()))  # 全国中小企业股份转让系统: a name, not a size
            continue
        sizes = _sizes(m)
        denied = negated != (text[m.start() - 1:m.start()] == "非")  # 非中小企业不得申请: only these may
        op = "not_in" if denied else ("eq" if len(sizes) == 1 else "in")
        end = m.end("prefix") if m.group("prefix") else m.end()  # 中小制造企业: the trade is read as an industry
        add(Hit("size", op, sizes[0] if op == "eq" else sizes, m.start() - (not negated and denied), end, subject=True))
    for hit in _rating_hits(text, negated):
        add(hit)
    for m in _DISHONEST.finditer(text):
        phrase = text[max(text.rfind(c, 0, m.start()) for c in "，,。；;\n") + 1:m.start()]
        if _OFFICER.search(phrase) and not _FIRM_AND_OFFICER.search(phrase):
            continue  # …，或者其法定代表人被列为失信被执行人的: the officer's record, which no field holds
        add(Hit("dishonest", "eq", False, m.start(), m.end(), confidence=0.95))
    for m in _RD_SPENT.finditer(text):  # 开展研发活动中实际发生的研发费用: some R&D spending
        add(Hit("rd_expense", "gt", 0, m.start(), m.end(), confidence=0.8))
    for m in _HAS_PATENT.finditer(text):
        add(Hit("invention_patents", "ge", 1, m.start(), m.end(), confidence=0.8))
    for m in _NO_LOAN.finditer(text):
        add(Hit("has_bank_loan", "eq", False, m.start(), m.end()))
    for m in _HAS_LOAN.finditer(text):
        add(Hit("has_bank_loan", "eq", True, m.start(), m.end(), confidence=0.7))
    return sorted(hits, key=lambda h: h.start)


_PLACE = r"[\u4e00-\u9fff]{1,12}?(?:自治州|自治区|自治县|自治旗|地区|省|市|州|盟|县|区|旗)"
_REGION = re.compile(
    rf"(?P<local>本|我)(?P<level>县|市|区|省|州)|(?P<place>{_PLACE})(?=行政区域|行政区划|辖区|辖内|范围|区域|境内|内|注册|登记|设立|依法|新设|新注册|落户|工商|办理|各级|创业|$|\s|[，。；的、]|[（(]含)"
)
_REGISTER = re.compile(r"注册|登记|设立|落户|注册地|住所|(?<=[内市县区旗])创业")  # 在韩城市（行政区域内）创业


_COMPOUND_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,}(?:省|自治区|市|州|盟|地区)[\u4e00-\u9fff]{2,}$")  # 佛山市南海区


@cache
def _region_codes(place: str, region_code: str | None) -> tuple[str, ...]:
    """Codes of the place a document names; of two places of one name (江北区 in 重庆 and 宁波), the ones
    sharing the document's own province."""
    from recommender.profiles.regions import region_code_for_text, region_codes_for_name

    codes = tuple(region_codes_for_name(place))
    if not codes and _COMPOUND_PLACE.search(place) and (chain := region_code_for_text(place)):
        return (chain,)  # 佛山市南海区 / 重庆市石柱县: a county named below its city
    near = tuple(c for c in codes if region_code and c[:2] == region_code[:2])
    return near if len(codes) > 1 and near else codes


_MOVE_AWAY = re.compile(r"(?:不|不得|不会)(?:将[^，。；]{0,8}?)?(?:迁离|迁出|外迁|搬离)")


# 对辖内小型、微型企业… / 县内企业: firms of the document's own area, said without a word of registration
_LOCAL_FIRMS = re.compile(r"(?<![^对在为是向、，,。；;：:\s])(?:县|市|区|州|辖)内(?:的)?(?=中小微|中小|小微|小型|微型|中型|企业|个体工商户|经营主体|市场主体)")

# 统计关系和税收征管关系均在区内的中小企业: where the firm files its taxes, which no profile field records
RELATION_IN = r"关系(?:均|也|都|亦)?(?:在|隶属于?|属于)"  # 税收征管关系也在本市 / 隶属于本区
_RELATION_IN = re.compile(RELATION_IN + "$")
_PLACE_FIRMS = re.compile(rf"(?P<place>{_PLACE})(?:辖内|辖区内|境内|行政区域内)(?:的)?(?=中小微|中小|小微|小型|微型|中型|[^，。；]{{0,8}}?企业|个体工商户|经营主体|市场主体)")


def region_hits(text: str, region_code: str | None) -> list[Hit]:
    """Registration in a place: 在本县注册 (the document's region) or 注册地在城口县 (a named place)."""
    if not _REGISTER.search(text):
        local = _LOCAL_FIRMS.search(text)
        if local and region_code and not _RELATION_IN.search(text, 0, local.start()):
            return [Hit("region_code", "within", region_code, local.start(), local.end(), 0.8)]
        for m in _PLACE_FIRMS.finditer(text):  # 服务于威海市辖内科技型企业: a named place's own firms
            place = re.sub(r"^.*(?:在|于|为|对|向)", "", m.group("place"))
            codes = _region_codes(place, region_code) if len(place) >= 2 else ()
            if len(codes) == 1:
                return [Hit("region_code", "within", codes[0], m.end("place") - len(place), m.end(), 0.8)]
        return []
    out = []
    for m in _REGION.finditer(text):
        phrase = max(text.rfind(c, 0, m.start()) for c in "，,。；;") + 1
        if _MOVE_AWAY.search(text, phrase, min(len(text), m.end() + 2)):
            continue  # 注册地不迁离本市: a promise about the future, not where the firm is registered
        place = re.sub(r"^.*(?:在|于|注册地|位于|为|属于)", "", m.group("place") or "")
        if m.group("local") or re.search(r"[本我](?:县|市|区|省|州)$|^全?(?:县|市|区|州|自治区)$", place):  # 在州内 / 全州范围内
            if region_code:
                out.append(Hit("region_code", "within", region_code, m.start(), m.end(), 0.9))
            continue
        codes = _region_codes(place, region_code) if len(place) >= 2 else ()
        if len(codes) == 1:
            out.append(Hit("region_code", "within", codes[0], m.end() - len(place), m.end(), 0.85))
    return out[:1]


@cache
def _class_names() -> dict[str, list[str]]:
    """Every code of the GB/T 4754-2017 table under its exact name (炼铁 → C3110), read once."""
    from recommender.profiles.industry import industry_table

    table = industry_table()
    out: dict[str, list[str]] = {}
    for name, code in zip(table["name"], table["code"], strict=True):
        out.setdefault(name, []).append(narrowest(code, table))
    return {name: list(dict.fromkeys(codes)) for name, codes in out.items()}  # (炼铁 names C311 and C3110 alike)


def narrowest(code: str, table) -> str:
    """Descend while the GB/T table gives a class exactly one child (K701 → K7010): same coverage."""
    del table  # the children map is built from it once
    while len(code) > 1 and len(kids := _children().get(code, frozenset())) == 1:
        (code,) = kids
    return code


@cache
def _industry_names() -> tuple[re.Pattern[str], dict[str, list[str]], frozenset[str]]:
    from recommender.errors import TextError
    from recommender.profiles.industry import industry_codes_for_name, industry_table

    table = industry_table()
    deep = table.loc[table["level"] > 2, "name"]  # 白酒制造, 集成电路设计: classes named by their trade
    names = set(table.loc[table["level"] <= 2, "name"]) | set(deep[deep.str.contains(_TRADE_ENDING)])
    synonyms = patterns()["industry_synonyms"]
    resolved: dict[str, list[str]] = {}
    for name in names | set(synonyms):
        targets = synonyms.get(name, name)
        codes = [c for t in ([targets] if isinstance(targets, str) else targets)
                 for c in industry_codes_for_name(t)]
        if name in synonyms and not codes:
            raise TextError("T103", f"行业同义词“{name}”在国民经济行业分类中找不到“{targets}”")
        if codes and len(name) >= 2:
            resolved[name] = [narrowest(c, table) for c in codes]
            if name.endswith("业") and len(name) >= 3 and name[:-1] + "企业" not in synonyms:
                resolved.setdefault(name[:-1] + "企业", resolved[name])  # 零售业 → 零售企业
            if name.endswith("业") and len(name) >= 5 and name in names:
                resolved.setdefault(name[:-1], resolved[name])  # 从事装卸搬运和仓储的: the trade without 业
            if "、" in name and name in names and len(name) >= 8:
                resolved.setdefault(name.replace("、", ""), resolved[name])  # 石油煤炭及其他燃料加工业: written without 、
    return re.compile(_alternation(resolved)), resolved, frozenset(synonyms)


_TRADE_ENDING = r"(?:制造|加工|生产|种植|养殖|饲养|开采|采选|冶炼|业|服务|批发|零售|设计|开发|经营|施工|运输|联运|仓储|修理|磨制)$"
# 消防、卫生等部门检查: offices, not trades; 道路运输经营许可: a licence, not a trade
_DEPARTMENT_AFTER = re.compile(r"[^，。；]{0,6}?(?:部门|机关|主管|(?<!金融)机构)|(?:经营)?(?:许可|资质|资格证)")
_ANY_FIRM_BEFORE = re.compile(r"(?<![^的在为是，,、：:\s])(?:各类)?企业(?:[、和](?:农民专业合作社|家庭农场|合作社|社会组织|其他组织)){0,3}"
                              r"(?:和|及|以及|、|或者?)$")  # 企业、农民专业合作社和个体工商户: any of them
_ANY_FIRM_AFTER = re.compile(r"(?:和|及|以及|、|或者?)(?:各类)?企业(?![\u4e00-\u9fff])")
_INCLUDING = re.compile(r"[（(](?:含|包括|包含)$")
# 上年度茶叶加工产值1000万元以上: a figure of the process, not the firm's trade (批发业销售额 still names the trade)
_MEASURED_AFTER = re.compile(r"(?:业务)?(?:产值|销售额|产量|营业额|交易额)")
_FUNDS_FOR = re.compile(r"(?<!适)用于非?$")  # 贷款资金用于非农业生产经营: what the money is for, not the firm's trade (not 不适用于)
_LIST_PUNCT = re.compile(r"[\s、，,。；;：:和及与或者]")
INDUSTRY_FRAME = re.compile(r"属于|从事|主营|主要从事|所属行业|行业|领域|企业|市场主体|经营")


# （国民经济行业代码C243）/ 行业代码：A017、A0123 — the codes a text states outrank the names beside them.
_CODE_NOTE = re.compile(
    r"(?:国民经济)?行业(?:分类)?代码\s*(?:为|是)?\s*[:：]?\s*"
    r"(?P<codes>[A-T](?:[0-9]{2,4})?(?:\s*[、，,/和及或]\s*[A-T](?:[0-9]{2,4})?)*)"
)


def _stated_codes(text: str) -> tuple[list[str], int, int] | None:
    """The codes of every code note in ``text`` (A（…代码C39）或者B（…代码I65）), with where the first
    note starts and the last ends."""
    notes = list(_CODE_NOTE.finditer(text))
    if not notes:
        return None
    from recommender.profiles.industry import industry_table

    known = set(industry_table()["code"])
    codes = [c for m in notes for c in re.findall(r"[A-T](?:[0-9]{2,4})?", m.group("codes")) if c in known]
    return (list(dict.fromkeys(codes)), notes[0].start(), notes[-1].end()) if codes else None


# 钢铁、水泥、电解铝行业新增产能的项目: new capacity of a trade, a project the firm proposes, not the firm's trade
_CAPACITY_AFTER = re.compile(r"[^，。；]{0,12}?新增产能")


def industry_hits(text: str, negated: bool) -> list[Hit]:
    """Industries named in ``text``: one in / not_in condition over every name listed (or over the
    codes the text states for them)."""
    pattern, resolved, curated = _industry_names()
    found = [m for m in pattern.finditer(text) if not _DEPARTMENT_AFTER.match(text, m.end())
             and not _FUNDS_FOR.search(text, 0, m.start())
             and not (not m.group(0).endswith("业") and _MEASURED_AFTER.match(text, m.end()))
             and not (m.group(0).startswith("金融") and text[max(0, m.start() - 1):m.start()] == "类")  # 类金融业务: no class
             and not _CAPACITY_AFTER.match(text, m.end())]
    found = [m for m in found if m.group(0) != "类金融" or any(  # 从事民间借贷等类金融业务的: whom no class names
        o is not m and _same_segment(text, o.start(), m.start()) for o in found) or _listed_stems(text, [m], resolved)]
    found = [m for m in found if not _closes_member_list(text, m, found, resolved)]
    stated = _stated_codes(text)
    if stated:
        codes, note_start, note_end = stated
        frame = re.search(r"(?:主要)?从事|主营|属于", text[:note_start])
        start = min([note_start, *(m.start() for m in found), *([frame.end()] if frame else [])])
        end = note_end + (text[note_end:note_end + 1] in "）)")
        return [Hit("industry", "not_in" if negated else "in", cover(codes), start, end, 0.9)]
    if not found:
        return []
    named = sum(m.end() - m.start() for m in found)
    bare_list = named >= 0.7 * len(_LIST_PUNCT.sub("", text))  # 1.住宿和餐饮业；: a list item naming an industry
    if not (negated or bare_list) and not INDUSTRY_FRAME.search(text) and not any(m.group(0) in curated for m in found):
        return []
    stems = _listed_stems(text, found, resolved)
    named: list[tuple[int, list[str]]] = [(a, codes) for a, _, codes in stems]
    for m in found:
        narrower = [c for other in found if other is not m for c in resolved[other.group(0)]]
        if text[:m.start()].endswith("的") and any(
                c != code and c.startswith(code) for code in resolved[m.group(0)] for c in narrower):
            continue  # 从事水果种植或者茶叶种植的农业企业 / …零部件制造的工业企业: the trades named first narrow it
        named.append((m.start(), resolved[m.group(0)]))
    codes = list(dict.fromkeys(c for _, group in sorted(named) for c in group))
    start = min([found[0].start(), *(a for a, _, _ in stems)])
    end = max([found[-1].end(), *(b for _, b, _ in stems)])
    op = "not_in" if negated else "in"
    return [Hit("industry", op, cover(codes), start, end, 0.85)]


_SEGMENT = re.compile(r"[^，,。；;：:\n]+")


def _same_segment(text: str, a: int, b: int) -> bool:
    """Whether two offsets of ``text`` lie in one phrase (no ，。；： between them)."""
    return not re.search(r"[，,。；;：:\n]", text[min(a, b):max(a, b)])
_MEMBER = re.compile(r"[^、和或及与/]+")
_MEMBER_TAIL = re.compile(r"^者|(?:经营|业务)?的$")  # 住宿或者餐饮经营的企业: the trade without the 者 of 或者 and its frame
_MEMBER_FRAME = re.compile(r"^.*?(?:不属于|属于|不得从事|从事|主营|涉及|非)|等(?:行业|领域|业务|企业|类|经营|的).*$|(?:均|一律)?(?:不适用|不得|不予|不能|不享受|除外).*$|(?:等)?(?:行业|领域|企业)?$")


def _listed_stems(text: str, found: list[re.Match[str]], resolved: dict[str, list[str]]) -> list[tuple[int, int, list[str]]]:
    """Trades listed beside a named industry that the names alone miss: an industry name short of its 业
    (不属于房地产、金融、类金融) or a class named exactly as the table names it (从事炼铁、炼钢、水泥制造的), with its
    span and codes."""
    out = []
    for seg in _SEGMENT.finditer(text):
        inside = [m for m in found if seg.start() <= m.start() < seg.end()]
        if not inside:
            continue
        for member in _MEMBER.finditer(text, seg.start(), seg.end()):
            word = _MEMBER_TAIL.sub("", _MEMBER_FRAME.sub("", member.group(0).strip()))
            if len(word) < 2 or any(m.start() < member.end() and member.start() < m.end() for m in inside):
                continue
            codes = _member_codes(word, resolved)
            if codes:
                at = member.start() + member.group(0).index(word)
                out.append((at, at + len(word), codes))
    return out


def _closes_member_list(text: str, m: re.Match[str], found: list[re.Match[str]], resolved: dict[str, list[str]]) -> bool:
    """Whether a class word closes a list of its own members (小额贷款、典当等类金融业务): the members say it."""
    if m.group(0) not in ("类金融", "金融") or text[m.start() - 1:m.start()] != "等":
        return False
    members = [c for o in found if o is not m and _same_segment(text, o.start(), m.start()) for c in resolved[o.group(0)]]
    members += [c for _, _, codes in _listed_stems(text, [m], resolved) for c in codes]
    return any(_is_within(c, a) for c in members for a in resolved[m.group(0)])


_INSTITUTION_END = re.compile(r"(?:机构|公司|企业)$")


def _member_codes(word: str, resolved: dict[str, list[str]]) -> list[str] | None:
    """The classes a listed trade names: 房地产 (its 业 dropped), 炼铁 (a class's exact name), 洗浴 (its 服务 or 活动
    dropped), 金融机构 (a trade's institutions), 小额贷款 (the start of exactly one class name)."""
    from recommender.profiles.industry import industry_codes_for_name

    for stem in dict.fromkeys((word, _INSTITUTION_END.sub("", word))):
        if len(stem) < 2:
            continue
        found = resolved.get(stem + "业") or next(
            (_class_names()[name] for name in (stem, stem + "服务", stem + "活动") if name in _class_names()), None)
        if found:
            return found
    codes = industry_codes_for_name(word) if len(word) >= 4 else []
    return codes if len(codes) == 1 else None


def cover(codes: list[str]) -> list[str]:
    """Codes with every complete set of siblings replaced by their parent (住宿业、餐饮业 → H), and without a
    code inside another listed one (金融业以及…典当行 → J)."""
    out = list(codes)
    while True:
        inner = next((c for c in out if any(a != c and _is_within(c, a) for a in out)), None)
        if inner is not None:
            out.remove(inner)
            continue
        for code in out:
            parent = _parent_code(code)
            kids = _children().get(parent, frozenset())
            if parent not in out and len(kids) > 1 and kids <= set(out):
                out = [parent, *(c for c in out if c not in kids)]
                break
        else:
            return out


def _is_within(code: str, ancestor: str) -> bool:
    """Whether an industry code lies inside another (J6633 in J, C13 in C)."""
    parent = _parent_code(code)
    while parent is not None:
        if parent == ancestor:
            return True
        parent = _parent_code(parent)
    return False


@cache
def _children() -> dict[str | None, frozenset[str]]:
    """Each GB/T 4754 code's direct children (H → H61, H62)."""
    from recommender.profiles.industry import industry_table

    kids: dict[str | None, set[str]] = {}
    for code in industry_table()["code"]:
        kids.setdefault(_parent_code(code), set()).add(code)
    return {parent: frozenset(codes) for parent, codes in kids.items()}


def _parent_code(code: str) -> str | None:
    """Section of a division (H61 → H), division of a group, group of a class; None for a section."""
    return {3: code[0], 4: code[:3], 5: code[:4]}.get(len(code))


_DATE = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*"
    r"(?P<rel>（含）以后|\(含\)以后|（含）之后|以后|之后|后|起|以来|以前|之前|前)?(?P<end>)\s*"
    r"(?:[，,]?\s*[在于由][^，。；]{0,12}?)?(?:新|首次)?(?:注册|设立|成立|登记|开业|落户)"
)
_DATE_OPS: dict[str | None, str] = {
    "（含）以后": "ge", "(含)以后": "ge", "（含）之后": "ge", "以后": "ge", "起": "ge", "以来": "ge", None: "ge", "之后": "gt",
    "后": "gt", "以前": "le", "之前": "lt", "前": "lt",
}


_DAY = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_YEAR_DAY = r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日"  # 2025年1月1日至12月31日: the year carries over
# 登记日期在2025年1月1日至2026年12月31日之间 / 于2025年1月1日至12月31日期间新设立: a window of establishment
_DATE_RANGE = re.compile(
    rf"(?:(?:注册|设立|成立|登记)(?:日期|时间)?\s*(?:在|于|为)\s*{_DAY}\s*(?:至|到|—|－|-|～)\s*{_YEAR_DAY}\s*(?:之间|期间|内)?"
    rf"|(?:在|于){_DAY}\s*(?:至|到|—|－|-|～)\s*{_YEAR_DAY}\s*(?:之间|期间|内)?[^，。；]{{0,4}}?(?:新)?(?:注册|设立|成立|登记))"
)


def _range_hits(text: str) -> list[Hit]:
    out = []
    for m in _DATE_RANGE.finditer(text):
        base = 0 if m.group(1) else 6
        y1, m1, d1, y2, m2, d2 = m.groups()[base:base + 6]
        cut = m.start(base + 5) if y2 is None else m.start(base + 4)  # where the window's last day is written
        first = f"{int(y1):04d}-{int(m1):02d}-{int(d1):02d}"
        last = f"{int(y2 or y1):04d}-{int(m2):02d}-{int(d2):02d}"
        out += [Hit("established", "ge", first, m.start(), cut), Hit("established", "le", last, cut, m.end())]
    return out


def date_hits(text: str) -> list[Hit]:
    """Establishment dates: 2024年1月1日以后新设立 → established ge 2024-01-01; a window gives both bounds."""
    out = _range_hits(text)
    for m in _DATE.finditer(text):
        if any(h.start <= m.start() < h.end for h in out):
            continue
        day = f"{int(m.group('y')):04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
        out.append(Hit("established", _DATE_OPS[m.group("rel")], day, m.start(), m.end("end")))
    return out

