"""`build`: content -> model -> pages -> a renderer (MkDocs by default) -> site/, or nothing at all if anything is wrong."""

from __future__ import annotations

import logging
import posixpath
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from .. import announcing, editor, generators, translated
from ..contents import load, published
from ..errors import ContentErrors
from ..generators.cards import DRAWN, NoTextLayout
from ..generators.compiled import COMPILED
from ..generators.remembered import Remembered
from ..rendering import Preview, RenderFailed, index, render
from ..settings import Settings, in_language, page_translation, read_settings
from ..structure import Content, today_in_sweden
from ..writers import WORK, Busy, clear_staging, locked, update_tree, write_tree

NO_TEXT_LAYOUT = (
    "Delningsbilderna kan inte ritas: Pillow hittar inte libfribidi (kör: sudo apt-get install libfribidi0)."
)


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
    settings = read_settings(config_file, site_url)
    site_dir = site_dir or settings.site_dir
    work = config_file.parent / WORK
    COMPILED.read(work / "compiled")
    DRAWN.read(work / "cards")
    sites = list(
        _generated(
            settings,
            published(load(content_dir, shown_as, language=settings.language, languages=_codes(settings)), today),
            today,
        )
    )
    # The web editor, at /admin/ of the whole site, where mkdocs.yml asks for one.
    beside = editor.generate(settings, settings.editor) if settings.editor else {}
    copies = editor.installed_files() if settings.editor else {}
    publish(settings, config_file, sites, site_dir, today, engine or settings.renderer, beside, copies)
    if settings.follow.hub:
        # The feeds whose entries changed since they were last announced, for `announce` to tell the hub of after the deploy.
        announcing.record_changed_feeds(site_dir, settings, work)
    return site_dir


def publish(
    settings: Settings,
    config_file: Path,
    sites: list[tuple[Settings, dict[str, str | bytes]]],
    site_dir: Path,
    today: date,
    engine: str | None = None,
    beside: dict[str, str | bytes] | None = None,
    copies: dict[str, Path] | None = None,
) -> None:
    """Each language's generated files written beside copies of the hand-written pages in the work folder, and rendered
    into site_dir, which is replaced only if every language renders: under the lock of the folder of config_file, so
    that two builds never mix."""
    work = config_file.parent / WORK
    with locked(
        work,
        "build",
        f"Ett annat bygge pågår i {config_file.parent.resolve()}; väntar tills det är klart …",
        "Ett annat bygge pågår fortfarande; försök igen när det är klart.",
    ):
        staging = work / "staging"
        clear_staging(staging)
        folders = []
        for site, files in sites:
            # Each language's pages, the first's too, are staged in the work folder: the generated ones beside copies of
            # the hand-written ones, so that docs/ holds only what people write.
            docs = work / "languages" / site.language / "docs"
            write_tree(docs, _in_generated(files), staging, hand_written(settings, site.language))
            folders.append(docs)
        render(
            [site for site, _ in sites], folders, site_dir, staging, today, engine or settings.renderer, beside, copies
        )
        COMPILED.write(work / "compiled")
        DRAWN.write(work / "cards")


def build_preview(
    content_dir: Path, shown_as: str, config_file: Path, today: date, preview: Preview, whole: bool = True
) -> Path:
    """The preview, drafts and posts dated after today included, in a folder of its own: never docs/ or the published site.

    Only files that changed are written, and only pages that changed are rendered again, unless whole (the
    configuration or the theme changed). Returns the folder of the rendered preview. The caller holds the preview's lock.
    """
    settings = read_settings(config_file)
    content = load(content_dir, shown_as, language=settings.language, languages=_codes(settings))

    folder = config_file.parent / WORK / "preview"
    whole_site = whole
    if whole:
        preview.remembered = Remembered()  # a template may have changed: nothing generated before is taken as it was
    # One language after the other, the first first: its pages are shown before the others' are generated.
    for site, files in _generated(settings, content, today, preview.remembered):
        # The hand-written pages as they are now, the generated ones in place of any published copy.
        docs = (
            folder / "languages" / site.language / "docs"
            if site.language != settings.first_language
            else folder / "docs"
        )
        changes = update_tree(docs, _in_generated(files), hand_written(settings, site.language))
        in_full = preview.render(site, docs, changes, folder / "site", today, whole_site)
        # The first language's full render empties the site's root, and the other languages' folders with it.
        whole_site = whole_site or (in_full and site.language == settings.first_language)
    preview.remembered.next_round()
    index(
        folder / "site"
    )  # anew from every page: the few milliseconds a page costs Pagefind are less than keeping it in step
    return folder / "site"


def _generated(
    settings: Settings, content: Content, today: date, remembered: Remembered | None = None
) -> Iterator[tuple[Settings, dict[str, str | bytes]]]:
    """Each language's settings and generated files, the first language first, each generated when it is asked for."""
    for language in settings.languages:
        site = in_language(settings, language.code)
        yield site, generators.generate(translated.in_language(content, site.language), site, today, remembered)


def _codes(settings: Settings) -> list[str]:
    return [entry.code for entry in settings.languages]


def hand_written(settings: Settings, language: str) -> dict[str, Path]:
    """The hand-written files of docs/ as one language's site has them, by path: index.en.md as index.md in English.

    A page without a translation is the first language's; the generated folder is left out, as the build writes it anew.
    """
    files: dict[str, Path] = {}
    translations: dict[str, Path] = {}
    for path in sorted(settings.docs_dir.rglob("*")):
        relative = path.relative_to(settings.docs_dir).as_posix()
        if relative.split("/")[0] == generators.GENERATED or not path.is_file():
            continue
        translation = page_translation(path.name)
        if translation is None:
            files[relative] = path
        elif translation[1] == language:
            translations[posixpath.join(posixpath.dirname(relative), translation[0])] = path
    return {**files, **translations}


def _in_generated(files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    return {f"{generators.GENERATED}/{path}": text for path, text in files.items()}


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
