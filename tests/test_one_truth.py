"""What is invented, and what day an ended promise speaks as of, in what leaves the page: the citation a journalist
copies, a letter's share card, the follow-up listing, a feed's last word and its days, and the names under a promise."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.etree
import lxml.html
import pytest
from playwright.sync_api import Browser

from medborgarlofte import addresses as at
from medborgarlofte import translated
from medborgarlofte.contents import load
from medborgarlofte.generators import cards
from medborgarlofte.languages import words
from medborgarlofte.settings import in_language, read_settings
from medborgarlofte.structure import Untranslated

from .conftest import ROOT, SITE_LANGUAGES, TODAY, edit, make_content
from .test_browser import REPORT
from .test_build import build_sample, html

ATOM = "{http://www.w3.org/2005/Atom}"
LETTER = "2022-05-informationsbrev-1"  # an invented letter of the reference site


def _folder(language: str) -> str:
    return at.language_folder(language, SITE_LANGUAGES[0])


def _exempel(language: str) -> str:
    """What an invented text begins with, in the language: 'Exempel: '."""
    return words(language).gettext("Exempel: %(title)s") % {"title": ""}


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_the_citation_of_an_invented_status_says_so_in_its_words(default_site: Path, language: str) -> None:
    """Every status of the reference site is invented: the text a journalist copies says Exempel before it."""
    page = default_site / _folder(language) / "lofte/atagande/polisen-medborgardialog/index.html"
    (citation,) = lxml.html.fromstring(page.read_bytes()).xpath("//p[@class='citation']")
    text = " ".join(citation.text_content().split())
    assert _exempel(language).strip() in text


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_an_invented_letter_s_card_and_its_text_say_exempel(language: str) -> None:
    settings = in_language(read_settings(ROOT / "mkdocs.yml"), language)
    content = translated.in_language(load(ROOT / "content"), language)
    card = cards.cards_of(content, settings, TODAY)[at.update_card(LETTER)]
    assert card.badge is not None and card.badge.words.startswith(_exempel(language))
    assert _exempel(language).strip() in cards.alternative_text(card)


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_the_follow_up_listing_marks_each_invented_indicator(default_site: Path, language: str) -> None:
    page = default_site / _folder(language) / "lofte/uppfoljning/index.html"
    tree = lxml.html.fromstring(page.read_bytes())
    listed = tree.xpath("//article//li[a[contains(@href, 'indikator')]]")
    assert len(listed) == 3
    assert all(item.xpath(".//span[@class='exempel']") for item in listed)
    assert tree.xpath("//article//*[contains(@class, 'admonition')]")


def _entries(site: Path, language: str, feed: str) -> list[lxml.etree._Element]:
    path = site / _folder(language) / at.feed(feed, "atom")
    return list(lxml.etree.parse(str(path)).getroot().iter(f"{ATOM}entry"))


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_an_ended_promise_has_its_last_word_in_every_feed_on_the_day_it_ended(
    default_site: Path, language: str
) -> None:
    said = words(language)
    ended = said.gettext("Löftet har slutat: %(promise)s").split("%")[0]
    for feed in (at.ALL_FEED, at.STATUS_FEED, at.actor_feed("polisen"), at.commitment_feed("polisen-medborgardialog")):
        newest = _entries(default_site, language, feed)[0]
        assert newest.findtext(f"{ATOM}title", "").startswith(ended), feed
        published = datetime.fromisoformat(newest.findtext(f"{ATOM}published", ""))
        assert published.astimezone(ZoneInfo("Europe/Stockholm")).date() == date(2023, 4, 30)


@pytest.mark.parametrize(
    "zone", ["America/Los_Angeles", "America/New_York", "Europe/London", "Asia/Baghdad", "Asia/Tokyo"]
)
def test_a_feed_entry_keeps_its_day_in_the_reader_s_time_zone(default_site: Path, zone: str) -> None:
    """A day without a time is dated at noon in Stockholm: a reader's app in any of these zones shows the same day
    (at midnight it showed the day before anywhere west of Sweden)."""
    entries = _entries(default_site, "sv", at.ALL_FEED)
    assert len(entries) > 10
    for entry in entries:
        published = datetime.fromisoformat(entry.findtext(f"{ATOM}published", ""))
        assert published.astimezone(ZoneInfo(zone)).date() == published.astimezone(ZoneInfo("Europe/Stockholm")).date()


def test_an_invented_signatory_is_marked_and_a_promise_may_leave_the_names_out(tmp_path: Path) -> None:
    period = "periods/2022-2023.yaml"
    invented = edit(period, "    organisation: Polisen\n", "    organisation: Polisen\n    example: true\n")
    assert load(make_content(tmp_path / "a", invented)).examples() == load(make_content(tmp_path / "b")).examples() + 1
    project = build_sample(tmp_path / "marked", invented)
    page = lxml.html.fromstring(html(project, "lofte/period/2022-2023"))
    (signed,) = page.xpath("//article//li[contains(., 'Anna Andersson')]")
    assert signed.xpath(".//span[@class='exempel']")
    text = (Path(__file__).parent / "sample" / period).read_text(encoding="utf-8")
    start = text.index("signatories:")
    end = text.index("\n", text.index("organisation:", start))
    unsigned = build_sample(tmp_path / "unsigned", {period: text[:start] + text[end + 1 :]})
    assert "Namnen på dem som skrev under står inte här." in html(unsigned, "lofte/period/2022-2023")


def test_the_citation_and_the_letter_s_card_at_390_pixels(browser: Browser, site_url: str) -> None:
    """For a reader to look at: the citation box of an invented status and an invented letter's card on a phone."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + "lofte/atagande/polisen-medborgardialog/")
    citation = page.locator("p.citation")
    assert "Exempel:" in citation.inner_text()
    REPORT.mkdir(exist_ok=True)
    citation.screenshot(path=str(REPORT / "citat-390.png"))
    page.goto(site_url + f"lofte/uppdatering/{LETTER}/kort.png")
    page.screenshot(path=str(REPORT / "brevets-kort-390.png"))
    page.close()


