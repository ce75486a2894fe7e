"""What a Swedish public body must offer beyond WCAG: an accessibility statement true for each area, in DIGG's parts and
order, written by the engine from the area's settings and its own facts, and never a part or a date made up."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from playwright.sync_api import Browser

from medborgarlofte import addresses as at
from medborgarlofte.commands.init import skeleton
from medborgarlofte.languages import words
from medborgarlofte.project import Project

from .conftest import BASE, ROOT, SITE_LANGUAGES, TODAY, axe
from .test_browser import REPORT
from .test_typed_input import ANSWERED

# DIGG's parts of a statement, in DIGG's order, as the page's headings say them (in Swedish; each language's words).
PARTS = (
    "Hur tillgänglig är webbplatsen?",
    "Vad kan du göra om du inte kan använda delar av webbplatsen?",
    "Rapportera brister i webbplatsens tillgänglighet",
    "Tillsyn",
    "Teknisk information om webbplatsens tillgänglighet",
    "Innehåll som inte är tillgängligt",
    "Hur vi testat webbplatsen",
)
MISSING = "Uppgift saknas"


def _statement(site: Path, language: str) -> lxml.html.HtmlElement:
    folder = at.language_folder(language, SITE_LANGUAGES[0])
    page = site / folder / at.page_address(at.ACCESSIBILITY) / "index.html"
    return lxml.html.fromstring(page.read_text(encoding="utf-8")).xpath("//article")[0]


def _years(text: str) -> list[str]:
    """The years a text names, but for the law's own number, (2018:1937), and the addresses of its links (a period's
    page is named by its years)."""
    return re.findall(r"\b20\d\d\b", re.sub(r"\]\([^)]*\)", "]", text.replace("2018:1937", "")))


def _headings(article: lxml.html.HtmlElement) -> list[str]:
    return [" ".join(h.text_content().split()) for h in article.xpath(".//h2|.//h3")]


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_the_statement_has_every_part_digg_asks_for_in_digg_s_order(default_site: Path, language: str) -> None:
    said = words(language)
    article = _statement(default_site, language)
    assert _headings(article) == [said.gettext(part) for part in PARTS]
    assert [a.get("href") for a in article.iter("a") if a.get("href") == at.DIGG_COMPLAINT] == [at.DIGG_COMPLAINT]


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_the_reference_site_says_which_parts_are_missing_and_claims_no_assessment(
    default_site: Path, language: str
) -> None:
    """Sofielund's site names no responsible organisation, contact or assessment: the page says so in each place."""
    said = words(language)
    article = _statement(default_site, language)
    boxes = article.xpath(".//div[contains(@class, 'admonition')]")
    assert [box.xpath("./p[1]")[0].text_content() for box in boxes] == [said.gettext(MISSING)] * 5
    assert not _years(article.text_content()), "no day of an assessment the area did not make"


def test_an_area_s_own_statement_shows_what_it_says(second_site: Path) -> None:
    article = _statement(second_site, "sv")
    text = " ".join(article.text_content().split())
    assert MISSING not in text
    assert "Norrby kommun står bakom webbplatsen" in text
    assert "delvis förenlig" in text and "Vi svarar inom 5 arbetsdagar." in text
    assert "Bedömningen gjordes den 30 november 2026." in text
    assert article.xpath(".//a[@href='mailto:tillganglighet@norrby.example']")
    english = _statement(second_site, "en")
    issue = english.xpath(".//li[contains(., 'Filmen från medborgardialogen')]//*[@lang='sv']")
    assert issue, "the area's own issue, written in Swedish, is marked as Swedish on the English page"
    assert "The assessment was made on November 30, 2026." in " ".join(english.text_content().split())


def test_every_page_s_footer_leads_to_the_statement(default_site: Path) -> None:
    """In the page's own language: the English pages lead to the English statement."""
    for page, statement in (
        ("index.html", "tillganglighet"),
        ("lofte/ataganden/index.html", "tillganglighet"),
        ("en/lofte/folj/index.html", "en/tillganglighet"),
        ("ar/lofte/aktorer/index.html", "ar/tillganglighet"),
    ):
        tree = lxml.html.fromstring((default_site / page).read_text(encoding="utf-8"))
        links = [a.get("href") for a in tree.xpath("//footer//a")]
        targets = {(default_site / page).parent.joinpath(href).resolve() for href in links if href}
        assert (default_site / statement).resolve() in targets, page


