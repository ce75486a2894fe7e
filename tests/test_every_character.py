"""Every character a person can type reaches the renderer unchanged: emoji, Arabic, combining marks, astral symbols."""

from __future__ import annotations

import csv
import html as html_text
import io
import json
import os
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import feedparser
import icalendar
import lxml.html
import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from medborgarlofte import addresses as at
from medborgarlofte import translated
from medborgarlofte.bidi import isolated
from medborgarlofte.contents import load, published
from medborgarlofte.generators import calendar, cards, embeds, feeds, letters, opendata, pages, posts
from medborgarlofte.generators.markdown_pages import front_matter
from medborgarlofte.languages import words
from medborgarlofte.settings import in_language, read_settings

from .conftest import ROOT, SAMPLE, TODAY, edit, make_content, make_project, served
from .test_build import BLOMLADOR, build_sample, html

# What content may hold: any Unicode scalar value but surrogates, control characters other than tab and line break,
# the non-characters, bidi embeddings and overrides (readers.py refuses those with file, line and field), and isolates
# only in pairs.
CHARACTERS = st.characters(
    blacklist_categories=("Cs", "Cc"),
    blacklist_characters="\ufffe\uffff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
) | st.sampled_from("\t\n\u2028\u2029\x85\ufeff")
PIECES = st.sampled_from(
    [
        "🚦",
        "👩🏽‍🚒",
        "ـُ",
        "مالمو",
        "שלום",
        "漢字",
        "𝕏",
        '"',
        "\\",
        "---",
        ": ",
        "{{ x }}",
        "<img src=x onerror=alert(1)>",
        "\\U0001F6A6",
        "\\L",
        "#",
        "\u2067עברית 12\u2069",
        "\u200f",
        "\u061c",
    ]
)
CONTENT_TEXT = st.lists(st.text(CHARACTERS, max_size=8) | PIECES, max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["feed", "description", "image", "image_alt"]), CONTENT_TEXT, min_size=1))
def test_a_page_s_metadata_reaches_mkdocs_exactly_as_written(values: dict[str, str]) -> None:
    body, meta = get_data(f"---\n{front_matter(values)}---\n# Sidan\n")
    assert meta == values
    assert body == "# Sidan\n"


def test_a_title_with_an_emoji_keeps_its_page_whole_and_its_markup_text(tmp_path: Path) -> None:
    title = "Ökad trafiksäkerhet 🚦 <img src=x onerror=alert(1)>"
    changes = {
        **edit(BLOMLADOR, "title: Blomlådor som trafikdämpare", f'title: "{title}"'),
        **edit("actors.yaml", "name: Exempelstads kommun", "name: Exempelstads kommun 🌷"),
    }
    project = build_sample(tmp_path, changes)
    page = html(project, "lofte/atagande/kommunen-blomlador")
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert not re.search(r"(description|image|feed):\s*&quot;", page), "the page shows its own metadata"
    description = re.search(r'<meta name="description" content="([^"]*)"', page)
    assert description and description.group(1).endswith("Ansvarig: Exempelstads kommun 🌷.")
    assert re.search(r'<meta property="og:image" content="[^"]+\.png"', page)


# -- what check prints in a workflow's log ----------------------------------------------------------------------------

FORGED = "::error file=content/actors.yaml,line=1,title=Granskat::Innehållet är granskat – godkänn"


def _check_for_github(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOT / ".venv/bin/python"), str(ROOT / "scripts/build_pages.py"), "check", "--format", "github"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_STEP_SUMMARY": os.devnull},
    )


def _commands(output: str) -> list[str]:
    """The workflow commands GitHub's runner reads in a log: '::' at a line's start (after spaces), '##[' anywhere,
    none between ::stop-commands::TOKEN and ::TOKEN::."""
    found, stopped = [], None
    for line in output.splitlines():
        if stopped:
            stopped = None if line.strip() == f"::{stopped}::" else stopped
            continue
        if line.lstrip().startswith("::stop-commands::"):
            stopped = line.strip().split("::")[2]
        elif line.lstrip().startswith("::") or "##[" in line:
            found.append(line)
    return found


