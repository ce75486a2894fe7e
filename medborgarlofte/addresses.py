"""Every address the site publishes, declared once: pages, listings, feeds, charts, data files and anchors.

Like Pelican's ARTICLE_SAVE_AS, each is a path under docs/ ('lofte/aktor/polisen.md'), from which MkDocs
makes the address ('lofte/aktor/polisen/'). Python and templates both take addresses from here; nothing
else spells a path.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

from .vocabulary import SHOWN_STATUSES, KindFacts

GENERATED = "lofte"  # the folder under docs/ that belongs to the build, rebuilt whole each time

START = "index.md"  # hand-written; it includes START_PART, which the build makes
START_PART = f"{GENERATED}/_start.md"
COMMITMENTS = f"{GENERATED}/ataganden/index.md"  # the current period's commitments
PERIODS = f"{GENERATED}/perioder.md"
ACTORS = f"{GENERATED}/aktorer.md"
THEMES = f"{GENERATED}/teman.md"
UPDATES = f"{GENERATED}/uppdateringar.md"
FOLLOWUPS = f"{GENERATED}/uppfoljning/index.md"
FOLLOW = f"{GENERATED}/folj.md"
EASY_READ = (
    f"{GENERATED}/lattlast.md"  # the promise in easy-to-read Swedish (lättläst), linked from every page's header
)
OPEN_DATA = f"{GENERATED}/oppna-data.md"
CALENDAR = f"{GENERATED}/kalender.ics"
STYLES = f"{GENERATED}/status.css"
SITE_STYLES = f"{GENERATED}/site.css"  # the engine's styles, beside Material's
ACCESSIBILITY = "tillganglighet.md"  # pages that every page's footer links to: this one includes ACCESSIBILITY_PART
ACCESSIBILITY_PART = f"{GENERATED}/_tillganglighet.md"  # the statement, which the build writes from extra.accessibility
PRIVACY = "integritet.md"
# The hand-written page that includes each part the build makes: the part's links are relative to that page.
INCLUDED_IN = {START_PART: START, ACCESSIBILITY_PART: ACCESSIBILITY}
# Where a reader complains to the supervising authority (Myndigheten för digital förvaltning) about accessibility.
DIGG_COMPLAINT = "https://www.digg.se/tdosanmalan"
SEARCH_FOLDER = "pagefind"  # the search index, at the whole site's root (every language's index in it)
ALL_FEED = "alla"  # the feeds' names, under flode/
STATUS_FEED = "statusandringar"

# Page n of a listing is at <listing>/n/; these listings keep their further pages elsewhere.
FURTHER_PAGES = {FOLLOWUPS: f"{GENERATED}/uppfoljning/indikatorer"}


def commitment(commitment_id: str) -> str:
    return f"{GENERATED}/atagande/{commitment_id}.md"


def period(period_id: str) -> str:
    return f"{GENERATED}/period/{period_id}.md"


def actor(actor_id: str) -> str:
    return f"{GENERATED}/aktor/{actor_id}.md"


def theme(theme_id: str) -> str:
    return f"{GENERATED}/tema/{theme_id}.md"


def update(update_id: str) -> str:
    return f"{GENERATED}/uppdatering/{update_id}.md"


def kind(facts: KindFacts) -> str:
    """The listing of one kind of update."""
    return f"{GENERATED}/{facts.page}.md"


def followup(period_id: str) -> str:
    return f"{GENERATED}/uppfoljning/{period_id}.md"


def indicator(indicator_id: str) -> str:
    return f"{GENERATED}/indikator/{indicator_id}.md"


def indicator_chart(indicator_id: str) -> str:
    return f"{GENERATED}/indikator/{indicator_id}.svg"


def status_chart(period_id: str) -> str:
    return f"{GENERATED}/uppfoljning/{period_id}-status.svg"


# Channels beyond the site. Published for others to link to and embed: these addresses never change.
EMBEDDING = f"{GENERATED}/inbadda.md"  # how to embed the badges and status cards on another site
SITE_CARD = (
    f"{GENERATED}/kort.png"  # the picture a shared link to any other page unfolds into: the site's name and description
)
# The communications staff's page of ready posts for social media (in no navigation, search or index), and their data
# for the publishing workflow's post to Mastodon.
POSTS = f"{GENERATED}/dela.md"
POSTS_DATA = f"{GENERATED}/dela/inlagg.json"


EDITOR_FOLDER = (
    "admin/"  # the web editor (Decap CMS), at the site's root: for staff, linked from no page, in no search or sitemap
)
EDITOR_PAGE = f"{EDITOR_FOLDER}index.html"
EDITOR_CONFIG = f"{EDITOR_FOLDER}config.yml"
EDITOR_START = f"{EDITOR_FOLDER}start.js"
EDITOR_WORDS = f"{EDITOR_FOLDER}svenska.js"  # imported by EDITOR_START, which names it
EDITOR_TRANSLATING = (
    f"{EDITOR_FOLDER}translating.js"  # the translators' forms, imported by EDITOR_START, which names it
)
EDITOR_SCRIPT = f"{EDITOR_FOLDER}decap-cms.js"  # loaded by EDITOR_START, which names it


def commitment_card(commitment_id: str) -> str:
    """The picture a shared link to a commitment's page unfolds into (PNG, 1200×630)."""
    return f"{GENERATED}/atagande/{commitment_id}/kort.png"


