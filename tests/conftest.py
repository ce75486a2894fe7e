from __future__ import annotations

import functools
import hashlib
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from filelock import FileLock
from playwright.sync_api import Browser, Page, sync_playwright

from medborgarlofte.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "sample"
SECOND = ROOT / "tests" / "second"  # a second promise, not Sofielund's shape
SECOND_TODAY = date(2026, 12, 1)  # the day it is built as of
SCRIPT = ROOT / "scripts" / "build_pages.py"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The day the default site is built as of in the tests, and the path its real address has (GitHub Pages serves it there).
TODAY = date(2026, 11, 25)
BASE = urlparse(read_settings(ROOT / "mkdocs.yml").url).path
# The default site's languages, as mkdocs.yml lists them (the first at the root): a language added there is tested too.
SITE_LANGUAGES = tuple(language.code for language in read_settings(ROOT / "mkdocs.yml").languages)
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
# Violations only: axe then leaves the passing nodes unreported, which takes most of its time on a long page.
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"


def run_script(
    *args: str, cwd: Path = ROOT, epoch: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """build_pages.py as an editor runs it; epoch fixes the day it believes it is (SOURCE_DATE_EPOCH), env adds to the environment."""
    if epoch or env:
        env = {**os.environ, **({"SOURCE_DATE_EPOCH": epoch} if epoch else {}), **(env or {})}
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, env=env)


def make_content(target: Path, changes: dict[str, str | bytes | None] | None = None) -> Path:
    """A copy of the sample content with some files replaced (str or bytes) or removed (None)."""
    content = target / "content"
    shutil.copytree(SAMPLE, content)
    for relative, text in (changes or {}).items():
        path = content / relative
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return content


def edit(relative: str, old: str, new: str) -> dict[str, str]:
    """One sample file with one piece of text replaced, as a change for make_content."""
    text = (SAMPLE / relative).read_text(encoding="utf-8")
    assert old in text, old
    return {relative: text.replace(old, new, 1)}


def errors_for(target: Path, changes: dict[str, Any]) -> list[str]:
    """The problems load finds in the sample content with these changes, as an editor reads them."""
    from medborgarlofte.contents import load
    from medborgarlofte.errors import ContentErrors

    with pytest.raises(ContentErrors) as raised:
        load(make_content(target, changes), "content")
    return [str(error) for error in raised.value.errors]


def wait_for(url: str, text: str = "", seconds: float = 60) -> str:
    """The page at url once it shows text, fetched again until then."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            page = str(urllib.request.urlopen(url, timeout=5).read().decode("utf-8"))
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under a folder by its hash: two folders are equal when these are."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # the standard library's name
        pass


@contextmanager
def served(folder: Path) -> Iterator[int]:
    """A folder served on 127.0.0.1 for the block; gives the port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path)


def make_project(target: Path, languages: Sequence[str] | None = None) -> Path:
    """A copy of the site's own files (mkdocs.yml and the hand-written docs) to build into; with languages, in those only."""
    target.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if languages:
        listed = config[config.index("  languages:\n") : config.index("\nplugins:")]
        config = config.replace(listed, "  languages:\n" + "".join(f"    - language: {code}\n" for code in languages))
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("lofte"))
    return target


# The load groups whose tests run one after another on one worker and take minutes: started first, so that the
# other workers share out the rest beside them instead of waiting for them at the end (make test keeps this order).
LONGEST_GROUPS = ("readme", "hostile")


def _group(item: pytest.Item) -> str:
    marker = item.get_closest_marker("xdist_group")
    return str(marker.args[0] if marker.args else marker.kwargs.get("name", "")) if marker else ""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that drives Chromium is a browser test, marked so here for `make quick` to leave out; the longest groups go first."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    rank = {name: n for n, name in enumerate(LONGEST_GROUPS)}
    items.sort(key=lambda item: rank.get(_group(item), len(rank)))


