"""The MkDocs family renders a language's site in this process: MkDocs 1.6, or ProperDocs where it has taken its place.

Also the reading of mkdocs.yml through the family's own configuration schema (`read_yaml`, `validate`), which the
settings use, so that MkDocs' problems and the engine's come back together.

The loop is MkDocs 1.6's own `build()` (mkdocs/commands/build.py), step for step, with its state kept: the files,
the navigation and each page as read. The preview's navigation is declared in mkdocs.yml, so a page's HTML depends on
its own Markdown, the configuration and the theme; a changed page is read and rendered again (`again`), the others
are left as they are, and the sitemap is made anew from all pages. For that, four private functions of
`mkdocs.commands.build` are used here and nowhere else (PRIVATE says why each); MkDocs 1.x is no longer released, so
they stay as they are, and ProperDocs keeps them as its fork of 1.6.1 has them: tests/test_engines.py holds each to
its source in the versions tested, and fails when a new version changes one.
"""

from __future__ import annotations

import copy
import hashlib
import inspect
import logging
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import material
from jinja2 import Environment
from markupsafe import escape
from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, MkDocsException
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from . import LanguageSite, RenderFailed

_INCLUDED = re.compile(r'^\s*--8<--\s+"([^"\n]+)"', re.MULTILINE)  # pymdownx.snippets' mark, and the file it includes

# The family member this process runs: mkdocs, or properdocs where it took mkdocs' place (engines/properdocs.py).
FAMILY = utils.__name__.split(".")[0]
_NAME = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}.get(FAMILY, FAMILY)

# The private functions of mkdocs.commands.build the preview needs, and why: MkDocs' public build() renders a whole
# site and keeps nothing, so rendering one page again means calling the steps it is made of.
PRIVATE = {
    "_populate_page": "reads a page's Markdown and converts it to HTML, as build() does for each page",
    "_build_page": "renders one page through the theme's template, and writes it",
    "_build_theme_template": "renders the theme's static templates (the sitemap and 404 page) from every page",
    "_build_extra_template": "renders a site's extra_templates, as build() does",
}

# The languages Material's theme has its own interface words for (Zensical's are the same).
THEME_LANGUAGES = frozenset(
    path.stem for path in (Path(material.__file__ or "").parent / "templates/partials/languages").glob("*.html")
)


class Unreadable(Exception):
    """mkdocs.yml is no YAML the family can read: the text is its parser's message."""


def read_yaml(config_file: Path) -> Any:
    """mkdocs.yml as the family reads it (its tags, such as !ENV and !relative, included), as load_config does."""
    loader = get_yaml_loader(config=MkDocsConfig(config_file_path=str(config_file)))
    try:
        with open(config_file, "rb") as stream:
            return yaml_load(stream, loader)
    except ConfigurationError as exc:
        raise Unreadable(str(exc)) from None


def validate(raw: Mapping[str, Any], config_file: Path) -> tuple[Mapping[str, Any], list[tuple[str, str]]]:
    """The configuration as the family's schema reads it from raw, with its problems (key, message); raw is not changed."""
    config = MkDocsConfig(config_file_path=str(config_file))
    config.load_dict(copy.deepcopy(dict(raw)))
    errors, _ = config.validate()
    return config, [(key, str(message)) for key, message in errors]


@dataclass
class Kept:
    """One language's site as it was last rendered: what the next render of a few pages needs."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Environment


def render(site: LanguageSite) -> None:
    """The language's site in full."""
    render_kept(site)


def render_kept(site: LanguageSite) -> Kept:
    """The language's site in full, keeping what the render found for `again`."""
    config = _configured(site)
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    try:
        with _strict(config, site.language) as run:
            kept: Kept = run(lambda: _build(config))
            return kept
    finally:
        config.plugins.on_shutdown()


def again(kept: Kept, language: str, changed: Collection[str]) -> None:
    """Render the changed pages (by path in the docs folder) again, copy the changed files, and make the sitemap anew."""
    config, files = kept.config, kept.files

    def update() -> None:
        pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
        # A page that includes other files (snippets, such as the start page's generated part) changes with them.
        renew = [
            file
            for file in pages
            if file.src_uri in changed
            or (file.page is not None and any(path in changed for path in _INCLUDED.findall(file.page.markdown or "")))
        ]
        in_nav = {id(page) for page in kept.nav.pages}
        for file in renew:
            assert file.page is not None
            if id(file.page) not in in_nav:
                Page(None, file, config)  # as new, as get_navigation makes it: a page keeps the title a plugin gave it
            assert file.page is not None
            mkdocs_build._populate_page(file.page, config, files)
        for path in changed:
            found = files.get_file_from_path(path)
            if found is not None and not found.is_documentation_page():
                found.copy_file()
        for template in config.theme.static_templates:
            mkdocs_build._build_theme_template(template, kept.env, files, config, kept.nav)
        for file in renew:
            _render_page(kept, file, pages)
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        config.plugins.on_post_build(config=config)

    with _strict(config, language) as run:
        run(update)


