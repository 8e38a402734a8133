"""Thin Streamlit pages; every computation lives in ``recommender``."""
