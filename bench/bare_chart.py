"""The floor for a page with a chart: one small Altair chart and a title, nothing else."""

import altair as alt
import pandas as pd
import streamlit as st

st.title("chart")
st.altair_chart(alt.Chart(pd.DataFrame({"x": [2010, 2015, 2020], "y": [1.0, 3.0, 2.0]})).mark_line().encode(x="x:O", y="y"))
