"""Pages: Markdown for MkDocs, made from the model alone. What is shown is decided here; how, in templates/."""

from __future__ import annotations

import functools
import math
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_decimal, format_percent
from jinja2 import Environment, FileSystemLoader, StrictUndefined, nodes, pass_context
from jinja2.ext import InternationalizationExtension
from markupsafe import Markup, escape, soft_str

from .. import addresses as at
from ..bidi import isolated
from ..markup import Renderer
from ..settings import Settings, direction, language_name, listed
from ..structure import Actor, Commitment, Content, DialoguePoint, Indicator, Month, Period, Phase, StatusChange, Theme, Untranslated, Update, current_period
from ..totals import StatusRow, all_invented, invented, status_rows
from ..translations import catalogue
from ..vocabulary import BETTER, FORMS, KINDS, LEVELS, NO_STATUS, ONE, SHOWN_STATUSES, STATUSES
from . import charts, embeds, feeds, followup, opendata, posts
from .compiled import COMPILED
from .remembered import Remembered, made

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")
_LINE_BREAK = re.compile(r"\s*\n\s*")


PER_PAGE = 25  # items on one page of a listing
LATEST = 10  # updates shown on an actor's page, indicators per level on a follow-up page


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    previous: str | None
    next: str | None


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
        return c.example or any(e.example for e in c.history) or any(a.example for a in c.activities) or any(u.example for u in self.updates)


@dataclass(frozen=True)
class Page:
    """One page to render: its path under docs/, what its template is given, and its feed if it has one.

    With items, it is a listing, rendered as pages of PER_PAGE items so that no page grows with the content.
    """

    template: str
    path: str
    values: dict[str, Any]
    feed: str | None = None
    items: list[Any] | None = None
    # What a shared link unfolds into (Open Graph): a description and a card; without them, the site's own.
    description: str | None = None
    card: str | None = None
    card_text: str | None = None
    # What search names the page as, in the reader's words (an item's page: a commitment, an actor …); and whether search
    # finds it at all: a draft or a post not yet published (in the preview alone) is never in the index.
    kind: str | None = None
    searchable: bool = True
    indexed: bool = True  # by search engines: a page for the staff alone is not (robots: noindex)


@dataclass(frozen=True)
class Site:
    """What the page builders work from: the model, with the commitments' views worked out once."""

    content: Content
    settings: Settings
    today: date
    current: Period
    views: dict[str, CommitmentView]
    by_period: dict[str, list[CommitmentView]]
    outcomes: dict[str, Outcome]  # by period: shown on the period's page and, for the current one, on the start page
    gettext: Callable[[str], str]


def generate(content: Content, settings: Settings, today: date, remembered: Remembered | None = None) -> dict[str, str]:
    """Every generated page, by its path under docs/: each kind of page in SITE_MAP, then redirects from old addresses.

    remembered (the preview's) gives a page as it was made last time when all that it is made from is as it was.
    """
    env = environment(settings)
    views = _commitment_views(content, settings, today)
    by_period: dict[str, list[CommitmentView]] = {period_id: [] for period_id in content.periods}
    for view in views.values():
        by_period[view.period.id].append(view)
    outcomes = {period_id: _outcome(period_views, content) for period_id, period_views in by_period.items()}
    site = Site(content, settings, today, current_period(content, today), views, by_period, outcomes, catalogue(settings.language).gettext)
    # What every page may know; the rest it is given as a view of its own.
    # A page in another language than the content's says that its translations are not the signed text.
    # Whether the letters are also on paper is the area's fact (extra.area), said only where its settings say so.
    shared = {"settings": settings, "today": today, "current": site.current, "unofficial": content.shown_in != content.language,
              "paper_letters": bool(settings.area and settings.area.paper_letters)}
    pages = rendered(env, (page for pages_of_a_kind in SITE_MAP for page in pages_of_a_kind(site)), shared, remembered)
    for old, new in at.moved(pages).items():
        pages[old + "index.html"] = env.get_template("moved.html.j2").render(
            settings=settings, canonical=at.url_of(settings.url, new), target=at.relative_address(at.page_address(new), old + "index.md"))
    return pages


