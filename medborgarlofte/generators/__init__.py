"""Generators: functions of the published model that return files, by path in the generated folder."""

from __future__ import annotations

from datetime import date

from ..addresses import CALENDAR, GENERATED, MOVED_FILES, in_generated
from ..settings import Settings
from ..structure import Content
from . import calendar, charts, feeds, opendata, pages, styles

__all__ = ["GENERATED", "generate"]


def generate(content: Content, settings: Settings, today: date) -> dict[str, str]:
    """Every generated file, by its path in the generated folder."""
    files = {
        **pages.generate(content, settings, today),
        **feeds.generate(content, settings),
        **opendata.generate(content, settings),
        **charts.generate(content, settings, today),
        CALENDAR: calendar.generate(content, settings),
        **styles.generate(),
    }
    files.update({old: files[new] for old, new in MOVED_FILES.items()})
    return {in_generated(path): text for path, text in files.items()}
