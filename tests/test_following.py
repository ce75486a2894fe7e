"""Told when it changes: the follow box, the hub of every feed, the posts for social media and the post to Mastodon.

Every server here is a fake on 127.0.0.1 that records what it was told: a WebSub hub, and Mastodon's two calls.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs

import lxml.etree
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, expect

from medborgarlofte import announcing
from medborgarlofte.commands.build import build
from medborgarlofte.errors import ContentErrors
from medborgarlofte.generators import posts
from medborgarlofte.settings import Follow, read_settings
from medborgarlofte.structure import Untranslated

from .conftest import ROOT, SAMPLE, axe, built_once, make_project, run_script, served
from .test_browser import REPORT

TODAY = date(2023, 6, 1)
FOLLOW = """  follow:
    hub: {hub}
    email: https://nyhetsbrev.kommunen.example/anmal?amne={{topic}}
    mastodon:
      instance: {instance}
      account: polisen_exempel
      language: sv
"""
NEW_STATUS = "  - date: 2023-06-01\n    status: försenad\n    note: Färre patruller i juni.\n"


def _project(folder: Path, hub: str = "https://hub.example.org/", instance: str = "https://mastodon.example") -> Path:
    """A site of the sample content in three languages, following through a hub, a newsletter and a Mastodon account."""
    project = make_project(folder)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  renderer: mkdocs\n", "  renderer: mkdocs\n" + FOLLOW.format(hub=hub, instance=instance)),
        encoding="utf-8",
    )
    return project


def _build(project: Path, content: Path = SAMPLE, today: date = TODAY) -> Path:
    build(content, "content", project / "mkdocs.yml", project / "site", today)
    return project / "site"


@pytest.fixture(scope="session")
def following(shared: Path) -> Path:
    """The site built once for the session, as published."""
    return built_once(shared, "following", lambda folder: _build(_project(folder))) / "site"


def _page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / path / "index.html")).getroot()


@pytest.mark.parametrize(
    ("language", "heading", "email"),
    [
        ("", "Följ åtagandet", "Få e-post när det ändras"),
        ("en/", "Follow this commitment", "Get an e-mail when it changes"),
        ("ar/", "تابع هذا الالتزام", "احصل على بريد إلكتروني عندما يتغير"),
    ],
)
def test_a_commitment_s_follow_box_offers_its_feed_the_calendar_and_the_municipality_s_newsletter(
    following: Path, language: str, heading: str, email: str
) -> None:
    page = _page(following, f"{language}lofte/atagande/polisen-narvaro-2023")
    box = page.find_class("follow-links")[0]
    assert box.find("h2").text_content() == heading
    links = {a.text_content(): a.get("href") for a in box.iter("a")}
    assert (
        links["RSS"] == "../../flode/atagande/polisen-narvaro-2023.rss"
        and links["Atom"] == "../../flode/atagande/polisen-narvaro-2023.atom"
    )
    assert links[email] == "https://nyhetsbrev.kommunen.example/anmal?amne=polisen-narvaro-2023"
    assert (following / language / "lofte/flode/atagande/polisen-narvaro-2023.rss").is_file()
    # The letters' listing and the start page offer the same, with their own feed's name as the newsletter's topic.
    letters = _page(following, f"{language}lofte/informationsbrev").find_class("follow-links")[0]
    assert any(
        a.get("href") == "https://nyhetsbrev.kommunen.example/anmal?amne=informationsbrev" for a in letters.iter("a")
    )
    start = lxml.html.parse(str(following / language / "index.html")).getroot().find_class("follow-links")[0]
    assert any(a.get("href") == "https://nyhetsbrev.kommunen.example/anmal?amne=alla" for a in start.iter("a"))


def test_without_a_newsletter_the_box_offers_no_e_mail(default_site: Path) -> None:
    box = _page(default_site, "lofte/atagande/fgk-blomlador").find_class("follow-links")[0]
    assert "e-post" not in box.text_content().lower()
    assert [a.text_content() for a in box.iter("a")] == ["RSS", "Atom", "möten och dialoger", "Så följer du arbetet"]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(
    "path",
    [
        "lofte/atagande/polisen-narvaro-2023/",
        "en/lofte/atagande/polisen-narvaro-2023/",
        "ar/lofte/atagande/polisen-narvaro-2023/",
        "lofte/dela/",
        "ar/lofte/dela/",
        "lofte/folj/",
    ],
)
def test_the_follow_box_and_the_posts_page_pass_axe_and_ask_nothing_of_another_site(
    browser: Browser, following: Path, path: str, width: int
) -> None:
    with served(following) as port:
        context = browser.new_context(viewport={"width": width, "height": 900})
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/{path}")
        page.wait_for_load_state("networkidle")
        problems = axe(page)
        context.close()
    assert problems == []
    assert [
        url
        for url in requested
        if not url.startswith(f"http://127.0.0.1:{port}/") and not url.startswith(("data:", "blob:"))
    ] == []


def test_the_copy_buttons_copy_a_post_and_say_so_and_the_pages_are_seen_at_a_phone_s_width(
    browser: Browser, following: Path
) -> None:
    with served(following) as port:
        context = browser.new_context(viewport={"width": 390, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=f"http://127.0.0.1:{port}")
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/lofte/atagande/polisen-narvaro-2023/")
        box = page.locator(".follow-links").first
        box.scroll_into_view_if_needed()
        REPORT.mkdir(exist_ok=True)
        box.screenshot(path=str(REPORT / "folj-rutan-390.png"))
        page.goto(f"http://127.0.0.1:{port}/lofte/dela/")
        first = page.locator(".post").first
        first.get_by_role("button", name="Kopiera texten").click()
        expect(first.get_by_role("status")).to_have_text("Texten är kopierad.")
        assert page.evaluate("navigator.clipboard.readText()") == first.locator("textarea").first.input_value()
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(REPORT / "inlagg-att-dela-390.png"), full_page=True)
        context.close()


def test_the_posts_page_lists_the_newest_status_change_with_its_card_and_the_card_s_text(tmp_path: Path) -> None:
    project, content = _project(tmp_path), _content_with(tmp_path, NEW_STATUS)
    site = _build(project, content)
    page = _page(site, "lofte/dela")
    newest = page.find_class("post")[0]
    assert (
        newest.find("h2").text_content() == "Regelbunden närvaro, andra året: ny status: försenad (tidigare löpande)."
    )
    text, alternative = (area.text_content() for area in newest.iter("textarea"))
    assert text == (
        "Regelbunden närvaro, andra året: ny status: försenad (tidigare löpande). Färre patruller i juni. Ansvarig: Lokalpolisområde Exempelstad och Exempelstads kommun.\n\n"
        "\u2066https://example.github.io/medborgarlofte/lofte/atagande/polisen-narvaro-2023/#status-2023-06-01-forsenad\u2069"
    )
    card = newest.find(".//img")
    assert card.get("alt") == alternative
    assert (
        alternative
        == "Åtagande · Medborgarlöfte Exempelområdet 2023–2024. Regelbunden närvaro, andra året. Försenad. Ansvarig: Polisen och Kommunen. Medborgarlöfte Sofielund."
    )
    assert (site / "lofte/dela" / card.get("src")).resolve() == (
        site / "lofte/atagande/polisen-narvaro-2023/kort.png"
    ).resolve()
    assert [button.text_content() for button in newest.iter("button")] == ["Kopiera texten", "Kopiera bildens text"]
    assert page.find(".//meta[@name='robots']").get("content") == "noindex"
    assert "lofte/dela/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    data = json.loads((site / "lofte/dela/inlagg.json").read_text(encoding="utf-8"))
    assert (
        data["posts"][0]["id"] == "status/polisen-narvaro-2023/2023-06-01/försenad" and data["posts"][0]["text"] == text
    )


def test_a_post_says_exempel_that_the_promise_ended_and_which_text_is_not_translated(following: Path) -> None:
    english = json.loads((following / "en/lofte/dela/inlagg.json").read_text(encoding="utf-8"))["posts"]
    ended = next(post for post in english if post["id"] == "status/polisen-narvaro/2022-05-01/löpande")
    assert "Regelbunden närvaro (in Swedish): new status:" in ended["text"]
    assert "The promise ended on April 30, 2023." in ended["text"]
    letter = next(post for post in english if post["id"] == "brev/2022-05-brev")
    assert letter["text"].startswith(
        "Information letter: Informationsbrev 1 (in Swedish). Löftet har börjat gälla. (in Swedish)"
    )


@settings(max_examples=200, deadline=None)
@given(title=st.text(min_size=1, max_size=600), note=st.text(max_size=1200), tail=st.text(max_size=120))
def test_a_post_keeps_within_500_characters_with_its_link_and_every_language_mark(
    title: str, note: str, tail: str
) -> None:
    link = "https://example.github.io/medborgarlofte/lofte/atagande/x/#status-2023-06-01-pagar"
    said_title = posts._said(Untranslated(title, "sv"), "en", lambda message: "(in %(language)s)")
    said_note = posts._said(note, "en", lambda message: message)
    text = posts._fitted("Example: ", said_title, ": new status: delayed.", said_note, tail, link)
    assert len(text) <= posts.MAX_LENGTH or len(tail) + len(link) > posts.MAX_LENGTH - 100
    assert text.endswith(f"\n\n\u2066{link}\u2069")
    assert text.startswith("Example: ") and "(in Swedish): new status: delayed." in text
    if len(title) + len(note) + len(tail) < 300:
        assert title in text and note in text  # nothing is shortened that fits


def test_every_feed_names_the_hub_in_rss_and_atom_and_a_letter_carries_its_e_mail_edition(following: Path) -> None:
    rss = lxml.etree.parse(str(following / "lofte/flode/informationsbrev.rss")).getroot()
    atom = lxml.etree.parse(str(following / "lofte/flode/informationsbrev.atom")).getroot()
    namespace = {"atom": "http://www.w3.org/2005/Atom"}
    assert [link.get("href") for link in rss.findall("channel/atom:link[@rel='hub']", namespace)] == [
        "https://hub.example.org/"
    ]
    assert [link.get("href") for link in atom.findall("atom:link[@rel='hub']", namespace)] == [
        "https://hub.example.org/"
    ]
    content = rss.find("channel/item/{http://purl.org/rss/1.0/modules/content/}encoded").text
    assert (
        '<a href="https://example.github.io/medborgarlofte/lofte/uppdatering/2022-05-brev/epost.html">E-postutgåvan</a>'
        in content
    )
    assert (
        '<a href="https://example.github.io/medborgarlofte/lofte/uppdatering/2022-05-brev/epost.txt">som ren text</a>'
        in content
    )


class _Recorder(BaseHTTPRequestHandler):
    """A WebSub hub and Mastodon's media and status calls, recording each request; failing (500) where told to."""

    calls: ClassVar[list[tuple[str, bytes, dict[str, str]]]] = []
    failing: ClassVar[set[str]] = set()

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).calls.append((self.path, body, dict(self.headers)))
        if self.path in type(self).failing:
            self.send_response(500)
            self.end_headers()
            return
        answer = json.dumps({"id": "4711"} if self.path == "/api/v2/media" else {}).encode()
        self.send_response(202 if self.path == "/hub" else 200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def _fake() -> Iterator[tuple[str, type[_Recorder]]]:
    handler = type("Recorder", (_Recorder,), {"calls": [], "failing": set()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", handler
    finally:
        server.shutdown()
        server.server_close()


def _content_with(folder: Path, *added: str) -> Path:
    content = folder / "innehall"
    if not content.exists():
        shutil.copytree(SAMPLE, content)
    path = content / "commitments/polisen-narvaro-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "".join(added), encoding="utf-8")
    return content


def _hub_notices(handler: type[_Recorder]) -> list[str]:
    return sorted(parse_qs(body.decode())["hub.url"][0] for path, body, _ in handler.calls if path == "/hub")


def _feeds_holding(site: Path, guid: str) -> set[str]:
    found = set()
    for rss in site.rglob("*.rss"):
        if guid in rss.read_text(encoding="utf-8"):
            address = "https://example.github.io/medborgarlofte/" + rss.relative_to(site).as_posix()
            found |= {address, address[: -len("rss")] + "atom"}
    return found


@pytest.mark.slow
def test_a_status_change_tells_the_hub_of_each_of_its_feeds_and_nothing_else_once_the_deploy_succeeded(
    tmp_path: Path,
) -> None:
    with _fake() as (address, handler):
        project = _project(tmp_path, hub=f"{address}/hub")
        config, work = project / "mkdocs.yml", project / ".medborgarlofte"
        site = _build(project)
        first = announcing.announce(site, read_settings(config), work, TODAY, None)
        assert first.notified == [] and handler.calls == []  # no record yet: the first run records, and tells nothing

        content = _content_with(tmp_path, NEW_STATUS)
        site = _build(project, content)
        changed = (work / announcing.CHANGED).read_text(encoding="utf-8").split()
        expected = _feeds_holding(site, "#status-2023-06-01-forsenad")
        assert (
            set(changed) == expected and len(expected) >= 8
        )  # in sv, en and ar: the commitment's, its actors', the status feed …
        # The deploy failed: announce is not run, and nothing is told or recorded. The next build finds the same change.
        site = _build(project, content)
        assert sorted((work / announcing.CHANGED).read_text(encoding="utf-8").split()) == sorted(changed)

        told = announcing.announce(site, read_settings(config), work, TODAY, None)
        assert _hub_notices(handler) == sorted(expected) == sorted(told.notified)
        assert all(headers["Content-Type"] == "application/x-www-form-urlencoded" for _, _, headers in handler.calls)
        assert all(parse_qs(body.decode())["hub.mode"] == ["publish"] for _, body, _ in handler.calls)

        handler.calls.clear()
        site = _build(project, content)
        assert (work / announcing.CHANGED).read_text(encoding="utf-8") == ""
        assert (
            announcing.announce(site, read_settings(config), work, TODAY, None).notified == [] and handler.calls == []
        )


@pytest.mark.slow
def test_a_hub_that_does_not_answer_is_told_again_next_time(tmp_path: Path) -> None:
    with _fake() as (address, handler):
        project = _project(tmp_path, hub=f"{address}/hub")
        config, work = project / "mkdocs.yml", project / ".medborgarlofte"
        announcing.announce(_build(project), read_settings(config), work, TODAY, None)
        content = _content_with(tmp_path, NEW_STATUS)
        site = _build(project, content)
        handler.failing.add("/hub")
        told = announcing.announce(site, read_settings(config), work, TODAY, None)
        assert told.notified == [] and len(told.not_notified) >= 8
        handler.failing.clear()
        handler.calls.clear()
        site = _build(project, content)
        assert _hub_notices(handler) == [] and sorted(
            announcing.announce(site, read_settings(config), work, TODAY, None).notified
        ) == sorted(told.not_notified)


def _mastodon_calls(handler: type[_Recorder]) -> list[str]:
    return [path for path, _, _ in handler.calls if path.startswith("/api/")]


@pytest.mark.slow
def test_mastodon_gets_each_new_post_once_with_its_card_and_text_and_a_failing_server_is_tried_again(
    tmp_path: Path,
) -> None:
    with _fake() as (address, handler):
        project = _project(tmp_path, hub=f"{address}/hub", instance=address)
        config, work = project / "mkdocs.yml", project / ".medborgarlofte"
        first = announcing.announce(_build(project), read_settings(config), work, TODAY, "hemligt")
        assert (
            first.posted == [] and _mastodon_calls(handler) == [] and first.recorded_only
        )  # the history is never posted

        content = _content_with(tmp_path, NEW_STATUS)
        site = _build(project, content)
        handler.failing.add("/api/v1/statuses")
        failed = announcing.announce(site, read_settings(config), work, TODAY, "hemligt")
        assert failed.posted == [] and failed.not_posted == ["status/polisen-narvaro-2023/2023-06-01/försenad"]

        handler.failing.clear()
        handler.calls.clear()
        told = announcing.announce(site, read_settings(config), work, TODAY, "hemligt")
        assert told.posted == ["status/polisen-narvaro-2023/2023-06-01/försenad"]
        assert _mastodon_calls(handler) == ["/api/v2/media", "/api/v1/statuses"]
        (_, media, media_headers), (_, status, status_headers) = [
            call for call in handler.calls if call[0].startswith("/api/")
        ]
        assert media_headers["Authorization"] == status_headers["Authorization"] == "Bearer hemligt"
        assert (
            b'name="description"\r\n\r\n'
            + "Åtagande · Medborgarlöfte Exempelområdet 2023–2024. Regelbunden närvaro, andra året. Försenad.".encode()
            in media
        )
        assert (site / "lofte/atagande/polisen-narvaro-2023/kort.png").read_bytes() in media
        said = parse_qs(status.decode())
        assert said["media_ids[]"] == ["4711"] and said["language"] == ["sv"] and said["visibility"] == ["public"]
        assert said["status"][0].startswith("Regelbunden närvaro, andra året: ny status: försenad (tidigare löpande).")
        assert len(status_headers["Idempotency-Key"]) == 64

        # Not twice: not on the next run, and not when the old status is edited.
        handler.calls.clear()
        assert announcing.announce(_build(project, content), read_settings(config), work, TODAY, "hemligt").posted == []
        edited = content / "commitments/polisen-narvaro-2023.yaml"
        edited.write_text(
            edited.read_text(encoding="utf-8").replace("Färre patruller i juni.", "Färre patruller i juni, rättat."),
            encoding="utf-8",
        )
        assert announcing.announce(_build(project, content), read_settings(config), work, TODAY, "hemligt").posted == []
        assert _mastodon_calls(handler) == []


def test_an_invented_status_is_posted_as_an_example_and_a_future_one_is_not_posted_early(tmp_path: Path) -> None:
    project = _project(tmp_path)
    content = _content_with(
        tmp_path,
        "  - date: 2023-05-20\n    status: pågår\n    example: true\n",
        "  - date: 2023-07-01\n    status: genomförd\n",
    )
    data = json.loads((_build(project, content) / "lofte/dela/inlagg.json").read_text(encoding="utf-8"))["posts"]
    assert data[0]["text"].startswith("Exempel: Regelbunden närvaro, andra året: ny status: pågår")
    assert not [post for post in data if "2023-07-01" in post["id"]]


def test_announce_says_what_it_did_and_never_fails_the_run_for_a_server(tmp_path: Path) -> None:
    project = _project(tmp_path, hub="http://127.0.0.1:9/hub", instance="http://127.0.0.1:9")
    result = run_script("build", "--content", str(SAMPLE), cwd=project)
    assert result.returncode == 0, result.stderr
    result = run_script("announce", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (
        "varning: MEDBORGARLOFTE_MASTODON_TOKEN är inte satt, så inget läggs ut på Mastodon (lägg token som en hemlighet i arbetsflödet)."
        in result.stdout
    )
    assert json.loads((project / ".medborgarlofte/announced.json").read_text(encoding="utf-8"))["posts"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "  follow:\n    hub: http://hub.example.org/\n",
            "extra.follow.hub: fick 'http://hub.example.org/' (förväntade WebSub-navets adress, som börjar med https://)",
        ),
        (
            "  follow:\n    email: https://nyhetsbrev.example/(anmal)\n",
            "extra.follow.email: fick 'https://nyhetsbrev.example/(anmal)' (förväntade adressen där man anmäler sig till kommunens nyhetsbrev, som börjar med https://, gärna med {topic})",
        ),
        (
            "  follow:\n    mastodon:\n      instance: https://mastodon.example\n      account: polisen malmö\n",
            "extra.follow.mastodon.account: fick 'polisen malmö' (förväntade kontots namn, t.ex. trygghet_norrby)",
        ),
        (
            "  follow:\n    mastodon:\n      instance: https://mastodon.example\n      account: polisen\n      language: fi\n",
            "extra.follow.mastodon.language: fick 'fi' (förväntade en av: sv, en, ar: språket kontot skriver på)",
        ),
        (
            "  follow:\n    nav: https://hub.example.org/\n",
            "extra.follow.nav: okänt fält (förväntade ett av: hub, email, mastodon)",
        ),
        (
            "  follow:\n    email: https://{topic}.nyhetsbrev.example/anmal\n",
            "extra.follow.email: fick 'https://{topic}.nyhetsbrev.example/anmal' ({topic} står i värdnamnet: förväntade "
            "det i adressens sökväg eller fråga, så att ämnet aldrig kan byta sajt)",
        ),
        (
            "  follow:\n    hub: https://kalle:hemligt@hub.example.org/\n",
            "extra.follow.hub: fick 'https://kalle:hemligt@hub.example.org/' (bär användarnamn eller lösenord "
            "(förväntade en adress utan dem: de skulle stå öppet i sajtens sidor))",
        ),
        (
            "  follow:\n    hub: https://hub.example.org/\u202egpj.exe\n",
            "extra.follow.hub: fick 'https://hub.example.org/\\u202egpj.exe' (innehåller det osynliga styrtecknet U+202E för "
            "textriktning, som vänder ordningen på texten runt det (förväntade vanlig text; ta bort tecknet: webbläsaren "
            "ordnar arabisk och hebreisk text själv))",
        ),
        (
            "  follow:\n    hub: https://hub.example.org/" + "a" * 20_000 + "\n",
            "extra.follow.hub: fick 'https://hub.example.org/" + "a" * 76 + "'… (är 20024 tecken lång (förväntade "
            "högst 500 tecken))",
        ),
        (
            "  follow:\n    mastodon:\n      instance: https://mastodon.example\n      account: polisen@annan.example\n",
            "extra.follow.mastodon.account: fick '@polisen@annan.example', ett konto på annan.example (förväntade ett "
            "konto på servern som instance anger, https://mastodon.example: skriv kontots namn där, t.ex. polisen)",
        ),
    ],
    ids=[
        "hub-not-https",
        "email-with-parenthesis",
        "account-with-space",
        "language-not-the-site-s",
        "unknown-field",
        "topic-in-the-host",
        "hub-with-password",
        "hub-with-right-to-left-override",
        "hub-of-20-kb",
        "account-on-another-server",
    ],
)
def test_the_follow_settings_are_checked_with_their_line(tmp_path: Path, lines: str, expected: str) -> None:
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  renderer: mkdocs\n", "  renderer: mkdocs\n" + lines)
    config.write_text(text, encoding="utf-8")
    key = expected.split(":")[0].split(".")[-1]
    added = text.splitlines().index("  renderer: mkdocs") + 1  # the field's own line among the lines added
    line = next(
        n for n, row in enumerate(text.splitlines(), start=1) if n > added and row.strip().startswith(f"{key}:")
    )
    with pytest.raises(ContentErrors) as refused:
        read_settings(config)
    assert f"{config}:{line}: {expected}" in str(refused.value).splitlines()


def test_a_topic_is_placed_in_the_newsletter_s_address_as_one_encoded_part() -> None:
    follow = Follow(email="https://nyhetsbrev.kommunen.example/anmal/{topic}?lista=1")
    assert follow.email_for("aktor/polisen") == "https://nyhetsbrev.kommunen.example/anmal/aktor%2Fpolisen?lista=1"
    assert follow.email_for("../../annan.example") == (
        "https://nyhetsbrev.kommunen.example/anmal/..%2F..%2Fannan.example?lista=1"
    )
    assert follow.email_for("trafik #1 ?x=\u202e") == (
        "https://nyhetsbrev.kommunen.example/anmal/trafik%20%231%20%3Fx%3D%E2%80%AE?lista=1"
    )
    assert Follow().email_for("trafik") is None


def test_the_publishing_workflow_announces_after_the_deploy_and_keeps_its_record() -> None:
    import yaml

    deploy = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))["jobs"]["deploy"]
    names = [step.get("id") or step.get("name") or step.get("uses", "") for step in deploy["steps"]]
    announce = next(step for step in deploy["steps"] if step.get("run") == "make announce")
    assert names.index("deployment") < deploy["steps"].index(announce)
    assert "if" not in announce  # after a failed deploy it does not run
    assert announce["env"] == {"MEDBORGARLOFTE_MASTODON_TOKEN": "${{ secrets.MASTODON_TOKEN }}"}
    cache = next(step for step in deploy["steps"] if "announced" in str(step.get("with", {}).get("path", "")))
    assert cache["with"]["path"] == ".medborgarlofte/announced.json" and cache["with"]["restore-keys"] == "announced-"
