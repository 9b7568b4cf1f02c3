"""The public edition as open data (issue 26): data by URL, datapackage.json, share tags and images,
sitemap and robots, the data date, the report card and the embeds, on the site baked once per session."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from bake import checks, embed, serve, share
from lib.present import edition, i18n
from lib.views import indicator_data, indicators, report_card


@pytest.fixture(scope="module")
def out(baked_site) -> Path:
    return baked_site[0]


@pytest.fixture(scope="module")
def ids(baked_site) -> list[str]:
    return baked_site[1].indicators


def test_every_indicator_has_its_csv_metadata_and_zip(out, ids):
    for indicator in ids:
        base = out / "indicator"
        csv = (base / f"{indicator}.csv").read_bytes()
        page_csv = base / indicator / "data.csv"
        # The same bytes as the page's own download (the row detail's cells), where the row has cells.
        if page_csv.is_file():
            assert csv == page_csv.read_bytes(), indicator
        metadata = json.loads((base / f"{indicator}.metadata.json").read_text(encoding="utf-8"))
        assert metadata["id"] == indicator and metadata["files"]["zip"] == f"/indicator/{indicator}.zip"
        with zipfile.ZipFile(base / f"{indicator}.zip") as archive:
            assert sorted(archive.namelist()) == sorted([f"{indicator}.csv", f"{indicator}.metadata.json", "README.md"])
            assert archive.read(f"{indicator}.csv") == csv
            assert json.loads(archive.read(f"{indicator}.metadata.json")) == metadata
            assert archive.read("README.md").decode("utf-8").startswith(f"# {metadata['name']}")


@pytest.mark.parametrize(
    "indicator, verdict, figure",
    [("t2_services_share", "达到", "52.8%"), ("t2_gdp_growth", "未达到", "7.2%"), ("t2_forest_cover", "未找到官方数字", None)],
)
def test_metadata_says_what_the_row_detail_says(out, indicator, verdict, figure):
    metadata = json.loads((out / "indicator" / f"{indicator}.metadata.json").read_text(encoding="utf-8"))
    detail = indicators.build(indicators.State(row=indicator)).detail
    assert metadata["printed"] == dict(detail.cells.rows)
    assert metadata["notes"] == list(detail.notes)
    assert metadata["outcome"]["verdict"] == verdict and metadata["outcome"]["figure"] == figure
    if figure:
        assert f"原句：“{metadata['outcome']['quote']}”" in detail.outcome_lines
        assert f"网址：{metadata['outcome']['url']}" in detail.outcome_lines


def test_a_row_without_a_target_has_no_outcome(out):
    assert indicator_data.build(indicator_data.State("t1_gdp")).metadata["outcome"] is None


def test_the_datapackage_validates_with_frictionless_and_hashes_the_served_files(out):
    frictionless = pytest.importorskip("frictionless")
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        payload = (out / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(payload).hexdigest()
        assert resource["path"] == f"methods/{resource['name']}.csv"
    keys = {(r["name"], fk["fields"][0]) for r in package["resources"] for fk in r["schema"].get("foreignKeys", [])}
    assert ("observations", "indicator_id") in keys and ("district_zones", "zone_id") in keys
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_frictionless_catches_a_broken_reference(out, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    copy = tmp_path / "site"
    shutil.copytree(out / "methods", copy / "methods")
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    broken = (copy / "methods/definitions.csv").read_text(encoding="utf-8-sig").replace("\nt2_", "\nt9_", 1)
    (copy / "methods/definitions.csv").write_text(broken, encoding="utf-8-sig")
    for resource in package["resources"]:
        resource.pop("hash"), resource.pop("bytes")
    (copy / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    report = frictionless.validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error.type for task in report.tasks for error in task.errors}


def test_sitemap_robots_and_the_data_date(out):
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    pages = checks.html_pages(out)
    for path in pages:
        url = "/" + path.relative_to(out).as_posix().removesuffix("index.html")
        html = path.read_text(encoding="utf-8")
        if url.startswith("/embed/") or url.endswith("/404.html"):  # each language folder has its own (bake/not_found.py)
            assert f"<loc>{url}</loc>" not in sitemap
        else:
            assert f"<loc>{url}</loc>" in sitemap, url
            lang = checks.language_of(url)
            said = i18n.gettext(lang)("数据截至 %(date)s（data/ 中最新一份官方文件的发布日期）") % {"date": edition.data_date_in(lang)}
            assert said in html, url
    assert "Disallow: /embed/" in (out / "robots.txt").read_text(encoding="utf-8")


def test_every_page_has_a_description_and_share_tags(out, ids):
    from PIL import Image

    for path in checks.html_pages(out):
        html = path.read_text(encoding="utf-8")
        if "/embed/" in path.as_posix():
            assert '<meta name="description" content="' in html and 'name="robots" content="noindex"' in html, path
            continue
        if path.name == "404.html":
            continue
        # Every page names the 数据更新记录 feed and links its page from the footer (bake/changes.py).
        assert '<link rel="alternate" type="application/atom+xml" href="/changes.atom"' in html, path
        translated = path.relative_to(out).parts[0] in ("en", "zh-hant")  # its footer in that language (issue 27)
        # 数据更新记录 is baked in every language (bake/changes.py): the footer opens the page's own.
        folder = "/" + path.relative_to(out).parts[0] if translated else ""
        assert f'<a href="{folder}/changes/">' in html if translated else '<a href="/changes/">数据更新记录</a>' in html, path
        for tag in ('<meta name="description" content="', '<meta property="og:title"', '<meta name="twitter:card"'):
            assert tag in html, (path, tag)
        assert "og:url" not in html  # no public base URL in this bake: no absolute address
    for indicator in ids[:3] + ids[-3:]:
        html = (out / "indicator" / indicator / "index.html").read_text(encoding="utf-8")
        assert f'<meta property="og:image" content="{share.url(indicator)}">' in html
        assert Image.open(out / share.url(indicator).lstrip("/")).size == (share.WIDTH, share.HEIGHT)


def test_the_report_card_and_every_embed_are_baked(out, ids):
    view = report_card.build(report_card.State())
    html = (out / "report/index.html").read_text(encoding="utf-8")
    assert all(f'<h2 id="{g.anchor}">' in html for g in view.groups)
    assert "/report/" in (out / "index.html").read_text(encoding="utf-8")
    for indicator in ids:
        page = (out / embed.url(indicator).lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert f'href="/indicator/{indicator}/" target="_blank"' in page
        assert f"/embed/indicator/{indicator}/" in (out / "indicator" / indicator / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "path, ancestors",
    [
        ("/embed/indicator/t2_forest_cover/", "frame-ancestors *"),
        ("/indicator/t2_forest_cover/", "frame-ancestors 'none'"),
        ("/", "'none'"),
    ],
)
def test_only_embeds_may_be_framed(path, ancestors):
    assert serve.headers_for(path)["Content-Security-Policy"].endswith(ancestors)


def test_nginx_lets_only_embeds_be_framed():
    from deploy import nginx

    config = nginx.render_static(Path("/srv/public"), "127.0.0.1:8080", "_", Path("/tmp/nginx"))
    embed_block = config.split("location /embed/ {", 1)[1].split("}", 2)[1]
    assert "frame-ancestors *" in embed_block and "X-Frame-Options" not in embed_block
    assert config.count("frame-ancestors *") == 1
    assert config.count("X-Frame-Options") == config.count("frame-ancestors 'none'")


def test_share_image_words_come_from_the_row_detail():
    detail = indicators.build(indicators.State(row="t2_services_share")).detail
    texts = [line["text"] for line in share.lines_of(detail)]
    # 专栏2 row 4 prints 47.7 (2015) and 50左右 (2020): the line keeps the cells as printed
    assert texts[1] == detail.title and "2015年 47.7  →  2020年目标 50左右" in texts
    assert any(t.startswith("达到") for t in texts)
    assert hashlib.sha256(share.png(detail)).hexdigest() == hashlib.sha256(share.png(detail)).hexdigest()
    assert io.BytesIO(share.png(detail)).read(8) == b"\x89PNG\r\n\x1a\n"
