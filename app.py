"""Streamlit entry point: the page router and the shared sidebar only."""

import streamlit as st

from app_pages.shared import sidebar

st.set_page_config(page_title="惠企政策精准匹配", page_icon=":material/account_balance:", layout="wide")

pages = [
    st.Page("app_pages/selfcheck.py", title="企业自查", icon=":material/search:", default=True),
    st.Page("app_pages/outreach.py", title="招商外联", icon=":material/call:"),
    st.Page("app_pages/push.py", title="政策推送", icon=":material/send:"),
    st.Page("app_pages/drafting.py", title="政策起草", icon=":material/edit_document:"),
    st.Page("app_pages/data.py", title="数据管理", icon=":material/folder_managed:"),
]
page = st.navigation(pages)
sidebar()
page.run()