@pytest.mark.parametrize(("language", "note"), [("en", "This text is only available in Swedish."), ("ar", None)])
def test_an_untranslated_letter_s_e_mail_edition_says_it_is_in_swedish(
    default_site: Path, language: str, note: str | None
) -> None:
    """The English and Arabic e-mail editions of a letter without a translation are the Swedish letter: both parts say
    so before its text, in the edition's language, and the HTML marks the text as Swedish."""
    said = words(language)
    expected = note or said.gettext("Den här texten finns bara på %(language)s.") % {"language": said.name_of("sv")}
    folder = default_site / _folder(language) / "lofte/uppdatering" / LETTER
    html_part = lxml.html.fromstring((folder / "epost.html").read_bytes())
    assert [" ".join(p.text_content().split()) for p in html_part.xpath("//p[@class='example']")][-1] == expected
    assert html_part.xpath("//div[@lang='sv']")
    text_part = (folder / "epost.txt").read_text(encoding="utf-8")
    assert expected in text_part
    assert text_part.index(expected) < text_part.index(said.gettext("Läs brevet på webben"))


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_a_calendar_event_s_words_are_in_the_language_it_says(default_site: Path, language: str) -> None:
    """An invented meeting's summary is the calendar's words ("Example: …") around its title: it is marked with the
    calendar's LANGUAGE, and a title without a translation says it is Swedish in words; a title alone keeps its own."""
    import icalendar

    said = words(language)
    shown = translated.in_language(load(ROOT / "content"), language)
    by_page = {at.url_of("", at.update(u.id)): u for u in shown.updates}
    calendar = icalendar.Calendar.from_ical((default_site / _folder(language) / at.CALENDAR).read_bytes())
    checked = 0
    for event in calendar.walk("VEVENT"):
        update = next(u for page, u in by_page.items() if str(event["URL"]).endswith(page))
        foreign = isinstance(update.title, Untranslated) and update.title.language != language
        summary = event["SUMMARY"]
        if update.example:
            assert str(summary).startswith(_exempel(language)) and summary.params["LANGUAGE"] == language
            assert str(summary).endswith(said.not_translated("sv")) == foreign, str(summary)
            checked += 1
        else:
            assert summary.params["LANGUAGE"] == ("sv" if foreign else language)
    assert checked


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_a_final_status_of_work_under_way_is_said_in_the_past(default_site: Path, language: str) -> None:
    """An ended promise's commitment that was under way on its last day "Pågick" ("Was in progress"): its page, its
    citation and its share card say so, never "Pågår" as if the work still went on."""
    said = words(language)
    now, then = said.gettext("Pågår"), said.gettext("Pågick")
    final = said.gettext("Slutstatus:")
    found = 0
    for page in sorted((default_site / _folder(language) / "lofte/atagande").glob("*/index.html")):
        tree = lxml.html.fromstring(page.read_bytes())
        (item,) = [li for li in tree.xpath("//article//li") if li.text_content().strip().startswith(final)]
        (status,) = [span.text for span in item.xpath(".//span[contains(@class, 'status ')]")]
        assert status != now, page
        if status == then:
            found += 1
            (citation,) = tree.xpath("//p[@class='citation']")
            assert then.lower() in citation.text_content()
    assert found >= 3
    settings = in_language(read_settings(ROOT / "mkdocs.yml"), language)
    shown = translated.in_language(load(ROOT / "content"), language)
    badges = [card.badge.words for card in cards.cards_of(shown, settings, TODAY).values() if card.badge]
    assert not [b for b in badges if b.endswith(now) and not b.endswith(then)] and [
        b for b in badges if b.endswith(then)
    ]


