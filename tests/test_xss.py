"""The XSS corpus in every Markdown and plain-text field: built, then every page read for script, and every feed item in Chromium.

Nothing may run: no dialog opens, no element carries an on* attribute, no address is a script URL.
Every page is read by the same rules as the browser applies (`Findings`, which a test holds to the browser's own
reading of the corpus); Chromium loads one page of every kind and language, and one item's page of every vector, the
kinds of item and the languages taken in turn.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

import pytest
import yaml
from playwright.sync_api import Browser, Page
from pydantic import BaseModel, StringConstraints

from medborgarlofte.commands.build import build
from medborgarlofte.contents import load
from medborgarlofte.errors import ContentErrors
from medborgarlofte.structure import MAX_LINE, Actor, Commitment, Indicator, Period, Theme, Update
from medborgarlofte.translated import nested

from .conftest import SAMPLE, built_once, make_content, make_project, served
from .xss_corpus import BUILT, REFUSED, VECTORS

TODAY = date(2022, 10, 1)

# What a page must not hold once loaded: handlers, script addresses (as written and as the browser resolves them), and
# elements that load or run something of their own.
FIND_SCRIPT = """() => {
  const bad = [];
  const script = /^(javascript|vbscript|livescript|data):/;
  const plain = value => value.replace(/[\\u0000-\\u0020\\u007f-\\u009f]/g, '').toLowerCase();
  for (const el of document.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      if (attribute.name.toLowerCase().startsWith('on')) bad.push(`${el.tagName} ${attribute.name}`);
      if (script.test(plain(attribute.value))) bad.push(`${el.tagName} ${attribute.name}=${attribute.value}`);
    }
  }
  for (const el of document.querySelectorAll('a[href], area[href]')) if (script.test(plain(el.href))) bad.push(`href ${el.href}`);
  for (const el of document.querySelectorAll('[src]')) if (script.test(plain(el.src))) bad.push(`src ${el.src}`);
  for (const el of document.querySelectorAll('iframe, object, embed, base, meta[http-equiv="refresh"], math, svg script')) bad.push(el.tagName);
  for (const el of document.querySelectorAll('script')) if (el.textContent.includes('alert(')) bad.push('script alert');
  return bad;
}"""


SCRIPT_ADDRESS = re.compile(r"^(javascript|vbscript|livescript|data):")
LOADS_OR_RUNS = {"iframe", "object", "embed", "base", "math"}


class Findings(HTMLParser):
    """FIND_SCRIPT's rules read from a page's HTML, as the browser parses it: what runs or loads something of its own.

    The elements whose content a browser with script reads as text are read as text here too (a `</noscript>` inside
    an attribute ends the element, as it does there). A template's content, inert in the browser, is read all the same.
    """

    CDATA_CONTENT_ELEMENTS = (
        "script",
        "style",
        "noscript",
        "iframe",
        "noembed",
        "noframes",
        "xmp",
        "textarea",
        "title",
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []
        self.in_svg = 0
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag.upper()} {name}")
            plain = re.sub(r"[\u0000-\u0020\u007f-\u009f]", "", value or "").lower()
            if SCRIPT_ADDRESS.match(plain):
                self.bad.append(f"{tag.upper()} {name}={value}")
        if (
            tag in LOADS_OR_RUNS
            or (tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh")
            or (tag == "script" and self.in_svg)
        ):
            self.bad.append(tag.upper())
        self.in_svg += tag == "svg"
        self.in_script = tag == "script"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.in_svg -= tag == "svg"
        self.in_script = False

    def handle_endtag(self, tag: str) -> None:
        self.in_svg = max(0, self.in_svg - (tag == "svg"))
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.bad.append("script alert")


def findings(html: str) -> list[str]:
    reader = Findings()
    reader.feed(html)
    reader.close()
    return reader.bad


def one_line(vector: str) -> str:
    return vector.replace("\n", " ")[:MAX_LINE]


def hostile_content(target: Path, vectors: list[str]) -> Path:
    """The sample content with one commitment, update, actor, theme and indicator per vector, the vector in each text."""
    content = make_content(target)
    actors = yaml.safe_load((SAMPLE / "actors.yaml").read_text(encoding="utf-8"))
    themes = yaml.safe_load((SAMPLE / "themes.yaml").read_text(encoding="utf-8"))
    period = yaml.safe_load((SAMPLE / "periods/2022-2023.yaml").read_text(encoding="utf-8"))
    period["background"], period["focus"] = "\n\n".join(vectors), "\n\n".join(reversed(vectors))
    period["follow_up"], period["channels"] = [one_line(v) for v in vectors[:20]], [one_line(v) for v in vectors[20:40]]
    period["easy_read"], period["title"] = "\n\n".join(vectors), one_line(vectors[-1])
    period["signatories"] = [
        {"name": one_line(v), "title": one_line(v), "organisation": one_line(w)}
        for v, w in zip(vectors[40:60], reversed(vectors[40:60]), strict=True)
    ]
    for n, vector in enumerate(vectors):
        key, line = f"x{n:03d}", one_line(vector)
        actors[key] = {"name": line, "short_name": line, "organisation": line, "description": vector}
        themes[key] = {"name": line, "description": vector}
        commitment = {
            "period": "2022-2023",
            "actors": [key],
            "themes": [key],
            "title": line,
            "description": vector,
            "history": [
                {"date": "2022-05-01", "status": "pågår", "note": vector, "source": "https://example.org/beslut"}
            ],
            "activities": [{"date": "2022-05-02", "text": line, "count": 1}],
        }
        indicator = {
            "title": line,
            "description": vector,
            "level": "effekt",
            "unit": line,
            "source": line,
            "better": "lägre",
            "commitments": [key],
            "values": [{"date": "2022-01-01", "value": 1}, {"date": "2022-06-01", "value": 2, "note": vector}],
        }
        dialogue = {
            "title": line,
            "date": "2022-06-01",
            "kind": "medborgardialog",
            "summary": vector,
            "actors": [key],
            "commitments": [key],
            "dialogue": {
                "held": "2022-05-30 18:00",
                "place": line,
                "form": "dialogmöte",
                "groups": [line],
                "points": [{"raised": vector, "response": vector, "commitments": [key]}],
            },
        }
        write(content / f"commitments/{key}.yaml", commitment)
        write(content / f"indicators/{key}.yaml", indicator)
        (content / f"updates/{key}.md").write_text(f"---\n{dump(dialogue)}---\n{vector}\n", encoding="utf-8")
    write(content / "actors.yaml", actors)
    write(content / "themes.yaml", themes)
    write(content / "periods/2022-2023.yaml", period)
    return content


def _is_text(annotation: Any) -> bool:
    """A string that is a text someone writes (a line, a name, a text, Markdown), not an id, a reference or an address:
    the model gives each of those its limits (StringConstraints)."""
    if get_origin(annotation) is Annotated:
        base, *metadata = get_args(annotation)
        return base is str and any(isinstance(item, StringConstraints) for item in metadata)
    return any(_is_text(arg) for arg in get_args(annotation))


def text_fields(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every text field of an item of the content model, items within it included, by its path (history.note)."""
    for name, info in model.model_fields.items():
        annotation = info.rebuild_annotation()
        if (within := nested(annotation)) is not None:
            yield from text_fields(within[0], f"{prefix}{name}.")
        elif _is_text(annotation):
            yield prefix + name


