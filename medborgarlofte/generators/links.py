"""Addresses and anchors shared by pages, feeds and data, so that a link made in one place finds its target in another."""

from __future__ import annotations

import posixpath
from datetime import date

GENERATED = "lofte"  # the folder under docs/ that belongs to the build, rebuilt whole each time
KIND_PAGES = {"informationsbrev": "informationsbrev", "medborgardialog": "medborgardialoger", "nyhet": "nyheter", "uppföljning": "uppfoljningar"}
KIND_TITLES = {"informationsbrev": "Informationsbrev", "medborgardialog": "Medborgardialoger", "nyhet": "Nyheter", "uppföljning": "Uppföljningsrapporter"}
KIND_FEEDS = {"informationsbrev": "informationsbrev", "medborgardialog": "medborgardialoger", "nyhet": "nyheter", "uppföljning": "uppfoljning"}


def status_slug(status: str) -> str:
    """'pågår' -> 'pagar': a status as it appears in anchors and class names."""
    return status.translate(str.maketrans("åäö", "aao"))


def status_anchor(entry_date: date, status: str) -> str:
    """The anchor of one status change on its commitment's page: stable while notes are edited."""
    return f"status-{entry_date.isoformat()}-{status_slug(status)}"


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
