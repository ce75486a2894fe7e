"""Golden files: everything generated from the sample content (pages, feeds, calendar, data), under tests/golden/.

Regenerate after an intended change with `make golden` (python -m tests.golden), then read the diff.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from medborgarlofte.contents import load, published
from medborgarlofte.generators import generate
from medborgarlofte.settings import read_settings

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
TODAY = date(2022, 10, 1)


def sample_pages() -> dict[str, str]:
    settings = read_settings(HERE.parent / "mkdocs.yml")
    return generate(published(load(HERE / "sample"), TODAY), settings, TODAY)


if __name__ == "__main__":
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for relative, text in sample_pages().items():
        path = GOLDEN / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    print(f"Wrote {len(sample_pages())} files to {GOLDEN}")
