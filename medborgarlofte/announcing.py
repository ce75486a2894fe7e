"""Telling the world of a change, after a deploy: the WebSub hub of each feed whose entries changed, and Mastodon of
each new status change and letter. The site keeps nobody's address: readers subscribe at the hub, in their feed
reader, at the municipality's newsletter service or on Mastodon.

The build writes which feeds changed since the last announcement (`record_changed_feeds`, from the feeds as built);
`announce` (after the deploy has succeeded) finds them again in the site as deployed, tells the hub of each of them and
posts what is new, and records each as soon as it has gone through: a failed deploy announces nothing, a failed
notice or post is tried again at the next run, and a run that is stopped half-way never sends anything twice. A notice
or a post counts only when the address it was sent to answers 2xx itself (outbound.call, no redirect followed, the
token sent to the instance alone). The whole run has a budget of time: what it does not reach waits for the next run,
and the run says so. The record is a file in the work folder that the publishing workflow keeps between runs
(announced.json); without one, the first run records what there is and announces nothing, so that a site never posts
its whole history.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import time
import urllib.parse
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import lxml.etree

from . import addresses as at
from .outbound import CallFailed, call
from .settings import Settings

RECORD = "announced.json"  # in the work folder: what has been announced (feeds by digest, posts by id)
CHANGED = "changed-feeds.txt"  # in the work folder: the feeds whose entries changed, as the last build found them
TIMEOUT = 15  # seconds that one request to the hub or to Mastodon may wait for the next byte
CALL_SECONDS = 20  # seconds for one whole request: a server that drips its answer is cut off
BUDGET_SECONDS = 300  # seconds for the whole run: what is left then waits for the next run
NEW_FOR_DAYS = (
    14  # a post older than this on its first appearance is an edit or a late entry of an old change: not posted
)
_MOST = 1_000_000  # bytes of an answer read: the answers are small


def feed_digests(site_dir: Path, settings: Settings) -> dict[str, str]:
    """Each published feed's address (RSS and Atom), by a digest of its channel's words and its entries: not of the
    date the feed was built, so that a feed whose entries are the same is the same."""
    digests: dict[str, str] = {}
    for language in settings.languages:
        folder = at.language_folder(language.code, settings.first_language)
        root, url = site_dir / folder, settings.root_url + folder  # each language's site, and where it is published
        for rss in sorted((root / at.page_address(at.FEED_FOLDER)).rglob(at.FEED_FILES)):
            relative = rss.relative_to(root).as_posix()
            digest = _entries_digest(rss.read_bytes())
            for ending in ("rss", "atom"):
                digests[url + relative[: -len("rss")] + ending] = digest
    return digests


def _entries_digest(rss: bytes) -> str:
    channel = lxml.etree.fromstring(rss).find("channel")
    if channel is None:
        return ""
    kept = [channel.findtext("title") or "", channel.findtext("description") or ""]
    kept += [lxml.etree.tostring(item, method="c14n").decode("utf-8") for item in channel.iter("item")]
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()


def record_changed_feeds(site_dir: Path, settings: Settings, work: Path) -> tuple[list[str], dict[str, str]]:
    """The feeds whose entries differ from the last announced, written to CHANGED, and each feed's digest as built."""
    built = feed_digests(site_dir, settings)
    announced = _read_record(work).get("feeds")
    changed = sorted(url for url, digest in built.items() if announced is not None and announced.get(url) != digest)
    work.mkdir(parents=True, exist_ok=True)
    (work / CHANGED).write_text("".join(f"{url}\n" for url in changed), encoding="utf-8")
    return changed, built


@dataclass
class Told:
    """What one announcement did, for the command to say."""

    notified: list[str]
    not_notified: list[str]  # the hub did not take the notice: tried again next time
    posted: list[str]
    not_posted: list[str]  # Mastodon did not take the post: tried again next time
    recorded_only: list[str]  # posts seen for the first time that are not new: an edit, a late entry, or the first run
    left: list[str]  # feeds and posts the run's time did not reach: told or posted next time
    reasons: list[str]  # why each notice or post that failed failed, as the server's answer showed it


class _Budget:
    """The run's time, of which each call gets what is left (at most CALL_SECONDS)."""

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds

    def call_seconds(self) -> float | None:
        """The deadline of the next call, or None when there is no time left for one."""
        left = self.ends - time.monotonic()
        return min(CALL_SECONDS, left) if left >= 1 else None


def announce(
    site_dir: Path,
    settings: Settings,
    work: Path,
    today: date,
    token: str | None,
    budget_seconds: float = BUDGET_SECONDS,
) -> Told:
    """Tell the hub of every changed feed and post every new post, recording each as soon as it succeeded."""
    record = _read_record(work)
    told = Told([], [], [], [], [], [], [])
    budget = _Budget(budget_seconds)
    # Found again from the site as deployed (the build found the same, from the same files): a site built elsewhere, or
    # by a job before this one, is announced as it is.
    changed, built = record_changed_feeds(site_dir, settings, work)
    feeds = dict(record.get("feeds") or {})
    for url, digest in built.items():
        if url not in changed:
            feeds[url] = digest
    record["feeds"] = feeds
    _write_record(work, record)
    if hub := settings.follow.hub:
        for url in changed:
            seconds = budget.call_seconds()
            if seconds is None:
                told.left.append(url)
                continue
            try:
                _tell_hub(hub, url, seconds)
            except CallFailed as failed:
                told.not_notified.append(url)
                told.reasons.append(f"{hub}: {failed.reason}")
                continue
            told.notified.append(url)
            feeds[url] = built[url]
            _write_record(work, record)
    if settings.follow.mastodon:
        _post_new(site_dir, settings, work, record, today, token, budget, told)
    _write_record(work, record)
    return told


