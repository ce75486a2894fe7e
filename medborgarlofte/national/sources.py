"""Reading the areas' open data: each source's medborgarlofte.json, from its site or from a folder of a built site.

The real world is slow and broken in places: every source is read with a timeout and retries, by a conditional
request where it was read before, and checked against the JSON Schema of the content format it declares. A copy
that passes is kept in the cache as the area's last good copy; a source that is down, too slow or invalid is
reported with the reason, and its last good copy stands in for it, marked with the day it was read. One bad
source never stops the index, nor takes another area's data with it.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jsonschema

from .. import addresses as at
from .. import outbound, versions
from ..errors import ContentError, ContentErrors
from ..languages import known_language
from ..regions import COUNTIES
from ..structure import TIMEZONE
from ..translations import LANGUAGE
from ..writers import write_text_atomically

TIMEOUT_SECONDS = 10.0  # for one request: a site that has not answered by then is tried again, then counted as down
DEADLINE_SECONDS = 30.0  # for one whole download: a site that answers a byte at a time is not waited for longer
RETRIES = 2  # a request that fails for the network's sake or the server's (5xx) is tried this many more times
RETRY_PAUSE_SECONDS = 0.5  # doubled after each try
SLOW_SECONDS = 5.0  # a source that answers but takes longer than this is reported as slow
MOST_BYTES = 20_000_000  # an area's open data is tens of kilobytes; a larger answer is refused, not read into memory
PARALLEL = 16  # sources read at once
USER_AGENT = f"medborgarlofte-index/{versions.ENGINE}"

# What became of a source in this run, as the sources page and the run's summary say it.
READ = "read"  # read now and valid
UNCHANGED = "unchanged"  # the site said the copy read before is still current (304)
SLOW = "slow"  # read now and valid, but slowly
STALE = "stale"  # not read now (down, too slow or invalid): its last good copy from the cache is used
FAILED = "failed"  # not read now, and no copy read before: the area is not in the index this time
STATES = (READ, UNCHANGED, SLOW, STALE, FAILED)


@dataclass(frozen=True)
class Source:
    """One line of the sources file: an area site's published address, or a folder of a built site."""

    given: str  # as written in the file
    line: int

    @property
    def remote(self) -> bool:
        return self.given.startswith(("https://", "http://"))

    @property
    def key(self) -> str:
        """The source's name in the cache: the same line always finds its own copy."""
        return hashlib.sha256(self.given.encode("utf-8")).hexdigest()[:24]

    def data_location(self, base: Path, language: str = "") -> str:
        """Where its open data is: the address under the site, or the file in the folder (relative to base); with a
        language, the data of the site in that language (in its folder, as every language but a site's first is)."""
        folder = f"{language}/" if language else ""
        if self.remote:
            return self.given.rstrip("/") + "/" + folder + at.page_address(at.ALL_DATA)
        return str((base / self.given / folder / at.ALL_DATA).resolve())

    def in_language(self, language: str) -> Source:
        """The same source's data in another language, as the cache names it."""
        return Source(f"{self.given} {language}", self.line)


@dataclass(frozen=True)
class Reading:
    """What one source gave in this run: its data (None when there is none to use) and what happened."""

    source: Source
    state: str  # one of STATES
    data: dict[str, Any] | None
    read_at: datetime | None  # when the data used was read: now, or the day of the copy in the cache
    problem: str  # why it was not read now, or why it was slow; "" when all went well
    seconds: float  # how long reading it took
    # The same site's data in the index's other languages where the site has them: its translated texts, and which are not.
    translations: dict[str, dict[str, Any]] = field(default_factory=dict)
    # What was read now, to keep as the last good copies once the model is made from it: (source, body, what describes it).
    copies: tuple[tuple[Source, bytes, dict[str, str]], ...] = ()


