"""The index's files in one language: pages (Markdown for MkDocs, through the pages' own environment and templates),
the combined feeds, the combined data and the styles, by path under docs/ as the address table names them."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from markupsafe import Markup, escape
from pydantic import BaseModel, Field, TypeAdapter

from .. import addresses as at
from ..bidi import isolated
from ..generators import cards, feeds, markdown_pages, opendata, presentation, styles
from ..languages import Words
from ..settings import Settings
from ..structure import TIMEZONE
from ..totals import StatusRow, status_rows
from ..translations import N_
from ..vocabulary import KINDS, ONE, STATUSES
from .model import Index, IndexedArea, IndexedChange, IndexedCommitment, IndexedPeriod, Renewal, SourceReport, renewals


@dataclass(frozen=True)
class PeriodView:
    """One promise as the index tells it: each commitment's status on the day of its outcome (its last day, or today)."""

    period: IndexedPeriod
    phase: str  # ended, active or upcoming
    day: date  # the day the statuses are as of
    statuses: tuple[tuple[IndexedCommitment, IndexedChange | None], ...]
    rows: tuple[StatusRow, ...]
    done: int
    done_examples: int  # of them, invented examples
    total: int


@dataclass(frozen=True)
class AreaView:
    area: IndexedArea
    latest: PeriodView | None
    periods: tuple[PeriodView, ...]  # newest first
    renewals: tuple[Renewal, ...]  # newest first

    @property
    def has_examples(self) -> bool:
        return any(row.examples for period in self.periods for row in period.rows)


def generate(index: Index, settings: Settings, today: date) -> dict[str, str | bytes]:
    """Every file of the index's site in the settings' language, by its path under docs/."""
    _ = settings.words.gettext
    views = [_area_view(area, today) for area in index.areas]
    by_county: dict[str, list[AreaView]] = defaultdict(list)
    by_municipality: dict[str, list[AreaView]] = defaultdict(list)
    for view in views:
        by_county[view.area.county_code].append(view)
        by_municipality[view.area.municipality_code].append(view)
    latest = [view.latest for view in views if view.latest]
    shared = {
        "settings": settings,
        "today": today,
        "index": index,
        "area_lists": AREA_LISTS,
        "renewal_anchor": Markup(RENEWAL_ANCHOR),
    }
    listing = [
        markdown_pages.Page(
            "index-start.md.j2",
            at.START_PART,
            {
                "areas": views,
                "promises": sum(len(v.periods) for v in views),
                "commitments": sum(len(p.commitments) for a in index.areas for p in a.periods),
                "rows": _rows([pair for view in latest for pair in view.statuses]),
                "running": sum(1 for view in latest if view.phase == "active"),
                "ended": sum(1 for view in latest if view.phase == "ended"),
                "counties": [(code, name, by_county[code]) for code, name in index.counties.items()],
                "problems": [report for report in index.reports if report.problem],
                "done": sum(view.done for view in latest),
                "total": sum(view.total for view in latest),
                "done_examples": sum(view.done_examples for view in latest),
            },
        ),
        # The list of areas, whole and by how their latest promise stands: filters that need no script.
        *(
            markdown_pages.Page(
                "index-areas.md.j2",
                path,
                {"title": _(title), "counties": index.counties, "shown": path},
                at.ALL_FEED if path == at.INDEX_AREAS else None,
                items=[view for view in views if phase is None or (view.latest and view.latest.phase == phase)],
            )
            for path, title, phase in AREA_LISTS
        ),
        markdown_pages.Page(
            "index-counties.md.j2",
            at.INDEX_COUNTIES,
            {"counties": [(code, name, by_county[code]) for code, name in index.counties.items()]},
        ),
        *(
            markdown_pages.Page(
                "index-county.md.j2",
                at.county(code),
                {
                    "code": code,
                    "name": name,
                    "municipalities": [
                        (m, facts[0], by_municipality[m])
                        for m, facts in index.municipalities.items()
                        if facts[1] == code
                    ],
                    "rows": _rows([pair for view in by_county[code] if view.latest for pair in view.latest.statuses]),
                },
                at.county_feed(code),
                items=by_county[code],
                kind=_("Län"),
            )
            for code, name in index.counties.items()
        ),
        *(
            markdown_pages.Page(
                "index-municipality.md.j2",
                at.municipality(code),
                {"code": code, "name": name, "county": (county, index.counties[county])},
                items=by_municipality[code],
                kind=_("Kommun"),
            )
            for code, (name, county) in index.municipalities.items()
        ),
        *(
            markdown_pages.Page(
                "index-area.md.j2",
                at.indexed_area(view.area.slug),
                {"view": view},
                kind=_("Område"),
                description=_("Medborgarlöftet för %(area)s i %(municipality)s, som områdets egen sajt publicerar det.")
                % {
                    "area": isolated(view.area.name, settings.language),
                    "municipality": isolated(view.area.municipality, settings.language),
                },
            )
            for view in views
        ),
        *(
            markdown_pages.Page(
                "index-period.md.j2",
                at.indexed_period(view.area.slug, period_view.period.id),
                {
                    "view": view,
                    "period_view": period_view,
                    "renewal": next((r for r in view.renewals if r.later is period_view.period), None),
                },
                kind=_("Löfte"),
            )
            for view in views
            for period_view in view.periods
        ),
        # Those with a problem first, where the start page's warning leads; then the rest in the order of the sources file.
        markdown_pages.Page(
            "index-sources.md.j2",
            at.INDEX_SOURCES,
            {"by_slug": {v.area.slug: v.area for v in views}},
            items=sorted(index.reports, key=lambda report: not report.problem),
        ),
        markdown_pages.Page("index-follow.md.j2", at.FOLLOW, {"counties": index.counties, "columns": COLUMNS}),
    ]
    files: dict[str, str | bytes] = dict(markdown_pages.rendered(presentation.pages(settings), listing, shared))
    files.update(_feeds(index, views, settings))
    files.update(_data(index, views, settings))
    files.update(styles.generate())
    files.update(cards.site_card(settings))
    return files  # by path under docs/


