"""Streamlit's own English controls, said in Chinese.

Streamlit 1.67 writes its chrome in English with no option to change it: the
skip link, the sidebar's buttons, the element toolbar over tables and charts
(with its hover tips), a dataframe's column menu, a select box's toggle and
"No results", a number input's steppers, a help icon's "Help for …". Where a
setting or argument exists the pages use it (``anchor=False``, ``placeholder=``,
``alt=``); the rest is translated in the page by one fixed script (no data,
no URL text, so deploy/csp.py's hash of it never changes), which relabels the
elements as Streamlit draws them. tests/browser/test_a11y.py walks every page
for English left over, and tests/test_compat.py checks the strings are still
the ones Streamlit writes.
"""

from __future__ import annotations

import json

from lib.present.i18n import EN, ZH_HANT, hant

# Whole texts and attribute values (aria-label, title, placeholder) as Streamlit writes them.
WORDS = {
    "Skip to main content": "跳到正文",
    "Sidebar": "侧栏",
    "Collapse sidebar": "收起侧栏",
    "Expand sidebar": "展开侧栏",
    "App pages": "页面导航",
    "Fullscreen": "全屏",
    "Close fullscreen": "退出全屏",
    "Toggle fullscreen": "切换全屏",
    "Download as CSV": "下载为 CSV",
    "Download as PNG": "下载为 PNG",
    "Search": "在表中搜索",
    "Show/hide columns": "显示或隐藏列",
    "Show data": "查看数据",
    "Show chart": "查看图表",
    "Copy Vega-Lite spec": "复制图表定义",
    "Sort ascending": "升序排列",
    "Sort descending": "降序排列",
    "Pin column": "固定此列",
    "Unpin column": "取消固定",
    "Hide column": "隐藏此列",
    "Autosize": "自动列宽",
    "Format": "数字格式",
    "Select all": "全选",
    "Clear selection": "清除选择",
    "Clear all": "全部清除",
    "Clear value": "清除",
    "Open": "展开选项",
    "Close": "关闭",
    "Dismiss": "关闭",
    "No results": "没有匹配项",
    "Choose an option": "请选择",
    "Decrement": "减少",
    "Increment": "增加",
    "Link to heading": "本节链接",
    "Copy to clipboard": "复制",
    "Vega visualization": "图表",
    "visualization": "图表",
    # Vega's own names for a chart's title and its frame, which its config cannot silence
    "title": "标题",
    "subtitle": "副标题",
    "group mark container": "图表区",
}
# Values Streamlit builds around a name: "Help for 指标", "Remove 森林覆盖率".
PREFIXES = {"Help for ": "说明：", "Remove ": "移除：", "Title text ": "标题：", "Subtitle text ": "副标题："}
ATTRIBUTES = ("aria-label", "title", "placeholder", "aria-roledescription")

_SCRIPT = (
    "if (!window.chromeZh) { window.chromeZh = true;"
    " var W = __WORDS__; var P = __PREFIXES__;"
    f" var A = {json.dumps(list(ATTRIBUTES))};"
    " var zh = function (v) { var t = v.trim(); if (W.hasOwnProperty(t)) { return W[t]; }"
    # a toolbar button names its chart: "Show data: <the chart's alt>"
    " for (var k in W) { if (t.indexOf(k + ': ') === 0) { return W[k] + '：' + t.slice(k.length + 2); } }"
    " for (var p in P) { if (t.indexOf(p) === 0) { return P[p] + t.slice(p.length); } } return v; };"
    " var fix = function (node) {"
    " if (node.nodeType === 3) { var w = zh(node.nodeValue); if (w !== node.nodeValue) { node.nodeValue = w; } return; }"
    " if (node.nodeType !== 1) { return; }"
    " var all = [node].concat(Array.prototype.slice.call(node.querySelectorAll('*')));"
    " all.forEach(function (e) { A.forEach(function (a) { var v = e.getAttribute(a);"
    " if (v) { var w = zh(v); if (w !== v) { e.setAttribute(a, w); } } });"
    " e.childNodes.forEach(function (c) { if (c.nodeType === 3 && c.nodeValue.trim()) { var w = zh(c.nodeValue);"
    " if (w !== c.nodeValue) { c.nodeValue = w; } } }); }); };"
    " fix(document.body);"
    " new MutationObserver(function (changes) { changes.forEach(function (m) {"
    " if (m.type === 'childList') { m.addedNodes.forEach(fix); } else if (m.type === 'characterData') { fix(m.target); }"
    " else { fix(m.target); } }); }).observe(document.body,"
    " { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: A }); }"
)


def script(lang: str) -> str:
    """The relabelling script in the reader's language: 简体, or 繁體 by the same conversion as the
    catalogs; none in English, where Streamlit's own words are already the reader's."""
    if lang == EN:
        return ""
    words, prefixes = WORDS, PREFIXES
    if lang == ZH_HANT:
        words = {english: hant(chinese) for english, chinese in WORDS.items()}
        prefixes = {english: hant(chinese) for english, chinese in PREFIXES.items()}
    return _SCRIPT.replace("__WORDS__", json.dumps(words, ensure_ascii=False)).replace(
        "__PREFIXES__", json.dumps(prefixes, ensure_ascii=False)
    )
