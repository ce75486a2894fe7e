"""The channels beyond the site itself: a shared link's card, partners' badges and status cards, each letter as e-mail.

The default site is built once; what a social network, a partner's page and a mail client read of it is checked
as they would read it, the last two in Debian's Chromium.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from datetime import date
from pathlib import Path

import feedparser
import lxml.html
import pytest
import yaml
from babel.dates import format_date
from PIL import Image
from playwright.sync_api import Browser

from medborgarlofte import addresses as at
from medborgarlofte import translated
from medborgarlofte.commands.build import build
from medborgarlofte.contents import load, published
from medborgarlofte.generators import cards
from medborgarlofte.settings import in_language, read_settings
from medborgarlofte.translations import catalogue

from .conftest import ROOT, SAMPLE, TODAY, axe, make_content, make_project
from .test_browser import LANGUAGES, PAGES, REPORT

SETTINGS = read_settings(ROOT / "mkdocs.yml")
LOCALES = {"": "sv_SE", "en/": "en_US", "ar/": "ar_EG"}
CONTENT = published(load(ROOT / "content", "content"), TODAY)
LETTERS = [u.id for u in CONTENT.updates if u.kind == "informationsbrev"]


@pytest.fixture(scope="session")
def www(default_site: Path) -> Path:
    """The default site, built under the same path as on its real address: the folder the address's path leads to."""
    return default_site


def published_file(www: Path, address: str) -> Path:
    """The built file that an absolute address of the site leads to (a folder's index.html)."""
    assert address.startswith(SETTINGS.url), address
    path = www / address.removeprefix(SETTINGS.url)
    return path / "index.html" if address.endswith("/") else path


def head_of(www: Path, path: str) -> dict[str, str]:
    """A page's Open Graph and Twitter metadata, as a social network reads it: property or name -> content."""
    head = lxml.html.fromstring((www / path / "index.html").read_text(encoding="utf-8")).head
    found: dict[str, str] = {}
    for meta in head.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key and (key.startswith(("og:", "twitter:")) or key == "description"):
            found.setdefault(key, meta.get("content"))
    found["canonical"] = head.xpath("string(link[@rel='canonical']/@href)")
    return found


# Metadata for sharing


@pytest.mark.parametrize("path", [language + page for language in LANGUAGES for page in PAGES if page != "404.html"])
def test_every_page_unfolds_into_a_card_when_shared(www: Path, path: str) -> None:
    meta = head_of(www, path)
    language = next(code for code in sorted(LANGUAGES, key=len, reverse=True) if path.startswith(code))
    assert meta["og:title"] and meta["twitter:title"] == meta["og:title"]
    assert meta["og:description"] and meta["twitter:description"] == meta["og:description"] == meta["description"]
    assert meta["og:url"] == meta["canonical"] == SETTINGS.url + path
    assert meta["og:locale"] == LOCALES[language]
    assert meta["og:site_name"]
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"] == meta["twitter:image"]
    assert meta["og:image"].startswith(SETTINGS.url + language + "lofte/") and meta["og:image"].endswith(".png")
    assert meta["og:image:alt"] == meta["twitter:image:alt"] and meta["og:image:alt"]
    with Image.open(published_file(www, meta["og:image"])) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))
        assert (int(meta["og:image:width"]), int(meta["og:image:height"])) == card.size


def test_a_commitment_is_described_by_its_status_and_who_is_responsible(www: Path) -> None:
    meta = head_of(www, "lofte/atagande/polisen-medborgardialog/")
    assert (
        meta["og:description"]
        == "Status: Exempel: Löpande sedan 14 september 2022. Ansvarig: Lokalpolisområde Malmö Norr."
    )  # the status is invented
    assert meta["og:title"] == "Medborgardialog med boende och näringsverksamheter"
    assert meta["og:image"] == SETTINGS.url + "lofte/atagande/polisen-medborgardialog/kort.png"
    english = head_of(www, "en/lofte/atagande/polisen-medborgardialog/")
    assert (
        english["og:description"]
        == "Status: Example: Ongoing since September 14, 2022. Responsible: Local police area Malmö North."
    )
    assert english["og:image"] == SETTINGS.url + "en/lofte/atagande/polisen-medborgardialog/kort.png"


