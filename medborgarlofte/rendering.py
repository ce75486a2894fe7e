"""The rendering stage: each language's docs folder turned into HTML by the chosen renderer, then the search index.

A renderer is one of engines/ (MkDocs, Zensical, ProperDocs), met through one interface (engines/__init__.py); what
is the same whichever renders lives here: the site replaced only once every language has rendered, the build day as
the renderers' clock, the files beside the pages, the search index of the whole site (searchindex.py), and the
preview's bookkeeping, which renders only the pages that changed where the renderer can.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path

from .addresses import language_folder
from .engines import RENDERERS, LanguageSite, RenderFailed, properdocs, zensical
from .engines import mkdocs as mkdocs_family
from .generators.compiled import COMPILED
from .generators.remembered import Remembered
from .searchindex import index
from .settings import Settings
from .structure import TIMEZONE
from .writers import Changes, add_files, replaced_on_success

__all__ = ["RENDERERS", "Preview", "RenderFailed", "build_date", "index", "render"]

# Each renderer's full render, by its name (engines.RENDERERS).
_RENDER: dict[str, Callable[[LanguageSite], None]] = {
    "mkdocs": mkdocs_family.render,
    "zensical": zensical.render,
    "properdocs": properdocs.render,
}


def render(
    sites: list[Settings],
    folders: list[Path],
    site_dir: Path,
    staging: Path,
    today: date,
    renderer: str,
    beside: Mapping[str, str | bytes] | None = None,
    copies: Mapping[str, Path] | None = None,
) -> None:
    """Each language's docs folder into a fresh folder, which takes site_dir's place only if all succeed.

    The first language goes first: its site is the root, and the others are folders in it. beside are files that
    are no page of any language (the web editor), written as they are from the site's root, and copies files copied there.
    """
    with replaced_on_success(site_dir, staging) as target, build_date(today):
        for settings, docs_dir in zip(sites, folders, strict=True):
            _RENDER[renderer](language_site(settings, docs_dir, target))
        add_files(target, beside or {}, copies or {})
        index(target)


def language_site(settings: Settings, docs_dir: Path, site_root: Path) -> LanguageSite:
    """What a renderer is given of one language's site, rendered into its folder of site_root."""
    return LanguageSite(
        settings.language,
        settings.config_file,
        settings.raw,
        docs_dir,
        site_root / language_folder(settings.language, settings.first_language),
        COMPILED,
    )


class Preview:
    """The preview's sites, kept between renders so that a change renders only what it touched."""

    def __init__(self) -> None:
        self._kept: dict[str, mkdocs_family.Kept] = {}
        self.remembered = Remembered()  # the generated pages and feeds, by what they were made from

    def render(
        self, settings: Settings, docs_dir: Path, changes: Changes, site_dir: Path, today: date, whole: bool
    ) -> bool:
        """Render one language again: only what changed, or in full when whole, when it has not been rendered, when files
        came or went, or when the site's renderer renders only in full (all but MkDocs). Returns whether it rendered in full."""
        kept = self._kept.pop(
            settings.language, None
        )  # a render that fails leaves nothing half-known: the next one is whole
        site = language_site(settings, docs_dir, site_dir)
        with build_date(today):
            if settings.renderer != "mkdocs":
                _RENDER[settings.renderer](site)
                return True
            if whole or kept is None or not changes.same_files:
                self._kept[settings.language] = mkdocs_family.render_kept(site)
                return True
            mkdocs_family.again(kept, settings.language, changes.changed)
        self._kept[settings.language] = kept
        return False


@contextmanager
def build_date(day: date) -> Iterator[None]:
    """The renderers stamp the sitemap with their build date: make that the build day, not the clock's second."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.combine(day, time(), TIMEZONE).timestamp()))
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
