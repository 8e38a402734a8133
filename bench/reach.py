"""Benchmark of the rule engine: reach over a synthetic registry, beside DuckDB on the same file.

Run: ``python bench/reach.py --rows 1000000 --items 1000`` (figures are printed, not asserted).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from recommender.profiles.industry import normalise_industry_code
from recommender.profiles.qualifications import canonical_qualification
from recommender.rules.corpus import load_corpus
from recommender.rules.engine import Engine
from recommender.rules.schema import FIELD_KINDS, Condition, SupportItem
from recommender.rules.trace import trace
from recommender.rules.whatif import sweep

AS_OF = date(2025, 6, 30)
COLUMNS = [
    "credit_code", "industry_code", "region_code", "established", "employees", "revenue", "assets",
    "taxable_income", "rd_expense", "tax_credit", "dishonest", "has_bank_loan", "taxpayer_type",
    "ownership", "qualifications", "invention_patents", "size", "size_possible",
    "small_low_profit", "age_years", "rd_ratio",
]
FACTORS = (0.5, 0.75, 1.0, 1.0, 1.5, 2.0, 3.0)
SIZE_BITS = {"大型": 1, "中型": 2, "小型": 4, "微型": 8}


def peak_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _write_registry(rows: int, seed: int, path: str) -> None:
    from recommender.profiles.derive import derive
    from recommender.profiles.synthetic import generate_registry

    frame = derive(generate_registry(rows, seed=seed, scope="city"), AS_OF)
    frame[COLUMNS].to_parquet(path, index=False)


def registry_file(rows: int, seed: int, folder: Path) -> Path:
    """The registry as Parquet, generated once in a child process so it does not inflate RSS."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"registry-{rows}-{seed}.parquet"
    if not path.exists():
        started = time.perf_counter()
        child = multiprocessing.get_context("spawn").Process(
            target=_write_registry, args=(rows, seed, str(path))
        )
        child.start()
        child.join()
        if child.exitcode:
            raise SystemExit(f"生成合成企业库失败（退出码 {child.exitcode}）")
        print(f"生成合成企业库 {rows:,} 家：{time.perf_counter() - started:.1f} s → {path}")
    return path


# --- 1,000 items by varying the corpus items' conditions -----------------------------------
def _vary(cond: Condition, rng: np.random.Generator, pools: tuple[list[str], list[str]], spread: bool) -> Condition:
    regions, industries = pools
    if cond.op == "any_of":
        return Condition(op="any_of", any_of=tuple(_vary(c, rng, pools, spread) for c in cond.any_of), text=cond.text)
    kind = FIELD_KINDS.get(cond.field or "")
    if kind == "number":
        factor = rng.uniform(0.3, 3.0) if spread else rng.choice(FACTORS)
        return cond.with_value(round(float(cond.value) * float(factor), 2))
    if kind == "date":
        shifted = date.fromisoformat(cond.value).replace(year=date.fromisoformat(cond.value).year + int(rng.integers(-3, 4)))
        return cond.with_value(shifted.isoformat())
    if kind == "region":
        return cond.with_value(str(rng.choice(regions)))
    if kind == "industry":
        return cond.with_value(list(rng.choice(industries, size=int(rng.integers(1, 3)), replace=False)))
    return cond


def build_items(
    n: int, frame: pd.DataFrame, seed: int, spread: bool = False
) -> tuple[list[SupportItem], int]:
    """``n`` items varied from the corpus; returns them and the number of distinct conditions.

    Thresholds are scaled by round factors, or by any factor in 0.3-3 with ``spread``
    (nearly every threshold then distinct: the worst case for sharing).
    """
    rng = np.random.default_rng(seed)
    base = [i for p in load_corpus("policies", extract_missing=False) for i in p.items if i.conditions]
    counties = sorted(frame["region_code"].dropna().unique())
    regions = counties[:40] + ["500000", "500100", "500200"]
    codes = frame["industry_code"].dropna()
    industries = sorted(set(codes.str[:1]) | set(codes.str[:3].value_counts().index[:40]))
    items, keys = [], set()
    for j in range(n):
        template = base[j % len(base)]
        conds = tuple(_vary(c, rng, (regions, industries), spread) for c in template.conditions)
        items.append(SupportItem(item_id=f"bench#{j + 1}", kind=template.kind, name=template.name, conditions=conds))
        keys.update(c.key() for c in conds)
    return items, len(keys)


