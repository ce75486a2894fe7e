"""Feeds, calendar and open data, as journalists and re-users read them."""

from __future__ import annotations

import csv
import html as html_text
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
import xml.etree.ElementTree as ElementTree
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest

from medborgarlofte import translated
from medborgarlofte.bidi import isolated
from medborgarlofte.commands.build import build
from medborgarlofte.commands.new import letter_digest
from medborgarlofte.contents import load, published
from medborgarlofte.generators import generate
from medborgarlofte.settings import in_language, read_settings

from .conftest import ROOT, SAMPLE, edit, make_content, make_project
from .test_build import build_sample, html

SETTINGS = read_settings(ROOT / "mkdocs.yml")
TODAY = date(2022, 10, 1)
ATOM = "{http://www.w3.org/2005/Atom}"


def generated(content_dir: Path = SAMPLE, today: date = TODAY) -> dict[str, str]:
    return generate(published(load(content_dir), today), SETTINGS, today)


FILES = generated()
FEEDS = sorted(path for path in FILES if path.endswith((".rss", ".atom")))


def test_every_feed_kind_exists() -> None:
    names = {path.rsplit(".", 1)[0] for path in FEEDS}
    for name in (
        "flode/alla",
        "flode/statusandringar",
        "flode/informationsbrev",
        "flode/medborgardialoger",
        "flode/nyheter",
        "flode/uppfoljning",
        "flode/aktor/polisen",
        "flode/atagande/polisen-narvaro",
        "flode/tema/trafik",
    ):
        assert name in names, name
    assert len(FEEDS) == 2 * len(names)


