"""指标总览: 专栏1 and 专栏2 as printed, with the pace each target requires."""

import pandas as pd
import streamlit as st

from lib import params, schemas, tables
from lib.exports import to_csv_bytes, to_excel_bytes
from pages._shared import DIFFICULTY_NOTE, STATUS_ICONS, plain_errors, query_values, url_notice
from pages import _compat

_compat.ensure_navigation()

TABLE_CHOICES = {"专栏2 “十三五”（2015→2020）": 2, "专栏1 “十二五”（2010→2015）": 1}
PILLAR_CHOICES = list(schemas.PILLARS)
ATTRIBUTE_CHOICES = list(schemas.ATTRIBUTES)
KIND_CHOICES = [label for kind, label in tables.KIND_LABELS.items() if kind != "group"]
KIND_BY_LABEL = {label: kind for kind, label in tables.KIND_LABELS.items()}
MAX_QUERY = 60
HIDDEN = ["indicator_id", "kind", "status", "五大发展", "类型"]


st.title("指标总览")
st.caption("专栏1、专栏2按原表顺序、编号与分组列出，数值照原文（含“左右”“＞”“【】”），右侧为计算列。" + DIFFICULTY_NOTE)

url_notice(
    {
        "table": params.invalid_choices(query_values("table"), TABLE_CHOICES),
        "pillar": params.invalid_choices(query_values("pillar"), PILLAR_CHOICES),
        "attribute": params.invalid_choices(query_values("attribute"), ATTRIBUTE_CHOICES),
        "kind": params.invalid_choices(query_values("kind"), KIND_CHOICES),
        "q": [q for q in query_values("q") if len(q) > MAX_QUERY],
    }
)

# Pills rather than drop-down menus: every option is visible and one click away
# (also on a projector), and a first visit loads far less code for them
# (bench/component_costs.py: pills +0.08 s, a multiselect +0.23 s).
top = st.columns([3, 2], vertical_alignment="bottom")
table_label = top[0].segmented_control(
    "指标表", list(TABLE_CHOICES), default=list(TABLE_CHOICES)[0], key="table", bind="query-params", required=True
)
table_no = TABLE_CHOICES.get(table_label, 2)
query = top[1].text_input("搜索指标", key="q", bind="query-params", max_chars=MAX_QUERY, placeholder="如：森林、收入、PM2.5")

filters = st.columns([3, 1.3, 4.2])
pillars = filters[0].pills(
    "五大发展（仅专栏2）", PILLAR_CHOICES, selection_mode="multi", key="pillar", bind="query-params", disabled=table_no == 1, wrap=True
)
attributes = filters[1].pills("指标属性", ATTRIBUTE_CHOICES, selection_mode="multi", key="attribute", bind="query-params", wrap=True)
kinds = filters[2].pills("类型", KIND_CHOICES, selection_mode="multi", key="kind", bind="query-params", wrap=True)

with plain_errors():
    table = tables.indicator_table(table_no)  # built once per process; a copy each call
shown = tables.filter_table(
    table,
    pillars=pillars if table_no == 2 else None,
    attributes=attributes,
    kinds=[KIND_BY_LABEL[k] for k in kinds],
    query=query or "",
)
if table_no == 2:
    shown = shown.assign(
        难度=[f"{STATUS_ICONS.get(s, '')} {label}" if isinstance(s, str) else "" for s, label in zip(shown.status, shown.难度)],
        # Shown as text so a missing ratio reads "―", never "None".
        **{
            "以往÷所需": [
                "" if kind == "group" else f"{r * 100:.0f}%" if pd.notna(r) else "―"
                for r, kind in zip(shown["以往÷所需"], shown.kind)
            ]
        },
    )

st.markdown(f"**{tables.TABLE_TITLES[table_no]}** · 显示 {len(shown)} / {len(table)} 行")
if shown.empty:
    st.info("没有符合筛选条件的指标。请放宽筛选或清空搜索框。")
selection = st.dataframe(
    shown,
    hide_index=True,
    column_order=[c for c in shown.columns if c not in HIDDEN],
    column_config={
        "以往÷所需": st.column_config.TextColumn("以往÷所需", help="R = 方向 × 以往速度 ÷ |所需速度|"),
        "指标": st.column_config.TextColumn("指标", width="large"),
        "序号": st.column_config.TextColumn("序号", width=40),
        "属性": st.column_config.TextColumn("属性", width=60),
    },
    on_select="rerun",
    selection_mode="single-row",
    key="rows",
    height=min(38 + 35 * max(len(shown), 1), 720),
)

download_frame = shown.drop(columns=["kind", "status"], errors="ignore")
left, right, _ = st.columns([1, 1, 4])
# The files are built only when clicked, so filtering stays fast.
left.download_button(
    "下载 CSV", lambda: to_csv_bytes(download_frame), file_name=f"zhuanlan{table_no}.csv", mime="text/csv", icon=":material/download:"
)
right.download_button(
    "下载 Excel",
    lambda: to_excel_bytes(download_frame, f"专栏{table_no}"),
    file_name=f"zhuanlan{table_no}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table_view:",
)

rows = selection.selection.rows if selection else []
if rows:
    chosen = shown.iloc[rows[0]]
    source = tables.source_of(chosen.indicator_id)
    with st.container(border=True):
        st.subheader(chosen["指标"].strip())
        st.markdown(
            f"**出处**：{source['chapter']}“{source['chapter_title']}” {source['section']}“{source['section_title']}”，"
            f"{source['box']}《{source['box_title']}》第 {source['row']} 行"
        )
        st.text(source["row_text"])
        for note in source["notes"]:
            st.caption(note)
        st.page_link(
            "pages/plan_reader.py",
            label="在规划原文中阅读",
            icon=":material/menu_book:",
            query_params={"chapter": source["chapter"], "section": source["section"]},
        )
        if chosen.kind != "group":
            st.page_link(
                "pages/trajectories.py", label="查看该指标的轨迹", icon=":material/show_chart:", query_params={"indicator": chosen.indicator_id}
            )
else:
    st.caption("点选表格左侧的方框，可查看该指标在规划原文中的出处。")
