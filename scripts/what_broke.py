#!/usr/bin/env python3
"""What broke when the README's commands ran on a new machine (.github/workflows/ny-maskin.yml), from their logs:
the command, the Makefile's step that failed and the failing tool's own words (pip's and npm's errors, apt's, pytest's
failed tests), as a summary on the workflow run's page and one annotation.

    python3 scripts/what_broke.py LOG...      each LOG named by its command: .fresh/make-site.log is `make site`

The logs are read in the order given; the first that holds a failure is the one reported. Prints the annotation (a
workflow command) on standard output and writes the summary where GITHUB_STEP_SUMMARY points, or on standard output.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

# make's own line for the step that failed: make: *** [Makefile:58: .venv/installed] Error 1
FAILED_STEP = re.compile(r"^make(?:\[\d+\])?: \*\*\* \[(?P<where>[^\]]+)\] Error (?P<code>\d+)", re.MULTILINE)
# The lines in which the tools say what went wrong, each with the indented lines that go on from it.
TOOL_ERROR = re.compile(
    r"^(?:ERROR: |E: |npm (?:ERR!|error) |FAILED |ERROR tests/|error: |Error: ).*(?:\n[ \t]+\S.*)*", re.MULTILINE
)
MOST_LINES = 15
TAIL = 20


def _command(log: Path) -> str:
    return log.stem.replace("-", " ", 1)


def _escaped(text: str) -> str:
    """A value in a workflow command: GitHub reads %, CR and LF as escapes."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def report(logs: list[Path]) -> tuple[str, str] | None:
    """The summary and the annotation for the first log that holds a failure; None where none does."""
    for log in logs:
        text = log.read_text(encoding="utf-8", errors="replace")
        steps = list(FAILED_STEP.finditer(text))
        if not steps:
            continue
        command = _command(log)
        step = steps[-1]
        words = [line.rstrip() for found in TOOL_ERROR.findall(text) for line in found.splitlines()][:MOST_LINES]
        shown = words or text.rstrip().splitlines()[-TAIL:]
        said = "Verktygets egna ord" if words else f"De sista {len(shown)} raderna"
        summary = (
            f"## `{command}` gick sönder på en ny maskin\n\n"
            f"Steget `{step['where']}` slutade med fel {step['code']}. {said}:\n\n"
            "```\n" + "\n".join(shown) + "\n```\n\n"
            "Hela loggen står under steget i körningen. Handboken, handbok/utveckla-motorn.md, säger hur låsfilen "
            "skrivs om (make lock).\n"
        )
        annotation = f"::error title={_escaped(command)} gick sönder på en ny maskin::{_escaped(shown[0])}"
        return summary, annotation
    return None


def main(arguments: list[str]) -> int:
    if not arguments:
        print(__doc__, file=sys.stderr)
        return 2
    logs = [Path(argument) for argument in arguments if Path(argument).is_file()]
    found = report(logs)
    if found is None:
        found = (
            "## Körningen gick sönder före make\n\nIngen av loggarna visar ett steg som slutade med fel: se stegen i körningen.\n",
            "::error title=Ny maskin::körningen gick sönder före make (se stegen)",
        )
    summary, annotation = found
    print(annotation)
    where = os.environ.get("GITHUB_STEP_SUMMARY")
    if where:
        with open(where, "a", encoding="utf-8") as file:
            file.write(summary)
    else:
        print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
