"""RSS and Atom feeds: every update and every status change, for the site and for each kind, actor, commitment and theme."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from feedgen.feed import FeedGenerator
from markupsafe import escape

from .. import addresses as at
from ..bidi import isolated
from ..languages import listed, words
from ..markup import Renderer
from ..settings import Settings
from ..structure import TIMEZONE, Commitment, Content, Update
from ..vocabulary import KINDS, STATUSES
from .presentation import foreign
from .remembered import Remembered, made

MAX_ITEMS = 50  # a feed's size stays the same however long the promise runs


@dataclass(frozen=True)
class Feed:
    name: str  # as the address table names it: 'atagande/polisen-narvaro'
    title: str
    description: str
    page: str  # the page the feed follows, as a path under docs/
    group: str  # site, actor, commitment or theme: how the follow page lists it


def on_the_day(day: date) -> datetime:
    """The moment an entry of a day without a time of day is dated by: noon in Stockholm. A feed reader shows it in
    its reader's own time zone, and noon keeps the day from UTC−10 to UTC+12 (midnight showed it a day early anywhere
    west of Sweden)."""
    return datetime.combine(day, time(12), TIMEZONE)


def moment_in_feeds(moment: datetime) -> datetime:
    """A moment as a feed dates it: one written as a day alone was read as its midnight, and is dated at noon
    (on_the_day)."""
    local = moment.astimezone(TIMEZONE)
    return on_the_day(local.date()) if local.time() == time() else moment


@dataclass(frozen=True)
class Item:
    guid: str
    title: str
    link: str
    moment: datetime
    summary: str
    html: str
    authors: tuple[str, ...]
    commitments: tuple[str, ...]
    actors: tuple[str, ...]
    kind: str  # an update kind, or "status"
    updated: datetime | None = None  # its moment, or a second or more after it where another entry has the same moment


def generate(content: Content, settings: Settings, today: date, remembered: Remembered | None = None) -> dict[str, str]:
    """Every feed file, by its path under the generated folder; remembered as in pages.generate. A promise that has
    ended by today has its last entry, on the day it ended."""
    _ = settings.words.gettext
    items = sorted(
        [*_items(content, settings, Renderer(), _), *_ended_items(content, settings, today, _)],
        key=lambda i: (i.moment, i.guid),
        reverse=True,
    )
    # A feed with nothing in it yet is dated by the newest item anywhere, never by the clock.
    fallback = items[0].moment if items else datetime(2000, 1, 1, tzinfo=TIMEZONE)
    return files(_feeds(content, items, _, settings.language), settings, fallback, remembered)


def files(
    chosen: Iterable[tuple[Feed, list[Item]]],
    settings: Settings,
    fallback: datetime,
    remembered: Remembered | None = None,
) -> dict[str, str]:
    """Each feed's RSS and Atom files, of its newest MAX_ITEMS items, and a sitemap of each folder of feeds; a feed with
    nothing in it yet is dated fallback."""
    made_files: dict[str, str] = {}
    by_sitemap: dict[str, list[str]] = defaultdict(list)
    chosen = list(chosen)
    updated = _distinct_moments(item for _, items in chosen for item in items)
    for feed, items in chosen:
        latest = [replace(item, updated=updated[item.guid]) for item in items[:MAX_ITEMS]]
        rss, atom = made(
            remembered, ("feed", feed, latest, settings, fallback), _render, feed, latest, settings, fallback
        )
        made_files[at.feed(feed.name, "rss")] = rss
        made_files[at.feed(feed.name, "atom")] = atom
        by_sitemap[at.feed_sitemap(feed.name)] += [
            at.url_of(settings.url, at.feed(feed.name, ending)) for ending in ("rss", "atom")
        ]
    # Each folder of feeds has a sitemap of them: search engines take feeds as sitemaps, and Material's
    # script looks for one beside every <link rel="alternate"> a page has, which would otherwise be a 404.
    for sitemap, addresses in by_sitemap.items():
        made_files[sitemap] = _sitemap(addresses)
    return made_files


def _distinct_moments(items: Iterable[Item]) -> dict[str, datetime]:
    """When each entry was last updated, by its guid: its moment, a second later for each entry of the same moment
    before it (by guid), so that no two entries of a feed claim the same instant (status changes all have midnight)."""
    moments: dict[str, datetime] = {}
    seen: dict[datetime, int] = defaultdict(int)
    for item in sorted({item.guid: item for item in items}.values(), key=lambda item: (item.moment, item.guid)):
        moments[item.guid] = item.moment + timedelta(seconds=seen[item.moment])
        seen[item.moment] += 1
    return moments


def _sitemap(addresses: list[str]) -> str:
    urls = "".join(f"  <url><loc>{escape(address)}</loc></url>\n" for address in addresses)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'


def feeds_of(content: Content, language: str) -> list[Feed]:
    """The feeds there are, for pages that link to them."""
    return [feed for feed, _ in _feeds(content, [], words(language).gettext, language)]


def _feeds(
    content: Content, items: list[Item], _: Callable[[str], str], language: str
) -> Iterable[tuple[Feed, list[Item]]]:
    """Each feed with its items, newest first; items are sorted into feeds in one pass, not once per feed."""
    by: dict[str, list[Item]] = defaultdict(list)
    theme_of = {c.id: c.themes for c in content.commitments.values()}
    for item in items:
        keys = (
            {f"kind:{item.kind}"} | {f"actor:{a}" for a in item.actors} | {f"commitment:{c}" for c in item.commitments}
        )
        keys |= {f"theme:{t}" for c in item.commitments for t in theme_of.get(c, ())}
        for key in keys:
            by[key].append(item)
    yield (
        Feed(at.ALL_FEED, _("Allt om medborgarlöftet"), _("Alla uppdateringar och statusändringar."), at.START, "site"),
        items,
    )
    yield (
        Feed(at.STATUS_FEED, _("Statusändringar"), _("Varje gång ett åtagande byter status."), at.COMMITMENTS, "site"),
        by["kind:status"],
    )
    for kind in KINDS.values():
        plural = _(kind.plural)
        yield (
            Feed(kind.feed, plural, _("%(kinds)s om medborgarlöftet.") % {"kinds": plural}, at.kind(kind), "site"),
            by[f"kind:{kind.name}"],
        )
    for actor in content.actors.values():
        yield (
            Feed(
                at.actor_feed(actor.id),
                actor.name,
                _("Uppdateringar och statusändringar från %(actor)s.") % {"actor": isolated(actor.name, language)},
                at.actor(actor.id),
                "actor",
            ),
            by[f"actor:{actor.id}"],
        )
    for c in content.commitments.values():
        yield (
            Feed(
                at.commitment_feed(c.id),
                c.title,
                _("Statusändringar och uppdateringar för åtagandet %(commitment)s.")
                % {"commitment": isolated(c.title, language)},
                at.commitment(c.id),
                "commitment",
            ),
            by[f"commitment:{c.id}"],
        )
    for theme in content.themes.values():
        yield (
            Feed(
                at.theme_feed(theme.id),
                theme.name,
                _("Statusändringar och uppdateringar inom temat %(theme)s.")
                % {"theme": isolated(theme.name, language)},
                at.theme(theme.id),
                "theme",
            ),
            by[f"theme:{theme.id}"],
        )


def _items(content: Content, settings: Settings, renderer: Renderer, _: Callable[[str], str]) -> Iterable[Item]:
    for update in content.updates:
        yield _update_item(update, content, settings, renderer, _)
    for commitment in content.commitments.values():
        yield from _status_items(commitment, content, settings, _)


def _ended_items(content: Content, settings: Settings, today: date, _: Callable[[str], str]) -> Iterable[Item]:
    """A promise's last word in every feed that followed it: on the day it ended, what it was and that its page now
    speaks as of that day. It stands in the feeds of its commitments, their actors and themes, and among the status
    changes, since a subscriber to any of them followed the promise."""
    said = settings.words
    for period in content.periods.values():
        if period.end >= today:
            continue
        commitments = tuple(c.id for c in content.commitments.values() if c.period == period.id)
        page = at.url_of(settings.url, at.period(period.id))
        title = _("Löftet har slutat: %(promise)s") % {"promise": isolated(period.title, settings.language)}
        summary = _(
            "%(promise)s gällde från %(start)s till %(end)s. Löftet slutade %(day)s, och här är vad det blev av det."
        ) % {
            "promise": isolated(period.title, settings.language),
            "start": said.month(period.start),
            "end": said.month(period.end),
            "day": said.day(period.end),
        }
        yield Item(
            guid=page,
            title=_("Exempel: %(title)s") % {"title": title} if period.example else title,
            link=page,
            moment=on_the_day(period.end),
            summary=summary,
            html=f"<p>{escape(summary)}</p>",
            authors=(settings.name,),
            commitments=commitments,
            actors=tuple(dict.fromkeys(a for c in commitments for a in content.commitments[c].actors)),
            kind="status",
        )


def _said(text: str, settings: Settings, isolate: bool = False) -> str:
    """A text from content as a feed's title or summary gives it: where it has no translation into the feed's
    language, isolated and followed by that in words ("(in Swedish)"), as a page says it: a feed's text has no lang.
    isolate: isolated also where it stands alone, as in a title with words of the feed's own beside it."""
    if foreign(text, settings.language):
        return f"{isolated(text, settings.language)} {settings.words.not_translated(text.language)}"
    return isolated(text, settings.language) if isolate else text


