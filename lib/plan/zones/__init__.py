"""The five functional zones, the 38 districts and the sited projects of the plan.

- ``tables``: the CSV tables' schemas and loaders;
- ``boundaries``: the districts' GeoJSON, their shapes and bounding boxes;
- ``places``: what a visitor can select and what each place covers;
- ``project_table``: the projects as the page lists them.

The names below are the package's public face, so ``from lib import zones;
zones.load_districts()`` reads as before. Code inside lib calls the loaders
as ``tables.load_…`` so that a test can swap a table by patching
``lib.plan.zones.tables`` (these re-exported names are bound once, at import).
"""

from lib.plan.zones.boundaries import EQUAL_AREA_CRS, GEOJSON_PATH, load_boundaries, load_district_shapes
from lib.plan.zones.places import (
    ALL,
    UNDETERMINED,
    category_counts,
    district_name,
    district_names,
    districts_of_zone,
    mapped_counts,
    place_districts,
    place_ids,
    place_labels,
    project_zones,
    projects_at,
    projects_in,
    works_at,
    zones_of_district,
)
from lib.plan.zones.project_table import PROJECT_COLUMNS, WORK_COLUMNS, project_table, source_label, work_table
from lib.plan.zones.tables import (
    BOUNDS,
    CATEGORIES,
    PATHS,
    TABLES,
    ZONE_IDS,
    load_district_zones,
    load_districts,
    load_linear_works,
    load_projects,
    load_prose_places,
    load_zones,
    read_district_zones,
    read_districts,
    read_projects,
    read_prose_places,
    read_zones,
    split_adcodes,
)

__all__ = [
    "ALL",
    "UNDETERMINED",
    "BOUNDS",
    "CATEGORIES",
    "EQUAL_AREA_CRS",
    "GEOJSON_PATH",
    "PATHS",
    "PROJECT_COLUMNS",
    "TABLES",
    "ZONE_IDS",
    "category_counts",
    "district_name",
    "district_names",
    "districts_of_zone",
    "load_boundaries",
    "load_district_shapes",
    "load_district_zones",
    "load_districts",
    "load_linear_works",
    "load_projects",
    "load_prose_places",
    "load_zones",
    "mapped_counts",
    "place_districts",
    "place_ids",
    "place_labels",
    "project_table",
    "project_zones",
    "projects_at",
    "projects_in",
    "read_district_zones",
    "read_districts",
    "read_projects",
    "read_prose_places",
    "read_zones",
    "source_label",
    "split_adcodes",
    "work_table",
    "works_at",
    "WORK_COLUMNS",
    "zones_of_district",
]
