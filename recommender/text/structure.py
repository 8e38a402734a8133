"""Clause structure of a policy text: title, 章/条/一、/（一）/1./（1）/① numbering and clause addresses."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from recommender.text.headings import heading_role
from recommender.text.phrases import TABLE_RULE, in_order, table_cells

__all__ = ["Clause", "Structure", "conditions_cells", "parse_structure"]

_CN = "一二三四五六七八九十百零〇两"
# Marker kinds, outermost first; a clause's parent is the nearest earlier clause of a lower rank.
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"第[{_CN}\d]+(?:[章编]|部分(?![中的所之至和及或、第]))")),  # 第二部分　专精特新…
    ("section", re.compile(rf"第[{_CN}\d]+节")),
    ("article", re.compile(rf"第[{_CN}\d]+条(?![中的所之至和及或、]|规定)")),  # not 第5条中…的企业 (a reference)
    ("cn", re.compile(rf"[{_CN}]+[、.．](?![{_CN}\d]+[、.．，,])")),  # 二、一次性补贴; not 一、二、三
    ("roman", re.compile(r"[Ⅰ-Ⅻⅰ-ⅻ][、.．]")),  # Ⅱ、支持内容: sections numbered in Roman numerals
    # A. 加工设备购置补助 on a line: sections lettered in capitals (not A级 or A、B类, which rate)
    ("upper", re.compile(r"[A-H](?:[.．、](?=[ \t\u3000]*[\u4e00-\u9fff“（(])|[)）](?=[ \t\u3000]*[\u4e00-\u9fff]))")),
    ("paren_cn", re.compile(rf"[（(][{_CN}]+[）)]|[㈠-㈩]")),  # ㈡: the one-character form of （二）
    ("arabic", re.compile(r"[0-9]{1,2}(?:[、．]|\.(?![0-9])|\.(?=(?:19|20)[0-9]{2}年))|[⒈-⒛]")),  # 2.2025年度…
    ("paren_arabic", re.compile(r"[（(][0-9]{1,2}[）)]|[⑴-⒇]|[0-9]{1,2}[)）](?=\s*[^\s)）])")),  # 1) as in a standard
    ("latin", re.compile(r"[a-z](?:[)）]|[.．](?=\s))(?=\s*[\u4e00-\u9fff“（(0-9])")),  # a) b) c) / a. b.: a lettered list
    ("circled", re.compile(r"[①-⑳]")),
    # 第一项 专利导航分析资助。企业委托…: an entry numbered in words, its name then its text on the line
    ("item_no", re.compile(rf"第[{_CN}]{{1,3}}项(?=[ \u3000]+[^。\n]{{2,20}}。\S)")),
    ("box", re.compile(r"[□☐]\s*(?=[\u4e00-\u9fff“（(0-9])")),  # □ 在本区注册…: a tick-box line of a form
    ("ordinal", re.compile(r"[一二三四五六七八九十]{1,2}是(?![否指])|第[一二三四五六七八九十]{1,2}(?=[，,]\s*\S)")),  # 一是…；二是… / 第一，…
]
# One of several offers in one sentence (…的，给予…；对…的，给予…), cut by a ``segments`` reader.
_SENTENCE = "sentence"
_RANK = {kind: n for n, (kind, _) in enumerate(_MARKERS)}
_RANK[_SENTENCE] = len(_MARKERS)
# The sentences of a line after the offers cut from it (…给予补助。申请本条补助的…须…): theirs, never an offer
REST = "rest"
_RANK[REST] = _RANK[_SENTENCE]
_RANK["heading"] = 0  # a Markdown heading line without a number
_RANK["label"] = _RANK["cn"]  # 【准入条件】 inside an entry headed 【产品一】
_RANK["part"] = _RANK["cn"]  # **准入条件**：… inside an entry: lists below it are its own, the next entry ends it
# 3.1 批量担保贷款 / 3.1.1 上年度…: numbered by path; the depth gives the rank
_DECIMAL = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}(?:、|(?=[\s\u3000]|[\u4e00-\u9fff“（(]))(?![0-9]*\s*(?:万|亿|元|%|倍|年|个|人|米))")
_RANK["dec1"], _RANK["dec2"], _RANK["dec3"] = _RANK["cn"], _RANK["paren_cn"], _RANK["arabic"]
# 3 申报条件 on a line of its own, above 3.1 / 3.2: the chapter the paths start from
_DEC_CHAPTER = re.compile(r"[0-9]{1,2}(?:、(?=[ \t\u3000]*[\u4e00-\u9fff]{2,16}\s*$)|(?=[ \t\u3000]+[\u4e00-\u9fff]{2,16}\s*$))")  # 3 申报条件 / 3、申报条件
_RANK["dec0"] = _RANK["article"]
_RANK["roman"] = _RANK["upper"] = _RANK["cn"]
_RANK["item_no"] = _RANK["paren_cn"]
_RANK["entry"] = _RANK["paren_cn"]  # **第一项：研发投入奖励。** 规模以上…: a named entry of the section above
_RANK["bullet"] = _RANK["paren_cn"]  # ▲ 住宿业提质升级奖励 on a line of its own, an entry of the section above
_SEPARATOR = re.compile(r"[—\-－=＝_*·]{4,}")
_ENTRY_MARK = "[▲■◆★►▶◎◉❖]"  # ▲ / ★ before the name of an entry on a line of its own
_MARKED_NAME = re.compile(_ENTRY_MARK + r"\s*([^。，,：:；;\n]{2,20}?)\s*$")
_NAME_LINE = re.compile(r"(?:项目|产品|事项|政策|业务)名称\s*[：:]\s*([^：:。；;\n]{2,30}?)\s*")
_NESTED_LEAD = re.compile(r"[-*+][ \t]+([^：:。，,；;\n]{2,30}?)\s*$")
_INDENTED_NEXT = re.compile(r"(?:[ \t]*\r?\n)*[ \t]{2,}[-*+][ \t]+\S")
_BULLET_ENTRY = re.compile(_ENTRY_MARK + r"\s*([^。，,：:；;\n]{2,30}?(?:奖励|奖补|补助|补贴|贴息|资助|减免|贷款?|担保|返还|扶持|支持|政策))\s*$")
# Inline sub-markers that start a new clause in the middle of a line (after ：；。 or a space).
_INLINE = re.compile(
    r"(?<=[：:；;。\s])\s*(?=[（(][一二三四五六七八九十0-9]{1,3}[）)]|[①-⑳]|[一二三四五六七八九十]{1,2}是(?![否指]))"
)
_HEADING_END = re.compile(r"[。：:]")
_RULE_CHARS = "━─—=＝~～◆◇■□●○★☆·"
_NAMED_ORDINAL = re.compile(
    rf"(?:[{_RULE_CHARS}]{{2,}}\s*)?"  # ━━━━ 卡片一 ━━━━: a card set off by a rule
    r"【?(?:政策|产品|事项|项目|措施|专项|附件|卡片)[一二三四五六七八九十0-9]{1,3}\s*(?:】\s*[：:]?|[：:、.．\s｜]|$)[^。；;\n]{0,36}$"
    r"|第[一二三四五六七八九十0-9]{1,3}项(?:\s*$|[\s\u3000：:、.．]+[^。；;\n，,]{2,30}。?\**\s*$)"  # 第1项 (…名称) heading an entry
    r"|附件[一二三四五六七八九十0-9]{0,3}\s*(?:[：:][^。；;\n]{0,40})?$"  # 附件：…支持标准 heads what follows
    r"|【[一二三四五六七八九十0-9]{1,3}】\s*[^。；;\n【】]{2,30}$"  # 【一】科技人才贷: an entry numbered in brackets
)
_TABLE_NEXT = re.compile(r"\s*\|")  # the next line with text is a table row
_NOTE_LABEL = re.compile(r"((?:准入|申请|申报|适用|共同|通用)(?:说明|要求|条件|范围))\s*[：:]\s*")  # 准入说明：… under a table
_BULLET_LABEL = re.compile(r"[●■◆▶►◉]\s*([\u4e00-\u9fff]{2,8})[？?]?\s*$")  # ● 谁能贷 on a line of its own
# 共同准入条件（适用于以上三款产品） / 通用条件 on a line of its own: a block every entry above shares
_SHARED_LABEL = re.compile(r"\**((?:共同|通用|共性|基本)[\u4e00-\u9fff]{2,6})\**\s*(?:[（(][^（）()\n]{2,20}[）)])?\s*[：:]?\s*")
_PLAIN_LABEL = re.compile(r"([\u4e00-\u9fff]{2,8})\s*[：:｜]\s*")  # 补贴对象：… / 对象｜… (a sheet's key｜value line)
# **申领企业须逐项符合（✔）：** on a line of its own, the colon inside the bold: a label like **谁可以用**：
_BOLD_COLON_LINE = re.compile(r"^\s*\*\*([^*\n]{2,24}?)\s*(?:[（(][^）)\n]{1,8}[）)])?\s*[：:]\*\*\s*$")
_BOLD_LABEL = re.compile(r"^\s*(?:[-+]\s+)?\*\*([^*：:\n]{2,10})\*\*\s*[：:]\s*")
_BOLD_ENTRY = re.compile(r"(第[一二三四五六七八九十0-9]{1,3}项|(?:服务|产品|政策|事项|措施|业务)[一二三四五六七八九十0-9]{1,3})"
                         r"[\s\u3000：:、.．]+([^*。\n：:]{2,30}?)[。.]?\s*\*\*\s*[：:]?\s*(?=\S)")  # **服务一　首贷培植**：…
_BOLD_LEAD = re.compile(r"(?:\*\*)?([^*：:\n第]{2,20}?)[。．.]\*\*\s*(?=\S)")  # the line's ** may be read already
_ENTRY_NAME = re.compile(r"(第[一二三四五六七八九十0-9]{1,3}项)[\s\u3000：:、.．]+([^。*]+?)[。*\s]*$")
# 享受上述支持措施的企业，还应当…: an unnumbered paragraph after a list speaks for the whole list.
_BACK_REFERENCE = re.compile(r"(?:最后[^，。；：:]{0,10}[：:，,]\s*)?(?:(?:今天|刚才)讲的)?"  # 最后我再说明一点：今天讲的这几项支持
                             r"(?:享受|申请|申报|获得)?(?:上述|以上|前述|这几项|这些|这几款)[^，。；：:]{0,16}?(?:企业|单位|主体|对象|措施|政策|项目|事项|产品|支持)")
_SUBLIST_LEAD = re.compile(r"(?:申报|申请|享受)[^，。；：:\n]{2,30}?的(?:企业|单位|项目|主体)?[，,]\s*(?:还|另|并|同时)?"
                           r"(?:应当|应|须|需|必须)(?:同时)?(?:符合|满足|具备)[^。；：:\n]{0,12}[：:]\s*")
# 1. …4. …\n企业还应具备下列条件之一：\n1. … / 有下列情形之一的，不予支持：\n1. …: a lead between lists, numbered anew
_LIST_LEAD = re.compile(r"[^。；;\n]{0,40}?(?:下列|以下)[^。；;：:\n]{0,10}(?:条件|情形|要求)[^。；;：:\n]{0,24}[：:]\s*")
_RESTARTS = re.compile(r"\s*(?:[-*+]\s+)?(?:1[.．、](?![0-9])|（一）|\(1\)|（1）|①)")
_NOTES_LINE = re.compile(r"\**(?:注释|注|备注)\**\s*[：:]\s*")
_LIST_INTRO = re.compile(r"[^，,。；;\n]{2,20}?(?:承诺|条件|要求|情形|事项)[^，,。；;\n]{0,6}[：:]\s*")
_IN_FORCE = re.compile(r"本(?:措施|办法|通知|细则|政策|方案|意见|公告|规定|指南|清单|规则)(?:自[^。；\n]{2,30}?(?:施行|执行|实施)|有效期)")
_NUMBERED_SECTIONS = frozenset({"chapter", "section", "article", "cn", "roman"})
_LIST_KINDS = frozenset({"paren_cn", "cn", "arabic", "paren_arabic"})
_BOLD_NAME = re.compile(r"\*\*([^*]+)\*\*")
_BOLD_LINE = re.compile(r"^\s*\*\*(?:[^*：:。；\n]{1,12}[：:])?[^*：:。；\n]{2,20}[：:]?\*\*\s*(?:[（(][^）)\n]{1,30}[）)])?\s*$")  # **兴农贷**（面向家庭农场） / **第一步：看营收**
# ## 💰 / ▍一、: pictographs and bars that decorate a heading (not ★☆▲■, which head entries)
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u2604\u2607-\u27BF\uFE0F\u200D\u2580-\u259F\u2190-\u2199\u27F6\u2B95]")
# 🎯适用客群 / ✅准入条件 on a line of its own: a WeChat article's section heading, a pictograph before its words
_EMOJI_LINE = re.compile(rf"^\s*(?:{_EMOJI.pattern})+\s*[^，,。；;：:！!？?\s【\[]{{2,20}}\s*$")
# ★ 首贷通\n✦ 额度：…: the next line with text is a labelled line behind a pictograph
_PICTURED_NEXT = re.compile(rf"(?:[ \t]*\r?\n)*[ \t]*(?:{_EMOJI.pattern})+\s*[\u4e00-\u9fff]{{2,8}}\s*[：:]")
_MARK_LINE = re.compile(r"^\s*[■◆◇▍▌❖]\s*[^，,。；;：:！!？?\s【\[]{2,20}\s*$")
_BRACKET_NUMBER = re.compile(r"(【[一二三四五六七八九十0-9]{1,3}】)\s*(\S.*)")
_KEYCAP = re.compile(r"[0-9]\ufe0f?\u20e3")  # 1️⃣: a digit drawn as a keycap
_ASKED = re.compile(r"[^，,。；;：:\n]{2,20}[？?]\s*")  # 谁可以申请？ on a line of its own
_NOTE = re.compile(r"\**(?:注|备注|说明)\**\s*[：:]\s*")
_NOTE_ITEM = re.compile(r"(?:(?<=^)|(?<=[：:。；;\s]))\s*([0-9]{1,2})\s*[.．、](?![0-9])\s*")
_BRACKET_LEAD = re.compile(r"\**【([^】\n]{2,12})】\**\s*[：:]?\s*")
_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s*|>\s*|[-*+]\s+(?=\S)|[•▪◦]\s*(?=\S))?(?:\*\*)?")  # (• a slide's bullet)
# A question of a Q&A notice (问：哪些企业可以申请？) heads the answer below it.
_QUESTION = re.compile(rf"(?:(?P<numbered>问[{_CN}\d]{{1,3}}|Q[0-9]{{1,2}})|问|Q|[0-9]{{1,2}}[、.．]\s*问"
                       r"|[^：:\s，。；]{1,12}记者)\s*[:：]\s*")  # 山西日报记者：… at a press conference asks too


@dataclass
class Clause:
    """One numbered clause with its own text, heading, address and character offsets."""

    kind: str
    label: str  # the marker as written: 第三条, 二、, （一）, 1., （1）, ①
    heading: str  # short title after the marker (申报条件), or ""
    start: int  # offset of the marker in the text
    body_start: int  # offset of the clause's own text after the marker
    end: int = 0  # end of the clause including its children
    own_end: int = 0  # end of the clause's own text, before its first child
    parent: int | None = None
    children: list[int] = field(default_factory=list)
    address: str = ""
    cells: tuple[tuple[str, int, int], ...] = ()  # a table row's cells: (column header, start, end)
    until: int = 0  # where a clause cut from one line ends (a table row, an offer sentence), else 0

    @property
    def span(self) -> tuple[int, int]:
        """Offsets of the clause with its children."""
        return (self.start, self.end)


@dataclass
class Structure:
    """The clauses of a document in order, with the title."""

    title: str
    text: str
    clauses: list[Clause]
    preamble_end: int  # offset where the first clause starts
    roles: list[str] = field(default_factory=list, repr=False)  # filled by text.roles

    def clause_at(self, offset: int) -> Clause | None:
        """The innermost clause containing ``offset``."""
        best = None
        for clause in self.clauses:
            if clause.start <= offset < clause.end:
                best = clause
        return best

    def ancestors(self, clause: Clause) -> list[Clause]:
        """The clause's ancestors, outermost first."""
        out = []
        while clause.parent is not None:
            clause = self.clauses[clause.parent]
            out.append(clause)
        return out[::-1]

    def own_text(self, clause: Clause) -> str:
        """The clause's own text without its marker or children."""
        return self.text[clause.body_start:clause.own_end]

    def full_text(self, clause: Clause) -> str:
        """The clause's text including its children."""
        return self.text[clause.start:clause.end]


