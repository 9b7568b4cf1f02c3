"""页面不存在 in 简体, English and 繁體 (issue 27): the View's words, its links keeping the language, the app's page."""

from __future__ import annotations

import re

import pytest

from lib.present import routes
from lib.views import not_found

HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize(
    "lang, title, home, first_page",
    [
        ("zh-CN", "页面不存在", "回到概览", "指标总览"),
        ("en", "Page not found", "Back to the overview", "Indicators"),
        ("zh-Hant", "頁面不存在", "回到概覽", "指標總覽"),
    ],
)
def test_the_words_in_each_language(lang, title, home, first_page):
    view = not_found.build(lang)
    assert (view.title, view.home.label, view.pages[0].label, view.lang) == (title, home, first_page, lang)


def test_english_has_no_han_character():
    view = not_found.build("en")
    shown = [view.title, view.pages_heading, view.home.label, *(link.label for link in view.pages)]
    shown += [part if isinstance(part, str) else part.label for block in view.text for part in block.parts]
    assert [text for text in shown if HAN.search(text)] == []


@pytest.mark.parametrize(
    "lang, app_query, home_path", [("zh-CN", "", "/"), ("en", "?lang=en", "/en/"), ("zh-Hant", "?lang=zh-Hant", "/zh-hant/")]
)
def test_every_link_keeps_the_language(lang, app_query, home_path):
    view = not_found.build(lang)
    assert routes.static_path(view.home.target) == home_path
    for link in (view.home, *view.pages):
        assert routes.app_path(link.target).endswith(app_query)
