"""Addresses and anchors shared by pages, feeds and data, so that a link made in one place finds its target in another."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from datetime import date

from ..vocabulary import SHOWN_STATUSES

GENERATED = "lofte"  # the folder under docs/ that belongs to the build, rebuilt whole each time


COMMITMENTS = f"{GENERATED}/ataganden/index.md"  # the current period's commitments; page n of the listing at ataganden/n/
COMMITMENTS_CSV = "data/ataganden.csv"

# Addresses once published that now lead elsewhere, kept for good: a redirect page at the old address
# (under the site's root) leads to the page (under docs/) that took its place.
MOVED_PAGES = {f"{GENERATED}/": COMMITMENTS, f"{GENERATED}/atagenden/": COMMITMENTS,
               f"{GENERATED}/uppfoljning/indikatorer/": f"{GENERATED}/uppfoljning/index.md"}
MOVED_PAGED = {f"{GENERATED}/atagenden/": f"{GENERATED}/ataganden/"}  # page n of a listing: old prefix -> new prefix
MOVED_FILES = {"data/atagenden.csv": COMMITMENTS_CSV}  # a data file is copied, since a spreadsheet follows no redirect


def moved(pages: Iterable[str]) -> dict[str, str]:
    """Every old address that needs a redirect, with the page under docs/ it leads to, given the pages built now."""
    redirects = dict(MOVED_PAGES)
    for page in pages:
        address = page_address(f"{GENERATED}/{page}")
        for new, old in ((n, o) for o, n in MOVED_PAGED.items() if address.startswith(n) and address != n):
            redirects[old + address[len(new):]] = f"{GENERATED}/{page}"
    return redirects


def status_anchor(entry_date: date, status: str) -> str:
    """The anchor of one status change on its commitment's page: stable while notes are edited."""
    return f"status-{entry_date.isoformat()}-{SHOWN_STATUSES[status].slug}"


def commitment_page(commitment_id: str) -> str:
    """A commitment's page, as a path under docs/."""
    return f"{GENERATED}/atagande/{commitment_id}.md"


def update_page(update_id: str) -> str:
    """An update's page, as a path under docs/."""
    return f"{GENERATED}/uppdatering/{update_id}.md"


def url_of(site_url: str, page: str) -> str:
    """The absolute address at which a page under docs/ is published."""
    return site_url + page_address(page)


def page_address(page: str) -> str:
    """'lofte/aktor/polisen.md' -> 'lofte/aktor/polisen/', as MkDocs publishes it."""
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
    address = page_address(target) if target.endswith(".md") else target
    return address + hash_mark + fragment


def relative_address(address: str, page: str) -> str:
    """An address under the site's root as seen from a page, so that the site works under any path."""
    here = page_address(page)
    path, hash_mark, fragment = address.partition("#")
    if path == here:
        return (hash_mark + fragment) or "./"
    relative = posixpath.relpath(path or ".", here.rstrip("/") or ".")
    return relative + ("/" if path.endswith("/") and relative != "." else "") + hash_mark + fragment
