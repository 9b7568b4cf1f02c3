"""The floor for a page with a data grid: one three-row st.dataframe and a title, nothing else."""

import pandas as pd
import streamlit as st

st.title("grid")
st.dataframe(pd.DataFrame({"x": [2010, 2015, 2020], "y": [1.0, 3.0, 2.0]}))
