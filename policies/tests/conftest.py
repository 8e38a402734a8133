"""Collects the YAML case tests of this folder (see recommender/rules/casetests.py)."""

from recommender.rules.casetests import pytest_collect_file

__all__ = ["pytest_collect_file"]
