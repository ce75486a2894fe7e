"""Markdown from content, rendered by us with a small safe set of features and cleaned by an allow-list sanitizer.

Content comes from several organisations and is untrusted. Its Markdown never reaches MkDocs' own
Markdown (with attribute lists, raw HTML and snippets): it is turned into HTML here, with raw HTML
shown as text, and nh3 then keeps only the tags, attributes and addresses listed below. Pages and
feeds both use this renderer; only the way relative links are resolved differs between them.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
TAGS = frozenset({
    "p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
})
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}

# Whitespace and control characters that browsers ignore inside a scheme ("java\tscript:").
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\ufeff]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# A snippet directive ("--8<--") must never appear in what MkDocs reads, not even inside an attribute.
_SNIPPET_MARK = re.compile(r"8<(?=-)")


@dataclass(frozen=True)
class Reference:
    """A link or an image in a Markdown text, as written."""

    kind: str  # "link" or "image"
    url: str


def scheme_of(url: str) -> str | None:
    """The scheme a browser would see, whatever the case, entities or hidden characters: 'JaVa&#x09;script:' -> 'javascript'."""
    plain = _IGNORED_IN_URL.sub("", html.unescape(url)).lower()
    match = _SCHEME.match(plain)
    return match.group(1) if match else None


def link_allowed(url: str) -> bool:
    """http, https, mailto, tel, or an address on the site itself."""
    scheme = scheme_of(url)
    return scheme in LINK_SCHEMES if scheme else True


def image_allowed(url: str) -> bool:
    """Images only from the site itself: a relative address, never another host (that would tell it who reads)."""
    plain = _IGNORED_IN_URL.sub("", html.unescape(url))
    return bool(plain) and scheme_of(url) is None and not plain.startswith("//") and "\\" not in plain


Resolver = Callable[[str], str]


def _unchanged(url: str) -> str:
    return url


class _Addresses(Treeprocessor):
    """Collects every link and image, and resolves relative addresses for the page or feed being made."""

    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.found: list[Reference] = []
        self.resolve: Resolver = _unchanged

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            url = element.get(attribute) if attribute else None
            if attribute is None or url is None:
                continue
            self.found.append(Reference("link" if element.tag == "a" else "image", url))
            element.set(attribute, self.resolve(url) if scheme_of(url) is None and not url.startswith("/") else url)


class _Safe(Extension):
    """No raw HTML: it is shown as text. Only the extensions named in Renderer are loaded, so no attribute lists or snippets."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Addresses(md), "addresses", 1)


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src":
        return value if image_allowed(value) else None
    if element == "a" and attribute == "href":
        return value if link_allowed(value) else None
    return value


class Renderer:
    """One Markdown parser, reused for every text of a build (making one costs more than rendering a paragraph)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["tables", "sane_lists", _Safe()], output_format="html")
        self._addresses: _Addresses = self._md.treeprocessors["addresses"]  # type: ignore[assignment]

    def html(self, text: str, resolve: Resolver = _unchanged) -> str:
        """Safe HTML for a Markdown text; resolve turns a relative address in it into one that works where it is shown."""
        self._addresses.resolve = resolve
        try:
            rendered = self._convert(text)
        finally:
            self._addresses.resolve = _unchanged
        return clean(rendered)

    def references(self, text: str) -> list[Reference]:
        """Every link and image in a Markdown text, for check to judge before anything is published."""
        self._convert(text)
        return list(self._addresses.found)

    def _convert(self, text: str) -> str:
        self._md.reset()
        self._addresses.found = []
        return self._md.convert(text)


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
    return _SNIPPET_MARK.sub("8&lt;", cleaned)
