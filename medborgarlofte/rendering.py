"""MkDocs renders each language's docs folder: all of it for a build, and for the preview only what changed since.

The loop is MkDocs 1.6's own `build()` (mkdocs/commands/build.py), step for step, with its state kept: the
files, the navigation and each page as read. MkDocs 1.x is no longer released, so its internals stay as they
are. The preview's navigation is declared in mkdocs.yml, so a page's HTML depends on its own Markdown, the
configuration and the theme; a changed page is read and rendered again, the others are left as they are, and the
sitemap is made anew from all pages. Anything else (a file added or removed, the configuration, the theme) renders
the language in full again. Once every language is rendered, Pagefind indexes the whole site for search (`index`).
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pagefind_bin
import yaml
from jinja2 import Environment
from mkdocs import utils
from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from .addresses import SEARCH_FOLDER, language_folder
from .engines import properdocs
from .generators.compiled import COMPILED
from .generators.remembered import Remembered
from .settings import Settings, mkdocs_config
from .structure import TIMEZONE
from .writers import WORK, Changes, add_files, replaced_on_success

_INCLUDES = "--8<--"  # pymdownx.snippets' mark
_MATERIAL_ONLY = ("base.html", "partials/header.html")  # copies of Material's templates that Zensical replaces with its own
_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # colours, which Zensical writes even into a pipe


@dataclass
class Rendered:
    """One language's site as MkDocs last rendered it."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Environment


ENGINES = ("mkdocs", "zensical", "properdocs")


class EngineFailed(Exception):
    """Zensical, ProperDocs or Pagefind could not do its part; the text is its own message, in Swedish words around it."""


def render(sites: list[Settings], folders: list[Path], site_dir: Path, staging: Path, today: date, engine: str = "mkdocs",
           beside: Mapping[str, str | bytes] | None = None, copies: Mapping[str, Path] | None = None) -> None:
    """Each language's docs folder into a fresh folder, which takes site_dir's place only if all succeed.

    The first language goes first: its site is the root, and the others are folders in it. engine is MkDocs
    (the default) or Zensical, which reads the same configuration and renders the same pages. beside are files
    that are no page of any language (the web editor), written as they are from the site's root, and copies
    files copied there.
    """
    with replaced_on_success(site_dir, staging) as target, build_date(today):
        for settings, docs_dir in zip(sites, folders, strict=True):
            if engine == "zensical":
                _zensical(settings, docs_dir, target)
            elif engine == "properdocs":
                try:
                    properdocs.render(Path(settings.mkdocs.config_file_path or "mkdocs.yml"), settings.root_url, settings.language, docs_dir, target)
                except properdocs.RenderFailed as exc:
                    raise EngineFailed(str(exc)) from None
            else:
                _full(settings, docs_dir, target)
        add_files(target, beside or {}, copies or {})
        index(target)


