"""For partners' own websites: status badges (SVG for an <img>) and status cards (script-free pages for an <iframe>).

Both are always up to date, as they are published with the site; their addresses (addresses.py) never change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from jinja2 import Environment

from .. import addresses as at
from ..bidi import isolated
from ..settings import Settings
from ..structure import Actor, Commitment, Content, Period, current_period
from ..vocabulary import NO_STATUS, SHOWN_STATUSES, StatusFacts
from . import cards, presentation
from .remembered import Remembered, made

_BADGE_HEIGHT = 20
_BADGE_FONT = 11
_BADGE_PADDING = 6
_LABEL = StatusFacts(
    "",
    "",
    "",
    closed=False,
    done=False,
    needs_note=False,
    text="#ffffff",
    background="#3b3b3b",
    border="solid",
    edge="#3b3b3b",
    struck=False,
    fill="",
    stripe="",
    angle=0,
    hatch="",
)  # the badge's first part, which names what it is about
_EXAMPLE = StatusFacts(
    "",
    "",
    "",
    closed=False,
    done=False,
    needs_note=False,
    text="#6b3e00",
    background="#fff8e6",
    border="dashed",
    edge="#6b3e00",
    struck=False,
    fill="",
    stripe="",
    angle=0,
    hatch="",
)  # "Exempel", as the pages mark it
FRAME_WIDTH = 320  # the status cards are made to fit this
FRAME_HEIGHTS = {"commitment": 240, "actor": 280}


Counts = tuple[tuple[StatusFacts, int], ...]


@dataclass(frozen=True)
class Part:
    """One part of a badge, laid out: its words, its look and where it is."""

    words: str
    look: StatusFacts
    x: float
    width: float


def generate(content: Content, settings: Settings, today: date, remembered: Remembered | None = None) -> dict[str, str]:
    """A badge and a status card per commitment and per actor, a badge per period, by path under docs/.

    The preview takes each as it was made when what it shows is as it was.
    """
    files: dict[str, str] = {}
    current = current_period(content, today)
    for commitment in content.commitments.values():
        actors = tuple(content.actors[a] for a in commitment.actors)
        shown = _Shown.of(content.periods[commitment.period], today)
        files[at.commitment_badge(commitment.id)], files[at.commitment_embed(commitment.id)] = made(
            remembered,
            ("commitment", commitment, actors, shown, settings),
            _commitment,
            commitment,
            actors,
            shown,
            settings,
        )
    for actor in content.actors.values():
        shown = _Shown.of(current, today)
        counted = _counted(
            [c for c in content.commitments.values() if c.period == current.id and actor.id in c.actors], shown
        )
        files[at.actor_badge(actor.id)], files[at.actor_embed(actor.id)] = made(
            remembered,
            ("actor", actor, counted, current, shown, settings),
            _actor,
            actor,
            counted,
            current,
            shown,
            settings,
        )
    for period in content.periods.values():
        shown = _Shown.of(period, today)
        counted = _counted([c for c in content.commitments.values() if c.period == period.id], shown)
        files[at.period_badge(period.id)] = made(
            remembered, ("period", period, counted, shown, settings), _period, period, counted, shown, settings
        )
    return files


@dataclass(frozen=True)
class _Shown:
    """Which day's statuses a badge or card shows: today's while the period runs, its last day's once it has ended."""

    ended_on: date | None

    @classmethod
    def of(cls, period: Period, today: date) -> _Shown:
        return cls(period.ended_on(today))


@dataclass(frozen=True)
class _Counted:
    counts: Counts
    invented: bool  # any of the statuses counted is an example
    examples: tuple[
        tuple[StatusFacts, int], ...
    ] = ()  # of each status's count, how many are invented (totals.invented)

    @property
    def all_invented(self) -> bool:
        reported = [(status, n) for status, n in self.counts if status.name != NO_STATUS.name]
        return bool(reported) and dict(self.examples) == dict(reported)


def _commitment(
    commitment: Commitment, actors: tuple[Actor, ...], shown: _Shown, settings: Settings
) -> tuple[str, str]:
    _ = settings.words.gettext
    env = presentation.standalone(settings.language)
    day = shown.ended_on
    status = _status_of(commitment, day)
    began = commitment.since(day)
    since = _("sedan %(day)s") % {"day": env.filters["day"](began)} if began else ""
    # Once the promise has ended, the status is said as of its last day ("Pågick").
    words = f"{_(status.ended_label if day else status.label)} {since}".strip()
    invented = commitment.invented_on(day)
    if invented:
        words = _("Exempel: %(title)s") % {"title": words}
    title = f"{isolated(commitment.title, settings.language)}: {words}" + _ended(shown, env, _)
    return (
        _badge(settings, _("Slutstatus") if day else _("Status"), [(words, status)], title),
        env.get_template("embed.html.j2").render(
            kind="commitment",
            settings=settings,
            width=FRAME_WIDTH,
            title=commitment.title,
            status=status,
            since=since,
            invented=invented,
            ended_on=day,
            page=at.url_of(settings.url, at.commitment(commitment.id)),
            actors=actors,
        ),
    )


