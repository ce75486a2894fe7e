"""The built default site in real Chromium: accessible, private and readable without JavaScript.

These tests need Debian's Chromium at /usr/bin/chromium (`make test` installs it); they fail, never skip, without it.
Every page is visited once (`visit`), at both widths: the per-page rules (console errors, missing files, requests to other sites,
cookies, axe at a phone's and a desktop's width, the footer's links) are read from that one load.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from medborgarlofte.addresses import language_folder

from .conftest import ROOT, SITE_LANGUAGES, axe

WIDTHS = {"phone": 390, "desktop": 1280}
PAGES = [
    "",
    "lofte/ataganden/",
    "lofte/atagande/polisen-medborgardialog/",
    "lofte/atagande/fgk-blomlador/",
    "lofte/aktor/polisen/",
    "lofte/aktorer/",
    "lofte/tema/barn-och-unga/",
    "lofte/teman/",
    "lofte/period/2022-2023/",
    "lofte/perioder/",
    "lofte/uppdatering/2022-09-dialogmote-seveds-plan/",
    "lofte/uppdatering/2022-05-informationsbrev-1/",
    "lofte/uppdateringar/",
    "lofte/medborgardialoger/",
    "lofte/uppfoljning/",
    "lofte/uppfoljning/2022-2023/",
    "lofte/indikator/upplevd-otrygghet-kvallstid/",
    "lofte/folj/",
    "lofte/oppna-data/",
    "lofte/inbadda/",
    "tillganglighet/",
    "integritet/",
    "404.html",
]


# Every language's site has every page: Swedish at the root, the others in a folder of their code.
LANGUAGES = [language_folder(code, SITE_LANGUAGES[0]) for code in SITE_LANGUAGES]
EVERY_PAGE = [language + path for language in LANGUAGES for path in PAGES]
REPORT = ROOT / "test-report"  # screenshots, for a reader of the test run to look at
VNU = ROOT / "tests/tools/node_modules/vnu-jar/build/dist/vnu.jar"
# Every transition and animation at its end at once: axe reads the colours a page comes to rest with, not the frames between.
WITHOUT_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# Two frames for a change of layout to start its transitions, then until every one that ends has ended.
AT_REST = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const ending = document.getAnimations().filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.all(ending.map(animation => animation.finished.catch(() => null)));
}"""


def each_page(paths: list[str]) -> list:
    """The paths as parameters, each in a load group of its own, so that every test of one page runs where it was loaded."""
    return [pytest.param(path, marks=pytest.mark.xdist_group(f"page:{path}"), id=path or "start") for path in paths]


@dataclass
class Visit:
    """What one load of a page showed."""

    problems: list[str] = field(default_factory=list)  # console errors and responses of 400 or more
    requested: list[str] = field(default_factory=list)
    cookies: list = field(default_factory=list)
    script_cookie: str = ""
    violations: dict[str, list[str]] = field(default_factory=dict)  # by width
    footer_links: list[str] = field(default_factory=list)


@contextmanager
def visitor(browser: Browser, site_url: str, widths: Sequence[str] = tuple(WIDTHS)) -> Iterator[Callable[[str], Visit]]:
    """Pages of a site each loaded once, at each width in turn, and read for every per-page rule.

    One tab goes from page to page, as a reader's does: a new tab for each would start a new renderer every time.
    """
    context: BrowserContext = browser.new_context()
    tab = context.new_page()
    visits: dict[str, Visit] = {}
    seen = Visit()  # the visit under way: what the tab reports belongs to it
    tab.on(
        "console", lambda message: seen.problems.append(f"console: {message.text}") if message.type == "error" else None
    )
    tab.on(
        "response",
        lambda response: seen.problems.append(f"{response.status} {response.url}") if response.status >= 400 else None,
    )
    tab.on("request", lambda request: seen.requested.append(request.url))

    def load(path: str) -> Visit:
        nonlocal seen
        if path in visits:
            return visits[path]
        seen = visits[path] = Visit()
        for n, width in enumerate(widths):
            tab.set_viewport_size({"width": WIDTHS[width], "height": 900})
            if n == 0:
                tab.goto(site_url + path)
                tab.add_style_tag(content=WITHOUT_MOTION)
            # Measured once what the load or the new width set moving has come to rest (Material fades its drawer and
            # header in and out: half-faded text would be read as too faint).
            tab.evaluate(AT_REST)
            seen.violations[width] = axe(tab)
        # Material's script asks for more after the load (a sitemap beside every feed the page links to).
        tab.wait_for_load_state("networkidle")
        seen.footer_links = [" ".join(text.split()) for text in tab.locator("footer a").all_inner_texts()]
        seen.script_cookie = tab.evaluate("document.cookie")
        seen.cookies = context.cookies()
        return seen

    try:
        yield load
    finally:
        context.close()