def read_sources_file(path: Path) -> list[Source]:
    """The sources file: one source a line; empty lines and lines starting with # are left out. Errors name the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentErrors([ContentError(str(path), 1, "-", f"kan inte läsas ({exc})")]) from None
    sources: list[Source] = []
    seen: dict[str, int] = {}
    problems: list[ContentError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        given = line.strip()
        if not given or given.startswith("#"):
            continue
        known = same_site(given) if given.startswith(("https://", "http://")) else given
        if known in seen:
            problems.append(
                ContentError(
                    str(path),
                    number,
                    "källa",
                    f"'{given}' står redan på rad {seen[known]} (förväntade varje källa en gång)",
                )
            )
            continue
        if any(char.isspace() for char in given) or given.startswith(("ftp:", "file:")):
            problems.append(
                ContentError(
                    str(path),
                    number,
                    "källa",
                    f"fick '{given}' (förväntade en adress som börjar med https:// eller en mapp med en byggd sajt, en per rad)",
                )
            )
            continue
        seen[known] = number
        sources.append(Source(given, number))
    if problems:
        raise ContentErrors(problems)
    return sources


class Cache:
    """The last good copy of each source's data, with the day it was read and what the server said of its version."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, source: Source) -> tuple[Path, Path]:
        return self.folder / f"{source.key}.json", self.folder / f"{source.key}.meta.json"

    def get(self, source: Source) -> tuple[bytes, dict[str, str]] | None:
        data, meta = self._paths(source)
        try:
            return data.read_bytes(), json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, source: Source, body: bytes, meta: dict[str, str]) -> None:
        """Data first, then what describes it, each whole: a killed run leaves the old copy or the new one, never half of one."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data, described = self._paths(source)
        temporary = data.with_name(f".{data.name}.tmp")
        temporary.write_bytes(body)
        temporary.replace(data)
        write_text_atomically(
            described, json.dumps({"source": source.given, **meta}, ensure_ascii=False, indent=1, sort_keys=True)
        )


class _Refused(Exception):
    """The data was read but cannot be used: the text says why, in Swedish."""


class _Unreachable(Exception):
    """The source could not be read: the text says why, in Swedish."""


class _Missing(_Unreachable):
    """There is no such file (404, or not in the folder): for a site's data in another language, a language it does not have."""


def read_all(
    sources: list[Source],
    cache: Cache,
    base: Path,
    now: datetime,
    timeout: float = TIMEOUT_SECONDS,
    languages: tuple[str, ...] = (),
) -> list[Reading]:
    """Every source read, several at once, in the order of the file; with languages, each site's data in those too."""
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        return _once_each(
            list(pool.map(lambda source: read_one(source, cache, base, now, timeout, languages), sources))
        )


def _once_each(readings: list[Reading]) -> list[Reading]:
    """One site under two lines (an address and a folder, or with and without a slash) is one area: the later line gives
    no data of its own, and says which line has it."""
    first: dict[tuple[str, str, str], int] = {}
    once = []
    for reading in readings:
        if reading.data is not None:
            site = (
                same_site(reading.data["site"]["url"]),
                reading.data["area"]["municipality_code"],
                reading.data["area"]["name"],
            )
            if site in first:
                said = f"samma område och sajt som rad {first[site]}: visas en gång"
                reading = replace(
                    reading, data=None, translations={}, problem="; ".join(filter(None, (reading.problem, said)))
                )
            else:
                first[site] = reading.source.line
        once.append(reading)
    return once


def same_site(address: str) -> str:
    """An address as one site is known by whatever its spelling: the scheme and host in lower case, the path without a
    slash at its end (GitHub Pages serves a path in any letter case the same)."""
    parsed = urlparse(address.strip())
    return f"{parsed.scheme.lower()}://{(parsed.netloc or '').lower()}{parsed.path.rstrip('/').lower()}"