@pytest.fixture(scope="session")
def shared(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A folder that every worker of the session shares (pytest-xdist gives each worker a folder of its own below it)."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


def built_once(shared: Path, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made by make once for the whole session, whichever worker asks first; the others wait for it and share it."""
    folder = shared / name
    with FileLock(str(shared / f"{name}.lock")):
        if not (shared / f"{name}.done").exists():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            (shared / f"{name}.done").touch()
    return folder


def _default_site(engine: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        from medborgarlofte.commands.build import build

        project = make_project(folder)
        build(
            ROOT / "content", "content", project / "mkdocs.yml", project / "www" / BASE.strip("/"), TODAY, engine=engine
        )

    return make


@pytest.fixture(scope="session")
def default_www(shared: Path) -> Path:
    """The default site built once, by MkDocs, in a folder under the path of its real address: www/ is what a server serves."""
    return built_once(shared, "default-mkdocs", _default_site("mkdocs")) / "www"


@pytest.fixture(scope="session")
def default_site(default_www: Path) -> Path:
    """The default site's own folder, the one its address's path leads to."""
    return default_www / BASE.strip("/")


@pytest.fixture(scope="session")
def site_url(default_www: Path) -> Iterator[str]:
    """The default site served as GitHub Pages serves it."""
    with served(default_www) as port:
        yield f"http://127.0.0.1:{port}{BASE}"


def second_promise(renderer: str | None = None) -> Callable[[Path], None]:
    """The second promise (tests/second/), a municipality and the police in Norrbotten, built in Swedish and English."""
    return lambda folder: _second_site(folder, renderer)


def _second_site(folder: Path, renderer: str | None) -> None:
    from medborgarlofte.commands.build import build

    project = make_project(folder / "project", languages=["sv", "en"])
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^site_name: .*$", "site_name: Medborgarlöfte Norrby", text, flags=re.MULTILINE)
    text = re.sub(
        r"^site_description: .*$",
        "site_description: Följ kommunens och polisens medborgarlöfte för Norrby centrum.",
        text,
        flags=re.MULTILINE,
    )
    text = re.sub(
        r"^  area:\n(    .*\n)+",
        "  area:\n    name: Norrby centrum\n    municipality: Norrby\n    municipality_code: '2599'\n"
        "    county: Norrbottens län\n    county_code: '25'\n    contact: fragor@norrby.example\n",
        text,
        flags=re.MULTILINE,
    )
    text = text.replace(
        "    - language: en\n",
        "    - language: en\n      site_name: Citizen promise Norrby\n      site_description: Follow the citizen promise for Norrby.\n",
    )
    # The addresses the reference site once had are its own: Norrby never published them.
    text = re.sub(r"^  moved:\n(    .*\n)+", "", text, flags=re.MULTILINE)
    # Its accessibility statement filled in, as an area that has made its own assessment writes it.
    text = text.replace(
        "  # Days without a status change",
        "  accessibility:\n    responsible: Norrby kommun\n    contact: tillganglighet@norrby.example\n    answer_days: 5\n"
        "    compliance: partial\n    assessed: 2026-11-30\n    method: self\n    known_issues:\n"
        "      - Filmen från medborgardialogen saknar undertexter.\n  # Days without a status change",
    )
    config.write_text(text, encoding="utf-8")
    build(SECOND, "content", config, project / "site", SECOND_TODAY, engine=renderer)


@pytest.fixture(scope="session")
def second_site(shared: Path) -> Path:
    """The second promise's site, built once for the session."""
    return built_once(shared, "second-promise", second_promise()) / "project" / "site"


@pytest.fixture(scope="session")
def zensical_www(shared: Path) -> Path:
    """The default site built once by the second engine, Zensical."""
    return built_once(shared, "default-zensical", _default_site("zensical")) / "www"


@pytest.fixture(scope="session")
def properdocs_www(shared: Path) -> Path:
    """The default site built once by ProperDocs, the maintained fork of MkDocs."""
    return built_once(shared, "default-properdocs", _default_site("properdocs")) / "www"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright; the browser tests fail, never skip, without it."""
    assert Path(CHROMIUM).exists(), "Chromium saknas: kör `apt-get install chromium` (make test gör det som root)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


def axe(page: Page, tags: Sequence[str] = WCAG_TAGS) -> list[str]:
    """What axe-core finds on the page as it stands against WCAG 2.1 A and AA (and 2.2 AA): each rule, with its elements."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    result = page.evaluate(AXE_RUN, list(tags))
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×: {'; '.join(node['html'][:200] for node in v['nodes'][:3])})"
        for v in result["violations"]
    ]
