"""规划原文: search the plan's own words and read it chapter by chapter."""

import streamlit as st

from lib import params, search
from pages._shared import query_values, url_notice

ALL_SECTIONS = "全章"


@st.cache_data(show_spinner=False, max_entries=256)
def find(query: str):
    return search.search(query, limit=50), search.count(query)


label_by_code = dict(search.chapter_choices())
chapter_labels = list(label_by_code.values())

# Links from other pages carry plain codes (?chapter=第十一章&section=第一节).
problems = {}
raw_chapter = query_values("chapter")
if raw_chapter and raw_chapter[0] in label_by_code:
    st.session_state["chapter"] = label_by_code[raw_chapter[0]]
elif raw_chapter and raw_chapter[0] not in chapter_labels:
    problems["chapter"] = raw_chapter
query_too_long = [q for q in query_values("q") if len(q) > search.MAX_QUERY]
if query_too_long:
    problems["q"] = query_too_long

st.title("规划原文")
st.caption("《重庆市国民经济和社会发展第十三个五年规划纲要》全文（2016年2月）。可全文检索，也可按目录逐章阅读。")

query = st.text_input("全文检索（多个词用空格分开）", key="q", bind="query-params", max_chars=search.MAX_QUERY, placeholder="如：页岩气、渝新欧、脱贫、轨道交通")
words = search.terms(query or "")
if words:
    results, total = find(" ".join(words))
    if results.empty:
        st.info(f"没有找到包含“{params.shorten(' '.join(words))}”的段落。换一个词，或减少检索词试试。")
    else:
        st.markdown(f"找到 **{total}** 段" + ("，显示前 50 段" if total > 50 else ""))
        for row in results.to_dict("records"):
            with st.container(border=True):
                st.caption(search.markdown_escape(search.breadcrumb(row)))
                st.markdown(search.highlight_markdown(search.snippet(row["text"], words), words))
                st.page_link(
                    "pages/plan_reader.py",
                    label="阅读本节",
                    icon=":material/menu_book:",
                    query_params={"chapter": row["chapter"], **({"section": row["section"]} if row["section"] else {})},
                )

st.divider()
st.subheader("按目录阅读")
chapter_label = st.selectbox("章", chapter_labels, key="chapter", bind="query-params")
chapter = chapter_label.split(" ")[0]
section_codes = dict(search.section_choices(chapter))
section_labels = [ALL_SECTIONS, *section_codes.values()]
raw_section = query_values("section")
if raw_section and raw_section[0] in section_codes:
    st.session_state["section"] = section_codes[raw_section[0]]
elif raw_section and raw_section[0] not in section_labels:
    problems["section"] = raw_section
url_notice(problems)
section_label = st.selectbox("节", section_labels, key="section", bind="query-params")
section = "" if section_label == ALL_SECTIONS else section_label.split(" ")[0]

if search.has_redaction(chapter, section):
    st.info(search.REDACTION_NOTE, icon=":material/visibility_off:")
for kind, block in search.reading_blocks(chapter, section):
    if kind == "box_rows":
        st.text(block)
    else:
        st.markdown(block)
