"""Conditions as data and their three-valued, vectorised evaluation."""