def rendered(env: Environment, pages: Iterable[Page], shared: Mapping[str, Any], remembered: Remembered | None = None) -> dict[str, str]:
    """Each page as Markdown with its metadata, by its path under docs/; a listing as its pages of PER_PAGE items."""
    files: dict[str, str] = {}
    for page in pages:
        for n, (path, values) in enumerate(_split(page)):
            feeds_of_page = {"name": page.feed, **{ending: at.feed(page.feed, ending) for ending in ("rss", "atom")}} if page.feed and n == 0 else None
            given = {"here": path, "feed": feeds_of_page, **shared, **values}
            text = made(remembered, (page.template, given), env.get_template(page.template).render, given)
            front = {"feed": posixpath.splitext(feeds_of_page["rss"])[0]} if feeds_of_page else {}
            front.update({key: value for key, value in (("description", page.description), ("image", page.card), ("image_alt", page.card_text),
                                                        ("kind", page.kind), ("search_excluded", "true" if not page.searchable else None),
                                                        ("robots", "noindex" if not page.indexed else None)) if value})
            files[path] = f"---\n{front_matter(front)}---\n{text}" if front else text
    return files


# YAML 1.1's short escapes for line and paragraph separators and NEL, in the form every YAML reader knows.
_SHORT_ESCAPES = {"\\\\": "\\\\", "\\L": "\\u2028", "\\P": "\\u2029", "\\N": "\\u0085", "\\_": "\\u00A0"}


def front_matter(values: Mapping[str, str]) -> str:
    """A page's metadata as YAML for its renderer: each value one double-quoted line, in which every character a text
    from content may hold survives (astral ones such as emoji written as \\U escapes, never as JSON's surrogate pairs,
    which MkDocs' reader refuses and then shows the block as the page's text). Read back before it is used."""
    values = {key: str(value) for key, value in values.items()}  # text, whatever kind of string it came as
    text = yaml.dump(values, Dumper=yaml.SafeDumper, default_style='"', allow_unicode=True, width=math.inf, sort_keys=False)
    text = re.sub(r"\\[\\LPN_]", lambda found: _SHORT_ESCAPES[found.group()], text)
    if yaml.safe_load(text) != values:
        raise ValueError(f"metadata that YAML does not carry unchanged: {values!r}")
    return text


