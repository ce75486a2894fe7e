"""The second engine: Zensical renders the same generated pages as MkDocs, and the site is the same to a reader.

MkDocs stays the default; `build --engine zensical` is compared with it here, page by page and in Chromium.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from medborgarlofte.commands.build import build
from medborgarlofte.rendering import EngineFailed

from .conftest import BASE, ROOT, SCRIPT, TODAY, make_project, served
from .test_browser import EVERY_PAGE, Visit, each_page, visitor

# Each engine's own files: its search index, and MkDocs' compressed sitemap.
ENGINE_FILES = re.compile(r"(^|/)(search/|search\.json$|sitemap\.xml(\.gz)?$|assets/)")


@pytest.fixture(scope="session")
def sites(default_www: Path, zensical_www: Path) -> dict[str, Path]:
    """The default site built by each engine, under the path of its real address."""
    return {"mkdocs": default_www, "zensical": zensical_www}


@pytest.fixture(scope="session")
def zensical_url(zensical_www: Path) -> Iterator[str]:
    with served(zensical_www) as port:
        yield f"http://127.0.0.1:{port}{BASE}"


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file() and not ENGINE_FILES.search(path.relative_to(site).as_posix())}


def _article(page: Path) -> str | None:
    found = re.search(r"<article[^>]*>(.*?)</article>", page.read_text(encoding="utf-8"), re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split()) if found else None


@pytest.mark.slow
def test_both_engines_make_every_page_with_the_same_article_text(sites: dict[str, Path]) -> None:
    mkdocs, zensical = _files(sites["mkdocs"]), _files(sites["zensical"])
    assert mkdocs.keys() == zensical.keys()
    pages = [path for path in mkdocs if path.endswith(".html")]
    assert len(pages) > 200  # three languages
    articles = [path for path in pages if _article(mkdocs[path]) is not None]
    assert len(articles) > 190
    assert [path for path in articles if _article(mkdocs[path]) != _article(zensical[path])] == []


@pytest.mark.slow
def test_both_engines_publish_the_same_feeds_calendars_charts_and_data(sites: dict[str, Path]) -> None:
    mkdocs, zensical = _files(sites["mkdocs"]), _files(sites["zensical"])
    published = [path for path in mkdocs if not path.endswith(".html")]
    assert any(path.endswith(".rss") for path in published) and any(path.endswith(".ics") for path in published)
    assert any(path.endswith(".svg") for path in published) and any(path.endswith(".csv") for path in published)
    assert [path for path in published if mkdocs[path].read_bytes() != zensical[path].read_bytes()] == []


@pytest.fixture(scope="session")
def zensical_visit(browser: Browser, zensical_url: str) -> Iterator[Callable[[str], Visit]]:
    with visitor(browser, zensical_url, widths=["desktop"]) as load:
        yield load


@pytest.mark.parametrize("path", each_page(EVERY_PAGE))
def test_zensical_page_has_no_wcag_violations_and_asks_nothing_of_another_site(zensical_visit: Callable[[str], Visit], zensical_url: str, path: str) -> None:
    seen = zensical_visit(path)
    assert seen.cookies == [] and seen.script_cookie == ""
    assert not seen.violations["desktop"], "\n".join(seen.violations["desktop"])
    foreign = [url for url in seen.requested if not url.startswith(zensical_url) and not url.startswith(("data:", "blob:"))]
    assert not foreign, foreign


def test_zensical_search_finds_a_commitment_by_a_swedish_word(browser: Browser, zensical_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(zensical_url)
    page.locator(".engine-search__input").first.click()
    page.keyboard.type("blomlådor")
    # The engine's search, as on MkDocs' site: Pagefind's index, in the page's language and the catalogue's words.
    # The list follows each letter typed: wait until it shows the whole word's results, the commitment first.
    expect(page.get_by_role("search").get_by_role("status")).to_have_text(re.compile(r"^Träffar: \d+$"), timeout=10_000)
    expect(page.locator(".engine-search__result").first).to_contain_text("Utlåning av blomlådor som trafikdämpare", timeout=10_000)
    page.close()


@pytest.mark.slow
@pytest.mark.parametrize(("engine", "name"), [("zensical", "Zensical"), ("properdocs", "ProperDocs")])
def test_a_renderer_s_failure_is_our_own_clear_error_and_the_last_site_stays(tmp_path: Path, engine: str, name: str) -> None:
    project = make_project(tmp_path)
    (project / "docs" / "integritet.md").write_text("# Integritet\n\n[Trasig länk](finns-inte.md)\n", encoding="utf-8")
    with pytest.raises(EngineFailed) as failed:
        build(ROOT / "content", "content", project / "mkdocs.yml", project / "site", TODAY, engine=engine)
    said = str(failed.value)
    assert said.startswith(f"{name} kunde inte bygga sajten på språket sv:")
    assert "integritet.md" in said and "Traceback" not in said
    assert not (project / "site").exists()
    assert not list(project.glob(".zensical-*.yml"))
    # ProperDocs takes the place of MkDocs in its own process only.
    assert sys.modules["mkdocs"].__name__ == "mkdocs" and "properdocs.replacement" not in sys.modules


def test_build_engine_is_a_choice_of_the_command_line(tmp_path: Path) -> None:
    refused = subprocess.run([sys.executable, str(SCRIPT), "build", "--engine", "hugo"], cwd=tmp_path, capture_output=True, text=True)
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[-1] == "build_pages.py build: fel: --engine: okänt värde 'hugo' (förväntade ett av: mkdocs, zensical, properdocs)"


# ProperDocs names itself in each page's generator tag; nothing else of the site may differ from MkDocs' by a byte.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.mark.slow
def test_properdocs_makes_the_same_site_as_mkdocs_byte_for_byte_but_its_name(default_www: Path, properdocs_www: Path) -> None:
    mkdocs = {path.relative_to(default_www).as_posix(): path for path in default_www.rglob("*") if path.is_file()}
    properdocs = {path.relative_to(properdocs_www).as_posix(): path for path in properdocs_www.rglob("*") if path.is_file()}
    assert mkdocs.keys() == properdocs.keys() and len(mkdocs) > 500
    differ = [path for path in mkdocs if GENERATOR.sub(b"", mkdocs[path].read_bytes()) != GENERATOR.sub(b"", properdocs[path].read_bytes())]
    assert differ == []
    start = (properdocs_www / BASE.strip("/") / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">' in start


def test_check_warns_when_a_renderer_is_not_at_a_version_the_engine_is_tested_with(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    from medborgarlofte import versions
    from medborgarlofte.commands import check

    assert check.untested_renderers() == []  # the lock's versions are the tested ones
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda package: "9.9.0" if package == "mkdocs-material" else real(package))
    assert check.untested_renderers() == [
        f"mkdocs-material 9.9.0 är installerad, men motorn {versions.ENGINE} är prövad med mkdocs-material>=9.8.1,<9.9 "
        "(sajten kan se annorlunda ut; installera om med pip install -r requirements.txt, eller pröva bygget noga)"]
