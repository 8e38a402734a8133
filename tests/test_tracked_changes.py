"""A draft's tracked changes read as accepted, from pandoc's markup, HTML and a Word file's own revisions."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from recommender.text.extract import extract_policy
from recommender.text.loaders import load_document
from recommender.text.tracked_changes import accepted

_DRAFT = """# 某县支持小微企业发展若干措施（征求意见稿）

一、申报企业应在本县注册登记，[纳税信用等级为A级，]{.deletion author="甲" date="2025-03-11T09:02:00Z"}\
[纳税信用等级为B级以上，]{.insertion author="甲" date="2025-03-11T09:02:00Z"}未被列入失信被执行人名单。

二、设备更新奖励。对[设备投资额300万元以上的]{.deletion author="乙"}[设备投资额200万元以上的]{.insertion author="乙"}\
小微企业，按投资额的10%给予奖励，最高50万元。[建议写明上限。]{.comment-start id="1" author="丙"}\
[申报企业上年度营业收入须在500万元以上。]{.insertion author="乙"}[]{.comment-end id="1"}

[三、物流补贴。对从事农产品收购的企业，按运费的20%给予补贴，最高15万元。]{.deletion author="丁"}
"""


def test_pandoc_insertions_stay_deletions_and_comments_go() -> None:
    text = accepted(_DRAFT)
    assert "纳税信用等级为B级以上，未被列入" in text and "A级" not in text
    assert "设备投资额200万元以上的小微企业" in text and "300万元" not in text
    assert "建议写明上限" not in text and "物流补贴" not in text and "]{." not in text


def test_html_ins_and_del_are_accepted() -> None:
    assert accepted("成立满<del>2</del><ins>1</ins>年的企业") == "成立满1年的企业"


def test_a_draft_with_tracked_changes_is_read_in_its_accepted_wording() -> None:
    policy = extract_policy(_DRAFT, "draft", {"region_code": "500229"})
    assert len(policy.items) == 1 and "物流" not in policy.items[0].text
    conditions = policy.items[0].conditions
    assert any(c.field == "tax_credit" and "B" in c.value for c in conditions)
    assert any(c.field == "revenue" and c.value == 500 for c in conditions)
    assert not any(c.field == "tax_credit" and c.value in ("A", ["A"]) for c in conditions)


def _revision(tag: str, text: str) -> OxmlElement:
    change = OxmlElement(tag)
    change.set(qn("w:id"), "1")
    change.set(qn("w:author"), "审稿人")
    run = OxmlElement("w:r")
    node = OxmlElement("w:delText" if tag == "w:del" else "w:t")
    node.text = text
    run.append(node)
    change.append(run)
    return change


def test_a_word_file_with_unaccepted_revisions_is_read_as_accepted(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("申报企业纳税信用等级应为")
    paragraph._p.append(_revision("w:del", "A级"))
    paragraph._p.append(_revision("w:ins", "B级以上"))
    paragraph.add_run("。")
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.paragraphs[0].add_run("成立满")
    cell.paragraphs[0]._p.append(_revision("w:ins", "1年"))
    path = tmp_path / "draft.docx"
    document.save(str(path))
    text = load_document(path).text
    assert "申报企业纳税信用等级应为B级以上。" in text and "A级" not in text
    assert "| 成立满1年 |" in text
