"""Ready posts for social media: one for each status change and each letter, in the site's language, for the
communications staff to copy (the page at addresses.POSTS) and for the publishing workflow to post to Mastodon
(the data at addresses.POSTS_DATA, which `medborgarlofte announce` reads from the published site).

A post is plain text within a Mastodon post's 500 characters, the link included; the share card of what it is about;
the card's alternative text; and the link. It says what every channel says: "Exempel" for an invented status or
letter, that a promise has ended, and the language of a text that is not translated.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from .. import addresses as at
from ..bidi import isolated, left_to_right
from ..languages import words
from ..settings import Settings
from ..structure import TIMEZONE, Commitment, Content, Untranslated, Update
from ..vocabulary import KINDS, ONE, STATUSES
from . import cards

MAX_LENGTH = 500  # a Mastodon post's characters
LATEST = 50  # the page and the data hold the newest posts: a post's moment to be shared is when it is new
_SHORTENED = "…"


@dataclass(frozen=True)
class Post:
    id: str  # stable across builds and edits of the text: what the Mastodon step records as posted
    moment: datetime
    before: str  # what the page lists it as: these words of ours, the title of what it is about, and these
    title: str  # from content, as shown in the language (Untranslated where it is not translated)
    after: str
    text: str  # the whole post, the link last
    card: str  # the share card, by its path under docs/
    alternative: str  # the card's alternative text
    link: str  # the page it is about, absolute


def posts_of(content: Content, settings: Settings, today: date) -> list[Post]:
    """The newest LATEST posts, newest first."""
    _ = settings.words.gettext
    drawn = cards.cards_of(content, settings, today)
    found = [
        *(_letter(update, content, settings, drawn, _) for update in content.updates if KINDS[update.kind].mailed),
        *(
            post
            for commitment in content.commitments.values()
            for post in _status_changes(commitment, content, settings, today, drawn, _)
        ),
    ]
    return sorted(found, key=lambda post: (post.moment, post.id), reverse=True)[:LATEST]


def generate(settings: Settings, posts: list[Post]) -> dict[str, str]:
    """The posts (posts_of) as data, by path under docs/."""
    data = {
        "language": settings.language,
        "posts": [
            {
                "id": post.id,
                "moment": post.moment.isoformat(),
                "heading": f"{post.before}{post.title}{post.after}",
                "text": post.text,
                "card": at.page_address(post.card),
                "alternative": post.alternative,
                "link": post.link,
            }
            for post in posts
        ],
    }
    return {at.POSTS_DATA: json.dumps(data, ensure_ascii=False, indent=1) + "\n"}


def _status_changes(
    commitment: Commitment,
    content: Content,
    settings: Settings,
    today: date,
    drawn: dict[str, cards.Card],
    _: Callable[[str], str],
) -> list[Post]:
    language = settings.language
    period = content.periods[commitment.period]
    ended = period.ended_on(today)
    actors = [content.actors[a].name for a in commitment.actors]
    card = at.commitment_card(commitment.id)
    page = at.url_of(settings.url, at.commitment(commitment.id))
    made, previous = [], None
    for entry in commitment.history:
        word = _(STATUSES[entry.status].label).lower()
        change = (
            _("ny status: %(status)s (tidigare %(previous)s).")
            % {"status": word, "previous": _(STATUSES[previous].label).lower()}
            if previous
            else _("ny status: %(status)s.") % {"status": word}
        )
        title = _said(commitment.title, language, _)
        before = _("Exempel: %(title)s") % {"title": ""} if entry.example or commitment.example else ""
        tail = [
            _("Ansvarig: %(actors)s.")
            % {"actors": words(language).listed([str(_said(name, language, _)) for name in actors])}
        ]
        if ended:
            tail.append(_("Löftet slutade %(day)s.") % {"day": words(language).day(ended)})
        link = f"{page}#{at.status_anchor(entry.date, entry.status)}"
        made.append(
            Post(
                f"status/{commitment.id}/{entry.date.isoformat()}/{entry.status}",
                datetime.combine(entry.date, time(), TIMEZONE),
                before,
                commitment.title,
                f": {change}",
                _fitted(before, title, f": {change}", _said(entry.note or "", language, _), " ".join(tail), link),
                card,
                cards.alternative_text(drawn[card]),
                link,
            )
        )
        previous = entry.status
    return made


def _letter(
    update: Update, content: Content, settings: Settings, drawn: dict[str, cards.Card], _: Callable[[str], str]
) -> Post:
    language = settings.language
    kind = settings.words.pgettext(ONE, KINDS[update.kind].singular)
    before = (_("Exempel: %(title)s") % {"title": ""} if update.example else "") + f"{kind}: "
    title = _said(update.title, language, _)
    card, link = at.update_card(update.id), at.url_of(settings.url, at.update(update.id))
    return Post(
        f"brev/{update.id}",
        update.date,
        before,
        update.title,
        "",
        _fitted(before, title, ".", _said(update.summary, language, _), "", link),
        card,
        cards.alternative_text(drawn[card]),
        link,
    )


@dataclass(frozen=True)
class _Said:
    """A text from content as a post says it: isolated where its direction may differ, and, where it is not translated,
    marked with its language's name (" (svenska)"), as the pages mark it; shortened, it keeps its mark."""

    text: str
    mark: str = ""

    def within(self, room: int) -> str:
        return _shortened(self.text, room - len(self.mark)) + self.mark if self.text else ""

    def __str__(self) -> str:
        return self.text + self.mark


