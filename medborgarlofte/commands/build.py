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
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .. import generators
from ..contents import load, published
from ..errors import ContentErrors
from ..settings import read_settings
from ..structure import TIMEZONE, today_in_sweden
from ..writers import replaced_on_success, write_tree


def build(content_dir: Path, shown_as: str, config_file: Path, site_dir: Path, today: date,
          preview: bool = False, site_url: str | None = None) -> None:
    """Read straight through: gather and validate everything first, then write.

    A preview shows drafts and posts dated after today; a published build leaves them out.
    site_url replaces the one in mkdocs.yml, for a copy published at another address.
    """
    settings = read_settings(config_file, site_url)
    content = load(content_dir, shown_as)
    if not preview:
        content = published(content, today)
    generated = generators.generate(content, settings, today)

    write_tree(settings.docs_dir / generators.GENERATED, generated)
    with replaced_on_success(site_dir) as staging, _build_date(today):
        config = load_config(str(config_file), site_dir=str(staging), strict=True, site_url=settings.url)
        # Snippets are found relative to the working directory; anchor them to this site's docs folder.
        config.mdx_configs.setdefault("pymdownx.snippets", {})["base_path"] = [str(settings.docs_dir)]
        config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()


def run(content_dir: Path, shown_as: str, config_file: Path, site_dir: Path, site_url: str | None = None) -> int:
    logging.basicConfig(format="%(levelname)s: %(message)s", level=logging.WARNING)
    try:
        build(content_dir, shown_as, config_file, site_dir, today_in_sweden(), site_url=site_url)
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.errors)} fel. Sajten i {site_dir} är orörd.", file=sys.stderr)
        return 1
    except MkDocsException as exc:
        print(f"MkDocs kunde inte bygga sajten: {exc}. Sajten i {site_dir} är orörd.", file=sys.stderr)
        return 1
    print(f"Sajten är byggd i {site_dir}/.")
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
