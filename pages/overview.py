"""概览: what the plan set out to do, in one screen."""

import streamlit as st

st.title("重庆市“十三五”规划纲要：指标与目标")
st.markdown(
    "《重庆市国民经济和社会发展第十三个五年规划纲要》由市第四届人民代表大会第四次会议批准，2016年2月印发。"
    "本站把纲要中的指标表、正文目标和重大项目整理成可核对的数据：每个数字都注明出处。"
)
