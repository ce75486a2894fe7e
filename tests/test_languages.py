"""One promise in Swedish, English and Arabic: catalogues, content translations and the three sites built from them."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import lxml.html
import pytest
from babel.messages.pofile import read_po

from medborgarlofte import addresses as at
from medborgarlofte.addresses import language_folder
from medborgarlofte.contents import load
from medborgarlofte.errors import ContentErrors
from medborgarlofte.translations import LOCALES, catalogue

from .conftest import ROOT, SITE_LANGUAGES, make_project, run_script

LANGUAGES = SITE_LANGUAGES[
    1:
]  # the languages with a catalogue: every one but the first, in which the messages are written
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _messages(language: str) -> dict[object, object]:
    with (LOCALES / language / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        return {m.id: m.string for m in read_po(stream, locale=language) if m.id}


def _template() -> list[object]:
    with (LOCALES / "messages.pot").open("rb") as stream:
        return [m.id for m in read_po(stream) if m.id]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(language: str) -> None:
    messages = _messages(language)
    for message in _template():
        translation = messages.get(message)
        forms = translation if isinstance(translation, tuple) else (translation,)
        assert all(forms), f"{language}: no translation of {message!r}"
        wanted = set(PLACEHOLDER.findall(message[-1] if isinstance(message, tuple) else message))  # type: ignore[arg-type]
        for form in forms:
            # A plural form may leave the number out ("التزام واحد": one commitment); it never adds a placeholder.
            assert set(PLACEHOLDER.findall(form)) <= wanted, f"{language}: {form!r} of {message!r}"
        if not isinstance(message, tuple):
            assert set(PLACEHOLDER.findall(forms[0])) == wanted, f"{language}: {forms[0]!r} of {message!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_are_marked_unreviewed(language: str) -> None:
    """An adopter sees which translations no native speaker has checked: each entry says so until someone has."""
    with (LOCALES / language / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        catalog = read_po(stream, locale=language)
    assert all("unreviewed" in m.user_comments for m in catalog if m.id)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "0 التزام"),
        (1, "التزام واحد"),
        (2, "التزامان"),
        (3, "3 التزامات"),
        (11, "11 التزامًا"),
        (100, "100 التزام"),
        (111, "111 التزامًا"),
    ],
)
def test_arabic_has_its_six_plural_forms_in_cldr_order(count: int, expected: str) -> None:
    """Babel's own Arabic formula puts the forms for 11-99 and 100-102 the other way round; the catalogue's header does not."""
    words = catalogue("ar")
    assert words.ngettext("%(count)s åtagande", "%(count)s åtaganden", count) % {"count": count} == expected


def test_english_has_two_plural_forms() -> None:
    words = catalogue("en")
    assert [words.ngettext("%(count)s åtagande", "%(count)s åtaganden", n) % {"count": n} for n in (1, 2)] == [
        "1 commitment",
        "2 commitments",
    ]


@pytest.fixture(scope="session")
def site(default_site: Path) -> Path:
    return default_site


class _Text(HTMLParser):
    """The text of a page's main content, with the language each piece of text is marked with."""

    VOID: ClassVar[set[str]] = {
        "br",
        "img",
        "hr",
        "input",
        "meta",
        "link",
        "source",
        "wbr",
        "area",
        "base",
        "col",
        "embed",
        "track",
    }

    def __init__(self, language: str) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = [("html", language)]
        self.pieces: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs).get("lang") or self.stack[-1][1]))

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        # A <title> cannot mark the language of a part of it: it is the page's own title, whatever language that is in. Nor
        # can a <textarea> (a ready post to copy, on the posts page), whose text says in words which part is untranslated.
        if data.strip() and self.stack[-1][0] not in ("script", "style", "title", "textarea"):
            self.pieces.append((self.stack[-1][1], " ".join(data.split())))


