"""The national index against hostile sources: a server on 127.0.0.1 that answers each source in its own broken way
(slow, huge, compressed, deep, malformed HTTP, redirects elsewhere, data that passes the schema but not the index),
beside good areas. The index always builds, every good area is in it, and every bad one is reported with its reason."""

from __future__ import annotations

import copy
import gzip
import json
import socketserver
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

import pytest

from medborgarlofte import addresses as at
from medborgarlofte.commands.index import build_index
from medborgarlofte.national import model, sources
from medborgarlofte.structure import TIMEZONE

from .conftest import built_once
from .synthetic_areas import area_data

pytestmark = pytest.mark.xdist_group("hostile-sources")

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=TIMEZONE)
TIMEOUT = 1.0  # one read
DEADLINE = 2.0  # one whole download, here: the slow server sends a byte every 0.2 s
DATA = "/" + at.page_address(at.ALL_DATA)


def _response(body: bytes, status: str = "200 OK", headers: tuple[str, ...] = ()) -> bytes:
    head = [
        f"HTTP/1.1 {status}",
        f"Content-Length: {len(body)}",
        "Content-Type: application/json",
        "Connection: close",
        *headers,
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode("ascii") + body


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


class _Hostile(socketserver.BaseRequestHandler):
    """Each path a case: raw bytes for the well-formed answers and the malformed ones alike."""

    answers: ClassVar[dict[str, Callable[[socketserver.BaseRequestHandler], None]]] = {}

    def handle(self) -> None:
        request = b""
        while b"\r\n\r\n" not in request and len(request) < 65_536:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            request += chunk
        path = request.split(b" ", 2)[1].decode("ascii", "replace")
        # Each case's data at its own place; its data in another language (en/, ar/) is not there.
        case = path.split("/")[1]
        answer = self.answers.get(case) if path == f"/{case}{DATA}" else None
        try:
            if answer is None:
                self.request.sendall(_response(b"", "404 Not Found"))
            else:
                answer(self)
        except OSError:  # the index gave up on this one: as it should
            pass


def _send(raw: bytes) -> Callable[[socketserver.BaseRequestHandler], None]:
    return lambda handler: handler.request.sendall(raw)


def _data(data: Any) -> Callable[[socketserver.BaseRequestHandler], None]:
    return _send(_response(json.dumps(data, ensure_ascii=False).encode("utf-8")))


def _slowly(body: bytes) -> Callable[[socketserver.BaseRequestHandler], None]:
    def answer(handler: socketserver.BaseRequestHandler) -> None:
        handler.request.sendall(_response(body)[: -len(body)])  # the head at once
        for byte in body[
            :40
        ]:  # a byte at a time, each well within the read timeout: bounded by the whole download's deadline
            handler.request.sendall(bytes([byte]))
            time.sleep(0.2)

    return answer


@contextmanager
def _hostile_server(answers: dict[str, Callable[[socketserver.BaseRequestHandler], None]]) -> Iterator[int]:
    handler = type("Handler", (_Hostile,), {"answers": answers})
    # The index asks for sixteen sources at once: room for all of them in the queue of connections.
    server_class = type(
        "Server", (socketserver.ThreadingTCPServer,), {"request_queue_size": 64, "daemon_threads": True}
    )
    server = server_class(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _renewal(template: dict[str, Any], commitments: int) -> dict[str, Any]:
    """An area with two promises of commitments each, every title of the second a rewording of one of the first."""
    data = area_data(template, 60, renewed=True, name="Stora förnyelsen")
    first, second = data["periods"][0]["id"], data["periods"][1]["id"]
    model_commitment = data["commitments"][0]
    made = []
    for n in range(commitments):
        for period, title in (
            (first, f"Åtagande nummer {n} om trygghet i kvarteret"),
            (second, f"Åtagande nummer {n} om trygghet i kvarteren"),
        ):
            c = copy.deepcopy(model_commitment)
            c.update(
                id=f"{period}-{n}",
                period=period,
                title=title,
                continues=None,
                url=f"{model_commitment['url'].rstrip('/')}-{period}-{n}/",
                history=c["history"][:1],
            )
            made.append(c)
    return {**data, "commitments": made}


# Each hostile source: the path it is served at, and what the index must say of it (None: read, and in the index).
EXPECTED: dict[str, tuple[str, str | None]] = {
    "good-1": ("read", None),
    "good-2": ("read", None),
    "deep": ("failed", "är för djupt nästlad för att vara en sajts data"),
    "huge-name": ("failed", "följer inte JSON Schema för format 1: area/name:"),
    "long-name": ("read", None),
    "county-99": ("failed", "area: länskoden '99'"),
    "naive-date": ("failed", "är ingen tidpunkt med tidszon"),
    "bad-status-line": ("failed", "svarade inte med korrekt HTTP (BadStatusLine), 3 försök"),
    "many-headers": ("failed", "svarade inte med korrekt HTTP (HTTPException), 3 försök"),
    "broken-chunk": ("failed", "svarade inte med korrekt HTTP"),
    "slow-drip": ("failed", f"skickade inte hela svaret inom {DEADLINE:g} sekunder"),
    "gzip-bomb": ("failed", "svaret är större än 20 MB"),
    "broken-gzip": ("failed", "svaret är inte korrekt komprimerat"),
    "gzipped": ("read", None),
    "redirect-other-host": ("failed", "skickar vidare till http://localhost:"),
    "redirect-private": ("failed", "skickar vidare till http://10.0.0.1/"),
    "redirect-ftp": ("failed", "skickar vidare till ftp://127.0.0.1/"),
    "redirect-loop": ("failed", "skickar vidare mer än 3 gånger"),
    "redirect-within": ("read", None),
    "not-json": ("failed", "är inte JSON ("),
    "not-utf-8": ("failed", "är inte JSON ("),
    "a-list": ("failed", "är inte ett JSON-objekt med sajtens data"),
    "empty": ("failed", "är inte JSON ("),
    "server-error": ("failed", "svarade med felkod 500"),
    "hang-up": ("failed", "gick inte att nå ("),
    "too-large": ("failed", "svaret är större än 20 MB"),
    "renewal-300": ("read", None),
    "same-site-other-case": ("read", "samma område och sajt som rad 1: visas en gång"),
}


def _at(data: dict[str, Any], port: int, case: str) -> dict[str, Any]:
    """An area's data naming the address it is served at, as a real site's does."""
    return {**data, "site": {**data["site"], "url": f"http://127.0.0.1:{port}/{case}/"}}


def _answers(template: dict[str, Any], port: int) -> dict[str, Callable[[socketserver.BaseRequestHandler], None]]:
    good = [area_data(template, n, renewed=n == 1) for n in (1, 2, 3)]
    for n, data in enumerate(good, start=1):  # each site's own address, as its data says it
        data["site"]["url"] = f"http://127.0.0.1:{port}/good-{n}/"
    huge = area_data(template, 4, name="x" * 5_000_000)  # and the site's name with it: 10 MB, under the size cap
    long_name = area_data(template, 5, name="Ett område med ett mycket långt namn " * 11)
    county = area_data(template, 6)
    county["area"].update(county_code="99", municipality_code="9980")
    naive = area_data(template, 7)
    naive["updates"][0]["date"] = "2026-05-01T10:00:00"
    alias = copy.deepcopy(good[0])
    alias["site"]["url"] = f"http://127.0.0.1:{port}/GOOD-1"  # the same site, spelt otherwise
    for case, data in (("long-name", long_name), ("county-99", county), ("naive-date", naive)):
        data["site"]["url"] = f"http://127.0.0.1:{port}/{case}/"
    bomb = gzip.compress(b" " * 30_000_000)
    return {
        "good-1": _data(good[0]),
        "good-2": _data(good[1]),
        "deep": _send(_response(_nested(100_000))),
        "huge-name": _data(huge),
        "long-name": _data(long_name),
        "county-99": _data(county),
        "naive-date": _data(naive),
        "bad-status-line": _send(b"HTTP/1.1 two hundred\r\n\r\n"),
        "many-headers": _send(
            ("HTTP/1.1 200 OK\r\n" + "".join(f"X-{n}: {n}\r\n" for n in range(120)) + "\r\n").encode("ascii")
        ),
        "broken-chunk": _send(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
        ),
        "slow-drip": _slowly(json.dumps(good[2]).encode("utf-8")),
        "gzip-bomb": _send(_response(bomb, headers=("Content-Encoding: gzip",))),
        "broken-gzip": _send(_response(b"\x1f\x8b\x08\x00 not gzip at all", headers=("Content-Encoding: gzip",))),
        "gzipped": _send(
            _response(
                gzip.compress(json.dumps(_at(area_data(template, 8), port, "gzipped")).encode("utf-8")),
                headers=("Content-Encoding: gzip",),
            )
        ),
        "redirect-other-host": _send(_response(b"", "302 Found", (f"Location: http://localhost:{port}/good-1{DATA}",))),
        "redirect-private": _send(_response(b"", "302 Found", (f"Location: http://10.0.0.1/{DATA}",))),
        "redirect-ftp": _send(_response(b"", "301 Moved Permanently", (f"Location: ftp://127.0.0.1/{DATA}",))),
        "redirect-loop": _send(
            _response(b"", "302 Found", (f"Location: http://127.0.0.1:{port}/redirect-loop{DATA}",))
        ),
        "redirect-within": _send(_response(b"", "301 Moved Permanently", (f"Location: /moved{DATA}",))),
        "moved": _data(_at(area_data(template, 9), port, "moved")),
        "not-json": _send(_response(b"<html>not found</html>")),
        "not-utf-8": _send(_response(b'{"format": 1, "x": "\xff\xfe"}')),
        "a-list": _send(_response(b"[1, 2, 3]")),
        "empty": _send(_response(b"")),
        "server-error": _send(_response(b"{}", "500 Internal Server Error")),
        "hang-up": _send(b""),
        "too-large": _send(_response(b" " * 25_000_000)),
        "renewal-300": _data(_at(_renewal(template, 300), port, "renewal-300")),
        "same-site-other-case": _data(alias),
    }


def _make(default_site: Path) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        template = json.loads((default_site / at.ALL_DATA).read_text(encoding="utf-8"))
        folder.mkdir(parents=True)
        answers: dict[str, Callable[[socketserver.BaseRequestHandler], None]] = {}
        with _hostile_server(answers) as port, pytest.MonkeyPatch.context() as patch:
            patch.setattr(sources, "DEADLINE_SECONDS", DEADLINE)
            patch.setattr(sources, "RETRY_PAUSE_SECONDS", 0.05)
            answers.update(_answers(template, port))  # they name the server's own address
            (folder / "kallor.txt").write_text(
                "".join(f"http://127.0.0.1:{port}/{case}/\n" for case in EXPECTED), encoding="utf-8"
            )
            started = time.monotonic()
            index = build_index(folder / "kallor.txt", folder / "www", folder / "work", NOW, timeout=TIMEOUT)
            seconds = time.monotonic() - started
        (folder / "run.json").write_text(
            json.dumps(
                {
                    "reports": [
                        [report.source.rsplit("/", 2)[-2], report.state, str(report.problem)]
                        for report in index.reports
                    ],
                    "areas": [area.name for area in index.areas],
                    "seconds": seconds,
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )

    return make


@pytest.fixture(scope="module")
def hostile_run(shared: Path, default_site: Path) -> dict[str, Any]:
    folder = built_once(shared, "hostile-sources", _make(default_site))
    return {**json.loads((folder / "run.json").read_text(encoding="utf-8")), "www": folder / "www"}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(EXPECTED))
def test_each_hostile_source_is_read_or_reported_with_its_reason_and_the_index_builds(
    hostile_run: dict[str, Any], case: str
) -> None:
    reports = {name: (state, problem) for name, state, problem in hostile_run["reports"]}
    state, problem = reports[case]
    expected_state, expected_problem = EXPECTED[case]
    assert state == expected_state, problem
    if expected_problem is None:
        assert problem == ""
    else:
        assert expected_problem in problem
    assert (hostile_run["www"] / "index.html").is_file()


@pytest.mark.slow
def test_every_good_area_is_in_the_index_beside_the_hostile_ones(hostile_run: dict[str, Any]) -> None:
    names = hostile_run["areas"]
    assert {
        "Syntetiskt område 1",
        "Syntetiskt område 2",
        "Syntetiskt område 8",
        "Syntetiskt område 9",
        "Stora förnyelsen",
    } <= set(names)
    assert len(names) == 6  # and the long name; the other spelling of the first site is not a second area
    long_name = next(name for name in names if name.startswith("Ett område med ett mycket långt namn"))
    pages = [
        path
        for path in (hostile_run["www"] / "lofte/omrade").iterdir()
        if path.name.endswith("ett-mycket-langt-namn") or "langt-namn" in path.name
    ]
    assert pages and all(len(path.name) <= 65 for path in pages), long_name


@pytest.mark.slow
def test_every_feed_of_the_index_has_unique_guids_whatever_the_sources(hostile_run: dict[str, Any]) -> None:
    feeds = sorted(hostile_run["www"].rglob("*.rss"))
    assert feeds
    for feed in feeds:
        guids = [guid.text for guid in ET.parse(feed).getroot().iter("guid")]
        assert len(guids) == len(set(guids)), feed


@pytest.mark.slow
def test_a_renewal_of_three_hundred_commitments_on_each_side_is_shown(hostile_run: dict[str, Any]) -> None:
    big = next(
        path for path in (hostile_run["www"] / "lofte/omrade").iterdir() if path.name.endswith("stora-fornyelsen")
    )
    promises = sorted(child for child in big.iterdir() if child.is_dir())
    assert len(promises) == 2 and "300" in (promises[-1] / "index.html").read_text(encoding="utf-8")


def test_a_renewal_of_a_thousand_commitments_on_each_side_is_matched_without_comparing_all_against_all(
    default_site: Path,
) -> None:
    template = json.loads((default_site / at.ALL_DATA).read_text(encoding="utf-8"))
    data = _renewal(template, 1000)
    reading = sources.Reading(sources.Source("stor", 1), sources.READ, data, NOW, "", 0.0)
    area = model._area(reading, data, set())
    compared = 0
    likeness = model._likeness

    def counted(one: str, other: str) -> float:
        nonlocal compared
        compared += 1
        return likeness(one, other)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "_likeness", counted)
        renewal = model.renewal(*area.periods)
    # Each reworded title is compared with a few that share its words, not with all thousand.
    assert (len(renewal.kept), len(renewal.reworded), len(renewal.dropped), len(renewal.added)) == (0, 1000, 0, 0)
    assert compared <= 1000 * model.CANDIDATES


def test_a_copy_the_model_cannot_be_made_from_is_reported_and_never_kept(
    tmp_path: Path, default_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = json.loads((default_site / at.ALL_DATA).read_text(encoding="utf-8"))
    area = tmp_path / "sajt"
    (area / at.ALL_DATA).parent.mkdir(parents=True)
    (area / at.ALL_DATA).write_text(json.dumps(area_data(template, 70, name="Kraschar")), encoding="utf-8")
    (tmp_path / "kallor.txt").write_text("sajt\n", encoding="utf-8")
    made = model._area

    def breaks(reading: sources.Reading, data: dict[str, Any], taken: set[str]) -> model.IndexedArea:
        if data["area"]["name"] == "Kraschar":
            raise KeyError("oväntat")
        return made(reading, data, taken)

    monkeypatch.setattr(model, "_area", breaks)
    index = build_index(tmp_path / "kallor.txt", tmp_path / "www", tmp_path / "work", NOW)
    assert [(report.state, str(report.problem)) for report in index.reports] == [
        ("failed", "kunde inte visas i indexet (KeyError)")
    ]
    assert index.areas == () and list((tmp_path / "work/cache").glob("*.json")) == []
    # The next run, with the source gone, has nothing to stand in for it: it is reported again, and nothing stops.
    (area / at.ALL_DATA).unlink()
    again = build_index(tmp_path / "kallor.txt", tmp_path / "www", tmp_path / "work", NOW)
    assert [report.state for report in again.reports] == ["failed"]


def test_one_site_under_two_spellings_in_the_sources_file_is_one_line() -> None:
    assert sources.same_site("HTTPS://Kommun.GitHub.io/Lofte/") == sources.same_site("https://kommun.github.io/lofte")
