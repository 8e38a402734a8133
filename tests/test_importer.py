"""Importing enterprise tables: encodings, aliases, xlsx, row numbers, rejected rows, invariants."""

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from recommender.errors import ProfileError
from recommender.profiles.credit_code import check_credit_code, credit_code_check_char
from recommender.profiles.fields import FIELD_LABELS, FIELDS, header_map, match_header
from recommender.profiles.importer import frame_from_records, read_table

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"
GOOD = "91500229MA5U00001B"
GOOD2 = "91510100MA6C00003Y"


def test_header_map_normalises_spacing_parentheses_bom_and_case():
    got = header_map(["\ufeff 统一社会信用代码 ", "营业收入（万元）", "REVENUE", "联系人", "Assets"])
    assert got == {"\ufeff 统一社会信用代码 ": "credit_code", "营业收入（万元）": "revenue", "Assets": "assets"}
    assert match_header("营业收入(元)") == ("revenue", 1e-4)
    assert match_header("资产总额（亿元）") == ("assets", 1e4)
    assert match_header("从业人数(人)") == ("employees", 1.0)
    assert set(FIELD_LABELS) == set(FIELDS) and FIELD_LABELS["revenue"] == "营业收入（万元）"


def test_gbk_table_with_bad_rows():
    result = read_table(FIXTURES / "registry_gbk.csv", as_of=date(2025, 1, 1))
    reasons = {e.row: e.reason for e in result.rejected}
    assert result.rows_read == 9  # 10 data lines, one fully blank
    assert len(result.frame) + len(result.rejected) == result.rows_read
    assert list(result.frame["credit_code"]) == [GOOD, "914403001922038216"]
    assert reasons[3] == "统一社会信用代码校验码错误，应为E"
    assert reasons[4] == "从业人数不能为负数；“营业收入”不是数字: \"abc\""
    assert reasons[5] == "统一社会信用代码重复（与第2行）"
    assert reasons[6] == "统一社会信用代码为空"
    assert reasons[7].startswith("行业代码无法识别") and "行政区划代码不合法" in reasons[7]
    assert "日期格式无法识别" in reasons[8]
    assert reasons[9] == "成立日期晚于2025-01-01"
    row = result.frame.iloc[0]
    assert row["industry_code"] == "C1371" and row["region_code"] == "500229"
    assert row["established"] == pd.Timestamp("2015-03-01") and row["employees"] == 45
    assert not row["dishonest"] and not row["has_bank_loan"]
    assert row["qualifications"] == "高新技术企业;科技型中小企业"
    assert row["联系人"] == "张三"
    second = result.frame.iloc[1]
    assert pd.isna(second["revenue"]) and second["qualifications"] == ""  # — is unknown, 无 is none
    assert result.frame["dishonest"].dtype == "boolean"
    assert result.frame["established"].dtype == "datetime64[ns]"
    assert result.frame["employees"].dtype == "float64"


def test_utf8_bom_semicolons_and_other_aliases():
    result = read_table(FIXTURES / "registry_bom.csv")
    assert result.rejected == [] and len(result.frame) == 2
    first, second = result.frame.iloc[0], result.frame.iloc[1]
    assert first["established"] == pd.Timestamp("2012-03-05") and first["revenue"] == 300.5
    assert second["established"] == pd.Timestamp("2019-07-01") and second["revenue"] == 8500
    assert second["has_bank_loan"] and not second["dishonest"]
    assert second["qualifications"] == "高新技术企业;科技型中小企业"
    assert "taxable_income" not in result.fields and "revenue" in result.fields


