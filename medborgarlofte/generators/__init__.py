"""Generators: functions of the published model that return files, by path in the generated folder."""

from __future__ import annotations

from datetime import date

from ..settings import Settings
from ..structure import Content
from . import calendar, charts, feeds, opendata, pages, styles
from .links import GENERATED

__all__ = ["GENERATED", "generate"]


def generate(content: Content, settings: Settings, today: date) -> dict[str, str]:
    return {
        **pages.generate(content, settings, today),
        **feeds.generate(content, settings),
        **opendata.generate(content, settings),
        **charts.generate(content, settings, today),
        "kalender.ics": calendar.generate(content, settings),
        **styles.generate(),
    }
