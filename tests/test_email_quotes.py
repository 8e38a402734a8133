"""An e-mail thread pasted whole: quoted messages unquoted, mail headers dropped."""

from __future__ import annotations

from recommender.text.email_quotes import email_quotes
from recommender.text.extract import extract_policy

_THREAD = """发件人：某区工信局 <a@example.cn>
发送时间：2025年4月22日 16:05
收件人：某银行 <b@example.cn>
主题：回复：转发：关于印发支持措施的通知

张经理：来信收悉，现转来措施，请做好对接。

> 发件人：某区工信局 <a@example.cn>
> 发送时间：2025年4月18日 09:15
> 主题：转发：关于印发支持措施的通知
>
>> 某区2025年中小企业支持措施
>>
>> 本措施适用于在本区依法登记注册的中小微企业，纳税信用等级须为B级以上。
>>
>> 一、首贷贴息。对此前无任何银行贷款记录的企业，按首笔贷款实际支付利息的50%给予贴息，单户最高8万元。
>>
>> 二、技术改造补助。制造业企业上年度营业收入不低于2000万元的，按设备投资额的8%给予补助，最高50万元。
"""


def test_quote_marks_and_mail_headers_go_but_the_words_stay() -> None:
    text = email_quotes(_THREAD)
    assert "发件人" not in text and "主题" not in text and "\n>" not in text
    assert "\n二、技术改造补助。制造业企业上年度营业收入不低于2000万元的" in text


def test_a_markdown_quote_without_mail_headers_is_left_alone() -> None:
    text = "> 本措施适用于在本区注册的企业。\n\n一、首贷贴息。\n"
    assert email_quotes(text) == text


def test_the_forwarded_notice_in_a_thread_yields_its_measures() -> None:
    items = extract_policy(_THREAD, "thread", {"region_code": "520302"}).items
    assert [item.name for item in items] == ["首贷贴息", "技术改造补助"]
    first, second = (item.conditions for item in items)
    assert any(c.field == "has_bank_loan" and c.value is False for c in first)
    assert any(c.field == "revenue" and c.value == 2000 for c in second)
    assert all(any(c.field == "tax_credit" for c in conditions) for conditions in (first, second))
