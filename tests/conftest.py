from __future__ import annotations

import functools
import hashlib
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "sample"
SCRIPT = ROOT / "scripts" / "build_pages.py"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def run_script(*args: str, cwd: Path = ROOT, epoch: str | None = None) -> subprocess.CompletedProcess:
    """build_pages.py as an editor runs it; epoch fixes the day it believes it is (SOURCE_DATE_EPOCH)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch} if epoch else None
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


def errors_for(target: Path, changes: dict) -> list[str]:
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
            page = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under a folder by its hash: two folders are equal when these are."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
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


def make_project(target: Path, languages: list[str] | None = None) -> Path:
    """A copy of the site's own files (mkdocs.yml, hand-written docs, theme overrides) to build into; with languages, in those only."""
    target.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if languages:
        listed = config[config.index("  languages:\n"):config.index("\nextra_css:")]
        config = config.replace(listed, "  languages:\n" + "".join(f"    - language: {code}\n" for code in languages))
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("lofte"))
    shutil.copytree(ROOT / "overrides", target / "overrides")
    return target


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright; the browser tests fail, never skip, without it."""
    assert Path(CHROMIUM).exists(), "Chromium saknas: kör `apt-get install chromium` (make test gör det som root)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield launched
        launched.close()
