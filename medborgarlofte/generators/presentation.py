"""Presentation has one owner: every Jinja environment the engine makes, each of one kind, from here.

- `pages(settings)`: the Markdown pages for the renderer, every filter that shows a date, a number, a status or a text
  from content, and the links from one page to another;
- `standalone(language)`: files of their own (SVG, the embeds' and the letters' HTML), every value escaped as HTML;
- `styles()`: the CSS made from the table of statuses;
- `skeleton()`: a new area's files (`init`), YAML and Markdown written as text.

Each is made with the same options (`_environment`); dates and numbers are formatted here, in the language's words.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeGuard
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, nodes, pass_context
from jinja2.ext import InternationalizationExtension
from jinja2.runtime import Context
from markupsafe import Markup, escape, soft_str

from .. import addresses as at
from ..bidi import isolated, left_to_right
from ..languages import Words, words
from ..markup import SIC, SIC_MARK, Renderer
from ..settings import Settings
from ..structure import Month, Untranslated
from ..totals import all_invented
from ..vocabulary import BETTER, FORMS, KINDS, LEVELS, NO_STATUS, ONE, SHOWN_STATUSES, STATUSES
from . import followup
from .compiled import COMPILED
from .markdown_pages import PER_PAGE

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")
_LINE_BREAK = re.compile(r"\s*\n\s*")


TEMPLATES = Path(__file__).parent.parent / "templates"


def _environment(**options: Any) -> Environment:
    """An environment with the options every kind shares: a missing value is an error, blocks leave no blank lines."""
    return Environment(
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, **options
    )


def pages(settings: Settings) -> Environment:
    """The pages' environment in the settings' language: every filter that shows a date, a number, a status or a text from content."""
    said = words(settings.language)
    shown = _Shown(said)
    env = _environment(
        extensions=[_TextOnlyI18n],
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=shown.plain,
        bytecode_cache=COMPILED,
    )
    env.filters.update(
        # Dates and numbers are Babel's words, never content: Markup, so that they are not isolated as content is.
        day=lambda d: Markup(said.day(d)) if d else "",
        month=lambda d: Markup(said.month(d)),
        when=lambda held: Markup(escape(_when(held, said))),
        away=_away,
        mail=lambda address: Markup("mailto:" + quote(address, safe="@")),  # an address settings checked, encoded
        clock=lambda moment: Markup(escape(said.time(moment))),
        number=lambda n: Markup(said.number(n)),
        share=lambda percent: Markup(escape(said.percent(percent))),  # 23 %, 23%, ٪23 as each language writes it
        md=_markdown_filter(Renderer(), shown),
        all_invented=all_invented,
        change=followup.change,
        verdict=followup.verdict,
        # A value with its unit reads as one: shown as text, not isolated from its own number.
        measured=lambda value, unit: _plain(followup.measured(value, unit, said)),
        difference=lambda value, unit: _plain(followup.difference(value, unit, said)),
        unit=lambda unit: _plain(followup.unit_name(unit, said)),
        h=shown.html,
        bdi=lambda text: Markup(
            f"<bdi>{shown.html(text)}</bdi>"
        ),  # text from content in a block of HTML, isolated as finalize isolates it
        plain=shown.plain,
        lower=lambda text: (
            Untranslated(text.lower(), text.language) if isinstance(text, Untranslated) else soft_str(text).lower()
        ),
        join=lambda texts, between="": Markup(escape(between)).join(Markup(shown.plain(text)) for text in texts),
        # A list in the language's own words and punctuation (Babel, from CLDR): "A, B och C", "A, B, and C", "A وB وC".
        listed=lambda texts: said.listed([Markup(shown.plain(text)) for text in texts]),
        status_label=lambda name: Markup(escape(said.gettext(SHOWN_STATUSES[name].label))),
        final_label=lambda name: Markup(escape(said.gettext(SHOWN_STATUSES[name].ended_label))),
        alt=shown.alt,
        status_class=lambda name: Markup(escape(SHOWN_STATUSES[name].slug)),
    )
    env.tests["untranslated"] = lambda text: isinstance(text, Untranslated)
    # Messages are ours and trusted Markdown; what is put into them is shown as text (_TextOnlyI18n).
    env.install_gettext_callables(  # type: ignore[attr-defined]  # added by jinja2.ext.i18n
        gettext=lambda message: Markup(said.gettext(message)),
        ngettext=lambda singular, plural, n: Markup(said.ngettext(singular, plural, n)),
        pgettext=lambda context, message: Markup(said.pgettext(context, message)),
    )
    env.globals.update(
        linked=_linked,
        one=ONE,
        at=at,
        at_most=PER_PAGE,
        to=_to,
        no_status=NO_STATUS.name,
        statuses=STATUSES,
        kinds=KINDS,
        levels=LEVELS,
        forms=FORMS,
        better=BETTER,
        absolute=lambda page: at.url_of(settings.url, page),
        comma=Markup(escape(said.comma)),
    )
    return env


_UNSAFE_IN_LINK = re.compile(r"[\s<>()\[\]\\\"'`]")


def _away(url: str) -> Markup:
    """An address on another site, as the target of a Markdown link: a web address only, with every character that
    could end the link or start markup percent-encoded. Anything else links nowhere rather than somewhere unsafe."""
    if not re.match(r"^https?://", url):
        return Markup("#")
    return Markup(
        _UNSAFE_IN_LINK.sub(lambda found: "".join(f"%{byte:02X}" for byte in found.group().encode("utf-8")), url)
    )


def _when(held: datetime | Month, said: Words) -> str:
    """When a meeting was held, as precisely as the content says: a month, a day, or a day and a time."""
    if isinstance(held, Month):
        return said.month(held.first_day)
    day = said.day(held)
    return (
        said.gettext("%(day)s klockan %(time)s") % {"day": day, "time": said.time(held)}
        if held.hour or held.minute
        else day
    )


def _plain(value: object) -> object:
    """Text from content is shown as text: no HTML, no Markdown, no template syntax gets through."""
    if isinstance(value, Markup) or value is None:
        return value
    # A line break in a plain text would let its next line start a list, a heading or a block of its own.
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_BREAK.sub(" ", str(escape(value)))))


@dataclass(frozen=True)
class _Shown:
    """Text from content on a page in one language: a text in another language is marked with its language (WCAG 3.1.2)."""

    said: Words

    @property
    def language(self) -> str:
        return self.said.language

    def marked(self, text: object, shown: Markup) -> Markup:
        if not isinstance(text, Untranslated) or not foreign(text, self.language):
            return shown
        # A reader who does not read the text's language is told so in their own, after it: seen, and read out by a
        # screen reader.
        note = escape(self.said.not_translated(text.language))
        return Markup(f'{in_own_language(text, shown)} <span class="untranslated-mark">{note}</span>')

    def plain(self, value: object) -> object:
        shown = _plain(value)
        if not isinstance(shown, Markup):
            return shown
        if isinstance(value, Untranslated) and foreign(value, self.language):
            return self.marked(value, shown)
        # Text from content is isolated from the words beside it: a right-to-left title cannot carry the number or
        # the punctuation after it into its own direction ("Trafik: 3 åtaganden"). Words, dates and numbers of ours are
        # Markup already, and need no isolating.
        return (
            Markup(f"<bdi>{shown}</bdi>")
            if isinstance(value, str) and not isinstance(value, Markup) and value
            else shown
        )

    def alt(self, value: object) -> Markup:
        """Text from content inside an image's alternative text, where no element can stand: isolated by FSI and PDI."""
        return Markup(isolated(str(_plain(value)), self.language)) if value else Markup("")

    def html(self, value: object) -> Markup:
        return self.marked(value, Markup(escape(value)))

    @property
    def slip_mark(self) -> str:
        """A [sic] of a text's as the page shows it: the mark, and what it means in the page's language for a screen
        reader (seen as the mark alone, which every reader of a quotation knows)."""
        note = escape(self.said.gettext("så står det i originalet"))
        return (
            f'<span class="sic">{SIC}<span class="sic-note" lang="{self.language}" dir="{self.said.direction}"> '
            f"({note})</span></span>"
        )

    def block(self, text: str | None, rendered: str) -> Markup:
        """A Markdown text's HTML: dir="auto" so that each text reads in its own direction, and a note where it is not translated."""
        if foreign(text, self.language):
            note = self.said.only_in(text.language)
            own = in_own_language(text, Markup("\n" + rendered + "\n"), "div")
            return Markup(
                f'\n<div class="text untranslated">\n<p class="untranslated-note">{escape(note)}</p>\n{own}\n</div>\n'
            )
        return Markup(f'\n<div class="text" dir="auto">\n{rendered}\n</div>\n')