def index(site_root: Path) -> None:
    """Pagefind's search index of the whole site, in pagefind/ at its root: one index per language, as each page's
    <html lang> says, of the part of each page marked data-pagefind-body (a page's article; drafts have none)."""
    shutil.rmtree(site_root / SEARCH_FOLDER, ignore_errors=True)  # Pagefind adds to what is there: the preview's last index goes
    try:
        result = subprocess.run([str(pagefind_bin.get_executable()), "--site", str(site_root), "--output-subdir", SEARCH_FOLDER, "--silent"],
                                capture_output=True, text=True)
    except OSError as exc:
        raise EngineFailed(f"Pagefind kunde inte bygga sökindexet ({exc}); installera om miljön (make site).") from None
    if result.returncode != 0:
        said = _ANSI.sub("", (result.stderr or result.stdout).strip())[-3000:]
        raise EngineFailed(f"Pagefind kunde inte bygga sökindexet:\n{said}")
    # The search box is the engine's own (theme/partials/search.html): Pagefind's ready-made interfaces are not published.
    for unused in (site_root / SEARCH_FOLDER).glob("pagefind-*"):
        if unused.name.startswith(("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")):
            unused.unlink()
    # Pagefind lists the languages in the order its threads finished them: in a fixed order, the same site is the same bytes.
    entry = site_root / SEARCH_FOLDER / "pagefind-entry.json"
    listed = json.loads(entry.read_text(encoding="utf-8"))
    listed["languages"] = dict(sorted(listed["languages"].items()))
    entry.write_text(json.dumps(listed, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _zensical(settings: Settings, docs_dir: Path, site_root: Path) -> None:
    """Zensical renders one language: it reads the language's configuration from a file, so one is written for it.

    Zensical takes the configuration file's folder as the project's, and wants the docs and site folders in
    it: the file is written beside mkdocs.yml for the render, and removed after. Its cache is .cache/ there,
    and holds while the generated pages that did not change keep their times (writers.write_tree).
    It ends a failed build with a traceback after its own message: the message is kept, the traceback is not.
    """
    project = Path(settings.mkdocs.config_file_path or "mkdocs.yml").resolve().parent
    raw = copy.deepcopy(settings.raw)
    # Zensical renders into a folder of its own that stays between builds (its cache holds for one site_dir only), and
    # the site is copied from there. Relative to the project: Zensical 0.0.73 stops on an absolute docs_dir.
    rendered = project / WORK / "zensical" / "site" / settings.language
    raw["docs_dir"], raw["site_dir"] = (os.path.relpath(folder.resolve(), project) for folder in (docs_dir, rendered))
    raw["markdown_extensions"] = [_anchored(extension, docs_dir.resolve()) for extension in raw.get("markdown_extensions") or []]
    # Material's look (Zensical's own is "modern"), and the overrides less the copies of Material's own templates.
    raw["theme"] = {**raw["theme"], "variant": "classic", "custom_dir": os.path.relpath(_overrides_for_zensical(project, raw["theme"]), project)}
    config_file = project / f".zensical-{settings.language}.yml"
    config_file.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "zensical", "build", "--config-file", str(config_file), "--strict"],
                                cwd=project, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    finally:
        config_file.unlink()
    if result.returncode:
        said = _ANSI.sub("", result.stdout + result.stderr).split("Traceback (most recent call last):")[0].strip()
        raise EngineFailed(f"Zensical kunde inte bygga sajten på språket {settings.language}:\n{said}")
    shutil.copytree(rendered, site_root / language_folder(settings.language, settings.first_language), dirs_exist_ok=True)


def _overrides_for_zensical(project: Path, theme: dict[str, Any]) -> Path:
    """The theme's overrides as Zensical takes them: without the copies of Material's own base.html (it names Material's
    asset files) and header.html (it draws Material's colour palette as Zensical's script does not expect), so that
    Zensical's own are used."""
    folder = project / WORK / "zensical" / "overrides"
    shutil.rmtree(folder, ignore_errors=True)
    if theme.get("custom_dir"):
        shutil.copytree(project / theme["custom_dir"], folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in _MATERIAL_ONLY:
        (folder / name).unlink(missing_ok=True)
    return folder


def _anchored(extension: str | dict[str, Any], docs_dir: Path) -> str | dict[str, Any]:
    """Snippets are found relative to the working directory; anchor them to this site's docs folder."""
    if isinstance(extension, dict) and "pymdownx.snippets" in extension:
        return {"pymdownx.snippets": {**(extension["pymdownx.snippets"] or {}), "base_path": [str(docs_dir)]}}
    return {"pymdownx.snippets": {"base_path": [str(docs_dir)]}} if extension == "pymdownx.snippets" else extension


class Preview:
    """The preview's sites, kept between renders so that a change renders only what it touched."""

    def __init__(self) -> None:
        self._sites: dict[str, Rendered] = {}
        self.remembered = Remembered()  # the generated pages and feeds, by what they were made from

    def render(self, settings: Settings, docs_dir: Path, changes: Changes, site_dir: Path, today: date, whole: bool) -> bool:
        """Render one language again: only what changed, or in full when whole, when it has not been rendered, or when files
        came or went. Returns whether it rendered in full."""
        kept = self._sites.pop(settings.language, None)  # a render that fails leaves nothing half-known: the next one is whole
        with build_date(today):
            if whole or kept is None or not changes.same_files:
                self._sites[settings.language] = _full(settings, docs_dir, site_dir)
                return True
            _again(kept, changes)
        self._sites[settings.language] = kept
        return False


def render_language(settings: Settings, docs_dir: Path, site_root: Path) -> None:
    """One language's site, in full, by whichever of the MkDocs family this process imports as mkdocs (engines/properdocs.py)."""
    _full(settings, docs_dir, site_root)


def _full(settings: Settings, docs_dir: Path, site_root: Path) -> Rendered:
    config = mkdocs_config(settings)
    # The theme's templates, compiled once for all the languages (and kept between builds).
    config.theme.get_env = _sharing(config.theme.get_env)  # type: ignore[method-assign]
    config["docs_dir"], config["strict"] = str(docs_dir), True
    config["site_dir"] = str(site_root / language_folder(settings.language, settings.first_language))
    # Snippets are found relative to the working directory; anchor them to this site's docs folder.
    config.mdx_configs.setdefault("pymdownx.snippets", {})["base_path"] = [str(docs_dir)]
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    try:
        with _strict(config) as run:
            return run(lambda: _build(config))
    finally:
        config.plugins.on_shutdown()


def _build(config: MkDocsConfig) -> Rendered:
    """mkdocs.commands.build.build, keeping what it found."""
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    utils.clean_directory(config.site_dir)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for file in pages:
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
        assert file.page is not None
        _populate_page(file.page, config, files)
    env = config.plugins.on_env(env, config=config, files=files)
    files.copy_static_files(inclusion=InclusionLevel.is_included)
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)
    site = Rendered(config, files, nav, env)
    for file in pages:
        _render_page(site, file, pages)
    for file in pages:
        assert file.page is not None
        file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    config.plugins.on_post_build(config=config)
    return site


def _again(site: Rendered, changes: Changes) -> None:
    """Render the changed pages again, copy the changed files, and make the sitemap anew."""
    config, files = site.config, site.files

    def update() -> None:
        pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
        # A page that includes other files (snippets, such as the start page's generated parts) may change with them.
        again = [file for file in pages if file.src_uri in changes.changed or (file.page is not None and _INCLUDES in (file.page.markdown or ""))]
        in_nav = {id(page) for page in site.nav.pages}
        for file in again:
            assert file.page is not None
            if id(file.page) not in in_nav:
                Page(None, file, config)  # as new, as get_navigation makes it: a page keeps the title a plugin gave it
            assert file.page is not None
            _populate_page(file.page, config, files)
        for path in changes.changed:
            found = files.get_file_from_path(path)
            if found is not None and not found.is_documentation_page():
                found.copy_file()
        for template in config.theme.static_templates:
            _build_theme_template(template, site.env, files, config, site.nav)
        for file in again:
            _render_page(site, file, pages)
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        config.plugins.on_post_build(config=config)

    with _strict(config) as run:
        run(update)


def _render_page(site: Rendered, file: File, pages: Sequence[File]) -> None:
    assert file.page is not None
    _build_page(file.page, site.config, pages, site.nav, site.env)


@contextmanager
def _strict(config: MkDocsConfig) -> Iterator[Callable[[Callable[[], Any]], Any]]:
    """As MkDocs' strict mode: any warning logged while rendering fails the render, after it has run to the end."""
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    # The logger of the MkDocs family this process runs: mkdocs, or properdocs where it took mkdocs' place.
    family = logging.getLogger(utils.__name__.split(".")[0])
    family.addHandler(counter)

    def run(step: Callable[[], Any]) -> Any:
        try:
            result = step()
        except Exception as error:
            config.plugins.on_build_error(error=error)
            if isinstance(error, BuildError):
                raise Abort("Aborted with a BuildError!") from error
            raise
        if counts := counter.get_counts():
            raise Abort(f"Aborted with {', '.join(f'{v} {k.lower()}s' for k, v in counts)} in strict mode!")
        return result

    try:
        yield run
    finally:
        family.removeHandler(counter)


def _sharing(make_environment: Callable[[], Environment]) -> Callable[[], Environment]:
    def environment() -> Environment:
        made = make_environment()
        made.bytecode_cache = COMPILED
        return made
    return environment


@contextmanager
def build_date(day: date) -> Iterator[None]:
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
