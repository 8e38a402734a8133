"""One vectorised three-valued evaluator per (condition kind, operator), over a prepared frame."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from recommender.errors import ProfileError, RuleError
from recommender.rules.schema import FIELD_KINDS, SIZE_CLASSES, Condition

__all__ = [
    "HELD",
    "UNKNOWN",
    "FAILED",
    "FIELD_COLUMNS",
    "SIZE_BITS",
    "EVALUATORS",
    "Columns",
    "Evaluator",
    "compile_condition",
    "kleene_and",
    "kleene_or",
]

HELD, UNKNOWN, FAILED = 1, 0, -1

# Condition fields that read a differently named column of the canonical frame.
FIELD_COLUMNS: dict[str, str] = {"industry": "industry_code"}

# size_possible bitmask of docs/architecture.md: 大型=1, 中型=2, 小型=4, 微型=8.
SIZE_BITS: dict[str, int] = {name: 1 << i for i, name in enumerate(SIZE_CLASSES)}
_ALL_SIZES = 15
_EPOCH = np.datetime64("1970-01-01", "D")


class Columns:
    """The enterprise frame prepared once: float arrays, category codes, cached masks."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.n = len(frame)
        self._cache: dict[tuple, Any] = {}

    def _cached(self, key: tuple, build: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def series(self, field: str) -> pd.Series | None:
        """The frame column a condition field reads, or None if the frame lacks it."""
        name = FIELD_COLUMNS.get(field, field)
        return self.frame[name] if name in self.frame.columns else None

    def number(self, field: str) -> np.ndarray:
        """The field as float64 with NaN where unknown."""

        def build() -> np.ndarray:
            col = self.series(field)
            if col is None:
                return np.full(self.n, np.nan)
            values = pd.to_numeric(col, errors="coerce")
            return values.to_numpy(dtype=np.float64, na_value=np.nan)

        return self._cached(("number", field), build)

    def days(self, field: str) -> np.ndarray:
        """A date field as float64 days since 1970-01-01, NaN where unknown."""

        def build() -> np.ndarray:
            col = self.series(field)
            if col is None:
                return np.full(self.n, np.nan)
            stamps = pd.to_datetime(col, errors="coerce").to_numpy("datetime64[D]")
            out = (stamps - _EPOCH).astype(np.float64)
            out[np.isnat(stamps)] = np.nan
            return out

        return self._cached(("days", field), build)

    def boolean(self, field: str) -> np.ndarray:
        """A boolean field as tri-state int8: 1 true, -1 false, 0 unknown."""

        def build() -> np.ndarray:
            col = self.series(field)
            if col is None:
                return np.zeros(self.n, np.int8)
            values = col.astype("boolean")
            out = np.where(values.fillna(False).to_numpy(bool), HELD, FAILED).astype(np.int8)
            out[values.isna().to_numpy()] = UNKNOWN
            return out

        return self._cached(("boolean", field), build)

    def categories(self, field: str) -> tuple[np.ndarray, np.ndarray]:
        """Category codes (-1 where unknown) and the distinct values they index."""

        def build() -> tuple[np.ndarray, np.ndarray]:
            col = self.series(field)
            if col is None:
                return np.full(self.n, -1, np.int32), np.array([], dtype=object)
            if isinstance(col.dtype, pd.CategoricalDtype):
                codes = col.cat.codes.to_numpy()
                uniques = col.cat.categories.astype(str).to_numpy(dtype=object)
            else:
                codes, index = pd.factorize(col, use_na_sentinel=True)
                uniques = np.asarray(index.astype(str), dtype=object)
            return codes.astype(np.int32, copy=False), uniques

        return self._cached(("categories", field), build)

    def by_category(self, field: str, verdict: Callable[[str], int]) -> np.ndarray:
        """Evaluate ``verdict`` once per distinct value, then spread it to every row."""
        codes, uniques = self.categories(field)
        lut = np.fromiter((verdict(u) for u in uniques), np.int8, len(uniques))
        return np.append(lut, np.int8(UNKNOWN))[codes]

    def size_possible(self) -> np.ndarray:
        """The uint8 bitmask of size classes the known inputs still allow (15 = any)."""

        def build() -> np.ndarray:
            if "size_possible" in self.frame.columns:
                values = pd.to_numeric(self.frame["size_possible"], errors="coerce")
                return values.fillna(_ALL_SIZES).to_numpy(np.uint8)
            if "size" in self.frame.columns:
                bits = self.frame["size"].map(SIZE_BITS)
                return bits.fillna(_ALL_SIZES).to_numpy(np.uint8)
            return np.full(self.n, _ALL_SIZES, np.uint8)

        return self._cached(("size_possible",), build)

    def qualification(self, name: str) -> np.ndarray:
        """Tri-state mask: holds the canonical qualification ``name`` (0 where not known)."""

        def verdict(listed: str) -> int:
            return HELD if name in {q.strip() for q in listed.split(";")} else FAILED

        return self._cached(("qualification", name), lambda: self.by_category("qualifications", verdict))


Evaluator = Callable[[Columns], np.ndarray]


def kleene_and(results: Sequence[np.ndarray], n: int | None = None) -> np.ndarray:
    """Kleene AND of tri-state arrays (held only if all held, failed if any failed)."""
    if not results:
        return np.full(n or 0, HELD, np.int8)
    return np.minimum.reduce(list(results))


def kleene_or(results: Sequence[np.ndarray], n: int | None = None) -> np.ndarray:
    """Kleene OR of tri-state arrays (held if any held, failed only if all failed)."""
    if not results:
        return np.full(n or 0, FAILED, np.int8)
    return np.maximum.reduce(list(results))


def _tri(held: np.ndarray, failed: np.ndarray) -> np.ndarray:
    return held.view(np.int8) - failed.view(np.int8)


_ORDER = {
    "lt": (np.less, np.greater_equal),
    "le": (np.less_equal, np.greater),
    "gt": (np.greater, np.less_equal),
    "ge": (np.greater_equal, np.less),
}


def _ordered(values: np.ndarray, op: str, bound: float) -> np.ndarray:
    """Compare a float array with NaN (unknown); NaN compares false both ways."""
    if op == "eq":
        return _tri(values == bound, (values != bound) & ~np.isnan(values))
    held_op, failed_op = _ORDER[op]
    return _tri(held_op(values, bound), failed_op(values, bound))


def _number(op: str) -> Callable[[Columns, str, Any], np.ndarray]:
    return lambda cols, field, value: _ordered(cols.number(field), op, float(value))


def _date(op: str) -> Callable[[Columns, str, Any], np.ndarray]:
    def evaluate(cols: Columns, field: str, value: Any) -> np.ndarray:
        bound = float((np.datetime64(str(value), "D") - _EPOCH).astype(np.int64))
        return _ordered(cols.days(field), op, bound)

    return evaluate


def _bool_eq(cols: Columns, field: str, value: Any) -> np.ndarray:
    tri = cols.boolean(field)
    return tri if value else -tri


def _as_set(value: Any) -> frozenset[str]:
    return frozenset(value) if isinstance(value, tuple) else frozenset((value,))


def _category(negate: bool) -> Callable[[Columns, str, Any], np.ndarray]:
    def evaluate(cols: Columns, field: str, value: Any) -> np.ndarray:
        allowed = _as_set(value)
        sign = -1 if negate else 1
        return cols.by_category(field, lambda v: sign * (HELD if v in allowed else FAILED))

    return evaluate


def _size(negate: bool) -> Callable[[Columns, str, Any], np.ndarray]:
    def evaluate(cols: Columns, field: str, value: Any) -> np.ndarray:
        allowed = sum(SIZE_BITS[v] for v in _as_set(value))
        if negate:
            allowed = _ALL_SIZES & ~allowed
        possible = np.arange(16)
        lut = np.where(possible & ~allowed == 0, HELD, np.where(possible & allowed == 0, FAILED, UNKNOWN))
        lut[0] = UNKNOWN  # no class possible: inconsistent inputs, decide nothing
        return lut.astype(np.int8)[cols.size_possible()]

    return evaluate


def _industry_verdict(code: str, prefixes: frozenset[str]) -> int:
    """Held if the code lies under a prefix; unknown if the code is coarser than one."""
    if any(code.startswith(p) for p in prefixes):
        return HELD
    if any(p.startswith(code) for p in prefixes):
        return UNKNOWN
    return FAILED


def _industry(negate: bool) -> Callable[[Columns, str, Any], np.ndarray]:
    def evaluate(cols: Columns, field: str, value: Any) -> np.ndarray:
        prefixes = _as_set(value)
        sign = -1 if negate else 1
        return cols.by_category(field, lambda code: sign * _industry_verdict(code, prefixes))

    return evaluate


def _region_within(cols: Columns, field: str, value: Any) -> np.ndarray:
    from recommender.profiles.regions import region_within

    parents = _as_set(value)

    def verdict(code: str) -> int:
        if any(region_within(code, p) for p in parents):
            return HELD
        if any(region_within(p, code) for p in parents):
            return UNKNOWN  # the registered place is coarser than the condition
        return FAILED

    return cols.by_category(field, verdict)


def _has(cols: Columns, field: str, value: Any) -> np.ndarray:
    return cols.qualification(str(value))


EVALUATORS: dict[tuple[str, str], Callable[[Columns, str, Any], np.ndarray]] = {
    **{("number", op): _number(op) for op in ("eq", "lt", "le", "gt", "ge")},
    **{("date", op): _date(op) for op in ("lt", "le", "gt", "ge")},
    ("bool", "eq"): _bool_eq,
    **{(kind, "eq"): _category(False) for kind in ("rating", "category")},
    **{(kind, "in"): _category(False) for kind in ("rating", "category")},
    **{(kind, "not_in"): _category(True) for kind in ("rating", "category")},
    ("size", "eq"): _size(False),
    ("size", "in"): _size(False),
    ("size", "not_in"): _size(True),
    ("industry", "in"): _industry(False),
    ("industry", "not_in"): _industry(True),
    ("region", "within"): _region_within,
    ("set", "has"): _has,
}


def _normalised_value(cond: Condition, kind: str) -> Any:
    """Condition values in the frame's canonical form (industry codes, qualification names)."""
    if kind == "set":
        from recommender.profiles.qualifications import (
            canonical_qualification,
            qualification_table,
        )

        name = canonical_qualification(str(cond.value))
        if name not in set(qualification_table()["canonical"]):
            raise RuleError("R132", f"未知的资质名称“{cond.value}”：{cond.text}")
        return name
    if kind != "industry":
        return cond.value
    from recommender.profiles.industry import normalise_industry_code

    try:
        return tuple(normalise_industry_code(v) for v in _as_set(cond.value))
    except ProfileError as exc:
        raise RuleError("R131", f"条件中的行业代码不合法：{exc.message}（{cond.text}）") from exc


def compile_condition(cond: Condition) -> Evaluator:
    """Validate a condition and bind its evaluator; unknown ops, fields or kinds raise RuleError."""
    cond.validate()
    if cond.op == "any_of":
        children = [compile_condition(c) for c in cond.any_of]
        return lambda cols: kleene_or([child(cols) for child in children], cols.n)
    if cond.op == "unknown":
        return lambda cols: np.zeros(cols.n, np.int8)
    kind = FIELD_KINDS[cond.field]
    evaluate = EVALUATORS.get((kind, cond.op))
    if evaluate is None:
        raise RuleError("R130", f"没有可用于“{kind}/{cond.op}”的条件求值器：{cond.text}")
    field, value = cond.field, _normalised_value(cond, kind)
    return lambda cols: evaluate(cols, field, value)
