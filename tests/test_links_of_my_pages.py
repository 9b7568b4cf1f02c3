"""Every Link the 概览, 数据与方法, 规划原文, 功能区域地图 and 页面不存在 Views hold opens its page in both editions:
its target parses in that page's ``parse`` with no notice, and its static address is a file (and anchor) the bake wrote.

(tests/test_contract_links.py follows every View's links; this covers these pages' Views over all their States.)
"""

import importlib
from functools import cache

import pytest

from bake import checks
from helpers import built
from lib.plan import search, zones
from lib.present import routes
from lib.present.blocks import links_in
from lib.views import methods, not_found, overview, plan_reader, zones_map


@cache
def views() -> dict[str, object]:
    # The Views test_contract_links.py follows too, built once (helpers.built)
    found = {
        "overview": built("lib.views.overview", overview.State()),
        "methods": methods.build(methods.State()),
        "not_found": not_found.build(),
    }
    found |= {f"plan {code}": built("lib.views.plan_reader", plan_reader.State(chapter=code)) for code, _ in search.chapter_choices()}
    found["plan search"] = built("lib.views.plan_reader", plan_reader.State(q="页岩气"))
    found |= {f"zones {place}": built("lib.views.zones_map", zones_map.State(place=place)) for place in zones.place_ids()}
    return found


def all_links():
    return [(name, link) for name, view in views().items() for link in links_in(view)]


def test_every_view_has_links():
    names = {name.split(" ")[0] for name, _ in all_links()}
    assert names == {"overview", "not_found", "plan", "zones"}  # 数据与方法 links out only (External)


def test_every_link_parses_in_its_page_without_a_notice():
    for name, link in all_links():
        if link.target.page == "overview" and not link.target.query:
            continue  # the overview takes no query
        page = importlib.import_module(f"lib.views.{link.target.page}")
        state = page.parse(link.target.params())
        assert not state.notices, (name, link)


def test_every_link_has_its_page_in_the_static_edition(baked_site):
    out, _ = baked_site
    pages = {}
    for name, link in all_links():
        path = routes.static_path(link.target)
        if path is None:
            assert link.target.page == "scenarios", (name, link)  # the studio lives in the app only
            continue
        file, fragment = checks.target_of(out, out / "index.html", path)
        assert file is not None and file.is_file(), (name, link, path)
        if fragment:
            page = pages.setdefault(file, checks.read_page(file))
            assert fragment in page.ids, (name, link, path)


@pytest.mark.parametrize("place", ["all", "core", "500103"])
def test_a_baked_zones_page_links_each_district_to_its_own_page(baked_site, place):
    out, _ = baked_site
    view = zones_map.build(zones_map.State(place=place))
    text = (out / routes.static_path(zones_map.place_target(place)).lstrip("/") / "index.html").read_text(encoding="utf-8")
    for shape in view.picture.shapes:
        assert f'href="{routes.static_path(shape.target)}"' in text


@pytest.mark.parametrize("module", ["bake/map.py", "bake/plan.py"])
def test_these_bake_modules_read_only_views_and_presentation_helpers(module):
    import ast
    from pathlib import Path

    tree = ast.parse((Path(__file__).parent.parent / module).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    ours = {name for name in imported if name.split(".")[0] in ("lib", "bake")}
    assert all(name.startswith(("lib.views", "lib.present", "bake.render")) for name in ours), ours