RENEWAL_ANCHOR = "fran-foregaende-lofte"  # on a promise's page: what changed from the promise before it

# The lists of areas: every area, and those whose latest promise runs or has ended.
AREA_LISTS = (
    (at.INDEX_AREAS, N_("Alla områden"), None),
    (at.INDEX_RUNNING, N_("Områden vars löfte gäller nu"), "active"),
    (at.INDEX_ENDED, N_("Områden vars senaste löfte har slutat"), "ended"),
)


def _area_view(area: IndexedArea, today: date) -> AreaView:
    periods = tuple(_period_view(period, today) for period in area.periods[::-1])
    latest = area.latest(today)
    return AreaView(
        area, next((view for view in periods if view.period is latest), None), periods, tuple(renewals(area))
    )


def _period_view(period: IndexedPeriod, today: date) -> PeriodView:
    day = period.day_of_outcome(today)
    statuses = tuple((c, c.status_on(day)) for c in period.commitments)
    phase = "ended" if period.ended(today) else "active" if period.begun(today) else "upcoming"
    done = [entry for _, entry in statuses if entry and STATUSES[entry.status].done]
    return PeriodView(
        period, phase, day, statuses, _rows(statuses), len(done), sum(entry.example for entry in done), len(statuses)
    )


def _rows(statuses: Iterable[tuple[IndexedCommitment, IndexedChange | None]]) -> tuple[StatusRow, ...]:
    """Each status there is, with how many of it are invented examples (an entry's example already says its commitment's)."""
    return status_rows((entry.status, entry.example) if entry else (None, False) for _, entry in statuses)


def _feeds(index: Index, views: list[AreaView], settings: Settings) -> dict[str, str]:
    """The combined feed of every area's status changes and letters, and one per county, newest first."""
    _ = settings.words.gettext
    items = sorted(_items(views, settings, _), key=lambda pair: (pair[1].moment, pair[1].guid), reverse=True)
    fallback = items[0][1].moment if items else datetime.combine(index.read_at.date(), time(), TIMEZONE)
    chosen: list[tuple[feeds.Feed, list[feeds.Item]]] = [
        (
            feeds.Feed(
                at.ALL_FEED,
                _("Alla medborgarlöften"),
                _("Statusändringar och informationsbrev från alla områden i indexet."),
                at.START,
                "site",
            ),
            [item for _, item in items],
        )
    ]
    for code, name in index.counties.items():
        chosen.append(
            (
                feeds.Feed(
                    at.county_feed(code),
                    name,
                    _("Statusändringar och informationsbrev från områdena i %(county)s.") % {"county": name},
                    at.county(code),
                    "county",
                ),
                [item for county, item in items if county == code],
            )
        )
    return feeds.files(chosen, settings, fallback)


