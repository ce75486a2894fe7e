"""The command line: one sub-command per verb, each in medborgarlofte/commands/."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from . import terminal, versions
from .commands import announce, build, check, edit, index, init, new, reviewed, schema, serve
from .errors import ContentErrors, did_you_mean

# Every command, in the order --help lists them.
COMMANDS: dict[str, Any] = {
    "check": check,
    "build": build,
    "serve": serve,
    "edit": edit,
    "new": new,
    "schema": schema,
    "announce": announce,
    "reviewed": reviewed,
    "init": init,
    "index": index,
}


def main(argv: list[str] | None = None) -> int:
    with terminal.guarded():
        return _guarded_main(argv)


def _guarded_main(argv: list[str] | None) -> int:
    try:
        return _main(argv)
    except ContentErrors as exc:  # mkdocs.yml itself is wrong, whatever the command
        print(exc, file=sys.stderr)
        print(f"{len(exc.errors)} fel.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    # The command as it was run: `medborgarlofte` installed, or `build_pages.py` in the engine's own repository.
    parser = _SwedishParser(
        prog=Path(sys.argv[0]).name if argv is None else "medborgarlofte",
        description="Bygger sajten för ett medborgarlöfte.",
    )
    parser.add_argument(
        "--version",
        action="version",
        help="visa motorns version och vilka innehållsformat den läser",
        version=f"medborgarlofte {versions.ENGINE} (läser innehållsformat {', '.join(map(str, versions.READS))})",
    )
    verbs = parser.add_subparsers(
        dest="verb", required=True, title="kommandon", metavar="KOMMANDO", parser_class=_SwedishParser
    )
    for name, command in COMMANDS.items():
        sub = verbs.add_parser(name, help=command.HELP)
        command.arguments(sub)
        if getattr(command, "IN_PROJECT", True):
            sub.add_argument(
                "--content", default="content", metavar="MAPP", help="mappen med innehåll (standard: content)"
            )
            sub.add_argument(
                "--config", default="mkdocs.yml", metavar="FIL", help="sajtens inställningar (standard: mkdocs.yml)"
            )
    args = parser.parse_args(argv)
    return int(COMMANDS[args.verb].main(args))


class _SwedishFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix="användning: " if prefix is None else prefix)


class _SwedishParser(argparse.ArgumentParser):
    """argparse in Swedish, the language of the people who run these commands: help, usage and every error."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "add_help": False, "formatter_class": _SwedishFormatter})
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str) -> NoReturn:
        self.error_in_swedish(_in_swedish(message))

    def error_in_swedish(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")


def _in_swedish(message: str) -> str:
    """argparse's own error messages, said in Swedish."""
    if match := re.match(r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)", message):
        name, value, choices = match.group(1), match.group(2), re.findall(r"'([^']*)'", match.group(3))
        what = "okänt kommando" if name == "KOMMANDO" or name == "verb" else f"{name}: okänt värde"
        return f"{what} '{value}' (förväntade ett av: {', '.join(choices)}{did_you_mean(value, choices)})"
    if match := re.match(r"the following arguments are required: (.*)", message):
        return f"saknas: {match.group(1).replace('KOMMANDO', 'ett kommando')}"
    if match := re.match(r"unrecognized arguments: (.*)", message):
        return f"okända argument: {match.group(1)} (se --help)"
    if match := re.match(r"argument (\S+): invalid int value: '(.*)'", message):
        return f"{match.group(1)}: '{match.group(2)}' är inget heltal"
    if match := re.match(r"argument (\S+): expected one argument", message):
        return f"{match.group(1)}: värdet saknas"
    if match := re.match(r"argument (\S+): (fick .*)", message, re.S):  # a value our own type= refused
        return f"{match.group(1)}: {match.group(2)}"
    return message


if __name__ == "__main__":
    sys.exit(main())
