"""Open data: the whole published model as JSON, the commitments and every status change as CSV and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from datetime import date
from typing import Any

from pydantic import BaseModel, Field, TypeAdapter

from .. import addresses as at
from .. import translated, versions
from ..settings import Settings
from ..structure import Actor, Commitment, Content, Indicator, Period, Status, Theme, Update
from ..translations import N_

COMMITMENT_COLUMNS = (
    "id",
    "title",
    "period",
    "actors",
    "themes",
    "status",
    "status_since",
    "status_example",
    "start",
    "end",
    "progress",
    "continues",
    "url",
)
CHANGE_COLUMNS = (
    "date",
    "commitment",
    "commitment_title",
    "actors",
    "actor_names",
    "from_status",
    "to_status",
    "note",
    "source",
    "example",
    "url",
)
# Excel with Swedish settings splits columns at semicolons, and reads UTF-8 only after a byte-order mark.
CSV_DELIMITER = ";"
# Several values in one cell, a line each: a name is never more than one line (Line), so a list can always be split
# where it was joined, whatever the names hold (a comma, as in "Socialförvaltningen, Exempelkommunen").
CSV_LIST = "\n"
# A yes or no in a spreadsheet, in the words of the file's language (JSON has true and false).
YES, NO = N_("ja"), N_("nej")


class PublishedChange(BaseModel):
    """One status change, as published in statusandringar.json and .csv."""

    date: dt.date = Field(description="Dagen ändringen gäller från.")
    commitment: str = Field(description="Åtagandets id.")
    commitment_title: str = Field(description="Åtagandets rubrik.")
    actors: list[str] = Field(description="Id för ansvariga aktörer.")
    actor_names: list[str] = Field(description="Namnen på ansvariga aktörer, i samma ordning.")
    from_status: Status | None = Field(description="Statusen före ändringen; tom för den första.")
    to_status: Status = Field(description="Den nya statusen.")
    note: str | None = Field(description="Vad som hänt.")
    source: str | None = Field(description="Länk till underlaget.")
    example: bool = Field(description="true om ändringen är ett påhittat exempel: posten eller hela åtagandet är det.")
    url: str = Field(description="Länk till ändringen i åtagandets historik.")


class PublishedCommitment(Commitment):
    status_now: Status | None = Field(description="Aktuell status: den senaste posten i history.")
    status_since: date | None = Field(
        description="Dagen den aktuella statusen började gälla (en upprepad status är en notering om samma status)."
    )
    status_example: bool = Field(
        description="true om den aktuella statusen är ett påhittat exempel: åtagandet eller dess senaste post är det."
    )
    url: str = Field(description="Åtagandets sida.")


class PublishedUpdate(Update):
    url: str = Field(description="Uppdateringens sida.")


class UntranslatedTexts(BaseModel):
    """Texts of one item that have no translation into the file's language, and so are in the language they were written in."""

    file: str = Field(
        description="Var originalet finns: periods, commitments, updates, indicators, actors.yaml eller themes.yaml."
    )
    id: str = Field(description="Uppgiftens id.")
    fields: list[str] = Field(description="Fälten som inte är översatta.")
    language: str = Field(description="Språket de fälten är skrivna på.")


class PublishedArea(BaseModel):
    """The area the promise is for, as its site's settings name it: what an index of every area's promise sorts by."""

    name: str = Field(description="Områdets namn.")
    municipality: str = Field(description="Kommunens namn.")
    municipality_code: str = Field(pattern=r"^\d{4}$", description="Kommunkoden (SCB:s), fyra siffror, t.ex. '0180'.")
    county: str = Field(description="Länets namn.")
    county_code: str = Field(
        pattern=r"^\d{2}$", description="Länskoden (SCB:s), två siffror, t.ex. '01'; kommunkoden börjar med den."
    )


class OpenData(BaseModel):
    """Everything the site publishes, in one file."""

    site: dict[str, str] = Field(description="Sajtens namn och adress.")
    area: PublishedArea | None = Field(
        description="Området löftet gäller, med kommunens och länets koder; null där sajtens inställningar inte säger det."
    )
    engine: str = Field(description="Versionen av motorn (medborgarlofte) som byggde filen.")
    format: int | None = Field(
        description="Innehållsformatet sajten är skriven i (extra.format i mkdocs.yml); null där inställningarna inte säger det."
    )
    language: str = Field(description="Språket texterna visas på (språkkod, t.ex. sv, en, ar).")
    untranslated: list[UntranslatedTexts] = Field(
        description="Texter som inte är översatta till språket och därför står på originalets språk."
    )
    periods: list[Period]
    actors: list[Actor]
    themes: list[Theme]
    commitments: list[PublishedCommitment]
    updates: list[PublishedUpdate]
    indicators: list[Indicator]


