"""Pagefind's search index of a whole rendered site, whichever renderer made its pages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pagefind_bin

from .addresses import SEARCH_FOLDER
from .engines import RenderFailed

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Pagefind's ready-made interfaces, which are not published: the search box is the engine's own (theme/partials/search.html).
_UNUSED = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")


def index(site_root: Path) -> None:
    """The index in pagefind/ at the site's root: one per language, as each page's <html lang> says, of the part of each
    page marked data-pagefind-body (a page's article; drafts have none)."""
    shutil.rmtree(
        site_root / SEARCH_FOLDER, ignore_errors=True
    )  # Pagefind adds to what is there: the preview's last index goes
    try:
        result = subprocess.run(
            [
                str(pagefind_bin.get_executable()),
                "--site",
                str(site_root),
                "--output-subdir",
                SEARCH_FOLDER,
                "--silent",
            ],
            capture_output=True,
            text=True,
        )
    except OSError as exc:
        raise RenderFailed(f"Pagefind kunde inte bygga sökindexet ({exc}); installera om miljön (make site).") from None
    if result.returncode != 0:
        said = _ANSI.sub("", (result.stderr or result.stdout).strip())[-3000:]
        raise RenderFailed(f"Pagefind kunde inte bygga sökindexet:\n{said}")
    for unused in (site_root / SEARCH_FOLDER).glob("pagefind-*"):
        if unused.name.startswith(_UNUSED):
            unused.unlink()
    # Pagefind lists the languages in the order its threads finished them: in a fixed order, the same site is the same bytes.
    entry = site_root / SEARCH_FOLDER / "pagefind-entry.json"
    listed = json.loads(entry.read_text(encoding="utf-8"))
    listed["languages"] = dict(sorted(listed["languages"].items()))
    entry.write_text(json.dumps(listed, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