def read_one(
    source: Source,
    cache: Cache,
    base: Path,
    now: datetime,
    timeout: float = TIMEOUT_SECONDS,
    languages: tuple[str, ...] = (),
) -> Reading:
    """One source, whatever it sends: anything that goes wrong is this source's reported problem, never the run's."""
    cached = cache.get(source)
    started = time.monotonic()
    try:
        try:
            data, body, meta, unchanged = _read(source, source.data_location(base), cached, timeout)
        except (_Unreachable, _Refused):
            raise
        except Exception as exc:  # a source's data can break the reading in ways no one foresaw
            raise _Refused(f"kunde inte läsas ({type(exc).__name__})") from None
    except (_Unreachable, _Refused) as problem:
        seconds = time.monotonic() - started
        kept = _kept(cached)
        if kept is not None and cached:
            # The site's other languages as they were read with it: nothing more is asked of a site that did not answer.
            translations = {
                code: copy for code in languages if (copy := _kept(cache.get(source.in_language(code)))) is not None
            }
            return Reading(
                source, STALE, kept, _read_at(cached[1]), str(problem), seconds, _matching(kept, translations)
            )
        return Reading(source, FAILED, None, None, str(problem), seconds)
    copies = [(source, body, {**meta, "read_at": now.isoformat()})]
    try:
        translations, notes = _translations(source, data, cache, base, now, timeout, languages, copies)
    except Exception as exc:  # as above: the site's own language stands without its translations
        translations, notes = {}, f"data på andra språk kunde inte läsas ({type(exc).__name__})"
    seconds = time.monotonic() - started
    if unchanged:
        return Reading(source, UNCHANGED, data, now, notes, seconds, translations, tuple(copies))
    if seconds > SLOW_SECONDS:
        return Reading(
            source,
            SLOW,
            data,
            now,
            "; ".join(filter(None, (f"svarade först efter {seconds:.0f} sekunder", notes))),
            seconds,
            translations,
            tuple(copies),
        )
    return Reading(source, READ, data, now, notes, seconds, translations, tuple(copies))


def keep(cache: Cache, reading: Reading) -> None:
    """The copies a reading was made from become the source's last good ones: called once the index's model was made
    from them, so that data that passes the schema but cannot be shown is never kept to stand in later."""
    for source, body, meta in reading.copies:
        cache.put(source, body, meta)


def _read(
    source: Source, location: str, cached: tuple[bytes, dict[str, str]] | None, timeout: float
) -> tuple[dict[str, Any], bytes, dict[str, str], bool]:
    """The data at location, valid, with the body to keep, what the server said of its version, and whether it was unchanged."""
    if not source.remote:
        body = _local(Path(location))
        return _valid(body), body, {}, False
    body, meta, unchanged = _fetch(location, cached[1] if cached else {}, timeout)
    if unchanged and cached:
        try:
            return _valid(cached[0]), cached[0], meta, True
        except _Refused:
            # The copy kept no longer passes (this engine reads its format differently): the whole file is asked for again.
            body, meta, unchanged = _fetch(location, {}, timeout)
    return _valid(body), body, meta, unchanged


def _kept(cached: tuple[bytes, dict[str, str]] | None) -> dict[str, Any] | None:
    """The cached copy's data, if it is still valid (an engine upgrade may read formats differently)."""
    if cached is None:
        return None
    try:
        return _valid(cached[0])
    except _Refused:
        return None