def _restarts(text: str, offset: int, kind: str) -> bool:
    """Whether the next line with text opens a list of ``kind`` anew (1. after 4.)."""
    m = _RESTARTS.match(text, offset)
    if m is None:
        return False
    end = text.find("\n", m.end())
    marker = _match_marker(text[m.start():end if end >= 0 else len(text)].strip(), 0)
    return marker is not None and marker[0] == kind


def _match_marker(line: str, pos: int) -> tuple[str, re.Match[str]] | None:
    decimal = _DECIMAL.match(line, pos)
    if decimal:  # 3.1.1 上年度营业收入…: a clause numbered by its path, as in a 操作指引
        return f"dec{decimal.group(0).count('.')}", decimal
    for kind, pattern in _MARKERS:
        m = pattern.match(line, pos)
        if m:
            return kind, m
    return None


# （二）出口信用保险保费补助。企业…的，按…；…小微外贸企业…的，保费全额承担: one support named, whose sentences are its cases
_BOLD_MARKER_END = re.compile(r"\*\*[ \t\u3000]*(?=\S)")
_SUPPORT_NAMED = re.compile(r"(?:补助|补贴|奖励|贴息|资助|奖补)$")
_BOLD_TITLE_END = re.compile(r"([^*。\n，,；;：:]{2,20}?)\s*\*\*(?!\s*$)")  # **第一条　适用范围**　本政策…: the bold ends the title


