"""The calendar of medborgardialoger and other meetings, as one iCalendar file to subscribe to."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlparse

from icalendar import Calendar, Event, vText

from .. import addresses as at
from ..bidi import isolated
from ..settings import Settings
from ..structure import Content, Untranslated
from ..vocabulary import FORMS
from .presentation import foreign

DEFAULT_MINUTES = 90  # a meeting whose length the content does not give


def generate(content: Content, settings: Settings) -> str:
    calendar = Calendar()
    calendar.add("prodid", f"-//medborgarlofte//{settings.language}")
    calendar.add("version", "2.0")
    _ = settings.words.gettext
    calendar.add("x-wr-calname", _("Möten – %(site)s") % {"site": isolated(settings.name, settings.language)})
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    host = urlparse(settings.url).hostname or "localhost"
    # A meeting known only by its month has no day to put in a calendar.
    meetings = [
        (u.dialogue.held, u.id, u.dialogue, u)
        for u in content.updates
        if u.dialogue and isinstance(u.dialogue.held, datetime)
    ]
    for held, _id, meeting, update in sorted(meetings, key=lambda meeting: meeting[:2]):
        event = Event()
        # The same meeting in another language's calendar is another event, for whoever subscribes to both.
        event.add(
            "uid",
            f"{update.id}{'' if settings.language == settings.first_language else '.' + settings.language}@{host}",
        )
        # The stamp is the post's own date, not the clock, so the file only changes when the content does.
        event.add("dtstamp", update.date)
        if held.hour or held.minute:
            event.add("dtstart", held)
            # An end, so that a phone's calendar shows the meeting as a block of time.
            event.add("dtend", held + timedelta(minutes=meeting.duration or DEFAULT_MINUTES))
        else:
            event.add("dtstart", held.date())
            event.add("dtend", held.date() + timedelta(days=1))
        if update.example:
            # Words of the calendar's language around the title: the calendar's LANGUAGE, and a title without a
            # translation says its own language in words, as a page does.
            title = isolated(update.title, settings.language) + (
                " " + settings.words.not_translated(update.title.language)
                if foreign(update.title, settings.language)
                else ""
            )
            event.add(
                "summary",
                _Text(_("Exempel: %(title)s") % {"title": title}),
                parameters={"LANGUAGE": settings.language},
            )
        else:
            event.add("summary", _Text(update.title), parameters=_language_of(update.title, settings))
        event.add("categories", [_(FORMS[meeting.form])])
        if meeting.place:
            event.add("location", _Text(meeting.place), parameters=_language_of(meeting.place, settings))
        event.add("description", _Text(update.summary), parameters=_language_of(update.summary, settings))
        event.add("url", at.url_of(settings.url, at.update(update.id)))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return str(calendar.to_ical().decode("utf-8"))


class _Text(vText):
    """A text from content as RFC 5545 escapes it: a backslash first, then ";", "," and line breaks. icalendar's own
    escaping takes a backslash followed by N as a line break already escaped, so a title with "\\N" in it would come
    back with a line break in its place."""

    def to_ical(self) -> bytes:
        text = (
            str(self)
            .replace("\\", "\\\\")
            .replace(";", "\\;")
            .replace(",", "\\,")
            .replace("\r\n", "\\n")
            .replace("\n", "\\n")
        )
        return text.encode("utf-8")  # as the calendar is written


def _language_of(text: str, settings: Settings) -> dict[str, str]:
    """RFC 5545's LANGUAGE of a text: the calendar's, or the original's where the text has no translation."""
    return {"LANGUAGE": text.language if isinstance(text, Untranslated) else settings.language}
