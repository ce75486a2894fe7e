"""The site's styles: the engine's own sheet, and the status badges' and bars' made from the one table of statuses."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import addresses as at
from ..vocabulary import SHOWN_STATUSES

TEMPLATES = Path(__file__).parent.parent / "templates"


def generate() -> dict[str, str]:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    return {
        at.STYLES: env.get_template("status.css.j2").render(statuses=SHOWN_STATUSES.values()),
        at.SITE_STYLES: (TEMPLATES / "site.css").read_text(encoding="utf-8"),
    }
