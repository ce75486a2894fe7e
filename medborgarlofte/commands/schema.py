"""`schema`: write the JSON Schema of every kind of content file."""

from __future__ import annotations

from pathlib import Path

from ..schemas import file_schemas, render


def run(folder: Path) -> int:
    folder.mkdir(exist_ok=True)
    for name, schema in file_schemas().items():
        (folder / name).write_text(render(schema), encoding="utf-8")
        print(folder / name)
    return 0
