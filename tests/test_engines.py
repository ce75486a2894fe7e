"""The renderers: ProperDocs and Zensical render the same generated pages as MkDocs, and the site is the same to a reader.

MkDocs stays the default; each other renderer is compared with it here, page by page, and in Chromium.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest
from playwright.sync_api import Browser, expect

from medborgarlofte.commands.build import build
from medborgarlofte.commands.index import build_index
from medborgarlofte.rendering import RenderFailed
from medborgarlofte.structure import TIMEZONE

from .conftest import BASE, ROOT, SAMPLE, SCRIPT, TODAY, built_once, make_project, run_script, second_promise, served
from .test_browser import EVERY_PAGE, PAGES, VNU, Visit, each_page, visitor

# One page of each kind in Swedish, and the same in Arabic (right to left), for the checks made with each renderer.
ONE_OF_EACH_KIND = PAGES + [f"ar/{path}" for path in PAGES]

# Each renderer's own files: its theme's scripts, styles and images.
ENGINE_FILES = re.compile(r"(^|/)assets/")


@pytest.fixture(scope="session")
def sites(default_www: Path, zensical_www: Path, properdocs_www: Path) -> dict[str, Path]:
    """The default site built by each renderer, under the path of its real address."""
    return {"mkdocs": default_www, "zensical": zensical_www, "properdocs": properdocs_www}


@pytest.fixture(scope="session")
def zensical_url(zensical_www: Path) -> Iterator[str]:
    with served(zensical_www) as port:
        yield f"http://127.0.0.1:{port}{BASE}"


def _files(site: Path) -> dict[str, Path]:
    return {
        path.relative_to(site).as_posix(): path
        for path in site.rglob("*")
        if path.is_file() and not ENGINE_FILES.search(path.relative_to(site).as_posix())
    }


@dataclass(frozen=True)
class Seen:
    """What a reader meets on a page, whatever markup a renderer puts around it: each field a part compared."""

    lang: str  # <html lang>
    direction: str  # the direction the page is laid out in: dir on <html>, else on <body>
    html_dir: str  # dir on <html> itself
    title: str  # <title>, as a tab, a bookmark and a search result show it
    text: str  # the visible text of the main content (the article)
    langs: tuple[str, ...]  # each lang attribute in the main content, in order
    links: tuple[str, ...]  # where each link of the main content leads, as an address from the site's root
    feeds: frozenset[str]  # the feeds the page offers (<link rel="alternate" type="…rss…/…atom…">)
    alternates: frozenset[str]  # the other languages' pages it names (<link rel="alternate" hreflang>)
    generator: str


def _seen(site: Path, page: Path) -> Seen:
    address = "/" + page.relative_to(site).as_posix()
    root = lxml.html.parse(str(page)).getroot()
    body, article = root.find("body"), root.find(".//article")
    title = root.findtext(".//head/title") or ""
    resolved = lambda href: urljoin(address, href)  # noqa: E731
    heads = root.findall(".//head/link[@rel='alternate']")
    return Seen(
        lang=root.get("lang", ""),
        direction=root.get("dir") or (body.get("dir", "") if body is not None else ""),
        html_dir=root.get("dir", ""),
        title=" ".join(title.split()),
        text=" ".join(article.text_content().split()) if article is not None else "",
        langs=tuple(element.get("lang", "") for element in article.iter() if element.get("lang"))
        if article is not None
        else (),
        links=tuple(resolved(a.get("href", "")) for a in article.iter("a") if a.get("href") is not None)
        if article is not None
        else (),
        feeds=frozenset(
            resolved(link.get("href", ""))
            for link in heads
            if "rss" in link.get("type", "") or "atom" in link.get("type", "")
        ),
        alternates=frozenset(resolved(link.get("href", "")) for link in heads if link.get("hreflang")),
        generator=next((meta.get("content", "") for meta in root.iter("meta") if meta.get("name") == "generator"), ""),
    )


# Every part of a page in which a renderer's site differs from MkDocs', with why: anything else must be the same.
PAGE_DIFFERENCES = {
    "properdocs": {
        "generator": "ProperDocs names itself in each page's generator tag.",
    },
    "zensical": {
        "generator": "Zensical names itself in each page's generator tag.",
        "title": "Zensical titles a start page with its heading before the site's name; MkDocs with the site's name alone.",
    },
}
# Each file (other than pages and the renderer's own assets/) that differs, with why.
FILE_DIFFERENCES = {
    "properdocs": {},
    "zensical": {
        "search.json": "Zensical's own search index, which is not used: the search is the engine's (Pagefind).",
        "sitemap.xml": "Zensical writes each slash of the sitemap's addresses as &#x2f; (the same addresses, in valid XML).",
        "sitemap.xml.gz": "Zensical writes no compressed sitemap.",
    },
}


def _differences(mkdocs_root: Path, other_root: Path) -> tuple[dict[str, list[str]], set[str]]:
    """Where a site rendered by another renderer differs from MkDocs': each part of a page (Seen) with the pages it differs
    on, and the name of each other file that is not the same byte for byte (or is in one site only)."""
    mkdocs, other = _files(mkdocs_root), _files(other_root)
    pages = sorted(path for path in mkdocs if path.endswith(".html"))
    assert pages
    differing: dict[str, list[str]] = {}
    for path in pages:
        if path not in other:
            differing.setdefault("missing", []).append(path)
            continue
        ours, theirs = _seen(mkdocs_root, mkdocs[path]), _seen(other_root, other[path])
        for part in Seen.__dataclass_fields__:
            if getattr(ours, part) != getattr(theirs, part):
                differing.setdefault(part, []).append(path)
    published = sorted({path for path in mkdocs.keys() | other.keys() if not path.endswith(".html")})
    assert any(path.endswith(".rss") for path in published) and any(path.endswith(".csv") for path in published)
    changed = {
        path.rsplit("/", 1)[-1]
        for path in published
        if path not in mkdocs or path not in other or mkdocs[path].read_bytes() != other[path].read_bytes()
    }
    return differing, changed


@pytest.mark.slow
@pytest.mark.parametrize("renderer", ["properdocs", "zensical"])
def test_every_renderer_makes_the_same_site_as_mkdocs_but_for_the_differences_listed(
    sites: dict[str, Path], renderer: str
) -> None:
    assert len(list(sites[renderer].rglob("*.html"))) > 200  # three languages
    pages, files = _differences(sites["mkdocs"], sites[renderer])
    assert sorted(pages) == sorted(PAGE_DIFFERENCES[renderer]), {part: paths[:5] for part, paths in pages.items()}
    # The engine's own files (feeds, calendars, charts, cards, data, the search index) are the same byte for byte.
    assert sorted(files) == sorted(FILE_DIFFERENCES[renderer])


@pytest.mark.slow
@pytest.mark.parametrize("renderer", ["properdocs", "zensical"])
def test_every_renderer_builds_the_second_promise_as_mkdocs_does(
    shared: Path, second_site: Path, renderer: str
) -> None:
    rendered = built_once(shared, f"second-promise-{renderer}", second_promise(renderer)) / "project" / "site"
    pages, files = _differences(second_site, rendered)
    assert set(pages) <= set(PAGE_DIFFERENCES[renderer]), {part: paths[:5] for part, paths in pages.items()}
    assert files <= set(FILE_DIFFERENCES[renderer])
    assert "generator" in pages  # rendered by the renderer asked for, not by MkDocs


def _index_by(renderer: str, default_site: Path, second_site: Path) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / "kallor.txt").parent.mkdir(parents=True)
        (folder / "kallor.txt").write_text(f"{default_site}\n{second_site}\n", encoding="utf-8")
        build_index(folder / "kallor.txt", folder / "www", folder / "work", INDEX_RUN, engine=renderer)

    return make


@pytest.mark.slow
@pytest.mark.parametrize("renderer", ["properdocs", "zensical"])
def test_every_renderer_builds_the_national_index_as_mkdocs_does(
    shared: Path, default_site: Path, second_site: Path, renderer: str
) -> None:
    by_mkdocs = built_once(shared, "index-mkdocs", _index_by("mkdocs", default_site, second_site)) / "www"
    rendered = built_once(shared, f"index-{renderer}", _index_by(renderer, default_site, second_site)) / "www"
    assert (rendered / "lofte/omrade/1280-sofielund/index.html").is_file()
    pages, files = _differences(by_mkdocs, rendered)
    assert set(pages) <= set(PAGE_DIFFERENCES[renderer]), {part: paths[:5] for part, paths in pages.items()}
    assert files <= set(FILE_DIFFERENCES[renderer])
    assert "generator" in pages


@pytest.fixture(scope="session")
def zensical_visit(browser: Browser, zensical_url: str) -> Iterator[Callable[[str], Visit]]:
    with visitor(browser, zensical_url, widths=["desktop"]) as load:
        yield load


@pytest.mark.parametrize("path", each_page(EVERY_PAGE))
def test_zensical_page_has_no_wcag_violations_and_asks_nothing_of_another_site(
    zensical_visit: Callable[[str], Visit], zensical_url: str, path: str
) -> None:
    seen = zensical_visit(path)
    assert seen.cookies == [] and seen.script_cookie == ""
    assert not seen.violations["desktop"], "\n".join(seen.violations["desktop"])
    foreign = [
        url for url in seen.requested if not url.startswith(zensical_url) and not url.startswith(("data:", "blob:"))
    ]
    assert not foreign, foreign


@pytest.fixture(scope="session")
def properdocs_visit(browser: Browser, properdocs_www: Path) -> Iterator[Callable[[str], Visit]]:
    with served(properdocs_www) as port, visitor(browser, f"http://127.0.0.1:{port}{BASE}", widths=["desktop"]) as load:
        yield load


# ProperDocs' pages are MkDocs' byte for byte but the generator (above): one of each kind, in Swedish, is enough to see it.
@pytest.mark.parametrize("path", each_page(PAGES))
def test_properdocs_page_has_no_wcag_violations_and_asks_nothing_of_another_site(
    properdocs_visit: Callable[[str], Visit], path: str
) -> None:
    seen = properdocs_visit(path)
    assert seen.cookies == [] and seen.script_cookie == ""
    assert not seen.violations["desktop"], "\n".join(seen.violations["desktop"])
    assert [
        url
        for url in seen.requested
        if not url.startswith("http://127.0.0.1:") and not url.startswith(("data:", "blob:"))
    ] == []


@pytest.mark.parametrize("renderer", ["properdocs", "zensical"])
def test_one_page_of_each_kind_passes_the_nu_html_checker_with_every_renderer(
    sites: dict[str, Path], renderer: str
) -> None:
    folder = sites[renderer] / BASE.strip("/")
    pages = [folder / path if path.endswith(".html") else folder / path / "index.html" for path in ONE_OF_EACH_KIND]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [
        f"{m.get('url', '').rsplit('/www/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stderr)["messages"]
    ]
    assert len(pages) == len(PAGES) * 2
    assert not errors, "\n".join(errors[:20])


def test_zensical_search_finds_a_commitment_by_a_swedish_word(browser: Browser, zensical_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(zensical_url)
    page.locator(".engine-search__input").first.click()
    page.keyboard.type("blomlådor")
    # The engine's search, as on MkDocs' site: Pagefind's index, in the page's language and the catalogue's words.
    # The list follows each letter typed: wait until it shows the whole word's results, the commitment first.
    expect(page.get_by_role("search").get_by_role("status")).to_have_text(re.compile(r"^Träffar: \d+$"), timeout=10_000)
    expect(page.locator(".engine-search__result").first).to_contain_text(
        "Utlåning av blomlådor som trafikdämpare", timeout=10_000
    )
    page.close()


@pytest.mark.slow
@pytest.mark.parametrize(("engine", "name"), [("zensical", "Zensical"), ("properdocs", "ProperDocs")])
def test_a_renderer_s_failure_is_our_own_clear_error_and_the_last_site_stays(
    tmp_path: Path, engine: str, name: str
) -> None:
    project = make_project(tmp_path)
    (project / "docs" / "integritet.md").write_text("# Integritet\n\n[Trasig länk](finns-inte.md)\n", encoding="utf-8")
    with pytest.raises(RenderFailed) as failed:
        build(ROOT / "content", "content", project / "mkdocs.yml", project / "site", TODAY, engine=engine)
    said = str(failed.value)
    assert said.startswith(f"{name} kunde inte bygga sajten på språket sv:")
    assert "integritet.md" in said and "Traceback" not in said
    assert not (project / "site").exists()
    assert not list(project.glob(".zensical-*.yml"))
    # ProperDocs takes the place of MkDocs in its own process only.
    assert sys.modules["mkdocs"].__name__ == "mkdocs" and "properdocs.replacement" not in sys.modules


def test_a_zensical_whose_base_template_changed_is_said_clearly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from medborgarlofte.engines import zensical

    monkeypatch.setitem(
        zensical.CHANGES,
        "base.html",
        (*zensical.BASE_CHANGES, ('<html class="gone">', "", "a change of a line that is gone")),
    )
    with pytest.raises(RenderFailed) as failed:
        zensical._overrides(tmp_path, {"name": "material"})
    assert str(failed.value).startswith("Zensicals mall base.html (")
    assert str(failed.value).endswith(
        "ser inte ut som i den version motorn är prövad med: ändringen för 'a change of a line that is gone' "
        "kan inte göras (pröva med zensical ==0.1.2)"
    )


@pytest.mark.slow
def test_an_area_chooses_its_renderer_in_mkdocs_yml_and_the_command_line_may_choose_another(tmp_path: Path) -> None:
    project = make_project(tmp_path, languages=["sv"])
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  renderer: mkdocs\n", "  renderer: properdocs\n"), encoding="utf-8"
    )
    start = project / "site" / "index.html"
    built = run_script("build", "--content", str(SAMPLE), cwd=project)
    assert built.returncode == 0, built.stderr
    assert 'content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2"' in start.read_text(encoding="utf-8")
    built = run_script("build", "--content", str(SAMPLE), "--engine", "mkdocs", cwd=project)
    assert built.returncode == 0, built.stderr
    assert 'content="mkdocs-1.6.1, mkdocs-material-9.8.2"' in start.read_text(encoding="utf-8")


def test_build_engine_is_a_choice_of_the_command_line(tmp_path: Path) -> None:
    refused = subprocess.run(
        [sys.executable, str(SCRIPT), "build", "--engine", "hugo"], cwd=tmp_path, capture_output=True, text=True
    )
    assert refused.returncode == 2
    assert (
        refused.stderr.splitlines()[-1]
        == "build_pages.py build: fel: --engine: okänt värde 'hugo' (förväntade ett av: mkdocs, zensical, properdocs)"
    )


INDEX_RUN = datetime(2026, 11, 25, 9, 0, tzinfo=TIMEZONE)

# ProperDocs names itself in each page's generator tag; nothing else of the site may differ from MkDocs' by a byte.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.mark.slow
def test_properdocs_makes_the_same_site_as_mkdocs_byte_for_byte_but_its_name(
    default_www: Path, properdocs_www: Path
) -> None:
    mkdocs = {path.relative_to(default_www).as_posix(): path for path in default_www.rglob("*") if path.is_file()}
    properdocs = {
        path.relative_to(properdocs_www).as_posix(): path for path in properdocs_www.rglob("*") if path.is_file()
    }
    assert mkdocs.keys() == properdocs.keys() and len(mkdocs) > 500
    differ = [
        path
        for path in mkdocs
        if GENERATOR.sub(b"", mkdocs[path].read_bytes()) != GENERATOR.sub(b"", properdocs[path].read_bytes())
    ]
    assert differ == []
    start = (properdocs_www / BASE.strip("/") / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2">' in start


def test_check_warns_when_a_renderer_is_not_at_a_version_the_engine_is_tested_with(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from importlib import metadata

    from medborgarlofte import versions
    from medborgarlofte.commands import check

    assert check.untested_renderers() == []  # the lock's versions are the tested ones
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda package: "9.9.0" if package == "mkdocs-material" else real(package))
    assert check.untested_renderers() == [
        f"mkdocs-material 9.9.0 är installerad, men motorn {versions.ENGINE} är prövad med mkdocs-material>=9.8.2,<9.9 "
        "(sajten kan se annorlunda ut; installera om med pip install -r requirements.txt, eller pröva bygget noga)"
    ]


# The private functions of mkdocs.commands.build that engines/mkdocs.py uses, as each renderer's tested version has them
# (a digest of each one's source). A new version that changes one fails here: read the change, adapt engines/mkdocs.py,
# and record the new digests.
PRIVATE_AS_TESTED = {
    ("mkdocs", "1.6.1"): {
        "_populate_page": "31a70ea4caef1e12",
        "_build_page": "adcdbd14b2361126",
        "_build_theme_template": "628a78f6a129c8a0",
        "_build_extra_template": "ecfe1ffd8b50aee7",
    },
    ("properdocs", "1.6.7"): {
        "_populate_page": "b3c436870881aa43",
        "_build_page": "a921d5be3f1bcca9",
        "_build_theme_template": "8f450ccd90a65f65",
        "_build_extra_template": "bb26e703c95ab267",
    },
}


@pytest.mark.parametrize("family", ["mkdocs", "properdocs"])
def test_the_private_functions_the_mkdocs_family_adapter_uses_are_as_tested(family: str) -> None:
    from importlib import metadata

    from medborgarlofte.engines import mkdocs as adapter

    first = "import properdocs.replacement; " if family == "properdocs" else ""
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            f"{first}import json; from medborgarlofte.engines import mkdocs as adapter; "
            "print(json.dumps([adapter.FAMILY, adapter.private_fingerprints()]))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    ran, fingerprints = json.loads(found.stdout)
    assert ran == family
    assert (
        set(fingerprints)
        == set(adapter.PRIVATE)
        == {"_populate_page", "_build_page", "_build_theme_template", "_build_extra_template"}
    )
    version = metadata.version(family)
    assert (family, version) in PRIVATE_AS_TESTED, f"{family} {version} is not a version the adapter is tested with"
    assert fingerprints == PRIVATE_AS_TESTED[(family, version)]


RENDERER_PACKAGES = ("mkdocs", "properdocs", "zensical", "material")


def test_no_module_outside_the_renderers_folder_imports_a_renderer() -> None:
    package = ROOT / "medborgarlofte"
    found = []
    for module in sorted(package.rglob("*.py")):
        if module.parent == package / "engines":
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            found += [
                f"{module.relative_to(ROOT)}: {name}" for name in names if name.split(".")[0] in RENDERER_PACKAGES
            ]
    assert found == []
    # The private functions are used in the MkDocs family's adapter alone.
    used = [
        str(module.relative_to(ROOT))
        for module in package.rglob("*.py")
        if re.search(
            r"\b_(populate_page|build_page|build_theme_template|build_extra_template)\b",
            module.read_text(encoding="utf-8"),
        )
    ]
    assert used == ["medborgarlofte/engines/mkdocs.py"]
