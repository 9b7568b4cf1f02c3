"""The least a slider-to-number round trip costs: one slider, one metric (bench/slider_bench.py)."""

import streamlit as st

value = st.slider("s", 0.0, 15.0, 7.0, 0.1)
st.metric("m", f"{value * 2:.2f}")
