"""The rules of a promise, written once: when a period has begun and ended, the day whose statuses tell its outcome,
and the status that stands on a day. The site's model (structure.py), the follow-up figures and the national index's
model (national/model.py) all call these, so that what "ended" or "the status on a day" means is one fact.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal, Protocol, TypeVar

Phase = Literal["upcoming", "active", "ended"]


class Dated(Protocol):
    @property
    def date(self) -> date: ...


Entry = TypeVar("Entry", bound=Dated)


def phase(start: date, end: date, today: date) -> Phase:
    """Upcoming before its first day, active until its last, then ended: the normal state of every promise once its year is over."""
    return "upcoming" if today < start else "active" if today <= end else "ended"


def ended_on(start: date, end: date, today: date) -> date | None:
    """Its last day once it has ended, the day whose statuses every channel then shows; None while it runs or is to come."""
    return end if phase(start, end, today) == "ended" else None


def outcome_day(start: date, end: date, today: date) -> date:
    """The day a period's statuses are told as of: its last day once it has ended, else today."""
    return ended_on(start, end, today) or today


def entry_on(history: Sequence[Entry], day: date | None = None) -> Entry | None:
    """The entry of a history (oldest first) that stands on day, its last on or before it; without a day, its last."""
    within = [entry for entry in history if day is None or entry.date <= day]
    return within[-1] if within else None
