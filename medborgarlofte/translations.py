"""Reader-facing words in the site's language: gettext catalogues, read through Babel.

Messages are written in Swedish, the site's first language, and marked in Python with _() or, where
they are defined rather than shown, N_(); in templates with jinja2.ext.i18n. `make messages` extracts
them all to locale/messages.pot, and a language's catalogue is locale/<language>/LC_MESSAGES/messages.po.
A language without a catalogue shows the Swedish words.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES = Path(__file__).parent / "locale"
DOMAIN = "messages"
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:_[A-Z]{2})?$")  # a language code, as Babel and Material name them


def N_(message: str) -> str:
    """Marks a message where it is defined (a table, a constant); it is translated where it is shown."""
    return message


def NC_(context: str, message: str) -> str:
    """Marks a message with a context, for a word that Swedish writes alike where other languages do not: it is
    translated where it is shown, with pgettext and the same context."""
    return message


@functools.cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The language's catalogue, compiled from its .po file in memory, so that no compiled file can fall out of step."""
    po = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as stream:
        # A language CLDR does not know (Meänkieli, Romani chib) keeps the plural rule its catalogue's header gives.
        messages = read_po(stream, locale=language if in_cldr(language) else None, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@functools.cache
def in_cldr(code: str) -> bool:
    """Whether CLDR, through Babel, knows the language: its plural rule, its words for dates and numbers."""
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


_NAV_TITLE = re.compile(r"^\s*-\s+(?P<title>[^:#'\"]+?)\s*:")


def extract_navigation(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extractor for mkdocs.yml: the navigation's titles, which each language's site shows in its words."""
    inside = False
    for number, line in enumerate(fileobj.read().decode("utf-8").splitlines(), start=1):
        if re.match(r"^nav\s*:", line):
            inside = True
        elif inside and line and not line[0].isspace() and not line.startswith("-"):
            inside = False
        elif inside and (found := _NAV_TITLE.match(line)):
            yield number, "gettext", found["title"], []
