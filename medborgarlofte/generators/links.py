"""Addresses and anchors shared by pages, feeds and data, so that a link made in one place finds its target in another."""

from __future__ import annotations

import re
from datetime import date

GENERATED = "lofte"  # the folder under docs/ that belongs to the build, rebuilt whole each time
KIND_PAGES = {"informationsbrev": "informationsbrev", "medborgardialog": "medborgardialoger", "nyhet": "nyheter", "uppföljning": "uppfoljningar"}
KIND_TITLES = {"informationsbrev": "Informationsbrev", "medborgardialog": "Medborgardialoger", "nyhet": "Nyheter", "uppföljning": "Uppföljningsrapporter"}
KIND_FEEDS = {"informationsbrev": "informationsbrev", "medborgardialog": "medborgardialoger", "nyhet": "nyheter", "uppföljning": "uppfoljning"}
_RAW_HTML = re.compile(r"<(?=[A-Za-z!/?])")


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


def without_html(markdown_text: str) -> str:
    """Markdown keeps its formatting; raw HTML in it is shown as text, never run."""
    return _RAW_HTML.sub("&lt;", markdown_text)
