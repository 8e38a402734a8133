"""A printable self-check result sheet (HTML) an enterprise can hand to a bank or service window."""

from __future__ import annotations

from datetime import date
from html import escape

import pandas as pd

from recommender.matching.explain import Explanation

__all__ = ["result_sheet_html"]

_STYLE = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.5em;margin-bottom:.2em} .meta{color:#555;margin-bottom:1.5em}
.item{border:1px solid #ccc;border-radius:6px;padding:.8em 1em;margin:.8em 0;page-break-inside:avoid}
.badge{display:inline-block;padding:0 .5em;border-radius:4px;color:#fff;font-size:.9em;margin-right:.5em}
.eligible{background:#2e7d32}.unknown{background:#ef6c00}.ineligible{background:#9e9e9e}
ul{margin:.3em 0 .2em 1.2em;padding:0} .foot{margin-top:2em;color:#777;font-size:.85em}
"""


def result_sheet_html(
    enterprise: pd.Series,
    ranked: pd.DataFrame,
    explanations: dict[str, Explanation],
    as_of: date,
) -> str:
    """A self-contained HTML page; every piece of user text is escaped."""
    name = escape(str(enterprise.get("name") or "（未填写企业名称）"))
    code = escape(str(enterprise.get("credit_code") or ""))
    parts = [
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>{name} 惠企政策自查结果</title><style>{_STYLE}</style></head><body>",
        f"<h1>{name} 惠企政策自查结果</h1>",
        f"<div class='meta'>统一社会信用代码：{code}　基准日期：{as_of.isoformat()}　"
        f"共 {len(ranked)} 项</div>",
    ]
    for rec in ranked.itertuples():
        parts.append("<div class='item'>")
        parts.append(
            f"<span class='badge {escape(rec.status)}'>{escape(rec.status_label)}</span>"
            f"<strong>{escape(rec.name)}</strong>　{escape(rec.title)}"
        )
        if rec.benefit:
            parts.append(f"<div>支持内容：{escape(rec.benefit)}</div>")
        if rec.valid_until:
            parts.append(f"<div>有效期至：{escape(rec.valid_until)}</div>")
        explanation = explanations.get(rec.item_id)
        if explanation is not None:
            lines = "".join(f"<li>{escape(line)}</li>" for line in explanation.lines())
            parts.append(f"<ul>{lines}</ul>")
        parts.append("</div>")
    parts.append(
        "<div class='foot'>本结果由惠企政策精准匹配系统根据企业填报信息自动生成，仅供参考，"
        "以主管部门审核为准。</div></body></html>"
    )
    return "".join(parts)
