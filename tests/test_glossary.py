"""data/glossary.csv: every term the dashboard shows has one English name and says where it comes from (issue 27)."""

import re

import pytest

from helpers import ROOT
from lib.engine.difficulty import STATUSES
from lib.plan import data, glossary, schemas, search, zones
from lib.plan.outcomes import STATUS_LABELS
from lib.plan.validation import DataFileError
from lib.present import i18n

# 专栏N　title, as the plan prints each box's heading line.
BOX_HEADING = re.compile(r"^\s*专栏\d+\u3000(.+)$")


def shown_terms() -> list[tuple[str, str]]:
    """(kind, term) for every term a page shows from the data, read from the data, not from the glossary."""
    indicators = data.load_indicators()
    districts = zones.load_districts()
    zone_table = zones.load_zones()
    plan = (ROOT / "data" / "source" / "plan.txt").read_text(encoding="utf-8").splitlines()
    terms = [("indicator", name) for name in indicators.name_zh]
    terms += [("unit", unit) for unit in indicators.unit if unit]
    terms += [("zone", name) for name in zone_table.name_zh] + [("zone", group) for group in zone_table.group_zh]
    terms += [("district", name) for name in districts.name_2016] + [("district", name) for name in districts.name_current]
    terms += [("district_kind", kind) for kind in districts.kind_current]
    terms += [("attribute", attribute) for attribute in schemas.ATTRIBUTES]
    terms += [("pillar", pillar) for pillar in schemas.PILLARS]
    terms += [("status", label) for label in STATUSES.values()] + [("verdict", label) for label in STATUS_LABELS.values()]
    terms += [("chapter", label.split(" ", 1)[1]) for _, label in search.chapter_choices()]
    terms += [("column", match.group(1).strip()) for line in plan if (match := BOX_HEADING.match(line))]
    return list(dict.fromkeys(terms))


def test_the_plan_has_the_terms_this_test_expects():
    terms = shown_terms()
    counts = {kind: sum(1 for k, _ in terms if k == kind) for kind in ("chapter", "column", "district", "zone")}
    # 38 chapters, 专栏1–20, 38 districts plus the three renamed in 2016 (开县, 梁平县, 武隆县), 5 zones and their 2 groups.
    assert counts == {"chapter": 38, "column": 20, "district": 41, "zone": 7}


@pytest.mark.parametrize(("kind", "term"), shown_terms())
def test_every_shown_term_has_english_and_a_source(kind, term):
    rows = glossary.load_glossary()
    row = rows[(rows.kind == kind) & (rows.term_zh == term)]
    assert len(row) == 1, f"data/glossary.csv has no row for {kind} {term}"
    row = row.iloc[0]
    assert row.en.strip() and not re.search(r"[\u3400-\u9fff]", row.en)
    assert row.source == glossary.TRANSLATION or (row.source.startswith(("http://", "https://")) and row.source_name)


def test_an_indicator_has_one_english_name_in_code_data_and_glossary():
    indicators = data.load_indicators()
    assert {name: glossary.english(name, "indicator") for name in indicators.name_zh} == dict(zip(indicators.name_zh, indicators.name_en))


def test_units_follow_the_official_english_convention():
    # Chongqing Statistical Yearbook 2008, Appendix I: “Gross Domestic Product (100 million yuan)”, “(10 000 persons)”.
    assert glossary.english("亿元", "unit") == "100 million yuan"
    assert glossary.english("万人", "unit") == "10 000 persons"
    assert glossary.english("万亿元", "unit") == "trillion yuan"


def test_district_names_are_pinyin_with_their_official_kind():
    assert glossary.english("酉阳土家族苗族自治县", "district") == "Youyang Tujia and Miao Autonomous County"
    assert glossary.english("万州区", "district") == "Wanzhou District"
    assert glossary.english("南岸区", "district") == "Nan'an District"  # GB/T 16159: the apostrophe before a vowel syllable


def test_the_readme_quotes_the_official_count():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    rows = len(glossary.load_glossary())
    assert f"{glossary.official_count()} of its {rows} rows" in readme


