"""Generators: functions of the published model that return files, by path in the generated folder."""

from __future__ import annotations

from datetime import date

from ..addresses import CALENDAR, GENERATED, in_generated, moved, moved_files
from ..errors import ContentErrors
from ..settings import Settings, leads_nowhere
from ..structure import Content
from . import calendar, cards, charts, embeds, feeds, letters, opendata, pages, posts, styles
from .remembered import Remembered

__all__ = ["GENERATED", "generate"]


def generate(
    content: Content, settings: Settings, today: date, remembered: Remembered | None = None
) -> dict[str, str | bytes]:
    """Every generated file, by its path in the generated folder; the preview's remembered pages and feeds are taken as they were."""
    ready_posts = posts.posts_of(content, settings, today)  # for the posts page and its data file alike
    files = {
        **pages.generate(content, settings, today, remembered, ready_posts),
        **feeds.generate(content, settings, today, remembered),
        **opendata.generate(content, settings),
        **charts.generate(content, settings, today),
        **cards.generate(content, settings, today),
        **embeds.generate(content, settings, today, remembered),
        **letters.generate(content, settings, remembered),
        **posts.generate(settings, ready_posts),
        CALENDAR: calendar.generate(content, settings),
        **styles.generate(),
    }
    copies, lost_files = moved_files(files, settings.moved)
    files.update({old: files[new] for old, new in copies.items()})
    if lost := moved(files, settings.moved)[1] + lost_files:
        raise ContentErrors(leads_nowhere(move) for move in lost)
    return {in_generated(path): text for path, text in files.items()}
