"""Extraction quality: conditions read from raw text against the reviewed YAML, and the Beijing cards.

Usage: python bench/extraction.py [POLICIES_DIR] [--bj RAW_TXT] [--show-errors]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from recommender.rules.corpus import extract_document
from recommender.rules.reviewed import policy_from_files
from recommender.rules.schema import Condition, Policy
from recommender.settings import PROJECT_ROOT
from recommender.text.extract import half_width
from recommender.text.loaders import document_paths, load_document, split_policy_cards

__all__ = ["condition_type", "same_condition", "same_text", "compare", "main"]

BJ_DEFAULT = (
    PROJECT_ROOT.parent / "shared" / "data" / "bj-policy-guide" / "beijing_industry_policy_guide_2024.raw.txt"
)


def condition_type(cond: Condition) -> str:
    """The type a condition is scored under: its field, or ``unknown`` / ``any_of``."""
    return cond.op if cond.op in ("unknown", "any_of") else str(cond.field)


_PUNCT = re.compile(r"[\s，。；：、,.;:（）()“”\"'《》]")


def _norm(text: str) -> str:
    """The phrase without punctuation, its full-width digits and letters as ASCII (the extractor shows
    ５０万元 as 50万元; a reviewer quotes the document as written)."""
    return _PUNCT.sub("", half_width(text))


def same_text(a: str, b: str) -> bool:
    """Two requirement phrases agree: one contains the other, or character Jaccard >= 0.6."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) >= 0.6


def same_condition(gold: Condition, pred: Condition) -> bool:
    """Whether an extracted condition states what the reviewed one states.

    Checkable conditions agree on (field, op, value); unknown ones on their text (a reviewer and
    the extractor may cut the phrase at slightly different places); OR-groups on their branches.
    """
    if gold.op != pred.op and {gold.op, pred.op} != {"eq", "in"}:
        return False
    if gold.op == "unknown":
        return same_text(gold.text, pred.text)
    if gold.op == "any_of":
        _, missed, extra = _pair(gold.any_of, pred.any_of)
        return not missed and not extra
    if gold.field == "industry" and gold.op == pred.op and gold.field == pred.field:
        return _coverage(gold.value) == _coverage(pred.value)  # K701 and its only child K7010 are one trade
    return _one_of(gold) == _one_of(pred)


def _one_of(cond: Condition) -> tuple:
    """A condition's key with a one-member list read as that member (in [A] is eq A)."""
    if cond.op == "in" and isinstance(cond.value, (list, tuple)) and len(cond.value) == 1:
        return ("eq", cond.field, cond.value[0])
    return cond.key()


def _coverage(codes) -> frozenset[str]:
    """Industry codes as the firms they cover: a class with a single child is that child, and every
    child of a class listed (F51, F52) is the class (F)."""
    from recommender.profiles.industry import industry_table
    from recommender.text.condition_patterns import cover, narrowest

    table = industry_table()
    return frozenset(cover([narrowest(str(c), table) for c in ([codes] if isinstance(codes, str) else codes)]))


def _pair(
    gold: Iterable[Condition], pred: Iterable[Condition]
) -> tuple[list[tuple[Condition, Condition]], list[Condition], list[Condition]]:
    """Greedy one-to-one matching: (matched pairs, gold left over, predictions left over)."""
    left = list(pred)
    pairs, missed = [], []
    for g in gold:
        hit = next((p for p in left if same_condition(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            left.remove(hit)
            pairs.append((g, hit))
    return pairs, missed, left


def compare(gold: Policy, pred: Policy, counts: Counter, errors: list[str]) -> tuple[int, int]:
    """Add true/false positives and negatives per condition type; return (items, exact items)."""
    gold_items = {i.item_id: i for i in gold.items}
    pred_items = {i.item_id: i for i in pred.items}
    exact = 0
    for item_id in sorted(gold_items.keys() | pred_items.keys()):
        g = gold_items[item_id].conditions if item_id in gold_items else ()
        p = pred_items[item_id].conditions if item_id in pred_items else ()
        pairs, missed, extra = _pair(g, p)
        for cond, _ in pairs:
            counts["tp", condition_type(cond)] += 1
        for cond in extra:
            counts["fp", condition_type(cond)] += 1
            errors.append(f"  {item_id} 多读：{cond.to_dict()}")
        for cond in missed:
            counts["fn", condition_type(cond)] += 1
            errors.append(f"  {item_id} 漏读：{cond.to_dict()}")
        if item_id in gold_items and item_id in pred_items:
            exact += not missed and not extra
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
    parser.add_argument("--no-bj", action="store_true", help="不跑北京市政策导引")
    parser.add_argument("--show-errors", action="store_true", help="逐项列出多读和漏读的条件")
    args = parser.parse_args(argv)
    corpus_report(args.folder, args.show_errors)
    if args.bj is not None and not args.no_bj:
        cards_report(args.bj)
    return 0


if __name__ == "__main__":
    sys.exit(main())
