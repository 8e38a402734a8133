"""招商外联: for one support item, the enterprises to call first."""

import streamlit as st

from app_pages.shared import database, item_label, matcher
from recommender.matching.marks import marks_for_item, set_mark
from recommender.matching.outreach import OutreachFilter, outreach, outreach_view, outreach_xlsx
from recommender.storage.tracking import OUTREACH_STATES

STATUS_OPTIONS = {"符合": "eligible", "待确认": "unknown", "不符合": "ineligible"}

st.title("招商外联")
st.caption("选择一个支持事项，按匹配程度列出应优先联系的企业，可导出名单并记录联系进展。")
m = matcher()
db = database()
item_ids = [i.item_id for i in m.catalog.items]
if not item_ids:
    st.info("当前没有有效的支持事项。")
    st.stop()
item_id = st.selectbox("支持事项", item_ids, format_func=lambda i: item_label(m, i))

options = m.filter_options()
c1, c2, c3, c4 = st.columns(4)
regions = c1.multiselect(
    "注册地", list(options["region"]), format_func=options["region"].get, placeholder="不限"
)
sections = c2.multiselect(
    "行业门类", list(options["section"]), format_func=options["section"].get, placeholder="不限"
)
sizes = c3.multiselect("企业规模", ["大型", "中型", "小型", "微型"], placeholder="不限")
statuses = c4.multiselect(
    "匹配结果", list(STATUS_OPTIONS), default=["符合", "待确认"], placeholder="不限"
)

flt = OutreachFilter(
    tuple(regions), tuple(sections), tuple(sizes), tuple(STATUS_OPTIONS[s] for s in statuses)
)
table = outreach(m, item_id, flt)
marks = marks_for_item(db, item_id)
table = table.merge(marks[["credit_code", "state", "note"]], on="credit_code", how="left")
table["state"] = table["state"].fillna(OUTREACH_STATES[0])

counts = table["status_label"].value_counts()
k1, k2, k3 = st.columns(3)
k1.metric("名单企业", f"{len(table):,}")
k2.metric("符合", f"{int(counts.get('符合', 0)):,}")
k3.metric("待确认", f"{int(counts.get('待确认', 0)):,}")

st.dataframe(outreach_view(table), hide_index=True, width="stretch")
st.download_button(
    "导出外联名单（Excel）",
    outreach_xlsx(table),
    file_name=f"外联名单_{item_id.replace('#', '_')}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)

st.subheader("记录联系进展")
if not table.empty:
    with st.form("mark"):
        labels = dict(zip(table["credit_code"], table["name"].fillna(""), strict=True))
        code = st.selectbox("企业", list(labels), format_func=lambda c: f"{labels[c]}（{c}）")
        state = st.radio("进展", OUTREACH_STATES, horizontal=True)
        note = st.text_input("备注")
        if st.form_submit_button("保存"):
            set_mark(db, code, item_id, state, note)
            st.success("已保存。")
            st.rerun()
