"""The index's model: every area as its open data says, read once into immutable records that the generators share.

Texts stay in the language the area wrote them in (Untranslated where a page in another language shows them); every
fact keeps the area's own address for it, so that each item links back. Nothing is added that an area did not say:
a status is the one its history gives on the day asked about, marked as an example where the area marks it so.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .. import addresses as at
from .. import rules
from ..regions import COUNTIES
from ..structure import Untranslated
from ..totals import invented
from ..vocabulary import KINDS
from .sources import FAILED, STALE, Reading

# Two titles this alike (difflib's ratio, of their words in lower case) are taken as the same commitment reworded.
SIMILAR = 0.75
# A reworded title is looked for among the earlier commitments that share a word with it, the most alike by shared
# words first, at most this many; a word that more than COMMON_WORD titles share tells nothing and is not looked up.
CANDIDATES = 8
COMMON_WORD = 50
WHOLE_COMPARISON = 10_000  # pairs of titles compared all against all, below which nothing is left out
SLUG_LENGTH = 60  # an area's name in its address, cut at a word


@dataclass(frozen=True)
class IndexedChange:
    """One entry of a commitment's status history."""

    date: date
    status: str
    previous: str | None
    note: str | None
    example: bool
    url: str  # the entry on the area's commitment page


@dataclass(frozen=True)
class IndexedCommitment:
    id: str
    title: str
    description: str
    actors: tuple[str, ...]  # the responsible actors' names
    history: tuple[IndexedChange, ...]
    continues: str | None
    example: bool
    url: str

    def status_on(self, day: date) -> IndexedChange | None:
        """The status the history gives on a day: its last entry on or before it (rules.entry_on, as on the area's site)."""
        return rules.entry_on(self.history, day)


@dataclass(frozen=True)
class IndexedPeriod:
    """One promise of an area: a period with its commitments."""

    id: str
    title: str
    start: date
    end: date
    commitments: tuple[IndexedCommitment, ...]
    url: str

    def ended(self, today: date) -> bool:
        return rules.phase(self.start, self.end, today) == "ended"

    def begun(self, today: date) -> bool:
        return rules.phase(self.start, self.end, today) != "upcoming"

    def day_of_outcome(self, today: date) -> date:
        """The day its statuses are told as of: its last day once it has ended, else today (rules.outcome_day)."""
        return rules.outcome_day(self.start, self.end, today)


@dataclass(frozen=True)
class IndexedLetter:
    """An information letter, or another update that the combined feed carries."""

    id: str
    kind: str
    title: str
    summary: str
    moment: datetime
    example: bool
    url: str


@dataclass(frozen=True)
class IndexedArea:
    """One area, with its promises oldest first, as read from one source."""

    slug: str  # its address in the index: municipality code and name
    name: str
    municipality: str
    municipality_code: str
    county: str  # as the index names it, from the county's official code
    county_code: str
    site_name: str
    site_url: str
    language: str  # the language its texts are written in
    source: str  # the line of the sources file it was read from
    read_at: datetime
    stale: bool  # read from the cache: the source could not be read this time
    periods: tuple[IndexedPeriod, ...]
    letters: tuple[IndexedLetter, ...]

    def latest(self, today: date) -> IndexedPeriod | None:
        """The promise in force today; else the latest that has begun; else the first to come."""
        begun = [p for p in self.periods if p.begun(today)]
        return begun[-1] if begun else (self.periods[0] if self.periods else None)


@dataclass(frozen=True)
class SourceReport:
    """What became of one source in this run, for the sources page, the data and the run's summary."""

    source: str  # as published: the site's address (a folder's, as its data gives it), or "" for a folder with no data
    line: int
    state: str
    problem: str
    read_at: datetime | None
    area: str | None  # the area's slug, where the source gave one
    given: str = ""  # as the sources file gives it, a folder's path too: for the maintainer's run summary alone
    placeholder: bool = False  # the site's own address is a placeholder: every link back to it leads nowhere


@dataclass(frozen=True)
class Renewal:
    """From one promise of an area to the next: what was kept, reworded, dropped and added."""

    earlier: IndexedPeriod
    later: IndexedPeriod
    kept: tuple[
        tuple[IndexedCommitment, IndexedCommitment, bool], ...
    ]  # earlier, later, and whether the area linked them (continues)
    reworded: tuple[tuple[IndexedCommitment, IndexedCommitment, bool], ...]
    dropped: tuple[IndexedCommitment, ...]
    added: tuple[IndexedCommitment, ...]