@pytest.mark.parametrize("language", [code for code in SITE_LANGUAGES if code != "sv"])
def test_a_feed_in_another_language_says_which_texts_are_swedish(default_site: Path, language: str) -> None:
    """An English or Arabic feed's entry whose title has no translation says "(in Swedish)" after it, in the feed's
    language, and its content marks the Swedish text with lang="sv"; a translated title says nothing of the kind."""
    said = words(language)
    mark = said.not_translated("sv")
    shown = translated.in_language(load(ROOT / "content"), language)
    titles = {at.url_of("", at.update(u.id)): u for u in shown.updates}
    checked = {"marked": 0, "translated": 0}
    for entry in _entries(default_site, language, at.ALL_FEED):
        link = entry.find(f"{ATOM}link").get("href", "")
        update = next((u for page, u in titles.items() if link.endswith(page)), None)
        if update is None:
            continue
        title = entry.findtext(f"{ATOM}title", "")
        if isinstance(update.title, Untranslated):
            assert mark in title, title
            checked["marked"] += 1
        else:
            assert mark not in title, title
            checked["translated"] += 1
        content = entry.findtext(f"{ATOM}content", "")
        if isinstance(update.body, Untranslated):
            assert 'lang="sv"' in content
    assert checked["marked"] + checked["translated"] >= 3, checked


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_a_card_of_an_ended_promise_keeps_the_words_that_say_so_whatever_its_title(language: str) -> None:
    """The overline says the promise has ended before the period's title, which is what a long line loses."""
    said = words(language)
    settings = in_language(read_settings(ROOT / "mkdocs.yml"), language)
    shown = translated.in_language(load(ROOT / "content"), language)
    card = cards.cards_of(shown, settings, TODAY)[at.commitment_card("polisen-medborgardialog")]
    assert card.overline.words.startswith(f"{said.gettext('Åtagande')} · {said.gettext('löftet har slutat')} · ")


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_the_page_on_following_says_the_promise_ended_and_what_the_feeds_still_bring(
    default_site: Path, language: str
) -> None:
    said = words(language)
    page = default_site / _folder(language) / "lofte/folj/index.html"
    text = " ".join(lxml.html.fromstring(page.read_bytes()).xpath("//article")[0].text_content().split())
    assert said.day(date(2023, 4, 30)) in text
    present = said.gettext(
        "Du behöver inte komma tillbaka hit för att se om något hänt. Med en **flödesläsare** får du veta\n"
        "när ett åtagande byter status eller när något nytt publiceras."
    )
    assert " ".join(present.replace("**", "").split())[:40] not in text