class _TextOnlyI18n(InternationalizationExtension):
    """{% trans %} of jinja2.ext.i18n, with every variable in it shown as text.

    A translated message is trusted Markdown, but the values put into it bypass finalize; without this, a
    title from content could bring Markdown (a link, a list) into the page through a message.
    """

    def _make_node(
        self,
        singular: str,
        plural: str | None,
        context: str | None,
        variables: dict[str, nodes.Expr],
        plural_expr: nodes.Expr | None,
        vars_referenced: bool,
        num_called_num: bool,
    ) -> nodes.Output:
        shown: dict[str, nodes.Expr] = {
            key: nodes.Filter(value, "plain", [], [], None, None) for key, value in variables.items()
        }
        return super()._make_node(singular, plural, context, shown, plural_expr, vars_referenced, num_called_num)


def _markdown_filter(renderer: Renderer, shown: _Shown) -> Callable[..., Markup]:
    @pass_context
    def md(context: Context, text: str | None) -> Markup:
        """Markdown from content as safe HTML, in a block of its own that MkDocs' Markdown leaves as it is."""
        here = _page_of(context)
        rendered = renderer.html(text or "", lambda href: at.relative_address(at.linked_address(href, here), here))
        return shown.block(text, rendered.replace(SIC_MARK, shown.slip_mark))

    return md


