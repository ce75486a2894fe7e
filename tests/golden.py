"""Golden files: everything generated from the sample content (pages, feeds, calendar, data), under tests/golden/,
in the site's first language at the top and in each other language in a folder of its code (en/, ar/), and the
web editor's page and configuration (admin/).

Regenerate after an intended change with `make golden` (python -m tests.golden), then read the diff.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from medborgarlofte import editor
from medborgarlofte.addresses import language_folder
from medborgarlofte.project import Project

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
TODAY = date(2022, 10, 1)


def sample_pages() -> dict[str, str | bytes]:
    project = Project.open(HERE.parent / "mkdocs.yml", HERE / "sample")
    settings = project.settings
    pages = {}
    for site, files in project.generated(project.content(TODAY), TODAY):
        folder = language_folder(site.language, settings.language)
        pages.update({folder + path: text for path, text in files.items()})
    if settings.editor:  # the web editor's page and forms, which follow the model
        pages.update(editor.generate(settings, settings.editor))
    return pages


if __name__ == "__main__":
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for relative, text in sample_pages().items():
        path = GOLDEN / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    print(f"Wrote {len(sample_pages())} files to {GOLDEN}")
