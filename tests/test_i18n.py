"""lib.present.i18n: the catalogs hold every marked string, English is complete, 繁體 comes from OpenCC (issue 27)."""

import shlex
import subprocess
import sys

import pytest

from helpers import ROOT
from lib.present import i18n
from lib.present.i18n import catalogs

# As docs/code.md gives them (tests/test_docs.py checks the text is there).
UPDATE = ".venv/bin/python -m lib.present.i18n.catalogs"
CHECK = ".venv/bin/python -m lib.present.i18n.catalogs --check"


def test_the_check_command_passes_on_the_catalogs_in_the_repository():
    command = [sys.executable if word == ".venv/bin/python" else word for word in shlex.split(CHECK)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_marked_string_missing_from_a_catalog_is_named(monkeypatch):
    template = catalogs.extracted()
    template.add("一句新加的话")
    monkeypatch.setattr(catalogs, "extracted", lambda: template)
    found = catalogs.problems()
    assert any("en/LC_MESSAGES/messages.po: 缺少 “一句新加的话”" in line for line in found)
    assert any("zh_Hant/LC_MESSAGES/messages.po: 缺少 “一句新加的话”" in line for line in found)


def test_english_with_a_han_character_is_named(monkeypatch):
    read = catalogs._read
    english = read(i18n.EN)
    first = next(m for m in english if m.id)
    first.string = "Forest 森林"
    monkeypatch.setattr(catalogs, "_read", lambda lang: english if lang == i18n.EN else read(lang))
    assert any(f"“{first.id}” 的英文含汉字" in line for line in catalogs.problems())


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("zh-CN", "重庆“十三五”规划：承诺与难度", "重庆“十三五”规划：承诺与难度"),
        ("en", "重庆“十三五”规划：承诺与难度", "Chongqing's 13th Five-Year Plan: promises and difficulty"),
        # OpenCC s2twp: characters and Taiwan's phrasing.
        ("zh-Hant", "重庆“十三五”规划：承诺与难度", "重慶“十三五”規劃：承諾與難度"),
        # A string no catalog has yet stays in 简体 in English (the check above fails on it).
        ("en", "还没有翻译的话", "还没有翻译的话"),
    ],
)
def test_gettext(lang, text, expected):
    assert i18n.gettext(lang)(text) == expected


def test_a_zh_hant_override_wins_over_opencc(monkeypatch):
    monkeypatch.setattr(i18n, "catalog", lambda lang: {"软件": "軟件"} if lang == i18n.ZH_HANT else {})
    assert i18n.gettext(i18n.ZH_HANT)("软件") == "軟件"
    assert i18n.hant("软件") == "軟體"  # what s2twp alone gives


@pytest.mark.parametrize(
    "text, kind, lang, expected",
    [
        ("亿元", "unit", "en", "100 million yuan"),
        ("酉阳土家族苗族自治县", "district", "en", "Youyang Tujia and Miao Autonomous County"),
        ("酉阳土家族苗族自治县", "district", "zh-Hant", "酉陽土家族苗族自治縣"),
        ("约束性", "attribute", "zh-CN", "约束性"),
    ],
)
def test_terms_come_from_the_glossary(text, kind, lang, expected):
    assert i18n.term(text, kind, lang) == expected


def test_the_update_command_writes_the_catalogs_the_repository_holds(tmp_path):
    """Run as docs/code.md gives it, in a copy of the tracked files: nothing in the catalogs changes."""
    from deploy import serve

    copy = serve.export(tmp_path / "app", source=ROOT)
    command = [sys.executable if word == ".venv/bin/python" else word for word in shlex.split(UPDATE)]
    subprocess.run(command, cwd=copy, check=True, capture_output=True)
    for lang in i18n.LOCALES:
        relative = i18n.catalog_path(lang).relative_to(ROOT)
        assert (copy / relative).read_text(encoding="utf-8") == (ROOT / relative).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        # One pass of s2twp leaves 制造 here (its segmentation splits the phrase): 傳統制造業.
        ("第二节 改造提升传统制造业", "第二節 改造提升傳統製造業"),
        ("软件", "軟體"),
    ],
)
def test_hant_converts_until_the_text_holds(simplified, traditional):
    assert i18n.hant(simplified) == traditional
    assert i18n.hant(traditional) == traditional


@pytest.mark.parametrize(
    ("lang", "said", "joined"),
    [
        ("en", ("Ranked by pace.", "", "“Achieved ÷ required” compares…"), "Ranked by pace. “Achieved ÷ required” compares…"),
        ("zh-CN", ("按增速排序。", "“实际÷所需”比较…"), "按增速排序。“实际÷所需”比较…"),
        ("zh-Hant", ("按增速排序。", "比較…"), "按增速排序。比較…"),
    ],
)
def test_sentences_follow_each_other_as_the_language_writes_them(lang, said, joined):
    assert i18n.sentences(lang, *said) == joined


def test_the_english_ranking_caption_spaces_its_sentences():
    from lib.views import trajectories

    caption = trajectories.build(trajectories.State(lang="en")).ranking_caption
    assert ".“" not in caption and ". “" in caption
