"""``policy-match profiles``: check a table (CONTRACT §4), import it into the database, export it."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from recommender.errors import ProfileError
from recommender.profiles.importer import ImportResult

__all__ = ["register"]

_USAGE = "用法：policy-match profiles 文件 | profiles import 文件 | profiles export 文件.csv/.xlsx"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为YYYY-MM-DD：{text}") from exc


def _report(result: ImportResult) -> None:
    for note in result.row_notes():
        print(f"row {note.row}: {note.reason}", file=sys.stderr)


def _check(path: str, args: argparse.Namespace) -> int:
    from recommender.profiles.derive import derive
    from recommender.profiles.export import write_table
    from recommender.profiles.importer import read_table

    result = read_table(path, as_of=args.as_of)
    _report(result)
    frame = derive(result.frame, args.as_of or date.today())
    write_table(frame, args.out or sys.stdout)
    print(
        f"读取{result.rows_read}行，有效{len(result.frame)}行，拒绝{len(result.rejected)}行",
        file=sys.stderr,
    )
    return 0 if len(result.frame) else 1


def _import(path: str, args: argparse.Namespace) -> int:
    from recommender.profiles.importer import read_table
    from recommender.profiles.store import upsert_enterprises
    from recommender.storage.db import get_engine

    result = read_table(path, as_of=args.as_of)
    _report(result)
    stats = upsert_enterprises(result.frame, get_engine(args.db), fields=result.fields)
    print(
        f"读取{result.rows_read}行，导入{len(result.frame)}行，新增{stats.inserted}，"
        f"更新{stats.updated}，未变{stats.unchanged}，拒绝{len(result.rejected)}"
    )
    return 0 if len(result.frame) else 1


def _export(path: str, args: argparse.Namespace) -> int:
    from recommender.profiles.derive import derive
    from recommender.profiles.export import write_table
    from recommender.profiles.store import load_enterprises
    from recommender.storage.db import get_engine

    frame = derive(load_enterprises(get_engine(args.db)), args.as_of or date.today())
    write_table(frame, path)
    print(f"已导出{len(frame)}家企业到{path}")
    return 0


def _run(args: argparse.Namespace) -> int:
    words = args.words
    if len(words) == 1:
        return _check(words[0], args)
    if len(words) == 2 and words[0] == "import":
        return _import(words[1], args)
    if len(words) == 2 and words[0] == "export":
        return _export(words[1], args)
    raise ProfileError("P150", f"无法理解的参数：{' '.join(words)}。{_USAGE}")


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``profiles`` (check / import / export) to the ``policy-match`` parser."""
    p = sub.add_parser(
        "profiles",
        help="检查企业表并输出派生字段；profiles import 导入数据库；profiles export 导出",
        description="检查企业表（CSV或.xlsx）。profiles import 文件：导入数据库；"
        "profiles export 文件：从数据库导出。名为import/export的文件请写作 ./import",
    )
    p.add_argument("words", nargs="+", metavar="文件", help="企业表；或 import 文件 / export 文件")
    p.add_argument("--out", help="输出CSV文件（默认写到标准输出）")
    p.add_argument("--as-of", type=_day, default=None, help="以该日期计算成立年限（默认今天）")
    p.add_argument("--db", default=None, help="数据库URL（默认环境变量DATABASE_URL或本地SQLite）")
    p.set_defaults(func=_run)