def test_messy_cells_units_and_header_in_yuan():
    result = read_table(FIXTURES / "registry_messy.csv")
    first = result.frame.iloc[0]
    assert first["revenue"] == pytest.approx(1200.0)  # 12,000,000元 under 营业收入（元）
    assert first["assets"] == 2300 and first["rd_expense"] == 150 and first["employees"] == 45
    assert first["established"] == pd.Timestamp("2023-01-01")  # Excel serial 44927
    assert first["tax_credit"] == "A" and first["备注"] == "老客户"
    second = result.frame.iloc[1]
    assert second["revenue"] == pytest.approx(350.0) and second["assets"] == pytest.approx(1200.0)
    assert pd.isna(second["employees"]) and second["taxpayer_type"] == "小规模纳税人"
    (bad,) = result.rejected
    assert bad.row == 4 and bad.reason.count("；") == 3


def test_xlsx_with_title_row_and_typed_cells(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["城口县企业名录（2024年）"])
    sheet.append(["企业名称", "统一社会信用代码", "成立日期", "从业人数", "营业收入（万元）", "是否失信被执行人"])
    sheet.append(["甲公司", GOOD, datetime(2015, 3, 1), 45, 1200.5, False])
    sheet.append(["乙公司", GOOD2, "2019/7/1", -1, None, "否"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["丙公司", "91500229MA5U00001X", None, 3, 10, "是"])
    path = tmp_path / "名录.xlsx"
    book.save(path)
    result = read_table(path)
    assert result.rows_read == 3
    assert [(e.row, e.reason) for e in result.rejected] == [
        (4, "从业人数不能为负数"), (6, "统一社会信用代码校验码错误，应为B")
    ]
    row = result.frame.iloc[0]
    assert row["established"] == pd.Timestamp("2015-03-01") and row["revenue"] == 1200.5
    assert row["dishonest"] is False or row["dishonest"] == False  # noqa: E712
    assert read_table(io.BytesIO(path.read_bytes()), filename="x.xlsx").frame.equals(result.frame)


def test_ragged_and_blank_lines_keep_row_numbers():
    text = f"统一社会信用代码,企业名称\n{GOOD},甲\n\n{GOOD2},乙,多余\n91500229MA5U00002X,丙\n"
    result = read_table(text.encode("utf-8"), filename="t.csv")
    assert result.rows_read == 3 and len(result.frame) == 1
    assert [(e.row, e.reason[:4]) for e in result.rejected] == [(4, "列数不符"), (5, "统一社会")]


def test_gb18030_detected_and_tab_delimited():
    text = f"信用代码\t名称\t所有制\n{GOOD}\t重庆𠀀公司\t民营\n"
    result = read_table(text.encode("gb18030"))
    assert result.frame["name"].tolist() == ["重庆𠀀公司"] and result.frame["ownership"][0] == "民营"


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "P120"), (b"  \r\n", "P120"), (b"name,revenue\nx,1\n", "P126"), (b"\x00\x00\x00\x01\x02\x00\x00", "P122")],
)
def test_unreadable_files_raise_profile_error(data, code):
    with pytest.raises(ProfileError) as info:
        read_table(data, filename="t.csv")
    assert info.value.code == code


def test_vectorised_check_agrees_with_scalar_check():
    codes = [GOOD, GOOD2, "91110000802100433B", "914403001922038216"]
    codes += [c[:i] + ch + c[i + 1 :] for c in codes for i in (0, 9, 17) for ch in "0AY"]
    text = "统一社会信用代码\n" + "\n".join(codes) + "\n"
    result = read_table(text.encode())
    accepted = set(result.frame["credit_code"])
    first_seen = {c: codes.index(c) for c in codes}
    for i, code in enumerate(codes):
        expected = check_credit_code(code) is None and first_seen[code] == i
        assert (code in accepted and i == first_seen[code]) == expected, code


