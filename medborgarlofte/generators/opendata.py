"""Open data: the whole published model as JSON, the commitments and every status change as CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

from pydantic import BaseModel, Field

from ..settings import Settings
from ..structure import Actor, Commitment, Content, Indicator, Period, Status, Theme, Update
from .links import commitment_page, status_anchor, update_page, url_of

COMMITMENT_COLUMNS = ("id", "title", "period", "actors", "themes", "status", "status_since", "status_example", "start", "end", "progress", "continues", "url")
CHANGE_COLUMNS = ("date", "commitment", "commitment_title", "actors", "from_status", "to_status", "note", "source", "example", "url")


class PublishedCommitment(Commitment):
    status_now: Status | None = Field(description="Aktuell status: den senaste posten i history.")
    status_since: date | None = Field(description="Dagen den aktuella statusen gäller från.")
    url: str = Field(description="Åtagandets sida.")


class PublishedUpdate(Update):
    url: str = Field(description="Uppdateringens sida.")


class OpenData(BaseModel):
    """Everything the site publishes, in one file."""

    site: dict[str, str] = Field(description="Sajtens namn och adress.")
    periods: list[Period]
    actors: list[Actor]
    themes: list[Theme]
    commitments: list[PublishedCommitment]
    updates: list[PublishedUpdate]
    indicators: list[Indicator]


def generate(content: Content, settings: Settings) -> dict[str, str]:
    commitments = [
        PublishedCommitment(
            **c.model_dump(), status_now=c.status.status if c.status else None,
            status_since=c.status.date if c.status else None, url=url_of(settings.url, commitment_page(c.id)),
        )
        for c in content.commitments.values()
    ]
    data = OpenData(
        site={"name": settings.name, "url": settings.url},
        periods=list(content.periods.values()),
        actors=list(content.actors.values()),
        themes=list(content.themes.values()),
        commitments=commitments,
        updates=[PublishedUpdate(**u.model_dump(), url=url_of(settings.url, update_page(u.id))) for u in content.updates],
        indicators=list(content.indicators.values()),
    )
    changes = status_changes(content, settings)
    return {
        "data/medborgarlofte.json": _json(data.model_dump(mode="json")),
        "data/medborgarlofte.schema.json": _json(OpenData.model_json_schema(mode="serialization")),
        "data/atagenden.csv": _csv(COMMITMENT_COLUMNS, [_commitment_row(c) for c in commitments]),
        "data/statusandringar.csv": _csv(CHANGE_COLUMNS, changes),
        "data/statusandringar.json": _json(changes),
    }


def status_changes(content: Content, settings: Settings) -> list[dict[str, str]]:
    """Every status change, oldest first: the history of the promise as data."""
    rows = []
    for c in content.commitments.values():
        previous = ""
        for entry in c.history:
            rows.append({
                "date": entry.date.isoformat(), "commitment": c.id, "commitment_title": c.title, "actors": ";".join(c.actors),
                "from_status": previous, "to_status": entry.status, "note": entry.note or "", "source": entry.source or "",
                "example": "ja" if entry.example else "nej", "url": f"{url_of(settings.url, commitment_page(c.id))}#{status_anchor(entry.date, entry.status)}",
            })
            previous = entry.status
    return sorted(rows, key=lambda row: (row["date"], row["commitment"]))


def _commitment_row(c: PublishedCommitment) -> dict[str, str]:
    return {
        "id": c.id, "title": c.title, "period": c.period, "actors": ";".join(c.actors), "themes": ";".join(c.themes),
        "status": c.status_now or "", "status_since": c.status_since.isoformat() if c.status_since else "",
        "status_example": ("ja" if c.status.example else "nej") if c.status else "",
        "start": c.start.isoformat() if c.start else "", "end": c.end.isoformat() if c.end else "",
        "progress": "" if c.progress is None else str(c.progress), "continues": c.continues or "", "url": c.url,
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


def _csv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows({column: neutralised(value) for column, value in row.items()} for row in rows)
    return out.getvalue()
