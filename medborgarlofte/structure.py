"""The content model: one immutable, typed object per thing a promise is made of.

Field names are English and language-neutral, so that a translation can later add the text fields
of a file under the same ids without repeating its dates, statuses or references. Descriptions are
Swedish: they are what an editor with a YAML language server shows the people who write content.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, StringConstraints, WithJsonSchema

from . import rules
from .totals import invented
from .vocabulary import FORMS, KINDS, STATUSES

TIMEZONE = ZoneInfo("Europe/Stockholm")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The names come from the one table of statuses and of kinds; as literals, the schemas list them and a typo gets "menade du".
if TYPE_CHECKING:
    Status = str
    UpdateKind = str
    DialogueForm = str
else:
    Status = Literal[tuple(STATUSES)]
    UpdateKind = Literal[tuple(KINDS)]
    DialogueForm = Literal[tuple(FORMS)]
Level = Literal["aktivitet", "prestation", "effekt"]
Phase = rules.Phase
PLACELESS_FORMS = ("enkät", "digital dialog")  # held nowhere in particular


def _listed(names: Iterable[str]) -> str:
    """'a, b eller c': names in a sentence."""
    *rest, last = names
    return f"{', '.join(rest)} eller {last}" if rest else last


def today_in_sweden() -> date:
    """Today in Sweden, or the day SOURCE_DATE_EPOCH names, so that a build can be repeated exactly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), TIMEZONE) if epoch else datetime.now(TIMEZONE)
    return moment.date()


def _slug(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        value = str(value)  # YAML reads `period: 2016` as a number; as an id it is the text 2016
    if isinstance(value, str) and not SLUG.match(value):
        raise ValueError(
            f"'{value}' är inget giltigt id (förväntade små bokstäver a-z, siffror och bindestreck, t.ex. 'polisen-narvaro')"
        )
    return value


FIRST_YEAR, LAST_YEAR = 1900, 2100  # a date outside these is a typing error, not a plan


def _plausible(day: date, value: object) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"'{value}' är inget rimligt datum (förväntade ett år från {FIRST_YEAR} till {LAST_YEAR})")


def _day(value: object) -> object:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value  # already read: the model is being copied, not loaded
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"'{value}' är inget datum som finns i kalendern (förväntade ÅÅÅÅ-MM-DD)") from None
        _plausible(day, value)
        return day
    raise ValueError(f"'{value}' är inget datum (förväntade ÅÅÅÅ-MM-DD, t.ex. 2022-10-15)")


def _moment(value: object) -> object:
    """A date, or a date and time; read as Swedish local time and kept timezone-aware."""
    if isinstance(value, datetime) and value.tzinfo:
        return value
    text = value.strip() if isinstance(value, str) else ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        day = _day(text)
        assert isinstance(day, date)
        return datetime(day.year, day.month, day.day, tzinfo=TIMEZONE)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?", text):
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"'{value}' är ingen tidpunkt som finns (förväntade ÅÅÅÅ-MM-DD TT:MM)") from None
        _plausible(moment.date(), value)
        return moment if moment.tzinfo else moment.replace(tzinfo=TIMEZONE)
    raise ValueError(
        f"'{value}' är ingen tidpunkt (förväntade ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM, t.ex. 2022-09-14 18:00)"
    )


@dataclass(frozen=True, order=True)
class Month:
    """A month without a day: when a dialogue is known only as "in October 2015"."""

    year: int
    month: int

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _moment_or_month(value: object) -> object:
    text = value.strip() if isinstance(value, str) else ""
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = int(text[:4]), int(text[5:])
        if not 1 <= month <= 12:
            raise ValueError(f"'{value}' är ingen månad som finns (förväntade ÅÅÅÅ-MM, t.ex. 2015-10)")
        _plausible(date(year, month, 1), value)
        return Month(year, month)
    if isinstance(value, Month):
        return value
    if isinstance(value, datetime) or re.match(r"\d{4}-\d{2}-\d{2}", text):
        return _moment(value)
    raise ValueError(
        f"'{value}' är ingen tidpunkt (förväntade ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM-DD TT:MM eller bara månaden ÅÅÅÅ-MM, t.ex. 2015-10)"
    )