def private_fingerprints() -> dict[str, str]:
    """Each private function PRIVATE lists, by a digest of its source in the installed version."""
    return {
        name: hashlib.sha256(inspect.getsource(getattr(mkdocs_build, name)).encode()).hexdigest()[:16]
        for name in PRIVATE
    }


def _configured(site: LanguageSite) -> MkDocsConfig:
    """A fresh configuration of the language's site, to render it with.

    MkDocs keeps one instance of a plugin with a start-up hook for every configuration it reads, set up by the last
    one read; so each language's configuration is read again just before that language is rendered.
    """
    config, errors = validate(site.raw, site.config_file)
    if errors:
        raise RenderFailed(
            f"{_NAME} kunde inte läsa inställningarna för språket {site.language}: "
            + "; ".join(f"{key}: {message}" for key, message in errors)
        )
    assert isinstance(config, MkDocsConfig)
    # Material's templates write the site's name and description into elements and attributes as they are (its
    # templates are not autoescaped): they reach the theme escaped once, as Markup, which the templates that do
    # escape (| e) leave as it is.
    for key in ("site_name", "site_description"):
        if isinstance(config.get(key), str):
            config[key] = escape(config[key])
    if site.compiled is not None:
        # The theme's templates, compiled once for all the languages (and kept between builds).
        config.theme.get_env = _sharing(config.theme.get_env, site.compiled)  # type: ignore[method-assign]
    config["docs_dir"], config["site_dir"], config["strict"] = str(site.docs_dir), str(site.site_dir), True
    # Snippets are found relative to the working directory; anchor them to this site's docs folder.
    config.mdx_configs.setdefault("pymdownx.snippets", {})["base_path"] = [str(site.docs_dir)]
    return config


def _build(config: MkDocsConfig) -> Kept:
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
        if file.page is None and file.inclusion.is_not_in_nav():  # type: ignore[no-untyped-call]  # untyped in MkDocs
            Page(None, file, config)
        assert file.page is not None
        mkdocs_build._populate_page(file.page, config, files)
    env = config.plugins.on_env(env, config=config, files=files)
    files.copy_static_files(inclusion=InclusionLevel.is_included)
    for template in config.theme.static_templates:
        mkdocs_build._build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        mkdocs_build._build_extra_template(template, files, config, nav)
    kept = Kept(config, files, nav, env)
    for file in pages:
        _render_page(kept, file, pages)
    for file in pages:
        assert file.page is not None
        file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    config.plugins.on_post_build(config=config)
    return kept


def _render_page(kept: Kept, file: File, pages: Sequence[File]) -> None:
    assert file.page is not None
    mkdocs_build._build_page(file.page, kept.config, pages, kept.nav, kept.env)


@contextmanager
def _strict(config: MkDocsConfig, language: str) -> Iterator[Callable[[Callable[[], Any]], Any]]:
    """As MkDocs' strict mode: any warning logged while rendering fails the render, after it has run to the end.
    Whatever the family raises is our RenderFailed, with its message."""
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    family = logging.getLogger(FAMILY)
    family.addHandler(counter)

    def run(step: Callable[[], Any]) -> Any:
        try:
            try:
                result = step()
            except Exception as error:
                config.plugins.on_build_error(error=error)
                if isinstance(error, BuildError):
                    raise Abort("Aborted with a BuildError!") from error
                raise
            if counts := counter.get_counts():
                raise Abort(f"Aborted with {', '.join(f'{v} {k.lower()}s' for k, v in counts)} in strict mode!")
        except MkDocsException as failed:
            raise RenderFailed(f"{_NAME} kunde inte bygga sajten på språket {language}: {failed}") from failed
        return result

    try:
        yield run
    finally:
        family.removeHandler(counter)


def _sharing(make_environment: Callable[[], Environment], compiled: Any) -> Callable[[], Environment]:
    def environment() -> Environment:
        made = make_environment()
        made.bytecode_cache = compiled
        return made

    return environment