def _values(value: object, path: list[str]) -> Iterator[object]:
    if not path:
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _values(item, path)
    elif value is not None:
        yield from _values(getattr(value, path[0]), path[1:])


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def write(path: Path, data: object) -> None:
    path.write_text(dump(data), encoding="utf-8")


def _hostile_project(folder: Path) -> None:
    # English shows every hostile text as untranslated Swedish, marked by its own code; Arabic adds nothing English does not.
    project = make_project(folder / "project", languages=["sv", "en"])
    build(hostile_content(folder / "input", BUILT), "content", project / "mkdocs.yml", project / "site", TODAY)


# The tests that read the corpus's site: on one worker, which builds it while the others go on with other tests.
ON_THE_HOSTILE_SITE = pytest.mark.xdist_group("hostile")


@pytest.fixture(scope="session")
def hostile_site(shared: Path) -> Iterator[tuple[Path, str]]:
    site = built_once(shared, "hostile", _hostile_project) / "project" / "site"
    with served(site) as port:
        yield site, f"http://127.0.0.1:{port}/"


def pages_of(site: Path) -> list[str]:
    """Every page but the redirects from addresses once published, which hold nothing from content and leave at once."""
    redirects = {
        p
        for p in site.rglob("*.html")
        if '<meta http-equiv="refresh"' in p.read_text(encoding="utf-8").split("</head>")[0]
    }
    assert {p.parent.name for p in redirects} >= {"lofte", "atagenden", "indikatorer"}
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p not in redirects)