def test_an_update_is_described_by_its_summary(www: Path) -> None:
    letter = next(u for u in CONTENT.updates if u.id == LETTERS[0])
    meta = head_of(www, f"lofte/uppdatering/{letter.id}/")
    assert meta["og:description"] == letter.summary
    assert meta["og:title"] == letter.title
    assert meta["og:image"] == SETTINGS.url + f"lofte/uppdatering/{letter.id}/kort.png"


def test_the_start_page_shares_the_sites_own_card(www: Path) -> None:
    meta = head_of(www, "")
    assert meta["og:title"] == SETTINGS.name
    assert meta["og:description"] == SETTINGS.description
    assert meta["og:image"] == SETTINGS.url + at.SITE_CARD
    assert head_of(www, "ar/")["og:locale"] == "ar_EG"


def test_a_title_with_quotes_and_tags_stays_text_in_the_metadata(tmp_path: Path) -> None:
    title = 'Trygghet "nu" <script>alert(1)</script> & mer'
    content = make_content(
        tmp_path, {"commitments/polisen-narvaro.yaml": _with_title("commitments/polisen-narvaro.yaml", title)}
    )
    project = make_project(tmp_path / "project", languages=["sv"])
    build(content, "content", project / "mkdocs.yml", project / "site", date(2022, 10, 1))
    html = (project / "site/lofte/atagande/polisen-narvaro/index.html").read_text(encoding="utf-8")
    head = lxml.html.fromstring(html).head
    assert head.xpath("string(meta[@property='og:title']/@content)") == title
    assert head.xpath("string(meta[@property='og:image:alt']/@content)").startswith(title)
    assert not head.xpath("//head//script[contains(., 'alert')]")


def _with_title(relative: str, title: str) -> str:
    data = yaml.safe_load((ROOT / "tests/sample" / relative).read_text(encoding="utf-8"))
    data["title"] = title
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# The cards' pictures


def _card(title: str, right_to_left: bool = False) -> cards.Card:
    status = cards.Badge("Pågår", "#0b4f8a", "#e3f0fb", "#0b4f8a", False)
    return cards.Card(
        cards.Text("Medborgarlöfte Sofielund", False),
        cards.Text("Åtagande · 2022–2023", False),
        cards.Text(title, right_to_left),
        status,
        cards.Text("Ansvarig: Polisen", False),
        right_to_left,
    )


def _inked_columns(png: bytes, top: int, bottom: int) -> tuple[int, int]:
    """The leftmost and rightmost column with dark ink between two heights: where the text there begins and ends."""
    with Image.open(io.BytesIO(png)) as image:
        dark = image.convert("L").crop((0, top, 1200, bottom)).point(lambda v: 255 if v < 128 else 0)
        left, _, right, _ = dark.getbbox() or (0, 0, 0, 0)
    return left, right


def test_a_card_is_the_same_bytes_every_time() -> None:
    assert cards.draw(_card("Regelbunden närvaro")) == cards.draw(_card("Regelbunden närvaro"))
    assert cards.draw(_card("Regelbunden närvaro")) != cards.draw(_card("Regelbunden närvaro i parken"))


def _commitment_card(tmp_path: Path, title: str, short_name: str = "Kommunen") -> bytes:
    changes = {
        "commitments/kommunen-blomlador.yaml": (SAMPLE / "commitments/kommunen-blomlador.yaml")
        .read_text(encoding="utf-8")
        .replace("title: Blomlådor som trafikdämpare", f"title: {title}"),
        "actors.yaml": (SAMPLE / "actors.yaml")
        .read_text(encoding="utf-8")
        .replace("short_name: Kommunen", f"short_name: {short_name}"),
    }
    content = published(load(make_content(tmp_path, changes)), TODAY)
    drawn = cards.generate(translated.in_language(content, "sv"), in_language(SETTINGS, "sv"), TODAY)
    return drawn[at.commitment_card("kommunen-blomlador")]


