"""The national index: built from local area sites and synthetic ones served on 127.0.0.1, with one source down, one
invalid and one slow; then read as a resident, a journalist and the index's maintainer would."""

from __future__ import annotations

import csv
import functools
import html as html_text
import http.server
import io
import json
import re
import subprocess
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import ClassVar

import feedparser
import jsonschema
import lxml.html
import pytest
from playwright.sync_api import Browser

from medborgarlofte import addresses as at
from medborgarlofte import versions
from medborgarlofte.commands.index import build_index
from medborgarlofte.national import sources
from medborgarlofte.national.model import IndexedCommitment, IndexedPeriod, renewal
from medborgarlofte.structure import TIMEZONE

from .conftest import built_once, free_port, run_script, served, tree_digest
from .synthetic_areas import area_data, write_area, write_areas
from .test_browser import REPORT, VNU, Visit, searched, visitor

pytestmark = pytest.mark.xdist_group("national-index")

FIRST_RUN = datetime(2026, 11, 24, 9, 0, tzinfo=TIMEZONE)
SECOND_RUN = datetime(2026, 11, 25, 9, 0, tzinfo=TIMEZONE)
TIMEOUT = 1.0  # the slow source takes longer than this on the second run
INDEX_PATH = "medborgarlofte-index"  # the path of the index's address (its mkdocs.yml's site_url)
LANGUAGES = ("", "en/", "ar/")
ATOM = "{http://www.w3.org/2005/Atom}"
# A title with what a person may type: Arabic, an emoji, a combining mark and an astral letter, and markup that must stay text.
ODD_TITLE = "Trygg väg 🚦 till skolan, مالمو, e\u0301, 𝕏 <b>fet</b> *inte*"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """A folder of area sites: the standard library's server answers If-Modified-Since with 304. Under /langsam/, each
    answer waits delay seconds first, as an overloaded site does."""

    delay: ClassVar[float] = 0.0
    conditional: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        if self.headers.get("If-Modified-Since"):
            self.conditional.append(self.path)
        if self.path.startswith("/langsam/"):
            time.sleep(self.delay)
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def _served(folder: Path) -> Iterator[tuple[int, type[_Handler]]]:
    handler = type("Handler", (_Handler,), {"delay": 0.0, "conditional": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_port, handler
    finally:
        server.shutdown()
        server.server_close()


def _make(default_site: Path, second_site: Path):
    def make(folder: Path) -> None:
        template = json.loads((default_site / at.ALL_DATA).read_text(encoding="utf-8"))
        served = folder / "served"
        write_areas(served, template, 6)
        write_area(served / "langsam", area_data(template, 40, renewed=False, name="Långsamma området"))
        odd = area_data(template, 41, renewed=True, name="Udda området")
        odd["commitments"][5]["title"] = ODD_TITLE  # not one of those the renewal keeps
        write_area(folder / "local" / "udda", odd)
        broken = area_data(template, 42, renewed=False, name="Trasiga området")
        broken["area"]["municipality_code"] = "12a"
        write_area(folder / "local" / "trasig", broken)
        with _served(served) as (port, handler):
            lines = [
                "# Områdenas sajter, en per rad",
                str(default_site),
                str(second_site),
                "local/udda",
                "local/trasig",
                f"http://127.0.0.1:{free_port()}/nere/",
                f"http://127.0.0.1:{port}/langsam/",
                *(f"http://127.0.0.1:{port}/omrade-{n}/" for n in range(6)),
            ]
            (folder / "kallor.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            first = build_index(folder / "kallor.txt", folder / "first", folder / "work", FIRST_RUN, timeout=TIMEOUT)
            handler.delay = TIMEOUT * 2
            second = build_index(
                folder / "kallor.txt", folder / "www" / INDEX_PATH, folder / "work", SECOND_RUN, timeout=TIMEOUT
            )
            (folder / "runs.json").write_text(
                json.dumps(
                    {
                        "first": [report.state for report in first.reports],
                        "second": [report.state for report in second.reports],
                        "problems": [report.problem for report in second.reports],
                        "conditional": sorted(set(handler.conditional)),
                        "sources": lines[1:],
                    }
                ),
                encoding="utf-8",
            )

    return make


@pytest.fixture(scope="module")
def built(shared: Path, default_site: Path, second_site: Path) -> Path:
    return built_once(shared, "national-index", _make(default_site, second_site))


@pytest.fixture(scope="module")
def www(built: Path) -> Path:
    """The index's own folder, under the path of its address, as a server serves it."""
    return built / "www" / INDEX_PATH


@pytest.fixture(scope="module")
def index_url(built: Path) -> Iterator[str]:
    with served(built / "www") as port:
        yield f"http://127.0.0.1:{port}/{INDEX_PATH}/"


@pytest.fixture(scope="module")
def visit(browser: Browser, index_url: str) -> Iterator[Callable[[str], Visit]]:
    with visitor(browser, index_url) as load:
        yield load


@pytest.fixture(scope="module")
def runs(built: Path) -> dict:
    return json.loads((built / "runs.json").read_text(encoding="utf-8"))


def _text(www: Path, page: str) -> str:
    tree = lxml.html.fromstring((www / page / "index.html").read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", tree.xpath("//article")[0].text_content())


def _links(www: Path, page: str) -> list[str]:
    return lxml.html.fromstring((www / page / "index.html").read_text(encoding="utf-8")).xpath("//article//a/@href")


def test_every_source_is_read_or_reported_with_its_reason(runs: dict) -> None:
    """The default site, the second promise and the synthetic areas are read; the one down and the invalid one are
    reported; the slow one is read the first time and, too slow the second, kept from its last good copy."""
    assert runs["first"] == ["read", "read", "read", "failed", "failed", "read"] + ["read"] * 6
    assert runs["second"] == ["read", "read", "read", "failed", "failed", "stale"] + ["unchanged"] * 6
    down, slow = runs["problems"][4], runs["problems"][5]
    assert runs["problems"][3].startswith(
        "följer inte JSON Schema för format 1: area/municipality_code: '12a' does not match"
    )
    assert down.startswith("gick inte att nå (") and down.endswith(", 3 försök")
    assert slow == "svarade inte inom 1 sekunder, 3 försök"
    # The synthetic areas were asked for again with the day of the copy read before, and answered that nothing had changed.
    assert {f"/omrade-{n}/{at.page_address(at.ALL_DATA)}" for n in range(6)} <= set(runs["conditional"])


def test_the_sources_page_and_data_say_what_became_of_each_source(www: Path, runs: dict) -> None:
    published = json.loads((www / at.INDEX_SOURCES_JSON).read_text(encoding="utf-8"))
    # A site's address as the sources file gives it; a folder by the address its site's data gives, never its path.
    shown = [entry["source"] for entry in published]
    assert [given for given in runs["sources"] if given.startswith("http")] == [
        source for source, given in zip(shown, runs["sources"], strict=True) if given.startswith("http")
    ]
    assert shown[:4] == [
        "https://example.github.io/medborgarlofte/",
        shown[1],
        "https://syntetiskt.example/omrade-41/",
        "",
    ] and shown[1].startswith("https://")
    assert not [source for source in shown if "/tmp" in source or source.startswith(("local", "/"))]
    assert (
        "/tmp/" not in _text(www, "lofte/kallor")
        and "local/udda" not in _text(www, "lofte/kallor")
        and "en mapp på rad 5 i källfilen" in _text(www, "lofte/kallor")
    )
    # The reference site's address is a placeholder: said, for its links back lead nowhere.
    assert published[0]["placeholder"] and "Sajtens adress är en platshållare" in _text(www, "lofte/kallor")
    assert [entry["state"] for entry in published] == runs["second"]
    slow = published[5]
    assert slow["read_at"] == FIRST_RUN.isoformat() and slow["area"]
    assert published[3]["area"] is None and published[4]["area"] is None
    text = _text(www, "lofte/kallor")
    assert "Kunde inte läsas: svarade inte inom 1 sekunder, 3 försök. Den senaste goda kopian används." in text
    assert "Kunde inte läsas: följer inte JSON Schema för format 1: area/municipality_code" in text
    assert "Området finns inte med den här gången." in text
    assert "Oförändrad sedan förra läsningen" in text
    english = _text(www, "en/lofte/kallor")
    assert (
        "Could not be read: svarade inte inom 1 sekunder, 3 försök (in Swedish). The last good copy is used." in english
    )


def test_a_slow_area_s_last_good_copy_is_used_and_says_its_day(www: Path) -> None:
    text = _text(www, _area_page(www, "Långsamma området"))
    assert "lästes 24 november 2026 klockan 09:00" in text
    assert "Sajten kunde inte läsas när indexet byggdes, så det här är den senaste goda kopian." in text
    listing = _listing_with(www, "Långsamma området")
    assert "Sajten kunde inte läsas nu; uppgifterna är från 24 november 2026." in listing


def _rows(www: Path) -> list[dict]:
    return json.loads((www / at.INDEX_COMMITMENTS_JSON).read_text(encoding="utf-8"))


def _area_page(www: Path, name: str, language: str = "") -> str:
    """The address of an area's page in the index, under www: as the data says it."""
    url = next(row["index_url"] for row in _rows(www) if row["area"] == name)
    return language + url.removeprefix("https://example.github.io/medborgarlofte-index/").rstrip("/")


def _listing_with(www: Path, name: str) -> str:
    """The text of the page of the list of areas that has the area."""
    for page in sorted((www / "lofte/omraden").glob("**/index.html")):
        text = _text(www, str(page.parent.relative_to(www)))
        if name in text:
            return text
    raise AssertionError(name)


def test_the_start_page_counts_promises_areas_and_commitments_and_how_the_latest_stood(www: Path) -> None:
    rows = _rows(www)
    areas = {row["index_url"] for row in rows}
    promises = {(row["index_url"], row["period"]) for row in rows}
    text = _text(www, "")
    assert f"Områden {len(areas)} " in text and len(areas) == 10
    assert f"Medborgarlöften (alla år) {len(promises)} " in text
    assert f"Åtaganden (alla år) {len(rows)} " in text
    # The status table counts each area's latest promise, and how many of those statuses are invented examples.
    table = lxml.html.fromstring((www / "index.html").read_text(encoding="utf-8")).xpath("//article//table")[1]
    counted = sum(
        int(cells[1]) for cells in ([c.text_content() for c in tr.xpath("td")] for tr in table.xpath(".//tr[td]"))
    )
    latest = {}
    for row in rows:
        if row["period_start"] <= SECOND_RUN.date().isoformat():
            latest[row["index_url"]] = max(latest.get(row["index_url"], ""), row["period_start"])
    assert counted == sum(1 for row in rows if row["period_start"] == latest[row["index_url"]])
    assert (
        "Varav exempel" in text
        and "1 källa kunde inte läsas" not in text
        and "3 källor kunde inte läsas som vanligt" in text
    )
    assert "Indexet byggdes 25 november 2026 klockan 09:00." in text


def test_each_county_and_municipality_has_its_page_by_its_official_code(www: Path) -> None:
    rows = _rows(www)
    for county in {row["county_code"] for row in rows}:
        names = {row["area"] for row in rows if row["county_code"] == county}
        page = _text(www, f"lofte/lan/{county}")
        assert f"Länskod {county}." in page
        assert all(name in page for name in names), county
    for municipality in {row["municipality_code"] for row in rows}:
        page = _text(www, f"lofte/kommun/{municipality}")
        assert f"Kommunkod {municipality}, i " in page
    assert "Norrby centrum" in _text(www, "lofte/lan/25") and "Norrbottens län" in _text(www, "lofte/kommun/2599")
    assert "Sofielund" in _text(www, "lofte/kommun/1280")


def test_the_list_of_areas_filters_by_how_the_latest_promise_stands_without_script(www: Path) -> None:
    sofielund = "../omrade/1280-sofielund/"
    assert sofielund in _links(www, "lofte/omraden")
    assert "../" + sofielund in _links(www, "lofte/omraden/har-slutat")
    assert "../" + sofielund not in _links(www, "lofte/omraden/galler-nu")
    assert "Löftet har slutat: 2 av 26 åtaganden var genomförda då." in _text(www, "lofte/omraden/har-slutat")
    running = _text(www, "lofte/omraden/galler-nu")
    assert "Löftet gäller nu:" in running and "Löftet har slutat" not in running


def test_a_renewed_promise_says_what_was_kept_reworded_dropped_and_added(www: Path) -> None:
    area = _text(www, _area_page(www, "Udda området"))
    assert (
        "Från Medborgarlöfte Sofielund 2022–2023 till Medborgarlöfte Sofielund 2022–2023 (förnyat): Behållna: 1. Omformulerade: 1. Borttagna: 24. Nya: 1."
        in area
    )
    text = _text(www, _area_page(www, "Udda området") + "/2022-2023-fornyat")
    assert "Från föregående löfte" in text and "Behållna: 1. Omformulerade: 1. Borttagna: 24. Nya: 1." in text
    assert "(enligt områdets data)" in text
    assert ", med nya ord (tidigare: " in text
    assert "Ett nytt åtagande om belysning i parken" in text
    assert "Från föregående löfte" not in _text(www, _area_page(www, "Udda området") + "/2022-2023")


def _commitment(id_: str, title: str, continues: str | None = None, description: str = "") -> IndexedCommitment:
    return IndexedCommitment(id_, title, description, (), (), continues, False, f"https://x.example/{id_}/")


def test_renewal_matches_by_the_area_s_links_first_and_then_by_text_and_says_which() -> None:
    earlier = IndexedPeriod(
        "a",
        "A",
        datetime(2022, 1, 1).date(),
        datetime(2022, 12, 31).date(),
        (
            _commitment("vandring", "Trygghetsvandringar varje vår"),
            _commitment("skola", "Polisen besöker skolorna"),
            _commitment("ljus", "Bättre belysning i parken"),
            _commitment("bort", "Ett åtagande som inte kom tillbaka"),
        ),
        "https://x.example/a/",
    )
    later = IndexedPeriod(
        "b",
        "B",
        datetime(2023, 1, 1).date(),
        datetime(2023, 12, 31).date(),
        (
            _commitment("vandring-2", "Trygghetsvandringar varje vår", continues="vandring"),
            _commitment("skola-2", "Polisen besöker skolorna varje termin", continues="skola"),
            _commitment("ljus-2", "Bättre belysning i parkerna"),
            _commitment("ny", "Något helt annat"),
        ),
        "https://x.example/b/",
    )
    found = renewal(earlier, later)
    assert [(e.id, c.id, linked) for e, c, linked in found.kept] == [("vandring", "vandring-2", True)]
    assert [(e.id, c.id, linked) for e, c, linked in found.reworded] == [
        ("skola", "skola-2", True),
        ("ljus", "ljus-2", False),
    ]
    assert [c.id for c in found.dropped] == ["bort"] and [c.id for c in found.added] == ["ny"]


def test_every_item_links_back_to_its_area_s_own_page(www: Path) -> None:
    rows = _rows(www)
    sofielund = [row for row in rows if row["area"] == "Sofielund"]
    links = _links(www, "lofte/omrade/1280-sofielund")
    assert "https://example.github.io/medborgarlofte/" in links
    assert all(row["url"] in links for row in sofielund)
    assert all(row["url"].startswith(row["area_url"]) for row in rows)


def test_invented_statuses_are_marked_as_examples_in_pages_feeds_and_data(www: Path) -> None:
    rows = [row for row in _rows(www) if row["area"] == "Sofielund"]
    assert all(row["status_example"] for row in rows if row["status"])
    page = (www / "lofte/omrade/1280-sofielund/index.html").read_text(encoding="utf-8")
    assert page.count('class="exempel"') >= len(rows)
    entries = feedparser.parse((www / at.feed(at.ALL_FEED, "rss")).read_text(encoding="utf-8")).entries
    changes = [entry.title for entry in entries if "Sofielund" in entry.title and "#status-" in entry.link]
    assert changes and all(title.startswith("Exempel: ") for title in changes)


def test_an_area_s_translations_are_shown_in_their_language_and_its_swedish_texts_are_marked_so(
    www: Path, default_site: Path
) -> None:
    """Sofielund's site has English and Arabic data: the index shows its translated texts as they are, and says of the
    rest that they are Swedish; the second promise has no English data, so each of its texts is marked Swedish."""
    english = json.loads((default_site / "en" / at.ALL_DATA).read_text(encoding="utf-8"))
    arabic = json.loads((default_site / "ar" / at.ALL_DATA).read_text(encoding="utf-8"))
    for language, data, said in (("en", english, "(in Swedish)"), ("ar", arabic, "(باللغة السويدية)")):
        page = (www / language / "lofte/omrade/1280-sofielund/index.html").read_text(encoding="utf-8")
        title = data["commitments"][0]["title"]
        assert f"<bdi>{title}</bdi>" in page and f'<span lang="sv" dir="ltr">{title}</span>' not in page
        assert f"{data['site']['url']}lofte/atagande/{data['commitments'][0]['id']}/" in _links(
            www, f"{language}/lofte/omrade/1280-sofielund"
        )
        norrby = (www / language / "lofte/omrade/2599-norrby-centrum/index.html").read_text(encoding="utf-8")
        assert '<span lang="sv" dir="ltr">' in norrby and said in norrby
        assert lxml.html.fromstring(page).get("lang") == language
        letters = [
            entry
            for entry in feedparser.parse((www / language / at.feed(at.county_feed("12"), "rss")).read_bytes()).entries
            if "/uppdatering/2022-05-informationsbrev-1/" in entry.link
        ]
        assert letters and html_text.unescape(letters[0].summary).endswith(said)
    rows = json.loads((www / "en" / at.INDEX_COMMITMENTS_JSON).read_text(encoding="utf-8"))
    first = next(
        row for row in rows if row["commitment"] == english["commitments"][0]["id"] and row["area"] == "Sofielund"
    )
    assert (first["title"], first["language"]) == (english["commitments"][0]["title"], "en")


def test_any_character_in_an_area_s_text_reaches_the_pages_the_feed_and_the_data_as_text(www: Path) -> None:
    assert ODD_TITLE in [row["title"] for row in _rows(www)]
    page = lxml.html.fromstring(
        (www / _area_page(www, "Udda området") / "2022-2023/index.html").read_text(encoding="utf-8")
    )
    assert ODD_TITLE in [link.text_content() for link in page.xpath("//article//a")]
    assert not page.xpath("//article//b")
    csv_text = (www / at.COMMITMENTS_CSV).read_text(encoding="utf-8-sig")
    assert ODD_TITLE in [row["title"] for row in csv.DictReader(io.StringIO(csv_text), delimiter=";")]


def test_the_combined_data_follows_its_schema_and_has_every_commitment_with_its_area(
    www: Path, default_site: Path
) -> None:
    rows = _rows(www)
    jsonschema.validate(rows, json.loads((www / at.INDEX_COMMITMENTS_SCHEMA).read_text(encoding="utf-8")))
    own = json.loads((default_site / at.ALL_DATA).read_text(encoding="utf-8"))
    sofielund = [row for row in rows if row["area"] == "Sofielund"]
    assert [row["commitment"] for row in sofielund] == [c["id"] for c in own["commitments"]]
    assert {row["county"] for row in sofielund} == {"Skåne län"} and {
        row["municipality_code"] for row in sofielund
    } == {"1280"}
    assert all(row["status_day"] == "2023-04-30" and row["period_ended"] for row in sofielund)
    table = list(csv.DictReader(io.StringIO((www / at.COMMITMENTS_CSV).read_text(encoding="utf-8-sig")), delimiter=";"))
    assert len(table) == len(rows) and table[0]["area"] == rows[0]["area"] and table[0]["period_ended"] in ("ja", "nej")
    stale = [row for row in rows if row["stale"]]
    assert stale and all(row["read_at"] == FIRST_RUN.isoformat() for row in stale)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_combined_feeds_follow_the_validator_rules(www: Path, language: str) -> None:
    site = f"https://example.github.io/medborgarlofte-index/{language}"
    paths = sorted((www / language / "lofte/flode").rglob("*.rss"))
    assert len(paths) >= 5  # every area's changes, and each county's
    for path in paths:
        channel = ET.fromstring(path.read_bytes()).find("channel")
        assert channel.findtext("title") and channel.findtext("description")
        assert channel.find(f"{ATOM}link[@rel='self']").get("href") == site + str(path.relative_to(www / language))
        dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in channel.findall("item")]
        assert dates == sorted(dates, reverse=True) and 0 < len(dates) <= 50
        for item in channel.findall("item"):
            assert item.findtext("guid") and item.findtext("title") and re.match(r"https?://", item.findtext("link"))
        atom = ET.fromstring(path.with_suffix(".atom").read_bytes())
        assert atom.findtext(f"{ATOM}id") and atom.find(f"{ATOM}author/{ATOM}name").text
        for entry in atom.findall(f"{ATOM}entry"):
            assert entry.findtext(f"{ATOM}summary") and entry.find(f"{ATOM}content").get("type") == "html"
        assert not feedparser.parse(path.read_bytes()).bozo
    names = {row["area"] for row in _rows(www) if row["county_code"] == "25"}
    county = feedparser.parse((www / at.feed(at.county_feed("25"), "rss")).read_bytes())
    assert county.entries and all(any(name in entry.title for name in names) for entry in county.entries)
    assert any("Norrby centrum" in entry.title for entry in county.entries)


def test_search_indexes_every_language_of_the_index(www: Path) -> None:
    entry = json.loads((www / at.SEARCH_FOLDER / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"sv", "en", "ar"}
    assert all(language["page_count"] > 20 for language in entry["languages"].values())


def test_every_listing_page_is_under_100_kb(www: Path) -> None:
    largest = max((page.stat().st_size, str(page)) for page in www.rglob("*.html"))
    assert largest[0] < 100_000, largest


def test_the_same_sources_give_the_same_files(
    built: Path, tmp_path: Path, default_site: Path, second_site: Path
) -> None:
    (tmp_path / "kallor.txt").write_text(f"{default_site}\n{second_site}\n", encoding="utf-8")
    build_index(tmp_path / "kallor.txt", tmp_path / "a", tmp_path / "work-a", SECOND_RUN)
    build_index(tmp_path / "kallor.txt", tmp_path / "b", tmp_path / "work-b", SECOND_RUN)
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")


def test_the_command_builds_the_index_and_summarises_the_sources(tmp_path: Path, default_site: Path) -> None:
    summary = tmp_path / "summary.md"
    (tmp_path / "kallor.txt").write_text(f"{default_site}\nsaknas\n", encoding="utf-8")
    result = run_script(
        "index",
        "--sources",
        str(tmp_path / "kallor.txt"),
        "--out",
        str(tmp_path / "ut"),
        "--work",
        str(tmp_path / "arbete"),
        "--format",
        "github",
        cwd=tmp_path,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 0, result.stderr
    assert "1 område, 1 löfte, 26 åtaganden." in result.stdout
    assert "Källor: 1 lästa, 1 kunde inte läsas." in result.stdout
    assert (
        "varning: indexet är byggt för platshållaradressen https://example.github.io/medborgarlofte-index/; ange adressen det publiceras på med --site-url"
        in result.stdout
    )
    assert (
        f"::error file={tmp_path / 'kallor.txt'},line=2,title=saknas::lofte/data/medborgarlofte.json finns inte i mappen (är sajten byggd?)"
        in result.stdout
    )
    assert "| 2 | saknas | kunde inte läsas |" in summary.read_text(encoding="utf-8")
    assert (tmp_path / "ut" / "lofte/omrade/1280-sofielund/index.html").exists()


def test_a_sources_file_with_a_mistake_is_refused_with_its_line_and_the_last_index_stays(tmp_path: Path) -> None:
    (tmp_path / "ut").mkdir()
    (tmp_path / "ut" / "index.html").write_text("det förra indexet", encoding="utf-8")
    (tmp_path / "kallor.txt").write_text("https://a.example/\nftp://b.example/\nhttps://a.example/\n", encoding="utf-8")
    result = run_script("index", "--sources", str(tmp_path / "kallor.txt"), "--out", str(tmp_path / "ut"), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path / 'kallor.txt'}:2: källa: fick 'ftp://b.example/'" in result.stderr
    assert f"{tmp_path / 'kallor.txt'}:3: källa: 'https://a.example/' står redan på rad 1" in result.stderr
    assert (tmp_path / "ut" / "index.html").read_text(encoding="utf-8") == "det förra indexet"


def test_a_format_the_index_does_not_read_is_refused_with_the_reason(tmp_path: Path, default_site: Path) -> None:
    data = json.loads((default_site / at.ALL_DATA).read_text(encoding="utf-8"))
    write_area(tmp_path / "ny", {**data, "format": 99})
    reading = sources.read_one(sources.Source("ny", 1), sources.Cache(tmp_path / "cache"), tmp_path, SECOND_RUN)
    assert reading.state == sources.FAILED
    assert (
        reading.problem
        == "anger innehållsformat 99, men indexet läser format 1 (uppgradera sajtens motor, eller indexets)"
    )


def test_the_index_checks_each_area_by_the_schema_of_the_open_data_this_engine_publishes() -> None:
    """Data of the current format that an area's site writes is data the index reads: the shipped schema is the one its
    open data follows. A change that an index of this format could not read is a new content format (CHANGELOG.md)."""
    from scripts.open_data_schema import schema_text

    shipped = sources.format_schema_path(versions.FORMAT).read_text(encoding="utf-8")
    assert shipped == schema_text(), "if intended, run: .venv/bin/python scripts/open_data_schema.py"


# Each kind of page the index has, in each language.
PAGE_TYPES = [
    "",
    "lofte/omraden/",
    "lofte/omraden/har-slutat/",
    "lofte/lan/",
    "lofte/lan/12/",
    "lofte/kommun/1280/",
    "lofte/omrade/1280-sofielund/",
    "lofte/omrade/1280-sofielund/2022-2023/",
    "lofte/kallor/",
    "lofte/folj/",
    "tillganglighet/",
    "integritet/",
    "404.html",
]
EVERY_PAGE_TYPE = [
    pytest.param(
        language + path, marks=pytest.mark.xdist_group(f"index-page:{language}{path}"), id=language + path or "start"
    )
    for language in LANGUAGES
    for path in PAGE_TYPES
]


def test_every_page_of_the_index_passes_the_nu_html_checker(www: Path) -> None:
    pages = sorted(www.rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [
        f"{m.get('url', '').rsplit(INDEX_PATH, 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stderr)["messages"]
    ]
    assert len(pages) > 80
    assert not errors, "\n".join(errors[:20])


@pytest.mark.parametrize("path", EVERY_PAGE_TYPE)
def test_each_kind_of_index_page_has_no_wcag_violations_at_a_phone_s_and_a_desktop_s_width(
    visit: Callable[[str], Visit], path: str
) -> None:
    seen = visit(path)
    assert seen.violations == {"phone": [], "desktop": []}


@pytest.mark.parametrize("path", EVERY_PAGE_TYPE)
def test_each_kind_of_index_page_asks_nothing_of_another_site_sets_no_cookie_and_misses_nothing(
    visit: Callable[[str], Visit], index_url: str, path: str
) -> None:
    seen = visit(path)
    assert [
        url for url in seen.requested if not url.startswith(index_url) and not url.startswith(("data:", "blob:"))
    ] == []
    assert seen.cookies == [] and seen.script_cookie == ""
    assert seen.problems == []
    assert len(seen.footer_links) >= 2


@pytest.mark.parametrize(
    ("language", "word", "found"),
    [("", "Sofielund", "Sofielund"), ("en/", "Norrby", "Norrby centrum"), ("ar/", "Norrby", "Norrby centrum")],
)
def test_search_finds_an_area_across_the_index_in_each_language(
    browser: Browser, index_url: str, language: str, word: str, found: str
) -> None:
    page = browser.new_page()
    page.goto(index_url + language)
    assert found in searched(page, word)
    page.close()


def test_the_index_is_built_for_the_address_it_is_published_at(tmp_path: Path, default_site: Path) -> None:
    (tmp_path / "kallor.txt").write_text(f"{default_site}\n", encoding="utf-8")
    build_index(
        tmp_path / "kallor.txt",
        tmp_path / "ut",
        tmp_path / "arbete",
        SECOND_RUN,
        site_url="https://loften.kommunerna.se/index/",
    )
    channel = ET.fromstring((tmp_path / "ut" / at.feed(at.ALL_FEED, "rss")).read_bytes()).find("channel")
    assert (
        channel.find(f"{ATOM}link[@rel='self']").get("href")
        == "https://loften.kommunerna.se/index/lofte/flode/alla.rss"
    )
    rows = json.loads((tmp_path / "ut" / "en" / at.INDEX_COMMITMENTS_JSON).read_text(encoding="utf-8"))
    assert rows[0]["index_url"] == "https://loften.kommunerna.se/index/en/lofte/omrade/1280-sofielund/"


def test_one_site_under_two_lines_of_the_sources_file_is_one_area(tmp_path: Path, default_site: Path) -> None:
    (tmp_path / "kallor.txt").write_text(f"{default_site}\n{default_site}/\n", encoding="utf-8")
    index = build_index(tmp_path / "kallor.txt", tmp_path / "ut", tmp_path / "arbete", SECOND_RUN)
    assert [area.slug for area in index.areas] == ["1280-sofielund"]
    assert [report.problem for report in index.reports] == ["", "samma område och sajt som rad 1: visas en gång"]
    assert "Läst; samma område och sajt som rad 1: visas en gång" in _text(tmp_path / "ut", "lofte/kallor")


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_the_arabic_index_reads_right_to_left(browser: Browser, index_url: str, width: int) -> None:
    """The start page's tables and bars start at the right, as do an area's page and its promises; screenshots in test-report/."""
    REPORT.mkdir(exist_ok=True)
    name = "phone" if width < 600 else "desktop"
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(index_url + "ar/")
    assert page.evaluate(
        "[document.documentElement.dir, getComputedStyle(document.querySelector('article')).direction]"
    ) == ["rtl", "rtl"]
    headers = page.locator("article table").nth(1).locator("th")
    first, second = headers.nth(0).bounding_box(), headers.nth(1).bounding_box()
    assert first and second and first["x"] > second["x"], "the first column is at the right"
    bar, filled = page.locator(".bar").first.bounding_box(), page.locator(".bar > span").first.bounding_box()
    assert bar and filled and abs((bar["x"] + bar["width"]) - (filled["x"] + filled["width"])) < 2, (
        "a bar fills from the right"
    )
    page.screenshot(path=str(REPORT / f"index-ar-start-{name}.png"), full_page=True)
    page.goto(index_url + "ar/lofte/omrade/1280-sofielund/")
    article, heading = page.locator("article").bounding_box(), page.locator("article h1").bounding_box()
    assert article and heading and abs((article["x"] + article["width"]) - (heading["x"] + heading["width"])) < 40, (
        "the title starts at the right"
    )
    assert "وعد المواطنين سوفيلوند 2022–2023" in page.locator("article").inner_text()
    page.screenshot(path=str(REPORT / f"index-ar-area-{name}.png"), full_page=True)
    page.close()


def test_every_total_of_the_index_says_how_much_of_it_is_invented(www: Path) -> None:
    start = lxml.html.fromstring((www / "index.html").read_text(encoding="utf-8"))
    headers = [
        [cell.text_content().strip() for cell in table.xpath(".//th")] for table in start.xpath("//article//table")
    ]
    assert ["Län", "Områden", "Åtaganden i de senaste löftena", "Genomförda", "Varav exempel"] in headers
    assert ["Status", "Antal åtaganden", "Varav exempel", "Andel"] in headers
    assert "I staplarna är den ljusa, streckade delen påhittade exempel." in start.text_content()
    # Every promise is said to be invented where its statuses all are, or how many of those done are.
    area = _text(www, _area_page(www, "Sofielund"))
    assert "Alla statusar är påhittade exempel." in area or "Av de genomförda är" in area