def _heading(text: str) -> str:
    """The short title a clause starts with: 申报条件 in 二、申报条件 or 第二条【申报条件】…"""
    text = text.strip().lstrip("，,").strip("*").strip()
    if re.fullmatch(r"[^。\n]{2,60}[？?]", text):
        return text  # 一、哪些企业可以申领？ (a Q&A notice): the question heads its answer
    m = re.match(r"[【\[]([^】\]]{1,20})[】\]]", text) or _BOLD_TITLE_END.match(text)
    if m:
        return m.group(1).strip()
    end = _HEADING_END.search(text)
    head = text[: end.start()] if end else text
    bare = re.sub(r"[（(][^（）()]{1,30}[）)]", "", head)  # 境外展会（含“一带一路”共建国家展会）: the note is no part of its length
    if 0 < len(bare) <= 16 and len(head) <= 40 and not re.search(r"[，,；;]", bare):
        return head.strip("*").strip()
    return ""


def _address(kind: str, label: str, parents: list[Clause]) -> str:
    """Legal-style address: 第三条第（二）项 under articles, else the labels joined (二、（三）)."""
    if kind.startswith("dec"):
        return label  # 3.1.1 is its own path
    chain = [c for c in parents if c.kind not in ("chapter", "section", "heading")] + [
        Clause(kind, label, "", 0, 0)
    ]
    if any(c.kind == "article" for c in chain):
        parts = []
        for c in chain:
            if c.kind == "article":
                parts.append(c.label)
            elif c.kind in ("paren_cn", "cn"):
                parts.append(f"第{c.label}项")
            elif c.kind in ("arabic", "paren_arabic"):
                parts.append(f"第{c.label.rstrip('、.．')}目")
            else:
                parts.append(c.label)
        return "".join(parts)
    if kind in ("chapter", "section", "heading"):
        return label
    return "".join(c.label.rstrip("、．.") + "." if c.kind == "arabic" and c.label[:1].isdigit() else c.label
                   for c in chain)