@dataclass(frozen=True)
class Index:
    areas: tuple[IndexedArea, ...]  # by county, municipality and name
    reports: tuple[SourceReport, ...]  # in the order of the sources file
    read_at: datetime  # when this run began
    address: str = ""  # where the index is published, once its settings are read

    @functools.cached_property  # every page of a language asks; worked out once
    def counties(self) -> dict[str, str]:
        """The counties that have an area, by code, in the codes' order."""
        # SCB's names, which are Swedish ("Skåne län"): a page in another language marks them so.
        return {code: Untranslated(COUNTIES[code], "sv") for code in sorted({a.county_code for a in self.areas})}

    @functools.cached_property
    def municipalities(self) -> dict[str, tuple[str, str]]:
        """The municipalities that have an area, by code: (name, county code)."""
        return {
            a.municipality_code: (a.municipality, a.county_code)
            for a in sorted(self.areas, key=lambda a: a.municipality_code)
        }


def build_index(readings: Iterable[Reading], read_at: datetime, language: str | None = None) -> Index:
    """The index of every source that gave data; a source that gave none is in the reports alone.

    In a language, each area as its site shows it in that language where it has one: the texts its translations give,
    and the rest in the language they were written in."""
    areas: list[IndexedArea] = []
    reports = []
    taken: set[str] = set()
    for reading in readings:
        area = None
        if reading.state != FAILED and reading.data is not None and reading.read_at is not None:
            area = _area(reading, reading.translations.get(language or "", reading.data), taken)
            taken.add(area.slug)
            areas.append(area)
        # What went wrong is said to the index's maintainer, in Swedish: a page in another language marks it so.
        reports.append(
            SourceReport(
                shown_source(reading),
                reading.source.line,
                reading.state,
                Untranslated(reading.problem, "sv"),
                reading.read_at,
                area.slug if area else None,
                reading.source.given,
                bool(area and at.is_placeholder(area.site_url)),
            )
        )
    areas.sort(key=lambda a: (a.county_code, a.municipality_code, _sort_key(a.name), a.slug))
    return Index(tuple(areas), tuple(reports), read_at)


def shown_source(reading: Reading) -> str:
    """A source as the index publishes it: an address, never where a folder lies on the machine that built the index."""
    if reading.source.remote:
        return reading.source.given
    return str(reading.data["site"]["url"]) if reading.data is not None else ""


def problem_with(reading: Reading, languages: Iterable[str]) -> str | None:
    """Why the index cannot show a source's data in one of its languages, or None: data that passes the schema may
    still hold what no one foresaw, and that is the source's problem, never the run's."""
    if reading.data is None or reading.read_at is None:
        return None
    for language in languages:
        try:
            area = _area(reading, reading.translations.get(language, reading.data), set())
            for earlier, later in zip(area.periods, area.periods[1:], strict=False):
                renewal(earlier, later)
        except Exception as exc:  # whatever it is, it is this source's
            return f"kunde inte visas i indexet ({type(exc).__name__})"
    return None


def _area(reading: Reading, data: dict[str, Any], taken: set[str]) -> IndexedArea:
    assert reading.read_at is not None
    facts, language = data["area"], data["language"]
    # The texts the site has no translation of, by file and item: they are in the language they were written in.
    untranslated = {
        (entry["file"], entry["id"]): (frozenset(entry["fields"]), entry["language"]) for entry in data["untranslated"]
    }

    def text(value: str | None, file: str = "", item_id: str = "", name: str = "") -> str:
        fields, original = untranslated.get((file, item_id), (frozenset(), language))
        return Untranslated(value or "", original if name in fields else language)

    names = {actor["id"]: text(actor["name"], "actors.yaml", actor["id"], "name") for actor in data["actors"]}
    site_url = data["site"]["url"].rstrip("/") + "/"
    commitments: dict[str, list[IndexedCommitment]] = {}
    for c in data["commitments"]:
        history, previous = [], None
        for entry in c["history"] or ():  # the schema lets a commitment leave out its history
            history.append(
                IndexedChange(
                    date.fromisoformat(entry["date"]),
                    entry["status"],
                    previous,
                    text(entry["note"], "commitments", c["id"], "history") if entry.get("note") else None,
                    invented(bool(entry.get("example")), bool(c.get("example"))),
                    f"{c['url']}#{at.status_anchor(date.fromisoformat(entry['date']), entry['status'])}",
                )
            )
            previous = entry["status"]
        commitments.setdefault(c["period"], []).append(
            IndexedCommitment(
                c["id"],
                text(c["title"], "commitments", c["id"], "title"),
                text(c.get("description"), "commitments", c["id"], "description"),
                tuple(names.get(a, text(a)) for a in c["actors"]),
                tuple(history),
                c.get("continues"),
                bool(c.get("example")),
                c["url"],
            )
        )
    periods = tuple(
        sorted(
            (
                IndexedPeriod(
                    p["id"],
                    text(p["title"], "periods", p["id"], "title"),
                    date.fromisoformat(p["start"]),
                    date.fromisoformat(p["end"]),
                    tuple(commitments.get(p["id"], ())),
                    at.url_of(site_url, at.period(p["id"])),
                )
                for p in data["periods"]
            ),
            key=lambda p: (p.start, p.id),
        )
    )
    letters = tuple(
        IndexedLetter(
            u["id"],
            u["kind"],
            text(u["title"], "updates", u["id"], "title"),
            text(u["summary"], "updates", u["id"], "summary"),
            datetime.fromisoformat(u["date"]),
            bool(u.get("example")),
            u["url"],
        )
        for u in data["updates"]
        if u["kind"] in KINDS and KINDS[u["kind"]].mailed and not u.get("draft")
    )
    slug = base = f"{facts['municipality_code']}-{_slug(facts['name'])}"
    count = 2
    while slug in taken:  # two sources for areas of one name in one municipality: each keeps an address of its own
        slug, count = f"{base}-{count}", count + 1
    return IndexedArea(
        # A place's name is in no language: it is not called Swedish on an English page.
        slug=slug,
        name=facts["name"],
        municipality=facts["municipality"],
        municipality_code=facts["municipality_code"],
        county=Untranslated(COUNTIES.get(facts["county_code"], facts["county"]), "sv"),
        county_code=facts["county_code"],
        site_name=text(data["site"]["name"]),
        site_url=site_url,
        language=language,
        source=shown_source(reading),
        read_at=reading.read_at,
        stale=reading.state == STALE,
        periods=periods,
        letters=letters,
    )


