"""企业自查: which incentives and credit products apply to one enterprise, and why."""

import pandas as pd
import streamlit as st

from app_pages.shared import as_of, database, matcher, plain
from recommender.matching.marks import mark_received, received_by
from recommender.matching.profile_form import FORM_FIELDS, profile_frame, size_hint
from recommender.matching.push import mark_seen, new_for
from recommender.matching.report import result_sheet_html
from recommender.matching.selfcheck import explain_item

BADGE = {"eligible": ("符合", "green"), "unknown": ("待确认", "orange"), "ineligible": ("不符合", "gray")}

st.title("企业自查")
st.caption("查看贵企业可以申请的惠企政策和信贷产品，以及还缺哪些条件。")
m = matcher()
db = database()

mode = st.radio("企业信息来源", ["从企业名录查找", "手工填写"], horizontal=True)
profile = None
credit_code = None
if mode == "从企业名录查找":
    query = st.text_input("企业名称或统一社会信用代码", placeholder="例如：城口县 或 91500229…")
    if query.strip():
        hits = m.find(query)
        if hits.empty:
            st.warning("名录中没有找到匹配的企业，请检查输入或改用“手工填写”。")
        else:
            labels = [f"{r.name}（{r.credit_code}）" for r in hits.itertuples()]
            choice = st.selectbox(f"找到 {len(hits)} 家企业", range(len(hits)), format_func=labels.__getitem__)
            row = int(hits.index[choice])
            profile, credit_code = row, str(hits.iloc[choice]["credit_code"])
else:
    values = {}
    cols = st.columns(3)
    for n, (field, label, kind, options) in enumerate(FORM_FIELDS):
        with cols[n % 3]:
            if kind == "choice":
                values[field] = st.selectbox(label, ["（不填）", *options], key=f"form_{field}")
            elif kind == "number":
                values[field] = st.number_input(label, min_value=0.0, value=None, key=f"form_{field}")
            elif kind == "date":
                values[field] = st.date_input(label, value=None, key=f"form_{field}")
            else:
                values[field] = st.text_input(label, key=f"form_{field}")
    frame, problems = profile_frame(values, as_of())
    for problem in problems:
        st.error(plain(problem))
    st.info(f"按《统计上大中小微型企业划分办法（2017）》测算的企业规模：{size_hint(frame)}")
    profile = frame

if profile is None:
    st.stop()

received = received_by(db, credit_code) if credit_code else set()
fresh = new_for(db, credit_code) if credit_code else set()
search = st.text_input("按关键词筛选政策", placeholder="例如：贷款贴息、研发、租金")
ranked = m.recommend(profile, received=received, query=search)
if ranked.empty:
    st.info("没有找到相关的支持事项。")
    st.stop()

counts = ranked["status"].value_counts()
c1, c2, c3 = st.columns(3)
c1.metric("符合", int(counts.get("eligible", 0)))
c2.metric("待确认", int(counts.get("unknown", 0)))
c3.metric("不符合", int(counts.get("ineligible", 0)))

show = st.multiselect(
    "显示", ["符合", "待确认", "不符合"], default=["符合", "待确认"], key="selfcheck_show",
    placeholder="请选择要显示的结果"
)
explanations = {}
for rec in ranked[ranked["status_label"].isin(show)].itertuples():
    explanation = explain_item(m, profile, rec.item_id)
    explanations[rec.item_id] = explanation
    label, color = BADGE[rec.status]
    with st.container(border=True):
        head = f":{color}-badge[{label}] **{plain(rec.name)}** — {plain(rec.title)}"
        if rec.item_id in fresh:
            head += " :blue-badge[新推送]"
        if not rec.reviewed:
            head += " :violet-badge[规则未经审核]"
        st.markdown(head)
        st.text(f"支持内容：{rec.benefit or '见政策原文'}")
        if rec.valid_until:
            st.caption(plain(f"有效期至 {rec.valid_until} · 编号 {rec.item_id}"))
        with st.expander("为什么？"):
            for line in explanation.lines():
                st.text(line)
        if credit_code and st.button("已享受，隐藏此项", key=f"recv_{rec.item_id}"):
            mark_received(db, credit_code, rec.item_id)
            st.rerun()

if fresh and credit_code:
    mark_seen(db, credit_code, fresh)

one = m.frame.iloc[profile] if isinstance(profile, int) else profile.iloc[0]
sheet = result_sheet_html(
    pd.Series(one), ranked[ranked["status_label"].isin(show)], explanations, as_of()
)
st.download_button(
    "下载自查结果（可打印）", sheet, file_name="自查结果.html", mime="text/html"
)