_ROW_NUMBER = re.compile(r"^\s*(?:[A-Z]{1,4}\s*[-－—]\s*)?0*([0-9]{1,2})[.、．]?\s*$")  # 3 / 3. / PS-03
_NUMBER_COLUMN = re.compile(r"(?:编号|序号|代码|行号)$")  # | 服务事项编号 |: the row's number, not its name
_KEY_VALUE = re.compile(r"^(?:项目|要素|产品要素|名称|事项|类别)\s+(?:内容|说明|具体内容|详情)$")  # | 项目 | 内容 |
_NAME_COLUMN = re.compile(r"事项|项目|名称|^条款$|^主体类型$|^(?:产品)?要素$|(?:补贴|奖励|支持|资助|扶持|补助|奖补)(?:类型|类别|种类|方式)|^重点任务$|^任务$|产品|类别|政策|档次|档位|^等级$|^级别$|^星级$")


_QUESTION_COLUMN = re.compile(r"(?:常见)?问题|问|提问|咨询问题")  # a FAQ table: each row's question heads its answer
_NUMBERED_NAME = re.compile(rf"\s*(?:[（(]([{_CN}0-9]{{1,3}})[）)]|([{_CN}0-9]{{1,3}})[、.．])\s*(\S.*)$")


def _table_row(line: str, cells: list[tuple[int, int]], header: tuple[str, ...],
               rows: int) -> tuple[str, str, int] | None:
    """(label, heading, body offset) of a row of a table listing items: | 1 | 名称 | 条件 | 标准 |, or
    | （一）首贷贴息 | 条件 | 标准 | under a name column (the ``rows``-th row when it has no number)."""
    if header and (len(cells) >= 3 and _NAME_COLUMN.search(header[0]) and not _NUMBER_COLUMN.search(header[0])
                   or len(cells) == 2 and _QUESTION_COLUMN.fullmatch(header[0].strip("* "))):  # | 问题 | 解答 |
        first = line[cells[0][0]:cells[0][1]].strip("* ")
        named = _NUMBERED_NAME.match(first)
        if named and not _ROW_NUMBER.match(first):
            label = f"（{named.group(1)}）" if named.group(1) else f"{named.group(2)}."
            return label, named.group(3).strip("* "), cells[1][0]
        if first and not _ROW_NUMBER.match(first):
            return f"{rows}.", first, cells[1][0]
    number = _ROW_NUMBER.match(line[cells[0][0]:cells[0][1]]) if cells else None
    if number is None or len(cells) < 2 or len(cells) == 2 and not _NUMBER_COLUMN.search(header[0].strip("* ")):
        return None  # (| 行号 | 说明 |: a numbered list set as a table, each row a clause)
    heading, body = "", cells[1][0]
    name = next((n for n, h in enumerate(header[:len(cells)]) if n and _NAME_COLUMN.search(h)), None)
    if name == 1:
        heading, body = line[cells[1][0]:cells[1][1]].strip("* "), cells[2][0]
    return f"{number.group(1)}.", heading, body


# | 2 | 低效老果园改造 | 同上 | … / 同第3项 / 同序号1: the cell repeats the cell of another row
_SAME = re.compile(r"同(?:上|左|前|第\s*([0-9一二三四五六七八九十]{1,3})\s*[项行条]|序号\s*([0-9]{1,3}))[。.]?")


def _same_as(cells: tuple[tuple[str, int, int], ...], table: list, text: str) -> tuple[tuple[str, int, int], ...]:
    """A row's cells with each cell that only says 同上 / 同第N项 replaced by the cell it points to."""
    out = []
    for n, (head, a, b) in enumerate(cells):
        m = _SAME.fullmatch(text[a:b].strip())
        number = m and (m.group(1) or m.group(2))
        if number and not number.isdigit():
            number = str(" 一二三四五六七八九十".index(number)) if len(number) == 1 else None
        rows = [row for label, row in table if label == f"{number}." or not number and m]
        ref = rows[-1] if rows else ()
        out.append(ref[n] if n < len(ref) and ref[n][0] == head else (head, a, b))
    return tuple(out)


_SUBJECT_COLUMN = re.compile(r"主体类型|(?:申报|支持|补贴)?对象类型|企业类型")  # | 农民专业合作社 | …: whom the row is for
# 享受主体 / 支持对象 / 申报条件 / 纳税信用等级须为A级 / 可以申请的情形 / 不得申请的情形
_CONDITIONS_COLUMN = re.compile(r"条件|对象|要求|范围|主体|适用企业|^[^|]{2,24}?(?:须|必须|应当)(?!提交|提供|报送)"
                                r"|^(?:可以?|能|不得|不能|不予|不可)(?:申请|申报|享受|准入)的?(?:情形|情况)?$")


# | 第二档 | 300万美元至3000万美元 | …: a column naming a measure whose cell gives a range is the row's condition
_MEASURE_COLUMN = re.compile(r"(?:额|收入|营收|产值|规模|人数|面积|数量|税收)(?:[（(][^）)]*[）)])?$")
_RANGE_CELL = re.compile(r"[0-9０-９一二三四五六七八九十百千]\s*[^|]{0,8}?(?:以上|以下|以内|不含|（含|\(含|至|[-－~～]|不足|未满|超过|不超过|不低于)")