def renewals(area: IndexedArea) -> list[Renewal]:
    """Each promise of the area beside the one before it, newest first."""
    return [renewal(earlier, later) for earlier, later in zip(area.periods, area.periods[1:], strict=False)][::-1]


def renewal(earlier: IndexedPeriod, later: IndexedPeriod) -> Renewal:
    """Matched first by the area's own links (a commitment that continues one of the earlier promise), then by text:
    the same title, or one so alike that it reads as the same commitment reworded. Kept means the same title and
    description; a link or a match with other words is reworded."""
    left = {c.id: c for c in earlier.commitments}
    pairs: list[tuple[IndexedCommitment, IndexedCommitment, bool]] = []
    unmatched: list[IndexedCommitment] = []
    for c in later.commitments:
        if c.continues and c.continues in left:
            pairs.append((left.pop(c.continues), c, True))
        else:
            unmatched.append(c)
    # The same words first, in one look-up each; then the most alike of a few that share a word: never all against all.
    same: dict[str, list[str]] = {}
    by_word: dict[str, list[str]] = {}
    for e in left.values():
        same.setdefault(_words(e.title), []).append(e.id)
        for word in set(_words(e.title).split()):
            by_word.setdefault(word, []).append(e.id)
    added = []
    for c in unmatched:
        words = _words(c.title)
        exact = [found for found in same.get(words, ()) if found in left]
        if exact:
            pairs.append((left.pop(exact[0]), c, False))
            continue
        shared: dict[str, int] = {}
        for word in set(words.split()):
            postings = by_word.get(word, ())
            if len(postings) <= COMMON_WORD:
                for found in postings:
                    if found in left:
                        shared[found] = shared.get(found, 0) + 1
        # A promise of ordinary size is compared whole, so that a word's other form is found too; a large one by shared words.
        candidates = (
            list(left)
            if len(left) * len(unmatched) <= WHOLE_COMPARISON
            else sorted(shared, key=lambda found: (-shared[found], found))[:CANDIDATES]
        )
        scored = sorted(((_likeness(c.title, left[found].title), found) for found in candidates), reverse=True)
        if scored and scored[0][0] >= SIMILAR:
            pairs.append((left.pop(scored[0][1]), c, False))
        else:
            added.append(c)
    kept = tuple(
        pair
        for pair in pairs
        if _words(pair[0].title) == _words(pair[1].title) and _words(pair[0].description) == _words(pair[1].description)
    )
    reworded = tuple(pair for pair in pairs if pair not in kept)
    return Renewal(earlier, later, kept, reworded, tuple(left.values()), tuple(added))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold()))


def _likeness(one: str, other: str) -> float:
    return difflib.SequenceMatcher(None, _words(one), _words(other)).ratio()


def _slug(name: str) -> str:
    """An area's name as an address: å, ä and ö as a, a and o, other letters without their marks, the rest as dashes."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    ascii_only = "".join(char for char in plain if char.isascii())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    if len(slug) > SLUG_LENGTH:  # cut at a word: a file name has room for it whatever the name's length
        cut = slug[:SLUG_LENGTH]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug or "omrade"


def _sort_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()