@pytest.fixture(scope="session")
def visit(browser: Browser, site_url: str) -> Iterator[Callable[[str], Visit]]:
    """A page of the default site loaded at a phone's width and then a desktop's, and read for every per-page rule."""
    with visitor(browser, site_url) as load:
        yield load


def test_every_page_passes_the_nu_html_checker(default_site: Path) -> None:
    """The W3C's Nu Html Checker (vnu.jar, run with Debian's Java) finds no error on any page, redirects and 404 included."""
    # A letter's e-mail edition is HTML as mail clients read it (a table's width and border), checked as they would in test_channels.
    pages = [page for page in default_site.rglob("*.html") if page.name != "epost.html"]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stderr)["messages"]
    ]
    assert len(pages) > 60
    assert not errors, "\n".join(errors[:20])


@pytest.mark.parametrize("path", each_page(EVERY_PAGE))
def test_page_logs_no_error_and_asks_for_nothing_missing(visit: Callable[[str], Visit], path: str) -> None:
    """No 404 in the console: Material's script looks for a sitemap beside every feed a page links to."""
    assert visit(path).problems == []


@pytest.mark.parametrize("path", each_page(EVERY_PAGE))
def test_page_asks_nothing_of_another_site_and_sets_no_cookie(
    visit: Callable[[str], Visit], site_url: str, path: str
) -> None:
    seen = visit(path)
    assert seen.requested and seen.requested[0] == site_url + path
    assert [
        url for url in seen.requested if not url.startswith(site_url) and not url.startswith(("data:", "blob:"))
    ] == []
    assert seen.cookies == [] and seen.script_cookie == ""


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", each_page(EVERY_PAGE))
def test_page_has_no_wcag_violations(visit: Callable[[str], Visit], path: str, width: str) -> None:
    problems = visit(path).violations[width]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", each_page(PAGES))
def test_every_page_links_to_the_accessibility_statement_and_privacy_page(
    visit: Callable[[str], Visit], path: str
) -> None:
    links = visit(path).footer_links
    assert links.count("Tillgänglighetsredogörelse") == 1 and links.count("Integritet och kakor") == 1, links


def test_searching_asks_nothing_of_another_site_and_sets_no_cookie(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(site_url)
    page.locator(".engine-search__input").first.click()
    page.keyboard.type("trygghet")
    page.locator(".engine-search__result").first.wait_for()
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    context.close()
    assert any("/pagefind/" in url for url in requested)
    assert [url for url in requested if not url.startswith(site_url) and not url.startswith(("data:", "blob:"))] == []


def test_an_address_once_published_leads_to_its_page(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "lofte/")
    page.wait_for_url(site_url + "lofte/ataganden/")
    assert page.locator("h1").inner_text() == "Åtaganden"
    page.close()


def test_pages_read_fully_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "lofte/atagande/fgk-blomlador/")
    text = page.inner_text("main")
    for expected in (
        "Utlåning av blomlådor som trafikdämpare",
        "Statushistorik",
        "31 oktober 2022",
        "Genomförd",
        "Ni sa",
        "Citera",
    ):
        assert expected in text
    page.goto(site_url)
    assert "Utfallet när löftet slutade" in page.inner_text("main")  # the default promise ended on 2023-04-30
    assert page.locator("footer a", has_text="Tillgänglighetsredogörelse").is_visible()
    context.close()


def test_status_is_written_not_only_coloured(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url)
    labels = page.locator(".status").all_inner_texts()
    page.close()
    assert labels and all(label.strip() for label in labels)


def test_swedish_search_finds_a_commitment(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url)
    page.locator(".engine-search__input").first.click()
    page.keyboard.type("blomlådor")
    result = page.locator(".engine-search__result").first
    result.wait_for(timeout=10_000)
    assert "blomlådor" in page.inner_text(".engine-search__results").lower()
    page.close()


