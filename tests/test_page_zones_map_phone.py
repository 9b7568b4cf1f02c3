"""AppTest: 功能区域地图's list of districts under the map opens each one, and its 下载 box offers the place's files."""

from helpers import open_page
from lib.present.markup import markdown_text
from lib.views import zones_map


def test_the_district_list_opens_an_inner_district_and_a_second_tap_goes_back_to_the_city():
    at = open_page("zones_map")
    core = at.button_group(key="district_list_0")  # the first zone, 都市功能核心区 (zones.csv): only 渝中 by primary zone
    assert core.label == "都市功能核心区" and core.value is None
    core.set_value("500103").run()
    assert not at.exception
    assert at.query_params["place"] in ("500103", ["500103"])
    assert at.header[0].value == "渝中区"  # the panel heading, an h2 under the title (axe heading-order)
    assert at.button_group(key="district_list_0").value == "500103"  # the list marks the place shown
    at.button_group(key="district_list_0").set_value(None).run()
    assert not at.exception
    assert "place" not in at.query_params


def test_the_download_box_offers_three_files_built_only_on_a_click():
    at = open_page("zones_map", {"place": "northeast"})
    assert not at.exception
    files = zones_map.build(zones_map.State(place="northeast")).downloads
    buttons = at.get("download_button")
    assert [button.proto.label for button in buttons] == [files.xlsx_label, files.csv_label, files.works_csv_label]
    # Made on the click (a deferred file) and with no rerun; the names are checked on a real download
    # (tests/browser/test_zones_map_phone.py), AppTest does not carry them.
    assert all(button.proto.deferred_file_id and button.proto.ignore_rerun for button in buttons)


def test_markup_in_a_district_name_stays_text_in_the_list(monkeypatch):
    from lib.plan import zones
    from lib.plan.zones import tables
    from lib.views.zones_map import listing

    hostile = "**粗体**[链接](javascript:alert(1))"
    districts = zones.load_districts()
    districts.loc[districts.adcode == "500103", "name_2016"] = hostile
    monkeypatch.setattr(tables, "load_districts", lambda: districts.copy())
    # The list's labels are built once per process and language (lib.views.zones_map.listing): from the patched table here, and again after.
    listing.place_labels.cache_clear()
    try:
        at = open_page("zones_map")
    finally:
        listing.place_labels.cache_clear()
    assert not at.exception
    label = at.button_group(key="district_list_0").options[0]
    assert label.startswith(markdown_text(hostile)) and hostile not in label  # “（今渝中区）” follows: the names now differ