def update_card(update_id: str) -> str:
    return f"{GENERATED}/uppdatering/{update_id}/kort.png"


def commitment_badge(commitment_id: str) -> str:
    """A small SVG of the commitment's status in words and colour, for another site's <img>."""
    return f"{GENERATED}/atagande/{commitment_id}/status.svg"


def actor_badge(actor_id: str) -> str:
    """The actor's commitments in the current period, counted by status."""
    return f"{GENERATED}/aktor/{actor_id}/status.svg"


def period_badge(period_id: str) -> str:
    return f"{GENERATED}/period/{period_id}/status.svg"


def commitment_embed(commitment_id: str) -> str:
    """A page of its own, without script, to show in another site's <iframe>: the commitment's status card."""
    return f"{GENERATED}/inbadda/atagande/{commitment_id}/index.html"


def actor_embed(actor_id: str) -> str:
    return f"{GENERATED}/inbadda/aktor/{actor_id}/index.html"


def letter_email(update_id: str) -> str:
    """An information letter as one HTML file for the city's newsletter tool: styles inline, links absolute."""
    return f"{GENERATED}/uppdatering/{update_id}/epost.html"


def letter_text(update_id: str) -> str:
    """The same letter as plain text, for the newsletter's text part."""
    return f"{GENERATED}/uppdatering/{update_id}/epost.txt"


FEED_FOLDER = f"{GENERATED}/flode"  # every feed, in folders by what it follows
FEED_FILES = "*.rss"  # one file of each feed in FEED_FOLDER: its Atom file is beside it


def feed(name: str, ending: str) -> str:
    """A feed by its name ('atagande/polisen-narvaro') and ending ('rss' or 'atom')."""
    return f"{FEED_FOLDER}/{name}.{ending}"


def actor_feed(actor_id: str) -> str:
    return f"aktor/{actor_id}"


def commitment_feed(commitment_id: str) -> str:
    return f"atagande/{commitment_id}"


def theme_feed(theme_id: str) -> str:
    return f"tema/{theme_id}"


def feed_sitemap(name: str) -> str:
    """The sitemap of the folder a feed is in, which lists every feed there."""
    return f"{posixpath.dirname(feed(name, 'rss'))}/sitemap.xml"


def data(name: str) -> str:
    return f"{GENERATED}/data/{name}"


def listing_page(listing: str, number: int) -> str:
    """Page number (from 1) of a listing that does not fit on one page."""
    if number == 1:
        return listing
    further = FURTHER_PAGES.get(listing) or listing.removesuffix("/index.md").removesuffix(".md")
    return f"{further}/{number}.md"


def language_folder(language: str, first: str) -> str:
    """Where a language's site is, under the site's root: the first language at the root, each other in a folder of its code."""
    return "" if language == first else f"{language}/"


def in_generated(path: str) -> str:
    """A path under docs/ as a path in the generated folder."""
    return path.removeprefix(f"{GENERATED}/")


# The national index (`medborgarlofte index`): a site of its own, with the same start page, styles, feeds' and data's
# places as an area's site, and these pages of its own.
INDEX_AREAS = f"{GENERATED}/omraden/index.md"  # every area, with its current or latest promise
INDEX_RUNNING = f"{GENERATED}/omraden/galler-nu/index.md"  # the areas whose latest promise runs today
INDEX_ENDED = f"{GENERATED}/omraden/har-slutat/index.md"  # the areas whose latest promise has ended
INDEX_COUNTIES = f"{GENERATED}/lan/index.md"
INDEX_SOURCES = f"{GENERATED}/kallor.md"  # every source, and what became of it when the index was built


def county(code: str) -> str:
    """A county's page in the index, by its official code (SCB's län code): 'lofte/lan/12.md'."""
    return f"{GENERATED}/lan/{code}.md"


def municipality(code: str) -> str:
    return f"{GENERATED}/kommun/{code}.md"


def indexed_area(slug: str) -> str:
    return f"{GENERATED}/omrade/{slug}.md"