@pytest.mark.parametrize("path", FEEDS)
def test_feed_parses_cleanly(path: str) -> None:
    parsed = feedparser.parse(FILES[path].encode("utf-8"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title


MARKUP = (
    'Sofielund\'s "A&B" <b>fet</b> & 1<2'  # an apostrophe, an ampersand, a tag and quotes: each must arrive as itself
)


def _yaml_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _shown_as_html(element: ElementTree.Element) -> bool:
    """What feed readers show as HTML: RSS descriptions and content, and Atom's summaries and content of type html."""
    return (
        element.tag in ("description", "{http://purl.org/rss/1.0/modules/content/}encoded")
        or element.get("type") == "html"
    )


def test_feed_texts_are_escaped_exactly_once_in_every_feed_and_language(tmp_path: Path) -> None:
    title, actor, theme, note = (f"{what} {MARKUP}" for what in ("Blomlådor", "Kommunen", "Närvaro", "Notering"))
    changes = {
        **edit(
            "commitments/kommunen-blomlador.yaml", "title: Blomlådor som trafikdämpare", f"title: {_yaml_quoted(title)}"
        ),
        **edit("actors.yaml", "name: Exempelstads kommun", f"name: {_yaml_quoted(actor)}"),
        **edit("themes.yaml", "name: Närvaro", f"name: {_yaml_quoted(theme)}"),
        **edit("commitments/polisen-narvaro.yaml", "note: Närvaron har börjat.", f"note: {_yaml_quoted(note)}"),
        "translations/en/commitments/kommunen-blomlador.yaml": f"title: {_yaml_quoted('Flower boxes ' + MARKUP)}\ndescription: Lent out.\n",
    }
    content = published(load(make_content(tmp_path, changes)), TODAY)
    read = 0
    for language in SETTINGS.languages:
        site = in_language(SETTINGS, language.code)
        files = generate(translated.in_language(content, site.language), site, TODAY)
        shown_title = "Flower boxes " + MARKUP if site.language == "en" else title
        expected = {
            "flode/atagande/kommunen-blomlador": shown_title,
            "flode/aktor/kommunen": actor,
            "flode/tema/narvaro": theme,
        }
        for path in (p for p in files if p.endswith((".rss", ".atom"))):
            # No element of the feed, the channel's own included, holds a text escaped twice: what a reader shows as
            # HTML has its entities resolved once, the rest is text as it is.
            for element in ElementTree.fromstring(files[path].encode("utf-8")).iter():
                shown = html_text.unescape(element.text or "") if _shown_as_html(element) else element.text or ""
                assert not re.search(r"&(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);", shown), (
                    language.code,
                    path,
                    element.tag,
                    shown,
                )
            # A channel's description is a sentence: an apostrophe or a quote in a name is written as itself, not as an
            # entity that a validator takes for markup ("description should not contain HTML").
            channel = ElementTree.fromstring(files[path].encode("utf-8")).find("channel/description")
            assert channel is None or "&#" not in (channel.text or ""), (language.code, path, channel.text)
            parsed = feedparser.parse(files[path])
            details = [parsed.feed.title_detail, parsed.feed.subtitle_detail]
            details += [d for entry in parsed.entries for d in (entry.title_detail, entry.summary_detail)]
            # As a reader shows each: text as it is, HTML with its entities resolved.
            texts = [html_text.unescape(d.value) if d.type == "text/html" else d.value for d in details]
            for text in texts:
                assert not re.search(r"&(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);", text), (language.code, path, text)
            read += len(texts)
            name = path.rsplit(".", 1)[0]
            if name in expected:
                # Each text from content isolated from the words beside it (FSI…PDI) where it needs to be, and otherwise exactly as written.
                assert (
                    texts[0] == f"{isolated(expected[name], site.language)} – {isolated(site.name, site.language)}"
                ), (language.code, path)
                assert texts[1].endswith(f" {isolated(expected[name], site.language)}."), (
                    language.code,
                    path,
                    texts[1],
                )
            if name == "flode/atagande/polisen-narvaro":
                assert any(f" {isolated(note, site.language)} " in text for text in texts), (language.code, path)
    assert read > 400  # every feed of three languages: titles, descriptions and each entry's title and summary


def _absolute(url: str) -> bool:
    return re.match(r"https?://[^/]+/", url) is not None


@pytest.mark.parametrize("path", [p for p in FEEDS if p.endswith(".rss")])
def test_rss_follows_the_validator_rules(path: str) -> None:
    channel = ET.fromstring(FILES[path].encode("utf-8")).find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    assert _absolute(channel.findtext("link"))
    self_link = channel.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == f"{SETTINGS.url}lofte/{path}"
    items = channel.findall("item")
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert all(d.tzinfo for d in dates)
    assert dates == sorted(dates, reverse=True)
    for item in items:
        assert item.findtext("guid") and item.findtext("title") and item.findtext("description")
        assert _absolute(item.findtext("link"))
        content = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
        assert all(_absolute(href) for href in re.findall(r'href="([^"]*)"', content))
    if items:
        assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == dates[0]


@pytest.mark.parametrize("path", [p for p in FEEDS if p.endswith(".atom")])
def test_atom_follows_the_validator_rules(path: str) -> None:
    feed = ET.fromstring(FILES[path].encode("utf-8"))
    assert feed.findtext(f"{ATOM}id") and feed.findtext(f"{ATOM}title")
    assert feed.find(f"{ATOM}author/{ATOM}name").text == SETTINGS.name
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{SETTINGS.url}lofte/{path}"
    updated = datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))
    for entry in feed.findall(f"{ATOM}entry"):
        assert entry.findtext(f"{ATOM}id") and entry.findtext(f"{ATOM}title") and entry.findtext(f"{ATOM}summary")
        assert entry.find(f"{ATOM}author/{ATOM}name").text
        assert _absolute(entry.find(f"{ATOM}link").get("href"))
        assert entry.find(f"{ATOM}content").get("type") == "html"
        assert datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) <= updated