def generate(content: Content, settings: Settings) -> dict[str, str]:
    commitments = [
        PublishedCommitment(
            **c.model_dump(),
            status_now=c.status.status if c.status else None,
            status_since=c.since(),
            status_example=c.invented_on(),
            url=at.url_of(settings.url, at.commitment(c.id)),
        )
        for c in content.commitments.values()
    ]
    data = OpenData(
        site={"name": settings.name, "url": settings.url},
        area=PublishedArea(**{key: getattr(settings.area, key) for key in PublishedArea.model_fields})
        if settings.area
        else None,
        engine=versions.ENGINE,
        format=settings.format,
        language=content.shown_in,
        untranslated=[
            UntranslatedTexts(file=file, id=item_id, fields=list(fields), language=content.language)
            for file, item_id, fields in translated.missing(content, content.shown_in)
        ],
        # An invented name is no fact to publish as data: a period's data has the names that signed.
        periods=[
            period.model_copy(update={"signatories": tuple(p for p in period.signatories if not p.example)})
            for period in content.periods.values()
        ],
        actors=list(content.actors.values()),
        themes=list(content.themes.values()),
        commitments=commitments,
        updates=[
            PublishedUpdate(**u.model_dump(), url=at.url_of(settings.url, at.update(u.id))) for u in content.updates
        ],
        indicators=list(content.indicators.values()),
    )
    changes = status_changes(content, settings)
    _ = settings.words.gettext
    said = {True: _(YES), False: _(NO)}
    return {
        at.ALL_DATA: _json(data.model_dump(mode="json")),
        at.ALL_DATA_SCHEMA: _json(open_data_schema()),
        at.COMMITMENTS_CSV: csv_text(COMMITMENT_COLUMNS, [_commitment_row(c, said) for c in commitments]),
        at.CHANGES_CSV: csv_text(CHANGE_COLUMNS, [_change_row(change, said) for change in changes]),
        at.CHANGES_JSON: _json([change.model_dump(mode="json") for change in changes]),
        at.CHANGES_SCHEMA: _json(TypeAdapter(list[PublishedChange]).json_schema(mode="serialization")),
    }


# Every text and list of the open data is bounded in its schema, as content is when it is read: a reader such as the
# national index can refuse data that is larger than any site writes before it holds it. Texts the content format
# bounds keep their own limit; the rest (ids, days, addresses, the area's facts) are short.
MOST_CHARACTERS = 2_000
MOST_ITEMS = 10_000


def open_data_schema() -> dict[str, Any]:
    """The JSON Schema of medborgarlofte.json, with a maxLength on every string and a maxItems on every list."""
    schema: dict[str, Any] = _bounded(OpenData.model_json_schema(mode="serialization"))
    return schema


def _bounded(node: Any) -> Any:
    if isinstance(node, list):
        return [_bounded(item) for item in node]
    if not isinstance(node, dict):
        return node
    bounded = {key: _bounded(value) for key, value in node.items()}
    if bounded.get("type") == "string" and not {"maxLength", "enum", "const"} & bounded.keys():
        bounded["maxLength"] = MOST_CHARACTERS
    if bounded.get("type") == "array" and "maxItems" not in bounded:
        bounded["maxItems"] = MOST_ITEMS
    return bounded


def status_changes(content: Content, settings: Settings) -> list[PublishedChange]:
    """Every status change, oldest first: the history of the promise as data."""
    rows = []
    for c in content.commitments.values():
        previous: Status | None = None
        for entry in c.history:
            rows.append(
                PublishedChange(
                    date=entry.date,
                    commitment=c.id,
                    commitment_title=c.title,
                    actors=list(c.actors),
                    actor_names=[content.actors[a].name for a in c.actors],
                    from_status=previous,
                    to_status=entry.status,
                    note=entry.note,
                    source=entry.source,
                    example=entry.example or c.example,
                    url=f"{at.url_of(settings.url, at.commitment(c.id))}#{at.status_anchor(entry.date, entry.status)}",
                )
            )
            previous = entry.status
    return sorted(rows, key=lambda row: (row.date, row.commitment))


def _change_row(change: PublishedChange, said: dict[bool, str]) -> dict[str, str]:
    return {
        "date": change.date.isoformat(),
        "commitment": change.commitment,
        "commitment_title": change.commitment_title,
        "actors": CSV_LIST.join(change.actors),
        "actor_names": CSV_LIST.join(change.actor_names),
        "from_status": change.from_status or "",
        "to_status": change.to_status,
        "note": change.note or "",
        "source": change.source or "",
        "example": said[change.example],
        "url": change.url,
    }


def _commitment_row(c: PublishedCommitment, said: dict[bool, str]) -> dict[str, str]:
    return {
        "id": c.id,
        "title": c.title,
        "period": c.period,
        "actors": CSV_LIST.join(c.actors),
        "themes": CSV_LIST.join(c.themes),
        "status": c.status_now or "",
        "status_since": c.status_since.isoformat() if c.status_since else "",
        "status_example": said[c.status_example] if c.status else "",
        "start": c.start.isoformat() if c.start else "",
        "end": c.end.isoformat() if c.end else "",
        "progress": "" if c.progress is None else str(c.progress),
        "continues": c.continues or "",
        "url": c.url,
    }


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


# A spreadsheet runs a cell that begins with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def neutralised(cell: str) -> str:
    """A text cell that a spreadsheet would run as a formula, made inert with a leading apostrophe; numbers stay numbers."""
    if cell.startswith(FORMULA_STARTS) and not _NUMBER.match(cell):
        return "'" + cell
    return cell


def csv_text(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    """Rows as CSV that Excel with Swedish settings opens as it is: semicolons, a byte-order mark, no cell run as a formula."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=CSV_DELIMITER)
    writer.writeheader()
    writer.writerows({column: neutralised(value) for column, value in row.items()} for row in rows)
    return out.getvalue()
