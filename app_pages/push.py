"""政策推送: queue a policy's items for every enterprise they fit; review and export the batch."""

import streamlit as st

from app_pages.shared import database, matcher
from recommender.matching.push import (
    approve,
    mark_exported,
    outbox,
    outbox_view,
    outbox_xlsx,
    push_policy,
)

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
c1, c2 = st.columns(2)
c1.metric("该政策的推送消息", len(box))
c2.metric("未导出的消息", len(pending))
st.dataframe(outbox_view(box), hide_index=True, width="stretch")
keys = list(zip(pending["credit_code"], pending["item_id"], strict=True))
b1, b2 = st.columns(2)
if b1.button(f"全部审核通过（{len(keys)} 条）", disabled=not keys):
    approve(db, keys)
    st.rerun()
approved = pending[pending["approved"]]
if not approved.empty and b2.download_button(
    f"导出已审核消息（{len(approved)} 条）",
    outbox_xlsx(approved),
    file_name=f"推送批次_{policy_id}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
):
    mark_exported(db, list(zip(approved["credit_code"], approved["item_id"], strict=True)))
    st.rerun()
