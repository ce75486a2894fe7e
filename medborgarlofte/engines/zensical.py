"""Zensical, the successor of Material from its own team, renders a language's site in a process of its own.

Zensical reads the language's configuration from a file, so one is written for it. It takes the configuration file's
folder as the project's, and wants the docs and site folders in it: the file is written beside mkdocs.yml for the
render, and removed after. Its cache is .cache/ there, and holds while the generated pages that did not change keep
their times (writers.write_tree). It ends a failed build with a traceback after its own message: the message is kept,
the traceback is not. It renders a site in full only.
"""

from __future__ import annotations

import copy
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..versions import TESTED_RENDERERS
from ..writers import WORK
from . import LanguageSite, RenderFailed

# Copies of Material's templates that Zensical replaces with its own.
MATERIAL_ONLY = ("base.html", "partials/header.html")
# Zensical's own base.html, changed as the theme's copy of Material's is (theme/base.html), so that a page says the
# same: each change is made to the template of the Zensical installed, and a version without its text fails clearly.
BASE_CHANGES = (
    (
        '<html lang="{{ lang.t(\'language\') }}" class="no-js">',
        '<html lang="{{ lang.t(\'language\') }}" dir="{{ config.theme.direction or lang.t(\'direction\') }}" class="no-js">',
        "the page's direction on <html>, so that the whole document, its title included, reads right to left in Arabic",
    ),
    (
        'content="{{ page.meta.description }}"',
        'content="{{ page.meta.description | e }}"',
        "a page's description escaped, as content writes it",
    ),
    (
        'content="{{ config.site_description }}"',
        'content="{{ config.site_description | e }}"',
        "the site's description escaped",
    ),
    ('content="{{ page.meta.author }}"', 'content="{{ page.meta.author | e }}"', "a page's author escaped"),
    (
        "      {% if config.extra.alternate is iterable %}\n        {% for alt in config.extra.alternate %}\n"
        '          <link rel="alternate" href="{{ alt.link | url }}" hreflang="{{ alt.lang | d(lang.t(\'language\')) }}">\n'
        "        {% endfor %}\n      {% endif %}\n",
        "",
        "no <link rel=alternate hreflang> to each language's start page, which said every page's translation is a start page",
    ),
    (
        'id="__drawer" autocomplete="off">',
        'id="__drawer">',
        "no autocomplete on a checkbox (it is for text fields): valid HTML",
    ),
    ('id="__search" autocomplete="off">', 'id="__search">', "no autocomplete on a checkbox: valid HTML"),
    (
        '<label class="md-overlay" for="__drawer" aria-hidden="true"></label>',
        '<label class="md-overlay" for="__drawer"></label>',
        "no aria-hidden on a label of a form control: valid HTML, as Material has it",
    ),
    (
        "      <script src=\"{{ 'assets/javascripts/bundle.3cb411a8.min.js' | url }}\"></script>\n",
        "      <script src=\"{{ 'assets/javascripts/bundle.3cb411a8.min.js' | url }}\"></script>\n"
        '      <script>new MutationObserver(() => document.querySelectorAll("nav.md-code__nav:not([role])")'
        '.forEach(nav => nav.setAttribute("role", "none"))).observe(document.body, {childList: true, subtree: true});'
        "</script>\n",
        "no navigation region around each code block's copy button, as with Material: one button is no navigation, and "
        "two unnamed regions on a page cannot be told apart",
    ),
)
# Zensical's own header.html, with the link to the Lättläst page that the theme's copy of Material's header has.
HEADER_CHANGES = (
    (
        '    {% if config.extra.alternate %}\n      {% include "partials/alternate.html" %}',
        '    <a class="md-header__button easy-read-link" href="{{ config.extra.site.easy_read.address | url }}">'
        "{{ config.extra.site.easy_read.title | e }}</a>\n"
        '    {% if config.extra.alternate %}\n      {% include "partials/alternate.html" %}',
        "the link to the promise in easy-to-read Swedish on every page, as with Material",
    ),
)
CHANGES = {"base.html": BASE_CHANGES, "partials/header.html": HEADER_CHANGES}
TESTED = TESTED_RENDERERS["zensical"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # colours, which Zensical writes even into a pipe


def render(site: LanguageSite) -> None:
    """The language's site in full, rendered by Zensical into its own folder and copied into site.site_dir from there."""
    project = site.config_file.resolve().parent
    raw = _without_dates(copy.deepcopy(dict(site.raw)))
    # Relative to the project: Zensical stops on an absolute docs_dir.
    # Zensical renders into a folder of its own that stays between builds (its cache holds for one site_dir only).
    rendered = project / WORK / "zensical" / "site" / site.language
    raw["docs_dir"], raw["site_dir"] = (
        os.path.relpath(folder.resolve(), project) for folder in (site.docs_dir, rendered)
    )
    raw["markdown_extensions"] = [
        _anchored(extension, site.docs_dir.resolve()) for extension in raw.get("markdown_extensions") or []
    ]
    # Material's look (Zensical's own is "modern"), and the overrides less the copies of Material's own templates.
    raw["theme"] = {
        **raw["theme"],
        "variant": "classic",
        "custom_dir": os.path.relpath(_overrides(project, raw["theme"]), project),
    }
    config_file = project / f".zensical-{site.language}.yml"
    config_file.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--config-file", str(config_file), "--strict"],
            cwd=project,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
    finally:
        config_file.unlink()
    if result.returncode:
        said = ANSI.sub("", result.stdout + result.stderr).split("Traceback (most recent call last):")[0].strip()
        raise RenderFailed(f"Zensical kunde inte bygga sajten på språket {site.language}:\n{said}")
    shutil.copytree(rendered, site.site_dir, dirs_exist_ok=True)


def _without_dates(value: Any) -> Any:
    """The configuration with each day as its ISO text: Zensical takes no YAML date (extra.accessibility.assessed)."""
    if isinstance(value, dict):
        return {key: _without_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_dates(item) for item in value]
    return value.isoformat() if isinstance(value, date) else value


def _overrides(project: Path, theme: dict[str, Any]) -> Path:
    """The theme's overrides as Zensical takes them: without the copies of Material's own base.html (it names Material's
    asset files) and header.html (it draws Material's colour palette as Zensical's script does not expect), so that
    Zensical's own are used."""
    folder = project / WORK / "zensical" / "overrides"
    shutil.rmtree(folder, ignore_errors=True)
    if theme.get("custom_dir"):
        shutil.copytree(project / theme["custom_dir"], folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in MATERIAL_ONLY:
        (folder / name).unlink(missing_ok=True)
    for name in CHANGES:
        (folder / name).write_text(_changed(name), encoding="utf-8")
    return folder


def _templates() -> Path:
    """The folder of Zensical's own templates: in the zensical-ui package from Zensical 0.1 on, inside zensical before."""
    for package in ("zensical_ui", "zensical"):
        found = importlib.util.find_spec(package)
        if found is not None and found.origin is not None and (Path(found.origin).parent / "templates").is_dir():
            return Path(found.origin).parent / "templates"
    raise RenderFailed("Zensical är inte installerad (installera om miljön: pip install -r requirements.txt).")


def _changed(name: str) -> str:
    """Zensical's own template of that name, with the engine's CHANGES to it made. A change Zensical has made itself
    (its template already holds what the change writes) is passed over."""
    template = _templates() / name
    text = template.read_text(encoding="utf-8")
    for before, after, why in CHANGES[name]:
        if after and before not in text and text.count(after) == 1:
            continue
        if text.count(before) != 1:
            raise RenderFailed(
                f"Zensicals mall {name} ({template}) ser inte ut som i den version motorn är prövad med: "
                f"ändringen för {why!r} kan inte göras (pröva med zensical {TESTED})"
            )
        text = text.replace(before, after)
    return f"{{#- Zensical's own {name}, changed by the engine (engines/zensical.py, CHANGES). -#}}\n" + text


def _anchored(extension: str | dict[str, Any], docs_dir: Path) -> str | dict[str, Any]:
    """Snippets are found relative to the working directory; anchor them to this site's docs folder."""
    if isinstance(extension, dict) and "pymdownx.snippets" in extension:
        return {"pymdownx.snippets": {**(extension["pymdownx.snippets"] or {}), "base_path": [str(docs_dir)]}}
    return {"pymdownx.snippets": {"base_path": [str(docs_dir)]}} if extension == "pymdownx.snippets" else extension