GOOD_ROW = "亿元,unit,100 million yuan,translation,,,\n"


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        (GOOD_ROW + GOOD_ROW, 3, "已在第2行出现"),
        ("亿元,unit,100 million 元,translation,,,\n", 2, "含有汉字"),
        ("亿元,unit,100 million yuan,stats bureau,,,\n", 2, "既不是网址"),
        ("亿元,unit,100 million yuan,https://tjj.cq.gov.cn/x.htm,,,\n", 2, "source_name"),
        ("亿元,unit,100 million yuan,translation,Some bureau,,\n", 2, "应为空"),
        ("亿元,units,100 million yuan,translation,,,\n", 2, "not an allowed value"),
        ("亿元,unit,,translation,,,\n", 2, "'en'"),
        (GOOD_ROW + "城市发展新区,zone,New urban development zone,translation,,,城市發展新\n", 3, "字数不同"),
    ],
)
def test_a_broken_glossary_names_its_line_and_problem(tmp_path, body, line, words):
    path = tmp_path / "glossary.csv"
    path.write_text("term_zh,kind,en,source,source_name,note,zh_hant\n" + body, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        glossary.read_glossary(path)
    assert caught.value.where == f"glossary.csv 第{line}行"
    assert words in str(caught.value)


def glossary_rows() -> list[dict[str, str]]:
    """data/glossary.csv read as plain text, not through lib.plan.glossary, so these checks do not share its code."""
    import csv

    with (ROOT / "data" / "glossary.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def fixed_rows() -> list[dict[str, str]]:
    return [row for row in glossary_rows() if row["zh_hant"]]


def test_the_glossary_gives_the_zone_names_opencc_reads_as_hair():
    """OpenCC s2twp reads 涵养发展 and 保护发展 as 髮 (hair), not 發 (to develop): the glossary gives both zones' 繁體."""
    assert {row["term_zh"] for row in fixed_rows()} >= {"渝东北生态涵养发展区", "渝东南生态保护发展区"}
    assert glossary.hant_fixes()["渝东北生态涵养发展区"] == "渝東北生態涵養發展區"
    assert i18n.hant("渝东北生态涵养发展区和渝东南生态保护发展区") == "渝東北生態涵養發展區和渝東南生態保護發展區"


@pytest.mark.parametrize("row", fixed_rows(), ids=lambda row: row["term_zh"])
def test_a_fixed_zh_hant_is_needed_and_converted_around(row):
    """A row's zh_hant is kept only while OpenCC still errs on the term, and is itself 繁體 OpenCC leaves alone."""
    opencc, term, fixed = i18n._opencc, row["term_zh"], row["zh_hant"]
    assert opencc(term) != fixed  # else the row is no longer needed
    assert opencc(fixed) == fixed
    assert "髮" not in i18n.hant(f"建设{term}，推动发展") and i18n.hant(f"建设{term}").startswith("建設")


@pytest.mark.parametrize("row", glossary_rows(), ids=lambda row: f"{row['kind']}-{row['term_zh']}")
def test_every_row_names_its_official_source_or_is_marked_a_translation(row):
    if row["source"] == glossary.TRANSLATION:
        assert not row["source_name"].strip(), "a translation of ours names no official source"
    else:
        assert re.fullmatch(r"https?://[^\s/]+\.[^\s]+", row["source"]), f"source {row['source']!r} is neither an address nor translation"
        assert row["source_name"].strip(), "an official source is named (source_name) beside its address"
    assert row["en"].strip() and not re.search(r"[\u3400-\u9fff\uf900-\ufaff]", row["en"])


# 区, 县, or 自治县 with the ethnic groups named before it (酉阳 土家族 苗族 自治县), tried first.
DISTRICT = re.compile(r"^(?:(?P<autonomous>.{2,}?)(?P<groups>(?:[^族]{1,2}族)+)自治县|(?P<place>.+?)(?P<kind>区|县))$")
KIND_EN = {"区": "District", "县": "County"}


def spellings(han: str) -> set[str]:
    """Every Hanyu Pinyin spelling of a name by GB/T 16159-2012: syllables joined, an apostrophe before a
    syllable starting with a, o or e (Nan'an), the first letter capitalised. Every reading of each character is
    tried (丰都 is Fengdu, though 都 alone is most often dou)."""
    import itertools

    from pypinyin import Style, pinyin

    found = set()
    for syllables in itertools.product(*pinyin(han, style=Style.NORMAL, heteronym=True)):
        word = syllables[0] + "".join(("'" if s[0] in "aoe" else "") + s for s in syllables[1:])
        found.add(word[:1].upper() + word[1:])
    return found


def district_rows() -> list[dict[str, str]]:
    return [row for row in glossary_rows() if row["kind"] == "district"]


@pytest.mark.parametrize("row", district_rows(), ids=lambda row: row["term_zh"])
def test_every_district_is_in_pinyin_by_the_national_standard(row):
    name = DISTRICT.match(row["term_zh"])
    assert name, f"{row['term_zh']} does not end in 区, 县 or …族自治县"
    if name["kind"]:
        place, suffix = row["en"].rsplit(" ", 1)
        assert suffix == KIND_EN[name["kind"]]
    else:
        groups = re.findall(r"([^族]{1,2})族", name["groups"])
        place, _, named = row["en"].partition(" ")
        # the groups' own names in pinyin too (土家族 Tujia, 苗族 Miao), joined by “and”
        assert named.removesuffix(" Autonomous County") != named, row["en"]
        said = named.removesuffix(" Autonomous County").split(" and ")
        assert len(said) == len(groups) and all(s in spellings(g) for s, g in zip(said, groups)), row["en"]
    han = name["place"] or name["autonomous"]
    assert place in spellings(han), f"{row['en']}: {place!r} is not a pinyin spelling of {han}"


def test_the_district_check_refuses_what_is_not_the_standard():
    assert "Nan'an" in spellings("南岸") and "Nanan" not in spellings("南岸")
    assert "Fengdu" in spellings("丰都") and "Feng Du" not in spellings("丰都")
    assert DISTRICT.match("彭水苗族土家族自治县")["autonomous"] == "彭水"
    assert DISTRICT.match("九龙坡区")["place"] == "九龙坡"
    assert DISTRICT.match("石柱土家族自治县")["groups"] == "土家族"


def test_the_readme_s_count_of_official_sources_is_the_csv_s():
    """data/README.md says how many rows have an official English source; counted here from the CSV itself."""
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    said = re.search(r"(\d+) of its (\d+) rows have an official English source", readme)
    assert said, "data/README.md no longer says how many glossary rows have an official English source"
    rows = glossary_rows()
    assert (int(said[1]), int(said[2])) == (sum(row["source"] != glossary.TRANSLATION for row in rows), len(rows))