def test_status_change_is_an_item_linking_to_its_entry() -> None:
    parsed = feedparser.parse(FILES["flode/atagande/polisen-narvaro.rss"])
    titles = [entry.title for entry in parsed.entries]
    assert titles[0] == "Informationsbrev 1"
    assert "Regelbunden närvaro: löpande" in titles and "Regelbunden närvaro: planerad" in titles
    change = next(e for e in parsed.entries if e.title == "Regelbunden närvaro: löpande")
    assert change.link.endswith("/lofte/atagande/polisen-narvaro/#status-2022-05-01-lopande")
    assert "tidigare planerad" in change.summary


def test_status_anchor_exists_on_the_page(tmp_path: Path) -> None:
    page = html(build_sample(tmp_path), "lofte/atagande/polisen-narvaro")
    assert 'id="status-2022-05-01-lopande"' in page
    assert 'type="application/rss+xml"' in page and "flode/atagande/polisen-narvaro.rss" in page


def test_guids_survive_edits_to_text(tmp_path: Path) -> None:
    text = (
        (SAMPLE / "commitments/polisen-narvaro.yaml")
        .read_text(encoding="utf-8")
        .replace("Närvaron har börjat.", "Närvaron började i maj.")
    )
    text = text.replace("title: Regelbunden närvaro", "title: Regelbunden polisiär närvaro")
    edited = generated(make_content(tmp_path, {"commitments/polisen-narvaro.yaml": text}))
    guids = lambda files: [e.id for e in feedparser.parse(files["flode/alla.rss"]).entries]  # noqa: E731
    assert guids(edited) == guids(FILES)


def test_feeds_do_not_depend_on_the_clock() -> None:
    later = generated(today=date(2022, 10, 20))
    assert all(later[path] == FILES[path] for path in FEEDS)


def test_feed_size_is_bounded(tmp_path: Path) -> None:
    history = "".join(
        f"  - date: 2022-{4 + n // 28:02d}-{1 + n % 28:02d}\n    status: {'pågår' if n % 2 else 'försenad'}\n"
        for n in range(80)
    )
    text = (
        (SAMPLE / "commitments/kommunen-blomlador.yaml").read_text(encoding="utf-8").split("history:")[0]
        + "history:\n"
        + history
    )
    files = generated(make_content(tmp_path, {"commitments/kommunen-blomlador.yaml": text}), today=date(2023, 4, 30))
    assert len(feedparser.parse(files["flode/atagande/kommunen-blomlador.rss"]).entries) == 50


def test_drafts_and_future_posts_stay_out_of_feeds(tmp_path: Path) -> None:
    letter = (SAMPLE / "updates/2022-05-brev.md").read_text(encoding="utf-8")
    files = generated(
        make_content(
            tmp_path,
            {
                "updates/2022-06-utkast.md": letter.replace("Informationsbrev 1", "Utkastet").replace(
                    "kind: informationsbrev", "kind: informationsbrev\ndraft: true"
                ),
                "updates/2022-12-senare.md": letter.replace("Informationsbrev 1", "Senare brev").replace(
                    "2022-05-10", "2022-12-01"
                ),
            },
        )
    )
    everything = "".join(files[path] for path in FEEDS if path in files)
    assert "Utkastet" not in everything and "Senare brev" not in everything


def test_calendar_lists_the_meetings() -> None:
    calendar = icalendar.Calendar.from_ical(FILES["kalender.ics"])
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == ["2022-09-dialog@example.github.io"]
    event = events[0]
    assert event.decoded("dtstart").isoformat() == "2022-09-14T18:00:00+02:00"
    assert event.decoded("dtend").isoformat() == "2022-09-14T19:30:00+02:00"  # no duration given: 90 minutes
    assert str(event["dtstart"].params["TZID"]) == "Europe/Stockholm"
    assert str(event["location"]) == "Torget"
    assert str(event["url"]) == f"{SETTINGS.url}lofte/uppdatering/2022-09-dialog/"
    assert calendar.walk("VTIMEZONE")