def test_characters_the_card_font_lacks_are_left_out_never_drawn_as_boxes(tmp_path: Path) -> None:
    plain = _commitment_card(tmp_path / "plain", "Blomlådor som trafikdämpare", "Kommunen")
    with_emoji = _commitment_card(tmp_path / "emoji", "Blomlådor 🚦 som trafikdämpare 👩🏽‍🚒", "Kommunen 🌷")
    assert with_emoji == plain
    assert cards.drawable("Brandkår 👩🏽‍🚒 här 漢字") == "Brandkår här"
    assert cards.drawable("مالمو שלום Ökad") == "مالمو שלום Ökad"  # the scripts the font has stay as they are


def test_a_long_title_wraps_and_is_shortened_before_the_status() -> None:
    """However long the title, it ends above the status badge, and a word too long for a line is broken, not cut off the edge."""
    for title in ("Trygghet " * 60, "Trygghetsvandring" * 12):
        png = cards.draw(_card(title))
        with Image.open(io.BytesIO(png)) as image:
            assert image.size == (1200, 630)
        assert _inked_columns(png, 420, 450) == (0, 0)  # the gap between the title and the badge stays empty
        left, right = _inked_columns(png, 184, 420)
        assert left >= 60 and right <= 1200 - 60


def test_arabic_is_laid_out_from_the_right() -> None:
    swedish = _inked_columns(cards.draw(_card("Kort")), 184, 260)
    arabic = _inked_columns(cards.draw(_card("الحوار", right_to_left=True)), 184, 260)
    assert swedish[0] == pytest.approx(72, abs=10) and swedish[1] < 600
    assert arabic[1] == pytest.approx(1128, abs=10) and arabic[0] > 600


def test_a_card_is_drawn_again_only_when_what_it_shows_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = in_language(SETTINGS, "sv")
    content = translated.in_language(CONTENT, "sv")
    first = cards.DrawnCards()
    monkeypatch.setattr(cards, "DRAWN", first)
    drawn = cards.generate(content, settings, TODAY)
    assert first.drawn_now == len(drawn) == 1 + len(content.commitments) + len(content.updates)
    first.write(tmp_path / "cards")

    again = cards.DrawnCards()
    again.read(tmp_path / "cards")
    monkeypatch.setattr(cards, "DRAWN", again)
    assert cards.generate(content, settings, TODAY) == drawn
    assert again.drawn_now == 0
    again.write(tmp_path / "cards")

    # One title changed: that card alone is drawn again, and the one no longer shown is let go with the next write.
    changed = next(iter(content.commitments.values()))
    content = dataclasses.replace(
        content, commitments={**content.commitments, changed.id: changed.model_copy(update={"title": "Ny rubrik"})}
    )
    assert (
        cards.generate(content, settings, TODAY)[at.commitment_card(changed.id)]
        != drawn[at.commitment_card(changed.id)]
    )
    assert again.drawn_now == 1
    again.write(tmp_path / "cards")
    assert len(list((tmp_path / "cards").glob("*.png"))) == len(drawn)


# Badges and status cards for partners' sites


def _svg(path: Path) -> ElementTree.Element:
    return ElementTree.fromstring(path.read_text(encoding="utf-8"))


SVG = "{http://www.w3.org/2000/svg}"


def test_a_commitments_badge_says_its_status_and_when_it_changed(www: Path) -> None:
    badge = _svg(www / "lofte/atagande/polisen-medborgardialog/status.svg")
    assert badge.get("role") == "img" and badge.get("lang") == "sv"
    title = badge.findtext(f"{SVG}title")
    # The status is invented, and the promise has ended: the badge shows the status on its last day, and says both.
    assert (
        title
        == "Medborgardialog med boende och näringsverksamheter: Exempel: Löpande sedan 14 september 2022 (löftet slutade 30 april 2023)"
    )
    assert badge.get("aria-label") == title
    assert [t.text for t in badge.iter(f"{SVG}text")] == ["Slutstatus", "Exempel: Löpande sedan 14 september 2022"]
    assert float(badge.get("width")) == pytest.approx(
        sum(float(r.get("width")) for r in badge.iter(f"{SVG}rect") if r.get("fill") != "none")
    )


