"""Builds never mix: one build at a time, the preview in a folder of its own, a site that is always whole."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from filelock import FileLock

from medborgarlofte import writers
from medborgarlofte.commands.build import build
from medborgarlofte.writers import WORK, Busy

from .conftest import ROOT, SAMPLE, SCRIPT, free_port, make_content, make_project, tree_digest, wait_for

EPOCH = "1664575200"  # 2022-10-01 00:00 in Stockholm
# Builds and previews side by side, in processes of their own, with waits between them.
pytestmark = pytest.mark.slow
TODAY = date(2022, 10, 1)


def start(project: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.Popen(
        [sys.executable, str(SCRIPT), *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_for_line(stream, text: str, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    seen = ""
    while time.monotonic() < deadline:
        line = stream.readline()
        seen += line
        if text in line:
            return seen
        if not line:
            break
    raise AssertionError(f"never said {text!r}; said {seen!r}")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(
        tmp_path / "project", languages=["sv"]
    )  # how the site is written does not depend on its languages


def test_a_second_build_waits_for_the_first_and_says_so(project: Path, tmp_path: Path) -> None:
    content = make_content(tmp_path)
    lock = FileLock(project / WORK / "build.lock")
    (project / WORK).mkdir()
    with lock:
        waiting = start(project, "build", "--content", str(content))
        assert "Ett annat bygge pågår" in wait_for_line(waiting.stderr, "väntar")
        assert not (project / "site").exists()
    _out, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    assert (project / "site/lofte/atagande/polisen-narvaro/index.html").is_file()


def test_a_build_that_cannot_get_the_lock_refuses_clearly(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writers, "WAIT_SECONDS", 0.2)
    (project / WORK).mkdir()
    with FileLock(project / WORK / "build.lock"), pytest.raises(Busy, match="Ett annat bygge pågår fortfarande"):
        build(SAMPLE, "content", project / "mkdocs.yml", project / "site", TODAY)


def test_two_builds_at_once_give_one_whole_site(project: Path, tmp_path: Path) -> None:
    content = make_content(tmp_path)
    builds = [start(project, "build", "--content", str(content)) for _ in range(2)]
    for process in builds:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert "Traceback" not in err
    alone = make_project(tmp_path / "alone", languages=["sv"])
    build(content, "content", alone / "mkdocs.yml", alone / "site", TODAY)
    assert tree_digest(project / "site") == tree_digest(alone / "site")


def test_the_site_is_never_missing_while_it_is_replaced(project: Path) -> None:
    build(SAMPLE, "content", project / "mkdocs.yml", project / "site", TODAY)
    page = project / "site" / "index.html"
    misses, looks, done = [], [0], threading.Event()

    def look() -> None:
        while not done.is_set():
            looks[0] += 1
            if not page.is_file():
                misses.append(time.monotonic())

    watcher = threading.Thread(target=look)
    watcher.start()
    try:
        for _ in range(3):
            build(SAMPLE, "content", project / "mkdocs.yml", project / "site", TODAY)
    finally:
        done.set()
        watcher.join()
    assert looks[0] > 100 and misses == []


def test_what_a_killed_build_left_behind_is_cleared_and_ignored(project: Path) -> None:
    leftover = project / WORK / "staging" / "site-abc123"
    leftover.mkdir(parents=True)
    (leftover / "index.html").write_text("halv", encoding="utf-8")
    build(SAMPLE, "content", project / "mkdocs.yml", project / "site", TODAY)
    assert not leftover.exists()
    assert list((project / WORK / "staging").iterdir()) == []
    assert [p.name for p in project.iterdir() if p.name.startswith(".") and p.name != WORK] == []
    assert f"{WORK}/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_the_preview_never_touches_the_published_site_and_a_build_may_run_beside_it(
    project: Path, tmp_path: Path
) -> None:
    content = make_content(tmp_path)
    letter = (SAMPLE / "updates/2022-05-brev.md").read_text(encoding="utf-8")
    build(content, "content", project / "mkdocs.yml", project / "site", TODAY)
    published_site, published_docs = tree_digest(project / "site"), tree_digest(project / "docs")
    (content / "updates/2022-09-utkast.md").write_text(
        letter.replace("Informationsbrev 1", "Hemligt utkast").replace(
            "kind: informationsbrev", "kind: informationsbrev\ndraft: true"
        ),
        encoding="utf-8",
    )
    port = free_port()
    server = start(project, "serve", "--port", str(port), "--content", str(content))
    try:
        wait_for(f"http://127.0.0.1:{port}/lofte/informationsbrev/", text="Hemligt utkast")
        assert tree_digest(project / "site") == published_site and tree_digest(project / "docs") == published_docs
        after = start(project, "build", "--content", str(content))
        _, err = after.communicate(timeout=300)
        assert after.returncode == 0, err
        site = "".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))
        assert "Hemligt utkast" not in site
        assert "Hemligt utkast" in wait_for(f"http://127.0.0.1:{port}/lofte/informationsbrev/")
        assert server.poll() is None
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=30)
    assert server.returncode == 130
    assert err.strip().splitlines()[-1] == "Förhandsvisningen är stängd." and "Traceback" not in err


def test_a_second_preview_is_refused_clearly(project: Path) -> None:
    (project / WORK).mkdir()
    with FileLock(project / WORK / "preview.lock"):
        second = start(project, "serve", "--port", str(free_port()), "--content", str(SAMPLE))
        _, err = second.communicate(timeout=60)
    assert second.returncode == 1
    assert err == "En förhandsvisning körs redan från den här mappen. Stäng den först (Ctrl+C i dess fönster).\n"


def test_a_busy_port_gives_one_swedish_line(project: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = start(project, "serve", "--port", str(port), "--content", str(SAMPLE))
        _, err = server.communicate(timeout=60)
    assert server.returncode == 1
    assert err == f"Porten {port} är upptagen. Välj en annan, till exempel --port {port + 1}.\n"
    assert not (project / "site").exists()


def test_ctrl_c_while_a_build_waits_gives_one_line(project: Path) -> None:
    (project / WORK).mkdir()
    with FileLock(project / WORK / "build.lock"):
        waiting = start(project, "build", "--content", str(SAMPLE))
        wait_for_line(waiting.stderr, "väntar")
        waiting.send_signal(signal.SIGINT)
        _, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 130
    assert err == "Avbrutet.\n"
    assert not (project / "site").exists()