def _actor(actor: Actor, counted: _Counted, period: Period, shown: _Shown, settings: Settings) -> tuple[str, str]:
    _ = settings.words.gettext
    env = presentation.standalone(settings.language)
    title = (
        f"{isolated(actor.short_name, settings.language)}{settings.words.comma}{isolated(period.title, settings.language)}: "
        f"{_counts_in_words(counted, _, settings.words.comma)}" + _ended(shown, env, _)
    )
    badge = _badge(settings, actor.short_name, _count_parts(counted, _), title)
    card = env.get_template("embed.html.j2").render(
        kind="actor",
        settings=settings,
        width=FRAME_WIDTH,
        title=actor.name,
        counts=counted.counts,
        invented=counted.invented,
        examples=dict(counted.examples),
        all_invented=counted.all_invented,
        ended_on=shown.ended_on,
        period=period,
        page=at.url_of(settings.url, at.actor(actor.id)),
    )
    return badge, card


def _period(period: Period, counted: _Counted, shown: _Shown, settings: Settings) -> str:
    _ = settings.words.gettext
    env = presentation.standalone(settings.language)
    title = (
        f"{isolated(period.title, settings.language)}: {_counts_in_words(counted, _, settings.words.comma)}"
        + _ended(shown, env, _)
    )
    return _badge(settings, period.title, _count_parts(counted, _), title)


def _ended(shown: _Shown, env: Environment, _: Callable[[str], str]) -> str:
    """What a badge's title adds once the period has ended: that it has, and when."""
    return " " + _("(löftet slutade %(day)s)") % {"day": env.filters["day"](shown.ended_on)} if shown.ended_on else ""


def _badge(settings: Settings, label: str, parts: list[tuple[str, StatusFacts]], title: str) -> str:
    return (
        presentation.standalone(settings.language)
        .get_template("badge.svg.j2")
        .render(
            title=title,
            height=_BADGE_HEIGHT,
            font_size=_BADGE_FONT,
            **_laid_out([(label, _LABEL), *parts], settings.right_to_left),
        )
    )


def _status_of(commitment: Commitment, day: date | None = None) -> StatusFacts:
    entry = commitment.status_on(day)
    return SHOWN_STATUSES[entry.status] if entry else NO_STATUS


def _counted(commitments: list[Commitment], shown: _Shown) -> _Counted:
    """How many of the commitments are in each status, in the order work moves through them; statuses with none left out."""
    counts = Counter(_status_of(c, shown.ended_on).name for c in commitments)
    examples = Counter(
        _status_of(c, shown.ended_on).name
        for c in commitments
        if c.status_on(shown.ended_on) and c.invented_on(shown.ended_on)
    )
    return _Counted(
        tuple((status, counts[name]) for name, status in SHOWN_STATUSES.items() if counts[name]),
        any(c.invented_on(shown.ended_on) for c in commitments),
        tuple((status, examples[name]) for name, status in SHOWN_STATUSES.items() if examples[name]),
    )


def _count_parts(counted: _Counted, _: Callable[[str], str]) -> list[tuple[str, StatusFacts]]:
    """The badge's parts after its label: each status with its count, after "Exempel" when any of them is invented."""
    parts = [(f"{_(s.label)} {n}", s) for s, n in counted.counts] or [(_("Inga åtaganden"), NO_STATUS)]
    return [(_("Exempel"), _EXAMPLE), *parts] if counted.invented else parts


def snippets(settings: Settings, badge: str, title: str, frame: str | None = None, height: int = 0) -> dict[str, str]:
    """The HTML a partner copies: the badge (a path under docs/) as an <img>, and a status card, if there is one, in an <iframe>."""
    snippet = presentation.standalone(settings.language).get_template("_snippets.html.j2").module
    copied = {"badge": str(snippet.badge(at.url_of(settings.url, badge), title)).strip()}  # type: ignore[attr-defined]
    if frame:
        copied["frame"] = str(snippet.frame(at.url_of(settings.url, frame), title, FRAME_WIDTH, height)).strip()  # type: ignore[attr-defined]
    return copied


def _counts_in_words(counted: _Counted, _: Callable[[str], str], comma: str) -> str:
    """The badge's parts as its title says them: 'Pågår 3, Genomförd 2', and how many of them are invented."""
    said = comma.join(words for words, _status in _count_parts(counted, _))
    invented = sum(n for _status, n in counted.examples)
    # The messages outside the f-strings, where `make messages` finds them.
    every, of_which = (
        _("alla statusarna är påhittade exempel"),
        _("varav %(count)s påhittade exempel") % {"count": invented},
    )
    if counted.all_invented:
        return f"{said} ({every})"
    return f"{said} ({of_which})" if invented else said


def _laid_out(parts: list[tuple[str, StatusFacts]], right_to_left: bool) -> dict[str, object]:
    """Each part's width from the words' width in DejaVu Sans (the font the badge names first), side by side from the reading side."""
    font = cards.font(bold=False, size=_BADGE_FONT)
    widths = [round(font.getlength(words) + 2 * _BADGE_PADDING, 1) for words, _ in parts]
    total = sum(widths)
    laid, x = [], 0.0
    for (words, look), width in zip(parts, widths, strict=True):
        laid.append(Part(words, look, total - x - width if right_to_left else x, width))
        x += width
    return {"parts": laid, "width": round(total, 1)}