def _translations(
    source: Source,
    data: dict[str, Any],
    cache: Cache,
    base: Path,
    now: datetime,
    timeout: float,
    languages: tuple[str, ...],
    copies: list[tuple[Source, bytes, dict[str, str]]],
) -> tuple[dict[str, dict[str, Any]], str]:
    """The site's data in each of the languages it has besides its own, and what was wrong with any that could not be used.

    A language the site does not have is no problem; one that cannot be read now keeps its last good copy."""
    found: dict[str, dict[str, Any]] = {}
    notes = []
    for code in languages:
        if code == data["language"]:
            continue
        in_language = source.in_language(code)
        cached = cache.get(in_language)
        try:
            translated, body, meta, _unchanged = _read(source, source.data_location(base, code), cached, timeout)
        except _Missing:
            continue
        except (_Unreachable, _Refused) as problem:
            kept = _kept(cached)
            if kept is not None:
                found[code] = kept
            notes.append(f"data på språket {code}: {problem}")
            continue
        if not _matching(data, {code: translated}):
            notes.append(f"data på språket {code}: gäller inte samma område och språk (area och language)")
            continue
        copies.append((in_language, body, {**meta, "read_at": now.isoformat()}))
        found[code] = translated
    return _matching(data, found), "; ".join(notes)


