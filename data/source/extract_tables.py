"""Draft observations.csv and notes.csv from 专栏1 and 专栏2 of the plan.

Run once by hand (``python -m data.source.extract_tables``) to produce a draft;
the committed CSVs are the reviewed result, and tests/test_provenance.py proves
every value against the plan text. Kept so anyone can see how the draft was made.
"""

from __future__ import annotations

import csv
from pathlib import Path

from lib.plan_text import box, table_rows
from lib.values import parse_value

DATA = Path(__file__).resolve().parent.parent

# Economic absolute figures are at current prices (专栏1 备注1).
CURRENT_PRICE_LEVELS = {
    "t1_gdp",
    "t1_gdp_per_capita",
    "t1_industrial_output",
    "t1_fixed_investment",
    "t1_retail_sales",
    "t1_trade",
    "t1_domestic_capital",
    "t1_fdi",
    "t1_urban_income",
    "t1_rural_income",
}
# 专栏2 has no price note, so its money figures carry "unstated".
UNSTATED_PRICE_LEVELS = {
    "t2_trade",
    "t2_services_trade",
    "t2_fdi",
    "t2_labour_productivity",
    "t2_industrial_labour_productivity",
}
# The 年均 column: GDP and GDP per capita are real growth (at comparable
# prices): the printed current-price levels imply 14.7% and 13.6% a year, not
# the 12.8% and 11.8% printed, and 第一章第一节 calls 12.8% the GDP growth.
# Industrial output, retail sales and trade match the rate their current-price
# levels imply, so they are nominal. For the others the plan does not say.
GROWTH_BASIS = {
    "t1_gdp": "real",
    "t1_gdp_per_capita": "real",
    "t1_industrial_output": "nominal",
    "t1_retail_sales": "nominal",
    "t1_trade": "nominal",
}
NOTES_BY_INDICATOR = {
    "t1.n3": {
        "t1_nonagri_hukou_share",
        "t1_emerging_industry_share",
        "t1_three_gorges_water",
        "t1_main_city_air_days",
        "t1_urban_income",
        "t1_rural_income",
    },
    "t1.n4": {"t1_public_rental_housing"},
    "t1.n5": {"t1_life_expectancy"},
    "t2.n2": {"t2_metro_eco_gdp_pc_ratio"},
    "t2.n3": {"t2_yangtze_water"},
    "t2.n4": {
        "t2_energy_intensity_cut",
        "t2_co2_intensity_cut",
        "t2_water_intensity_cut",
        "t2_cod_cut",
        "t2_so2_cut",
        "t2_ammonia_cut",
        "t2_nox_cut",
    },
    "t2.n5": {"t2_life_expectancy"},
}


def main() -> None:
    indicators = list(csv.DictReader(open(DATA / "indicators.csv", encoding="utf-8")))
    by_table_name = {(r["table_no"], r["name_printed"]): r for r in indicators}
    lines = {ln_no: t for ln_no, t in enumerate((DATA / "source" / "plan.txt").read_text().split("\n"), 1)}
    out = []
    for table_no, columns in (("1", ["2010", "2015", "annual"]), ("2", ["2015", "2020"])):
        first = box(f"专栏{table_no}").first_line
        for cells in table_rows(f"专栏{table_no}")[1:]:
            name = cells[1]
            indicator = by_table_name.get((table_no, name))
            if indicator is None or indicator["kind"] == "group":
                continue
            values = cells[2:5] if table_no == "1" else cells[3:5]
            for column, raw in zip(columns, values):
                out.append(observation(indicator, table_no, column, raw, first, lines))
    with open(DATA / "observations.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(out[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)


def observation(indicator, table_no, column, raw, first_line, lines):
    parsed = parse_value(raw)
    iid = indicator["indicator_id"]
    if column == "annual":
        role = "published_growth"
        period = "2011-2015"
        measure = "annual_rate" if parsed.measure == "value" else parsed.measure
        unit = "%" if measure == "annual_rate" else parsed.unit
        price_basis = GROWTH_BASIS.get(iid, "unstated") if measure == "annual_rate" else ""
    else:
        role = "target" if column == "2020" else "actual"
        end = int(column)
        period = f"{end - 4}-{end}" if parsed.five_year_total else column
        measure = parsed.measure
        unit = indicator["unit"]
        if indicator["kind"] == "growth_rate" and parsed.value is not None:
            measure, period = "annual_rate", f"{end - 4}-{end}"
            # GDP growth targets are real growth, as the 12.8 % they follow is
            # (第一章第一节, and the levels that imply 14.7 % nominal).
            price_basis = "real" if iid == "t2_gdp_growth" else "unstated"
        if indicator["kind"] != "growth_rate" or parsed.value is None:
            price_basis = ""
        if parsed.value is not None and iid in CURRENT_PRICE_LEVELS:
            price_basis = "current"
        elif parsed.value is not None and iid in UNSTATED_PRICE_LEVELS:
            price_basis = "unstated"
    notes = []
    if table_no == "1" and price_basis == "current":
        notes.append("t1.n1")
    if parsed.five_year_total:
        notes.append(f"t{table_no}.n2" if table_no == "1" else "t2.n1")
    for note, members in NOTES_BY_INDICATOR.items():
        if note.startswith(f"t{table_no}.") and iid in members:
            notes.append(note)
    provisional = period.endswith("2015") and role != "target" and parsed.qualifier != "not_applicable"
    if provisional:
        notes.append("t1.n6" if table_no == "1" else "t2.n6")
    return {
        "obs_id": f"{iid}.{period}.{role}",
        "indicator_id": iid,
        "period": period,
        "role": role,
        "measure": measure,
        "value": "" if parsed.value is None else repr(parsed.value).removesuffix(".0"),
        "unit": unit if parsed.value is not None else "",
        "qualifier": parsed.qualifier,
        "five_year_total": str(parsed.five_year_total).lower(),
        "basis": parsed.basis,
        "price_basis": price_basis,
        "provisional": str(provisional).lower(),
        "notes": ";".join(notes),
        "raw": raw,
    }


if __name__ == "__main__":
    main()
