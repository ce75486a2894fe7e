"""Follow-up at three levels: activities, performance and effect, and the statuses month by month."""

from __future__ import annotations

import calendar as months
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..structure import Commitment, Content, Indicator, Measurement, Period
from ..vocabulary import NO_STATUS, SHOWN_STATUSES


@dataclass(frozen=True)
class Change:
    """The latest value of an indicator against the one before, and whether that is for the better."""

    latest: Measurement
    previous: Measurement | None

    @property
    def difference(self) -> float | None:
        return None if self.previous is None else self.latest.value - self.previous.value


def change(indicator: Indicator) -> Change | None:
    if not indicator.values:
        return None
    return Change(indicator.values[-1], indicator.values[-2] if len(indicator.values) > 1 else None)


def verdict(indicator: Indicator, found: Change | None) -> str:
    """'better', 'worse' or 'unchanged', by the direction the indicator says is better; the page words it."""
    if found is None or found.difference is None:
        return ""
    if found.difference == 0:
        return "unchanged"
    return "better" if (found.difference > 0) == indicator.higher_is_better else "worse"


def with_unit(number: str, unit: str) -> str:
    """'9' with the unit 'antal' is just 9: a count needs no word after it."""
    return number if unit.strip().lower() == "antal" else f"{number} {unit}"


def month_ends(period: Period, today: date) -> list[date]:
    """The last day of each month of the period, up to the month that today is in."""
    ends = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month) and date(year, month, 1) <= today:
        ends.append(date(year, month, months.monthrange(year, month)[1]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ends


def status_on(commitment: Commitment, day: date) -> str:
    """The status a commitment had at the end of a day: its newest history entry up to then."""
    current = NO_STATUS.name
    for entry in commitment.history:
        if entry.date > day:
            break
        current = entry.status
    return current


def monthly_status_counts(commitments: list[Commitment], ends: list[date]) -> list[tuple[date, dict[str, int]]]:
    """For each month end, how many commitments had each status (every status listed, zeros included)."""
    rows = []
    for end in ends:
        counts = Counter(status_on(c, end) for c in commitments)
        rows.append((end, {s: counts[s] for s in SHOWN_STATUSES}))
    return rows


def activity_counts(content: Content, commitments: list[Commitment], ends: list[date]) -> list[tuple[date, dict[str, int]]]:
    """Activity log entries per month and per actor (an entry of a shared commitment counts for each actor)."""
    actors = [a for a in content.actors if any(a in c.actors for c in commitments)]
    rows = []
    for end in ends:
        counts = Counter(
            actor for c in commitments for activity in c.activities
            if (activity.date.year, activity.date.month) == (end.year, end.month) for actor in c.actors
        )
        rows.append((end, {a: counts[a] for a in actors}))
    return rows