def _url(value: object) -> object:
    if isinstance(value, str) and not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", value):
        raise ValueError(f"'{value}' är ingen webbadress (förväntade en adress som börjar med https://)")
    return value


def _one_line(value: object) -> object:
    if isinstance(value, str) and ("\n" in value.strip() or "\r" in value):
        raise ValueError("radbrytning i ett fält som ska vara en rad (förväntade hela texten på en rad)")
    return value


class _MarkdownField:
    """Marks the fields whose text is Markdown, so that checks and the editors' schemas can find them."""


class _TextField:
    """Marks the fields that are text in a language (not ids, dates, addresses or names from a list): what a translation gives."""


MARKDOWN = _MarkdownField()
TEXT = _TextField()
MAX_LINE = 300  # characters in a title, a name or another one-line field
MAX_TEXT = 5000  # characters in a note or another plain text
MAX_MARKDOWN = 100_000  # characters in a Markdown text: a letter of thirty pages

Slug = Annotated[str, BeforeValidator(_slug), Field(strict=True, json_schema_extra={"pattern": SLUG.pattern})]
Line = Annotated[
    str,
    StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=MAX_LINE),
    BeforeValidator(_one_line),
    TEXT,
]
# A person's name is in no language: it is neither translated nor said to be Swedish on another language's page.
Name = Annotated[
    str,
    StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=MAX_LINE),
    BeforeValidator(_one_line),
]
Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=MAX_TEXT), TEXT]
Markdown = Annotated[
    str,
    StringConstraints(strict=True, min_length=1, max_length=MAX_MARKDOWN),
    MARKDOWN,
    TEXT,
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_MARKDOWN, "contentMediaType": "text/markdown"}),
]
Day = Annotated[date, BeforeValidator(_day), WithJsonSchema({"type": "string", "format": "date"})]
MOMENT_PATTERN = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?"  # a day, or a day and a time
Moment = Annotated[datetime, BeforeValidator(_moment), WithJsonSchema({"type": "string", "pattern": MOMENT_PATTERN})]
# A meeting's time as precisely as it is known: a day, a day and a time, or only the month.
Held = Annotated[
    datetime | Month,
    BeforeValidator(_moment_or_month),
    PlainSerializer(lambda v: v.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?"}),
]
Url = Annotated[str, BeforeValidator(_url), Field(strict=True, json_schema_extra={"format": "uri"})]
Count = Annotated[int, Field(strict=True)]
Number = Annotated[float, Field(strict=True)]
Example = Annotated[
    bool, Field(strict=True, description="true om uppgiften är ett påhittat exempel; sidan märker den då 'Exempel'.")
]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Signatory(Record):
    name: Name = Field(description="Namn på den som skrev under.")
    title: Line = Field(description="Befattning.")
    organisation: Line = Field(description="Organisation, t.ex. 'Socialförvaltningen, Exempelkommunen'.")
    # A name written to show the page before the real ones are known: shown as Exempel, never as a fact. The open data
    # leaves such a name out (opendata.py), so its format stays as every index of it reads it.
    example: Annotated[bool, Field(exclude=True, description="true för ett påhittat namn, som visas som Exempel.")] = (
        False
    )


class Period(Record):
    """The promise for one period: periods are renewed yearly and several coexist."""

    id: Slug
    title: Line = Field(description="Löftets rubrik, t.ex. 'Medborgarlöfte Centrum 2024–2025'.")
    start: Day = Field(description="Första dagen löftet gäller.")
    end: Day = Field(description="Sista dagen löftet gäller.")
    signed: Day | None = Field(None, description="Dagen löftet undertecknades, om den är känd.")
    background: Markdown = Field(description="Lägesbilden: varför löftet behövs (Markdown).")
    focus: Markdown = Field(description="Inriktningen för perioden (Markdown).")
    follow_up: tuple[Line, ...] = Field(description="Hur löftet följs upp, en rad per sätt.")
    channels: tuple[Line, ...] = Field(description="Var invånarna kan följa arbetet, en rad per kanal.")
    signatories: tuple[Signatory, ...] = Field(
        (), description="De som skrev under; utan dem säger löftets sida att namnen inte står här."
    )
    # The site's own page for it, not the promise's data: left out of the open data, whose format the index reads.
    easy_read: Markdown | None = Field(
        None,
        exclude=True,
        description="Löftet på lättläst svenska (Markdown): vad löftet är, vilka som står bakom det, vad de ska göra, "
        "och hur man följer arbetet och kontaktar dem. Visas på sidan Lättläst.",
    )
    example: Example = False

    def phase(self, today: date) -> Phase:
        """Upcoming before its first day, active until its last, then ended (rules.phase)."""
        return rules.phase(self.start, self.end, today)

    def ended_on(self, today: date) -> date | None:
        """Its last day once it has ended, the day whose statuses every channel then shows; None while it runs or is to come."""
        return rules.ended_on(self.start, self.end, today)


class Actor(Record):
    id: Slug
    name: Line = Field(description="Fullständigt namn, t.ex. 'Fastighets- och gatukontoret'.")
    short_name: Line = Field(description="Kort namn i listor, t.ex. 'Polisen'.")
    organisation: Line = Field(description="Organisationen aktören hör till, t.ex. 'Exempelkommunen'.")
    url: Url | None = Field(None, description="Aktörens webbadress.")
    description: Markdown | None = Field(None, description="Kort presentation (Markdown).")


class Theme(Record):
    id: Slug
    name: Line = Field(description="Temats namn på sajten, t.ex. 'Barn och unga'.")
    description: Markdown | None = Field(None, description="Kort förklaring (Markdown).")


class StatusChange(Record):
    date: Day = Field(description="Dagen då statusen gällde från.")
    status: Status = Field(description=_listed(STATUSES) + ".")
    note: Text | None = Field(
        None,
        description=f"Vad som hänt; krävs när status är {_listed([s for s in STATUSES if STATUSES[s].needs_note])}.",
    )
    source: Url | None = Field(None, description="Länk till underlaget: beslut, rapport, artikel.")
    example: Example = False


class Activity(Record):
    date: Day = Field(description="Dagen aktiviteten genomfördes.")
    text: Line = Field(description="Vad som gjordes.")
    count: Count | None = Field(None, ge=0, description="Antal, t.ex. antal timmar eller besök.")
    example: Example = False


class Commitment(Record):
    """An åtagande: one file each, its id the file name."""

    id: Slug
    period: Slug = Field(description="Id för perioden, t.ex. '2022-2023'.")
    actors: tuple[Slug, ...] = Field(min_length=1, description="Id för den eller de aktörer som står för åtagandet.")
    title: Line = Field(description="Kort rubrik.")
    description: Markdown = Field(description="Åtagandet i sin helhet (Markdown).")
    themes: tuple[Slug, ...] = Field((), description="Id för teman, t.ex. 'barn-och-unga'.")
    start: Day | None = Field(None, description="När arbetet börjar, om det är bestämt.")
    end: Day | None = Field(None, description="När arbetet ska vara klart, om det är bestämt.")
    progress: Count | None = Field(None, ge=0, le=100, description="Hur långt arbetet kommit, i procent.")
    continues: Slug | None = Field(None, description="Id för åtagandet från en tidigare period som detta fortsätter.")
    history: tuple[StatusChange, ...] = Field(
        (),
        description="Statushistorik, äldst först. Den senaste posten är aktuell status; poster efter periodens slut visas som rapporterade efteråt.",
    )
    activities: tuple[Activity, ...] = Field((), description="Aktivitetslogg för resurs- och aktivitetsuppföljning.")
    example: Example = False

    @property
    def status(self) -> StatusChange | None:
        return self.history[-1] if self.history else None

    def status_on(self, day: date | None = None) -> StatusChange | None:
        """The status entry that stood on day (the latest, without a day): an ended period's outcome is its last day's."""
        return rules.entry_on(self.history, day)

    def since(self, day: date | None = None) -> date | None:
        """The day the status that stood on day began. An entry that repeats the status before it is a note on the same
        status, not a new one: the status began with the first entry of its run."""
        within = [entry for entry in self.history if day is None or entry.date <= day]
        if not within:
            return None
        first = len(within) - 1
        while first and within[first - 1].status == within[-1].status:
            first -= 1
        return within[first].date

    def invented_on(self, day: date | None = None) -> bool:
        """Whether the status that stood on day is invented (Exempel): the commitment is, or the entry is."""
        entry = self.status_on(day)
        return invented(bool(entry and entry.example), self.example)


class DialoguePoint(Record):
    raised: Text = Field(description="Vad invånarna tog upp (Ni sa).")
    response: Text = Field(description="Vad aktörerna gör åt det (Vi gör).")
    commitments: tuple[Slug, ...] = Field((), description="Id för de åtaganden som svarar på punkten.")


class Dialogue(Record):
    held: Held = Field(
        description="När dialogen hölls: ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM-DD TT:MM, eller ÅÅÅÅ-MM om bara månaden är känd."
    )
    place: Line | None = Field(None, description="Var den hölls; behövs inte för en enkät eller en digital dialog.")
    form: DialogueForm = Field(description=_listed(FORMS) + ".")
    duration: Count | None = Field(
        None, ge=1, le=24 * 60, description="Hur länge mötet varade, i minuter; utan värde räknas 90 minuter."
    )
    participants: Count | None = Field(None, ge=0, description="Ungefär hur många som deltog.")
    groups: tuple[Line, ...] = Field((), description="Vilka grupper som deltog, t.ex. boende, näringsidkare, unga.")
    points: tuple[DialoguePoint, ...] = Field((), description="Det som togs upp och svaren: 'Ni sa – vi gör'.")


class Update(Record):
    """An informationsbrev, a medborgardialog, a nyhet or an uppföljning: Markdown with front matter."""

    id: Slug
    title: Line = Field(description="Rubrik.")
    date: Moment = Field(description="Publiceringsdag: ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM.")
    kind: UpdateKind = Field(description=_listed(KINDS) + ".")
    summary: Text = Field(description="Sammanfattning i en eller två meningar.")
    commitments: tuple[Slug, ...] = Field((), description="Id för de åtaganden uppdateringen gäller.")
    actors: tuple[Slug, ...] = Field((), description="Id för de aktörer uppdateringen gäller.")
    dialogue: Dialogue | None = Field(
        None, description="Krävs för en medborgardialog: när, var, form, deltagare och 'Ni sa – vi gör'."
    )
    draft: bool = Field(False, strict=True, description="true för ett utkast som inte publiceras.")
    example: Example = False
    body: Annotated[str, StringConstraints(max_length=MAX_MARKDOWN), MARKDOWN, TEXT] = ""

    @property
    def concerns(self) -> tuple[str, ...]:
        """The commitments it concerns: those it names and those its dialogue points answer with."""
        named = list(self.commitments)
        for point in self.dialogue.points if self.dialogue else ():
            named += [c for c in point.commitments if c not in named]
        return tuple(named)


class Measurement(Record):
    date: Day = Field(description="Dagen värdet avser.")
    value: Number = Field(description="Värdet, som tal.")
    note: Text | None = Field(None, description="Kommentar till värdet.")


class Indicator(Record):
    id: Slug
    title: Line = Field(description="Vad som mäts.")
    description: Markdown | None = Field(None, description="Förklaring (Markdown).")
    level: Level = Field(description="aktivitet, prestation eller effekt.")
    unit: Line = Field(description="Enhet, t.ex. 'procent' eller 'antal'.")
    source: Line = Field(description="Varifrån siffrorna kommer.")
    better: Literal["högre", "lägre"] = Field(description="Om ett högre eller lägre värde är bättre.")

    @property
    def higher_is_better(self) -> bool:
        return self.better == "högre"

    commitments: tuple[Slug, ...] = Field((), description="Id för de åtaganden indikatorn mäter.")
    values: tuple[Measurement, ...] = Field((), description="Uppmätta värden, äldst först.")
    example: Example = False


@dataclass(frozen=True)
class TranslationReview:
    """Where one language's translations stand against the originals as they are now (translated.SOURCE)."""

    reviewed: int = 0  # translated texts whose original is as it was when the translation was reviewed
    outdated: tuple[
        tuple[str, str, str], ...
    ] = ()  # (file, id, field): the original has changed since; the original is shown
    unreviewed: tuple[tuple[str, str], ...] = ()  # (file, id): translated, but never reviewed against a known original


@dataclass(frozen=True)
class Content:
    """Everything published, validated and cross-referenced: what every generator reads."""

    periods: Mapping[str, Period]
    actors: Mapping[str, Actor]
    themes: Mapping[str, Theme]
    commitments: Mapping[str, Commitment]
    updates: tuple[Update, ...]
    indicators: Mapping[str, Indicator]
    updates_by_commitment: Mapping[str, tuple[Update, ...]]
    continued_by: Mapping[str, tuple[str, ...]]
    language: str = (
        "sv"  # the texts were written in; shown in another, a text that no translation gives stays Untranslated
    )
    shown_in: str = "sv"  # the language it is shown in
    # Given translations: by language, then file (as in FOLDERS and REGISTRIES) and id, the translated fields.
    translations: Mapping[str, Mapping[str, Mapping[str, Mapping[str, object]]]] = field(default_factory=dict)
    reviews: Mapping[str, TranslationReview] = field(default_factory=dict)  # by language

    def examples(self) -> int:
        """How many items and entries are marked as invented examples (example: true): what check counts and the
        accessibility statement says."""
        commitments = self.commitments.values()
        marks = [
            *(period.example for period in self.periods.values()),
            *(person.example for period in self.periods.values() for person in period.signatories),
            *(commitment.example for commitment in commitments),
            *(update.example for update in self.updates),
            *(indicator.example for indicator in self.indicators.values()),
            *(entry.example for commitment in commitments for entry in commitment.history),
            *(activity.example for commitment in commitments for activity in commitment.activities),
        ]
        return marks.count(True)


# The texts a translation may give, per kind of item and of the items within them (a commitment's status changes and
# activities, a dialogue's points, a period's signatories, an indicator's values); the rest of a translated page is the
# original's. A list of items within an item is translated item for item, in the original's order.
TRANSLATABLE: dict[type[Record], tuple[str, ...]] = {
    Period: ("title", "background", "focus", "follow_up", "channels", "signatories"),
    Signatory: ("title", "organisation"),
    Actor: ("name", "short_name", "organisation", "description"),
    Theme: ("name", "description"),
    Commitment: ("title", "description", "history", "activities"),
    StatusChange: ("note",),
    Activity: ("text",),
    Update: ("title", "summary", "body", "dialogue"),
    Dialogue: ("place", "groups", "points"),
    DialoguePoint: ("raised", "response"),
    Indicator: ("title", "description", "unit", "source", "values"),
    Measurement: ("note",),
}


def current_period(content: Content, today: date) -> Period:
    """The period in force today; else the latest that has begun; else the first."""
    periods = list(content.periods.values())
    running = [p for p in periods if p.start <= today <= p.end]
    begun = [p for p in periods if p.start <= today]
    return (running or begun or periods[:1])[-1]


class Untranslated(str):
    """A text shown in a language it was not written in: pages mark it with its own language (WCAG 3.1.2)."""

    language: str

    def __new__(cls, text: str, language: str) -> Untranslated:
        made = super().__new__(cls, text)
        made.language = language
        return made