def _pieces(page: Path, language: str) -> list[tuple[str, str]]:
    parser = _Text(language)
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.pieces


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_swedish_interface_text_outside_an_element_marked_swedish(site: Path, language: str) -> None:
    """Every word of the interface is in the page's language; Swedish that is left (content without a translation) says it is Swedish."""
    translated = {m: t for m, t in _messages(language).items() if isinstance(m, str) and isinstance(t, str) and m != t}
    swedish = sorted(
        {
            part.strip()
            for message in translated
            for part in PLACEHOLDER.split(message.replace("\n", " "))[::2]
            if len(part.strip()) >= 14 and not part.strip().startswith(("(", "[", "`", "-", "1."))
        },
        key=len,
        reverse=True,
    )
    pages = sorted((site / language).rglob("*.html"))
    assert len(pages) > 60
    found = []
    for page in pages:
        for marked, text in _pieces(page, language):
            if marked == language:
                words_of = re.sub(r"https?://\S+", "", text)  # an address is no text in a language
                found += [f"{page.relative_to(site)}: {words!r} in {text!r}" for words in swedish if words in words_of]
    assert not found, "\n".join(found[:20])


def test_each_language_is_a_site_of_its_own_with_the_same_pages(site: Path) -> None:
    # The web editor is one for the whole site, at its root: for those who write, in the first language.
    swedish = {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] not in LANGUAGES and f"{p.relative_to(site).parts[0]}/" != at.EDITOR_FOLDER
    }
    for language, direction in (("en", "ltr"), ("ar", "rtl")):
        pages = {p.relative_to(site / language).as_posix() for p in (site / language).rglob("*.html")}
        assert pages == swedish
        start = (site / language / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{language}" dir="{direction}"' in start
        assert f'<body dir="{direction}"' in start
    assert '<html lang="sv" dir="ltr"' in (site / "index.html").read_text(encoding="utf-8")


def test_the_language_selector_leads_to_the_same_page_in_each_language(site: Path) -> None:
    page = (site / "ar/lofte/atagande/fgk-blomlador/index.html").read_text(encoding="utf-8")
    links = re.findall(
        r'<a href="([^"]+)" hreflang="(\w+)" lang="(\w+)" dir="(\w+)" class="md-select__link">\s*(\S+)', page
    )
    assert links == [
        ("../../../../lofte/atagande/fgk-blomlador/", "sv", "sv", "ltr", "Svenska"),
        ("../../../../en/lofte/atagande/fgk-blomlador/", "en", "en", "ltr", "English"),
        ("../../../../ar/lofte/atagande/fgk-blomlador/", "ar", "ar", "rtl", "العربية"),
    ]


def test_the_language_selector_works_wherever_the_site_is_served(site: Path) -> None:
    """Relative links: from every page of every language, each leads to the same page in the other language, whether the
    site is served at its address's path (GitHub Pages), at a server's root (make serve, make edit) or from a copy."""
    followed = 0
    for page in sorted(
        p for p in site.rglob("*.html") if p.name != "404.html"
    ):  # shown at any missing address: by path
        for href, language in re.findall(
            r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+" dir="\w+" class="md-select__link">',
            page.read_text(encoding="utf-8"),
        ):
            assert not href.startswith(("/", "http")), (page, href)
            target = (page.parent / href).resolve()
            target = target / "index.html" if target.is_dir() else target
            assert target.is_file(), (page, href)
            in_its_language = site / ("" if language == "sv" else language)
            assert target.relative_to(in_its_language.resolve()).parts[:1] != ("en",) or language == "en"
            followed += 1
    assert followed > 600


def test_every_page_has_its_alternates_in_each_sitemap(site: Path) -> None:
    for folder in (site, *(site / code for code in LANGUAGES)):
        sitemap = (folder / "sitemap.xml").read_text(encoding="utf-8")
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert len(locations) > 60
        for language in SITE_LANGUAGES:
            assert sitemap.count(f'hreflang="{language}"') == len(locations)
        assert (
            'hreflang="en" href="https://example.github.io/medborgarlofte/en/lofte/atagande/fgk-blomlador/"' in sitemap
        )


def test_a_text_without_translation_is_swedish_marked_and_explained(site: Path) -> None:
    letter = (site / "en/lofte/uppdatering/2022-05-informationsbrev-1/index.html").read_text(encoding="utf-8")
    assert "This text is only available in Swedish." in letter
    assert re.search(r'<div lang="sv" dir="ltr">\s*<p>', letter)
    assert re.search(
        r'<h1 id="[^"]*"><span lang="sv" dir="ltr">Informationsbrev 1[^<]*</span> <span class="untranslated-mark">\(in Swedish\)</span>',
        letter,
    )
    arabic = (site / "ar/lofte/uppdatering/2022-05-informationsbrev-1/index.html").read_text(encoding="utf-8")
    assert "هذا النص متاح باللغة السويدية فقط." in arabic


@pytest.mark.parametrize("language, said", [("en", "(in Swedish)"), ("ar", "(باللغة السويدية)")])
def test_every_swedish_text_on_an_english_or_arabic_page_says_it_is_swedish(
    site: Path, language: str, said: str
) -> None:
    """Not only lang="sv" for a screen reader's voice: a reader who does not read Swedish sees that a list item, a note or
    a summary is Swedish, in their own language (a Markdown text has its note above it instead)."""
    marked = 0
    for page in sorted((site / language).rglob("index.html")):
        article = lxml.html.fromstring(page.read_text(encoding="utf-8")).xpath("//article")
        for span in article[0].xpath(".//span[@lang='sv']") if article else ():
            if span.xpath("ancestor::div[contains(@class, 'untranslated')]"):
                continue
            after = span.getnext()
            assert after is not None and after.get("class") == "untranslated-mark" and after.text == said, (
                page,
                span.text_content(),
            )
            marked += 1
    assert marked > 50


def test_the_promise_is_translated_and_says_the_translation_is_unofficial(site: Path) -> None:
    period = (site / "ar/lofte/period/2022-2023/index.html").read_text(encoding="utf-8")
    assert "وعد المواطنين سوفيلوند 2022–2023" in period
    assert "ترجمة غير رسمية" in period
    commitment = (site / "en/lofte/atagande/fgk-blomlador/index.html").read_text(encoding="utf-8")
    assert "><bdi>Lending flower boxes as traffic calming</bdi></h1>" in commitment
    assert "Unofficial translation" in commitment
    assert "Unofficial translation" not in (site / "lofte/atagande/fgk-blomlador/index.html").read_text(
        encoding="utf-8"
    )


def test_an_address_inside_arabic_text_keeps_its_order(site: Path) -> None:
    """A Latin address in a right-to-left paragraph is isolated, or the bidi algorithm moves its slashes about."""
    page = (site / "ar/lofte/atagande/fgk-blomlador/index.html").read_text(encoding="utf-8")
    assert (
        '<span dir="ltr">https://example.github.io/medborgarlofte/ar/lofte/atagande/fgk-blomlador/</span></p>' in page
    )


def test_feeds_calendar_and_data_are_in_each_language_and_swedish_ones_stay_where_they_were(site: Path) -> None:
    assert "<language>sv</language>" in (site / "lofte/flode/alla.rss").read_text(encoding="utf-8")
    assert "<language>en</language>" in (site / "en/lofte/flode/alla.rss").read_text(encoding="utf-8")
    assert 'xml:lang="ar"' in (site / "ar/lofte/flode/alla.atom").read_text(encoding="utf-8")
    assert "CATEGORIES:dialogue meeting" in (site / "en/lofte/kalender.ics").read_text(encoding="utf-8")
    data = json.loads((site / "ar/lofte/data/medborgarlofte.json").read_text(encoding="utf-8"))
    assert data["language"] == "ar"
    assert {
        "file": "updates",
        "id": "2022-05-informationsbrev-1",
        "fields": ["title", "summary", "body"],
        "language": "sv",
    } in data["untranslated"]
    assert data["themes"][0]["name"] == "الأطفال والشباب"
    swedish = json.loads((site / "lofte/data/medborgarlofte.json").read_text(encoding="utf-8"))
    assert (swedish["language"], swedish["untranslated"]) == ("sv", [])


def test_search_has_an_index_for_each_language_with_every_page(site: Path) -> None:
    """Pagefind's index at the site's root: one per language, each of the same pages (the browser tests search them)."""
    entry = json.loads((site / at.SEARCH_FOLDER / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["ar", "en", "sv"]
    counts = {language: facts["page_count"] for language, facts in entry["languages"].items()}
    assert len(set(counts.values())) == 1 and counts["sv"] > 50, (
        counts
    )  # every page but the listings and the embed page


# A translation gives only texts, of something that exists, in a folder named for its language.
BAD_TRANSLATIONS = [
    (
        {"translations/en/commitments/fgk-blomlador.yaml": "title: Flower boxes\nstatus: genomförd\n"},
        "content/translations/en/commitments/fgk-blomlador.yaml:2: status: okänt fält (förväntade ett av: title, description, history, activities, translated_from)",
    ),
    (
        {"translations/en/commitments/fgk-blomlado.yaml": "title: Flower boxes\n"},
        "content/translations/en/commitments/fgk-blomlado.yaml:1: det finns inget 'fgk-blomlado' i commitments att översätta (förväntade samma filnamn som originalet; menade du 'fgk-blomlador'?)",
    ),
    (
        {"translations/en/actors.yaml": "polis:\n  name: Police\n"},
        "content/translations/en/actors.yaml:1: polis: det finns inget 'polis' i actors.yaml att översätta (förväntade samma id som originalet; menade du 'polisen'?)",
    ),
    (
        {"translations/english/themes.yaml": "trafik:\n  name: Traffic\n"},
        "content/translations/english:1: 'english' är ingen språkmapp (förväntade en mapp per språk med språkets kod, t.ex. translations/en/)",
    ),
    (
        {"translations/en/commitments/fgk-blomlador.yaml": "title: |\n  Flower\n  boxes\n"},
        "content/translations/en/commitments/fgk-blomlador.yaml:1: title: radbrytning i ett fält som ska vara en rad (förväntade hela texten på en rad)",
    ),
]


@pytest.mark.parametrize(
    ("files", "message"),
    BAD_TRANSLATIONS,
    ids=["not-a-text", "no-such-file", "no-such-id", "not-a-language", "rules-of-the-original"],
)
def test_a_bad_translation_is_reported_with_file_line_and_field(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.rmtree(content / "translations")
    for relative, text in files.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load(content, "content")
    assert [str(e).replace("commitments/2022-2023/", "commitments/") for e in raised.value.errors] == [message]


def test_check_tells_what_lacks_a_translation_as_information() -> None:
    result = run_script("check")
    assert result.returncode == 0, result.stderr
    for name, code in (("engelska", "en"), ("arabiska", "ar")):
        assert (
            f"{name.capitalize()} ({code}): 95 av 139 texter är översatta, och 95 av dem är granskade mot originalet. "
            "Det som saknas eller är inaktuellt visas på svenska, med en upplysning om det."
        ) in result.stdout.splitlines()
    assert (
        "  info: content/translations/ar/updates/2022-05-informationsbrev-1.md: title, summary, body saknar översättning"
        in result.stdout
    )
    assert "fel" not in result.stdout.lower().split()


@pytest.mark.parametrize(
    ("languages", "message"),
    [
        (
            "[{language: en}, {language: sv}]",
            "extra.languages[1]: är 'en' (förväntade theme.language, 'sv', först: det är sajtens språk)",
        ),
        (
            "[{language: sv}, {language: xx-yy}]",
            "extra.languages[2].language: fick 'xx-yy' (förväntade en språkkod som Babel känner, t.ex. 'language: en')",
        ),
        (
            "[{language: sv}, {language: en, title: x}]",
            "extra.languages[2].title: okänt fält (förväntade ett av: language, site_name, site_description, area_name)",
        ),
        ("[{language: sv}, {language: sv}]", "extra.languages[2]: 'sv' finns redan (förväntade varje språk en gång)"),
    ],
)
def test_a_bad_list_of_languages_is_reported_with_its_line(tmp_path: Path, languages: str, message: str) -> None:
    project = make_project(tmp_path)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    listed = text[text.index("  languages:") : text.index("\nplugins:")]
    (project / "mkdocs.yml").write_text(text.replace(listed, f"  languages: {languages}\n"), encoding="utf-8")
    result = run_script("check", "--content", str(ROOT / "content"), cwd=project)
    line = text[: text.index("  languages:")].count("\n") + 1
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}: {message}" in result.stderr


def _article_text(site: Path, page: str) -> str:
    article = lxml.html.fromstring((site / page / "index.html").read_text(encoding="utf-8")).xpath("//article")[0]
    return re.sub(
        r"[ \t\r\n]+", " ", article.text_content()
    )  # the no-break spaces kept: they are part of what CLDR writes


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "",
            [
                "Senaste värde: 36 procent (1 oktober 2022), −4 procentenheter sedan",
                "Enhet: procent",
                "Värde (procent)",
                "14 september 2022 klockan 18:00",
                "23\xa0%",
            ],
        ),
        (
            "en/",
            [
                "Latest value: 36 percent (October 1, 2022), −4 percentage points since",
                "Unit: percent",
                "Value (percent)",
                "September 14, 2022 at 6:00\u202fPM",
                "23%",
            ],
        ),
        (
            "ar/",
            [
                "آخر قيمة: 36٪ (1 أكتوبر 2022)، −4 نقاط مئوية منذ",
                "الوحدة: نسبة مئوية",
                "القيمة (نسبة مئوية)",
                "14 سبتمبر 2022 الساعة 6:00",
                "23%",
            ],
        ),
    ],
)
def test_numbers_units_shares_and_times_are_written_as_each_language_writes_them(
    site: Path, language: str, said: list[str]
) -> None:
    """Babel (CLDR) writes them: no "36 procent" or "at 18.00" in English, and the comma between clauses is Arabic's in Arabic."""
    indicator, meeting, start = said[:3], said[3], said[4]
    text = _article_text(site, language + "lofte/indikator/upplevd-otrygghet-kvallstid")
    assert all(words in text for words in indicator), text
    assert meeting in _article_text(site, language + "lofte/uppdatering/2022-09-dialogmote-seveds-plan")
    assert start in _article_text(site, language.rstrip("/"))


