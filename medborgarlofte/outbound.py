"""Every call the engine makes to another server goes through `call`: the national index reading the areas' sites, and
`announce` telling the WebSub hub and posting on Mastodon.

The addresses come from settings and from other people's sites, and the servers may be broken or hostile. So each
call has a deadline for the whole request (a server that sends a byte now and then is cut off, however it paces
them), a cap on the answer's size, redirects only within the same site and never from https to http, and credentials
that are sent only to the address they were given for: a call that carries them follows no redirect at all, and
fails as one. Whatever goes wrong comes back as CallFailed with the reason in Swedish, never as a traceback.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from . import versions

REDIRECTS = 3  # a site moved within itself is followed this many times, never to another host
USER_AGENT = f"medborgarlofte/{versions.ENGINE}"
_REDIRECT = (301, 302, 303, 307, 308)
# Kinds of failure, for the caller to decide what to do next.
REFUSED = "refused"  # the answer breaks a rule (another site, too large, badly compressed): asking again will not help
MISSING = "missing"  # the server says there is nothing there (404, 410)
UNREACHABLE = "unreachable"  # the network, a timeout, a broken answer or a server error (5xx): worth trying again
TOO_SLOW = "too slow"  # the whole answer did not come by the deadline: a server that drips is not asked again


class CallFailed(Exception):
    """A call that gave no answer to use: the reason in Swedish, and its kind (REFUSED, MISSING or UNREACHABLE)."""

    def __init__(self, reason: str, kind: str = UNREACHABLE, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind
        self.status = status


@dataclass(frozen=True)
class Answer:
    """A 2xx answer (or 304, where the caller asked for it), read whole and decompressed."""

    status: int
    headers: Message
    body: bytes
    url: str  # the address that answered: the one called, or where it was sent within the same site
    reason: str  # the server's words after the status code


def call(
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    credentials: Mapping[str, str] | None = None,
    timeout: float,
    deadline: float,
    most_bytes: int,
    redirects: int = REDIRECTS,
    not_modified: bool = False,
) -> Answer:
    """One request and its whole answer, within timeout for each wait and deadline for all of it, redirects included.

    credentials: headers that prove who calls (Authorization): sent to url alone; any redirect then fails the call.
    redirects: how many redirects within the site are followed; 0 for a call that counts only if url itself answers.
    not_modified: a 304 is an answer (a conditional request), not a failure."""
    ends = time.monotonic() + deadline
    sent = {"User-Agent": USER_AGENT, **(headers or {}), **(credentials or {})}
    current = url
    for hop in range(redirects + 1):
        answer = _once(current, method, body, sent, timeout, ends, deadline, most_bytes)
        if answer.status in _REDIRECT:
            going = urljoin(current, str(answer.headers.get("Location") or ""))
            if credentials:
                raise CallFailed(
                    f"skickar vidare till {going[:200]} (ett anrop med inloggning följer ingen omdirigering)", REFUSED
                )
            if redirects == 0:
                raise CallFailed(f"skickar vidare till {going[:200]} (förväntade ett svar från {url[:200]})", REFUSED)
            if not _same_site(current, going):
                raise CallFailed(f"skickar vidare till {going[:200]} (förväntade samma sajt, med https)", REFUSED)
            if hop == redirects:
                raise CallFailed(f"skickar vidare mer än {redirects} gånger (senast till {going[:200]})", REFUSED)
            if answer.status == 303 or (answer.status in (301, 302) and method == "POST"):
                method, body = "GET", None  # as browsers do: the form is not sent again
            current = going
            continue
        if answer.status == 304 and not_modified:
            return answer
        if 200 <= answer.status < 300:
            return answer
        reason = f"svarade med felkod {answer.status} ({answer.reason[:100]}) på {current[:200]}"
        if answer.status in (404, 410):
            raise CallFailed(reason, MISSING, answer.status)
        raise CallFailed(reason, UNREACHABLE if answer.status >= 500 else REFUSED, answer.status)
    raise AssertionError("unreachable")  # the loop returns or raises


def _same_site(came: str, going: str) -> bool:
    """The same host and port, by https (or by http where the site itself is http, as on 127.0.0.1 in tests)."""
    before, after = urlsplit(came), urlsplit(going)
    same_host = (after.hostname or "").lower() == (before.hostname or "").lower() and after.port == before.port
    return same_host and (after.scheme == "https" or (after.scheme == "http" and before.scheme == "http"))


def _connection(url: str, timeout: float) -> tuple[http.client.HTTPConnection, str]:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise CallFailed(f"{url[:200]} är ingen adress som börjar med https://", REFUSED)
    if parts.username or parts.password:
        raise CallFailed(f"{url[:200]} bär användarnamn eller lösenord i adressen", REFUSED)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        port = parts.port
    except ValueError:
        raise CallFailed(f"{url[:200]} har ett ogiltigt portnummer", REFUSED) from None
    if parts.scheme == "https":
        return http.client.HTTPSConnection(
            parts.hostname, port, timeout=timeout, context=ssl.create_default_context()
        ), target
    return http.client.HTTPConnection(parts.hostname, port, timeout=timeout), target


def _cut(connection: http.client.HTTPConnection) -> None:
    """At the deadline: whatever the request is waiting for ends now."""
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _once(
    url: str,
    method: str,
    body: bytes | None,
    headers: Mapping[str, str],
    timeout: float,
    ends: float,
    deadline: float,
    most_bytes: int,
) -> Answer:
    connection, target = _connection(url, timeout)
    left = ends - time.monotonic()
    if left <= 0:
        raise CallFailed(f"skickade inte hela svaret inom {deadline:.0f} sekunder ({url[:200]})", TOO_SLOW)
    watchdog = threading.Timer(left, _cut, (connection,))
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.request(method, target, body=body, headers=dict(headers))
        response = connection.getresponse()
        data = _read(response, ends, most_bytes)
        return Answer(response.status, response.headers, data, url, response.reason)
    except CallFailed:
        raise
    except Exception as exc:  # every failure of the network or of HTTP: the server's problem, said as a reason
        if time.monotonic() >= ends:
            raise CallFailed(
                f"skickade inte hela svaret inom {deadline:.0f} sekunder ({url[:200]})", TOO_SLOW
            ) from None
        if isinstance(exc, TimeoutError):
            raise CallFailed(f"svarade inte inom {timeout:g} sekunder") from None
        if isinstance(exc, OSError):  # a refused or dropped connection (RemoteDisconnected is one too)
            raise CallFailed(f"gick inte att nå ({(exc.strerror or str(exc) or type(exc).__name__)[:200]})") from None
        if isinstance(exc, http.client.HTTPException | ValueError):  # a broken status line, too many headers …
            raise CallFailed(f"svarade inte med korrekt HTTP ({type(exc).__name__})") from None
        raise CallFailed(f"svarade inte med korrekt HTTP ({type(exc).__name__})") from None
    finally:
        watchdog.cancel()
        connection.close()


def _read(response: http.client.HTTPResponse, ends: float, most_bytes: int) -> bytes:
    """The whole body, at most most_bytes once decompressed, whatever the server sends."""
    inflate = (
        zlib.decompressobj(wbits=47)
        if (response.headers.get("Content-Encoding") or "").lower() in ("gzip", "deflate")
        else None
    )
    parts: list[bytes] = []
    size = 0
    while chunk := response.read1(65_536):
        if time.monotonic() > ends:
            raise TimeoutError()
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, most_bytes + 1 - size)
            except zlib.error:
                raise CallFailed("svaret är inte korrekt komprimerat", REFUSED) from None
        parts.append(chunk)
        size += len(chunk)
        if size > most_bytes:
            raise CallFailed(f"svaret är större än {_size(most_bytes)}", REFUSED)
    if response.length:  # the connection ended before the length the server announced (read1 does not say so)
        raise http.client.IncompleteRead(b"".join(parts), response.length)
    return b"".join(parts)


def _size(most_bytes: int) -> str:
    return f"{most_bytes // 1_000_000} MB" if most_bytes >= 1_000_000 else f"{most_bytes // 1000} kB"
