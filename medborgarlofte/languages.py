"""What the engine knows of a language, from CLDR through Babel: its name, its direction, how it writes a list, its
Open Graph locale, and whether it is known at all. Every module asks here, never Babel itself, for these facts."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.lists import format_list
from markupsafe import Markup


def open_graph_locale(code: str) -> str:
    """A language as Open Graph names it, language and territory: the territory where it is most likely spoken (sv_SE, ar_EG)."""
    likely = Locale.parse(get_global("likely_subtags").get(code, code))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


def listed(language: str, items: Sequence[str]) -> str:
    """Items as a list in the language's words and punctuation, from CLDR: "A, B och C", "A, B, and C", "A وB وC".
    Markup stays Markup: the pattern is CLDR's, and the items are already safe."""
    joined = format_list([str(item) for item in items], locale=language) if items else ""
    return Markup(joined) if items and all(isinstance(item, Markup) for item in items) else joined


@functools.cache
def language_name(code: str, in_language: str | None = None) -> str:
    """A language's name in the words of another ('Swedish' in English), or by default in itself ('svenska', 'العربية')."""
    return Locale.parse(code).get_display_name(in_language or code) or code


@functools.cache
def direction(code: str) -> str:
    """'rtl' for a language written right to left, else 'ltr'."""
    return "rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr"


def known_language(code: str) -> bool:
    """Whether Babel knows the language: its name, direction and words can be given."""
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True