def test_open_data_follows_its_schema() -> None:
    data = json.loads(FILES["data/medborgarlofte.json"])
    jsonschema.validate(data, json.loads(FILES["data/medborgarlofte.schema.json"]))
    assert [c["id"] for c in data["commitments"]] == ["kommunen-blomlador", "polisen-narvaro", "polisen-narvaro-2023"]


def test_open_data_agrees_with_the_pages(tmp_path: Path) -> None:
    project = build_sample(tmp_path)
    site = project / "site" / "lofte"
    rows = list(
        csv.DictReader(io.StringIO((site / "data/ataganden.csv").read_text(encoding="utf-8-sig")), delimiter=";")
    )
    changes = list(
        csv.DictReader(io.StringIO((site / "data/statusandringar.csv").read_text(encoding="utf-8-sig")), delimiter=";")
    )
    as_json = json.loads((site / "data/statusandringar.json").read_text(encoding="utf-8"))
    jsonschema.validate(as_json, json.loads((site / "data/statusandringar.schema.json").read_text(encoding="utf-8")))
    assert [(c["date"], c["commitment"], c["to_status"], c["url"]) for c in as_json] == [
        (c["date"], c["commitment"], c["to_status"], c["url"]) for c in changes
    ]
    assert all(isinstance(c["example"], bool) and isinstance(c["actors"], list) for c in as_json)
    assert {tuple(c["actor_names"]) for c in as_json} == {("Exempelstads kommun",), ("Lokalpolisområde Exempelstad",)}
    for row in rows:
        page = (site / "atagande" / row["id"] / "index.html").read_text(encoding="utf-8")
        shown = re.search(r"<strong>Status:</strong> <span class=\"status [^\"]+\">([^<]+)</span>", page).group(1)
        assert shown.lower() == (row["status"] or "ingen status rapporterad"), row["id"]
        assert row["title"] in page
        history = re.findall(r'<li id="(status-[^"]+)">', page)
        mine = [c for c in changes if c["commitment"] == row["id"]]
        assert sorted(history) == sorted(c["url"].split("#")[1] for c in mine)
    assert [(c["from_status"], c["to_status"]) for c in changes if c["commitment"] == "polisen-narvaro"] == [
        ("", "planerad"),
        ("planerad", "löpande"),
    ]


def test_rss_items_say_who_is_responsible() -> None:
    entries = feedparser.parse(FILES["flode/statusandringar.rss"]).entries
    change = next(e for e in entries if e.title == "Regelbunden närvaro: löpande")
    assert [tag.term for tag in change.tags] == ["Lokalpolisområde Exempelstad"]
    assert "Ansvarig: Lokalpolisområde Exempelstad." in change.summary


def test_calendar_events_last_as_long_as_the_content_says(tmp_path: Path) -> None:
    dialogue = (
        (SAMPLE / "updates/2022-09-dialog.md")
        .read_text(encoding="utf-8")
        .replace("  place: Torget\n", "  place: Torget\n  duration: 45\n")
    )
    files = generated(make_content(tmp_path, {"updates/2022-09-dialog.md": dialogue}))
    event = icalendar.Calendar.from_ical(files["kalender.ics"]).walk("VEVENT")[0]
    assert event.decoded("dtend").isoformat() == "2022-09-14T18:45:00+02:00"