def test_an_actors_badge_counts_its_commitments_by_status(www: Path) -> None:
    police = [c for c in CONTENT.commitments.values() if "polisen" in c.actors and c.period == "2022-2023"]
    words = [t.text for t in _svg(www / "lofte/aktor/polisen/status.svg").iter(f"{SVG}text")]
    assert words[:2] == ["Polisen", "Exempel"]  # the statuses counted are invented
    assert sum(int(w.rsplit(" ", 1)[1]) for w in words[2:]) == len(police)
    period = [t.text for t in _svg(www / "lofte/period/2022-2023/status.svg").iter(f"{SVG}text")]
    assert period[1] == "Exempel"
    assert sum(int(w.rsplit(" ", 1)[1]) for w in period[2:]) == len(
        [c for c in CONTENT.commitments.values() if c.period == "2022-2023"]
    )


def test_an_arabic_badge_reads_from_the_right(www: Path) -> None:
    badge = _svg(www / "ar/lofte/atagande/polisen-medborgardialog/status.svg")
    label, status = list(badge.iter(f"{SVG}text"))
    assert float(label.get("x")) > float(status.get("x"))
    assert label.get("direction") == status.get("direction") == "rtl"


def test_the_embedding_page_gives_working_code_for_every_actor_and_commitment(www: Path) -> None:
    codes = []
    pages = [www / "lofte/inbadda/index.html", *sorted((www / "lofte/inbadda").glob("[0-9]*/index.html"))]
    for page in pages:
        codes += [code.text_content() for code in lxml.html.fromstring(page.read_text(encoding="utf-8")).iter("code")]
    frames = [c for c in codes if c.startswith("<iframe")]
    images = [c for c in codes if c.startswith("<img")]
    current = [c for c in CONTENT.commitments.values() if c.period == "2022-2023"]
    assert len(frames) == len(CONTENT.actors) + len(current)
    assert len(images) == 1 + len(CONTENT.actors) + len(current)
    for code in codes:
        snippet = lxml.html.fragment_fromstring(code)
        assert published_file(www, snippet.get("src")).is_file(), code
        assert snippet.get("title" if snippet.tag == "iframe" else "alt")
    assert 'width="320"' in frames[0]


CARD_PAGES = [
    language + page
    for language in LANGUAGES
    for page in ("lofte/inbadda/atagande/polisen-medborgardialog/", "lofte/inbadda/aktor/polisen/")
]


@pytest.mark.parametrize("path", CARD_PAGES)
def test_a_status_card_fits_320_pixels_runs_no_script_and_passes_axe(
    browser: Browser, site_url: str, path: str
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 400})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(site_url + path)
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.locator("h1 a").get_attribute("target") == "_top"
    text = page.locator("main").inner_text()
    REPORT.mkdir(exist_ok=True)
    page.screenshot(path=str(REPORT / f"statuskort-{path.strip('/').replace('/', '-')}.png"), full_page=True)
    problems = axe(page)
    context.close()
    assert requested == [site_url + path]
    assert not problems, "\n".join(problems)
    if "aktor" in path:
        assert re.search(r"\d", text)
    elif not path.startswith(("en/", "ar/")):
        assert "Löpande" in text and "sedan 14 september 2022" in text


# Each letter as e-mail


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("letter", LETTERS)
def test_a_letter_as_email_is_what_a_mail_client_can_show(www: Path, letter: str, language: str) -> None:
    email = www / language / f"lofte/uppdatering/{letter}/epost.html"
    assert email.stat().st_size < 100_000
    document = lxml.html.fromstring(email.read_bytes())
    assert not document.xpath("//script | //style | //link | //*[starts-with(local-name(), 'on')]")
    assert document.xpath("//table[@role='presentation']")
    # Every element that shows text carries its own style, since a mail client drops a stylesheet.
    assert all(element.get("style") for element in document.xpath("//body | //td | //h1 | //h2 | //p | //a"))
    links = [a.get("href") for a in document.iter("a")] + [img.get("src") for img in document.iter("img")]
    assert links and all(published_file(www, link).is_file() for link in links), links
    assert SETTINGS.url + language + f"lofte/uppdatering/{letter}/" in links


