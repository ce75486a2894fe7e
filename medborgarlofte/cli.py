"""The command line: one sub-command per verb, each in medborgarlofte/commands/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands import build, check, schema


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_pages.py", description="Bygger sajten för ett medborgarlöfte.")
    verbs = parser.add_subparsers(dest="verb", required=True)
    verbs.add_parser("check", help="kontrollera innehållet och skriv en sammanfattning")
    verbs.add_parser("build", help="bygg sajten till site/ (ingenting skrivs om något är fel)")
    verbs.add_parser("schema", help="skriv JSON Schema för innehållsfilerna till schemas/")
    for sub in verbs.choices.values():
        sub.add_argument("--content", default="content", help="mappen med innehåll (standard: content)")
    args = parser.parse_args(argv)
    content = Path(args.content)
    if args.verb == "check":
        return check.run(content, args.content)
    if args.verb == "build":
        return build.run(content, args.content, Path("mkdocs.yml"), Path("site"))
    return schema.run(Path("schemas"))


if __name__ == "__main__":
    sys.exit(main())