def test_frame_from_records_with_chinese_keys_and_placeholder_codes():
    result = frame_from_records(
        [{"营业收入": "500万元", "从业人数": 20, "资质": ["高新技术企业"], "established": date(2020, 1, 1)}],
        require_key=False,
    )
    (row,) = result.frame.itertuples()
    assert check_credit_code(row.credit_code) is None and row.revenue == 500 and row.employees == 20
    assert row.qualifications == "高新技术企业" and row.established == pd.Timestamp("2020-01-01")
    strict = frame_from_records([{"name": "甲"}, {"credit_code": GOOD, "dishonest": True}])
    assert [(e.row, e.reason) for e in strict.rejected] == [(1, "统一社会信用代码为空")]
    assert bool(strict.frame["dishonest"][0]) is True
    assert credit_code_check_char(row.credit_code[:17]) == row.credit_code[17]


_cells = st.one_of(
    # a bare CR ends a CSV record; lone surrogates (Cs) cannot be written to any file, so no table holds them
    st.text(st.characters(exclude_characters="\r", exclude_categories=("Cs",)), max_size=8),
    st.sampled_from(["", "-", "是", "否", "1,234万元", "2020-02-30", "2015年3月1日", "A级", "abc", "-3", "NULL"]),
    st.integers(-10, 10**6).map(str),
)
_headers = st.lists(
    st.sampled_from(["企业名称", "行业代码", "行政区划代码", "成立日期", "从业人数", "营业收入(元)", "纳税信用等级",
                     "是否失信被执行人", "纳税人类型", "资质", "备注", "有效发明专利"]),
    unique=True, max_size=6,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headers=_headers, data=st.data(), codes=st.lists(st.sampled_from([GOOD, GOOD2, "", "X", "91500229MA5U00001A"]), max_size=8))
def test_random_tables_never_raise_and_every_row_is_accounted_for(headers, data, codes):
    position = data.draw(st.integers(0, len(headers)))
    columns = headers[:position] + ["统一社会信用代码"] + headers[position:]
    rows = [data.draw(st.lists(_cells, min_size=len(columns), max_size=len(columns))) for _ in codes]
    for row, code in zip(rows, codes, strict=True):
        row[position] = code
    frame = pd.DataFrame(rows, columns=columns)
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    quoting = data.draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    buffer = frame.to_csv(index=False, sep=data.draw(st.sampled_from([",", ";", "\t"])), quoting=quoting)
    result = read_table(buffer.encode(encoding, errors="replace"), filename="t.csv")
    assert len(result.frame) + len(result.rejected) == result.rows_read
    assert result.rows_read <= len(rows)
    assert result.frame["credit_code"].is_unique
    assert all(e.reason for e in result.rejected)
    assert all(check_credit_code(c) is None for c in result.frame["credit_code"])


# --- real-world mess: layouts, formats and cells seen in registration, tax and credit exports ---

GOOD3 = "91500229MA5U00002E"


def _xlsx(sheets, path):
    book = Workbook()
    book.remove(book.active)
    for title, rows, merged in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cells in merged:
            sheet.merge_cells(cells)
    book.save(path)
    return path


def _csv(text, encoding="utf-8"):
    return read_table(text.encode(encoding), filename="t.csv", as_of=date(2025, 1, 1))


def test_statistical_form_with_title_filler_line_column_numbers_totals_and_notes():
    result = read_table(FIXTURES / "registry_form_gbk.csv", as_of=date(2025, 1, 1))
    assert result.rows_read == 4 and len(result.frame) + len(result.rejected) == result.rows_read
    assert [(e.row, e.reason) for e in result.skipped] == [
        (10, "合计行，不是企业，已跳过"), (11, "备注行，不是企业，已跳过"), (12, "落款行，不是企业，已跳过")
    ]
    assert [(e.row, e.reason) for e in result.rejected] == [
        (8, "统一社会信用代码无效：15位旧版注册号，不是统一社会信用代码（请查询该企业的18位代码）"),
        (9, "“从业人数”不是数字: \"约30\""),
    ]
    first, second = result.frame.iloc[0], result.frame.iloc[1]
    assert list(result.frame["credit_code"]) == [GOOD, GOOD3]  # leading ' and inner spaces dropped
    assert first["industry_code"] == "C1371" and first["region_code"] == "500229"
    assert first["established"] == pd.Timestamp("2015-03-01") and first["employees"] == 45
    assert first["revenue"] == 1200 and first["assets"] == pytest.approx(2300)  # 资产总计（亿元）
    assert first["qualifications"] == "高新技术企业;科技型中小企业" and not first["has_bank_loan"]
    assert second["industry_code"] == "F" and second["established"] == pd.Timestamp("2018-06-01")
    assert second["revenue"] == 150 and pd.isna(second["assets"]) and second["has_bank_loan"]
    assert second["qualifications"] == "" and first["序号"] == "1"