@pytest.mark.parametrize(
    "short_name", [FORGED, "ASF ##[warning]Allt är granskat", "  ::warning::x", "\x1b[2J\x1b[31mRÖTT"]
)
def test_content_cannot_forge_an_annotation_or_steer_the_terminal(tmp_path: Path, short_name: str) -> None:
    project = make_project(tmp_path / "project")
    make_content(project, edit("actors.yaml", "short_name: Polisen", f"short_name: {json.dumps(short_name)}"))
    result = _check_for_github(project)
    assert result.returncode == (1 if "\x1b" in short_name else 0), (
        result.stderr
    )  # control characters are refused, by name
    output = result.stdout + result.stderr
    commands = _commands(output)
    assert all(
        re.fullmatch(r"::error file=content/actors\.yaml,line=3,title=polisen\.short_name::[^:]*", line)
        for line in commands
    ), commands
    assert "\x1b" not in output and "##[" not in output


def test_a_file_name_with_a_line_break_cannot_stop_the_real_annotations(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    content = make_content(project)
    (content / "updates" / "x\n::stop-commands::abc\n.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = _check_for_github(project)
    assert result.returncode == 1
    errors = [line for line in _commands(result.stdout) if line.startswith("::error ")]
    assert errors and all("%0A" in line for line in errors if "stop-commands" in line)
    assert not [line for line in result.stdout.splitlines() if line.startswith("::stop-commands::abc")]


# -- the direction of text beside text ---------------------------------------------------------------------------------

# Where a theme's name stands, then ": 2 åtaganden": the number after a name in the other direction must stay on the side
# the page reads on (the example of HTML's <bdi>: without isolation "مالمو: 2" shows as "2 :مالمو").
NAME_THEN_COUNT = """(href) => {
    const link = [...document.querySelectorAll("article li > a")].find(a => a.getAttribute("href").endsWith(href));
    let node = link.nextSibling;
    while (node && !/\\d/.test(node.textContent)) node = node.nextSibling;
    const at = node.textContent.search(/\\d/);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const name = link.getBoundingClientRect(), digit = range.getBoundingClientRect();
    return {name_left: name.left, name_right: name.right, digit_left: digit.left, digit_right: digit.right, text: link.parentElement.textContent};
}"""


def test_a_name_in_the_other_direction_keeps_its_neighbours_in_place(tmp_path: Path, browser) -> None:
    names = {"sv": "شارع مالمو", "en": "רחוב הפרחים", "ar": "Trafik och gator"}
    # Three commitments in the theme: Arabic says one and two in words, three with a number.
    changes = {
        **edit("themes.yaml", "name: Trafik", f"name: {names['sv']}"),
        **edit("commitments/polisen-narvaro.yaml", "themes: [narvaro]", "themes: [narvaro, trafik]"),
        **edit("commitments/polisen-narvaro-2023.yaml", "title:", "themes: [trafik]\ntitle:"),
        "translations/en/themes.yaml": f"trafik:\n  name: {names['en']}\n",
        "translations/ar/themes.yaml": f"trafik:\n  name: {names['ar']}\n",
    }
    project = build_sample(tmp_path, changes, languages=None)
    page = browser.new_page()
    with served(project / "site") as port:
        for language, reads_right_to_left in (("sv", False), ("en", False), ("ar", True)):
            folder = "" if language == "sv" else f"{language}/"
            page.goto(f"http://127.0.0.1:{port}/{folder}lofte/teman/")
            found = page.evaluate(NAME_THEN_COUNT, "tema/trafik/")
            assert names[language] in found["text"]
            if reads_right_to_left:
                assert found["digit_right"] <= found["name_left"] + 1, (language, found)
            else:
                assert found["digit_left"] >= found["name_right"] - 1, (language, found)
    page.close()


ADDRESS_ENDS = """() => {
    const link = document.querySelector("td.footer a");
    const text = link.firstChild, chars = text.textContent;
    const box = (at) => { const r = document.createRange(); r.setStart(text, at); r.setEnd(text, at + 1); return r.getBoundingClientRect(); };
    const first = chars.indexOf("h"), last = chars.lastIndexOf("/");
    return {first: box(first).left, last: box(last).left};
}"""


def test_the_arabic_e_mail_shows_its_address_from_left_to_right(browser, site_url: str, default_site: Path) -> None:
    letter = next((default_site / "ar" / "lofte" / "uppdatering").glob("*/epost.html")).parent.name
    page = browser.new_page()
    page.goto(f"{site_url}ar/lofte/uppdatering/{letter}/epost.html")
    ends = page.evaluate(ADDRESS_ENDS)
    page.close()
    assert ends["first"] < ends["last"], ends  # "https://…/", never "/https://…"
    text = (default_site / "ar" / "lofte" / "uppdatering" / letter / "epost.txt").read_text(encoding="utf-8")
    address = in_language(read_settings(ROOT / "mkdocs.yml"), "ar").url
    assert f"[\u2066{address}\u2069]({address})" in text  # the text part isolates it left to right too


# -- any text, through every generator, in every language ---------------------------------------------------------------

# What a person can type into a one-line field and check accepts: the characters above without those check refuses with
# its reason (control characters, overrides), on one line, with no space at the ends (the model strips it).
_REFUSED = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\ufffe\uffff]")
ONE_LINE = CONTENT_TEXT.map(lambda text: _REFUSED.sub("", text).strip()).filter(bool)
FIELDS = ("title", "translated_title", "actor", "short_name", "note", "letter", "summary", "dialogue", "place", "theme")
# Small in make test, to keep it fast; THOROUGH=1 runs ten times as many (handbok/utveckla-motorn.md: "Tester").
EXAMPLES = 120 if os.environ.get("THOROUGH") else 12


def _with_front_matter(text: str, change: Callable[[dict], None]) -> str:
    head, body = text.split("---\n", 2)[1:]
    fields = yaml.safe_load(head)
    change(fields)
    return f"---\n{yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)}---\n{body}"


def _yaml(text: str, change: Callable[[dict], None]) -> str:
    fields = yaml.safe_load(text)
    change(fields)
    return yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)