def _items(views: list[AreaView], settings: Settings, _: Callable[[str], str]) -> Iterable[tuple[str, feeds.Item]]:
    """(county code, item) for every status change and letter of every area."""
    own_site = escape(_("Områdets egen sajt"))
    words = settings.words
    for view in views:
        area = view.area
        where = f"{isolated(area.name, settings.language)}, {isolated(area.municipality, settings.language)}"
        back = f'<p><a href="{escape(area.site_url)}">{own_site}</a></p>'
        for period in area.periods:
            for c in period.commitments:
                for entry in c.history:
                    status, change, responsible = feeds.status_change(
                        entry.status, entry.previous, c.actors, settings.language, _
                    )
                    note = (
                        f" {isolated(entry.note, settings.language)}{_said_language(entry.note, settings.words)}"
                        if entry.note
                        else ""
                    )
                    title = f"{where}: {isolated(c.title, settings.language)}: {status}"
                    yield (
                        area.county_code,
                        feeds.Item(
                            guid=entry.url,
                            title=_("Exempel: %(title)s") % {"title": title} if entry.example else title,
                            link=entry.url,
                            moment=feeds.on_the_day(entry.date),
                            summary=f"{change}{note} {responsible}",
                            html=f"<p>{escape(change)}{escape(note)}</p><p>{escape(responsible)}</p>{back}",
                            authors=tuple(c.actors) or (str(area.site_name),),
                            commitments=(c.id,),
                            actors=(),
                            kind="status",
                        ),
                    )
        for letter in area.letters:
            kind = words.pgettext(ONE, KINDS[letter.kind].singular)
            title = f"{where}: {isolated(letter.title, settings.language)}"
            yield (
                area.county_code,
                feeds.Item(
                    guid=letter.url,
                    title=_("Exempel: %(title)s") % {"title": title} if letter.example else title,
                    link=letter.url,
                    moment=feeds.moment_in_feeds(letter.moment),
                    summary=f"{kind}. {isolated(letter.summary, settings.language)}{_said_language(letter.summary, settings.words)}",
                    html=f"<p>{escape(kind)}. {escape(isolated(letter.summary, settings.language))}{escape(_said_language(letter.summary, settings.words))}</p>{back}",
                    authors=(str(area.site_name),),
                    commitments=(),
                    actors=(),
                    kind=letter.kind,
                ),
            )


def _said_language(text: str, said: Words) -> str:
    """After a text in another language than the feed's: which language it is in (the model's texts know theirs)."""
    written_in = getattr(text, "language", said.language)
    return "" if written_in == said.language else " " + said.not_translated(written_in)


class IndexedRow(BaseModel):
    """One commitment of one area's promise, as the index publishes it in ataganden.json and .csv."""

    area: str = Field(description="Områdets namn.")
    municipality: str = Field(description="Kommunens namn.")
    municipality_code: str = Field(description="Kommunkoden (SCB:s), fyra siffror.")
    county: str = Field(description="Länets namn.")
    county_code: str = Field(description="Länskoden (SCB:s), två siffror.")
    period: str = Field(description="Löftets (periodens) id på områdets sajt.")
    period_title: str = Field(description="Löftets rubrik.")
    period_start: date = Field(description="Löftets första dag.")
    period_end: date = Field(description="Löftets sista dag.")
    period_ended: bool = Field(description="true om löftet har slutat: statusen är då den på löftets sista dag.")
    commitment: str = Field(description="Åtagandets id på områdets sajt.")
    title: str = Field(description="Åtagandets rubrik.")
    actors: list[str] = Field(description="Ansvariga aktörers namn.")
    status: str | None = Field(
        description="Statusen på status_day (den sista posten i historiken fram till den dagen); tom om ingen är rapporterad."
    )
    status_day: date = Field(
        description="Dagen statusen gäller: löftets sista dag om det har slutat, annars dagen indexet byggdes."
    )
    status_example: bool = Field(description="true om statusen är ett påhittat exempel, som områdets sajt märker det.")
    continues: str | None = Field(
        description="Id för åtagandet i ett tidigare löfte som det här fortsätter, som områdets data säger."
    )
    language: str = Field(
        description="Språket åtagandets rubrik är skriven på: filens språk där området har översatt den, annars originalets."
    )
    url: str = Field(description="Åtagandets sida på områdets sajt.")
    area_url: str = Field(description="Områdets sajt.")
    index_url: str = Field(description="Områdets sida i indexet.")
    source: str = Field(description="Adressen till källan som uppgiften lästes från: områdets sajt.")
    read_at: datetime = Field(description="När uppgiften lästes från källan.")
    stale: bool = Field(
        description="true om källan inte kunde läsas den här gången: uppgiften är den senaste goda kopian, från read_at."
    )


