"""Extraction quality: conditions read from raw text against the reviewed YAML, and the Beijing cards.

Usage: python bench/extraction.py [POLICIES_DIR] [--bj RAW_TXT] [--show-errors]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from recommender.rules.corpus import extract_document
from recommender.rules.reviewed import policy_from_files
from recommender.rules.schema import Condition, Policy
from recommender.settings import PROJECT_ROOT
from recommender.text.loaders import document_paths, load_document, split_policy_cards

__all__ = ["condition_type", "compare", "main"]

BJ_DEFAULT = (
    PROJECT_ROOT.parent / "shared" / "data" / "bj-policy-guide" / "beijing_industry_policy_guide_2024.raw.txt"
)


def condition_type(cond: Condition) -> str:
    """The type a condition is scored under: its field, or ``unknown`` / ``any_of``."""
    return cond.op if cond.op in ("unknown", "any_of") else str(cond.field)


def _keys(conds: Iterable[Condition]) -> dict[tuple, Condition]:
    return {c.key(): c for c in conds}


def compare(gold: Policy, pred: Policy, counts: Counter, errors: list[str]) -> tuple[int, int]:
    """Add true/false positives and negatives per condition type; return (items, exact items)."""
    gold_items = {i.item_id: i for i in gold.items}
    pred_items = {i.item_id: i for i in pred.items}
    exact = 0
    for item_id in sorted(gold_items.keys() | pred_items.keys()):
        g = _keys(gold_items[item_id].conditions) if item_id in gold_items else {}
        p = _keys(pred_items[item_id].conditions) if item_id in pred_items else {}
        for key in g.keys() & p.keys():
            counts["tp", condition_type(g[key])] += 1
        for key in p.keys() - g.keys():
            counts["fp", condition_type(p[key])] += 1
            errors.append(f"  {item_id} 多读：{p[key].to_dict()}")
        for key in g.keys() - p.keys():
            counts["fn", condition_type(g[key])] += 1
            errors.append(f"  {item_id} 漏读：{g[key].to_dict()}")
        if item_id in gold_items and item_id in pred_items:
            exact += g.keys() == p.keys()
            counts["kind_same"] += gold_items[item_id].kind == pred_items[item_id].kind
    return len(gold_items), exact


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def corpus_report(folder: Path, show_errors: bool) -> None:
    """Print condition-level precision/recall/F1 per type and item-level agreement."""
    counts: Counter = Counter()
    errors: list[str] = []
    docs = items = exact = same_count = 0
    started = time.perf_counter()
    for path in document_paths(folder):
        rules = path.with_suffix(".yaml")
        if not rules.exists():
            continue
        doc = load_document(path)
        gold = policy_from_files(doc, rules)
        pred = extract_document(doc)
        docs += 1
        same_count += len(gold.items) == len(pred.items)
        n, e = compare(gold, pred, counts, errors)
        items += n
        exact += e
        if show_errors and errors:
            print(f"{path.name}：金标准 {len(gold.items)} 项，抽取 {len(pred.items)} 项")
            print("\n".join(errors))
        errors.clear()
    elapsed = time.perf_counter() - started
    types = sorted({t for (_, t) in (k for k in counts if isinstance(k, tuple))})
    print(f"语料：{folder}，{docs} 个有审核规则的文件，{items} 个支持事项，用时 {elapsed:.1f} 秒")
    print(f"{'条件类型':<18}{'金标准':>6}{'抽取':>6}{'命中':>6}{'精确率':>8}{'召回率':>8}{'F1':>8}")
    total = Counter()
    for kind in types:
        tp, fp, fn = counts["tp", kind], counts["fp", kind], counts["fn", kind]
        total.update({"tp": tp, "fp": fp, "fn": fn})
        p, r, f = _prf(tp, fp, fn)
        print(f"{kind:<22}{tp + fn:>6}{tp + fp:>6}{tp:>6}{p:>10.3f}{r:>10.3f}{f:>8.3f}")
    p, r, f = _prf(total["tp"], total["fp"], total["fn"])
    print(
        f"{'合计':<20}{total['tp'] + total['fn']:>6}{total['tp'] + total['fp']:>6}{total['tp']:>6}"
        f"{p:>10.3f}{r:>10.3f}{f:>8.3f}"
    )
    if docs:
        print(f"支持事项个数一致的文件：{same_count}/{docs}（{same_count / docs:.1%}）")
    if items:
        print(f"条件集合完全一致的支持事项：{exact}/{items}（{exact / items:.1%}）")
        print(f"项目类型（credit/incentive）一致：{counts['kind_same']}/{items}")


def cards_report(path: Path) -> None:
    """Run the extractor over every Beijing policy card; count yields, crashes and time."""
    from recommender.text.extract import extract_policy

    cards = split_policy_cards(load_document(path).text)
    with_items = with_conditions = crashes = 0
    fields: Counter = Counter()
    started = time.perf_counter()
    for card in cards:
        try:
            policy = extract_policy(card.text, f"bj-{card.number:03d}", {"title": card.title})
        except Exception as exc:  # the benchmark counts crashes instead of stopping at the first
            crashes += 1
            print(f"  卡片 {card.number}「{card.title}」崩溃：{type(exc).__name__}: {exc}")
            continue
        conds = [c for item in policy.items for c in item.conditions]
        with_items += bool(policy.items)
        with_conditions += bool(conds)
        fields.update(condition_type(c) for c in conds)
    elapsed = time.perf_counter() - started
    print(f"北京市产业政策导引：{len(cards)} 张卡片，用时 {elapsed:.1f} 秒")
    print(f"  读出至少一个支持事项：{with_items}；读出至少一个条件：{with_conditions}；崩溃：{crashes}")
    print("  条件类型分布：" + "，".join(f"{k} {v}" for k, v in fields.most_common()))


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description="抽取质量基准")
    parser.add_argument("folder", nargs="?", type=Path, default=PROJECT_ROOT / "policies")
    parser.add_argument("--bj", type=Path, default=BJ_DEFAULT if BJ_DEFAULT.exists() else None)
    parser.add_argument("--show-errors", action="store_true", help="逐项列出多读和漏读的条件")
    args = parser.parse_args(argv)
    corpus_report(args.folder, args.show_errors)
    if args.bj is not None:
        cards_report(args.bj)
    return 0


if __name__ == "__main__":
    sys.exit(main())