def _said(text: str, language: str, _: Callable[[str], str]) -> _Said:
    if isinstance(text, Untranslated) and text.language != language:
        return _Said(
            isolated(str(text), language),
            " " + words(language).not_translated(text.language),
        )
    return _Said(isolated(str(text), language))


def _fitted(before: str, title: _Said, after: str, body: _Said, tail: str, link: str) -> str:
    """The post: before, the title and after it, then the body and the tail on one line, and the link on a line of its
    own, within MAX_LENGTH. The body is shortened first (at a word where it can be), then the title; the link, and the
    tail (who is responsible, that the promise has ended), only where nothing else is left to shorten."""
    link = left_to_right(link)

    def joined(title_said: str, body_said: str, tail_said: str) -> str:
        return " ".join(part for part in (f"{before}{title_said}{after}", body_said, tail_said) if part) + f"\n\n{link}"

    over = len(joined(str(title), str(body), tail)) - MAX_LENGTH
    body_said = body.within(len(str(body)) - max(0, over)) if over > 0 and body.text else str(body)
    over = len(joined(str(title), body_said, tail)) - MAX_LENGTH
    title_said = title.within(len(str(title)) - over) if over > 0 else str(title)
    over = len(joined(title_said, body_said, tail)) - MAX_LENGTH
    tail_said = _shortened(tail, len(tail) - over) if over > 0 else tail
    return joined(title_said, body_said, tail_said)


def _shortened(text: str, room: int) -> str:
    """The text within room characters: cut at a word where that keeps most of it, and ended with "…"."""
    if len(text) <= room:
        return text
    if room <= len(_SHORTENED):
        return ""
    cut = text[: room - len(_SHORTENED)]
    at_word = cut.rsplit(" ", 1)[0]
    return (at_word if len(at_word) > len(cut) // 2 else cut).rstrip() + _SHORTENED


# The copy buttons, in the page itself: shown by this script alone, so that without it the page is the texts to select
# and copy by hand.
SCRIPT = """// The copy buttons: each copies the text of the field it names, and says so.
document.querySelectorAll("button[data-copy]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", async () => {
    const field = document.getElementById(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      field.select();
      document.execCommand("copy");
    }
    const said = button.closest(".post").querySelector("[role=status]");
    said.textContent = button.dataset.copied;
  });
});
"""
