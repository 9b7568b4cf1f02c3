"""A one-map app for tests/browser/test_zones_map_tasks.py: the zones map with a district named in markup.

The name reaches the real frontend as data, so the test sees what a visitor
would see if a data file carried such a name.
"""

import os

import streamlit as st

from lib.plan import zones
from lib.present.maps.camera import MAP_HEIGHT
from lib.present.maps.deck import build_deck

MARKED_NAME, MARKED_DISTRICT = os.environ["MARKED_NAME"], os.environ["MARKED_DISTRICT"]

districts = zones.load_districts()
districts.loc[districts.adcode == MARKED_DISTRICT, ["name_2016", "name_current"]] = MARKED_NAME
deck = build_deck(zones.load_boundaries(), districts, zones.load_zones(), zones.load_district_zones(), zones.load_projects(), (), zones.ALL)
st.pydeck_chart(deck, height=MAP_HEIGHT, width=640)
