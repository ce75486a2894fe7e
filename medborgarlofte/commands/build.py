"""`build`: content -> model -> pages -> MkDocs -> site/, or nothing at all if anything is wrong."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import MkDocsException

from .. import generators
from ..contents import load, published
from ..errors import ContentErrors
from ..settings import Settings, read_settings
from ..structure import TIMEZONE, today_in_sweden
from ..writers import WORK, Busy, clear_staging, locked, replaced_on_success, write_tree


def build(content_dir: Path, shown_as: str, config_file: Path, site_dir: Path | None, today: date, site_url: str | None = None) -> Path:
    """Read straight through: gather and validate everything first, then write.

    The published build leaves out drafts and posts dated after today. site_dir (by default site_dir in
    mkdocs.yml) and site_url replace those in mkdocs.yml, for a copy built elsewhere or published at another address.
    """
    settings = read_settings(config_file, site_url)
    site_dir = site_dir or settings.site_dir
    content = published(load(content_dir, shown_as), today)
    generated = generators.generate(content, settings, today)

    work = config_file.parent / WORK
    with locked(work, "build", f"Ett annat bygge pågår i {config_file.parent.resolve()}; väntar tills det är klart …",
                "Ett annat bygge pågår fortfarande; försök igen när det är klart."):
        staging = work / "staging"
        clear_staging(staging)
        write_tree(settings.docs_dir / generators.GENERATED, generated, staging)
        _render(settings, settings.docs_dir, site_dir, staging, today)
    return site_dir


def build_preview(content_dir: Path, shown_as: str, config_file: Path, today: date) -> Path:
    """The preview, drafts and posts dated after today included, in a folder of its own: never docs/ or the published site.

    Returns the folder of the rendered preview. The caller holds the preview's lock.
    """
    settings = read_settings(config_file)
    content = load(content_dir, shown_as)
    generated = generators.generate(content, settings, today)

    folder = config_file.parent / WORK / "preview"
    staging = folder / "staging"
    clear_staging(staging)
    docs = folder / "docs"
    # The hand-written pages as they are now, the generated ones in place of any published copy.
    write_tree(docs, {f"{generators.GENERATED}/{path}": text for path, text in generated.items()}, staging,
               base=settings.docs_dir, leave_out=generators.GENERATED)
    _render(settings, docs, folder / "site", staging, today)
    return folder / "site"


def _render(settings: Settings, docs_dir: Path, site_dir: Path, staging: Path, today: date) -> None:
    """MkDocs renders docs_dir into a fresh folder, which takes site_dir's place only if it succeeds."""
    with replaced_on_success(site_dir, staging) as target, _build_date(today):
        config = settings.mkdocs
        config["docs_dir"], config["site_dir"], config["strict"] = str(docs_dir), str(target), True
        # Snippets are found relative to the working directory; anchor them to this site's docs folder.
        config.mdx_configs.setdefault("pymdownx.snippets", {})["base_path"] = [str(docs_dir)]
        config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()


def run(content_dir: Path, shown_as: str, config_file: Path, site_url: str | None = None) -> int:
    logging.basicConfig(format="%(levelname)s: %(message)s", level=logging.WARNING)
    try:
        site_dir = build(content_dir, shown_as, config_file, None, today_in_sweden(), site_url=site_url)
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.errors)} fel. Den byggda sajten är orörd.", file=sys.stderr)
        return 1
    except MkDocsException as exc:
        print(f"MkDocs kunde inte bygga sajten: {exc}. Den byggda sajten är orörd.", file=sys.stderr)
        return 1
    except Busy as exc:
        print(f"{exc} Den byggda sajten är orörd.", file=sys.stderr)
        return 1
    shown = site_dir.relative_to(Path.cwd()) if site_dir.is_relative_to(Path.cwd()) else site_dir
    print(f"Sajten är byggd i {shown}/.")
    return 0


@contextmanager
def _build_date(day: date) -> Iterator[None]:
    """MkDocs stamps the sitemap with its build date; make that the build day, not the clock's second."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.combine(day, time(), TIMEZONE).timestamp()))
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