def test_title_and_blank_lines_above_header_keep_file_row_numbers_with_ragged_lines():
    text = f"城口县企业名录\n\n统一社会信用代码,企业名称\n{GOOD},甲\n\n{GOOD2},乙,多余\nX,丙\n"
    result = _csv(text)
    assert result.rows_read == 3 and list(result.frame["credit_code"]) == [GOOD]
    assert [(e.row, e.reason[:4]) for e in result.rejected] == [(6, "列数不符"), (7, "统一社会")]


def test_header_found_for_each_delimiter_even_below_a_sep_hint():
    for sep in (",", "\t", ";", "|"):
        result = _csv(f"sep={sep}\n统一社会信用代码{sep}企业名称{sep}营业收入\n{GOOD}{sep}甲{sep}1\n")
        assert list(result.frame["name"]) == ["甲"] and result.frame["revenue"][0] == 1, sep


@pytest.mark.parametrize(
    ("header", "field", "scale"),
    [("营业收入(元)", "revenue", 1e-4), ("营业收入（亿元）", "revenue", 1e4), ("营业收入/万元", "revenue", 1.0),
     ("营业收入 万元", "revenue", 1.0), ("营收（万）", "revenue", 1.0), ("营业收入【万元】", "revenue", 1.0),
     ("资产总额[亿元]", "assets", 1e4), ("上年度营业收入(单位：元)", "revenue", 1e-4),
     ("2023年营业收入（万元）", "revenue", 1.0), ("*统一社会信用代码", "credit_code", 1.0),
     ("企业名称（全称）", "name", 1.0), ("是否失信被执行人(是/否)", "dishonest", 1.0),
     ("从业人员期末人数（人）", "employees", 1.0), ("资产总计", "assets", 1.0)],
)
def test_headers_with_units_in_every_bracket_style(header, field, scale):
    assert match_header(header) == (field, scale)


@pytest.mark.parametrize("header", ["联系人", "营业收入2023", "名", "人", "注册资本（万元）", ""])
def test_headers_that_name_no_field(header):
    assert match_header(header) is None


def test_empty_unnamed_and_duplicate_columns_are_kept_apart():
    text = (f"统一社会信用代码,,企业名称,Unnamed: 3,营业收入,营业收入,备注,备注\n"
            f"{GOOD},,甲,,100,200,a,\n{GOOD2},,乙,x,,,,b\n")
    result = _csv(text)
    frame = result.frame
    assert list(frame["revenue"].fillna(-1)) == [100, -1]  # the first 营业收入 column is the field
    assert list(frame["营业收入.1"].fillna("")) == ["200", ""]
    assert list(frame["备注"].fillna("")) == ["a", ""] and list(frame["备注.1"].fillna("")) == ["", "b"]
    assert list(frame["列4"].fillna("")) == ["", "x"] and "列2" not in frame.columns