@pytest.mark.parametrize("letter", LETTERS)
def test_a_letters_plain_text_says_what_its_html_says(www: Path, letter: str) -> None:
    document = lxml.html.fromstring((www / f"lofte/uppdatering/{letter}/epost.html").read_bytes())
    text = " ".join((www / f"lofte/uppdatering/{letter}/epost.txt").read_text(encoding="utf-8").split())
    for link in document.iter("a"):
        assert f"]({link.get('href')})" in text
    text = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 \2", text)  # a link as the text version writes it: [words](address)
    for block in document.xpath("//h1 | //h2 | //h3 | //p | //li | //td[not(.//p)]"):
        assert " ".join(" ".join(block.itertext()).split()) in text


@pytest.mark.parametrize("letter", LETTERS)
def test_a_letter_renders_readably_at_600_pixels(browser: Browser, site_url: str, letter: str) -> None:
    page = browser.new_page(viewport={"width": 600, "height": 800})
    page.goto(site_url + f"lofte/uppdatering/{letter}/epost.html")
    REPORT.mkdir(exist_ok=True)
    page.screenshot(path=str(REPORT / f"epost-{letter}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 600
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('p')).fontSize)")
    title = page.locator("h1")
    assert title.is_visible() and size >= 14
    page.close()


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_letter_as_email_fits_a_phone_without_scrolling_sideways(
    browser: Browser, site_url: str, language: str, width: int
) -> None:
    """The newsletter most residents meet, on a phone: as wide as the screen, never wider. Its styles stand in each
    element (a mail client such as Gmail drops a stylesheet), so what Chromium shows is what such a client shows."""
    letter = LETTERS[0]
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + f"{language}lofte/uppdatering/{letter}/epost.html")
    assert page.evaluate("document.querySelectorAll('style, link[rel=stylesheet]').length") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("h1").is_visible()
    if width == 390:
        REPORT.mkdir(exist_ok=True)
        page.screenshot(path=str(REPORT / f"epost-{language.strip('/') or 'sv'}-390.png"), full_page=True)
    page.close()


def test_the_letters_page_leads_the_communicator_to_its_email_edition(www: Path) -> None:
    page = www / f"lofte/uppdatering/{LETTERS[0]}/index.html"
    document = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    note = document.xpath(
        "//div[contains(@class, 'admonition')][.//p[contains(., 'Kopiera till nyhetsbrevsverktyget')]]"
    )
    assert note
    hrefs = [a.get("href") for a in note[0].iter("a")]
    assert [(page.parent / href).resolve().name for href in hrefs] == ["epost.html", "epost.txt"]
    assert all((page.parent / href).resolve().is_file() for href in hrefs)
    others = [u.id for u in CONTENT.updates if u.kind != "informationsbrev"]
    assert not (www / f"lofte/uppdatering/{others[0]}/epost.html").exists()


# The addresses others link to and embed: documented, and never changed


CONTRACT = {
    at.commitment_card("ID"): "lofte/atagande/ID/kort.png",
    at.update_card("ID"): "lofte/uppdatering/ID/kort.png",
    at.SITE_CARD: "lofte/kort.png",
    at.commitment_badge("ID"): "lofte/atagande/ID/status.svg",
    at.actor_badge("ID"): "lofte/aktor/ID/status.svg",
    at.period_badge("ID"): "lofte/period/ID/status.svg",
    at.page_address(at.commitment_embed("ID")): "lofte/inbadda/atagande/ID/",
    at.page_address(at.actor_embed("ID")): "lofte/inbadda/aktor/ID/",
    at.page_address(at.EMBEDDING): "lofte/inbadda/",
    at.letter_email("ID"): "lofte/uppdatering/ID/epost.html",
    at.letter_text("ID"): "lofte/uppdatering/ID/epost.txt",
}


@pytest.mark.parametrize(("made", "promised"), CONTRACT.items())
def test_a_published_channel_address_never_changes_and_is_documented(made: str, promised: str) -> None:
    assert made == promised
    assert f"`/{promised}`" in (ROOT / "handbok" / "folja-arbetet.md").read_text(encoding="utf-8")


# -- one fact, every channel: invented statuses say "Exempel", an ended promise says it has ended ----------------------


