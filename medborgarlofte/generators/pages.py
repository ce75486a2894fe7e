"""The site map: every kind of page, made from the model alone. What each shows is decided here (from views.py); how,
in templates/ (through environment.py); pages become files in markdown_pages.py."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from .. import addresses as at
from ..settings import SIGNED_PAGES, Settings, SignLanguage
from ..structure import Content, Period, Untranslated, Update, current_period
from ..totals import invented
from ..translations import N_
from ..vocabulary import KINDS, NO_STATUS, ONE, SHOWN_STATUSES
from . import charts, embeds, feeds, followup, opendata, posts, presentation
from .markdown_pages import Page, rendered
from .remembered import Remembered
from .views import CommitmentView, Outcome, actor_rows, by_actor, commitment_views, last_changed, outcome_of

LATEST = 10  # updates shown on an actor's page, indicators per level on a follow-up page


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
    ready_posts: list[posts.Post]  # the posts page's, made once with its data file


def generate(
    content: Content,
    settings: Settings,
    today: date,
    remembered: Remembered | None = None,
    ready_posts: list[posts.Post] | None = None,
) -> dict[str, str]:
    """Every generated page, by its path under docs/: each kind of page in SITE_MAP, then redirects from old addresses.

    remembered (the preview's) gives a page as it was made last time when all that it is made from is as it was;
    ready_posts are the posts page's, where they are made already.
    """
    env = presentation.pages(settings)
    views = commitment_views(content, settings, today)
    by_period: dict[str, list[CommitmentView]] = {period_id: [] for period_id in content.periods}
    for view in views.values():
        by_period[view.period.id].append(view)
    outcomes = {period_id: outcome_of(period_views, content) for period_id, period_views in by_period.items()}
    site = Site(
        content,
        settings,
        today,
        current_period(content, today),
        views,
        by_period,
        outcomes,
        settings.words.gettext,
        posts.posts_of(content, settings, today) if ready_posts is None else ready_posts,
    )
    # What every page may know; the rest it is given as a view of its own.
    # A page in another language than the content's says that its translations are not the signed text.
    # Whether the letters are also on paper is the area's fact (extra.area), said only where its settings say so.
    shared = {
        "settings": settings,
        "today": today,
        "current": site.current,
        "unofficial": content.shown_in != content.language,
        "paper_letters": bool(settings.area and settings.area.paper_letters),
        "chart_size": charts.SIZES,  # width and height of each chart's <img>, so that the page keeps its place
        # The videos in Swedish Sign Language, by the page given them; what each says is written in Swedish.
        "signed": {page: _signed(settings, page) for page in SIGNED_PAGES},
    }
    made = [page for pages_of_a_kind in SITE_MAP for page in pages_of_a_kind(site)]
    pages = rendered(env, made, shared, remembered)
    # The statement is written last, from the pages as they came out: it names the kinds that have a wide table.
    pages.update(rendered(env, _accessibility(site, _wide_tables(made, pages)), shared, remembered))
    redirects, _nowhere = at.moved(pages, settings.moved)  # one that leads nowhere is refused by generators.generate
    for old, new in redirects.items():
        pages[old + "index.html"] = env.get_template("moved.html.j2").render(
            settings=settings,
            canonical=at.url_of(settings.url, new),
            target=at.relative_address(at.page_address(new), old + "index.md"),
        )
    return pages


def _periods(site: Site) -> Iterable[Page]:
    for period in site.content.periods.values():
        yield Page(
            "period.md.j2",
            at.period(period.id),
            {"period": period, "phase": period.phase(site.today), "outcome": site.outcomes[period.id]},
            items=site.by_period[period.id],
            kind=site.gettext("Löfte"),
        )
    yield Page(
        "periods.md.j2",
        at.PERIODS,
        {"others": [p for p in list(site.content.periods.values())[::-1] if p != site.current]},
        searchable=False,
    )


def _commitments(site: Site) -> Iterable[Page]:
    # Listings and the embed page are left out of search: each item they list is found on its own page, by its own words.
    yield Page(
        "commitments.md.j2",
        at.COMMITMENTS,
        {"other_periods": len(site.content.periods) > 1},
        at.STATUS_FEED,
        items=by_actor(site.by_period[site.current.id], site.content.actors),
        searchable=False,
    )
    _ = site.gettext
    for view in site.views.values():
        c = view.commitment
        status = _(SHOWN_STATUSES[view.status.status if view.status else NO_STATUS.name].label)
        if view.status and view.since:
            status = _("%(status)s sedan %(day)s") % {
                "status": status,
                "day": site.settings.words.day(view.since),
            }
        if c.invented_on():
            status = _("Exempel: %(title)s") % {"title": status}
        described = _("Status: %(status)s. Ansvarig: %(actors)s.") % {
            "status": status,
            "actors": site.settings.words.listed([a.name for a in view.actors]),
        }
        yield Page(
            "commitment.md.j2",
            at.commitment(c.id),
            {"view": view},
            at.commitment_feed(c.id),
            description=described,
            card=at.commitment_card(c.id),
            card_text=f"{c.title}. {described}",
            kind=_("Åtagande"),
        )


def _actors(site: Site) -> Iterable[Page]:
    updates_by_actor: dict[str, list[Update]] = defaultdict(list)
    for update in site.content.updates:
        for actor_id in update.actors:
            updates_by_actor[actor_id].append(update)
    for actor in site.content.actors.values():
        yield Page(
            "actor.md.j2",
            at.actor(actor.id),
            {"actor": actor, "updates": updates_by_actor[actor.id][:LATEST]},
            at.actor_feed(actor.id),
            items=[v for v in site.views.values() if actor in v.actors],
            kind=site.gettext("Aktör"),
        )
    yield Page(
        "actors.md.j2",
        at.ACTORS,
        {
            "actors": list(site.content.actors.values()),
            "counts": Counter(a for v in site.views.values() for a in v.commitment.actors),
        },
        searchable=False,
    )


def _themes(site: Site) -> Iterable[Page]:
    for theme in site.content.themes.values():
        yield Page(
            "theme.md.j2",
            at.theme(theme.id),
            {"theme": theme},
            at.theme_feed(theme.id),
            items=[v for v in site.views.values() if theme in v.themes],
            kind=site.gettext("Tema"),
        )
    yield Page(
        "themes.md.j2",
        at.THEMES,
        {
            "themes": list(site.content.themes.values()),
            "counts": Counter(t for v in site.views.values() for t in v.commitment.themes),
        },
        searchable=False,
    )


def _updates(site: Site) -> Iterable[Page]:
    content, _ = site.content, site.gettext
    words = site.settings.words
    for update in content.updates:
        yield Page(
            "update.md.j2",
            at.update(update.id),
            {
                "update": update,
                "actors": [content.actors[a] for a in update.actors],
                "commitments": [content.commitments[c] for c in update.commitments],
                "points": [
                    (p, [content.commitments[c] for c in p.commitments])
                    for p in (update.dialogue.points if update.dialogue else ())
                ],
            },
            description=update.summary,
            card=at.update_card(update.id),
            card_text=f"{update.title}. {update.summary}",
            kind=words.pgettext(ONE, KINDS[update.kind].singular),
            searchable=not update.draft and update.date.date() <= site.today,
        )
    yield Page(
        "updates.md.j2",
        at.UPDATES,
        {"title": _("Alla uppdateringar"), "kind": None},
        at.ALL_FEED,
        items=list(content.updates),
        searchable=False,
    )
    for kind in KINDS.values():
        yield Page(
            "updates.md.j2",
            at.kind(kind),
            {"title": _(kind.plural), "kind": kind},
            kind.feed,
            items=[u for u in content.updates if u.kind == kind.name],
            searchable=False,
        )


def _followups(site: Site) -> Iterable[Page]:
    content = site.content
    for period in content.periods.values():
        views = site.by_period[period.id]
        commitments = [v.commitment for v in views]
        ends = followup.month_ends(period, site.today)
        status_rows = followup.monthly_status_counts(commitments, ends)
        invented_rows = [sum(counts.values()) for counts in followup.monthly_invented_counts(commitments, ends)]
        month_rows = [
            (end, counts, examples) for (end, counts), examples in zip(status_rows, invented_rows, strict=True)
        ]
        activities = [(c, activity) for c in commitments for activity in c.activities]
        yield Page(
            "followup.md.j2",
            at.followup(period.id),
            {
                "period": period,
                "views": views,
                "latest": LATEST,
                "status_rows": status_rows,
                "month_rows": month_rows,
                # Every status counted, every month, is an invented one.
                "all_invented": any(invented_rows)
                and all(
                    examples == sum(counts.values()) - counts[NO_STATUS.name] for _end, counts, examples in month_rows
                ),
                "activities_all_invented": bool(activities)
                and all(invented(activity.example, c.example) for c, activity in activities),
                "present": {s for _, counts in status_rows for s, n in counts.items() if n},
                "activity_rows": [
                    (end, {content.actors[a]: n for a, n in counts.items()}, examples)
                    for end, counts, examples in followup.activity_counts(content, commitments, ends)
                ],
                "indicators": [
                    i
                    for i in content.indicators.values()
                    if not i.commitments or any(site.views[c].period.id == period.id for c in i.commitments)
                ],
            },
        )
    yield Page(
        "followups.md.j2",
        at.FOLLOWUPS,
        {"periods": list(content.periods.values())[::-1]},
        items=list(content.indicators.values()),
        searchable=False,
    )
    for indicator in content.indicators.values():
        yield Page(
            "indicator.md.j2",
            at.indicator(indicator.id),
            {"indicator": indicator, "measured": [site.views[c] for c in indicator.commitments]},
            kind=site.gettext("Indikator"),
        )


def _follow(site: Site) -> Iterable[Page]:
    yield Page("follow.md.j2", at.FOLLOW, {"feeds": feeds.feeds_of(site.content, site.settings.language)})
    yield Page(
        "posts.md.j2",
        at.POSTS,
        {"posts": site.ready_posts, "copying": Markup(posts.SCRIPT)},
        searchable=False,
        indexed=False,
    )
    yield Page(
        "opendata.md.j2",
        at.OPEN_DATA,
        {"commitment_columns": opendata.COMMITMENT_COLUMNS, "change_columns": opendata.CHANGE_COLUMNS},
    )


def _embedding(site: Site) -> Iterable[Page]:
    settings, period = site.settings, site.current
    yield Page(
        "embedding.md.j2",
        at.EMBEDDING,
        {
            "period": period,
            "period_snippets": embeds.snippets(settings, at.period_badge(period.id), period.title),
            "actors": [
                (
                    actor,
                    embeds.snippets(
                        settings,
                        at.actor_badge(actor.id),
                        actor.name,
                        at.actor_embed(actor.id),
                        embeds.FRAME_HEIGHTS["actor"],
                    ),
                )
                for actor in site.content.actors.values()
            ],
            "width": embeds.FRAME_WIDTH,
        },
        items=[
            (
                view,
                embeds.snippets(
                    settings,
                    at.commitment_badge(view.commitment.id),
                    view.commitment.title,
                    at.commitment_embed(view.commitment.id),
                    embeds.FRAME_HEIGHTS["commitment"],
                ),
            )
            for view in site.by_period[period.id]
        ],
        searchable=False,
    )


def _start(site: Site) -> Iterable[Page]:
    content, current = site.content, site.current
    views, outcome = site.by_period[current.id], site.outcomes[current.id]
    yield Page(
        "start.md.j2",
        at.START_PART,
        {
            "views": views,
            "status_rows": outcome.rows,
            "phase": current.phase(site.today),
            "outcome": outcome,
            "next_period": next((p for p in content.periods.values() if p.start > current.end), None),
            "actor_rows": actor_rows(views, content.actors.values()),
            "last_changed": last_changed(content),
            "actors": list(content.actors.values()),
            "latest_updates": content.updates[:5],
            "all_feed": {"name": at.ALL_FEED, **{ending: at.feed(at.ALL_FEED, ending) for ending in ("rss", "atom")}},
        },
    )


def _as_written(settings: Settings, text: str) -> str:
    """A text of the settings, written in the site's first language: on another language's site, marked as such."""
    return text if settings.language == settings.first_language else Untranslated(text, settings.first_language)


def _signed(settings: Settings, page: str) -> SignLanguage | None:
    """The page's video in Swedish Sign Language, its description marked as Swedish on another language's page."""
    video = next((video for video in settings.sign_language if video.page == page), None)
    return video and video.model_copy(update={"description": _as_written(settings, video.description)})


def _easy_read(site: Site) -> Iterable[Page]:
    """The current promise in easy-to-read Swedish, as its period gives it, and what each status means in easy words."""
    current = site.current
    yield Page(
        "easy_read.md.j2",
        at.EASY_READ,
        {
            "period": current,
            # On another language's site the model gives it as Untranslated (translated.in_language): marked as Swedish.
            "text": current.easy_read,
            "meanings": list(SHOWN_STATUSES.values()),
            # An ended promise's statuses are how the work stood on its last day, and are said so.
            "ended": current.phase(site.today) == "ended",
            # How a resident asks them: the area's contact (extra.area.contact) and the partners' own web pages.
            "contact": site.settings.area.contact if site.settings.area else None,
            "online": [actor for actor in site.content.actors.values() if actor.url],
        },
        description=site.gettext("Medborgarlöftet på lättläst svenska."),
    )


# The kinds of page whose tables of counts can be wider than a phone's 320 px, by template, in the reader's words (as
# the statement lists them). Such a table stands in a region of its own that scrolls (_macros.md.j2, scrolling); every
# other table is laid out to fit (site.css).
WIDE_TABLES = {
    "start.md.j2": N_("startsidan"),
    "period.md.j2": N_("sidan för varje löftesperiod"),
    "followup.md.j2": N_("uppföljningen av varje löftesperiod"),
}
SCROLLING_TABLE = 'class="table-scroll"'


def _wide_tables(made: list[Page], pages: dict[str, str]) -> list[tuple[str, str]]:
    """Each kind of page that has a table in a region that scrolls, as (its name, the first such page), in the order
    of WIDE_TABLES; a kind with no such table in this site is left out."""
    first: dict[str, str] = {}
    for page in made:
        if page.template not in first and SCROLLING_TABLE in pages.get(page.path, ""):
            first[page.template] = at.INCLUDED_IN.get(page.path, page.path)  # a part is read on the page it is in
    return [(name, first[template]) for template, name in WIDE_TABLES.items() if template in first]


def _accessibility(site: Site, wide_tables: list[tuple[str, str]]) -> Iterable[Page]:
    """The accessibility statement: the area's parts (extra.accessibility) and what the engine knows of itself and of
    this content (that some of it is invented, that the site is in several languages, which pages have wide
    tables)."""
    settings, said = site.settings, site.settings.words
    first = settings.first_language
    yield Page(
        "accessibility.md.j2",
        at.ACCESSIBILITY_PART,
        {
            "invented": site.content.examples() > 0,
            "languages": Markup(escape(said.listed([said.name_of(language.code) for language in settings.languages]))),
            "first": Markup(escape(said.name_of(first))),
            # The area writes its issues in the site's first language: shown as that language's text in the others.
            "known_issues": [_as_written(settings, text) for text in settings.accessibility.known_issues],
            "wide_tables": [(said.gettext(name), path) for name, path in wide_tables],
        },
    )


# The site map: every kind of page, each given by a function of the site that builds what its pages show.
SITE_MAP: tuple[Callable[[Site], Iterable[Page]], ...] = (
    _periods,
    _commitments,
    _actors,
    _themes,
    _updates,
    _followups,
    _follow,
    _embedding,
    _start,
    _easy_read,
)