def indexed_period(slug: str, period_id: str) -> str:
    """One promise of an area in the index: its commitments, and what changed from the promise before it."""
    return f"{GENERATED}/omrade/{slug}/{period_id}.md"


def county_feed(code: str) -> str:
    return f"lan/{code}"


ALL_DATA = data("medborgarlofte.json")
ALL_DATA_SCHEMA = data("medborgarlofte.schema.json")
COMMITMENTS_CSV = data("ataganden.csv")
CHANGES_CSV = data("statusandringar.csv")
CHANGES_JSON = data("statusandringar.json")
CHANGES_SCHEMA = data("statusandringar.schema.json")
INDEX_COMMITMENTS_JSON = data("ataganden.json")  # the index's: every commitment of every area, beside COMMITMENTS_CSV
INDEX_COMMITMENTS_SCHEMA = data("ataganden.schema.json")
INDEX_SOURCES_JSON = data("kallor.json")


@dataclass(frozen=True)
class Move:
    """An address the site once published (extra.moved) and the one of the engine's that took its place, with where it
    is written: the build refuses one that leads to no page or file it makes."""

    old: str
    new: str
    where: str  # the settings file, as shown
    line: int


# The folder of the engine's pages has no page of its own: its address leads to the commitments. Addresses a site once
# published are its own (extra.moved), never the engine's.
ENGINE_REDIRECTS = {f"{GENERATED}/": COMMITMENTS}
_FURTHER = re.compile(r"^\d+/$")  # page n of a listing, after the listing's address


def moved(pages: Iterable[str], site_moved: Iterable[Move]) -> tuple[dict[str, str], list[Move]]:
    """Every old page address that needs a redirect, with the page under docs/ it leads to, given the pages built now;
    and the site's moves (extra.moved) that lead to no page built now. A listing's further pages move with it."""
    by_address = {page_address(page): page for page in pages}
    redirects, nowhere = dict(ENGINE_REDIRECTS), []
    for move in site_moved:
        if not move.new.endswith("/"):
            continue  # a file: copied whole (moved_files)
        if move.new not in by_address:
            nowhere.append(move)
            continue
        redirects[move.old] = by_address[move.new]
        for address, page in by_address.items():
            if address.startswith(move.new) and _FURTHER.match(address.removeprefix(move.new)):
                redirects[move.old + address.removeprefix(move.new)] = page
    return redirects, nowhere


def moved_files(files: Iterable[str], site_moved: Iterable[Move]) -> tuple[dict[str, str], list[Move]]:
    """The site's old file addresses (extra.moved), each with the file under docs/ it is a copy of (a spreadsheet
    follows no redirect); and those that lead to no file built now."""
    built = set(files)
    files_moved = [move for move in site_moved if not move.new.endswith("/")]
    return {m.old: m.new for m in files_moved if m.new in built}, [m for m in files_moved if m.new not in built]


def status_anchor(entry_date: date, status: str) -> str:
    """The anchor of one status change on its commitment's page: stable while notes are edited."""
    return f"status-{entry_date.isoformat()}-{SHOWN_STATUSES[status].slug}"


def url_of(site_url: str, page: str) -> str:
    """The absolute address at which a page under docs/ is published."""
    return site_url + page_address(page)


def page_address(page: str) -> str:
    """'lofte/aktor/polisen.md' -> 'lofte/aktor/polisen/', as MkDocs publishes it; a file other than a page keeps its path."""
    if page.endswith("/index.html"):
        return page[: -len("index.html")]
    if not page.endswith(".md"):
        return page
    if page == "index.md" or page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


def linked_address(href: str, page: str) -> str:
    """Where a relative link written in the text of a page leads, as an address under the site's root.

    Links in content are written as in MkDocs, relative to the page the text is shown on and to its
    .md file ('../atagande/polisen-narvaro.md#status'); the page's own address is a folder.
    """
    path, hash_mark, fragment = href.partition("#")
    if not path:
        return page_address(page) + hash_mark + fragment
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return page_address(target) + hash_mark + fragment


def relative_address(address: str, page: str) -> str:
    """An address under the site's root as seen from a page, so that the site works under any path."""
    here = page_address(page)
    path, hash_mark, fragment = address.partition("#")
    if path == here:
        return (hash_mark + fragment) or "./"
    relative = posixpath.relpath(path or ".", here.rstrip("/") or ".")
    return relative + ("/" if path.endswith("/") and relative != "." else "") + hash_mark + fragment


def is_placeholder(url: str) -> bool:
    """An address from the engine's example configuration, or one reserved for examples (RFC 2606): it leads nowhere."""
    host = urlparse(url).hostname or ""
    return (
        host == "example.github.io"
        or host.endswith(".example")
        or host in ("example.com", "example.org", "example.net")
    )
