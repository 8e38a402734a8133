"""Subcommands ``extract`` (what was read from a document) and ``validate`` (rule files)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

__all__ = ["register", "rule_files"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the policy-text subcommands to the ``policy-match`` parser."""
    p = sub.add_parser("extract", help="从政策文件中读取支持事项、条件和待遇（不参考已审核规则）")
    p.add_argument("file", type=Path, help="政策文件（.md、.txt、.docx 或 .pdf）")
    p.add_argument(
        "--format",
        choices=("yaml", "json"),
        default="yaml",
        help="yaml：供审核的规则草稿（默认）；json：CONTRACT 第6节格式",
    )
    p.set_defaults(func=_extract)

    p = sub.add_parser("validate", help="检查已审核的规则文件（YAML），逐条给出错误代码")
    p.add_argument("paths", nargs="*", type=Path, help="规则文件或文件夹（默认 policies/）")
    p.set_defaults(func=_validate)


def _extract(args: argparse.Namespace) -> int:
    from recommender.rules.corpus import extract_document
    from recommender.rules.rules_yaml import dump_policy_yaml
    from recommender.text.loaders import load_document

    policy = extract_document(load_document(args.file))
    if args.format == "json":
        print(json.dumps(policy.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(dump_policy_yaml(policy), end="")
    return 0


def rule_files(paths: list[Path]) -> list[Path]:
    """The rule files named, or directly inside the folders named (default ``policies/``)."""
    files: list[Path] = []
    for path in paths or [Path("policies")]:
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(2, "找不到文件", str(path))
    return files


def _validate(args: argparse.Namespace) -> int:
    from recommender.rules.reviewed import validate_rules_file

    files = rule_files(args.paths)
    count = 0
    for path in files:
        for error in validate_rules_file(path):
            print(f"{path}:{error.code} {error.message}")
            count += 1
    if count:
        print(f"共检查 {len(files)} 个规则文件，发现 {count} 处错误。")
        return 1
    print(f"共检查 {len(files)} 个规则文件，未发现错误。")
    return 0
