"""Markdown from content, rendered by us with a small safe set of features and cleaned by an allow-list sanitizer.

Content comes from several organisations and is untrusted. Its Markdown never reaches MkDocs' own
Markdown (with attribute lists, raw HTML and snippets): it is turned into HTML here, by a CommonMark
parser with raw HTML shown as text, and nh3 then keeps only the tags, attributes and addresses listed below. Pages and
feeds both use this renderer; only the way relative links are resolved differs between them.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        "strong",
        "em",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "img",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "span",
    }
)
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}, "span": {"class"}}
# A slip quoted as it was written ("renhållningsinsattser [sic]"): the mark is shown as a mark, and the page says what
# it means in its own language (presentation.py). The one element a text may bring, and only with this class.
SIC = "[sic]"
SIC_MARK = f'<span class="sic">{SIC}</span>'

# Whitespace and control characters that browsers ignore inside a scheme ("java\tscript:").
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\ufeff]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# A snippet directive ("--8<--") must never appear in what MkDocs reads, not even inside an attribute.
_SNIPPET_MARK = re.compile(r"8<(?=-)")
# Braces are written as character references: where a template's part is read again as Markdown (inside an element
# with a markdown attribute), attribute lists ("{: onmouseover=…}") act on the elements of raw HTML too. A browser
# shows the same characters.
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


@dataclass(frozen=True)
class Reference:
    """A link or an image in a Markdown text, as written."""

    kind: str  # "link" or "image"
    url: str


def _as_read(url: str) -> str:
    """An address as a browser could end up reading it: entities and escapes decoded, hidden characters gone."""
    return _IGNORED_IN_URL.sub("", unquote(html.unescape(url)))


def scheme_of(url: str) -> str | None:
    """The scheme a browser could see, whatever the case, entities, escapes or hidden characters: 'JaVa&#x09;script:' -> 'javascript'."""
    match = _SCHEME.match(_as_read(url).lower())
    return match.group(1) if match else None


def link_allowed(url: str) -> bool:
    """http, https, mailto, tel, or an address on the site itself."""
    scheme = scheme_of(url)
    return scheme in LINK_SCHEMES if scheme else True


def image_allowed(url: str) -> bool:
    """Images only from the site itself: a relative address, never another host (that would tell it who reads)."""
    plain = _as_read(url)
    return bool(plain) and _SCHEME.match(plain.lower()) is None and not plain.startswith("//") and "\\" not in plain


Resolver = Callable[[str], str]


def _unchanged(url: str) -> str:
    return url


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "span":
        return value if attribute == "class" and value == "sic" else None
    if element == "img" and attribute == "src":
        return value if image_allowed(value) else None
    if element == "a" and attribute == "href":
        return value if link_allowed(value) else None
    return value


class Renderer:
    """CommonMark with tables, and nothing else: no raw HTML, no attribute lists, no includes.

    markdown-it-py parses in linear time, so a hostile text cannot stall the build; one parser serves every text of a build.
    """

    def __init__(self) -> None:
        self._md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
        # Every address is let through the parser so that check can name it; the sanitizer decides what stays.
        self._md.validateLink = lambda url: True  # type: ignore[method-assign]

    def html(self, text: str, resolve: Resolver = _unchanged) -> str:
        """Safe HTML for a Markdown text; resolve turns a relative address in it into one that works where it is shown."""
        tokens = self._md.parse(text)
        _mark_slips(tokens)
        for token, attribute in _addresses(tokens):
            url = str(token.attrGet(attribute) or "")
            if scheme_of(url) is None and not url.startswith("/"):
                token.attrSet(attribute, resolve(url))
        return clean(self._md.renderer.render(tokens, self._md.options, {}).rstrip("\n"))

    def references(self, text: str) -> list[Reference]:
        """Every link and image in a Markdown text, as written, for check to judge before anything is published."""
        return [
            Reference("link" if attribute == "href" else "image", str(token.attrGet(attribute) or ""))
            for token, attribute in _addresses(self._md.parse(text))
        ]


_CHECKER = Renderer()


@functools.lru_cache(maxsize=65536)  # the preview checks every text again on every save; most are as they were
def references(text: str) -> tuple[Reference, ...]:
    """Every link and image in a Markdown text, as written, for check to judge before anything is published."""
    return tuple(_CHECKER.references(text))


def _mark_slips(tokens: list[Token]) -> None:
    """Each [sic] in a text (not in a link's address or in code) as the marked element: as its own token, so that no
    text of the content's can become markup."""
    for block in tokens:
        if not block.children:
            continue
        children: list[Token] = []
        for token in block.children:
            if token.type != "text" or SIC not in token.content:
                children.append(token)
                continue
            for n, part in enumerate(token.content.split(SIC)):
                if n:
                    children.append(Token("html_inline", "", 0, content=SIC_MARK))
                if part:
                    children.append(Token("text", "", 0, content=part))
        block.children = children


def _addresses(tokens: list[Token]) -> Iterator[tuple[Token, str]]:
    for block in tokens:
        for token in block.children or ():
            if token.type == "link_open":
                yield token, "href"
            elif token.type == "image":
                yield token, "src"


def clean(fragment: str) -> str:
    """The allow-list sanitizer: what it does not know it removes."""
    cleaned = nh3.clean(
        fragment,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(LINK_SCHEMES),
        attribute_filter=_keep_attribute,
        link_rel=None,
        strip_comments=True,
    )
    return _SNIPPET_MARK.sub("8&lt;", cleaned).translate(_BRACES)