def test_every_link_in_every_feed_item_leads_to_a_page_and_anchor_on_the_site(tmp_path: Path) -> None:
    """The default content with a digest letter, whose relative links must come out absolute and whole in the feeds."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    today = date(2023, 4, 30)
    digest = letter_digest(load(content), today, "sv")
    (content / "updates/2023-04-30-brev.md").write_text(
        f"---\ntitle: Brev med sammanfattning\ndate: {today}\nkind: informationsbrev\nsummary: Allt som hänt.\nexample: true\n---\n{digest.text}\n",
        encoding="utf-8",
    )
    project = make_project(tmp_path / "project")
    build(content, "content", project / "mkdocs.yml", project / "site", date(2026, 11, 25))
    site = project / "site"
    base = read_settings(project / "mkdocs.yml").url
    checked, broken = 0, []
    for feed in sorted(site.rglob("*.atom")):
        for entry in feedparser.parse(feed.read_text(encoding="utf-8")).entries:
            for href in [entry.link] + re.findall(r'href="([^"]+)"', entry.content[0].value):
                if not href.startswith(base):
                    assert href.startswith(("https://", "http://", "mailto:", "tel:")), href
                    continue
                path, _, anchor = href[len(base) :].partition("#")
                page = site / path / "index.html" if path.endswith("/") or not path else site / path
                checked += 1
                if not page.is_file() or (anchor and f'id="{anchor}"' not in page.read_text(encoding="utf-8")):
                    broken.append(f"{feed.relative_to(site)}: {href}")
    assert checked > 400 and sorted(set(broken)) == []


def test_a_csv_list_splits_back_into_its_names_and_says_yes_and_no_in_the_file_s_language(tmp_path: Path) -> None:
    """Each of several values in a cell is on a line of its own, so a name with a comma stays one name."""
    actors = (
        (SAMPLE / "actors.yaml")
        .read_text(encoding="utf-8")
        .replace("name: Exempelstads kommun", "name: Miljöförvaltningen, Exempelstads kommun")
    )
    joint = (
        (SAMPLE / "commitments/kommunen-blomlador.yaml")
        .read_text(encoding="utf-8")
        .replace("actors: [kommunen]", "actors: [kommunen, polisen]")
    )
    content = published(
        load(make_content(tmp_path, {"actors.yaml": actors, "commitments/kommunen-blomlador.yaml": joint})), TODAY
    )
    for language, yes, no in (("sv", "ja", "nej"), ("en", "yes", "no"), ("ar", "نعم", "لا")):
        shown = translated.in_language(content, language)
        files = generate(shown, in_language(SETTINGS, language), TODAY)
        changes = list(
            csv.DictReader(io.StringIO(files["data/statusandringar.csv"].removeprefix("\ufeff")), delimiter=";")
        )
        joint_rows = [row for row in changes if row["commitment"] == "kommunen-blomlador"]
        assert joint_rows and all(row["actors"].split("\n") == ["kommunen", "polisen"] for row in joint_rows)
        assert all(
            row["actor_names"].split("\n") == [shown.actors["kommunen"].name, shown.actors["polisen"].name]
            for row in joint_rows
        )
        assert {row["example"] for row in changes} <= {yes, no}, language
        rows = list(csv.DictReader(io.StringIO(files["data/ataganden.csv"].removeprefix("\ufeff")), delimiter=";"))
        assert {row["status_example"] for row in rows} <= {yes, no, ""} and {row["status_example"] for row in rows} & {
            yes,
            no,
        }


def test_a_name_is_isolated_in_a_feed_only_where_its_direction_can_differ_from_the_feed_s() -> None:
    from medborgarlofte.bidi import FSI, PDI

    assert isolated("Regelbunden närvaro", "sv") == "Regelbunden närvaro"  # copies and searches as typed
    assert isolated("حي الورود", "sv") == f"{FSI}حي الورود{PDI}"
    assert isolated("Regelbunden närvaro", "ar") == f"{FSI}Regelbunden närvaro{PDI}"
    assert isolated("حي الورود", "ar") == "حي الورود"
    assert isolated("2026", "ar") == "2026" and isolated("Torget \u2067x\u2069", "sv").startswith(FSI)
    swedish = feedparser.parse(FILES["flode/alla.rss"])
    assert not [entry.title for entry in swedish.entries if FSI in entry.title]


def test_no_two_entries_of_a_feed_claim_the_same_moment() -> None:
    for path in (p for p in FILES if p.endswith(".atom")):
        updated = [entry.updated for entry in feedparser.parse(FILES[path]).entries]
        assert len(updated) == len(set(updated)), path