def conditions_cells(clause: Clause, text: str) -> list[tuple[str, int, int]]:
    """(header, start, end) of a table row's cells under a conditions column (申报条件, 具体要求), not its name
    column, and of cells giving a range of a measure (| 上年度出口额 | 300万美元以下 |)."""
    named = len(clause.cells) > 1 and bool(_NAME_COLUMN.search(clause.cells[1][0]))
    return [(h, a, b) for n, (h, a, b) in enumerate(clause.cells)
            if (n or _SUBJECT_COLUMN.fullmatch(h.strip("* "))) and not (named and n == 1) and (
                _CONDITIONS_COLUMN.search(h) or _MEASURE_COLUMN.search(h) and _RANGE_CELL.search(text, a, b))]


def _same_title(heading: str, title: str) -> bool:
    """A document's own heading is its title, even shortened (# 关于…的通知 under 某县政府办公室关于…的通知) or
    dated (# …准入要求对照（2025年三季度）)."""
    heading = _DATE_NOTE.sub("", heading) or heading
    return heading == title or len(heading) >= 6 and (heading in title or title in heading or (
        len(heading) >= 0.6 * len(title) and in_order(heading, title)))  # the title without its place name


_DATE_NOTE = re.compile(r"[（(][^（）()]{0,12}(?:年|季度|月|版|修订|试行|第[一二三四五六七八九十0-9]+批)[^（）()]{0,6}[）)]")


def _first_title(text: str) -> str:
    for line in text.splitlines():
        line = _MD_PREFIX.sub("", line).strip().strip("*").strip()
        if line and not _match_marker(line, 0):
            return line
    return ""


Segments = Callable[[str], list[tuple[int, int]]]


