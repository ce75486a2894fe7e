"""The e-mail edition of each letter (a kind that is mailed): one HTML file and its plain text, for the city's newsletter tool.

A newsletter tool takes HTML as mail clients read it: every style inline (css-inline moves the template's
stylesheet into the elements), a table for the layout, no script, every link and image by its absolute
address. The plain text is made from the same HTML (inscriptis), so that both parts say the same.
"""

from __future__ import annotations

import functools

import css_inline
import lxml.html
from inscriptis import Inscriptis
from inscriptis.model.config import ParserConfig
from markupsafe import Markup

from .. import addresses as at
from ..markup import Renderer
from ..settings import Settings
from ..structure import Content, Update
from ..vocabulary import KINDS
from . import presentation
from .remembered import Remembered, made

_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False)
_AS_TEXT = ParserConfig(display_links=True)
_RENDERER = Renderer()


def generate(content: Content, settings: Settings, remembered: Remembered | None = None) -> dict[str, str]:
    """The e-mail edition (HTML and text) of each letter, by path under docs/; the preview takes a letter as it was made when it is as it was."""
    files = {}
    for update in content.updates:
        if KINDS[update.kind].mailed:
            html, text = made(remembered, ("letter", update, settings), _edition, update, settings)
            files[at.letter_email(update.id)], files[at.letter_text(update.id)] = html, text
    return files


def _edition(update: Update, settings: Settings) -> tuple[str, str]:
    page = at.update(update.id)
    # Relative links in the text are written for its page; in a mail they must lead to the site.
    body = _RENDERER.html(update.body, functools.partial(_absolute, settings.url, page))
    html = _INLINER.inline(
        presentation.standalone(settings.language)
        .get_template("letter.html.j2")
        .render(
            update=update,
            kind=KINDS[update.kind],
            body=Markup(body),
            settings=settings,
            page=at.url_of(settings.url, page),
            # A letter not translated into the edition's language says so before its text, in words a reader of that
            # language reads: the text part has no lang to mark it with.
            untranslated=(
                settings.words.only_in(update.body.language)
                if presentation.foreign(update.body, settings.language)
                else None
            ),
        )
    )
    return html, _plain_text(_as_text(html))


def _as_text(html: str) -> str:
    """The HTML as inscriptis lays it out as text. Inscriptis unescapes text again after lxml has read it (once in a
    block, twice in a table cell): a title with "&lt;" in it would lose it. So every ampersand of the texts stands in
    as a control character that no content holds (readers refuse it) and no unescaping touches, until the text is laid out."""
    tree = lxml.html.fromstring(html)
    for node in tree.iter():
        if node.text:
            node.text = node.text.replace("&", _AMPERSAND)
        if node.tail:
            node.tail = node.tail.replace("&", _AMPERSAND)
    return str(Inscriptis(tree, _AS_TEXT).get_text()).replace(_AMPERSAND, "&")


_AMPERSAND = "\x9f"  # APC: a C1 control, refused in content by readers._CONTROL, and not white space


def _plain_text(text: str) -> str:
    """The text as a mail's text part: the layout table's padding and runs of empty lines taken away."""
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for n, line in enumerate(lines) if line or (n and lines[n - 1])]
    return "\n".join(kept).strip() + "\n"


def _absolute(site_url: str, page: str, href: str) -> str:
    return site_url + at.linked_address(href, page)