ITEM = re.compile(r"^(?:(?P<language>[a-z]{2})/)?(?P<kind>.+)/x(?P<vector>\d{3})(?:/|$)")
CHUNKS = 4


def loaded_in_chromium(pages: list[str]) -> list[str]:
    """One page of every other kind (the numbered pages of a listing are one kind), and for each vector one page of its
    items, the kinds and the languages taken in turn: the static reading reads every page, Chromium each kind of page."""
    items = [(page, m) for page in pages if (m := ITEM.match(page))]
    kinds = sorted({m["kind"] for _, m in items})
    languages = sorted({m["language"] or "" for _, m in items})
    chosen = [
        page
        for page, m in items
        if m["kind"] == kinds[int(m["vector"]) % len(kinds)]
        and (m["language"] or "") == languages[int(m["vector"]) % len(languages)]
    ]
    seen: set[str] = set()
    for page in pages:
        if ITEM.match(page):
            continue
        language, _, rest = page.partition("/") if page.split("/")[0] in languages else ("", "", page)
        if any(rest.startswith(kind + "/") and rest.count("/") == kind.count("/") + 2 for kind in kinds):
            continue  # an item of a kind whose pages are loaded for the vectors
        kind = language + "/" + re.sub(r"/\d+/", "/N/", rest)
        if kind not in seen:
            seen.add(kind)
            chosen.append(page)
    return sorted(chosen)


def test_every_text_field_of_the_content_model_carries_the_corpus(tmp_path: Path) -> None:
    """The fields are found in the model: a new field is in this test (and says it is not covered) without anyone
    adding it here, until hostile_content puts the corpus into it."""
    content = load(hostile_content(tmp_path, BUILT), "content")
    items: dict[type[BaseModel], list[object]] = {
        Period: list(content.periods.values()),
        Commitment: list(content.commitments.values()),
        Indicator: list(content.indicators.values()),
        Update: list(content.updates),
        Actor: list(content.actors.values()),
        Theme: list(content.themes.values()),
    }
    fields = {f"{model.__name__}.{path}": model for model in items for path in text_fields(model)}
    assert len(fields) >= 30 and "Period.easy_read" in fields and "Period.signatories.name" in fields
    uncovered = [
        field
        for field, model in fields.items()
        if not any("alert" in str(value) for item in items[model] for value in _values(item, field.split(".")[1:]))
    ]
    assert uncovered == [], "hostile_content sätter inte korpusen i de här fälten"


def test_the_corpus_is_large_enough() -> None:
    assert len(VECTORS) >= 100 and len(set(VECTORS)) == len(VECTORS)


@pytest.mark.parametrize("vector", REFUSED)
def test_vectors_that_check_refuses_never_reach_a_build(tmp_path: Path, vector: str) -> None:
    with pytest.raises(ContentErrors) as raised:
        load(hostile_content(tmp_path, [vector]), "content")
    assert all(":" in str(error) for error in raised.value.errors)
    assert {error.path for error in raised.value.errors} >= {"content/updates/x000.md", "content/commitments/x000.yaml"}


def watch(page: Page, dialogs: list[str]) -> None:
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))


