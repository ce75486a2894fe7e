"""The styles of the status badges and bars, made from the one table of statuses."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import addresses as at
from ..vocabulary import SHOWN_STATUSES


def generate() -> dict[str, str]:
    env = Environment(loader=FileSystemLoader(Path(__file__).parent.parent / "templates"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
    return {at.STYLES: env.get_template("status.css.j2").render(statuses=SHOWN_STATUSES.values())}