def _matching(data: dict[str, Any], translations: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The translations that are of the same area, each in the language it is filed under."""
    return {
        code: t for code, t in translations.items() if t.get("area") == data.get("area") and t.get("language") == code
    }


def _read_at(meta: dict[str, str]) -> datetime | None:
    try:
        return datetime.fromisoformat(meta["read_at"]).astimezone(TIMEZONE)
    except (KeyError, ValueError, TypeError):
        return None


def _local(path: Path) -> bytes:
    try:
        if path.stat().st_size > MOST_BYTES:
            raise _Refused(f"filen är större än {MOST_BYTES // 1_000_000} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise _Missing(f"{at.ALL_DATA} finns inte i mappen (är sajten byggd?)") from None
    except OSError as exc:
        raise _Unreachable(f"kan inte läsas ({exc.strerror})") from None


def _fetch(url: str, meta: dict[str, str], timeout: float) -> tuple[bytes, dict[str, str], bool]:
    """The body, the validators the server gave (ETag, Last-Modified), and whether it said the copy is unchanged (304).
    A failure of the network or of the server is tried again; a refusal, a missing file or a server that drips is not."""
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "gzip"}
    if meta.get("etag"):
        headers["If-None-Match"] = meta["etag"]
    if meta.get("last_modified"):
        headers["If-Modified-Since"] = meta["last_modified"]
    pause = RETRY_PAUSE_SECONDS
    for attempt in range(RETRIES + 1):
        try:
            answer = outbound.call(
                url,
                headers=headers,
                timeout=timeout,
                deadline=max(DEADLINE_SECONDS, timeout),
                most_bytes=MOST_BYTES,
                not_modified=True,
            )
        except outbound.CallFailed as failed:
            if failed.kind == outbound.MISSING:
                raise _Missing(failed.reason) from None
            if failed.kind == outbound.REFUSED:
                raise _Refused(failed.reason) from None
            if failed.kind == outbound.TOO_SLOW:
                raise _Unreachable(failed.reason) from None
            if attempt == RETRIES:
                tries = "" if failed.status is not None else f", {RETRIES + 1} försök"
                raise _Unreachable(failed.reason + tries) from None
            time.sleep(pause)
            pause *= 2
            continue
        if answer.status == 304:
            return b"", meta, True
        said = {"etag": answer.headers.get("ETag") or "", "last_modified": answer.headers.get("Last-Modified") or ""}
        return answer.body, {key: str(value) for key, value in said.items() if value}, False
    raise AssertionError("unreachable")  # the loop returns or raises


def _valid(body: bytes) -> dict[str, Any]:
    """The data, if it is JSON that follows the schema of the content format it declares; else _Refused with the reason."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _Refused(f"är inte JSON ({str(exc)[:200]})") from None
    except RecursionError:
        raise _Refused("är för djupt nästlad för att vara en sajts data") from None
    if not isinstance(data, dict):
        raise _Refused("är inte ett JSON-objekt med sajtens data")
    declared = data.get("format")
    if declared not in versions.READS or isinstance(declared, bool):
        readable = ", ".join(map(str, versions.READS))
        raise _Refused(
            f"anger innehållsformat {json.dumps(declared)}, men indexet läser format {readable} (uppgradera sajtens motor, eller indexets)"
        )
    try:
        error = jsonschema.exceptions.best_match(_validator(declared).iter_errors(data))
    except RecursionError:
        raise _Refused("är för djupt nästlad för att vara en sajts data") from None
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(hela filen)"
        raise _Refused(f"följer inte JSON Schema för format {declared}: {where}: {error.message[:300]}")
    if data.get("area") is None:
        raise _Refused("säger inte vilket område löftet gäller (extra.area i sajtens mkdocs.yml saknas)")
    language = data["language"]
    if not LANGUAGE.match(language) or not known_language(language):
        raise _Refused(f"language: '{language[:20]}' är ingen språkkod (förväntade t.ex. sv)")
    days = [("periods", p, key) for p in data["periods"] for key in ("start", "end")]
    days += [("history", entry, "date") for c in data["commitments"] for entry in c.get("history") or ()]
    for where, item, key in days:
        try:
            date.fromisoformat(item[key])
        except ValueError:
            raise _Refused(f"{where}: {key} '{item[key][:40]}' är inget datum (förväntade ÅÅÅÅ-MM-DD)") from None
    for update in data["updates"]:
        try:
            moment = datetime.fromisoformat(update["date"])
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise _Refused(
                f"updates: date '{update['date'][:40]}' är ingen tidpunkt med tidszon (förväntade ÅÅÅÅ-MM-DDTHH:MM:SS+01:00)"
            ) from None
    area = data["area"]
    if area["county_code"] not in COUNTIES or not area["municipality_code"].startswith(area["county_code"]):
        raise _Refused(
            f"area: länskoden '{area['county_code'][:10]}' och kommunkoden '{area['municipality_code'][:10]}' är inte SCB:s "
            "(förväntade en länskod som finns, och en kommunkod som börjar med den)"
        )
    # Every address is a link on the index's pages and in its feeds: a web address, or the data is not used at all.
    addresses = [("site/url", data["site"].get("url"))] + [
        (f"{kind}/{n}/url", item["url"]) for kind in ("commitments", "updates") for n, item in enumerate(data[kind])
    ]
    for where, address in addresses:
        if not isinstance(address, str) or not _WEB_ADDRESS.match(address):
            raise _Refused(
                f"{where}: {json.dumps(address, ensure_ascii=False)[:200]} är ingen webbadress (förväntade https://…)"
            )
    return _needed(data)


# What the index shows of an area's data; the rest (the letters' texts, the indicators, the promise's background …) is
# on the area's own site, and a thousand areas' whole data would be most of the index's memory.
_NEEDED = {
    "periods": ("id", "title", "start", "end"),
    "actors": ("id", "name"),
    "commitments": ("id", "period", "title", "description", "actors", "history", "continues", "example", "url"),
    "updates": ("id", "kind", "title", "summary", "date", "example", "draft", "url"),
}


def _needed(data: dict[str, Any]) -> dict[str, Any]:
    kept = {key: data[key] for key in ("site", "area", "engine", "format", "language", "untranslated")}
    kept.update({part: [{key: item.get(key) for key in keys} for item in data[part]] for part, keys in _NEEDED.items()})
    return kept


_WEB_ADDRESS = re.compile(r"^https?://[^\s/?#<>\\\"'()\[\]]+(?:[/?#][^\s<>\\\"'()\[\]]*)?$")


_VALIDATORS: dict[int, Any] = {}


def _validator(declared: int) -> Any:
    if declared not in _VALIDATORS:
        schema = json.loads(
            resources.files(__package__).joinpath("formats", f"{declared}.schema.json").read_text(encoding="utf-8")
        )
        _VALIDATORS[declared] = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
    return _VALIDATORS[declared]


def format_schema_path(declared: int) -> Path:
    """The JSON Schema of an area's open data in a content format, as the engine ships it."""
    return Path(__file__).parent / "formats" / f"{declared}.schema.json"
