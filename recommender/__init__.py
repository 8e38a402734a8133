"""policy-match: match government incentives and credit products to enterprises."""

__all__ = ["__version__"]

__version__ = "0.1.0"
