"""Follow-up at three levels: activities, performance and effect, and the statuses month by month."""

from __future__ import annotations

import calendar as months
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .. import rules
from ..languages import Words
from ..structure import Commitment, Content, Indicator, Measurement, Period
from ..totals import invented
from ..vocabulary import NO_STATUS, SHOWN_STATUSES, UNITS


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


def measured(value: float, unit: str, said: Words) -> str:
    """A value with its unit in the reader's language: a unit of the vocabulary as Babel writes it ("36 procent",
    "36 percent"), a count as its number alone (9, not "9 antal"), any other unit as content wrote it."""
    facts = UNITS.get(str(unit).strip().lower())
    if facts and facts.cldr:
        return said.unit(value, facts.cldr)
    number = said.number(value)
    return number if facts else f"{number} {unit}"


def difference(value: float, unit: str, said: Words) -> str:
    """A change between two values, signed: a share changes by percentage points ("−3,5 procentenheter")."""
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    number = said.number(abs(value))
    facts = UNITS.get(str(unit).strip().lower())
    if facts is None:
        return f"{sign}{number} {unit}"
    return sign + number + (f" {said.gettext(facts.change)}" if facts.cldr else "")


def unit_name(unit: str, said: Words) -> str:
    """The unit's own word, for a heading or an axis: translated where the vocabulary has it, else as content wrote it."""
    facts = UNITS.get(str(unit).strip().lower())
    return said.gettext(facts.label) if facts else unit


def month_ends(period: Period, today: date) -> list[date]:
    """The last day of each month of the period, up to the month that today is in."""
    ends = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month) and date(year, month, 1) <= today:
        ends.append(date(year, month, months.monthrange(year, month)[1]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ends


def status_on(commitment: Commitment, day: date) -> str:
    """The status a commitment had at the end of a day: its newest history entry up to then (rules.entry_on)."""
    entry = rules.entry_on(commitment.history, day)
    return entry.status if entry else NO_STATUS.name


def monthly_status_counts(commitments: list[Commitment], ends: list[date]) -> list[tuple[date, dict[str, int]]]:
    """For each month end, how many commitments had each status (every status listed, zeros included)."""
    rows = []
    for end in ends:
        counts = Counter(status_on(c, end) for c in commitments)
        rows.append((end, {s: counts[s] for s in SHOWN_STATUSES}))
    return rows


def monthly_invented_counts(commitments: list[Commitment], ends: list[date]) -> list[dict[str, int]]:
    """For each month end, how many of each status's commitments had an invented status (the rule of totals.invented)."""
    rows = []
    for end in ends:
        counts = Counter(
            entry.status for c in commitments if (entry := c.status_on(end)) and invented(entry.example, c.example)
        )
        rows.append({s: counts[s] for s in SHOWN_STATUSES})
    return rows


def activity_counts(
    content: Content, commitments: list[Commitment], ends: list[date]
) -> list[tuple[date, dict[str, int], int]]:
    """Activity log entries per month and per actor (an entry of a shared commitment counts for each actor), and how many
    of the month's entries are invented examples (the entry, or its commitment, marked so)."""
    actors = [a for a in content.actors if any(a in c.actors for c in commitments)]
    rows = []
    for end in ends:
        of_month = [
            (c, activity)
            for c in commitments
            for activity in c.activities
            if (activity.date.year, activity.date.month) == (end.year, end.month)
        ]
        counts = Counter(actor for c, _activity in of_month for actor in c.actors)
        rows.append(
            (
                end,
                {a: counts[a] for a in actors},
                sum(invented(activity.example, c.example) for c, activity in of_month),
            )
        )
    return rows