def test_the_static_reading_finds_what_chromium_finds(browser: Browser) -> None:
    """Each vector as raw HTML, unsanitized: whatever Chromium's find script finds, the Python reading finds too."""
    page = browser.new_page()
    page.route("**/*", lambda route: route.abort())
    dialogs: list[str] = []
    watch(page, dialogs)
    differ = {}
    for vector in VECTORS:
        page.set_content(f"<main>{vector}</main>", wait_until="load")
        in_browser, read = page.evaluate(FIND_SCRIPT), findings(f"<html><body><main>{vector}</main></body></html>")
        if in_browser and not read:
            differ[vector] = in_browser
    page.close()
    assert differ == {}
    assert sum(bool(findings(vector)) for vector in VECTORS) > 40  # raw, the HTML of the corpus would run


@ON_THE_HOSTILE_SITE
def test_no_page_holds_anything_that_runs(hostile_site: tuple[Path, str]) -> None:
    site, _ = hostile_site
    pages = pages_of(site)
    assert len(pages) > 5 * len(BUILT)
    found = {path: bad for path in pages if (bad := findings((site / path).read_text(encoding="utf-8")))}
    assert found == {}
    # No snippet directive in the corpus was carried out: nothing of mkdocs.yml or /etc/passwd is on a page.
    text = "".join((site / path).read_text(encoding="utf-8") for path in pages)
    assert "exclude_docs" not in text and "root:x:0" not in text


@ON_THE_HOSTILE_SITE
@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_no_page_runs_anything_in_chromium(browser: Browser, hostile_site: tuple[Path, str], chunk: int) -> None:
    site, url = hostile_site
    pages = loaded_in_chromium(pages_of(site))
    assert len({m["vector"] for page in pages if (m := ITEM.match(page))}) == len(BUILT)
    dialogs: list[str] = []
    found: dict[str, list[str]] = {}
    context = browser.new_context()
    # Search is tried apart (test_search_results_run_nothing): each page would otherwise load the whole corpus's index.
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(url) and "/search/" not in route.request.url
            else route.abort()
        ),
    )
    page = context.new_page()
    watch(page, dialogs)
    for path in pages[chunk::CHUNKS]:
        page.goto(url + path, wait_until="load")
        bad = page.evaluate(FIND_SCRIPT)
        if bad:
            found[path] = bad
    context.close()
    assert dialogs == [] and found == {}


@ON_THE_HOSTILE_SITE
def test_search_results_run_nothing(browser: Browser, hostile_site: tuple[Path, str]) -> None:
    _, url = hostile_site
    dialogs: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watch(page, dialogs)
    page.goto(url)
    search = page.locator(".engine-search__input").first
    for query in ("text", "rubrik", "kursiv", "punkt"):  # words of the corpus that stand alone
        search.click()
        search.fill("")
        page.keyboard.type(query)
        page.locator(".engine-search__result").first.wait_for(timeout=120_000)
        assert page.evaluate(FIND_SCRIPT) == [], query
    page.close()
    assert dialogs == []


@ON_THE_HOSTILE_SITE
def test_no_feed_item_runs_anything(browser: Browser, hostile_site: tuple[Path, str]) -> None:
    site, _ = hostile_site
    items: set[str] = set()
    for feed in site.rglob("*.rss"):
        for element in ElementTree.parse(feed).getroot().iter():
            if element.tag in ("description", "{http://purl.org/rss/1.0/modules/content/}encoded") and element.text:
                items.add(element.text)
    for feed in site.rglob("*.atom"):
        for element in ElementTree.parse(feed).getroot().iter():
            if (
                element.tag in ("{http://www.w3.org/2005/Atom}content", "{http://www.w3.org/2005/Atom}summary")
                and element.get("type") == "html"
            ):
                items.add(element.text or "")
    assert len(items) > 2 * len(BUILT)
    dialogs: list[str] = []
    page = browser.new_page()
    watch(page, dialogs)
    page.route("**/*", lambda route: route.abort())
    found = []
    ordered = sorted(items)
    for start in range(0, len(ordered), 200):
        page.set_content(
            "".join(f"<article>{html}</article>" for html in ordered[start : start + 200]), wait_until="load"
        )
        found += page.evaluate(FIND_SCRIPT)
    page.close()
    assert dialogs == [] and found == []


# -- settings: mkdocs.yml's names and descriptions, and the address the site is published at ----------------------

