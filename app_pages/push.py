"""政策推送: queue a policy's items for every enterprise they fit; review and export the batch."""

import io

import streamlit as st

from app_pages.shared import database, matcher
from recommender.matching.push import approve, mark_exported, outbox, push_policy

st.title("政策推送")
st.caption("新政策发布后，自动找出符合条件的企业并生成推送消息；同一企业同一事项只推送一次。")
m = matcher()
db = database()
policies = {p.policy_id: p.title for p in m.catalog.policies if p.is_valid_on(m.as_of)}
policy_id = st.selectbox("政策", list(policies), format_func=lambda p: f"{policies[p]}（{p}）")
include_unknown = st.checkbox("同时推送给“待确认”的企业（提示其补充信息）")
if st.button("计算推送对象并放入待发箱", type="primary"):
    with st.spinner("正在匹配全部企业…"):
        result = push_policy(m, policy_id, db, include_unknown=include_unknown)
    st.success(f"新增推送 {result.created} 条；已推送过、本次跳过 {result.already_sent} 条。")

st.subheader("待发箱")
box = outbox(db, policy_id=policy_id)
if box.empty:
    st.info("该政策还没有推送消息。")
    st.stop()
pending = box[box["exported_at"].isna()]
st.metric("未导出的消息", len(pending))
shown = box.rename(
    columns={"enterprise_name": "企业名称", "credit_code": "统一社会信用代码", "item_name": "支持事项",
             "status": "匹配结果", "reason": "依据", "created_at": "生成时间", "approved": "已审核",
             "exported_at": "导出时间"}
)
st.dataframe(
    shown[["企业名称", "统一社会信用代码", "支持事项", "匹配结果", "已审核", "生成时间", "导出时间", "依据"]],
    hide_index=True,
    use_container_width=True,
)
keys = list(zip(pending["credit_code"], pending["item_id"], strict=True))
c1, c2 = st.columns(2)
if c1.button(f"全部审核通过（{len(keys)} 条）", disabled=not keys):
    approve(db, keys)
    st.rerun()
approved = pending[pending["approved"]]
if not approved.empty:
    buffer = io.BytesIO()
    approved.to_excel(buffer, index=False)
    if c2.download_button(
        f"导出已审核消息（{len(approved)} 条）",
        buffer.getvalue(),
        file_name=f"推送批次_{policy_id}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ):
        mark_exported(db, list(zip(approved["credit_code"], approved["item_id"], strict=True)))