def test_a_new_site_claims_no_assessment_and_check_says_what_is_missing(tmp_path: Path) -> None:
    from .conftest import SECOND, run_script

    files = skeleton(dict(ANSWERED), TODAY)
    for relative, text in files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    assert not re.search(r"\d{4}", files["docs/tillganglighet.md"]), "the hand-written page only includes the engine's"
    project = Project.open(tmp_path / "mkdocs.yml", SECOND)
    assert project.settings.accessibility.missing == (
        "responsible",
        "contact",
        "answer_days",
        "compliance",
        "assessed",
        "method",
    )
    for site, generated in project.generated(project.content(TODAY), TODAY):
        statement = generated[at.in_generated(at.ACCESSIBILITY_PART)]
        assert statement.count(f'"{site.words.gettext(MISSING)}"') == 5, site.language
        assert not _years(statement), site.language
    result = run_script("check", "--content", str(SECOND), cwd=tmp_path)
    assert (
        "varning: mkdocs.yml: extra.accessibility saknar responsible, contact, answer_days, compliance, assessed, "
        "method: tillgänglighetsredogörelsen säger att de uppgifterna saknas (skriv dem; handbok/infora-motorn.md: "
        "Tillgänglighetsredogörelsen)"
    ) in result.stdout.splitlines()


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("    contact: http://kommunen.se/kontakt\n", "extra.accessibility.contact: fick 'http://kommunen.se/kontakt'"),
        (
            "    compliance: delvis\n",
            "extra.accessibility.compliance: fick 'delvis' (förväntade en av: full, partial, none",
        ),
        ("    assessed: igår\n", "extra.accessibility.assessed: fick 'igår' (förväntade en dag, ÅÅÅÅ-MM-DD)"),
        ("    answer_days: 0\n", "extra.accessibility.answer_days: fick 0 (förväntade antalet arbetsdagar"),
        ("    reviewer: Funka\n", "extra.accessibility.reviewer: okänt fält (förväntade ett av: responsible, contact"),
    ],
)
def test_the_statement_s_settings_are_checked_with_their_line(tmp_path: Path, lines: str, expected: str) -> None:
    from medborgarlofte.errors import ContentErrors
    from medborgarlofte.settings import read_settings

    from .conftest import make_project

    config = make_project(tmp_path) / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "  # Days without a status change", "  accessibility:\n" + lines + "  # Days without a status change"
    )
    config.write_text(text, encoding="utf-8")
    line = text.splitlines().index(lines.rstrip("\n")) + 1
    with pytest.raises(ContentErrors) as refused:
        read_settings(config)
    assert any(message.startswith(f"{config}:{line}: {expected}") for message in str(refused.value).splitlines())


# Lättläst: the promise in easy-to-read Swedish, one step away from every page.


def _easy(site: Path, language: str = "sv") -> lxml.html.HtmlElement:
    folder = at.language_folder(language, SITE_LANGUAGES[0])
    page = site / folder / at.page_address(at.EASY_READ) / "index.html"
    return lxml.html.fromstring(page.read_text(encoding="utf-8"))


