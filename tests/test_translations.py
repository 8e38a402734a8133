"""A bilingual notice (中英对照) is read from its Chinese lines alone."""

from recommender.text.extract import extract_policy
from recommender.text.translations import translations_blanked

BILINGUAL = """某市关于兑现外商投资奖励的公告（中英对照）

一、适用对象。本公告适用于在本市依法设立的外商投资企业，纳税信用等级为C级、D级的企业不予奖励。

I. Eligible applicants. This notice applies to foreign-invested enterprises lawfully established in the city; enterprises rated C or D in tax credit are not eligible.

二、增资奖励。年度实际到资额在500万美元以上的，按到资额的百分之一给予奖励，最高一百万元。

II. Award for capital increase. Where paid-in capital reaches USD 5 million or more in a year, an award of 1 percent is granted, up to RMB 1 million.
"""


def test_lines_of_latin_prose_are_blanked_keeping_every_offset():
    blanked = translations_blanked(BILINGUAL)
    assert len(blanked) == len(BILINGUAL) and blanked.count("\n") == BILINGUAL.count("\n")
    assert "Eligible" not in blanked and "Award" not in blanked
    assert "纳税信用等级为C级、D级的企业不予奖励" in blanked  # a Chinese line naming grades in Latin letters stays
    assert translations_blanked("对A级纳税人给予支持，GEP核算按省标准执行。") == "对A级纳税人给予支持，GEP核算按省标准执行。"


def test_a_bilingual_notice_yields_no_condition_from_its_translation():
    items = extract_policy(BILINGUAL, "bilingual", {"region_code": "210800"}).items
    assert len(items) == 1
    conditions = items[0].conditions
    assert ("not_in", "tax_credit", ("C", "D")) in {(c.op, c.field, c.value) for c in conditions}
    assert not any(any("a" <= ch.lower() <= "z" for ch in c.text) and "级" not in c.text for c in conditions)


def test_a_uyghur_or_tibetan_rendering_beside_the_chinese_is_left_unread():
    text = ("一、对在本市注册的纺织企业给予奖励。\n"
            "بىر، بۇ ئۇقتۇرۇش قەشقەر شەھىرىدە تىزىملاتقان توقۇمىچىلىق كارخانىلىرىغا مۇكاپات بېرىلىدۇ.\n"
            "ཡིག་ཆ་འདི་ནི་ཁུལ་འདིར་ཐོ་འགོད་བྱས་པའི་ཁེ་ལས་ལ་ཕན་པ་ཡིན།\n")
    lines = translations_blanked(text).split("\n")
    assert lines[0] == "一、对在本市注册的纺织企业给予奖励。" and not lines[1].strip() and not lines[2].strip()
    assert len(translations_blanked(text)) == len(text)