def test_letter_prints_on_a4_with_its_address(browser: Browser, site_url: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    page = browser.new_page()
    page.goto(site_url + "lofte/uppdatering/2022-05-informationsbrev-1/")
    page.pdf(path=str(tmp_path / "brev.pdf"), format="A4", print_background=False)
    page.close()
    reader = PdfReader(tmp_path / "brev.pdf")
    text = " ".join(p.extract_text() for p in reader.pages)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points
    assert len(reader.pages) <= 2
    assert "Informationsbrev 1 – medborgarlöftet för Sofielund har börjat gälla" in " ".join(text.split())
    assert "lofte/uppdatering/2022-05-informationsbrev-1/" in text.replace("\n", "")
    for screen_only in ("Tillgänglighetsredogörelse", "Sök", "Följ sidan i en flödesläsare", "Aktörer"):
        assert screen_only not in text, screen_only


@pytest.mark.parametrize(
    ("language", "word", "title"),
    [
        ("en/", "flower", "Lending flower boxes as traffic calming"),
        ("ar/", "أحواض", "إعارة أحواض الزهور لتهدئة حركة المرور"),
    ],
)
def test_search_finds_a_commitment_in_each_language(
    browser: Browser, site_url: str, language: str, word: str, title: str
) -> None:
    page = browser.new_page()
    page.goto(site_url + language)
    assert title in searched(page, word)
    page.close()


def searched(page: Page, word: str) -> str:
    """The results the page's search box shows for a word, typed as a reader types it."""
    page.locator(".engine-search__input").first.click()
    page.keyboard.type(word)
    # Playwright types a letter outside the US layout as inserted text, with no key released; Material reads the
    # query when a key is released, as on a real Arabic keyboard. End releases one and leaves the text as it is.
    page.keyboard.press("End")
    page.locator(".engine-search__result").first.wait_for()
    return page.locator(".engine-search__results").inner_text()


def test_the_language_selector_leads_to_the_same_page_in_arabic(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "lofte/atagande/fgk-blomlador/")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="العربية").click()
    page.wait_for_url(site_url + "ar/lofte/atagande/fgk-blomlador/")
    assert page.locator("h1").inner_text() == "إعارة أحواض الزهور لتهدئة حركة المرور"
    page.close()