def test_xlsx_two_row_merged_header_on_the_second_sheet_after_an_instructions_sheet(tmp_path):
    guide = [["填表说明"], ["统一社会信用代码", "必填，18位"], ["营业收入", "单位：万元"]]
    table = [
        ["城口县重点企业名单"],
        ["序号", "基本信息", None, "经营指标（上年度）", None, "信用"],
        [None, "统一社会信用代码", "企业名称", "营业收入（万元）", "资产总额（亿元）", "失信被执行人"],
        [1, GOOD, "甲", 1200.5, 0.3, "否"],
        [2, 9.14403001922038e17, "乙", 80, None, "是"],
        [3, GOOD2, "丙", "—", 1, "是（已移出）"],
        ["合计", None, None, 1280.5, 1.3, None],
    ]
    merged = ["A1:F1", "A2:A3", "B2:C2", "D2:E2"]
    path = _xlsx([("说明", guide, []), ("空表", [], []), ("名单", table, merged)], tmp_path / "名单.xlsx")
    result = read_table(path)
    assert result.fields == ("credit_code", "name", "revenue", "assets", "dishonest")
    assert [e.row for e in result.rejected] == [5]
    assert result.rejected[0].reason.startswith("统一社会信用代码被Excel存成了数字（9.14403001922038E+17）")
    assert [(e.row, e.reason) for e in result.skipped] == [(7, "合计行，不是企业，已跳过")]
    assert list(result.frame["credit_code"]) == [GOOD, GOOD2]
    assert list(result.frame["assets"]) == [pytest.approx(3000), pytest.approx(10000)]
    assert result.frame["dishonest"].tolist() == [False, True] and result.frame["序号"][0] == "1"


def test_xlsx_datetimes_with_and_without_time(tmp_path):
    rows = [["统一社会信用代码", "成立日期"], [GOOD, datetime(2020, 3, 5)], [GOOD2, datetime(2020, 3, 5, 13, 30)],
            [GOOD3, 43895]]
    result = read_table(_xlsx([("S", rows, [])], tmp_path / "d.xlsx"))
    assert list(result.frame["established"]) == [pd.Timestamp("2020-03-05")] * 3


@pytest.mark.parametrize(
    ("raw", "reason"),
    [("500229000012345", "统一社会信用代码无效：15位旧版注册号，不是统一社会信用代码（请查询该企业的18位代码）"),
     ("9.14403E+17", "统一社会信用代码被Excel存成了数字（9.14403E+17），末几位已丢失；请将该列设为文本后重新填写"),
     ("91500229MA5U0001B", "统一社会信用代码长度不是18位（共17位）"),
     ("91500229MO5U00001B", "统一社会信用代码含非法字符“O”（代码不使用I、O、S、V、Z）"),
     ("91500229MA5U00001A", "统一社会信用代码校验码错误，应为B")],
)
def test_bad_credit_codes_say_why(raw, reason):
    result = _csv(f"统一社会信用代码\n{GOOD2}\n{raw}\n")
    assert [(e.row, e.reason) for e in result.rejected] == [(3, reason)]


@pytest.mark.parametrize(
    "raw", [GOOD.lower(), f"'{GOOD}", f" {GOOD[:4]} {GOOD[4:10]} {GOOD[10:]} ", "９１５００２２９ＭＡ５Ｕ００００１Ｂ",
            f'="{GOOD}"', f"\u3000{GOOD}\u00a0"],
)
def test_credit_codes_as_clerks_type_them(raw):
    result = _csv(f'统一社会信用代码,企业名称\n"{raw.replace(chr(34), chr(34) * 2)}",甲\n')
    assert result.rejected == [] and list(result.frame["credit_code"]) == [GOOD]


@pytest.mark.parametrize(
    ("industry", "code"),
    [("制造业", "C"), ("软件和信息技术服务业", "I65"), ("C3911 计算机整机制造", "C3911"),
     ("3911(计算机整机制造)", "C3911"), ("c 3911", "C3911"), ("C-制造业", "C"), ("3911", "C3911")],
)
def test_industry_as_code_name_or_both(industry, code):
    result = _csv(f"统一社会信用代码,所属行业\n{GOOD},{industry}\n")
    assert result.rejected == [] and result.frame["industry_code"][0] == code


