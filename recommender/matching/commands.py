"""Subcommands ``match``, ``reach``, ``recommend`` and ``outreach`` (CONTRACT.md sections 3 and 5)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import pandas as pd

__all__ = ["register"]


def _as_of(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def _common(parser: argparse.ArgumentParser, *, policies: bool = True) -> None:
    if policies:
        parser.add_argument("--policies", required=True, type=Path, help="政策文件夹")
    parser.add_argument("--enterprises", required=True, type=Path, help="企业名录（CSV 或 xlsx）")
    parser.add_argument("--as-of", dest="as_of", type=_as_of, default=None, help="基准日期")
    parser.add_argument("--out", type=Path, default=None, help="输出文件")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the matching subcommands to the ``policy-match`` parser."""
    p = sub.add_parser("match", help="批量匹配：每个企业 × 每个支持事项的结果")
    _common(p)
    p.set_defaults(func=_match)

    p = sub.add_parser("reach", help="政策覆盖面：每个支持事项符合、待确认、不符合的企业数")
    _common(p)
    p.set_defaults(func=_reach)

    p = sub.add_parser("recommend", help="为一家企业推荐政策并说明理由")
    _common(p)
    p.add_argument("--enterprise", required=True, help="统一社会信用代码")
    p.add_argument("--top", type=int, default=10, help="显示前 N 项")
    p.set_defaults(func=_recommend)

    p = sub.add_parser("autogrant", help="免申即享：条件全部可由数据核验且全部满足的企业清单")
    _common(p)
    p.set_defaults(func=_autogrant)

    p = sub.add_parser("outreach", help="招商外联名单：某个支持事项应优先联系的企业")
    _common(p)
    p.add_argument("--item", required=True, help="支持事项编号，如 policy-id#1")
    p.add_argument("--region", action="append", default=[], help="只看该行政区划（可多次）")
    p.add_argument("--industry", action="append", default=[], help="只看该行业代码前缀")
    p.add_argument("--size", action="append", default=[], help="只看该规模（大型/中型/小型/微型）")
    p.set_defaults(func=_outreach)


def _load(args: argparse.Namespace):
    """Read enterprises (reporting bad rows) and policies; None when nothing could be read."""
    from recommender.matching.workspace import load_registry
    from recommender.rules.corpus import load_corpus

    as_of = args.as_of or date.today()
    frame, rejected = load_registry(args.enterprises, as_of)
    for err in rejected:
        print(f"row {err.row}: {err.reason}", file=sys.stderr)
    def skip(path: Path, exc: Exception) -> None:
        print(f"{path.name}: 已跳过，{exc}", file=sys.stderr)

    policies = load_corpus(args.policies, on_error=skip) if getattr(args, "policies", None) else []
    if frame.empty:
        print("错误：企业名录中没有可用的行", file=sys.stderr)
        return None
    return frame, policies, as_of


def _write(table: pd.DataFrame, out: Path | None) -> None:
    if out is None:
        table.to_csv(sys.stdout, index=False)
    elif out.suffix.lower() == ".xlsx":
        table.to_excel(out, index=False)
    else:
        table.to_csv(out, index=False, encoding="utf-8")


def _matcher(args: argparse.Namespace):
    """The Matcher over the command's enterprises and policies; None when nothing could be read."""
    from recommender.matching.matcher import Matcher

    loaded = _load(args)
    return None if loaded is None else Matcher(loaded[1], loaded[0], loaded[2])


def _match(args: argparse.Namespace) -> int:
    matcher = _matcher(args)
    if matcher is None:
        return 1
    _write(matcher.table(), args.out)
    return 0


def _reach(args: argparse.Namespace) -> int:
    from recommender.matching.catalog import Catalog
    from recommender.rules.engine import Engine

    loaded = _load(args)
    if loaded is None:
        return 1
    frame, policies, as_of = loaded
    catalog = Catalog.build(policies, as_of)
    counts = Engine(frame).counts(list(catalog.items))
    _write(counts[["item_id", "eligible", "unknown", "ineligible"]], args.out)
    return 0


def _autogrant(args: argparse.Namespace) -> int:
    from recommender.matching.autogrant import auto_grant, auto_grant_items

    matcher = _matcher(args)
    if matcher is None:
        return 1
    table = auto_grant(matcher)
    print(
        f"可免申即享的支持事项 {len(auto_grant_items(matcher))} 项，涉及企业与事项组合 {len(table)} 个",
        file=sys.stderr,
    )
    _write(table, args.out)
    return 0


def _recommend(args: argparse.Namespace) -> int:
    from recommender.matching.selfcheck import explain_item

    matcher = _matcher(args)
    if matcher is None:
        return 1
    try:
        row = matcher.row(args.enterprise.strip().upper())
    except KeyError:
        print(f"错误：名录中没有统一社会信用代码为 {args.enterprise} 的企业", file=sys.stderr)
        return 1
    ranked = matcher.recommend(row).head(args.top)
    name = matcher.frame.iloc[row].get("name")
    print(f"{name or args.enterprise}（{args.enterprise}）推荐结果，基准日期 {matcher.as_of}：")
    for n, rec in enumerate(ranked.itertuples(), 1):
        print(f"\n{n}. [{rec.status_label}] {rec.name} —— {rec.title}（{rec.item_id}，推荐分 {rec.score}）")
        if rec.benefit:
            print(f"   支持内容：{rec.benefit}")
        for line in explain_item(matcher, row, rec.item_id).lines():
            print(f"   {line}")
    if args.out:
        _write(ranked, args.out)
    return 0


def _outreach(args: argparse.Namespace) -> int:
    from recommender.matching.outreach import OutreachFilter, outreach, write_outreach

    matcher = _matcher(args)
    if matcher is None:
        return 1
    try:
        matcher.catalog.item(args.item)
    except KeyError:
        print(f"错误：没有编号为 {args.item} 的有效支持事项", file=sys.stderr)
        return 1
    flt = OutreachFilter(tuple(args.region), tuple(args.industry), tuple(args.size))
    table = outreach(matcher, args.item, flt)
    counts = table["status_label"].value_counts()
    print(
        f"{args.item}：符合 {counts.get('符合', 0)} 家，待确认 {counts.get('待确认', 0)} 家",
        file=sys.stderr,
    )
    if args.out:
        write_outreach(table, args.out)
        print(f"已导出 {len(table)} 家企业到 {args.out}", file=sys.stderr)
    else:
        table.to_csv(sys.stdout, index=False)
    return 0
