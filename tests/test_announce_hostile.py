"""`announce` against hostile and broken servers on 127.0.0.1 (and 127.0.0.2 as "another host"): the Mastodon token stays
with its instance, nothing is counted that was not delivered, nothing delivered is sent twice, no answer makes a
traceback, and the run keeps to its budget of time."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from medborgarlofte import announcing
from medborgarlofte.settings import read_settings
from medborgarlofte.writers import WORK

from .conftest import SCRIPT
from .test_following import NEW_STATUS, TODAY, _build, _content_with, _project

pytestmark = pytest.mark.xdist_group("announce-hostile")
TOKEN = "SECRET-TOKEN-XYZ"
BUDGET = 3.0  # seconds for a whole run here: a hanging or dripping server must not hold it longer
SLACK = 3.0  # seconds over the budget that starting and ending a run may take on a loaded machine
CHANGED_FEEDS = 3  # feeds whose entries the record says changed


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Server:
    """A server on a loopback address that answers each request with the bytes its behaviour writes, raw."""

    behaviour: Callable[[Request, socket.socket, int], None]
    host: str = "127.0.0.1"
    requests: list[Request] = field(default_factory=list)

    @property
    def address(self) -> str:
        return f"http://{self.host}:{self.port}"

    def serve(self) -> None:
        self.listener = socket.create_server((self.host, 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(10)
            try:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = connection.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
                while len(body) < int(headers.get("Content-Length", 0)):
                    body += connection.recv(65536)
                request = Request(lines[0].split(" ")[1], headers, body)
                self.requests.append(request)
                self.behaviour(request, connection, len(self.requests))
            except OSError:
                pass

    def close(self) -> None:
        self.listener.close()


def _answer(status: str = "200 OK", body: bytes = b"{}", extra: str = "") -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n{extra}"
        "Connection: close\r\n\r\n"
    ).encode() + body


def good(request: Request, connection: socket.socket, count: int) -> None:
    """A hub that takes the notice and a Mastodon that takes the card and the post."""
    body = json.dumps({"id": "4711"}).encode() if request.path.endswith("/media") else b"{}"
    connection.sendall(_answer("202 Accepted" if request.path == "/hub" else "200 OK", body))


def _raw(answer: bytes) -> Callable[[Request, socket.socket, int], None]:
    return lambda request, connection, count: connection.sendall(answer)


def _drip(request: Request, connection: socket.socket, count: int) -> None:
    """One byte of a valid answer every half second, for longer than any budget."""
    for byte in _answer("200 OK", b'{"id": "1"}' + b" " * 100):
        connection.sendall(bytes([byte]))
        time.sleep(0.5)


def _hang(request: Request, connection: socket.socket, count: int) -> None:
    time.sleep(BUDGET + 10)


BROKEN = {
    "bad-status-line": _raw(b"HTTP/1.1 abc\r\n\r\n"),
    "too-many-headers": _raw(b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: y\r\n" % n for n in range(150)) + b"\r\n"),
    "line-too-long": _raw(b"HTTP/1.1 200 OK\r\nX-Long: " + b"y" * 70_000 + b"\r\n\r\n"),
    "incomplete-read": _raw(b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"id": 1'),
    "broken-chunk": _raw(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
    "media-null": _raw(_answer(body=b"null")),
    "media-list": _raw(_answer(body=b"[]")),
    "not-json": _raw(_answer(body=b"<html>")),
    "empty-answer": _raw(b""),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site in Swedish with a new status change to post and feeds that hold it, built once."""
    folder = tmp_path_factory.mktemp("announce")
    project = _project(folder)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    listed = text[text.index("  languages:\n") : text.index("\nplugins:")]
    config.write_text(text.replace(listed, "  languages:\n    - language: sv\n"), encoding="utf-8")
    return _build(project, _content_with(folder, NEW_STATUS))