def _in_own_language(text: str, html: str, settings: Settings) -> str:
    """HTML of a text from content in an entry's content, marked with the text's language where it has no
    translation (a reader that shows the HTML reads it in that language's voice)."""
    if foreign(text, settings.language):
        return f'<span lang="{text.language}">{html}</span>'
    return html


def _update_item(
    update: Update, content: Content, settings: Settings, renderer: Renderer, _: Callable[[str], str]
) -> Item:
    page = at.update(update.id)
    link = at.url_of(settings.url, page)
    # Relative links in the text are written for its page; a feed reader needs them absolute.
    body = renderer.html(update.body, lambda href: settings.url + at.linked_address(href, page))
    if foreign(update.body, settings.language):
        note = settings.words.only_in(update.body.language)
        body = f'<p>{escape(note)}</p><div lang="{update.body.language}">{body}</div>'
    if update.dialogue:
        said, done = escape(_("Ni sa:")), escape(_("Vi gör:"))
        points = "".join(
            f"<li><p><strong>{said}</strong> {escape(p.raised)}</p><p><strong>{done}</strong> {escape(p.response)}</p></li>"
            for p in update.dialogue.points
        )
        heading = escape(_("Ni sa – vi gör"))
        body += f"<h2>{heading}</h2><ul>{points}</ul>" if points else ""
    if KINDS[update.kind].mailed:
        # A newsletter tool that sends a feed's new entries by e-mail ("RSS to e-mail") finds the letter's text here, and
        # the e-mail edition, made for mail clients, a link away.
        edition, text = (
            at.url_of(settings.url, path) for path in (at.letter_email(update.id), at.letter_text(update.id))
        )
        said = escape(_("E-postutgåvan"))
        as_text = escape(_("som ren text"))
        body += f'<p><a href="{escape(edition)}">{said}</a> · <a href="{escape(text)}">{as_text}</a></p>'
    return Item(
        guid=link,
        title=_("Exempel: %(title)s") % {"title": _said(update.title, settings, isolate=True)}
        if update.example
        else _said(update.title, settings),
        link=link,
        moment=moment_in_feeds(update.date),
        summary=_said(update.summary, settings),
        html=f"<p><strong>{_in_own_language(update.summary, str(escape(update.summary)), settings)}</strong></p>{body}",
        authors=tuple(content.actors[a].name for a in update.actors) or (settings.name,),
        commitments=update.concerns,
        actors=update.actors,
        kind=update.kind,
    )


