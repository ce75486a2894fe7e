"""The command line: one sub-command per verb, each in medborgarlofte/commands/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands import check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_pages.py", description="Bygger sajten för ett medborgarlöfte.")
    verbs = parser.add_subparsers(dest="verb", required=True)
    check_parser = verbs.add_parser("check", help="kontrollera innehållet och skriv en sammanfattning")
    for sub in (check_parser,):
        sub.add_argument("--content", default="content", help="mappen med innehåll (standard: content)")
    args = parser.parse_args(argv)
    if args.verb == "check":
        return check.run(Path(args.content), args.content)
    return 2


if __name__ == "__main__":
    sys.exit(main())