@contextmanager
def _servers(hub: Callable[..., None], mastodon: Callable[..., None]) -> Iterator[tuple[Server, Server, Server]]:
    """The hub, the Mastodon instance, and another host that a redirect may point to."""
    servers = (Server(hub), Server(mastodon), Server(good, host="127.0.0.2"))
    for server in servers:
        server.serve()
    try:
        yield servers
    finally:
        for server in servers:
            server.close()


def _project_for(site: Path, folder: Path, hub: Server, mastodon: Server) -> tuple[Path, Path]:
    """The built site's settings pointing at these servers (beside its own, so that they read the same project), and
    a record in its work folder that says a few feeds changed and one post is new since the last run."""
    config = site.parent / f"mkdocs-{folder.name}.yml"
    text = (site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("https://hub.example.org/", f"{hub.address}/hub").replace(
        "https://mastodon.example", mastodon.address
    )
    config.write_text(text, encoding="utf-8")
    work = site.parent / WORK
    shutil.rmtree(work, ignore_errors=True)
    settings = read_settings(config)
    digests = announcing.feed_digests(site, settings)
    feeds = {url: ("före" if n < CHANGED_FEEDS else digest) for n, (url, digest) in enumerate(sorted(digests.items()))}
    posts = json.loads((site / "lofte/dela/inlagg.json").read_text(encoding="utf-8"))["posts"]
    newest = max(posts, key=lambda post: (post["moment"], post["id"]))["id"]
    work.mkdir()
    record = {"feeds": feeds, "posts": [post["id"] for post in posts if post["id"] != newest]}
    (work / announcing.RECORD).write_text(json.dumps(record), encoding="utf-8")
    return config, work


def _announce(config: Path, work: Path, site: Path, budget: float = BUDGET) -> tuple[announcing.Told, float]:
    started = time.monotonic()
    told = announcing.announce(site, read_settings(config), work, TODAY, TOKEN, budget_seconds=budget)
    return told, time.monotonic() - started


def _record(work: Path) -> dict[str, object]:
    return json.loads((work / announcing.RECORD).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "status", ["301 Moved Permanently", "302 Found", "307 Temporary Redirect", "308 Permanent Redirect"]
)
def test_a_redirect_never_takes_the_token_or_the_notice_elsewhere_and_counts_as_not_delivered(
    site: Path, tmp_path: Path, status: str
) -> None:
    with _servers(good, good) as (hub, mastodon, elsewhere):
        going = f"Location: {elsewhere.address}/stolen\r\n"
        hub.behaviour = mastodon.behaviour = _raw(_answer(status, extra=going))
        config, work = _project_for(site, tmp_path, hub, mastodon)
        told, _ = _announce(config, work, site)
        assert elsewhere.requests == []
        assert told.notified == [] and len(told.not_notified) == CHANGED_FEEDS
        assert told.posted == [] and len(told.not_posted) == 1
        assert all(TOKEN not in str(request.headers) for request in hub.requests)
        assert [request.path for request in mastodon.requests] == ["/api/v2/media"]
        said = " ".join(told.reasons)
        assert (
            f"skickar vidare till {elsewhere.address}/stolen (ett anrop med inloggning följer ingen omdirigering)"
            in said
        )
        assert f"skickar vidare till {elsewhere.address}/stolen (förväntade ett svar från {hub.address}/hub)" in said
        # Nothing was recorded as told: the next run tells them, once, to a server that takes them.
        hub.behaviour = mastodon.behaviour = good
        again, _ = _announce(config, work, site)
        assert len(again.notified) == CHANGED_FEEDS and len(again.posted) == 1
        assert elsewhere.requests == []


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_broken_answer_is_a_reason_never_a_traceback_and_nothing_is_sent_twice(
    site: Path, tmp_path: Path, kind: str
) -> None:
    with _servers(BROKEN[kind], BROKEN[kind]) as (hub, mastodon, _):
        config, work = _project_for(site, tmp_path, hub, mastodon)
        told, seconds = _announce(config, work, site)
        assert told.posted == [] and len(told.not_posted) == 1 and told.reasons
        # A hub's notice is taken on any 2xx, whatever its body: the JSON answers are taken, the broken ones are not.
        taken = kind in ("media-null", "media-list", "not-json")
        assert len(told.notified) == (CHANGED_FEEDS if taken else 0)
        assert seconds < BUDGET + SLACK
        hub.behaviour = mastodon.behaviour = good
        hub.requests.clear()
        again, _ = _announce(config, work, site)
        assert len(again.notified) == (0 if taken else CHANGED_FEEDS) and len(again.posted) == 1
        assert [request.path for request in mastodon.requests].count("/api/v1/statuses") == 1
        assert _announce(config, work, site)[0].posted == []


@pytest.mark.parametrize("behaviour", [_drip, _hang], ids=["drip", "hang"])
def test_a_server_that_drips_or_hangs_holds_the_run_no_longer_than_its_budget(
    site: Path, tmp_path: Path, behaviour: Callable[..., None]
) -> None:
    with _servers(behaviour, behaviour) as (hub, mastodon, _):
        config, work = _project_for(site, tmp_path, hub, mastodon)
        told, seconds = _announce(config, work, site)
        assert seconds < BUDGET + SLACK
        assert told.notified == [] and told.posted == []
        # What the time did not reach is said, and waits for the next run with what failed.
        feeds_left = [left for left in told.left if "://" in left]
        assert len(told.not_notified) + len(feeds_left) == CHANGED_FEEDS
        assert len(told.not_posted) + len(told.left) - len(feeds_left) == 1
        assert f"skickade inte hela svaret inom {BUDGET:.0f} sekunder ({hub.address}/hub)" in told.reasons[0]
        assert any("tiden för meddelanden tog slut" in line for line in announcing.summary(told)) == bool(told.left)


def test_a_server_that_fails_then_works_is_told_once_when_it_works(site: Path, tmp_path: Path) -> None:
    failing = _raw(_answer("500 Internal Server Error"))
    with _servers(failing, failing) as (hub, mastodon, _):
        config, work = _project_for(site, tmp_path, hub, mastodon)
        told, _ = _announce(config, work, site)
        assert told.notified == [] and told.posted == [] and len(told.not_notified) == CHANGED_FEEDS
        assert "svarade med felkod 500 (Internal Server Error)" in told.reasons[0]
        hub.behaviour = mastodon.behaviour = good
        hub.requests.clear()
        mastodon.requests.clear()
        again, _ = _announce(config, work, site)
        assert len(again.notified) == CHANGED_FEEDS and len(again.posted) == 1
        assert len(hub.requests) == CHANGED_FEEDS
        assert [request.path for request in mastodon.requests] == ["/api/v2/media", "/api/v1/statuses"]
        assert mastodon.requests[1].headers["Authorization"] == f"Bearer {TOKEN}"


def test_a_run_killed_half_way_never_tells_the_hub_twice_what_it_took(site: Path, tmp_path: Path) -> None:
    process: list[subprocess.Popen[str]] = []

    def kills_on_the_second(request: Request, connection: socket.socket, count: int) -> None:
        if count == 2:
            os.kill(process[0].pid, signal.SIGKILL)
            return
        good(request, connection, count)

    with _servers(kills_on_the_second, good) as (hub, mastodon, _):
        config, work = _project_for(site, tmp_path, hub, mastodon)
        process.append(
            subprocess.Popen(
                [sys.executable, str(SCRIPT), "announce", "--config", str(config), "--site", str(site)],
                cwd=tmp_path,
                text=True,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        )
        process[0].communicate(timeout=60)
        assert process[0].returncode == -signal.SIGKILL
        told_before = hub.requests[0].body  # the notice the hub took before the kill
        hub.behaviour = good
        again, _ = _announce(config, work, site)
        bodies = [request.body for request in hub.requests]
        assert bodies.count(told_before) == 1  # taken before the kill, recorded at once: not told again
        assert len(again.notified) == CHANGED_FEEDS - 1