def _split(page: Page) -> Iterable[tuple[str, dict[str, Any]]]:
    """A page as it is rendered; a listing as its pages, each with its share of the items and a pager."""
    if page.items is None:
        yield page.path, page.values
        return
    paths = [at.listing_page(page.path, n) for n in range(1, max(1, -(-len(page.items) // PER_PAGE)) + 1)]
    for n, here in enumerate(paths):
        pager = Pager(n + 1, len(paths), paths[n - 1] if n else None, paths[n + 1] if n + 1 < len(paths) else None)
        yield here, {**page.values, "items": page.items[n * PER_PAGE : (n + 1) * PER_PAGE], "pager": pager}


def _periods(site: Site) -> Iterable[Page]:
    for period in site.content.periods.values():
        yield Page("period.md.j2", at.period(period.id), {"period": period, "phase": period.phase(site.today), "outcome": site.outcomes[period.id]},
                   items=site.by_period[period.id], kind=site.gettext("Löfte"))
    yield Page("periods.md.j2", at.PERIODS, {"others": [p for p in list(site.content.periods.values())[::-1] if p != site.current]}, searchable=False)


def _commitments(site: Site) -> Iterable[Page]:
    # Listings and the embed page are left out of search: each item they list is found on its own page, by its own words.
    yield Page("commitments.md.j2", at.COMMITMENTS, {"other_periods": len(site.content.periods) > 1}, at.STATUS_FEED,
               items=_by_actor(site.by_period[site.current.id], site.content.actors), searchable=False)
    _ = site.gettext
    for view in site.views.values():
        c = view.commitment
        status = _(SHOWN_STATUSES[view.status.status if view.status else NO_STATUS.name].label)
        if view.status:
            status = _("%(status)s sedan %(day)s") % {"status": status, "day": _date(view.since, "long", site.settings.language)}
        if c.invented_on():
            status = _("Exempel: %(title)s") % {"title": status}
        described = _("Status: %(status)s. Ansvarig: %(actors)s.") % {"status": status, "actors": listed(site.settings.language, [a.name for a in view.actors])}
        yield Page("commitment.md.j2", at.commitment(c.id), {"view": view}, at.commitment_feed(c.id),
                   description=described, card=at.commitment_card(c.id), card_text=f"{c.title}. {described}", kind=_("Åtagande"))


def _actors(site: Site) -> Iterable[Page]:
    updates_by_actor: dict[str, list[Update]] = defaultdict(list)
    for update in site.content.updates:
        for actor_id in update.actors:
            updates_by_actor[actor_id].append(update)
    for actor in site.content.actors.values():
        yield Page("actor.md.j2", at.actor(actor.id), {"actor": actor, "updates": updates_by_actor[actor.id][:LATEST]}, at.actor_feed(actor.id),
                   items=[v for v in site.views.values() if actor in v.actors], kind=site.gettext("Aktör"))
    yield Page("actors.md.j2", at.ACTORS, {"actors": list(site.content.actors.values()), "counts": Counter(a for v in site.views.values() for a in v.commitment.actors)},
               searchable=False)


def _themes(site: Site) -> Iterable[Page]:
    for theme in site.content.themes.values():
        yield Page("theme.md.j2", at.theme(theme.id), {"theme": theme}, at.theme_feed(theme.id), items=[v for v in site.views.values() if theme in v.themes],
                   kind=site.gettext("Tema"))
    yield Page("themes.md.j2", at.THEMES, {"themes": list(site.content.themes.values()), "counts": Counter(t for v in site.views.values() for t in v.commitment.themes)},
               searchable=False)


def _updates(site: Site) -> Iterable[Page]:
    content, _ = site.content, site.gettext
    words = catalogue(site.settings.language)
    for update in content.updates:
        yield Page("update.md.j2", at.update(update.id), {
            "update": update, "actors": [content.actors[a] for a in update.actors], "commitments": [content.commitments[c] for c in update.commitments],
            "points": [(p, [content.commitments[c] for c in p.commitments]) for p in (update.dialogue.points if update.dialogue else ())],
        }, description=update.summary, card=at.update_card(update.id), card_text=f"{update.title}. {update.summary}",
            kind=words.pgettext(ONE, KINDS[update.kind].singular), searchable=not update.draft and update.date.date() <= site.today)
    yield Page("updates.md.j2", at.UPDATES, {"title": _("Alla uppdateringar"), "kind": None}, at.ALL_FEED, items=list(content.updates), searchable=False)
    for kind in KINDS.values():
        yield Page("updates.md.j2", at.kind(kind), {"title": _(kind.plural), "kind": kind}, kind.feed, items=[u for u in content.updates if u.kind == kind.name],
                   searchable=False)


def _followups(site: Site) -> Iterable[Page]:
    content = site.content
    for period in content.periods.values():
        views = site.by_period[period.id]
        commitments = [v.commitment for v in views]
        ends = followup.month_ends(period, site.today)
        status_rows = followup.monthly_status_counts(commitments, ends)
        invented_rows = [sum(counts.values()) for counts in followup.monthly_invented_counts(commitments, ends)]
        month_rows = [(end, counts, examples) for (end, counts), examples in zip(status_rows, invented_rows, strict=True)]
        activities = [(c, activity) for c in commitments for activity in c.activities]
        yield Page("followup.md.j2", at.followup(period.id), {
            "period": period, "views": views, "latest": LATEST, "status_rows": status_rows, "month_rows": month_rows,
            # Every status counted, every month, is an invented one.
            "all_invented": any(invented_rows) and all(examples == sum(counts.values()) - counts[NO_STATUS.name] for _end, counts, examples in month_rows),
            "activities_all_invented": bool(activities) and all(invented(activity.example, c.example) for c, activity in activities),
            "present": {s for _, counts in status_rows for s, n in counts.items() if n},
            "activity_rows": [(end, {content.actors[a]: n for a, n in counts.items()}, examples)
                              for end, counts, examples in followup.activity_counts(content, commitments, ends)],
            "indicators": [i for i in content.indicators.values() if not i.commitments or any(site.views[c].period.id == period.id for c in i.commitments)],
        })
    yield Page("followups.md.j2", at.FOLLOWUPS, {"periods": list(content.periods.values())[::-1]}, items=list(content.indicators.values()), searchable=False)
    for indicator in content.indicators.values():
        yield Page("indicator.md.j2", at.indicator(indicator.id), {"indicator": indicator, "measured": [site.views[c] for c in indicator.commitments]},
                   kind=site.gettext("Indikator"))


def _follow(site: Site) -> Iterable[Page]:
    yield Page("follow.md.j2", at.FOLLOW, {"feeds": feeds.feeds_of(site.content, site.settings.language)})
    yield Page("posts.md.j2", at.POSTS, {"posts": posts.posts_of(site.content, site.settings, site.today), "copying": Markup(posts.SCRIPT)},
               searchable=False, indexed=False)
    yield Page("opendata.md.j2", at.OPEN_DATA, {"commitment_columns": opendata.COMMITMENT_COLUMNS, "change_columns": opendata.CHANGE_COLUMNS})


def _embedding(site: Site) -> Iterable[Page]:
    settings, period = site.settings, site.current
    yield Page("embedding.md.j2", at.EMBEDDING, {
        "period": period, "period_snippets": embeds.snippets(settings, at.period_badge(period.id), period.title),
        "actors": [(actor, embeds.snippets(settings, at.actor_badge(actor.id), actor.name, at.actor_embed(actor.id), embeds.FRAME_HEIGHTS["actor"]))
                   for actor in site.content.actors.values()],
        "width": embeds.FRAME_WIDTH,
    }, items=[(view, embeds.snippets(settings, at.commitment_badge(view.commitment.id), view.commitment.title, at.commitment_embed(view.commitment.id),
                                     embeds.FRAME_HEIGHTS["commitment"])) for view in site.by_period[period.id]], searchable=False)


def _start(site: Site) -> Iterable[Page]:
    content, current = site.content, site.current
    views, outcome = site.by_period[current.id], site.outcomes[current.id]
    yield Page("start.md.j2", at.START_PART, {
        "views": views, "status_rows": outcome.rows, "phase": current.phase(site.today), "outcome": outcome,
        "next_period": next((p for p in content.periods.values() if p.start > current.end), None),
        "actor_rows": _actor_rows(views, content.actors.values()), "last_changed": last_changed(content),
        "actors": list(content.actors.values()), "latest_updates": content.updates[:5],
        "all_feed": {"name": at.ALL_FEED, **{ending: at.feed(at.ALL_FEED, ending) for ending in ("rss", "atom")}},
    })


# The site map: every kind of page, each given by a function of the site that builds what its pages show.
SITE_MAP: tuple[Callable[[Site], Iterable[Page]], ...] = (_periods, _commitments, _actors, _themes, _updates, _followups, _follow, _embedding, _start)


def last_changed(content: Content) -> date | None:
    """The newest date anywhere in the content: when the site's facts last changed."""
    days = [u.date.date() for u in content.updates]
    for c in content.commitments.values():
        days += [e.date for e in c.history] + [a.date for a in c.activities]
    days += [m.date for i in content.indicators.values() for m in i.values]
    return max(days, default=None)


def _commitment_views(content: Content, settings: Settings, today: date) -> dict[str, CommitmentView]:
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


def _by_actor(views: list[CommitmentView], actors: Mapping[str, Actor]) -> list[tuple[Actor, CommitmentView]]:
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


def _outcome(views: list[CommitmentView], content: Content) -> Outcome:
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
        unfinished=[v for v in views if not v.outcome or not (STATUSES[v.outcome.status].closed or STATUSES[v.outcome.status].continuous)],
        after_end=sorted(((v, e) for v in views for e in v.after_end), key=lambda pair: (pair[1].date, pair[0].commitment.id)),
        reports=[u for u in content.updates if KINDS[u.kind].reports_on_period and ids.intersection(u.concerns)],
    )


def _status_rows(views: Iterable[CommitmentView]) -> tuple[StatusRow, ...]:
    """Each status its commitments count, with how many of each are invented examples."""
    return status_rows((v.counted.status if v.counted else None, v.counted_invented) for v in views)


def _actor_rows(views: list[CommitmentView], actors: Iterable[Actor]) -> list[tuple[Actor, tuple[StatusRow, ...]]]:
    """Per actor, its commitments per status, in the order of the statuses."""
    return [(actor, rows) for actor in actors if (rows := _status_rows(v for v in views if actor in v.actors))]




def environment(settings: Settings) -> Environment:
    """The pages' environment in the settings' language: every filter that shows a date, a number, a status or a text from content."""
    words = catalogue(settings.language)
    _ = words.gettext
    shown = _Shown(settings.language, _)
    env = Environment(
        extensions=[_TextOnlyI18n],
        loader=FileSystemLoader(Path(__file__).parent.parent / "templates"),
        autoescape=True,
        finalize=shown.plain,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=COMPILED,
    )
    env.filters.update(
        # Dates and numbers are Babel's words, never content: Markup, so that they are not isolated as content is.
        day=lambda d: Markup(_date(d, "long", settings.language)) if d else "",
        month=lambda d: Markup(_date(d, "yMMMM", settings.language)),
        when=lambda held: Markup(escape(_when(held, settings.language, _))),
        away=_away,
        clock=lambda moment: Markup(escape(format_time(moment, "short", locale=settings.language))),
        number=lambda n: Markup(format_decimal(n, locale=settings.language)),
        share=lambda percent: Markup(escape(format_percent(percent / 100, locale=settings.language))),  # 23 %, 23%, ٪23 as each language writes it
        md=_markdown_filter(Renderer(), shown),
        all_invented=all_invented,
        change=followup.change,
        verdict=followup.verdict,
        # A value with its unit reads as one: shown as text, not isolated from its own number.
        measured=lambda value, unit: _plain(followup.measured(value, unit, settings.language)),
        difference=lambda value, unit: _plain(followup.difference(value, unit, settings.language)),
        unit=lambda unit: _plain(followup.unit_name(unit, settings.language)),
        h=shown.html,
        bdi=lambda text: Markup(f"<bdi>{shown.html(text)}</bdi>"),  # text from content in a block of HTML, isolated as finalize isolates it
        plain=shown.plain,
        lower=lambda text: Untranslated(text.lower(), text.language) if isinstance(text, Untranslated) else soft_str(text).lower(),
        join=lambda texts, between="": Markup(escape(between)).join(Markup(shown.plain(text)) for text in texts),
        # A list in the language's own words and punctuation (Babel, from CLDR): "A, B och C", "A, B, and C", "A وB وC".
        listed=lambda texts: listed(settings.language, [Markup(shown.plain(text)) for text in texts]),
        status_label=lambda name: Markup(escape(_(SHOWN_STATUSES[name].label))),
        alt=shown.alt,
        status_class=lambda name: Markup(escape(SHOWN_STATUSES[name].slug)),
    )
    env.tests["untranslated"] = lambda text: isinstance(text, Untranslated)
    # Messages are ours and trusted Markdown; what is put into them is shown as text (_TextOnlyI18n).
    env.install_gettext_callables(  # type: ignore[attr-defined]  # added by jinja2.ext.i18n
        gettext=lambda message: Markup(words.gettext(message)),
        ngettext=lambda singular, plural, n: Markup(words.ngettext(singular, plural, n)),
        pgettext=lambda context, message: Markup(words.pgettext(context, message)),
    )
    env.globals.update(linked=_linked, one=ONE, at=at, at_most=PER_PAGE, to=_to, chart_size=charts.SIZES, no_status=NO_STATUS.name, statuses=STATUSES, kinds=KINDS, levels=LEVELS, forms=FORMS, better=BETTER, absolute=lambda page: at.url_of(settings.url, page))
    return env


_UNSAFE_IN_LINK = re.compile(r"[\s<>()\[\]\\\"'`]")


def _away(url: str) -> Markup:
    """An address on another site, as the target of a Markdown link: a web address only, with every character that
    could end the link or start markup percent-encoded. Anything else links nowhere rather than somewhere unsafe."""
    if not re.match(r"^https?://", url):
        return Markup("#")
    return Markup(_UNSAFE_IN_LINK.sub(lambda found: "".join(f"%{byte:02X}" for byte in found.group().encode("utf-8")), url))


def _when(held: datetime | Month, language: str, _: Callable[[str], str]) -> str:
    """When a meeting was held, as precisely as the content says: a month, a day, or a day and a time."""
    if isinstance(held, Month):
        return _date(held.first_day, "yMMMM", language)
    day = _date(held, "long", language)
    return _("%(day)s klockan %(time)s") % {"day": day, "time": format_time(held, "short", locale=language)} if held.hour or held.minute else day


def _plain(value: object) -> object:
    """Text from content is shown as text: no HTML, no Markdown, no template syntax gets through."""
    if isinstance(value, Markup) or value is None:
        return value
    # A line break in a plain text would let its next line start a list, a heading or a block of its own.
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_BREAK.sub(" ", str(escape(value)))))


@dataclass(frozen=True)
class _Shown:
    """Text from content on a page in one language: a text in another language is marked with its language (WCAG 3.1.2)."""

    language: str
    gettext: Callable[[str], str]

    def marked(self, text: object, shown: Markup) -> Markup:
        if not isinstance(text, Untranslated) or text.language == self.language:
            return shown
        # dir: a left-to-right text inside a right-to-left page (or the reverse) keeps its own order (bidi isolation).
        # The language is a code that the loader checked, and shown is already safe: no escaping left to do. A reader
        # who does not read the text's language is told so in their own, after it: seen, and read out by a screen reader.
        said = escape(self.gettext("(på %(language)s)") % {"language": language_name(text.language, self.language)})
        return Markup(f'<span lang="{text.language}" dir="{direction(text.language)}">{shown}</span> <span class="untranslated-mark">{said}</span>')

    def plain(self, value: object) -> object:
        shown = _plain(value)
        if not isinstance(shown, Markup):
            return shown
        if isinstance(value, Untranslated) and value.language != self.language:
            return self.marked(value, shown)
        # Text from content is isolated from the words beside it: a right-to-left title cannot carry the number or
        # the punctuation after it into its own direction ("Trafik: 3 åtaganden"). Words, dates and numbers of ours are
        # Markup already, and need no isolating.
        return Markup(f"<bdi>{shown}</bdi>") if isinstance(value, str) and not isinstance(value, Markup) and value else shown

    def alt(self, value: object) -> Markup:
        """Text from content inside an image's alternative text, where no element can stand: isolated by FSI and PDI."""
        return Markup(isolated(str(_plain(value)), self.language)) if value else Markup("")

    def html(self, value: object) -> Markup:
        return self.marked(value, Markup(escape(value)))

    def block(self, text: str | None, rendered: str) -> Markup:
        """A Markdown text's HTML: dir="auto" so that each text reads in its own direction, and a note where it is not translated."""
        if isinstance(text, Untranslated) and text.language != self.language:
            note = self.gettext("Den här texten finns bara på %(language)s.") % {"language": language_name(text.language, self.language)}
            return Markup(f'\n<div class="text untranslated">\n<p class="untranslated-note">{escape(note)}</p>\n'
                          f'<div lang="{text.language}" dir="{direction(text.language)}">\n{rendered}\n</div>\n</div>\n')
        return Markup(f'\n<div class="text" dir="auto">\n{rendered}\n</div>\n')


class _TextOnlyI18n(InternationalizationExtension):
    """{% trans %} of jinja2.ext.i18n, with every variable in it shown as text.

    A translated message is trusted Markdown, but the values put into it bypass finalize; without this, a
    title from content could bring Markdown (a link, a list) into the page through a message.
    """

    def _make_node(self, singular, plural, context, variables, plural_expr, vars_referenced, num_called_num):  # type: ignore[no-untyped-def]
        shown = {key: nodes.Filter(value, "plain", [], [], None, None) for key, value in variables.items()}
        return super()._make_node(singular, plural, context, shown, plural_expr, vars_referenced, num_called_num)


def _markdown_filter(renderer: Renderer, shown: _Shown):
    @pass_context
    def md(context, text: str | None) -> Markup:
        """Markdown from content as safe HTML, in a block of its own that MkDocs' Markdown leaves as it is."""
        here = _page_of(context)
        return shown.block(text, renderer.html(text or "", lambda href: at.relative_address(at.linked_address(href, here), here)))
    return md


def _page_of(context) -> str:
    """The page being rendered; the start page's pieces are shown on the site's first page."""
    return context["here"] if context["here"] != at.START_PART else at.START


@pass_context
def _linked(context, text: str, target: str) -> Markup:
    """A Markdown link to another page with a text from content: for a list of links that |listed joins."""
    return Markup(f"[{context.environment.finalize(text)}]({_to(context, target)})")


@pass_context
def _to(context, target: str) -> Markup:
    """A link from the page being rendered to another page under docs/, relative so MkDocs checks it."""
    return Markup(_relative(target, posixpath.dirname(_page_of(context))))


# Pages repeat the same few dates and links thousands of times; Babel and relpath are slow enough to matter.
@functools.lru_cache(maxsize=65536)
def _date(day: date, form: str, language: str) -> str:
    """A date in the language's own order and words: "long" for a day, "yMMMM" for a month."""
    return format_date(day, form, locale=language) if form == "long" else format_skeleton(form, day, locale=language)


@functools.lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)
