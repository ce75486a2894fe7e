"""Totals of statuses, and how much of each total is invented: the one rule that the area's pages, embeds, cards and
data and the national index all count by.

A counted status is invented where its entry in the history, or its commitment as a whole, is marked as an example
(`example: true`); a commitment with no status reported has no status to invent. Every total that is shown says how
many of it are invented, and a total made of invented statuses alone says that it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .vocabulary import NO_STATUS, SHOWN_STATUSES


def invented(entry_example: bool, commitment_example: bool) -> bool:
    """Whether a reported status is an invented example: its entry is marked so, or its whole commitment is."""
    return entry_example or commitment_example


@dataclass(frozen=True)
class StatusRow:
    """One status of a total: how many commitments have it, how many of those are invented examples, and its share."""

    status: str
    count: int
    examples: int
    percent: int  # of the whole total
    example_percent: int  # the invented part, of the whole total: drawn apart in a bar

    @property
    def reported_percent(self) -> int:
        return self.percent - self.example_percent


def status_rows(counted: Iterable[tuple[str | None, bool]]) -> tuple[StatusRow, ...]:
    """Each status there is, in the order work moves through them, from (status or None, invented) for each commitment."""
    counts: Counter[str] = Counter()
    examples: Counter[str] = Counter()
    for status, is_invented in counted:
        name = status or NO_STATUS.name
        counts[name] += 1
        examples[name] += bool(status and is_invented)
    total = max(sum(counts.values()), 1)
    return tuple(
        StatusRow(s, counts[s], examples[s], round(100 * counts[s] / total), round(100 * examples[s] / total))
        for s in SHOWN_STATUSES
        if counts[s]
    )


def all_invented(rows: Iterable[StatusRow]) -> bool:
    """A total whose every status is an invented example (and that has statuses at all)."""
    listed = [row for row in rows if row.status != NO_STATUS.name]
    return bool(listed) and all(row.examples == row.count for row in listed)