def test_the_reference_promise_s_easy_text_is_under_the_lix_limit() -> None:
    from medborgarlofte.contents import load
    from medborgarlofte.plainlanguage import EASY_READ_LIX, lix

    period = load(ROOT / "content").periods["2022-2023"]
    assert period.easy_read is not None
    score = lix(period.easy_read)
    assert score is not None and score < EASY_READ_LIX


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_the_easy_read_page_shows_the_promise_and_what_each_status_means(default_site: Path, language: str) -> None:
    from medborgarlofte.vocabulary import SHOWN_STATUSES

    said = words(language)
    tree = _easy(default_site, language)
    article = tree.xpath("//article")[0]
    text = " ".join(article.text_content().split())
    assert "Polisen, Malmö stad och Fastighetsägare BID Sofielund gav ett sådant löfte för Sofielund." in text
    # The reference promise has ended: each status is said as the work stood on its last day, never as going on now.
    for status in SHOWN_STATUSES.values():
        assert f"{said.gettext(status.ended_label)}: {said.gettext(status.easy_at_end)}" in text
        now, then = said.gettext(status.easy), said.gettext(status.easy_at_end)
        assert now not in text or now == then  # a language may say both alike
    assert "De arbetar med det nu" not in text and "Det har inget slut" not in text
    assert article.xpath(".//div[contains(@class, 'easy-read')]")
    if language != "sv":  # Swedish text on another language's page is marked as Swedish
        assert article.xpath(".//div[@lang='sv'][contains(., 'Ett medborgarlöfte är ett löfte')]")


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "lofte/ataganden/index.html",
        "lofte/atagande/asf-tidig-upptackt/index.html",
        "en/lofte/folj/index.html",
        "ar/tillganglighet/index.html",
        "lofte/lattlast/index.html",
    ],
)
def test_every_page_s_header_leads_to_the_easy_read_page_in_its_language(default_site: Path, page: str) -> None:
    language = page.split("/")[0] if page.split("/")[0] in SITE_LANGUAGES[1:] else SITE_LANGUAGES[0]
    tree = lxml.html.fromstring((default_site / page).read_text(encoding="utf-8"))
    [link] = tree.xpath("//header//a[contains(@class, 'easy-read-link')]")
    assert link.text_content() == words(language).gettext("Lättläst")
    target = ((default_site / page).parent / link.get("href")).resolve()
    easy = (default_site / at.language_folder(language, SITE_LANGUAGES[0]) / at.page_address(at.EASY_READ)).resolve()
    assert target == easy


def test_with_zensical_too_every_page_s_header_leads_to_the_easy_read_page(zensical_www: Path) -> None:
    site = zensical_www / BASE.strip("/")
    for page in ("index.html", "lofte/ataganden/index.html", "en/lofte/folj/index.html"):
        tree = lxml.html.fromstring((site / page).read_text(encoding="utf-8"))
        [link] = tree.xpath("//header//a[contains(@class, 'easy-read-link')]")
        language = "en" if page.startswith("en/") else "sv"
        assert link.text_content() == words(language).gettext("Lättläst")
        folder = at.language_folder(language, SITE_LANGUAGES[0])
        assert ((site / page).parent / link.get("href")).resolve() == (site / folder / "lofte/lattlast").resolve()


def test_check_gives_the_easy_text_s_lix_and_warns_for_a_running_promise_without_one(tmp_path: Path) -> None:
    import shutil

    from .conftest import run_script

    result = run_script("check", cwd=ROOT)
    assert "Lättläst (2022-2023): LIX 25 (varning över 30)" in result.stdout.splitlines()
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    period = content / "periods" / "2022-2023.yaml"
    text = period.read_text(encoding="utf-8")
    period.write_text(text[: text.index("easy_read:")].replace("end: 2023-04-30", "end: 2099-04-30"), encoding="utf-8")
    result = run_script("check", "--content", str(content), cwd=ROOT)
    assert (
        f"varning: {content}/periods/2022-2023.yaml: easy_read saknas: löftet har ingen lättläst text, och sidan "
        "Lättläst säger det (skriv den; handbok/skriva-och-publicera.md: Lättläst)"
    ) in result.stdout.splitlines()