def parse_structure(text: str, title: str | None = None, segments: Segments | None = None,
                    offer: Callable[[str], bool] | None = None) -> Structure:
    """Split ``text`` into numbered clauses with addresses and offsets.

    ``segments`` cuts a line's text into offers of their own (…的，给予…；对…的，给予…), as
    (start, end) offsets within it; each becomes a clause under the line's clause. ``offer`` tells an
    unnumbered paragraph that makes an offer of its own: when two or more do (a letter, a news report),
    each such paragraph outside any numbered clause is a clause of its own, addressed 第N段.
    """
    clauses: list[Clause] = []
    paragraphs = 0  # lines of running text, to address an offer cut from an unnumbered one
    bracketed: set[int] = set()  # clauses headed by a 【…】 label at the top level of a guide
    hashed: set[int] = set()  # clauses headed by a # Markdown heading line
    levels: dict[int, int] = {}  # clauses on a # Markdown heading line, with its number of #
    ordinals = 0  # headings naming an entry by its number (产品二：…, 【产品二】…)
    labels: set[str] = set()  # 【…】 labels read inside such entries
    bold_roots: set[int] = set()  # top-level sections headed by a **label**： line
    name_lines: set[int] = set()  # entries opened by a 项目名称：… line, the labelled lines after them their parts
    stack: list[int] = []
    title = title or _first_title(text)
    offset = 0
    header: tuple[str, ...] | None = None  # the header cells of the Markdown table being read
    previous: tuple[str, ...] | None = None  # the cells of the line before
    rows = 0  # rows read under the table's header
    table: list[tuple[str, tuple[tuple[str, int, int], ...]]] = []  # the rows of that table read so far
    table_rows = False  # whether the last line with text was a row of a table with a header
    noting = False  # whether the lines read last are the numbered notes under a table (注：1. …)
    after_table = False  # whether a table with a header was read and no numbered clause came after it
    chapters = set(re.findall(r"(?m)^[ \t#*]*([0-9]{1,2})\.[0-9]{1,2}(?![0-9.])", text))  # 3 where 3.1 follows
    # the unnumbered lines that make an offer of their own, read once; they are clauses only when two or more do
    offers = {n for n, line in enumerate(text.splitlines()) if offer is not None and line.strip()
              and table_cells(line) is None and _match_marker(_MD_PREFIX.sub("", line).strip(), 0) is None
              and offer(line)}
    offering = len(offers) >= 2
    for line_no, line in enumerate(text.splitlines(keepends=True)):
        line_start = offset
        offset += len(line)
        stripped = line.rstrip("\r\n")
        if name_lines.intersection(stack) and _SEPARATOR.fullmatch(stripped.strip()):
            stack.clear()  # ———————— after a 项目名称：… block: the block ends, what follows is no part of it
            continue
        prefix = _MD_PREFIX.match(stripped)
        pos = prefix.end() if prefix else 0
        is_md_heading = stripped.lstrip().startswith("#") or bool(_BOLD_LINE.match(stripped)) \
            or bool(_EMOJI_LINE.match(stripped)) or bool(  # **通用准入要求** / 🎯适用客群 / ■ 资助对象
                _MARK_LINE.match(stripped) and not _BULLET_ENTRY.match(stripped.strip())
                and not (ordinals and _BULLET_LABEL.match(stripped.strip())))  # (■ 谁能贷 inside 产品一: a part)
        keycap = _KEYCAP.match(stripped, pos)
        if keycap and stripped[keycap.end():].strip():  # 1️⃣ 首次贷款贴息: a section numbered by a keycap emoji
            is_md_heading, pos = True, keycap.end()
        lead_at = pos
        while pos < len(stripped) and (stripped[pos] in " \u3000\t" or _EMOJI.match(stripped[pos])):
            pos += 1  # ## 💰 产品一：… — a pictograph decorates the line, it is no part of its words
        pictured = any(_EMOJI.match(ch) for ch in stripped[lead_at:pos])
        cells = table_cells(stripped)
        note = _NOTE.match(stripped, pos) if cells is None and table_rows else None
        if note:  # 注：1. …2. 申报第2项的… under a table of items: its notes are clauses of their own
            _push(clauses, stack, Clause("arabic", "注", "", line_start + pos, line_start + note.end()))
            for m in _NOTE_ITEM.finditer(stripped, note.end()):
                _push(clauses, stack, Clause("paren_arabic", m.group(1) + ".", "", line_start + m.start(1),
                                             line_start + m.end()))
            table_rows, noting = False, True
            continue
        more = _NOTE_ITEM.match(stripped, pos) if noting and stripped.strip() else None
        if more:  # 注：1. …\n2. …: the notes go on, one a line, still notes and not rows of the table
            _push(clauses, stack, Clause("paren_arabic", more.group(1) + ".", "", line_start + more.start(1),
                                         line_start + more.end()))
            continue
        noting = noting and not stripped.strip()
        labelled = (_BOLD_LABEL.match(stripped) or _BRACKET_LEAD.match(stripped, pos) or _NOTE_LABEL.match(stripped, pos)) \
            if cells is None and after_table else None
        if cells is None and not labelled and (bold := _BOLD_LABEL.match(stripped) or _BOLD_COLON_LINE.match(stripped)) \
                and (heading_role(bold.group(1)) or bold_roots and bold.re is _BOLD_COLON_LINE) \
                and (not stack or stack[0] in bold_roots) and not _TABLE_NEXT.match(text, offset):
            # **谁可以用**：… **以下情形不予支持**：1. … in a leaflet without numbered sections: each label a section
            bold_roots.add(len(clauses))
            labelled = bold
        if cells is None and not labelled and stack and clauses[stack[-1]].kind in _LIST_KINDS \
                and clauses[stack[-1]].parent is None and stack[-1] not in hashed and stack[-1] not in levels \
                and "\n" not in text[clauses[stack[-1]].body_start:line_start].strip() \
                and (note := _NOTE_LABEL.match(stripped, pos)) \
                and not _later_sibling(text, offset, clauses[stack[-1]].kind):
            labelled = note  # （4）…\n申报条件：… after the last entry of a top-level list: it speaks for every entry
        if labelled:  # **共同要求**：… below a table of items: a section of its own, not lost after the last row
            _push(clauses, stack, Clause("heading", labelled.group(1), labelled.group(1), line_start,
                                         line_start + labelled.end()))
            continue
        if stripped.strip():
            table_rows = cells is not None and (table_rows or header is not None)
            after_table = (after_table or table_rows) and (cells is None or table_rows)
        if cells is None:
            header, previous = None, None
        elif TABLE_RULE.match(stripped):
            header, rows = previous, 0
            continue
        else:
            previous = tuple(stripped[a:b] for a, b in cells)
            rows = rows + 1 if header else 0
            row = _table_row(stripped, cells, header, rows) if header else None
            key = stripped[cells[0][0]:cells[0][1]].strip("* ") if header and _KEY_VALUE.match(" ".join(header)) else ""
            if key and len(cells) == 2:  # | 额度 | 单户最高500万元 | under | 项目 | 内容 |: a labelled part of the entry
                while any(clauses[i].kind == "part" for i in stack):
                    stack.pop()
                _push(clauses, stack, Clause("part", f"【{key}】", key, line_start + cells[0][0],
                                             line_start + cells[1][0], until=line_start + cells[-1][1] + 1), pop=False)
            elif row is not None:
                label, heading, body = row
                end = line_start + cells[-1][1] + 1
                spans = _same_as(tuple((h, line_start + a, line_start + b)
                                       for h, (a, b) in zip(header, cells, strict=False)), table, text)
                table = [*(table if rows > 1 else []), (label, spans)]
                _push(clauses, stack, Clause("arabic", label, heading, line_start + cells[0][0], line_start + body,
                                             cells=spans, until=end))
            continue
        if stripped[pos:].strip() and not is_md_heading:
            paragraphs += 1
        starts = [pos] + [m.end() for m in _INLINE.finditer(stripped, pos + 1)]
        lead_entry = None  # a **第一项：…** lead read on this line (none yet)
        for n, start in enumerate(starts):
            question = _QUESTION.match(stripped, start) if n == 0 else None
            found = None if question else _match_marker(stripped, start)
            chapter = _DEC_CHAPTER.match(stripped, start) if n == 0 and (found is None or found[0] == "arabic") else None
            number = chapter.group(0).rstrip("、") if chapter else ""
            if chapter and (number in chapters or chapter.group(0).endswith("、") and chapters
                            and int(number) <= max(map(int, chapters)) + 3):
                # 3 申报条件 above 3.1 基本条件: a path's chapter; 1、总则 / 5、联系方式 beside 2、 and 3、 with paths
                found = "dec0", chapter
            # a line of a 项目名称：… block, or an indented or pictograph-marked line under a bullet entry: any
            # label on it names a part of that entry
            in_block = bool(name_lines.intersection(stack)) or (stripped[:1] in " \t" or pictured) and any(
                clauses[i].kind == "bullet" for i in stack)
            if found is None:
                if question:
                    kind, label, body = "heading", stripped[question.end():].strip("* "), len(stripped)
                    if question.group("numbered"):  # 问三：…？ is addressed as 问三
                        label = question.group("numbered")
                elif n == 0 and stack and (hashed.intersection(stack) or clauses[stack[0]].kind in _NUMBERED_SECTIONS) \
                        and _BOLD_LINE.match(stripped):
                    # ## 产品一 … **谁能贷？** / 二、产品要素 **兴农贷**（面向…）: a bold line is a part of the section
                    kind, label, body = "part", f"【{_BOLD_NAME.search(stripped).group(1).rstrip('：:')}】", len(stripped)
                elif n == 0 and is_md_heading and stripped[pos:].strip() and not (
                        _same_title(stripped[pos:].strip("* "), title) and not clauses):
                    kind, label, body = "heading", stripped[pos:].strip("* ■◆◇▍▌❖"), len(stripped)
                    if stripped.lstrip().startswith("#"):
                        hashed.add(len(clauses))
                elif n == 0 and (bold_lead := _BOLD_LEAD.match(stripped, pos)):
                    # **降低首贷融资成本。**鼓励…: a paragraph opening with its name in bold is an entry of its own
                    kind, label, body = "entry", bold_lead.group(1), bold_lead.end()
                elif n == 0 and (lead_entry := _BOLD_ENTRY.match(stripped, pos)):
                    # **第一项：研发投入奖励。** 规模以上…: an entry named in bold, its text on the same line
                    kind, label, body = "entry", lead_entry.group(1), lead_entry.end()
                    ordinals += 1
                elif n == 0 and _NAMED_ORDINAL.match(stripped, pos):  # 产品二：首贷通 in plain text
                    kind, label, body = "heading", stripped[pos:].strip("* " + _RULE_CHARS), len(stripped)
                    if stack and clauses[stack[0]].kind in _NUMBERED_SECTIONS and not stripped[pos:].startswith("附件"):
                        kind = "entry"  # 二、试点产品 产品一：…: an entry of the numbered section, not a new root
                        # (附件：不予奖励情形 / 附件：…分工表 is the annex itself, after the last section)
                    ordinals += 1
                elif n == 0 and stack and clauses[stack[0]].kind in _NUMBERED_SECTIONS | _LIST_KINDS and _IN_FORCE.match(stripped, pos):
                    # 四、支持限制与退出 …\n本措施自2025年6月1日起施行，有效期两年: the closing paragraph is no part of 四、
                    kind, label, body = "heading", "施行日期", pos
                elif n == 0 and stack and (ordinals or bracketed.intersection(stack)) \
                        and (shared := _SHARED_LABEL.fullmatch(stripped, pos)) and heading_role(shared.group(1)) == "conditions":
                    # 【产品三】… 共同准入条件（适用于以上三款产品）: the products' shared requirements, after the last one
                    entries = any(clauses[i].kind == "entry" for i in stack)
                    kind, label, body = "entry" if entries else "heading", shared.group(1), len(stripped)
                elif n == 0 and _NOTES_LINE.fullmatch(stripped, pos):  # 注释： on a line of its own, ①指… below
                    kind, label, body = "heading", "注释", len(stripped)
                elif n == 0 and stack and clauses[stack[-1]].kind == "box" and _LIST_INTRO.fullmatch(stripped, pos):
                    # □ …奖励 □ …补助 \n本企业郑重承诺：\n□ …: the tick-boxes after it are another list
                    kind, label, body = "heading", stripped[pos:].strip().rstrip("：:"), len(stripped)
                elif n == 0 and stack and clauses[stack[-1]].kind in _LIST_KINDS | {"latin"} and (
                        _SUBLIST_LEAD.fullmatch(stripped, pos)
                        or _LIST_LEAD.fullmatch(stripped, pos) and _restarts(text, offset, clauses[stack[-1]].kind)):
                    # a) … d) …\n申报融资租赁租息补贴的，还应当符合：\ne) …: the list after it binds that item alone
                    kind, label, body = "entry", "", pos
                elif n == 0 and stack and (clauses[stack[-1]].kind in _LIST_KINDS or clauses[stack[-1]].kind in ("part", "entry", "ordinal")) \
                        and clauses[stack[-1]].label and _BACK_REFERENCE.match(stripped, pos):
                    # …（三）…。\n享受上述支持措施的企业，还应当… / **“科创贷”** …\n以上三款产品均不向…: the
                    # paragraph closes the list, under its parent
                    kind, label, body = clauses[stack[-1]].kind, "", pos
                elif n == 0 and (lead := _BRACKET_LEAD.match(stripped, pos)) and (
                        not stack or stack[0] in bracketed or ordinals > 1 and lead.group(1) not in labels
                        and heading_role(lead.group(1)) not in ("conditions", "standard")):
                    # 【申报条件】… heads a section of a guide; inside a product or clause it is a label, unless
                    # no product before used it and it is no term of a product (【温馨提示】 after 【产品三】: a
                    # section of its own again; 【享受条件】 first met in 卡片二: still a part of the card)
                    kind, label, body = "heading", lead.group(1), lead.end()
                    bracketed.add(len(clauses))
                elif n == 0 and stack and pictured and not keycap and _ASKED.fullmatch(stripped, pos):
                    # ❓ 谁可以申请？ / 💰 补多少？ under 1️⃣ …: a question heading a part of the section
                    kind, label, body = "part", f"【{stripped[pos:].strip()}】", len(stripped)
                elif n == 0 and stack and (bold := _BOLD_LABEL.match(stripped)):
                    # **支持标准**：… inside an entry (### 政策1): a labelled part, which ends the list above it
                    kind, label, body = "part", f"【{bold.group(1)}】", bold.end()
                elif n == 0 and (not stack or name_lines.intersection(stack)) \
                        and (named_line := _NAME_LINE.fullmatch(stripped, pos)):
                    # 项目名称：限上商贸企业增量奖励\n支持对象：…\n支持标准：…: a block of labelled lines names an entry
                    kind, label, body = "entry", named_line.group(1), len(stripped)
                    name_lines.add(len(clauses))
                elif n == 0 and stack and (in_block or ordinals or bracketed.intersection(stack)) and (
                        plain := _PLAIN_LABEL.match(stripped, pos) or _BULLET_LABEL.match(stripped, pos)) \
                        and (heading_role(plain.group(1)) or "｜" in plain.group(0) or in_block):  # 补贴对象：… / ● 谁能贷
                    # 准入要求：\n（1）…: a labelled part of a product in plain text, the list below it its own
                    kind, label, body = "part", f"【{plain.group(1)}】", plain.end()
                elif n == 0 and (nested := _NESTED_LEAD.match(stripped)) and _INDENTED_NEXT.match(text, offset):
                    # - 中小企业贷款贴息\n  - 对象：…\n  - 标准：…: a bullet with labelled bullets under it names an entry
                    kind, label, body = "bullet", "▲" + nested.group(1), len(stripped)
                elif n == 0 and (bullet := _BULLET_ENTRY.match(stripped, pos) or (
                        _MARKED_NAME.match(stripped, pos) if _PICTURED_NEXT.match(text, offset) else None)):
                    # ▲ 住宿业提质升级奖励 / ★ 首贷通 above ✦ 额度：…
                    kind, label, body = "bullet", "▲" + bullet.group(1), len(stripped)
                elif n == 0 and lead and (ordinals or stack and hashed.intersection(stack) and heading_role(lead.group(1))):
                    # 【准入条件】 inside 【产品一】, 【享受条件】 under ## 事项三: a labelled part of the entry
                    labels.add(lead.group(1))
                    kind, label, body = "label", f"【{lead.group(1)}】", lead.end()
                else:
                    if n == 0 and stripped[pos:].strip() and len(starts) == 1:
                        while stack and clauses[stack[-1]].kind == "ordinal" and clauses[stack[-1]].start < line_start:
                            stack.pop()  # 一是…二是… run inside a paragraph; the next plain paragraph is not theirs
                    continue
            else:
                kind, m = found
                label, body = m.group(0), m.end()
                closing = _BOLD_MARKER_END.match(stripped, body) if stripped[:body].lstrip().startswith("**") else None
                if closing:  # **第四条**　对…: the bold closes around the number, the text starts after it
                    body = closing.end()
                if n > 0 and kind not in ("paren_cn", "paren_arabic", "circled", "ordinal"):
                    continue
                if not clauses and stripped[body:].strip("* ") == title:
                    continue  # 15. 北京市…基地认定 opening a card: the title with its number in a guide, no clause
            heading = lead_entry.group(2) if kind == "entry" and lead_entry else label if kind in ("heading", "entry") else label.strip("【】") if kind in ("label", "part") else label[1:] if kind == "bullet" else \
                _heading(stripped[body:]) if label else ""
            entry = _ENTRY_NAME.match(label) if kind == "heading" or kind == "entry" and not lead_entry else None
            if entry:  # **第一项 龙头企业认定奖励。**: addressed as 第一项, named by its words
                label, heading = entry.group(1), entry.group(2)
            numbered = _BRACKET_NUMBER.fullmatch(label) if kind == "heading" else None
            if numbered:  # 【一】科技人才贷: addressed as 【一】, named 科技人才贷
                label, heading = numbered.group(1), numbered.group(2)
            if question and question.group("numbered"):
                heading = stripped[question.end():].strip("* ")
            if kind in ("part", "entry", "bullet"):  # under the entry it is part of: after the parts before it, not inside them
                while any(clauses[i].kind == "part" for i in stack):
                    stack.pop()
            at = 0 if kind in ("part", "entry") else start  # - **门槛**：… starts at its line, bullet and all
            hashes = len(stripped.lstrip()) - len(stripped.lstrip().lstrip("#"))  # ### A类 → 3
            nested = n == 0 and hashes and any(i in levels for i in stack)
            if nested:  # ## 三、… ### A类 … ## 四、: Markdown heading levels nest what their numbers do not
                while stack and levels.get(stack[-1], 7) >= hashes:
                    stack.pop()
            if n == 0 and hashes:
                levels[len(clauses)] = hashes
            _push(clauses, stack, Clause(kind, label, heading, line_start + at, line_start + body),
                  pop=kind != "part" and not nested)
        named = bool(clauses) and clauses[-1].start >= line_start and bool(_SUPPORT_NAMED.search(clauses[-1].heading))
        if segments is not None and not is_md_heading and len(starts) == 1 and not named:
            at = clauses[-1].body_start - line_start if clauses and clauses[-1].start >= line_start else pos
            prefix = "" if clauses and clauses[-1].start >= line_start or stack else f"第{paragraphs}段"
            cut = segments(stripped[at:])
            if not cut and prefix and offering and line_no in offers:  # 先说融资。凡是…的企业，…单户最高二百万元
                _push(clauses, stack, Clause(_SENTENCE, f"第{paragraphs}段", "", line_start + at, line_start + at,
                                             until=line_start + len(stripped)))
                stack.pop()  # the next paragraph is no part of it
                continue
            if not cut and prefix and offering and line_no > min(offers) and stripped.strip():
                # …上述政策只面向在本市登记注册的企业 after the offers: a paragraph of its own, which binds them all
                _push(clauses, stack, Clause(REST, f"第{paragraphs}段", "", line_start + at, line_start + at,
                                             until=line_start + len(stripped)))
                stack.pop()
                continue
            for k, (a, b) in enumerate(cut, 1):
                _push(clauses, stack, Clause(_SENTENCE, f"{prefix}第{k}句", "", line_start + at + a,
                                             line_start + at + a, until=line_start + at + b))
            rest = stripped[at + cut[-1][1]:] if cut else ""
            if rest.strip():  # …；对企业，按…给予补助。申请本条补助的…须…: the sentences after the offers, theirs
                a = at + cut[-1][1] + len(rest) - len(rest.lstrip())
                _push(clauses, stack, Clause(REST, f"{prefix}第{len(cut) + 1}句", "", line_start + a,
                                             line_start + a, until=line_start + len(stripped)))
    _close(clauses, text)
    return Structure(title, text, clauses, clauses[0].start if clauses else len(text))


