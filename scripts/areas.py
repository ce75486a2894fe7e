#!/usr/bin/env python3
"""The areas that the workflow of many areas builds, one job each: `areas.py FILE` prints `areas=[...]` for $GITHUB_OUTPUT.

FILE lists the folders of the areas in this repository, relative to its root (where the command runs), one a line (each
with its mkdocs.yml and content/), and # comments. Each area is {"name": ..., "folder": ...}: name is the folder's own name (the repository's for "."), as
letters, digits and dashes, and is the area's address under the published site.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path


def areas(listing: Path) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    problems = []
    for number, line in enumerate(listing.read_text(encoding="utf-8").splitlines(), start=1):
        folder = line.strip()
        if not folder or folder.startswith("#"):
            continue
        path = Path(folder).resolve()
        if not (path / "mkdocs.yml").is_file() or not (path / "content").is_dir():
            problems.append(
                f"{listing}:{number}: {folder}: ingen sajt här (förväntade en mapp med mkdocs.yml och content/)"
            )
            continue
        plain = "".join(
            char for char in unicodedata.normalize("NFKD", path.name.casefold()) if char.isascii()
        )  # å, ä, ö as a, a, o
        name = re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "omrade"
        if any(area["name"] == name for area in found):
            problems.append(
                f"{listing}:{number}: {folder}: namnet '{name}' finns redan (förväntade varje område en gång)"
            )
            continue
        found.append({"name": name, "folder": folder})
    if problems:
        raise SystemExit("\n".join(problems))
    return found


if __name__ == "__main__":
    print("areas=" + json.dumps(areas(Path(sys.argv[1])), ensure_ascii=False, separators=(",", ":")))
