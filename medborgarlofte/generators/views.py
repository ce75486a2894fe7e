"""What the pages show of the model, worked out once: each commitment's view and each period's outcome."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from ..settings import Settings
from ..structure import Actor, Commitment, Content, DialoguePoint, Indicator, Period, Phase, StatusChange, Theme, Update
from ..totals import StatusRow, invented, status_rows
from ..vocabulary import KINDS, STATUSES


@dataclass(frozen=True)
class CommitmentView:
    """A commitment with what the pages say about it, worked out once."""

    commitment: Commitment
    period: Period
    actors: tuple[Actor, ...]
    themes: tuple[Theme, ...]
    status: StatusChange | None
    since: date | None  # the day its status began (a repeated status is a note on it)
    phase: Phase  # of its period
    outcome: StatusChange | None  # the status on the period's last day: the frozen edition of an ended period
    after_end: tuple[StatusChange, ...]  # reported after the period ended
    ends: date
    last_reported: date | None
    silent: bool
    overdue: bool
    updates: tuple[Update, ...]
    points: tuple[tuple[Update, DialoguePoint], ...]
    indicators: tuple[Indicator, ...]
    continues: Commitment | None
    continued_by: tuple[Commitment, ...]

    @property
    def counted(self) -> StatusChange | None:
        """The status a total counts: for an ended period, its outcome, which later reports do not change."""
        return self.outcome if self.phase == "ended" else self.status

    @property
    def counted_invented(self) -> bool:
        return bool(self.counted and invented(self.counted.example, self.commitment.example))

    @property
    def has_examples(self) -> bool:
        c = self.commitment
        return (
            c.example
            or any(e.example for e in c.history)
            or any(a.example for a in c.activities)
            or any(u.example for u in self.updates)
        )


def last_changed(content: Content) -> date | None:
    """The newest date anywhere in the content: when the site's facts last changed."""
    days = [u.date.date() for u in content.updates]
    for c in content.commitments.values():
        days += [e.date for e in c.history] + [a.date for a in c.activities]
    days += [m.date for i in content.indicators.values() for m in i.values]
    return max(days, default=None)


def commitment_views(content: Content, settings: Settings, today: date) -> dict[str, CommitmentView]:
    measured_by: dict[str, list[Indicator]] = defaultdict(list)
    for indicator in content.indicators.values():
        for commitment_id in indicator.commitments:
            measured_by[commitment_id].append(indicator)
    views = {}
    for c in content.commitments.values():
        period = content.periods[c.period]
        updates = content.updates_by_commitment.get(c.id, ())
        points = tuple((u, p) for u in updates if u.dialogue for p in u.dialogue.points if c.id in p.commitments)
        reported = [e.date for e in c.history] + [a.date for a in c.activities] + [u.date.date() for u in updates]
        last = max(reported, default=None)
        status = c.status
        open_ = status is None or not STATUSES[status.status].closed
        ends = c.end or period.end
        phase = period.phase(today)
        views[c.id] = CommitmentView(
            commitment=c,
            period=period,
            actors=tuple(content.actors[a] for a in c.actors),
            themes=tuple(content.themes[t] for t in c.themes),
            status=status,
            since=c.since(),
            phase=phase,
            outcome=c.status_on(period.end),
            after_end=tuple(e for e in c.history if e.date > period.end),
            ends=ends,
            last_reported=last,
            # Silence and passed end dates are news only while the promise runs; an ended period has an outcome instead.
            silent=phase == "active" and open_ and (last is None or (today - last).days > settings.silent_after_days),
            overdue=phase == "active" and open_ and today > ends,
            updates=updates,
            points=points,
            indicators=tuple(measured_by.get(c.id, ())),
            continues=content.commitments.get(c.continues) if c.continues else None,
            continued_by=tuple(content.commitments[i] for i in content.continued_by.get(c.id, ())),
        )
    return views


def by_actor(views: list[CommitmentView], actors: Mapping[str, Actor]) -> list[tuple[Actor, CommitmentView]]:
    """Each commitment under every actor that stands for it, a joint one under each, in the actors' order."""
    rank = {actor_id: n for n, actor_id in enumerate(actors)}
    pairs = [(actor_id, view) for view in views for actor_id in view.commitment.actors]
    return [(actors[actor_id], view) for actor_id, view in sorted(pairs, key=lambda pair: rank[pair[0]])]


@dataclass(frozen=True)
class Outcome:
    """What an ended period came to: the status of each commitment on its last day, and what was reported later."""

    rows: tuple[StatusRow, ...]
    done: int
    done_examples: int  # of them, invented examples
    total: int
    continued: int  # continuous work that went on until the period ended: reported as such, not as unfinished
    continued_examples: int
    unfinished: list[CommitmentView]  # neither done, cancelled nor continuous work when the period ended
    after_end: list[tuple[CommitmentView, StatusChange]]
    reports: list[Update]  # follow-up reports on the period's commitments


def outcome_of(views: list[CommitmentView], content: Content) -> Outcome:
    ids = {v.commitment.id for v in views}
    done = [v for v in views if v.outcome and STATUSES[v.outcome.status].done]
    continued = [v for v in views if v.outcome and STATUSES[v.outcome.status].continuous]
    return Outcome(
        rows=status_rows((v.outcome.status if v.outcome else None, v.counted_invented) for v in views),
        done=len(done),
        done_examples=sum(v.counted_invented for v in done),
        total=len(views),
        continued=len(continued),
        continued_examples=sum(v.counted_invented for v in continued),
        unfinished=[
            v
            for v in views
            if not v.outcome or not (STATUSES[v.outcome.status].closed or STATUSES[v.outcome.status].continuous)
        ],
        after_end=sorted(
            ((v, e) for v in views for e in v.after_end), key=lambda pair: (pair[1].date, pair[0].commitment.id)
        ),
        reports=[u for u in content.updates if KINDS[u.kind].reports_on_period and ids.intersection(u.concerns)],
    )


def view_status_rows(views: Iterable[CommitmentView]) -> tuple[StatusRow, ...]:
    """Each status its commitments count, with how many of each are invented examples."""
    return status_rows((v.counted.status if v.counted else None, v.counted_invented) for v in views)


def actor_rows(views: list[CommitmentView], actors: Iterable[Actor]) -> list[tuple[Actor, tuple[StatusRow, ...]]]:
    """Per actor, its commitments per status, in the order of the statuses."""
    return [(actor, rows) for actor in actors if (rows := view_status_rows(v for v in views if actor in v.actors))]