def _box(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box, selector
    return box


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_arabic_pages_read_right_to_left(browser: Browser, site_url: str, width: int) -> None:
    """Tables, status badges, bars, the history and the chart all start at the right, as Arabic is read."""
    REPORT.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    name = "phone" if width < 600 else "desktop"

    page.goto(site_url + "ar/")
    assert page.evaluate(
        "[document.documentElement.dir, document.body.dir, getComputedStyle(document.querySelector('article')).direction]"
    ) == ["rtl", "rtl", "rtl"]
    headers = page.locator("article table").first.locator("th")
    first, second = headers.nth(0).bounding_box(), headers.nth(1).bounding_box()
    assert first and second and first["x"] > second["x"], "the first column is at the right"
    bar, filled = _box(page, ".bar"), _box(page, ".bar > span")
    assert abs((bar["x"] + bar["width"]) - (filled["x"] + filled["width"])) < 2, "a bar fills from the right"
    assert filled["width"] < bar["width"] - 2
    page.screenshot(path=str(REPORT / f"ar-start-{name}.png"), full_page=True)

    page.goto(site_url + "ar/lofte/atagande/fgk-blomlador/")
    article, heading = _box(page, "article"), _box(page, "article h1")
    assert abs((article["x"] + article["width"]) - (heading["x"] + heading["width"])) < 40, (
        "the title starts at the right"
    )
    history, entry = _box(page, "ol.history"), _box(page, "ol.history li")
    assert abs((history["x"] + history["width"]) - (entry["x"] + entry["width"])) < 2, (
        "the history is not indented at the right"
    )
    status, time = _box(page, "ol.history li .status"), _box(page, "ol.history li time")
    assert status["x"] < time["x"], "the status comes after the date, to its left"
    page.screenshot(path=str(REPORT / f"ar-commitment-{name}.png"), full_page=True)

    page.goto(site_url + "ar/lofte/uppfoljning/2022-2023/")
    assert page.evaluate(
        "[...document.querySelectorAll('article img')].every(img => img.complete && img.naturalWidth > 0)"
    )
    assert page.locator("article img").count() >= 1
    page.screenshot(path=str(REPORT / f"ar-followup-{name}.png"), full_page=True)
    page.close()


# The smallest text of each chart on the page as the reader sees it: its font size in the SVG, scaled as the <img> is.
CHART_TEXT = """async () => Promise.all([...document.querySelectorAll('article img.chart, article img.chart-small')].map(async img => {
  const svg = new DOMParser().parseFromString(await (await fetch(img.src)).text(), 'image/svg+xml').documentElement;
  const sizes = [svg, ...svg.querySelectorAll('[font-size]')].map(e => parseFloat(e.getAttribute('font-size')));
  return [img.getAttribute('src'), Math.min(...sizes) * img.getBoundingClientRect().width / svg.viewBox.baseVal.width];
}))"""
CHARTED = [
    "lofte/uppfoljning/2022-2023/",
    "lofte/indikator/upplevd-otrygghet-kvallstid/",
    "lofte/atagande/polisen-inriktning-narvaro/",
]


@pytest.mark.parametrize("path", [language + path for language in LANGUAGES for path in CHARTED])
def test_chart_text_is_at_least_10_px_on_a_phone(browser: Browser, site_url: str, path: str) -> None:
    page = browser.new_page(viewport={"width": WIDTHS["phone"], "height": 900})
    page.goto(site_url + path)
    shown = page.evaluate(CHART_TEXT)
    page.close()
    assert shown and all(px >= 10 for _src, px in shown), shown


@pytest.mark.parametrize("path", [language + "lofte/uppfoljning/2022-2023/" for language in LANGUAGES])
def test_the_follow_up_tables_fit_a_desktop_column(browser: Browser, site_url: str, path: str) -> None:
    """No table of a follow-up asks a reader at a desktop's width to scroll sideways for its last column."""
    page = browser.new_page(viewport={"width": WIDTHS["desktop"], "height": 900})
    page.goto(site_url + path)
    cut = page.evaluate(
        "[...document.querySelectorAll('article table')].filter(t => t.scrollWidth > t.closest('article').clientWidth)"
        ".map(t => t.querySelector('th').innerText + ': ' + t.scrollWidth + ' px of ' + t.closest('article').clientWidth)"
    )
    page.close()
    assert cut == []


def test_the_embed_page_copies_each_code_whole_with_one_press_and_shows_it_all_on_a_phone(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(
        viewport={"width": WIDTHS["phone"], "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    page.goto(site_url + "lofte/inbadda/")
    codes = page.locator("pre.copy code")
    assert codes.count() >= 10
    assert (
        page.evaluate(
            "[...document.querySelectorAll('pre.copy code')].filter(code => code.scrollWidth > code.clientWidth).length"
        )
        == 0
    )
    for n in (0, codes.count() - 1):
        button = page.locator("pre.copy").nth(n).get_by_role("button", name="Kopiera till urklipp")
        button.click()
        assert page.evaluate("navigator.clipboard.readText()") == codes.nth(n).inner_text()
    context.close()


@pytest.mark.parametrize(("language", "short"), [("", "Sofielund"), ("en/", "Sofielund"), ("ar/", "سوفيلوند")])
def test_the_header_on_a_phone_names_the_area_in_whole_words(
    browser: Browser, site_url: str, language: str, short: str
) -> None:
    """At 390 px the site's whole name would be cut mid-word ('Medborgarlöfte Sofi…'): the area's name stands alone,
    and the whole name is still what a screen reader reads."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + language, wait_until="load")
    title = page.locator(".md-header__topic").first
    shown = title.evaluate(
        "element => [...element.querySelectorAll('span')].filter(s => s.offsetWidth > 1).map(s => s.textContent.trim())"
    )
    assert short in shown
    cut = title.evaluate(
        "element => { const e = element.querySelector('.md-ellipsis'); return e.scrollWidth > e.clientWidth; }"
    )
    assert not cut
    assert title.locator(".site-name").text_content().strip().startswith(("Medborgarlöfte", "Citizen promise", "وعد"))
    REPORT.mkdir(exist_ok=True)
    page.screenshot(path=str(REPORT / f"header-{language.strip('/') or 'sv'}-phone.png"))
    wide = browser.new_page(viewport={"width": 1280, "height": 900})
    wide.goto(site_url + language, wait_until="load")
    assert (
        wide.locator(".md-header__topic .site-name").first.is_visible()
        and not wide.locator(".md-header__topic .site-name-short").first.is_visible()
    )
    page.close()
    wide.close()