def _content_with(texts: dict[str, str], folder: Path) -> Path:
    def sample(relative: str) -> str:
        return (SAMPLE / relative).read_text(encoding="utf-8")

    def commitment(fields: dict) -> None:
        fields["title"] = texts["title"]

    def note(fields: dict) -> None:
        fields["history"][1]["note"] = texts["note"]

    def actor(fields: dict) -> None:
        fields["kommunen"].update(name=texts["actor"], short_name=texts["short_name"])

    def letter(fields: dict) -> None:
        fields.update(title=texts["letter"], summary=texts["summary"])

    def dialogue(fields: dict) -> None:
        fields["title"] = texts["dialogue"]
        fields["dialogue"]["place"] = texts["place"]

    def theme(fields: dict) -> None:
        fields["trafik"]["name"] = texts["theme"]

    def translation(fields: dict) -> None:
        fields["title"] = texts["translated_title"]
        fields[translated.SOURCE]["title"] = translated.fingerprint(
            texts["title"]
        )  # reviewed against the title as it now is

    return make_content(
        folder,
        {
            "commitments/kommunen-blomlador.yaml": _yaml(sample("commitments/kommunen-blomlador.yaml"), commitment),
            "commitments/polisen-narvaro.yaml": _yaml(sample("commitments/polisen-narvaro.yaml"), note),
            "actors.yaml": _yaml(sample("actors.yaml"), actor),
            "themes.yaml": _yaml(sample("themes.yaml"), theme),
            "updates/2022-05-brev.md": _with_front_matter(sample("updates/2022-05-brev.md"), letter),
            "updates/2022-09-dialog.md": _with_front_matter(sample("updates/2022-09-dialog.md"), dialogue),
            "translations/en/commitments/kommunen-blomlador.yaml": _yaml(
                sample("translations/en/commitments/kommunen-blomlador.yaml"), translation
            ),
        },
    )


