"""`build`: content -> model -> pages -> a renderer (MkDocs by default) -> site/, or nothing at all if anything is wrong."""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from pathlib import Path

from .. import announcing, editor
from ..errors import ContentErrors
from ..generators.cards import NoTextLayout
from ..generators.remembered import Remembered
from ..project import Project, in_generated
from ..rendering import RENDERERS, Preview, RenderFailed, index
from ..structure import today_in_sweden
from ..writers import Busy, update_tree
from . import NO_TEXT_LAYOUT, RENDERER_HELP, site_address


def build(
    content_dir: Path,
    shown_as: str,
    config_file: Path,
    site_dir: Path | None,
    today: date,
    site_url: str | None = None,
    engine: str | None = None,
) -> Path:
    """Read straight through: gather and validate everything first, then write.

    The published build leaves out drafts and posts dated after today. site_dir (by default site_dir in
    mkdocs.yml) and site_url replace those in mkdocs.yml, for a copy built elsewhere or published at another address.
    engine renders the pages (rendering.RENDERERS): by default the one mkdocs.yml names (extra.renderer), else MkDocs.
    Each language is a site of its own: the first at the site's root, each other in a folder of its code.
    """
    project = Project.open(config_file, content_dir, shown_as, site_url)
    settings = project.settings
    site_dir = site_dir or settings.site_dir
    project.read_caches()
    sites = list(project.generated(project.content(today), today))
    # The web editor, at /admin/ of the whole site, where mkdocs.yml asks for one.
    beside = editor.generate(settings, settings.editor) if settings.editor else {}
    copies = editor.installed_files() if settings.editor else {}
    project.publish(sites, site_dir, today, engine, beside, copies)
    if settings.follow.hub:
        # The feeds whose entries changed since they were last announced, for `announce` to tell the hub of after the deploy.
        announcing.record_changed_feeds(site_dir, settings, project.work)
    return site_dir


def build_preview(
    content_dir: Path, shown_as: str, config_file: Path, today: date, preview: Preview, whole: bool = True
) -> Path:
    """The preview, drafts and posts dated after today included, in a folder of its own: never docs/ or the published site.

    Only files that changed are written, and only pages that changed are rendered again, unless whole (the
    configuration or the theme changed). Returns the folder of the rendered preview. The caller holds the preview's lock.
    """
    project = Project.open(config_file, content_dir, shown_as)
    settings = project.settings
    content = project.content(today, drafts=True)
    folder = project.work / "preview"
    whole_site = whole
    if whole:
        preview.remembered = Remembered()  # a template may have changed: nothing generated before is taken as it was
    # One language after the other, the first first: its pages are shown before the others' are generated.
    for site, files in project.generated(content, today, preview.remembered):
        # The hand-written pages as they are now, the generated ones in place of any published copy.
        docs = (
            folder / "languages" / site.language / "docs"
            if site.language != settings.first_language
            else folder / "docs"
        )
        changes = update_tree(docs, in_generated(files), project.hand_written(site.language))
        in_full = preview.render(site, docs, changes, folder / "site", today, whole_site)
        # The first language's full render empties the site's root, and the other languages' folders with it.
        whole_site = whole_site or (in_full and site.language == settings.first_language)
    preview.remembered.next_round()
    # The search index anew from every page: the few milliseconds a page costs Pagefind are less than keeping it in step.
    index(folder / "site")
    return folder / "site"


def run(
    content_dir: Path, shown_as: str, config_file: Path, site_url: str | None = None, engine: str | None = None
) -> int:
    logging.basicConfig(format="%(levelname)s: %(message)s", level=logging.WARNING)
    try:
        site_dir = build(content_dir, shown_as, config_file, None, today_in_sweden(), site_url=site_url, engine=engine)
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.errors)} fel. Den byggda sajten är orörd.", file=sys.stderr)
        return 1
    except RenderFailed as exc:
        print(f"{exc}\nDen byggda sajten är orörd.", file=sys.stderr)
        return 1
    except Busy as exc:
        print(f"{exc} Den byggda sajten är orörd.", file=sys.stderr)
        return 1
    except NoTextLayout:
        print(f"{NO_TEXT_LAYOUT} Den byggda sajten är orörd.", file=sys.stderr)
        return 1
    except editor.NotInstalled as exc:
        print(f"{exc} Den byggda sajten är orörd.", file=sys.stderr)
        return 1
    shown = site_dir.relative_to(Path.cwd()) if site_dir.is_relative_to(Path.cwd()) else site_dir
    print(f"Sajten är byggd i {shown}/.")
    return 0


HELP = "bygg sajten till site_dir i mkdocs.yml, oftast site/ (ingenting skrivs om något är fel)"


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site-url",
        type=site_address,
        metavar="ADRESS",
        help="adressen sajten publiceras på, i stället för site_url i mkdocs.yml",
    )
    parser.add_argument("--engine", choices=RENDERERS, metavar="MOTOR", help=RENDERER_HELP)


def main(args: argparse.Namespace) -> int:
    return run(Path(args.content), args.content, Path(args.config), args.site_url, args.engine)