def test_every_channel_marks_an_invented_status_and_an_ended_promise(www: Path) -> None:
    """The default content's statuses are invented and its period has ended: every badge, status card, share card, feed
    entry and row of open data of every language says so, as the commitment's page does."""
    checked: Counter[str] = Counter()
    for language in LANGUAGES:
        site = in_language(SETTINGS, language.strip("/") or "sv")
        _ = catalogue(site.language).gettext
        shown = translated.in_language(CONTENT, site.language)
        example, final = _("Exempel"), _("Slutstatus")
        shared = cards.cards_of(shown, site, TODAY)
        for c in shown.commitments.values():
            period = shown.periods[c.period]
            assert period.phase(TODAY) == "ended"
            invented = c.invented_on(period.end)
            badge = _svg(www / language / at.commitment_badge(c.id))
            words = [t.text for t in badge.iter(f"{SVG}text")]
            title = badge.findtext(f"{SVG}title")
            assert words[0] == final and (words[1].startswith(example) == invented), (language, c.id, words)
            assert (example in title) == invented and title.endswith(
                _("(löftet slutade %(day)s)") % {"day": format_date(period.end, "long", locale=site.language)}
            )
            card = lxml.html.fromstring((www / language / at.commitment_embed(c.id)).read_text(encoding="utf-8"))
            assert bool(card.xpath(f"//span[@class='exempel' and text()='{example}']")) == invented, (language, c.id)
            assert (
                _("Status när löftet slutade %(day)s:") % {"day": format_date(period.end, "long", locale=site.language)}
                in card.text_content()
            )
            picture = shared[at.commitment_card(c.id)]
            assert picture.badge is not None and picture.badge.words.startswith(example) == invented
            assert picture.overline.words.startswith(_("Åtagande") + " · " + _("löftet har slutat") + " · ")
            checked.update(["badge", "status card", "share card"])
        data = json.loads((www / language / at.ALL_DATA).read_text(encoding="utf-8"))
        for row in data["commitments"]:
            assert row["status_example"] == CONTENT.commitments[row["id"]].invented_on()
            checked["open data"] += 1
        for entry in feedparser.parse(
            (www / language / at.feed(at.STATUS_FEED, "atom")).read_text(encoding="utf-8")
        ).entries:
            if entry.link.endswith(at.period(period.id).removesuffix(".md") + "/"):
                # The promise's last word in the feed, on the day it ended.
                assert entry.title.startswith(_("Löftet har slutat: %(promise)s").split("%")[0]), entry.title
                checked["ended entry"] += 1
                continue
            commitment = next(
                c for c in shown.commitments.values() if at.commitment(c.id).removesuffix(".md") + "/" in entry.link
            )
            written = next(e for e in commitment.history if at.status_anchor(e.date, e.status) in entry.link)
            assert entry.title.startswith(_("Exempel: %(title)s") % {"title": ""}) == (
                written.example or commitment.example
            ), entry.title
            checked["feed entry"] += 1
        for actor in shown.actors.values():
            actor_badge = [t.text for t in _svg(www / language / at.actor_badge(actor.id)).iter(f"{SVG}text")]
            assert actor_badge[1] == example, (language, actor.id, actor_badge)
            checked["actor badge"] += 1
    assert checked.pop("ended entry") == 3
    assert min(checked.values()) >= 3 and checked["badge"] == 3 * len(CONTENT.commitments), checked


def test_a_calendar_keeps_a_backslash_before_n_and_every_character_that_ical_escapes(tmp_path: Path) -> None:
    """RFC 5545 escapes a backslash, ";", "," and line breaks; a backslash followed by N is text, not a line break."""
    import icalendar

    from medborgarlofte.generators import calendar

    title = "Möte \\N på torget; kl. 18, alla \\ välkomna"
    dialogue = (SAMPLE / "updates/2022-09-dialog.md").read_text(encoding="utf-8")
    content = make_content(
        tmp_path,
        {
            "updates/2022-09-dialog.md": dialogue.replace("title: Dialogmöte", f"title: '{title}'").replace(
                "place: Torget", "place: 'Torget\\N,;'"
            )
        },
    )
    settings = read_settings(make_project(tmp_path / "project", ["sv"]) / "mkdocs.yml")
    shown = published(load(content, "content", language="sv", languages=["sv"]), TODAY)
    event = icalendar.Calendar.from_ical(calendar.generate(shown, settings)).walk("VEVENT")[0]
    assert (str(event["summary"]), str(event["location"])) == (title, "Torget\\N,;")