# --- the same counts in DuckDB, from hand-written SQL -------------------------------------
def _quote(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _region_prefix(code: str) -> str:
    return code[:2] if code.endswith("0000") else code[:4] if code.endswith("00") else code


ROW_REGION_PREFIX = (
    "CASE WHEN region_code LIKE '%0000' THEN substr(region_code, 1, 2) "
    "WHEN region_code LIKE '%00' THEN substr(region_code, 1, 4) ELSE region_code END"
)


def sql_tri(cond: Condition) -> str:
    """A SQL expression giving 1 held, 0 unknown, -1 failed for one condition."""
    if cond.op == "any_of":
        return "GREATEST(" + ", ".join(sql_tri(c) for c in cond.any_of) + ")"
    if cond.op == "unknown":
        return "0"
    kind, field = FIELD_KINDS[cond.field], cond.field
    symbol = {"eq": "=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}.get(cond.op)
    values = cond.value if isinstance(cond.value, tuple) else (cond.value,)
    if kind == "number":
        test = f"{field} {symbol} {float(cond.value)!r}"
    elif kind == "date":
        test = f"CAST({field} AS DATE) {symbol} DATE {_quote(cond.value)}"
    elif kind == "bool":
        test = f"{field} = {str(cond.value).upper()}"
    elif kind in ("rating", "category"):
        test = f"{field} IN ({', '.join(_quote(v) for v in values)})"
        test = f"NOT ({test})" if cond.op == "not_in" else test
    elif kind == "size":
        allowed = sum(SIZE_BITS[v] for v in set(values))
        allowed = 15 & ~allowed if cond.op == "not_in" else allowed
        return (
            f"CASE WHEN (size_possible & {15 & ~allowed}) = 0 THEN 1 "
            f"WHEN (size_possible & {allowed}) = 0 THEN -1 ELSE 0 END"
        )
    elif kind == "industry":
        prefixes = [normalise_industry_code(v) for v in values]
        held = " OR ".join(f"starts_with(industry_code, {_quote(p)})" for p in prefixes)
        coarser = " OR ".join(f"starts_with({_quote(p)}, industry_code)" for p in prefixes)
        sign = -1 if cond.op == "not_in" else 1
        return (
            f"CASE WHEN industry_code IS NULL THEN 0 WHEN {held} THEN {sign} "
            f"WHEN {coarser} THEN 0 ELSE {-sign} END"
        )
    elif kind == "region":
        held = " OR ".join(f"starts_with(region_code, {_quote(_region_prefix(v))})" for v in values)
        coarser = " OR ".join(f"starts_with({_quote(v)}, {ROW_REGION_PREFIX})" for v in values)
        return f"CASE WHEN region_code IS NULL THEN 0 WHEN {held} THEN 1 WHEN {coarser} THEN 0 ELSE -1 END"
    else:  # set: a qualification name
        name = canonical_qualification(str(cond.value))
        test = f"list_contains(string_split(qualifications, ';'), {_quote(name)})"
    column = "industry_code" if field == "industry" else field
    return f"CASE WHEN {column} IS NULL THEN 0 WHEN {test} THEN 1 ELSE -1 END"


def duckdb_counts(path: Path, items: list[SupportItem], threads: int) -> pd.DataFrame:
    """item_id, eligible, unknown, ineligible computed by DuckDB over the Parquet file."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    status = [
        ("LEAST(" + ", ".join(["1", *(sql_tri(c) for c in item.conditions)]) + f") AS s{j}")
        for j, item in enumerate(items)
    ]
    tallies = [f"count_if(s{j} = 1), count_if(s{j} = -1)" for j in range(len(items))]
    sql = f"SELECT count(*), {', '.join(tallies)} FROM (SELECT {', '.join(status)} FROM read_parquet({_quote(str(path))}))"
    row = con.execute(sql).fetchone()
    total, rest = row[0], np.array(row[1:], np.int64).reshape(-1, 2)
    return pd.DataFrame(
        {
            "item_id": [i.item_id for i in items],
            "eligible": rest[:, 0],
            "unknown": total - rest.sum(axis=1),
            "ineligible": rest[:, 1],
        }
    )


# --- the run -------------------------------------------------------------------------------
def _timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description="规则引擎基准：覆盖面统计、外呼名单、阈值扫描、单企业自检")
    parser.add_argument("--rows", type=int, default=1_000_000, help="合成企业数")
    parser.add_argument("--items", type=int, default=1000, help="支持项目数")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2, help="DuckDB 线程数")
    parser.add_argument("--data", type=Path, default=Path("/tmp/policy-match-bench"), help="数据缓存目录")
    parser.add_argument("--no-duckdb", action="store_true", help="不运行 DuckDB 对照")
    parser.add_argument("--spread", action="store_true", help="阈值随机取值（几乎每个条件都不同）")
    args = parser.parse_args()

    path = registry_file(args.rows, args.seed, args.data)
    frame, read_s = _timed(lambda: pd.read_parquet(path))
    items, distinct = build_items(args.items, frame, args.seed, args.spread)
    print(f"读取 Parquet：{read_s:.2f} s；{len(frame):,} 家企业 × {len(items)} 个项目，不同条件 {distinct} 个")

    engine = Engine(frame)
    counts, counts_s = _timed(lambda: engine.counts(items))
    print(f"Engine.counts：{counts_s:.2f} s，峰值内存 {peak_mb():,.0f} MB（含读入的企业表）")
    again, again_s = _timed(lambda: engine.counts(items))
    print(f"Engine.counts（条件已缓存）：{again_s:.3f} s")

    if not args.no_duckdb:
        sql_counts, sql_s = _timed(lambda: duckdb_counts(path, items, args.threads))
        same = sql_counts.equals(counts)
        print(f"DuckDB 手写 SQL（{args.threads} 线程，读同一 Parquet）：{sql_s:.2f} s；计数一致：{'是' if same else '否'}")
        if not same:
            diff = counts.compare(sql_counts)
            print(f"不一致的项目 {len(diff)} 个，例如：\n{diff.head()}")
        print(f"进程峰值内存（含 DuckDB）：{peak_mb():,.0f} MB")

    item = max(items[:100], key=lambda i: len(i.conditions))
    cold = Engine(frame)

    def outreach(eng: Engine) -> np.ndarray:
        status = eng.item_status(item)
        return np.lexsort((eng.missing(item), -status))

    _, out_cold = _timed(lambda: outreach(cold))
    _, out_warm = _timed(lambda: outreach(engine))
    print(f"外呼名单（{item.item_id}，{len(item.conditions)} 个条件，状态+缺失数+排序）：冷 {out_cold:.3f} s，热 {out_warm:.3f} s")

    numeric = [k for k, c in enumerate(item.conditions) if FIELD_KINDS.get(c.field or "") == "number"]
    target = item if numeric else items[0]
    k = numeric[0] if numeric else None
    if k is None:
        target = next(i for i in items if any(FIELD_KINDS.get(c.field or "") == "number" for c in i.conditions))
        k = next(n for n, c in enumerate(target.conditions) if FIELD_KINDS.get(c.field or "") == "number")
    base = float(target.conditions[k].value)
    values = list(np.round(np.linspace(base * 0.25, base * 4, 20), 2))
    _, sweep_cold = _timed(lambda: sweep(Engine(frame), target, k, values))
    _, sweep_warm = _timed(lambda: sweep(engine, target, k, values))
    print(f"20 点阈值扫描（{target.conditions[k].field}）：冷 {sweep_cold:.3f} s，热 {sweep_warm:.3f} s")

    rng = np.random.default_rng(args.seed)
    timings = []
    for row in rng.integers(0, len(frame), 60):
        started = time.perf_counter()
        engine.statuses(items, rows=[int(row)])
        trace(engine, [int(row)], items)
        timings.append(time.perf_counter() - started)
    warm = np.array(timings[10:]) * 1000
    print(f"单企业 × {len(items)} 个项目（状态+完整追溯，热）：p50 {np.percentile(warm, 50):.1f} ms，p95 {np.percentile(warm, 95):.1f} ms")
    print(f"进程峰值内存：{peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
