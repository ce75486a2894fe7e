"""What the engine knows of a language, from CLDR through Babel: its name, its direction, how it writes a list, a day,
a number and a unit, its Open Graph locale, and whether it is known at all; and its words, the message catalogue.

`words(language)` is the one object a generator holds for a language: every module asks it, never Babel itself.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from babel import Locale
from babel.core import get_global
from babel.dates import format_date, format_skeleton, format_time
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit
from markupsafe import Markup

from . import minorities
from .translations import catalogue
from .translations import in_cldr as _in_cldr


def open_graph_locale(code: str) -> str:
    """A language as Open Graph names it, language and territory: the territory where it is most likely spoken (sv_SE, ar_EG)."""
    if not _in_cldr(code):
        return code  # a minority language CLDR does not know (minorities.py): its code alone
    likely = Locale.parse(get_global("likely_subtags").get(code, code))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


def listed(language: str, items: Sequence[str]) -> str:
    """Items as a list in the language's words and punctuation, from CLDR: "A, B och C", "A, B, and C", "A وB وC".
    Markup stays Markup: the pattern is CLDR's, and the items are already safe."""
    texts = [str(item) for item in items]
    joined = (format_list(texts, locale=language) if _in_cldr(language) else ", ".join(texts)) if items else ""
    return Markup(joined) if items and all(isinstance(item, Markup) for item in items) else joined


@functools.cache
def language_name(code: str, in_language: str | None = None) -> str:
    """A language's name in the words of another ('Swedish' in English), or by default in itself ('svenska', 'العربية').
    A minority language CLDR does not know has its name from minorities.py: in Swedish, or else in itself."""
    if not _in_cldr(code) or not _in_cldr(in_language or code):
        known = minorities.LANGUAGES.get(code)
        if known is None:
            return Locale.parse(code).get_display_name(None) or code if _in_cldr(code) else code
        return known.name if in_language == "sv" else known.autonym
    return Locale.parse(code).get_display_name(in_language or code) or code


@functools.cache
def direction(code: str) -> str:
    """'rtl' for a language written right to left, else 'ltr' (and for a minority language CLDR does not know: both are
    written in Latin letters)."""
    return "rtl" if _in_cldr(code) and Locale.parse(code).character_order == "right-to-left" else "ltr"


def known_language(code: str) -> bool:
    """Whether the engine knows the language: Babel does, or it is a national minority language (minorities.py)."""
    return _in_cldr(code) or code in minorities.LANGUAGES


@dataclass(frozen=True)
class Words:
    """One language's words and formatters: its catalogue, its name and direction, and how it writes a day, a month, a
    time, a number, a share, a unit and a list. Made once per language (`words`) and passed along."""

    language: str
    catalogue: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        return self.catalogue.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.catalogue.ngettext(singular, plural, count)

    def pgettext(self, context: str, message: str) -> str:
        return self.catalogue.pgettext(context, message)

    @property
    def direction(self) -> str:
        return direction(self.language)

    @property
    def right_to_left(self) -> bool:
        return self.direction == "rtl"

    @property
    def name(self) -> str:
        """The language's name in itself: svenska, English, العربية."""
        return language_name(self.language)

    def name_of(self, code: str) -> str:
        """Another language's name in this one's words."""
        return language_name(code, self.language)

    def day(self, day: date) -> str:
        """A day in the language's own order and words: 4 maj 2023, May 4, 2023."""
        return _dated(day, "long", self.language)

    def month(self, day: date) -> str:
        """A month and its year: maj 2023."""
        return _dated(day, "yMMMM", self.language)

    def dated(self, day: date, pattern: str) -> str:
        """A day by a CLDR pattern, where a place is short of room (a chart's axis: 'MMM y')."""
        return format_date(day, pattern, locale=self.language) if self.cldr else day.strftime("%Y-%m")

    def time(self, moment: datetime | time) -> str:
        return format_time(moment, "short", locale=self.language) if self.cldr else moment.strftime("%H:%M")

    def number(self, number: float) -> str:
        return format_decimal(number, locale=self.language) if self.cldr else format_decimal(number, locale="sv")

    def percent(self, percent: float) -> str:
        """A share given in percent, as the language writes it: 23 %, 23%, ٪23."""
        return format_percent(percent / 100, locale=self.language) if self.cldr else f"{self.number(percent)} %"

    def unit(self, value: float, cldr_unit: str) -> str:
        """A value with a unit CLDR knows, in the language's long words: 36 procent, 36 percent."""
        if not self.cldr:
            return self.number(value)  # no words of the unit the engine can stand behind: the number alone
        return format_unit(value, cldr_unit, length="long", locale=self.language)

    @property
    def cldr(self) -> bool:
        """Whether CLDR has the language's words for dates and numbers; if not, they are written in plain forms."""
        return _in_cldr(self.language)

    def listed(self, items: Sequence[str]) -> str:
        return listed(self.language, items)

    @property
    def comma(self) -> str:
        """What stands between the parts of a line ('Polisen, 4 maj 2023'): Arabic writes '، ', not a Latin comma."""
        return self.pgettext("mellan delarna av en rad", ", ")

    def not_translated(self, code: str) -> str:
        """What follows a text that is not translated into this language: "(på engelska)", in every channel alike."""
        return self.gettext("(på %(language)s)") % {"language": self.name_of(code)}

    def only_in(self, code: str) -> str:
        """What stands before a whole text that is not translated into this language, in every channel alike."""
        return self.gettext("Den här texten finns bara på %(language)s.") % {"language": self.name_of(code)}


@functools.cache
def words(language: str) -> Words:
    """The language's words, made once per process."""
    return Words(language, catalogue(language))


# Pages repeat the same few dates thousands of times; Babel is slow enough to matter.
@functools.lru_cache(maxsize=65536)
def _dated(day: date, form: str, language: str) -> str:
    if not _in_cldr(language):
        return day.isoformat() if form == "long" else day.strftime("%Y-%m")  # plain forms, in no language's words
    return format_date(day, form, locale=language) if form == "long" else format_skeleton(form, day, locale=language)