def test_one_update_is_named_in_the_singular_and_an_actor_once(site: Path) -> None:
    """ "Information letter, 10 May 2022" for one letter, not the listing's "Information letters"; "City of Malmö: 4
    commitments", not "City of Malmö, City of Malmö"."""
    assert "Information letter, May 10, 2022." in _article_text(site, "en/lofte/uppdateringar")
    assert "Information letters, May" not in _article_text(site, "en/lofte/uppdateringar")
    dialogue = _article_text(site, "en/lofte/uppdatering/2022-09-dialogmote-seveds-plan")
    assert (
        "Published on September 20, 2022 by Police and Property and Streets Department. All citizen dialogues"
        in dialogue
    )
    for folder in ("", "en/", "ar/"):
        items = lxml.html.fromstring((site / folder / "lofte/aktorer/index.html").read_text(encoding="utf-8")).xpath(
            "//article//li"
        )
        said = [[text.text_content() for text in item.xpath(".//bdi | .//span[@lang]")] for item in items]
        assert len(said) >= 5 and all(len(parts) == len(set(parts)) for parts in said), said


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_language_the_theme_has_no_words_for_builds_from_one_line_of_configuration(
    tmp_path: Path, engine: str
) -> None:
    """Somali: Material has no words for it, so the theme's own interface is in English; the page is Somali, left to right."""
    from medborgarlofte.commands.build import build

    from .conftest import TODAY

    project = make_project(tmp_path, languages=["sv", "so"])
    build(ROOT / "content", "content", project / "mkdocs.yml", project / "site", TODAY, engine=engine)
    page = (project / "site/so/lofte/ataganden/index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="so"( dir="ltr")?', page)
    assert "Skip to content" in page and "Gå till innehållet" not in page
    assert 'lang="sv"' in (project / "site/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("code", "title", "start"),
    [
        ("sv", "Sidan finns inte", "Gå till startsidan"),
        ("en", "Page not found", "Go to the start page"),
        ("ar", "الصفحة غير موجودة", "اذهب إلى الصفحة الرئيسية"),
    ],
)
def test_the_page_for_a_missing_address_speaks_its_language(site: Path, code: str, title: str, start: str) -> None:
    page = (site / language_folder(code, SITE_LANGUAGES[0]) / "404.html").read_text(encoding="utf-8")
    article = re.search(r"<article[^>]*>(.*?)</article>", page, re.S).group(1)
    assert f"<h1>{title}</h1>" in article and f">{start}</a>" in article


@pytest.mark.slow
def test_a_new_language_is_one_catalogue_and_one_line_of_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """Somali, as the handbook's recipe adds it: a catalogue made from the template (pybabel init), its words filled in as
    a translator gives them, and one line in mkdocs.yml. A word not yet translated is shown in Swedish."""
    from babel.messages.pofile import read_po, write_po

    from medborgarlofte import languages, translations
    from medborgarlofte.commands.build import build

    from .conftest import TODAY

    locales = tmp_path / "locale"
    shutil.copytree(translations.LOCALES, locales)
    with (translations.LOCALES / "messages.pot").open("rb") as template:
        somali = read_po(template, locale="so")
    somali["Åtaganden"].string = "Ballanqaadyada"  # the one word a translator has given so far
    (locales / "so/LC_MESSAGES").mkdir(parents=True)
    with (locales / "so/LC_MESSAGES/messages.po").open("wb") as stream:
        write_po(stream, somali)
    monkeypatch.setattr(translations, "LOCALES", locales)
    # A test before this one on the same worker may have read Somali when it had no catalogue: read it anew, and after.
    for cache in (translations.catalogue.cache_clear, languages.words.cache_clear):
        cache()
        request.addfinalizer(cache)

    project = make_project(tmp_path / "project", languages=["sv", "en", "so"])
    build(ROOT / "content", "content", project / "mkdocs.yml", project / "site", TODAY)
    page = (project / "site/so/lofte/ataganden/index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="so"( dir="ltr")?', page)
    assert "<h1>Ballanqaadyada</h1>" in page or re.search(r"<h1[^>]*>Ballanqaadyada", page)
    assert "Commitments" not in re.search(r"<h1[^>]*>.*?</h1>", page, re.S).group(0)
    alternates = re.findall(r'hreflang="([a-z]+)"', (project / "site/so/sitemap.xml").read_text(encoding="utf-8"))
    assert {"sv", "en", "so"} <= set(alternates)


ARABIC_LETTER = "\u0600-\u06ff"
ISOLATES = "\u2066-\u2069"
# What a reader of each language would stumble on in a generated sentence, as patterns over the text of every output.
SLIPS: dict[str, dict[str, str]] = {
    "en": {
        "a verb in the plural after one": r"\b1 of [\d,]+ \w+ were\b",
        "a noun in the plural after one": r"(?<![\d.,])\b1 (?:commitments|updates|activities|indicators|partners|"
        r"themes|letters|dialogues|periods|sources|areas|examples)\b",
        "'are no reports'": r"\bare no reports\b",
        "the promise named twice": r"(?i)\bthe promise\W+citizen promise\b",
        "Swedish quotation marks": r"”[^“”]*”",
    },
    "ar": {
        "a Latin comma in Arabic": rf"[{ARABIC_LETTER}][\s{ISOLATES})]*,(?!\d)|,[\s{ISOLATES}]*[{ARABIC_LETTER}]",
        "Swedish quotation marks": r"”[^“”]*”",
        # The association is named as its translation of the actors names it: Fastighetsägare BID Sofielund.
        "the BID association named in another way": rf"[{ARABIC_LETTER}] BID Sofielund",
    },
}


def _sentences(site: Path, language: str) -> list[tuple[str, str]]:
    """Every text a language's outputs give a reader, by file: a page's text in its own language (Swedish left
    untranslated is marked and read apart), an image's alternative text and title, and the whole of every text file,
    feed, calendar, badge and chart."""
    found: list[tuple[str, str]] = []
    for path in sorted((site / language).rglob("*")):
        if not path.is_file() or path.relative_to(site / language).parts[0] in {"assets", "pagefind", "admin"}:
            continue
        shown = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            found += [(shown, text) for marked, text in _pieces(path, language) if marked == language]
            page = lxml.html.fromstring(path.read_bytes())
            found += [(shown, value) for value in page.xpath("//@alt|//@aria-label|//@title|//meta/@content")]
        elif path.suffix in {".txt", ".svg", ".xml", ".ics", ".json", ".csv"}:
            found.append((shown, path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_generated_sentence_reads_as_the_language_writes(site: Path, language: str) -> None:
    sentences = _sentences(site, language)
    assert len(sentences) > 1000
    slips = [
        f"{what}: {shown}: …{text[max(0, m.start() - 40) : m.end() + 40]}…"
        for shown, text in sentences
        for what, pattern in SLIPS[language].items()
        for m in [re.search(pattern, text)]
        if m
    ]
    assert not slips, "\n".join(slips[:30])
