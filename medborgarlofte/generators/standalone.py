"""The environment of the templates that are files of their own, not pages for MkDocs: SVG and standalone HTML.

Every value is escaped as HTML (autoescape); words come from the language's catalogue ({% trans %} and _()).
"""

from __future__ import annotations

import functools
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..bidi import isolated, left_to_right
from ..settings import direction, listed
from ..structure import Untranslated
from ..translations import catalogue
from ..vocabulary import ONE
from .compiled import COMPILED


@functools.cache
def environment(language: str) -> Environment:
    """One environment per language and process: its templates are compiled once."""
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent.parent / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=COMPILED,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(catalogue(language), newstyle=True)  # type: ignore[attr-defined]  # added by jinja2.ext.i18n
    # Coordinates to a tenth of a pixel: enough for any screen, and the same numbers give the same file.
    env.filters["px"] = lambda number: f"{round(number, 1):g}"
    env.filters["day"] = lambda day: format_date(day, "long", locale=language)
    env.filters["number"] = lambda n: format_decimal(n, locale=language)
    env.filters["own"] = functools.partial(_in_own_language, language)
    env.filters["direction"] = direction
    env.filters["listed"] = lambda items: listed(language, list(items))
    env.filters["address"] = lambda url: Markup('<a href="{0}" dir="ltr">{1}</a>').format(
        url, left_to_right(url)
    )  # never "/https://…" in Arabic
    env.tests["foreign"] = lambda text: isinstance(text, Untranslated) and text.language != language
    env.globals.update(language=language, direction=direction(language), one=ONE)
    return env


def _in_own_language(language: str, text: str) -> Markup:
    """A text from content as HTML, marked with its own language where that is not the page's (WCAG 3.1.2), and
    isolated from the words beside it: by dir in HTML, and by FSI and PDI as well, for the plain text made from it
    (the e-mail's text part) and for mail programs that do not know dir."""
    escaped = Markup.escape(isolated(text, language))
    if isinstance(text, Untranslated) and text.language != language:
        return Markup(f'<span lang="{text.language}" dir="{direction(text.language)}">{escaped}</span>')
    return Markup(f'<span dir="auto">{escaped}</span>') if text else escaped
