"""bake/handouts.py: the handout document a PDF is printed from (the print itself: tests/browser/test_officials_tasks.py)."""

from __future__ import annotations

import pytest

from bake import handouts
from lib.present.qr import qr_svg

PUBLIC = "https://plan.example.org"
FOREST_URL = f"{PUBLIC}/trajectories?indicator=t2_forest_cover"


def test_the_document_names_the_indicator_dates_the_data_and_links_publicly():
    document = handouts.html("t2_forest_cover", PUBLIC, "2026-12-07")
    assert "<title>森林覆盖率（专栏2 · 第12行“森林增长”下的分项）讲义</title>" in document
    assert "<h1>森林覆盖率</h1>" in document and "指标轨迹" not in document
    assert "数据日期：规划数值：《纲要》2016年2月印发时所列" in document
    assert f'href="{FOREST_URL}"' in document
    # with DASHBOARD_PUBLIC_URL set, the QR code encodes exactly that address
    assert handouts.svg_uri(qr_svg(FOREST_URL)) in document
    assert "localhost" not in document and "<svg" in document  # the chart, inline


def test_without_a_public_address_the_static_path_is_printed_and_no_qr_code():
    document = handouts.html("t2_forest_cover", "", "2026-12-07")
    assert "/indicator/t2_forest_cover/" in document and "DASHBOARD_PUBLIC_URL" in document
    assert "data:image/svg+xml" not in document and "localhost" not in document


@pytest.mark.parametrize(
    "pdf, pages",
    [
        (b"<< /Type /Catalog /Pages 2 0 R >> << /Type /Pages /Count 1 >> << /Type /Page /Parent 2 0 R >>", 1),
        (b"<< /Type /Pages >> << /Type /Page >> << /Type/Page >>", 2),
    ],
)
def test_page_count(pdf, pages):
    assert handouts.page_count(pdf) == pages


def test_every_indicator_has_a_handout_path():
    ids = handouts.all_indicators()
    assert len(ids) == 84 and handouts.path_of("t2_forest_cover") == "/indicator/t2_forest_cover/handout.pdf"


@pytest.mark.parametrize("handout", [True, False])
def test_the_indicator_page_links_its_handout_only_when_one_is_printed(tmp_path, handout):
    from bake import pages, site
    from bake.render import Writer

    writer = Writer(tmp_path, "https://dash.example.org", site.NAV)
    pages.bake_indicator(writer, "t2_forest_cover", handout)
    page = (tmp_path / "indicator" / "t2_forest_cover" / "index.html").read_text(encoding="utf-8")
    assert ('href="/indicator/t2_forest_cover/handout.pdf"' in page) is handout
