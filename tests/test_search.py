"""Search as a resident uses it, in real Chromium on the built default site: the words people type, in each language.

The index is Pagefind's (built by every build and preview, one per language); the box is the engine's own
(theme/partials/search.html), where Material's is. Nothing of the search is fetched before a reader starts to search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from medborgarlofte.commands.build import build_preview
from medborgarlofte.rendering import Preview

from .conftest import axe, make_content, make_project, served
from .test_browser import WIDTHS

pytestmark = pytest.mark.xdist_group("search")
# What the search announces once it has searched, in each language: how many it found, or that it found nothing.
SEARCHED = re.compile(r"^((Träffar|Results|النتائج): \d+|Inga träffar\.|No results\.|لا توجد نتائج\.)$")


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": WIDTHS["desktop"], "height": 900})
    yield page
    page.close()


def search(page: Page, site_url: str, language: str, query: str) -> list[str]:
    """The results' texts once the whole query has been searched for: the number announced, then the list."""
    page.goto(site_url + language)
    page.locator(".engine-search__input").click()
    page.keyboard.type(query)
    # A letter outside the US layout is typed as inserted text; End releases a key as a real keyboard does.
    page.keyboard.press("End")
    expect(page.get_by_role("search").get_by_role("status")).to_have_text(SEARCHED, timeout=15_000)
    page.wait_for_function("query => document.querySelector('.engine-search__input').value.trim() === query", arg=query)
    return page.locator(".engine-search__result").all_inner_texts()


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("", "blomlåda", "Utlåning av blomlådor som trafikdämpare"),  # the singular finds the plural
        ("", "blomlådorna", "Utlåning av blomlådor som trafikdämpare"),  # and the definite form
        ("", "kamerabevakningen", "Förbättra kamerabevakningen i området"),
        ("en/", "cameras", "Improve camera surveillance in the area"),  # the plural finds the singular
        ("en/", "flowers", "Lending flower boxes as traffic calming"),
        ("ar/", "كاميرات", "تحسين المراقبة بالكاميرات في الحي"),  # without the prefix بـ and the article
        ("ar/", "الكاميرات", "تحسين المراقبة بالكاميرات في الحي"),  # with the article, without the prefix
        ("ar/", "الزهور", "إعارة أحواض الزهور لتهدئة حركة المرور"),  # with the article
        ("ar/", "زهور", "إعارة أحواض الزهور لتهدئة حركة المرور"),  # without it
    ],
    ids=[
        "sv-singular",
        "sv-definite",
        "sv-compound-definite",
        "en-plural",
        "en-plural-flowers",
        "ar-no-article",
        "ar-article",
        "ar-flowers-article",
        "ar-flowers-bare",
    ],
)
def test_search_finds_the_word_as_residents_type_it(
    tab: Page, site_url: str, language: str, query: str, title: str
) -> None:
    results = search(tab, site_url, language, query)
    assert any(title in result for result in results[:5]), results[:5]


def test_search_finds_a_page_by_its_own_words_and_no_listing_or_embed_code_beside_it(tab: Page, site_url: str) -> None:
    """The embed page and the listings repeat every title (with "Statusmärke: Statuskort:" around it); the note about
    examples stands on every page with examples. Neither is what a result shows."""
    results = search(tab, site_url, "", "blomlådor")
    assert results and "Utlåning av blomlådor som trafikdämpare" in results[0]
    assert not [
        result
        for result in results
        if "Statusmärke" in result or "Statuskort" in result or result.startswith(("Bädda in", "Åtaganden"))
    ]
    excerpt = results[0].splitlines()[-1]
    assert not excerpt.startswith("Uppgifter märkta") and "påhittade för att visa hur sajten fungerar" not in excerpt


def test_a_commitment_is_found_first_by_its_id(tab: Page, site_url: str) -> None:
    """The id the open data and the embed codes use: a journalist with the spreadsheet finds the commitment's page."""
    results = search(tab, site_url, "", "fgk-blomlador")
    assert results[0].splitlines()[0] == "Åtagande" and "Utlåning av blomlådor som trafikdämpare" in results[0]


def test_an_actor_is_found_by_its_short_name_and_each_result_says_what_kind_of_page_it_is(
    tab: Page, site_url: str
) -> None:
    results = search(tab, site_url, "", "Polisen")
    kinds = {result.splitlines()[0] for result in results}
    assert "Aktör" in kinds and "Åtagande" in kinds, kinds
    assert any(result.startswith("Aktör") and "Lokalpolisområde Malmö Norr" in result for result in results)
    english = search(tab, site_url, "en/", "police")
    assert {result.splitlines()[0] for result in english} >= {"Partner", "Commitment"}