def _page_of(context: Context) -> str:
    """The page being rendered; a part is shown on the hand-written page that includes it (the start page's on the first)."""
    here = str(context["here"])
    return at.INCLUDED_IN.get(here, here)


@pass_context
def _linked(context: Context, text: str, target: str) -> Markup:
    """A Markdown link to another page with a text from content: for a list of links that |listed joins."""
    shown = context.environment.finalize(text) if context.environment.finalize else text
    return Markup(f"[{shown}]({_to(context, target)})")


@pass_context
def _to(context: Context, target: str) -> Markup:
    """A link from the page being rendered to another page under docs/, relative so MkDocs checks it."""
    return Markup(_relative(target, posixpath.dirname(_page_of(context))))


# Pages repeat the same few links thousands of times; relpath is slow enough to matter.
@functools.lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


@functools.cache
def standalone(language: str) -> Environment:
    """One environment per language and process: its templates are compiled once."""
    env = _environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, bytecode_cache=COMPILED, extensions=["jinja2.ext.i18n"]
    )
    said = words(language)
    env.install_gettext_translations(said.catalogue, newstyle=True)  # type: ignore[attr-defined]  # added by jinja2.ext.i18n
    # Coordinates to a tenth of a pixel: enough for any screen, and the same numbers give the same file.
    env.filters["px"] = lambda number: f"{round(number, 1):g}"
    env.filters["day"] = said.day
    env.filters["number"] = said.number
    env.filters["own"] = functools.partial(_isolated_in_own_language, language)
    env.filters["direction"] = lambda code: words(code).direction
    env.filters["listed"] = lambda items: said.listed(list(items))
    env.filters["address"] = lambda url: Markup('<a href="{0}" dir="ltr">{1}</a>').format(
        url, left_to_right(url)
    )  # never "/https://…" in Arabic
    env.tests["foreign"] = lambda text: foreign(text, language)
    env.globals.update(language=language, direction=said.direction, one=ONE, comma=Markup(escape(said.comma)))
    return env


def foreign(text: object, language: str) -> TypeGuard[Untranslated]:
    """Whether a text from content is in another language than the page's: it was not translated into it."""
    return isinstance(text, Untranslated) and text.language != language


def in_own_language(text: Untranslated, shown: Markup, element: str = "span") -> Markup:
    """A text not translated into the page's language, marked with its own (WCAG 3.1.2): a screen reader reads it in
    that language's voice, and dir keeps its order inside a page of the other direction (bidi isolation). The language
    is a code that the loader checked, and shown is already safe: no escaping left to do."""
    return Markup(f'<{element} lang="{text.language}" dir="{words(text.language).direction}">{shown}</{element}>')


def _isolated_in_own_language(language: str, text: str) -> Markup:
    """A text from content as HTML, marked with its own language where that is not the page's, and isolated from the
    words beside it: by dir in HTML, and by FSI and PDI as well, for the plain text made from it (the e-mail's text
    part) and for mail programs that do not know dir."""
    escaped = Markup.escape(isolated(text, language))
    if isinstance(text, Untranslated) and foreign(text, language):
        return in_own_language(text, escaped)
    return Markup(f'<span dir="auto">{escaped}</span>') if text else escaped


def styles() -> Environment:
    """CSS: written as it is, no escaping."""
    return _environment(loader=FileSystemLoader(TEMPLATES), autoescape=False)


def skeleton() -> Environment:
    """A new area's files (YAML, Markdown, a workflow): written as text; a value in YAML goes in through |quoted, a
    quoted scalar that stays text whatever it holds (a colon, a quote, any script)."""
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)  # every line as written
    env.filters["quoted"] = lambda text: json.dumps(str(text), ensure_ascii=False)
    return env
