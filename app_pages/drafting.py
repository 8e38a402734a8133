"""政策起草: how far a draft reaches, what moving a threshold changes, who gains and who loses."""

import streamlit as st

from app_pages.shared import draft, item_label, matcher, plain
from recommender.errors import PolicyMatchError
from recommender.matching.drafting import (
    closest_item,
    conditions_table,
    curve_chart,
    item_from_table,
    movers_table,
    numeric_conditions,
    overlap_table,
    reach_at,
    reach_chart,
)
from recommender.matching.drafting_text import draft_from_upload, sweep_values
from recommender.rules.whatif import compare, reach_by, sweep

DIMENSION_TITLES = {"section": "按行业门类", "size": "按企业规模", "region": "按注册地"}

st.title("政策起草")
st.caption("粘贴或上传政策草案，系统读取支持事项和申报条件；修改条件即可看到覆盖面的变化。")
m = matcher()

c1, c2 = st.columns([3, 1])
upload = c2.file_uploader("上传草案", type=["txt", "md", "docx", "pdf"])
region = c2.text_input("适用地区代码（“本县/本市”按此理解）", value="500229")
if upload is not None:
    try:
        text = draft_from_upload(upload.name, upload.getvalue())
    except PolicyMatchError as exc:
        st.error(plain(exc.message))
        st.stop()
else:
    text = c1.text_area("草案正文", height=260, placeholder="第一条 为支持……\n第二条 申报条件……")
if not text.strip():
    st.info("请粘贴草案正文或上传文件。")
    st.stop()

policy = draft(text, region.strip() or None)
if not policy.items:
    st.warning("没有从草案中读到支持事项（给予补助、奖励、贴息、贷款等）。请检查草案表述。")
    st.stop()
labels = {i.item_id: f"{n}. {i.name}" for n, i in enumerate(policy.items, 1)}
item_id = st.selectbox("支持事项", list(labels), format_func=labels.get)
item = next(i for i in policy.items if i.item_id == item_id)

st.subheader("申报条件（可修改）")
st.caption("取消勾选可去掉一个条件；修改“取值”可调整门槛。")
edited = st.data_editor(
    conditions_table(item), key=f"edit_{item_id}", hide_index=True, width="stretch",
    num_rows="dynamic",
)
try:
    draft_item = item_from_table(item, edited)
except PolicyMatchError as exc:
    st.error(plain(exc.message))
    st.stop()
if draft_item.benefits:
    st.text("支持内容：" + "；".join(b.text for b in draft_item.benefits))

engine = m.engine
status = engine.item_status(draft_item)
k1, k2, k3 = st.columns(3)
k1.metric("符合", f"{int((status == 1).sum()):,}")
k2.metric("待确认", f"{int((status == 0).sum()):,}")
k3.metric("不符合", f"{int((status == -1).sum()):,}")

st.subheader("覆盖面分布")
by = reach_by(engine, draft_item)
cols = st.columns(3)
for col, (dimension, title) in zip(cols, DIMENSION_TITLES.items(), strict=True):
    col.caption(title)
    col.bar_chart(reach_chart(by, dimension))

numeric = numeric_conditions(draft_item)
if numeric:
    st.subheader("调整门槛")
    index = st.selectbox("门槛条件", list(numeric), format_func=numeric.get)
    values = sweep_values(engine, draft_item, index)
    curve = sweep(engine, draft_item, index, list(values))
    current = float(draft_item.conditions[index].value)
    chosen = st.select_slider(
        "门槛取值", options=list(values), value=current, format_func=lambda v: f"{v:g}"
    )
    st.metric(f"门槛为 {chosen:g} 时符合条件的企业", f"{reach_at(curve, chosen):,}")
    st.line_chart(curve_chart(curve))

published = list(m.catalog.items)
if published:
    st.subheader("与已发布政策比较")
    options = [p.item_id for p in published]
    closest = closest_item(m, draft_item)
    base_id = st.selectbox(
        "对照的已发布事项", options, index=options.index(closest) if closest else 0,
        format_func=lambda i: item_label(m, i),
    )
    result = compare(engine, m.catalog.item(base_id), draft_item)
    g1, g2 = st.columns(2)
    for col, title, moved in ((g1, "新增符合的企业", result.gains), (g2, "不再符合的企业", result.losses)):
        col.metric(title, f"{len(moved):,}")
        if len(moved):
            col.dataframe(movers_table(m.frame, moved), hide_index=True, width="stretch")
    st.caption("与现有事项的重叠：草案符合企业中，同时符合各现有事项的企业数")
    st.dataframe(overlap_table(engine, draft_item, published), hide_index=True, width="stretch")
