"""Policy documents: encodings, front matter, .docx and text-layer .pdf."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.errors import DocumentError
from recommender.text.loaders import (
    clean_pdf_pages,
    iter_documents,
    load_document,
    split_policy_cards,
)
from recommender.text.wrapped_lines import unwrapped

FRONT = """---
title: 城口县小微企业首贷贴息办法
issuer: 城口县财政局
region_code: "500229"
published: 2024-03-01
valid_until: 2026-12-31
sources:
  - 财政部 税务总局公告2023年第12号
---
第一条 为支持小微企业首次获得贷款，制定本办法。
第二条 申请企业应当在本县注册登记。
"""


def make_pdf(pages: list[list[str]]) -> bytes:
    """A real text-layer PDF, one text row per line, CJK through a Type0 font with identity ToUnicode."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange "
        b"1 beginbfrange <0000> <FFFF> <0000> endbfrange "
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    tounicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    desc = add(
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>"
    )
    cid = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor %d 0 R /DW 1000 /CIDToGIDMap /Identity >>" % desc
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, tounicode)
    )
    pages_id = len(objs) + 1 + 2 * len(pages)
    kids = []
    for lines in pages:
        ops = [b"BT /F1 10 Tf 12 TL 40 800 Td"]
        ops += [b"<%s> Tj T*" % line.encode("utf-16-be").hex().encode() for line in lines]
        stream = b"\n".join([*ops, b"ET"])
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_id, font, content)
            )
        )
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        catalog,
        xref,
    )
    return bytes(out)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_text_document_in_any_supported_encoding_reads_the_same(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "cq-first-loan.md"
    path.write_bytes(FRONT.encode(encoding))
    doc = load_document(path)
    assert doc.policy_id == "cq-first-loan"
    assert doc.path == path
    assert doc.meta["title"] == "城口县小微企业首贷贴息办法"
    assert doc.meta["region_code"] == "500229"
    assert doc.meta["published"] == "2024-03-01"
    assert doc.meta["valid_until"] == "2026-12-31"
    assert doc.meta["sources"] == ["财政部 税务总局公告2023年第12号"]
    assert doc.text.startswith("第一条 为支持小微企业首次获得贷款")
    assert "---" not in doc.text and "title" not in doc.text


def test_document_without_front_matter_keeps_its_whole_text(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("关于支持首贷的通知\r\n一、支持对象\r\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta == {}
    assert doc.text == "关于支持首贷的通知\n一、支持对象\n"


def test_unquoted_region_code_in_front_matter_is_kept_as_text(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_text("---\ntitle: 标题\nregion_code: 500229\n---\n正文\n", encoding="utf-8")
    assert load_document(path).meta["region_code"] == "500229"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("---\ntitle: 标题\n正文没有结束行\n", "D102"),
        ("---\ntitle: [未闭合\n---\n正文\n", "D103"),
        ("---\n- 列表\n- 不是映射\n---\n正文\n", "D104"),
    ],
)
def test_bad_front_matter_is_a_coded_chinese_error(tmp_path: Path, text: str, code: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert info.value.code == code
    assert "bad.md" in info.value.message and "文件头" in info.value.message


def test_undecodable_bytes_are_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\xff\xfe\x00\x81\xff" * 10)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert info.value.code == "D101"


def test_unsupported_suffix_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "policy.doc"
    path.write_bytes(b"x")
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert info.value.code == "D100"


def test_docx_paragraphs_and_tables_come_in_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("关于印发首贷贴息办法的通知")
    document.add_paragraph("第一条 支持对象如下表：")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "企业类型"
    table.cell(0, 1).text = "贴息比例"
    table.cell(1, 0).text = "小微企业"
    table.cell(1, 1).text = "50%"
    document.add_paragraph("第二条 本办法自2024年1月1日起施行。")
    path = tmp_path / "notice.docx"
    document.save(str(path))
    doc = load_document(path)
    assert doc.policy_id == "notice"
    assert doc.text.splitlines() == [
        "关于印发首贷贴息办法的通知",
        "第一条 支持对象如下表：",
        "| 企业类型 | 贴息比例 |",
        "|---|---|",
        "| 小微企业 | 50% |",
        "第二条 本办法自2024年1月1日起施行。",
    ]


def _chinese_paren_list(document) -> str:
    """Add a numbering definition drawing （一）（二） and return its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def test_docx_list_paragraphs_carry_the_numbers_word_draws(tmp_path: Path) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("申报企业须同时符合以下条件：")
    for text in ("在本县注册登记；", "纳税信用等级为B级以上。"):
        document.add_paragraph(text, style="List Number")
    num_id = _chinese_paren_list(document)
    for text in ("申报表；", "营业执照。"):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    assert load_document(path).text.splitlines() == [
        "申报企业须同时符合以下条件：", "1.在本县注册登记；", "2.纳税信用等级为B级以上。", "（一）申报表；", "（二）营业执照。"]


def test_docx_may_carry_front_matter(tmp_path: Path) -> None:
    document = docx.Document()
    for line in ("---", "title: 首贷贴息", 'region_code: "500229"', "---", "第一条 正文。"):
        document.add_paragraph(line)
    path = tmp_path / "fm.docx"
    document.save(str(path))
    doc = load_document(path)
    assert doc.meta == {"title": "首贷贴息", "region_code": "500229"}
    assert doc.text == "第一条 正文。"


def test_pdf_text_layer_loses_headers_page_numbers_and_mid_line_breaks(tmp_path: Path) -> None:
    pages = [
        ["城口县财政局文件", "第一条 为支持小微企业发展，对符合条件的企业给予贴息支", "持，具体办法如下。", "第 1 页"],
        ["城口县财政局文件", "第二条 申请企业应当在本县注册登记，纳税信用等级为B级", "以上。", "- 2 -"],
        ["城口县财政局文件", "第三条 本办法自2024年1月1日起施行。", "（一）短行不并入上一行", "3"],
        ["城口县财政局文件", "IV", "第四条 本办法由县财政局负责解释。", "第4页 共4页"],
    ]
    path = tmp_path / "cq-pdf.pdf"
    path.write_bytes(make_pdf(pages))
    doc = load_document(path)
    assert doc.policy_id == "cq-pdf"
    assert doc.text.splitlines() == [
        "第一条 为支持小微企业发展，对符合条件的企业给予贴息支持，具体办法如下。",
        "第二条 申请企业应当在本县注册登记，纳税信用等级为B级以上。",
        "第三条 本办法自2024年1月1日起施行。",
        "（一）短行不并入上一行",
        "第四条 本办法由县财政局负责解释。",
    ]


def test_pdf_without_text_layer_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []]))
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert info.value.code == "D107"


def test_broken_pdf_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nnot really a pdf")
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert info.value.code == "D106"


def test_structure_lines_are_never_joined_to_the_line_before() -> None:
    long = "申请企业应当同时符合下列条件并按要求提交申报材料"
    text = clean_pdf_pages([f"{long}\n一、支持对象\n{long}\n1．首贷贴息\n{long}\n①小微企业"])
    assert text.splitlines() == [long, "一、支持对象", long, "1．首贷贴息", long, "①小微企业"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet="企业贷款贴息补助万元条件。，", min_size=1, max_size=30), min_size=1, max_size=8))
def test_cleaning_never_loses_body_characters(lines: list[str]) -> None:
    pages = ["\n".join(lines)]
    cleaned = clean_pdf_pages(pages)
    assert cleaned.replace("\n", "") == "".join(line.strip() for line in lines)


def test_iter_documents_reads_every_supported_file_and_skips_others(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: 甲\n---\n正文甲\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("正文乙\n".encode("gbk"))
    (tmp_path / "a.yaml").write_text("policy_id: a\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("说明\n", encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "c.md").write_text("正文丙\n", encoding="utf-8")
    docs = list(iter_documents(tmp_path))
    assert [(d.policy_id, d.text.strip()) for d in docs] == [("a", "正文甲"), ("b", "正文乙")]


def test_policy_cards_split_at_numbered_titles_followed_by_their_fields() -> None:
    text = "\n".join(
        [
            "目录",
            "1.北京市老旧厂房改造.......... 1",
            "一、综合篇",
            "1. 北京市老旧厂房改造项目促进产业高质量发展",
            "关于老旧厂房改造的通知",
            "依据文件",
            "《实施方案》",
            "条件要求",
            "1．改造后引入的业态应为高精尖产业。",
            "2",
            "2. 北京市低效楼宇改造项目",
            "依据文件",
            "《实施方案》",
        ]
    )
    cards = split_policy_cards(text)
    assert [(c.number, c.title) for c in cards] == [
        (1, "北京市老旧厂房改造项目促进产业高质量发展"),
        (2, "北京市低效楼宇改造项目"),
    ]
    assert "1．改造后引入的业态应为高精尖产业。" in cards[0].text
    assert "\n2\n" not in cards[0].text and "低效楼宇" not in cards[0].text


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("第 3 页", True),
        ("第2页 共5页", True),
        ("- 12 -", True),
        ("— 7 —", True),
        ("42", True),
        ("XIV", True),
        ("viii", True),
        ("Civil", False),
        ("2024年", False),
        ("一、支持对象", False),
    ],
)
def test_only_page_number_lines_are_dropped(line: str, dropped: bool) -> None:
    kept = clean_pdf_pages([f"第一条 正文。\n{line}\n第二条 正文。"]).splitlines()
    assert (line not in kept) is dropped


def test_a_plain_text_wrapped_at_a_fixed_width_is_joined_back_into_sentences(tmp_path: Path) -> None:
    sentence = ("为落实失业保险援企稳岗政策，减轻企业负担，现就做好2026年我市失业保险稳岗返还工作通知如下。"
                "在本市参加失业保险、上年度足额缴纳失业保险费12个月以上的企业，可以享受稳岗返还。")
    body = "\n".join(sentence[i:i + 30] for i in range(0, len(sentence), 30))
    text = "关于做好稳岗返还工作的通知\n一、返还对象\n" + "\n".join([body] * 3) + "\n二、返还标准\n按60%返还。\n"
    path = tmp_path / "wrapped.txt"
    path.write_bytes(text.encode("gbk"))
    lines = unwrapped(load_document(path).text).splitlines()
    assert "一、返还对象" in lines and "二、返还标准" in lines
    assert sum(sentence[:40] in line for line in lines) == 3  # every wrapped paragraph is whole again
    assert not any("2026" not in line and "202" in line for line in lines)  # no number cut in two


def test_a_plain_text_with_one_paragraph_per_line_keeps_its_lines(tmp_path: Path) -> None:
    lines = ["关于做好稳岗返还工作的通知", "一、返还对象"] + [
        f"第{n}段：在本市参加失业保险的企业，可以享受稳岗返还，具体标准见下文第{n}项" for n in range(1, 12)]
    path = tmp_path / "paragraphs.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert unwrapped(load_document(path).text).splitlines() == lines


def test_word_chinese_list_numbers_count_on_past_ninety_nine() -> None:
    from recommender.text.word_numbering import _chinese

    assert [_chinese(n) for n in (1, 10, 12, 20, 99, 100, 123)] == ["一", "十", "十二", "二十", "九十九", "100", "123"]


def test_a_utf16_file_saved_by_notepad_is_read(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes("某县奖励办法\n\n第一条 对企业给予奖励。\n".encode("utf-16"))  # BOM first, as Notepad writes it
    assert "第一条 对企业给予奖励" in load_document(path).text


def test_a_pdf_copied_into_plain_text_loses_its_page_marks_and_running_header_and_is_joined(tmp_path: Path) -> None:
    sentence = ("一、适用范围。本通知所称企业，是指在滨州市行政区域内依法登记注册并参加失业保险的各类企业，"
                "上年度足额缴纳失业保险费满12个月的，可以申请稳岗返还，参保职工30人以下的企业另按60%返还。")
    # wrapped near a width, its digits narrower than its characters, so the lines end at uneven lengths
    wrapped, at = [], 0
    while at < len(sentence):
        width = 33 + len(wrapped) % 3
        wrapped.append(sentence[at:at + width])
        at += width
    pages = ["某市人力资源和社会保障局文件", "", "关于做好稳岗扩岗工作的通知", *wrapped * 3, "",
             "— 1 —", "", "某市人力资源和社会保障局文件", "", *wrapped * 2, "二、工作要求。各地要抓好落实。"]
    path = tmp_path / "pdf-copied.txt"
    path.write_text("\n".join(pages), encoding="utf-8")
    lines = unwrapped(load_document(path).text).splitlines()
    assert lines.count("某市人力资源和社会保障局文件") == 1 and "— 1 —" not in lines
    assert sum("参加失业保险的各类企业" in line for line in lines) == 5  # no phrase cut in two, over a page too
    assert "二、工作要求。各地要抓好落实。" in lines
