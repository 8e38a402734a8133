"""数据管理: upload enterprise tables and policy documents; review extracted rules against the text."""

import streamlit as st

from app_pages.shared import bump_data, database, plain, policies
from recommender.errors import PolicyMatchError
from recommender.matching.datafiles import (
    import_enterprises,
    preview_enterprises,
    rejected_csv,
    review_source,
    save_reviewed_yaml,
    save_upload,
)

st.title("数据管理")
tab_ent, tab_doc, tab_review = st.tabs(["企业名录", "上传政策文件", "审核规则"])

with tab_ent:
    st.caption("支持 CSV（UTF-8 或 GBK）和 Excel（.xlsx），表头可用中文；有问题的行会列出行号和原因，其余行照常导入。")
    upload = st.file_uploader("企业名录文件", type=["csv", "xlsx"], key="ent_upload")
    if upload is not None:
        try:
            with st.spinner("正在校验企业名录…"):
                result = preview_enterprises(upload.name, upload.getvalue())
        except PolicyMatchError as exc:
            st.error(plain(exc.message))
        else:
            c1, c2, c3 = st.columns(3)
            c1.metric("读取行数", result.rows_read)
            c2.metric("可导入", len(result.frame))
            c3.metric("有问题的行", len(result.rejected))
            if result.rejected:
                errors = rejected_csv(result.rejected)
                st.dataframe(errors, hide_index=True, width="stretch")
                st.download_button(
                    "下载问题行清单", errors.to_csv(index=False).encode("utf-8-sig"),
                    file_name="问题行.csv", mime="text/csv",
                )
            if len(result.frame) and st.button("导入数据库", type="primary"):
                with st.spinner("正在写入数据库…"):
                    stats = import_enterprises(result.frame, database())
                bump_data()
                st.success(
                    f"导入完成：新增 {stats.inserted} 家，更新 {stats.updated} 家，未变 {stats.unchanged} 家。"
                )

with tab_doc:
    st.caption("支持 .txt、.md、.docx 和带文字层的 .pdf；文件名即政策编号。上传后系统自动读取条件，可在“审核规则”中核对。")
    doc = st.file_uploader("政策文件", type=["txt", "md", "docx", "pdf"], key="doc_upload")
    if doc is not None and st.button("保存并读取"):
        try:
            with st.spinner("正在读取政策文件…"):
                policy = save_upload(doc.name, doc.getvalue())
        except PolicyMatchError as exc:
            st.error(plain(exc.message))
        else:
            bump_data()
            st.success(plain(f"已保存“{policy.title or policy.policy_id}”，读取到 {len(policy.items)} 个支持事项。"))

with tab_review:
    everything = {p.policy_id: p for p in policies()}
    unreviewed_first = sorted(everything.values(), key=lambda p: (p.reviewed, p.policy_id))
    policy_id = st.selectbox(
        "政策",
        [p.policy_id for p in unreviewed_first],
        format_func=lambda i: ("" if everything[i].reviewed else "【未审核】") + f"{everything[i].title}（{i}）",
    )
    if policy_id:
        text, draft = review_source(everything[policy_id])
        left, right = st.columns(2)
        left.caption("政策原文")
        left.text_area("原文", text, height=520, disabled=True, label_visibility="collapsed")
        right.caption("规则（YAML，可编辑）")
        edited = right.text_area("规则", draft, height=520, key=f"yaml_{policy_id}",
                                 label_visibility="collapsed")
        if st.button("校验并保存为已审核规则", type="primary"):
            errors = save_reviewed_yaml(everything[policy_id], edited)
            if errors:
                for err in errors:
                    st.error(plain(f"{err.code}：{err.message}"))
            else:
                bump_data()
                st.success("已保存，匹配结果将按审核后的规则计算。")
