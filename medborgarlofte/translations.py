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
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES = Path(__file__).parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Marks a message where it is defined (a table, a constant); it is translated where it is shown."""
    return message


@functools.cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The language's catalogue, compiled from its .po file in memory, so that no compiled file can fall out of step."""
    po = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as stream:
        messages = read_po(stream, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)