def _later_sibling(text: str, offset: int, kind: str) -> bool:
    """Whether a later line opens with a marker of ``kind`` (another entry of the list being read)."""
    for line in text[offset:].splitlines():
        found = _match_marker(_MD_PREFIX.sub("", line), 0)
        if found and found[0] == kind:
            return True
    return False


def _closes(clauses: list[Clause], top: Clause, new: Clause) -> bool:
    """Whether the open clause ``top`` ends where ``new`` starts: it ranks as deep or deeper, save a lettered list
    inside a circled entry (① 茶园改造补助 a. … b. … ② …), which the circled entries open and close."""
    if new.kind == "latin" and top.kind == "circled":
        return False
    if new.kind == "circled" and top.kind == "latin" and top.parent is not None and clauses[top.parent].kind == "circled":
        return True
    return _RANK[top.kind] >= _RANK[new.kind]


def _push(clauses: list[Clause], stack: list[int], clause: Clause, pop: bool = True) -> None:
    """Append ``clause`` under the nearest open clause of a lower rank (``pop``) or the open one, and open it."""
    while pop and stack and _closes(clauses, clauses[stack[-1]], clause):
        stack.pop()
    clause.parent = stack[-1] if stack else None
    clause.address = _address(clause.kind, clause.label, [clauses[i] for i in stack])
    if clause.parent is not None:
        clauses[clause.parent].children.append(len(clauses))
    stack.append(len(clauses))
    clauses.append(clause)


