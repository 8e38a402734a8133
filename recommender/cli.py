"""The ``policy-match`` command line: each area registers its own subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main", "build_parser"]

# Modules that expose ``register(subparsers)``; each adds its subcommands with a ``func``.
COMMAND_MODULES = (
    "recommender.profiles.commands",
    "recommender.text.commands",
    "recommender.matching.commands",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every area's subcommands."""
    import importlib

    parser = argparse.ArgumentParser(prog="policy-match", description="惠企政策精准匹配")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    from recommender.errors import PolicyMatchError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except PolicyMatchError as exc:
        print(f"错误 {exc.code}：{exc.message}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"错误：找不到文件 {exc.filename}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
