"""The built default site in real Chromium: accessible, private and readable without JavaScript.

These tests need Debian's Chromium at /usr/bin/chromium (`make test` installs it); they fail, never skip, without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser

from medborgarlofte.commands.build import build
from medborgarlofte.settings import read_settings

from .conftest import ROOT, make_project, served

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
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
    "tillganglighet/",
    "integritet/",
    "404.html",
]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site served under the same path as on its real address, as GitHub Pages serves it."""
    project = make_project(tmp_path_factory.mktemp("browser"))
    base = urlparse(read_settings(project / "mkdocs.yml").url).path
    build(ROOT / "content", "content", project / "mkdocs.yml", project / "www" / base.strip("/"), date(2026, 11, 25))
    with served(project / "www") as port:
        yield f"http://127.0.0.1:{port}{base}"


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_violations(browser: Browser, site_url: str, path: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site_url + path)
    page.evaluate(AXE_SCRIPT)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    page.close()
    problems = [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})" for v in result["violations"]]
    assert not problems, "\n".join(problems)


def test_no_request_leaves_the_site_and_no_cookie_is_set(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for path in PAGES:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    page.locator(".md-search__input").first.click()
    page.keyboard.type("trygghet")
    page.locator(".md-search-result__item").first.wait_for()
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    context.close()
    foreign = [url for url in requested if not url.startswith(site_url) and not url.startswith(("data:", "blob:"))]
    assert not foreign, foreign
    assert len(requested) > len(PAGES)


def test_pages_read_fully_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "lofte/atagande/fgk-blomlador/")
    text = page.inner_text("main")
    for expected in ("Utlåning av blomlådor som trafikdämpare", "Statushistorik", "31 oktober 2022", "Genomförd", "Ni sa", "Citera"):
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
    page.locator(".md-search__input").first.click()
    page.keyboard.type("blomlådor")
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=10_000)
    assert "blomlådor" in page.inner_text(".md-search-result").lower()
    page.close()


def test_every_page_links_to_the_accessibility_statement_and_privacy_page(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    for path in PAGES:
        page.goto(site_url + path)
        footer = page.locator("footer")
        assert footer.get_by_role("link", name="Tillgänglighetsredogörelse").count() == 1, path
        assert footer.get_by_role("link", name="Integritet och kakor").count() == 1, path
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
