"""Golden files: everything generated from the sample content (pages, feeds, calendar, data), under tests/golden/,
in the site's first language at the top and in each other language in a folder of its code (en/, ar/), and the
web editor's page and configuration (admin/).

Regenerate after an intended change with `make golden` (python -m tests.golden), then read the diff.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from medborgarlofte import editor, translated
from medborgarlofte.addresses import language_folder
from medborgarlofte.contents import load, published
from medborgarlofte.generators import generate
from medborgarlofte.settings import in_language, read_settings

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
TODAY = date(2022, 10, 1)


def sample_pages() -> dict[str, str | bytes]:
    settings = read_settings(HERE.parent / "mkdocs.yml")
    content = published(load(HERE / "sample", language=settings.language), TODAY)
    pages = {}
    for language in settings.languages:
        site = in_language(settings, language.code)
        folder = language_folder(language.code, settings.language)
        pages.update(
            {
                folder + path: text
                for path, text in generate(translated.in_language(content, language.code), site, TODAY).items()
            }
        )
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