def test_nothing_of_the_search_is_fetched_until_a_reader_starts_to_search(tab: Page, site_url: str) -> None:
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    tab.goto(site_url + "lofte/ataganden/")
    tab.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pagefind/" in url]
    tab.locator(".engine-search__input").click()
    tab.keyboard.type("trygghet")
    tab.locator(".engine-search__result").first.wait_for()
    fetched = [url for url in requested if "/pagefind/" in url]
    assert any(url.endswith("pagefind.js") for url in fetched) and any(
        ".sv_" in url or "wasm.sv" in url for url in fetched
    ), fetched
    assert not [
        url for url in fetched if "wasm.en" in url or "wasm.ar" in url or "/en_" in url or "/ar_" in url
    ]  # the page's language alone
    assert [url for url in requested if not url.startswith(site_url) and not url.startswith(("data:", "blob:"))] == []


def test_drafts_and_items_not_yet_published_are_never_in_the_preview_index(browser: Browser, tmp_path: Path) -> None:
    """The preview shows drafts and posts dated later, and searches only what is published."""
    project = make_project(tmp_path, languages=["sv"])
    letter = "---\ntitle: {title}\ndate: {day}\nkind: nyhet\nsummary: Om {word}.\n{draft}---\nHär står ordet {word}.\n"
    content = make_content(
        project,
        {
            "updates/2022-09-30-utkast.md": letter.format(
                title="Ett utkast", day="2022-09-30", word="xylofonlådan", draft="draft: true\n"
            ),
            "updates/2022-12-01-senare.md": letter.format(
                title="Ett senare inlägg", day="2022-12-01", word="xylofonlådan", draft=""
            ),
            "updates/2022-09-29-publicerat.md": letter.format(
                title="Ett publicerat inlägg", day="2022-09-29", word="marimbalådan", draft=""
            ),
        },
    )
    site = build_preview(content, "content", project / "mkdocs.yml", date(2022, 10, 1), Preview())
    assert "Ett utkast" in (site / "lofte/uppdatering/2022-09-30-utkast/index.html").read_text(encoding="utf-8")
    with served(site) as port:
        page = browser.new_page()
        published = search(page, f"http://127.0.0.1:{port}/", "", "marimbalådan")
        unpublished = search(page, f"http://127.0.0.1:{port}/", "", "xylofonlådan")
        page.close()
    assert published and "Ett publicerat inlägg" in published[0]
    assert unpublished == []


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize(
    ("language", "query"), [("", "blomlådor"), ("en/", "flower"), ("ar/", "أحواض")], ids=["sv", "en", "ar"]
)
def test_the_search_with_its_results_open_has_no_wcag_violations(
    browser: Browser, site_url: str, language: str, query: str, width: str
) -> None:
    page = browser.new_page(viewport={"width": WIDTHS[width], "height": 900})
    if width == "phone":  # on a phone the search opens over the page from the magnifier in the header
        page.goto(site_url + language)
        page.locator("label.md-header__button[for='__search']").click()
        expect(page.locator(".engine-search__input")).to_be_focused()
        page.keyboard.type(query)
        page.keyboard.press("End")
        page.locator(".engine-search__result").first.wait_for()
    else:
        search(page, site_url, language, query)
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    problems = axe(page)
    direction = page.evaluate("getComputedStyle(document.querySelector('.engine-search__results')).direction")
    page.keyboard.press("Escape")
    closed = page.evaluate("!document.getElementById('__search').checked")
    page.close()
    assert not problems, "\n".join(problems)
    assert direction == ("rtl" if language == "ar/" else "ltr")
    assert closed


def test_the_search_speaks_the_pages_language(tab: Page, site_url: str) -> None:
    for language, placeholder, none in (
        ("", "Sök på sajten", "Inga träffar."),
        ("en/", "Search the site", "No results."),
        ("ar/", "ابحث في الموقع", "لا توجد نتائج."),
    ):
        tab.goto(site_url + language)
        field = tab.locator(".engine-search__input")
        assert field.get_attribute("placeholder") == placeholder
        field.click()
        tab.keyboard.type("qqqzzz")
        expect(tab.get_by_role("search").get_by_role("status")).to_have_text(none, timeout=15_000)