def _close(clauses: list[Clause], text: str) -> None:
    """Set each clause's end (next clause that is not a descendant) and own end (next clause, or the start of
    its line when only Markdown marks stand before it: #### 二、… leaves its #### to no clause)."""
    starts = [m.start() if (m := _MD_MARKS_BEFORE.fullmatch(text, text.rfind("\n", 0, c.start) + 1, c.start)) else c.start
              for c in clauses]
    for i, clause in enumerate(clauses):
        clause.own_end = max(clause.body_start, starts[i + 1]) if i + 1 < len(clauses) else len(text)
        end = len(text)
        for j in range(i + 1, len(clauses)):
            if not _descends(clauses, clauses[j], i):
                end = max(clause.body_start, starts[j])
                break
        clause.end = end
        if clause.until:  # a table row ends with its line, an offer with its sentence
            clause.own_end = min(clause.own_end, clause.until)
            clause.end = min(clause.end, clause.until)


_MD_MARKS_BEFORE = re.compile(r"[ \t]*(?:#{1,6}|>|[-*+])[ \t]*(?:\*\*)?")  # all a line holds before its clause


def _descends(clauses: list[Clause], clause: Clause, ancestor: int) -> bool:
    while clause.parent is not None:
        if clause.parent == ancestor:
            return True
        clause = clauses[clause.parent]
    return False
