"""The site's styles: the engine's own sheet, and the status badges' and bars' made from the one table of statuses."""

from __future__ import annotations

from .. import addresses as at
from ..vocabulary import SHOWN_STATUSES
from . import presentation

TEMPLATES = presentation.TEMPLATES


def generate() -> dict[str, str]:
    return {
        at.STYLES: presentation.styles().get_template("status.css.j2").render(statuses=SHOWN_STATUSES.values()),
        at.SITE_STYLES: (TEMPLATES / "site.css").read_text(encoding="utf-8"),
    }