def _status_items(
    commitment: Commitment, content: Content, settings: Settings, _: Callable[[str], str]
) -> Iterable[Item]:
    page = at.url_of(settings.url, at.commitment(commitment.id))
    # Messages outside the f-strings, where `make messages` finds them.
    source_word, about = escape(_("Källa")), escape(_("Om åtagandet"))
    previous = None
    for entry in commitment.history:
        link = f"{page}#{at.status_anchor(entry.date, entry.status)}"
        status, change, responsible = status_change(
            entry.status, previous, [content.actors[a].name for a in commitment.actors], settings.language, _
        )
        note = f" {_said(entry.note, settings, isolate=True)}" if entry.note else ""
        shown_note = f" {_in_own_language(entry.note, str(escape(entry.note)), settings)}" if entry.note else ""
        source = f' <a href="{escape(entry.source)}">{source_word}</a>.' if entry.source else ""
        title = f"{_said(commitment.title, settings, isolate=True)}: {status}"
        yield Item(
            guid=link,
            title=_("Exempel: %(title)s") % {"title": title} if entry.example or commitment.example else title,
            link=link,
            moment=on_the_day(entry.date),
            summary=f"{change}{note} {responsible}",
            html=f'<p>{escape(change)}{shown_note}{source}</p><p>{escape(responsible)} <a href="{page}">{about}</a></p>',
            authors=tuple(content.actors[a].name for a in commitment.actors),
            commitments=(commitment.id,),
            actors=commitment.actors,
            kind="status",
        )
        previous = entry.status