class PublishedSource(BaseModel):
    """One source of the index and what became of it, as kallor.json publishes it."""

    source: str = Field(
        description="Källans adress: sajtens, eller för en mapp med en byggd sajt den adress sajtens data anger; tom för en mapp utan data."
    )
    line: int = Field(description="Raden i källfilen.")
    state: str = Field(
        description="read (läst), unchanged (oförändrad sedan förra läsningen), slow (läst, men långsamt), stale (kunde inte läsas: den senaste goda kopian används) eller failed (kunde inte läsas, och ingen kopia finns)."
    )
    problem: str = Field(description="Vad som gick fel, eller tomt.")
    read_at: datetime | None = Field(description="När uppgifterna som används lästes.")
    area: str | None = Field(description="Områdets sida i indexet (dess id), om källan gav ett område.")
    placeholder: bool = Field(
        description="true om sajtens egen adress är en platshållare (som example.github.io): länkarna tillbaka till den leder ingenstans."
    )


COLUMNS = tuple(IndexedRow.model_fields)


def _data(index: Index, views: list[AreaView], settings: Settings) -> dict[str, str]:
    rows = [
        _row(view.area, period, c, entry, at.url_of(settings.url, at.indexed_area(view.area.slug)))
        for view in views
        for period in view.periods[::-1]
        for c, entry in period.statuses
    ]
    _ = settings.words.gettext
    said = {True: _(opendata.YES), False: _(opendata.NO)}
    cells = [{key: _cell(value, said) for key, value in row.model_dump().items()} for row in rows]
    return {
        at.COMMITMENTS_CSV: opendata.csv_text(COLUMNS, cells),
        at.INDEX_COMMITMENTS_JSON: _json([row.model_dump(mode="json") for row in rows]),
        at.INDEX_COMMITMENTS_SCHEMA: _json(TypeAdapter(list[IndexedRow]).json_schema(mode="serialization")),
        at.INDEX_SOURCES_JSON: _json([_source(report).model_dump(mode="json") for report in index.reports]),
    }


def _row(
    area: IndexedArea, view: PeriodView, c: IndexedCommitment, entry: IndexedChange | None, index_url: str
) -> IndexedRow:
    return IndexedRow(
        area=area.name,
        municipality=area.municipality,
        municipality_code=area.municipality_code,
        county=area.county,
        county_code=area.county_code,
        period=view.period.id,
        period_title=view.period.title,
        period_start=view.period.start,
        period_end=view.period.end,
        period_ended=view.phase == "ended",
        commitment=c.id,
        title=c.title,
        actors=list(c.actors),
        status=entry.status if entry else None,
        status_day=view.day,
        status_example=bool(entry and entry.example),
        continues=c.continues,
        language=getattr(c.title, "language", area.language),
        url=c.url,
        area_url=area.site_url,
        index_url=index_url,
        source=area.source,
        read_at=area.read_at,
        stale=area.stale,
    )


def _source(report: SourceReport) -> PublishedSource:
    return PublishedSource(
        source=report.source,
        line=report.line,
        state=report.state,
        problem=report.problem,
        read_at=report.read_at,
        area=report.area,
        placeholder=report.placeholder,
    )


def _cell(value: object, said: dict[bool, str]) -> str:
    if isinstance(value, bool):
        return said[value]
    if isinstance(value, list):
        return opendata.CSV_LIST.join(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return "" if value is None else str(value)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
