"""Random and hostile URL values on every page: no exception, no live markup.

Every query parameter a page reads is fed values a visitor could type:
huge numbers, NaN, markup, very long strings, unknown keys, repeated keys.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import inert, open_page

PAGE_KEYS = {
    "overview": [],
    "indicators": ["table", "pillar", "attribute", "kind", "q", "outcome", "group", "row", "columns"],
    "trajectories": ["indicator"],
    "compare": ["indicator"],
    "handout": ["indicator"],
    "scenarios": [
        "presenter",
        "handout",
        "section",
        "indicator",
        "yearly",
        "compare",
        "pace",
        "pace_b",
        "pace_2017",
        "gdp_real",
        "gdp_deflator",
        "population",
        "urban_income",
        "rural_income",
        "urbanization",
        "pace_t2_services_share",
    ],
    "plan_reader": ["q", "chapter", "section"],
    "methods": [],
    "zones_map": ["place", "categories"],
}
HOSTILE = st.one_of(
    st.sampled_from(["nan", "NaN", "inf", "-inf", "1e308", "-1e308", "0", "-0", "", " ", "true", "None", "null"]),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "**x**",
            "$\\frac{1}{0}$",
            ":red[x]",
            "{{7*7}}",
            "../../etc/passwd",
            "%00",
            "\u202e",
            "第十一章",
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(min_size=0, max_size=300),
    st.text(alphabet="<>&\"'`*_[]()#!|~$:\\", min_size=1, max_size=50),
    st.just("x" * 5000),
)


@pytest.mark.parametrize("page_name", list(PAGE_KEYS))
# Each example runs a whole page through AppTest: 12 per page, not the profile's 100.
@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_query_values_are_harmless(page_name, data):
    keys = PAGE_KEYS[page_name] + ["unknown", "x" * 60]
    chosen = data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=4, unique=True))
    # A key may also come more than once (?pillar=a&pillar=b), as multi-choice widgets write it.
    query = {key: data.draw(st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3))) for key in chosen}
    at = open_page(page_name, query)
    assert not at.exception, query
    values = [v for value in query.values() for v in (value if isinstance(value, list) else [value])]
    markup = [v for v in values if "<" in v or "](" in v]
    for element in list(at.markdown) + list(at.info) + list(at.caption) + list(at.error):
        if element.value.startswith(("<style>", "<div")):
            # The pages' own HTML (fixed styles, the map legend built from escaped data):
            # no URL value may appear in it as written.
            assert not any(v in element.value for v in markup), (query, element.value)
            continue
        value = element.value.replace(":orange-background[**", "")  # the search page's own highlight
        assert inert(value), (query, element.value)
