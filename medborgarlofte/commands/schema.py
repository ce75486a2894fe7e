"""`schema`: write the JSON Schema of every kind of content file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..schemas import file_schemas, render


def run(folder: Path) -> int:
    folder.mkdir(exist_ok=True)
    for name, schema in file_schemas().items():
        (folder / name).write_text(render(schema), encoding="utf-8")
        print(folder / name)
    return 0


HELP = "skriv JSON Schema för innehållsfilerna till schemas/"


def arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments of its own."""


def main(args: argparse.Namespace) -> int:
    return run(Path("schemas"))
