"""The pages' machinery: a page to render, its front matter for the renderer, and a listing's pages of PER_PAGE items."""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from jinja2 import Environment

from .. import addresses as at
from .remembered import Remembered, made

PER_PAGE = 25  # items on one page of a listing


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    previous: str | None
    next: str | None


@dataclass(frozen=True)
class Page:
    """One page to render: its path under docs/, what its template is given, and its feed if it has one.

    With items, it is a listing, rendered as pages of PER_PAGE items so that no page grows with the content.
    """

    template: str
    path: str
    values: dict[str, Any]
    feed: str | None = None
    items: list[Any] | None = None
    # What a shared link unfolds into (Open Graph): a description and a card; without them, the site's own.
    description: str | None = None
    card: str | None = None
    card_text: str | None = None
    # What search names the page as, in the reader's words (an item's page: a commitment, an actor …); and whether search
    # finds it at all: a draft or a post not yet published (in the preview alone) is never in the index.
    kind: str | None = None
    searchable: bool = True
    indexed: bool = True  # by search engines: a page for the staff alone is not (robots: noindex)


def rendered(
    env: Environment, pages: Iterable[Page], shared: Mapping[str, Any], remembered: Remembered | None = None
) -> dict[str, str]:
    """Each page as Markdown with its metadata, by its path under docs/; a listing as its pages of PER_PAGE items."""
    files: dict[str, str] = {}
    for page in pages:
        for n, (path, values) in enumerate(_split(page)):
            feeds_of_page = (
                {"name": page.feed, **{ending: at.feed(page.feed, ending) for ending in ("rss", "atom")}}
                if page.feed and n == 0
                else None
            )
            given = {"here": path, "feed": feeds_of_page, **shared, **values}
            text = made(remembered, (page.template, given), env.get_template(page.template).render, given)
            front = {"feed": posixpath.splitext(feeds_of_page["rss"])[0]} if feeds_of_page else {}
            front.update(
                {
                    key: value
                    for key, value in (
                        ("description", page.description),
                        ("image", page.card),
                        ("image_alt", page.card_text),
                        ("kind", page.kind),
                        ("search_excluded", "true" if not page.searchable else None),
                        ("robots", "noindex" if not page.indexed else None),
                    )
                    if value
                }
            )
            files[path] = f"---\n{front_matter(front)}---\n{text}" if front else text
    return files


# YAML 1.1's short escapes for line and paragraph separators and NEL, in the form every YAML reader knows.
_SHORT_ESCAPES = {"\\\\": "\\\\", "\\L": "\\u2028", "\\P": "\\u2029", "\\N": "\\u0085", "\\_": "\\u00A0"}


def front_matter(values: Mapping[str, str]) -> str:
    """A page's metadata as YAML for its renderer: each value one double-quoted line, in which every character a text
    from content may hold survives (astral ones such as emoji written as \\U escapes, never as JSON's surrogate pairs,
    which MkDocs' reader refuses and then shows the block as the page's text). Read back before it is used."""
    values = {key: str(value) for key, value in values.items()}  # text, whatever kind of string it came as
    text = yaml.dump(
        values, Dumper=yaml.SafeDumper, default_style='"', allow_unicode=True, width=math.inf, sort_keys=False
    )
    text = re.sub(r"\\[\\LPN_]", lambda found: _SHORT_ESCAPES[found.group()], text)
    if yaml.safe_load(text) != values:
        raise ValueError(f"metadata that YAML does not carry unchanged: {values!r}")
    return text


def _split(page: Page) -> Iterable[tuple[str, dict[str, Any]]]:
    """A page as it is rendered; a listing as its pages, each with its share of the items and a pager."""
    if page.items is None:
        yield page.path, page.values
        return
    paths = [at.listing_page(page.path, n) for n in range(1, max(1, -(-len(page.items) // PER_PAGE)) + 1)]
    for n, here in enumerate(paths):
        pager = Pager(n + 1, len(paths), paths[n - 1] if n else None, paths[n + 1] if n + 1 < len(paths) else None)
        yield here, {**page.values, "items": page.items[n * PER_PAGE : (n + 1) * PER_PAGE], "pager": pager}
