"""AppTest: 指标轨迹's 打印讲义 opens the handout, which names the indicator and never prints localhost."""

from helpers import open_page


def test_trajectories_offers_the_handout_and_the_comparison():
    at = open_page("trajectories", {"indicator": "t2_forest_cover"})
    assert not at.exception
    links = {link.label: link for link in at.get("page_link")}
    assert "打印讲义（A4一页）" in links and "与其他指标并排对比" in links


def test_handout_page(monkeypatch):
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://plan.example.org")
    at = open_page("handout", {"indicator": "t2_forest_cover"})
    assert not at.exception
    assert [t.value for t in at.title] == ["森林覆盖率"]
    assert len(at.get("image")) == 2  # the chart (the PDF's SVG) and the QR code
    texts = "\n".join(t.value for t in at.text)
    assert "数据日期：" in texts and "https://plan.example.org/trajectories?indicator=t2_forest_cover" in texts


def test_handout_page_without_a_public_address_prints_the_static_path(monkeypatch):
    monkeypatch.delenv("DASHBOARD_PUBLIC_URL", raising=False)
    at = open_page("handout", {"indicator": "t2_forest_cover"})
    texts = "\n".join(t.value for t in at.text)
    assert "localhost" not in texts and "/indicator/t2_forest_cover/" in texts
    assert any("DASHBOARD_PUBLIC_URL" in c.value for c in at.caption)
    assert len(at.get("image")) == 1  # the chart alone: no QR code of a bare path