def test_a_new_site_has_a_template_for_its_easy_text() -> None:
    files = skeleton(dict(ANSWERED), TODAY)
    period = next(text for path, text in files.items() if path.startswith("content/periods/"))
    assert "# MALL: skriv löftet på lättläst svenska" in period and "easy_read: |" in period


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page", ["lofte/lattlast/", "tillganglighet/", "ar/lofte/lattlast/"])
def test_the_easy_read_page_and_the_statement_pass_axe_and_are_seen(
    browser: Browser, site_url: str, page: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    tab = context.new_page()
    tab.goto(site_url + page)
    tab.wait_for_load_state("networkidle")
    problems = axe(tab)
    wide = tab.evaluate("document.documentElement.scrollWidth")
    link = tab.locator("header a.easy-read-link")
    visible = link.is_visible()
    REPORT.mkdir(exist_ok=True)
    tab.screenshot(path=str(REPORT / f"{page.strip('/').replace('/', '-')}-{width}.png"), full_page=True)
    context.close()
    assert problems == []
    assert wide <= width, "nothing to scroll sideways (WCAG 1.4.10): a Swedish list on an Arabic page keeps its bullets"
    assert visible, "the header's Lättläst link is seen at every width"
    assert [url for url in requested if not url.startswith(site_url.split("/", 3)[0] + "//127.0.0.1:")] == []


# The national minority languages: the municipalities that are expected to inform in them, and each language as one
# catalogue and one line of configuration.


@pytest.mark.parametrize(
    ("code", "municipality", "county", "language", "codes"),
    [
        ("2583", "Haparanda", "25", "finska", "fi"),
        ("2521", "Pajala", "25", "meänkieli", "fit"),
        ("2510", "Jokkmokk", "25", "samiska", "se, smj, sma"),
    ],
)
def test_check_names_the_minority_language_a_municipality_is_expected_to_inform_in(
    tmp_path: Path, code: str, municipality: str, county: str, language: str, codes: str
) -> None:
    from .conftest import make_project, run_script

    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    text = re.sub(r"municipality: .*\n", f"municipality: {municipality}\n", config.read_text(encoding="utf-8"), count=1)
    text = re.sub(r"municipality_code: .*\n", f'municipality_code: "{code}"\n', text, count=1)
    text = re.sub(r"county: .*\n", "county: Norrbottens län\n", text, count=1)
    text = re.sub(r"county_code: .*\n", f'county_code: "{county}"\n', text, count=1)
    config.write_text(text, encoding="utf-8")
    lines = run_script("check", "--content", str(ROOT / "content"), cwd=project).stdout.splitlines()
    said = [line for line in lines if "förvaltningsområdet för" in line]
    assert any(
        line.startswith(
            f"varning: mkdocs.yml: extra.area: {municipality} ({code}) ingår i förvaltningsområdet för {language}, "
            f"så kommunen förväntas informera på {language} (källa: "
        )
        and f"sajten har inget av språken {codes} (" in line
        for line in said
    ), said
    malmo = run_script("check", cwd=ROOT).stdout
    assert "förvaltningsområdet" not in malmo, "Malmö is in none of the administrative areas the tables list"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("code", "word", "name", "direction"),
    [("yi", "פֿאַרפּליכטונגען", "ייִדיש", "rtl"), ("fit", "Lupaukset", "Meänkieli", "ltr")],
)
def test_a_minority_language_is_one_catalogue_and_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    code: str,
    word: str,
    name: str,
    direction: str,
) -> None:
    """Yiddish, which CLDR knows and which is written right to left, and Meänkieli, which CLDR does not know: a catalogue
    with the one word a translator has given so far, and one line in mkdocs.yml."""
    import shutil

    from babel.messages.pofile import read_po, write_po

    from medborgarlofte import languages, translations
    from medborgarlofte.commands.build import build

    from .conftest import make_project

    locales = tmp_path / "locale"
    shutil.copytree(translations.LOCALES, locales)
    with (translations.LOCALES / "messages.pot").open("rb") as template:
        catalogue = read_po(template, locale=code if translations.in_cldr(code) else None)
    catalogue["Åtaganden"].string = word
    (locales / code / "LC_MESSAGES").mkdir(parents=True)
    with (locales / code / "LC_MESSAGES/messages.po").open("wb") as stream:
        write_po(stream, catalogue)
    monkeypatch.setattr(translations, "LOCALES", locales)
    for cache in (translations.catalogue.cache_clear, languages.words.cache_clear):
        cache()
        request.addfinalizer(cache)

    project = make_project(tmp_path / "project", languages=["sv", code])
    build(ROOT / "content", "content", project / "mkdocs.yml", project / "site", TODAY)
    page = (project / f"site/{code}/lofte/ataganden/index.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(page)
    assert tree.get("lang") == code and tree.get("dir") == direction
    assert tree.xpath("//article//h1")[0].text_content().strip() == word
    selector = [a.text_content().strip() for a in tree.xpath("//*[contains(@class, 'md-select')]//a")]
    assert name in selector, selector


def test_a_sami_title_draws_on_a_share_card_with_every_letter() -> None:
    """Northern, Lule and South Sami letters are all in the card's font: none is dropped, and the title is drawn."""
    import io

    from PIL import Image

    from medborgarlofte.generators.cards import Card, Text, draw, drawable

    title = "Sámegiella Jåhkåmåhkkes: Đđ Ŋŋ Šš Ŧŧ Žž Čč Áá Ïï Åå Ää Öö"
    assert drawable(title) == title
    card = Card(
        Text("Medborgarlöfte Jokkmokk", False),
        Text("Åtagande", False),
        Text(title, False),
        None,
        Text("Ansvarig: Polisen", False),
        False,
    )
    blank = Card(card.site_name, card.overline, Text("", False), None, card.byline, False)
    picture, without = (Image.open(io.BytesIO(draw(made))) for made in (card, blank))
    assert picture.size == (1200, 630)
    assert picture.convert("RGB").tobytes() != without.convert("RGB").tobytes(), "the title is drawn"


@pytest.mark.parametrize(("code", "page", "name"), [("fi", "finska.md", "finska"), ("yi", "jiddisch.md", "jiddisch")])
def test_init_adds_a_template_of_a_page_in_a_minority_language_and_writes_none_of_its_text(
    tmp_path: Path, code: str, page: str, name: str
) -> None:
    from medborgarlofte.minorities import LANGUAGES

    from .conftest import SECOND, run_script

    files = skeleton(dict(ANSWERED), TODAY, minority=code)
    assert f"      - Information på {name}: {page}\n" in files["mkdocs.yml"]
    text = files[f"docs/{page}"]
    assert text.startswith(f"# Information på {name}\n")
    # In the language: its name alone, marked with its language; the rest is Swedish until a translator writes it.
    assert re.findall(rf'<span lang="{code}"[^>]*>([^<]*)</span>', text) == [LANGUAGES[code].autonym]
    for relative, written in files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(written, encoding="utf-8")
    result = run_script("check", "--content", str(SECOND), cwd=tmp_path)
    assert (
        sum(
            line.startswith(f"varning: docs/{page}:") and "mallens text finns kvar" in line
            for line in result.stdout.splitlines()
        )
        == 3
    )


# Swedish Sign Language: a video from the site itself, with captions, on the page the area gives it.

CAPTIONS = "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nVälkommen till medborgarlöftet.\n"
RECORD_A_VIDEO = """async () => {
  const canvas = Object.assign(document.createElement("canvas"), {width: 160, height: 120});
  const pen = canvas.getContext("2d");
  const recorder = new MediaRecorder(canvas.captureStream(25), {mimeType: "video/webm;codecs=vp8"});
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  recorder.start(100);
  for (let frame = 0; frame < 50; frame++) {
    pen.fillStyle = frame % 2 ? "#283593" : "#ffffff";
    pen.fillRect(0, 0, 160, 120);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  recorder.stop();
  await stopped;
  return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
}"""
SIGNED = (
    "  sign_language:\n    - page: start\n      video: media/teckensprak.webm\n      captions: media/teckensprak.vtt\n"
    "      description: Vi berättar vad medborgarlöftet är och hur du följer arbetet.\n"
)


def test_a_video_in_sign_language_plays_from_the_site_itself_with_captions(browser: Browser, tmp_path: Path) -> None:
    """The video is made here, by Chromium's own recorder (a few seconds of a blinking picture): a test of the page, not
    of a real interpretation, which only the area can give."""
    from medborgarlofte.commands.build import build

    from .conftest import make_project, served

    maker = browser.new_page()
    video = bytes(maker.evaluate(RECORD_A_VIDEO))
    maker.close()
    project = make_project(tmp_path / "project", languages=["sv", "en"])
    (project / "docs/media").mkdir()
    (project / "docs/media/teckensprak.webm").write_bytes(video)
    (project / "docs/media/teckensprak.vtt").write_text(CAPTIONS, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  # Days without a status change", SIGNED + "  # Days without a status change"))
    build(ROOT / "content", "content", config, project / "site", TODAY)
    with served(project / "site") as port:
        context = browser.new_context(viewport={"width": 390, "height": 900})
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        link = page.locator("a.sign-language-link")
        assert link.inner_text().strip() == "Teckenspråk" and link.get_attribute("href") == "#teckensprak"
        player = page.locator("video.sign-language__video")
        played = player.evaluate(
            """async (video) => {
              video.muted = true;
              await video.play();
              await new Promise((resolve) => setTimeout(resolve, 1500));
              const track = video.textTracks[0];
              return {source: video.currentSrc, time: video.currentTime, paused: video.paused, mode: track.mode,
                      language: track.language, cues: track.cues ? track.cues.length : 0,
                      said: track.activeCues && track.activeCues.length ? track.activeCues[0].text : ""};
            }"""
        )
        description = page.locator("#teckensprak ~ p").first.inner_text()
        problems = axe(page)
        english = context.new_page()
        english.goto(f"http://127.0.0.1:{port}/en/")
        marked = english.locator("#teckensprak ~ p [lang='sv']").first.inner_text()
        context.close()
    assert played["source"] == f"http://127.0.0.1:{port}/media/teckensprak.webm"
    assert played["time"] > 0 and not played["paused"]
    assert (played["mode"], played["language"], played["cues"]) == ("showing", "sv", 1)
    assert played["said"] == "Välkommen till medborgarlöftet."
    assert "Vi berättar vad medborgarlöftet är och hur du följer arbetet." in description
    assert marked == "Vi berättar vad medborgarlöftet är och hur du följer arbetet."
    assert problems == []
    assert [url for url in requested if not url.startswith(f"http://127.0.0.1:{port}/")] == []


@pytest.mark.parametrize(
    ("video", "expected"),
    [
        (
            "https://www.youtube.com/teckensprak.webm",
            "fick 'https://www.youtube.com/teckensprak.webm' (en fil på sajten själv, en sökväg under docs/ som "
            "slutar på .webm eller .mp4: en fil från en annan webbplats tillåts inte)",
        ),
        ("media/finns-inte.webm", "fick 'media/finns-inte.webm', som inte finns i docs/ (förväntade filen där)"),
        # A link passes as the file it points to: /etc/passwd would be published in every language.
        (
            "media/lank.webm",
            "fick 'media/lank.webm', som är en länk till en annan plats (förväntade en vanlig fil eller mapp; kopiera "
            "in innehållet i stället)",
        ),
        # Text named .webm is no film: it would be offered for download as one.
        (
            "media/text.webm",
            "fick 'media/text.webm', som är ingen film i WebM eller MP4 (förväntade en film: filen börjar inte som en sådan)",
        ),
    ],
)
def test_a_video_from_another_site_or_missing_is_refused_with_its_line(
    tmp_path: Path, video: str, expected: str
) -> None:
    from medborgarlofte.errors import ContentErrors
    from medborgarlofte.settings import read_settings

    from .conftest import make_project

    project = make_project(tmp_path)
    (project / "docs/media").mkdir()
    (project / "docs/media/teckensprak.vtt").write_text(CAPTIONS, encoding="utf-8")
    (project / "docs/media/lank.webm").symlink_to("/etc/passwd")
    (project / "docs/media/text.webm").write_text("Det här är ingen film.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  # Days without a status change", SIGNED.replace("media/teckensprak.webm", video) + "  # Days without"
    )
    config.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.strip() == f"video: {video}")
    with pytest.raises(ContentErrors) as refused:
        read_settings(config)
    assert f"{config}:{line}: extra.sign_language[1].video: {expected}" in str(refused.value).splitlines()


@pytest.mark.parametrize(
    ("captions", "line", "expected"),
    [
        ("Välkommen.\n", 1, "börjar inte med WEBVTT (förväntade undertexter i WebVTT)"),
        (
            "WEBVTT\n\n00:00 --> 00:05\nVälkommen.\n",
            3,
            "fick '00:00 --> 00:05' (förväntade en tid som 00:00:01.000 --> 00:00:04.000)",
        ),
        (
            "WEBVTT\n\nVälkommen.\n",
            1,
            "har ingen text med tid (förväntade minst en rad som 00:00:01.000 --> 00:00:04.000)",
        ),
    ],
    ids=["not-webvtt", "bad-timing", "no-cue"],
)
def test_captions_that_are_not_webvtt_are_refused_at_their_own_line(
    tmp_path: Path, captions: str, line: int, expected: str
) -> None:
    from medborgarlofte.errors import ContentErrors
    from medborgarlofte.settings import read_settings

    from .conftest import make_project

    project = make_project(tmp_path)
    (project / "docs/media").mkdir()
    (project / "docs/media/teckensprak.webm").write_bytes(b"\x1a\x45\xdf\xa3" + bytes(60))  # how a WebM file starts
    (project / "docs/media/teckensprak.vtt").write_text(captions, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  # Days without a status change", SIGNED + "  # Days without")
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as refused:
        read_settings(config)
    assert str(refused.value).splitlines() == [f"docs/media/teckensprak.vtt:{line}: {expected}"]
    (project / "docs/media/teckensprak.vtt").write_text(CAPTIONS, encoding="utf-8")
    assert read_settings(config).sign_language


@pytest.mark.parametrize("kept", ["indicators/trygghetsvandringar.yaml", None])
def test_the_statement_says_the_content_has_invented_examples_from_any_one_of_them(
    tmp_path: Path, kept: str | None
) -> None:
    """An invented indicator alone is enough for the statement to say so; with nothing invented, it says nothing."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for path in content.rglob("*.*"):
        if path.suffix in (".yaml", ".md") and path.relative_to(content).as_posix() != kept:
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"(?m)^(\s*)example: true\n", "", text), encoding="utf-8")
    project = Project.open(ROOT / "mkdocs.yml", content)
    shown = project.content(TODAY)
    assert shown.examples() == (1 if kept else 0)
    _, generated = next(project.generated(shown, TODAY))
    statement = generated[at.in_generated(at.ACCESSIBILITY_PART)]
    assert ("**Exempelinnehåll.**" in statement) == bool(kept)


# Each table on a page at a phone's narrowest width (320 px): how wide it is, how wide what shows it is, and whether it
# is in a region of its own that scrolls.
TABLES_AT_320 = """() => [...document.querySelectorAll('article table')].map(table => {
  const box = table.closest('.table-scroll') || table.closest('.md-typeset__scrollwrap') || table.parentElement;
  return {wider: table.scrollWidth > box.clientWidth, scrolling: !!table.closest('.table-scroll')};
})"""


def _kind(address: str) -> str:
    """The kind of page an address is of: an item's page by the folder of its kind ('lofte/period/'), any other by itself."""
    parts = address.strip("/").split("/")
    return "/".join(parts[:-1]) + "/" if len(parts) >= 3 else address


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_the_statement_names_exactly_the_kinds_of_page_with_a_table_wider_than_a_phone(
    browser: Browser, site_url: str, default_site: Path, language: str
) -> None:
    """Measured on one page of every kind at 320 px: a table wider than the screen is in a region that scrolls, and
    the statement's item on wide tables links to a page of each such kind and of no other."""
    folder = at.language_folder(language, SITE_LANGUAGES[0])
    pages = sorted(
        page.parent.relative_to(default_site / folder).as_posix() + "/"
        for page in (default_site / folder).rglob("index.html")
        if 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")
        and page.relative_to(default_site / folder).parts[0] not in {*SITE_LANGUAGES, "admin"}
    )
    kinds = {_kind("" if page == "./" else page): "" if page == "./" else page for page in pages}
    tab = browser.new_page(viewport={"width": 320, "height": 800})
    wide, unscrolled = set(), []
    for kind, page in sorted(kinds.items()):
        tab.goto(site_url + folder + page)
        tables = tab.evaluate(TABLES_AT_320)
        if any(table["wider"] for table in tables):
            wide.add(kind)
        unscrolled += [page for table in tables if table["wider"] and not table["scrolling"]]
    tab.close()
    # The one item of the statement that links to pages of the site itself.
    (item,) = [
        li
        for li in _statement(default_site, language).iter("li")
        if any(a.get("href", "").startswith("../") for a in li.iter("a"))
    ]
    named = {_kind(re.sub(r"^(\.\./)+", "", a.get("href", ""))) for a in item.iter("a")}
    assert len(kinds) > 20
    assert unscrolled == []
    assert wide and named == wide


def _asking(site: Path, language: str) -> lxml.html.HtmlElement:
    """The Lättläst page's part on how to ask about the promise: its heading and what follows up to the next."""
    said = words(language)
    article = _easy(site, language).xpath("//article")[0]
    (heading,) = [h for h in article.iter("h2") if h.text_content().strip() == said.gettext("Vill du fråga något?")]
    part = lxml.html.Element("div")
    for sibling in heading.itersiblings():
        if sibling.tag == "h2":
            break
        part.append(sibling)
    return part


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_easy_read_page_says_where_to_ask_from_the_settings_and_the_actors(
    second_site: Path, language: str
) -> None:
    said = words(language)
    part = _asking(second_site, language)
    assert part.xpath(".//a[@href='mailto:fragor@norrby.example']")
    (online,) = part.xpath(".//a[@href='https://norrby.example/']")
    assert online.text_content().startswith("Norrby kommun")
    assert said.gettext(MISSING) not in part.text_content()
    assert part.xpath(".//a[contains(@href, 'aktorer')]")


@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_the_easy_read_page_says_when_it_does_not_know_where_to_ask(default_site: Path, language: str) -> None:
    """Neither the reference site's settings nor the signed document give a way to contact the partners: the page
    says so, and leads to the actors' page, rather than telling a reader to contact them with no way to."""
    said = words(language)
    part = _asking(default_site, language)
    text = " ".join(part.text_content().split())
    assert said.gettext(MISSING) in text
    assert said.gettext("Webbplatsen har inte skrivit hur du kontaktar dem som gav löftet.") in text
    assert part.xpath(".//a[contains(@href, 'aktorer')]")


def test_check_warns_when_nothing_says_where_residents_ask(tmp_path: Path) -> None:
    from .conftest import run_script

    result = run_script("check", cwd=ROOT)
    assert (
        "varning: mkdocs.yml: extra.area.contact saknas och ingen aktör har url: Lättläst-sidan säger att det saknas "
        "hur man kontaktar dem som gav löftet (skriv en e-postadress eller en kontaktsida som börjar med https://; "
        "handbok/infora-motorn.md: Ta motorn till ett annat område)"
    ) in result.stdout.splitlines()


def test_the_reference_easy_text_explains_each_abbreviation_and_names_every_signing_party() -> None:
    """An abbreviation is said in full where it first stands ('BID betyder …'), and a sentence that names more than
    one of the parties that signed names them all."""
    from medborgarlofte.contents import load

    content = load(ROOT / "content")
    text = content.periods["2022-2023"].easy_read or ""
    for abbreviation in sorted(set(re.findall(r"\b[A-ZÅÄÖ]{2,}\b", text))):
        assert f"{abbreviation} betyder" in text, abbreviation
    parties = {actor.organisation for actor in content.actors.values()}
    for sentence in re.split(r"(?<=[.?!])\s+", text):
        named = {party for party in parties if party in sentence}
        assert len(named) in (0, 1, len(parties)), sentence


@pytest.mark.parametrize("language", [code for code in SITE_LANGUAGES if code != SITE_LANGUAGES[0]])
def test_the_easy_read_page_s_table_of_contents_is_in_the_page_s_language(default_site: Path, language: str) -> None:
    """Its entries are the engine's headings in the page's language; a heading of the Swedish text is never listed there
    without its language."""
    said = words(language)
    toc = _easy(default_site, language).xpath("//nav[contains(@class, 'md-nav--secondary')]//a")
    own = {said.gettext("Vill du fråga något?"), said.gettext("Vad betyder orden?")}
    assert toc
    for entry in toc:
        assert " ".join(entry.text_content().split()) in own or entry.xpath(".//*[@lang='sv']"), entry.text_content()