def status_change(
    status: str, previous: str | None, actors: Sequence[str], language: str, _: Callable[[str], str]
) -> tuple[str, str, str]:
    """A status change as the feeds say it: the status's word, what changed, and who is responsible (by the actors' names)."""
    word = _(STATUSES[status].label).lower()
    words = {"status": word, "previous": _(STATUSES[previous].label).lower() if previous else None}
    change = (_("Status: %(status)s (tidigare %(previous)s).") if previous else _("Status: %(status)s.")) % words
    responsible = _("Ansvarig: %(actors)s.") % {
        "actors": listed(language, [isolated(name, language) for name in actors])
    }
    return word, change, responsible


def _render(feed: Feed, items: list[Item], settings: Settings, fallback: datetime) -> tuple[str, str]:
    page_url = at.url_of(settings.url, feed.page)
    newest = items[0].moment if items else fallback
    rss, atom = (_generator(feed, items, settings, page_url, newest, ending) for ending in ("rss", "atom"))
    return _with_hub(rss.rss_str(pretty=True).decode("utf-8"), settings.follow.hub), atom.atom_str(pretty=True).decode(
        "utf-8"
    )


def _with_hub(rss: str, hub: str | None) -> str:
    """The RSS feed naming its WebSub hub beside its own address (<atom:link rel="hub">), as WebSub asks of RSS: feedgen
    writes an atom:link for rel="self" alone."""
    if not hub:
        return rss
    own = re.search(r'^( *)<atom:link href="[^"]*" rel="self"/>\n', rss, re.MULTILINE)
    assert own is not None, "feedgen writes the feed's own address as an atom:link"
    named = f'{own.group(1)}<atom:link href="{escape(hub)}" rel="hub"/>\n'
    return rss[: own.end()] + named + rss[own.end() :]


def _generator(
    feed: Feed, items: list[Item], settings: Settings, page_url: str, newest: datetime, ending: str
) -> FeedGenerator:
    generator = FeedGenerator()
    self_url = at.url_of(settings.url, at.feed(feed.name, ending))
    generator.id(self_url)
    generator.title(f"{isolated(feed.title, settings.language)} – {isolated(settings.name, settings.language)}")
    # Readers show an RSS description as HTML and an Atom subtitle as the text it is: escaped once, in RSS alone, and
    # only what HTML needs (&, <, >), so that a name's apostrophe is not an entity that reads as markup.
    generator.description(html.escape(feed.description, quote=False) if ending == "rss" else feed.description)
    generator.language(settings.language)
    # RSS takes the channel link from the last call: self first, the page last.
    generator.link(href=self_url, rel="self")
    if settings.follow.hub:
        generator.link(href=settings.follow.hub, rel="hub")  # Atom writes it; RSS is given it in _render
    generator.link(href=page_url, rel="alternate")
    generator.author(name=settings.name)
    generator.updated(newest)
    generator.lastBuildDate(newest)
    generator.generator("medborgarlofte")
    for item in items:
        entry = generator.add_entry(order="append")
        entry.id(item.guid)
        entry.guid(item.guid, permalink=True)
        entry.title(item.title)
        entry.link(href=item.link)
        entry.published(item.moment)
        entry.updated(item.updated or item.moment)
        # Feed readers show an RSS description as HTML: the summary is text, so it goes in escaped.
        entry.summary(str(escape(item.summary)), type="html")
        entry.content(item.html, type="CDATA" if ending == "rss" else "html")
        for name in item.authors:
            entry.author(name=name)  # Atom only: RSS 2.0 wants an e-mail address, which we do not publish
            entry.category(term=name)  # so RSS readers too can tell and filter who is responsible
    return generator