# One-line vectors a setting may hold as text (markup, quotes, template syntax): each setting gets some of them.
SETTING_VECTORS = [one_line(vector) for vector in BUILT if "\n" not in vector and len(vector) < 150][:40]
# The settings that reach pages, feeds and data, as mkdocs.yml writes them.
SETTINGS = (
    "site_name",
    "site_description",
    "extra.area.name",
    "extra.area.municipality",
    "en.site_name",
    "en.site_description",
)
ON_THE_HOSTILE_SETTINGS = pytest.mark.xdist_group("hostile-settings")


def _hostile_settings_project(folder: Path) -> None:
    """A site whose every setting that reaches a page holds markup: each setting the corpus in turn, joined into one text."""
    project = make_project(folder / "project", languages=["sv", "en"])
    config = project / "mkdocs.yml"
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    for n, setting in enumerate(SETTINGS):
        text = " ".join(SETTING_VECTORS[n :: len(SETTINGS)])[:300]
        if setting.startswith("en."):
            raw["extra"]["languages"][1][setting[3:]] = text
        elif setting.startswith("extra.area."):
            raw["extra"]["area"][setting.rsplit(".", 1)[1]] = text
        else:
            raw[setting] = text
    # A code SCB has no municipality for: a known one would be compared with the name, and the name refused.
    raw["extra"]["area"]["municipality_code"] = "1299"
    config.write_text(dump(raw), encoding="utf-8")
    build(SAMPLE, "content", config, project / "site", TODAY)


@pytest.fixture(scope="session")
def hostile_settings_site(shared: Path) -> Iterator[tuple[Path, str]]:
    site = built_once(shared, "hostile-settings", _hostile_settings_project) / "project" / "site"
    with served(site) as port:
        yield site, f"http://127.0.0.1:{port}/"


@ON_THE_HOSTILE_SETTINGS
def test_no_setting_makes_a_page_or_a_feed_hold_anything_that_runs(hostile_settings_site: tuple[Path, str]) -> None:
    site, _ = hostile_settings_site
    pages = pages_of(site)
    assert len(pages) > 30
    found = {path: bad for path in pages if (bad := findings((site / path).read_text(encoding="utf-8")))}
    assert found == {}
    # A feed's titles are text, which a reader shows as text; its descriptions are HTML, which it renders.
    for feed in sorted(site.rglob("*.rss")):
        for element in ElementTree.parse(feed).getroot().iter("description"):
            assert findings(f"<html><body>{element.text or ''}</body></html>") == [], feed


@ON_THE_HOSTILE_SETTINGS
def test_no_setting_runs_anything_in_chromium(browser: Browser, hostile_settings_site: tuple[Path, str]) -> None:
    _, url = hostile_settings_site
    dialogs: list[str] = []
    found: dict[str, list[str]] = {}
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
    page = context.new_page()
    watch(page, dialogs)
    for path in (
        "",
        "en/",
        "lofte/ataganden/",
        "lofte/aktorer/",
        "en/lofte/perioder/",
        "lofte/folj/",
        "tillganglighet/",
        "404.html",
    ):
        page.goto(url + path, wait_until="load")
        if bad := page.evaluate(FIND_SCRIPT):
            found[path] = bad
    context.close()
    assert dialogs == [] and found == {}


@pytest.mark.parametrize(
    "address",
    [
        'https://k.github.io/g/"><script>alert(1)</script>',
        "https://k.github.io/g/\nx",
        "javascript:alert(1)",
        "http://k.github.io/g/",
        "https://k.github.io/g/ x",
        "https://k.github.io/<g>/",
    ],
)
def test_an_address_that_would_break_out_of_its_attribute_is_refused_with_its_line(
    tmp_path: Path, address: str
) -> None:
    from medborgarlofte.settings import read_settings

    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "site_url: https://example.github.io/medborgarlofte/", f"site_url: {json.dumps(address)}"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentErrors) as raised:
        read_settings(config)
    assert [(error.line, error.field) for error in raised.value.errors] == [(4, "site_url")]
    message = raised.value.errors[0].message
    assert message.startswith(f"fick {address!r} (") or message.endswith("(MkDocs)")