_PAGE_MARKDOWN = [
    "attr_list",
    "md_in_html",
    "tables",
    "toc",
    "admonition",
]  # mkdocs.yml's, but for the snippets it does not use


def _page_heading(markdown_page: str) -> str:
    """The page's first heading as a reader sees it, rendered by Python-Markdown as MkDocs renders it."""
    body, _meta = get_data(markdown_page)
    heading = lxml.html.fromstring(markdown.markdown(body, extensions=_PAGE_MARKDOWN)).xpath("//h1")[0]
    for mark in heading.xpath(".//span[@class='untranslated-mark']"):  # "(in Swedish)" after a text without translation
        mark.drop_tree()
    return _seen(heading.text_content()).strip()


def _seen(text: str) -> str:
    """Text as a browser shows it, and as a mail's text part is flowed: each run of white space one space
    (Markdown writes a tab as spaces, and the text part a no-break space as a space)."""
    return re.sub(r"[ \t\n\r\f\xa0]+", " ", text)


# A failure is reported as found: shrinking it takes minutes at these sizes (THOROUGH=1 shrinks).
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=tuple(Phase) if os.environ.get("THOROUGH") else (Phase.explicit, Phase.reuse, Phase.generate),
)
@given(st.fixed_dictionaries({name: ONE_LINE for name in FIELDS}))
def test_any_text_reaches_every_channel_of_every_language_exactly(tmp_path: Path, texts: dict[str, str]) -> None:
    """Whatever a person writes in the fields of a commitment, an actor, a theme, a letter, a dialogue and a translation
    is, in every language and every channel, exactly that text: as the heading of its page, in the feeds, the calendar,
    the open data, the badge, the status card, the e-mail edition and on the share card (with its font's characters)."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # a folder for each example: the same example may run again
    content = published(load(_content_with(texts, folder)), TODAY)
    config = read_settings(ROOT / "mkdocs.yml")
    for language in config.languages:
        site = in_language(config, language.code)
        shown = translated.in_language(content, site.language)
        title = texts["translated_title"] if site.language == "en" else texts["title"]

        def iso(text: str, language: str = site.language) -> str:
            return isolated(text, language)

        def in_feed(text: str, language: str = site.language) -> str:
            """A text as a feed says it: followed by "(in Swedish)" where it has no translation."""
            return f"{iso(text, language)} {words(language).not_translated('sv')}" if language != "sv" else text

        page = pages.generate(shown, site, TODAY)
        assert _page_heading(page[at.commitment("kommunen-blomlador")]) == _seen(title)
        assert _page_heading(page[at.actor("kommunen")]) == _seen(texts["actor"])
        assert _page_heading(page[at.update("2022-05-brev")]) == _seen(texts["letter"])
        assert _page_heading(page[at.theme("trafik")]) in (
            _seen(texts["theme"]),
            "Traffic",
            "حركة المرور",
        )  # translated in the sample

        made = feeds.generate(shown, site, TODAY)
        for ending in ("rss", "atom"):
            # Read as XML: feedparser "repairs" text that looks like mojibake to it ("Å°" becomes "Ű"), which no feed reader must.
            feed_title, entry_titles = _titles(made[at.feed(at.commitment_feed("kommunen-blomlador"), ending)])
            assert feed_title == f"{iso(title)} – {iso(site.name)}"
            # The commitment's status change is titled with its title first (another entry may begin with the same words).
            shown_title = in_feed(title) if site.language not in ("sv", "en") else iso(title)
            status_titles = [t for t in entry_titles if shown_title + ": " in t]
            assert status_titles and all(t.startswith(shown_title + ": ") for t in status_titles), entry_titles
            _, everything = _titles(made[at.feed(at.ALL_FEED, ending)])
            assert in_feed(texts["letter"]) in everything
            assert in_feed(texts["dialogue"]) in everything
            notes = [
                html_text.unescape(e.summary)
                for e in feedparser.parse(made[at.feed(at.commitment_feed("polisen-narvaro"), ending)]).entries
            ]
            assert any(f" {iso(texts['note'])} " in summary for summary in notes), notes

        events = icalendar.Calendar.from_ical(calendar.generate(shown, site)).walk("VEVENT")
        assert [(str(e["summary"]), str(e["location"])) for e in events] == [(texts["dialogue"], texts["place"])]

        data = {at.in_generated(path): text for path, text in opendata.generate(shown, site).items()}
        rows = {
            row["id"]: row
            for row in csv.DictReader(
                io.StringIO(data[at.in_generated(at.COMMITMENTS_CSV)].lstrip("\ufeff")), delimiter=";"
            )
        }
        assert rows["kommunen-blomlador"]["title"] == opendata.neutralised(title)
        published_data = json.loads(data[at.in_generated(at.ALL_DATA)])
        assert next(c for c in published_data["commitments"] if c["id"] == "kommunen-blomlador")["title"] == title
        assert next(a for a in published_data["actors"] if a["id"] == "kommunen")["name"] == texts["actor"]

        embedded = embeds.generate(shown, site, TODAY)
        badge = ElementTree.fromstring(embedded[at.commitment_badge("kommunen-blomlador")])
        assert badge.findtext("{http://www.w3.org/2000/svg}title").startswith(f"{iso(title)}: ")
        card = lxml.html.fromstring(embedded[at.commitment_embed("kommunen-blomlador")])
        assert card.xpath("//h1")[0].text_content() == iso(title)
        assert iso(texts["short_name"]) in card.text_content()

        letter = letters.generate(shown, site)
        assert lxml.html.fromstring(letter[at.letter_email("2022-05-brev")]).xpath("//h1")[0].text_content() == iso(
            texts["letter"]
        )
        assert _seen(iso(texts["letter"])) in letter[at.letter_text("2022-05-brev")].splitlines()

        # A card holds the texts exactly (the picture leaves out what the font cannot draw: test_channels), and so does its
        # alternative text, and the ready post for social media.
        shared = cards.cards_of(shown, site, TODAY)[at.commitment_card("kommunen-blomlador")]
        assert shared.title.words == title
        assert iso(texts["short_name"]) in shared.byline.words
        assert title in cards.alternative_text(shared) and iso(texts["short_name"]) in cards.alternative_text(shared)
        post = next(p for p in posts.posts_of(shown, site, TODAY) if p.id.startswith("status/kommunen-blomlador/"))
        assert iso(title) in post.text and post.alternative == cards.alternative_text(shared)


def _titles(feed: str) -> tuple[str, list[str]]:
    """A feed's own title and its entries' titles, as the XML has them (RSS or Atom)."""
    root = ElementTree.fromstring(feed)
    atom = "{http://www.w3.org/2005/Atom}"
    if root.tag == f"{atom}feed":
        return root.findtext(f"{atom}title") or "", [
            entry.findtext(f"{atom}title") or "" for entry in root.iter(f"{atom}entry")
        ]
    return root.findtext("channel/title") or "", [item.findtext("title") or "" for item in root.iter("item")]


def test_a_title_that_looks_escaped_keeps_its_ampersands_in_the_e_mail_s_text_part(tmp_path: Path) -> None:
    """The text part is laid out from the HTML, whose text the layout would otherwise unescape once more (twice in a table)."""
    title = "Möte &lt;kväll&gt; &amp; fika & prat"
    content = published(
        load(make_content(tmp_path, edit("updates/2022-05-brev.md", "title: Informationsbrev 1", f'title: "{title}"'))),
        TODAY,
    )
    made = letters.generate(content, read_settings(ROOT / "mkdocs.yml"))
    assert isolated(title, "sv") in made[at.letter_text("2022-05-brev")].splitlines()
    assert lxml.html.fromstring(made[at.letter_email("2022-05-brev")]).xpath("//h1")[0].text_content() == isolated(
        title, "sv"
    )
