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
    st.text(st.characters(exclude_characters="\r"), max_size=8),  # a bare CR ends a CSV record
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