@pytest.mark.parametrize(
    ("industry", "reason"),
    [("计算机", "行业代码无法识别（行业名称“计算机”对应多个行业代码"),
     ("不存在的行业", "行业代码无法识别（无法识别的行业名称：不存在的行业"),
     ("C6513", "行业代码无法识别（行业代码6513属于门类I，与字母C不一致）")],
)
def test_unresolvable_industry_is_rejected_with_reason(industry, reason):
    (error,) = _csv(f"统一社会信用代码,所属行业\n{GOOD},{industry}\n").rejected
    assert error.reason.startswith(reason)


@pytest.mark.parametrize(
    ("region", "code"),
    [("城口县", "500229"), ("重庆市城口县", "500229"), ("500229城口县", "500229"), ("500229.0", "500229"),
     ("重庆市城口县葛城街道滨河路1号", "500229"), ("四川省成都市锦江区", "510104"), ("成都市", "510100")],
)
def test_region_as_code_name_or_both(region, code):
    result = _csv(f"统一社会信用代码,所属地区\n{GOOD},{region}\n")
    assert result.rejected == [] and result.frame["region_code"][0] == code


@pytest.mark.parametrize("region", ["市中区", "成都市高新区", "火星"])
def test_ambiguous_or_unknown_region_names_are_rejected(region):
    (error,) = _csv(f"统一社会信用代码,所属地区\n{GOOD},{region}\n").rejected
    assert error.reason == f"行政区划无法识别（“{region}”不是唯一的区县名称，请填写6位行政区划代码）"


def test_qualifications_split_on_slashes_spaces_and_line_breaks():
    text = (f"统一社会信用代码,资质\n{GOOD},高新技术企业/科技型中小企业\n{GOOD2},国家高新技术企业  专精特新中小企业\n"
            f'{GOOD3},"专精特新 中小企业\r\n高新技术企业"\n914403001922038216,暂无\n')
    result = _csv(text)
    assert result.rejected == [] and list(result.frame["qualifications"]) == [
        "高新技术企业;科技型中小企业", "高新技术企业;专精特新中小企业", "专精特新中小企业;高新技术企业", ""
    ]


def test_utf16_tab_export_crlf_quoted_newlines_and_a_huge_cell():
    scope = "销售" * 300_000
    text = f'统一社会信用代码\t企业名称\t经营范围\r\n{GOOD}\t"甲\r\n分公司"\t{scope}\r\n{GOOD2}\t乙\t\r\n'
    result = read_table(text.encode("utf-16"), filename="t.txt")
    assert list(result.frame["name"]) == ["甲\r\n分公司", "乙"] and result.frame["scope"][0] == scope
    assert result.rows_read == 2 and result.rejected == []


def test_gb18030_only_characters_survive():
    text = f"统一社会信用代码,企业名称\n{GOOD},重庆𠮷野家餐饮有限公司\n"
    assert _csv(text, "gb18030").frame["name"][0] == "重庆𠮷野家餐饮有限公司"


@pytest.mark.parametrize(
    ("data", "filename", "code", "words"),
    [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "名录.xls", "P123", "已损坏"),
     (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "名录.csv", "P123", "已损坏"),
     ("<html><body><table><tr><td>统一社会信用代码</td></tr></table>".encode(), "x.xls", "P127", "网页"),
     (b"%PDF-1.7\n1 0 obj", "x.csv", "P122", "不是表格文件"),
     (b"\xef\xbb\xbf\r\n\r\n", "x.csv", "P120", "文件为空")],
)
def test_files_that_are_no_table_say_what_to_do(data, filename, code, words):
    with pytest.raises(ProfileError) as info:
        read_table(data, filename=filename)
    assert info.value.code == code and words in info.value.message