def _tell_hub(hub: str, topic: str, seconds: float) -> None:
    """WebSub's publish notice: the topic whose content changed (hub.mode=publish, hub.url), as hubs take it."""
    body = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": topic}).encode("ascii")
    call(
        hub,
        method="POST",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=TIMEOUT,
        deadline=seconds,
        most_bytes=_MOST,
        redirects=0,
    )


def _post_new(
    site_dir: Path,
    settings: Settings,
    work: Path,
    record: dict[str, Any],
    today: date,
    token: str | None,
    budget: _Budget,
    told: Told,
) -> None:
    mastodon = settings.follow.mastodon
    assert mastodon is not None
    root = site_dir / at.language_folder(mastodon.language, settings.first_language)
    data = json.loads((root / at.page_address(at.POSTS_DATA)).read_text(encoding="utf-8"))
    first_run = "posts" not in record
    seen: list[str] = list(record.get("posts") or [])
    record["posts"] = seen
    waiting = False  # once a post is not taken, the rest wait for the next run, in their order
    for post in sorted(
        data["posts"], key=lambda post: (post["moment"], post["id"])
    ):  # the oldest first, as they happened
        if post["id"] in seen:
            continue
        if first_run or date.fromisoformat(post["moment"][:10]) < today - timedelta(days=NEW_FOR_DAYS):
            told.recorded_only.append(post["id"])
            seen.append(post["id"])
            continue
        if token is None or waiting:
            told.not_posted.append(post["id"])
            continue
        if budget.call_seconds() is None:
            told.left.append(post["id"])
            continue
        try:
            _post(mastodon.instance, token, mastodon.language, post, root, budget)
        except CallFailed as failed:
            told.not_posted.append(post["id"])
            told.reasons.append(f"{mastodon.instance}: {failed.reason}")
            waiting = True
            continue
        told.posted.append(post["id"])
        seen.append(post["id"])
        _write_record(work, record)


def _post(instance: str, token: str, language: str, post: dict[str, Any], root: Path, budget: _Budget) -> None:
    """The card uploaded with its alternative text, then the post with it (Mastodon's API: POST /api/v2/media, POST
    /api/v1/statuses). The post's key makes a repeated request after a lost answer one post, not two. The token goes to
    the instance alone: a redirect fails the call."""
    authorised = {"Authorization": f"Bearer {token}"}
    card = root / post["card"]
    boundary = uuid.uuid4().hex
    body = _multipart(
        boundary,
        {"description": post["alternative"]},
        ("file", card.name, card.read_bytes(), mimetypes.guess_type(card.name)[0] or "image/png"),
    )
    media = _json(
        _call(
            budget,
            f"{instance}/api/v2/media",
            body,
            {"Content-Type": f"multipart/form-data; boundary={boundary}"},
            authorised,
        )
    )
    media_id = media.get("id") if isinstance(media, dict) else None
    if not isinstance(media_id, str | int) or isinstance(media_id, bool) or not str(media_id):
        raise CallFailed("svarade på bilden utan ett id för den (förväntade Mastodons svar på /api/v2/media)")
    status = urllib.parse.urlencode(
        [("status", post["text"]), ("media_ids[]", str(media_id)), ("language", language), ("visibility", "public")]
    )
    _call(
        budget,
        f"{instance}/api/v1/statuses",
        status.encode("utf-8"),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Idempotency-Key": hashlib.sha256(post["id"].encode("utf-8")).hexdigest(),
        },
        authorised,
    )


def _call(budget: _Budget, url: str, body: bytes, headers: dict[str, str], credentials: dict[str, str]) -> bytes:
    seconds = budget.call_seconds()
    if seconds is None:
        raise CallFailed("tiden för körningen tog slut")
    return call(
        url,
        method="POST",
        body=body,
        headers=headers,
        credentials=credentials,
        timeout=TIMEOUT,
        deadline=seconds,
        most_bytes=_MOST,
        redirects=0,
    ).body


def _json(body: bytes) -> object:
    try:
        return json.loads(body)
    except ValueError:
        raise CallFailed("svarade inte med JSON") from None


def _multipart(boundary: str, fields: dict[str, str], file: tuple[str, str, bytes, str]) -> bytes:
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    name, filename, content, kind = file
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


def _read_record(work: Path) -> dict[str, Any]:
    try:
        found = json.loads((work / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _write_record(work: Path, record: dict[str, Any]) -> None:
    work.mkdir(parents=True, exist_ok=True)
    written = work / f"{RECORD}.new"
    written.write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    written.replace(work / RECORD)


def summary(told: Told) -> Iterable[str]:
    """What the announcement did, in Swedish, a line each."""
    if told.notified:
        yield f"Navet fick veta om {len(told.notified)} ändrade flöden."
    for url in told.not_notified:
        yield f"varning: navet tog inte emot ändringen av {url}; den skickas igen nästa gång."
    for post in told.posted:
        yield f"Lade ut {post} på Mastodon."
    for post in told.not_posted:
        yield f"varning: {post} kunde inte läggas ut på Mastodon nu; det försöks igen nästa gång."
    if told.left:
        yield (
            f"varning: tiden för meddelanden tog slut: {len(told.left)} ändrade flöden eller inlägg meddelas nästa gång."
        )
    for reason in dict.fromkeys(told.reasons):
        yield f"  {reason}"
    if told.recorded_only:
        yield (
            f"{len(told.recorded_only)} inlägg antecknades utan att läggas ut (första körningen, eller en ändring av något äldre än "
            f"{NEW_FOR_DAYS} dagar)."
        )