def test_content_decides_not_the_file_name(tmp_path):
    csv_bytes = f"统一社会信用代码,企业名称\n{GOOD},甲\n".encode()
    assert list(read_table(csv_bytes, filename="其实是csv.xlsx").frame["name"]) == ["甲"]
    xlsx = _xlsx([("S", [["统一社会信用代码", "企业名称"], [GOOD, "甲"]], [])], tmp_path / "a.xlsx")
    assert list(read_table(xlsx.read_bytes(), filename="其实是xlsx.csv").frame["name"]) == ["甲"]


def test_empty_workbook_and_header_only_tables(tmp_path):
    with pytest.raises(ProfileError) as info:
        read_table(_xlsx([("Sheet1", [], []), ("Sheet2", [], [])], tmp_path / "e.xlsx"))
    assert info.value.code == "P120"
    only = _xlsx([("S", [["统一社会信用代码", "企业名称"]], [])], tmp_path / "h.xlsx")
    for result in (read_table(only), _csv("统一社会信用代码,企业名称\r\n")):
        assert result.rows_read == 0 and result.frame.empty and "name" in result.fields
    with pytest.raises(ProfileError) as info:
        read_table(_xlsx([("说明", [["本表无数据"]], [])], tmp_path / "n.xlsx"))
    assert info.value.code == "P124" and "说明" in info.value.message


_preamble = st.lists(st.sampled_from(["城口县企业名录", "", "填报单位：县经信委,,填报日期：2024-05-06", "sep=,"]), max_size=3)
_footer = st.lists(st.sampled_from(["合计,,300", "备注：单位万元", "填表人：张三,审核人：李四", ",,"]), max_size=3)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(preamble=_preamble, footer=_footer, codes=st.lists(st.sampled_from([GOOD, GOOD2, GOOD3, "", "X", "12"]), max_size=6))
def test_preamble_and_footer_never_change_which_enterprises_are_read(preamble, footer, codes):
    body = [f"{c},企业{i},{i}" for i, c in enumerate(codes)]
    text = "\n".join([*preamble, "统一社会信用代码,企业名称,营业收入", *body, *footer]) + "\n"
    result = _csv(text)
    assert len(result.frame) + len(result.rejected) == result.rows_read == len(codes)
    expected = list(dict.fromkeys(c for c in codes if c in (GOOD, GOOD2, GOOD3)))
    assert list(result.frame["credit_code"]) == expected
    first_data_row = len(preamble) + 2
    assert {e.row for e in result.rejected} == {first_data_row + i for i, c in enumerate(codes)} - {
        first_data_row + codes.index(c) for c in expected}


def test_old_excel_xls_with_a_title_row_dates_and_a_bad_row(tmp_path):
    import datetime as dt

    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("说明").write(0, 0, "本表由市场监管系统导出")
    sheet = book.add_sheet("企业名录")
    sheet.write(0, 0, "2025年城口县企业名录")
    header = ["统一社会信用代码", "企业名称", "成立日期", "从业人数", "营业收入（元）", "是否有银行贷款记录"]
    for col, name in enumerate(header):
        sheet.write(2, col, name)
    dates = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    rows = [[GOOD, "城口县甲腊肉厂", dt.datetime(2019, 3, 5), 12, 3_000_000, "否"],
            [GOOD[:-1] + "0", "城口县乙公司", dt.datetime(2020, 1, 1), 5, 100_000, "是"]]
    for r, row in enumerate(rows, start=3):
        for col, value in enumerate(row):
            sheet.write(r, col, value, dates if isinstance(value, dt.datetime) else xlwt.Style.default_style)
    path = tmp_path / "名录.xls"
    book.save(str(path))
    result = read_table(path)
    assert result.rows_read == 2 and len(result.frame) == 1
    first = result.frame.iloc[0]
    assert first["name"] == "城口县甲腊肉厂"
    assert str(first["established"].date()) == "2019-03-05"
    assert first["revenue"] == 300.0  # 元 in the header, 万元 inside
    assert not first["has_bank_loan"]
    assert result.rejected[0].row == 5 and "校验码" in result.rejected[0].reason
