"""The site-wide settings: mkdocs.yml, read once through the MkDocs family's own configuration schema (engines/mkdocs.py).

MkDocs checks its part (site_name, theme, nav, site_dir …) and we check ours (extra); every problem
comes back at once, each with the line of its key, as content errors do.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from . import addresses as at
from . import versions
from .engines import DEFAULT_RENDERER, RENDERERS
from .engines import mkdocs as family
from .errors import ContentError, ContentErrors, did_you_mean, one_of
from .languages import Words, direction, known_language, language_name, open_graph_locale, words
from .readers import typed_line_problem, web_address_problem
from .translations import LANGUAGE

# A site's name and a name of its area are one line, as a title of the content is; its description a short text.
MAX_SETTING_LINE = 300
MAX_SETTING_TEXT = 1000

# The engine's own part of Material's theme (overrides of its templates), and the styles every site has.
THEME = Path(__file__).resolve().parent / "theme"
ENGINE_STYLES = (at.SITE_STYLES, at.STYLES)


@dataclass(frozen=True)
class Language:
    """One language of the site, as extra.languages lists it: the first is at the site's root, each other under /<code>/."""

    code: str
    site_name: str | None = None
    site_description: str | None = None
    area_name: str | None = (
        None  # the area's name as it is written in the language: the header on a phone shows it alone
    )


@dataclass(frozen=True)
class Editor:
    """extra.editor: where the web editor at /admin/ saves (a GitHub repository and branch) and who signs its users in."""

    repo: str  # owner/name on GitHub
    branch: str = "main"
    auth_url: str | None = None  # the OAuth server that signs users in to GitHub (see README); None for Decap's default


@dataclass(frozen=True)
class Mastodon:
    """extra.follow.mastodon: the account on a Mastodon server that the publishing workflow posts each new status change
    and letter to, in the language the account is set for."""

    instance: str  # the server's address: https://mastodon.example
    account: str  # the account's name on it, without @: trygghet_norrby
    language: str  # one of the site's languages


@dataclass(frozen=True)
class Follow:
    """extra.follow: the services outside the site that tell residents when something changes; the site keeps no address."""

    hub: str | None = None  # a WebSub hub that every feed names, and that the workflow tells of each changed feed
    email: str | None = (
        None  # the municipality's newsletter sign-up address; {topic} becomes a commitment's id or a feed's name
    )
    mastodon: Mastodon | None = None


# Sweden's counties by their official codes (SCB's län codes): a municipality's code begins with its county's.
COUNTIES = {
    "01": "Stockholms län",
    "03": "Uppsala län",
    "04": "Södermanlands län",
    "05": "Östergötlands län",
    "06": "Jönköpings län",
    "07": "Kronobergs län",
    "08": "Kalmar län",
    "09": "Gotlands län",
    "10": "Blekinge län",
    "12": "Skåne län",
    "13": "Hallands län",
    "14": "Västra Götalands län",
    "17": "Värmlands län",
    "18": "Örebro län",
    "19": "Västmanlands län",
    "20": "Dalarnas län",
    "21": "Gävleborgs län",
    "22": "Västernorrlands län",
    "23": "Jämtlands län",
    "24": "Västerbottens län",
    "25": "Norrbottens län",
}


@dataclass(frozen=True)
class Area:
    """extra.area: the area the promise is for, with the official codes (SCB's) of its municipality and county."""

    name: str
    municipality: str
    municipality_code: str  # four digits, the first two the county's: 1280
    county: str
    county_code: str  # two digits: 12
    paper_letters: bool = False  # the information letters are also handed out on paper


@dataclass(frozen=True)
class Settings:
    """The settings of one language's site; read_settings gives the first language's, in_language another's."""

    name: str
    url: str  # of this language's site
    language: str
    languages: tuple[Language, ...]  # every language of the site, the first at its root
    silent_after_days: int
    lix_limit: int
    docs_dir: Path
    site_dir: Path
    root_url: str  # of the whole site: the first language's
    editor: Editor | None  # the web editor at /admin/, where extra.editor asks for one
    follow: Follow  # extra.follow: the hub, the newsletter and the social media account that tell of a change
    area: Area | None  # None where mkdocs.yml does not say (check warns)
    format: (
        int | None
    )  # extra.format: the content format the site is written in; None where it does not say (check warns)
    renderer: str  # extra.renderer: what renders the pages (engines.RENDERERS); the command line may choose another
    config_file: Path  # mkdocs.yml, whose folder is the project's
    raw: dict[str, Any] = field(
        repr=False, compare=False, hash=False, default_factory=dict
    )  # mkdocs.yml as read, with this language's settings

    @property
    def description(self) -> str:
        """site_description, as a shared link's card and description show it; the site's name where there is none."""
        return str(self.raw.get("site_description") or self.name).strip()

    @property
    def words(self) -> Words:
        """This language's words and formatters."""
        return words(self.language)

    @property
    def right_to_left(self) -> bool:
        return self.words.right_to_left

    @property
    def first_language(self) -> str:
        """The site's first language: the one at its root, which the content is written in."""
        return self.languages[0].code


def read_settings(config_file: Path, site_url: str | None = None) -> Settings:
    """site_url replaces the one in the file, for a copy published at another address."""
    where = str(config_file)
    try:
        text = config_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentErrors([ContentError(where, 1, "-", f"kan inte läsas ({exc})")]) from None
    try:
        # What mkdocs.config.load_config does, with the problems kept instead of logged.
        raw = family.read_yaml(config_file)
    except family.Unreadable as exc:
        raise ContentErrors([ContentError(where, 1, "-", f"ogiltig YAML: {exc}")]) from None
    if not isinstance(raw, dict):
        raise ContentErrors(
            [ContentError(where, 1, "-", "fick ingen inställning (förväntade nycklar som site_name: och site_url:)")]
        )
    if site_url:
        raw["site_url"] = site_url

    def line_of(key: str) -> int:
        found = re.search(rf"^\s*{re.escape(key.split('.')[-1])}\s*:", text, re.MULTILINE)
        return text.count("\n", 0, found.start()) + 1 if found else 1

    problems = _engine_owned(raw, line_of, where)
    config, errors = family.validate(raw, config_file)
    problems += [ContentError(where, line_of(key), key, f"{message} (MkDocs)") for key, message in errors]
    for key in ("site_name", "site_url"):
        if key not in dict(errors) and (not isinstance(config.get(key), str) or not config[key].strip()):
            problems.append(ContentError(where, line_of(key), key, "saknas (förväntade text)"))
    # What a site's pages, feeds and data put in attributes and headings: held to the rules content is held to.
    if (
        "site_url" not in dict(errors)
        and isinstance(raw.get("site_url"), str)
        and raw["site_url"].strip()
        and (wrong := web_address_problem(raw["site_url"]))
    ):
        problems.append(ContentError(where, line_of("site_url"), "site_url", f"fick {raw['site_url']!r} ({wrong})"))
    for key, most in (("site_name", MAX_SETTING_LINE), ("site_description", MAX_SETTING_TEXT)):
        if (
            isinstance(config.get(key), str)
            and config[key].strip()
            and (wrong := typed_line_problem(config[key], most))
        ):
            problems.append(ContentError(where, line_of(key), key, wrong))
    extra = config.get("extra") or {}
    days, lix_limit = extra.get("silent_after_days", 90), extra.get("lix_limit", 50)
    for name, value, example in (
        ("silent_after_days", days, "ett antal dagar, t.ex. 90"),
        ("lix_limit", lix_limit, "ett LIX-värde, t.ex. 50"),
    ):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(
                ContentError(where, line_of(name), f"extra.{name}", f"fick {value!r} (förväntade {example})")
            )
    languages = _languages(
        extra.get("languages"),
        config["theme"]["language"] if "theme" not in dict(errors) else "sv",
        line_of,
        where,
        problems,
    )
    editor = _editor(extra.get("editor"), line_of, where, problems)
    follow = _follow(extra.get("follow"), [language.code for language in languages], line_of, where, problems)
    area = _area(extra.get("area"), line_of, where, problems)
    site_format = _format(extra.get("format"), line_of, where, problems)
    renderer = extra.get("renderer", DEFAULT_RENDERER)
    if renderer not in RENDERERS:
        problems.append(
            ContentError(
                where, line_of("renderer"), "extra.renderer", f"fick {renderer!r} ({one_of(renderer, RENDERERS)})"
            )
        )
    if problems:
        raise ContentErrors(problems)
    url = config["site_url"].rstrip("/") + "/"
    first = Settings(
        name=config["site_name"].strip(),
        url=url,
        language=languages[0].code,
        languages=languages,
        silent_after_days=days,
        lix_limit=lix_limit,
        docs_dir=Path(config["docs_dir"]),
        site_dir=Path(config["site_dir"]),
        root_url=url,
        editor=editor,
        follow=follow,
        area=area,
        format=site_format,
        renderer=renderer,
        config_file=config_file,
        raw=raw,
    )
    return in_language(first, first.language)


def in_language(settings: Settings, code: str) -> Settings:
    """The settings of the site in one of its languages, with a fresh MkDocs configuration to render it with.

    Each language is a site of its own: its language in Material's theme (lang, and dir for a right-to-left
    script), its site_url, the navigation's titles in its words, and Material's
    language selector (extra.alternate) leading to the same site in each other language. settings are the
    first language's, as read_settings gives them.
    """
    language = next(entry for entry in settings.languages if entry.code == code)
    raw = copy.deepcopy(settings.raw)
    url = settings.root_url + at.language_folder(code, settings.first_language)
    base = urlparse(settings.root_url).path
    _ = words(code).gettext
    raw["site_url"] = url
    raw["site_name"] = language.site_name or settings.name
    if language.site_description:
        raw["site_description"] = language.site_description
    raw["theme"] = {**(raw.get("theme") or {}), "language": code}
    # MkDocs adds its own search where a site names no plugin; the engine's is Pagefind (rendering.index).
    raw["plugins"] = list(raw.get("plugins") or [])
    raw["extra"] = {
        **raw.get("extra", {}),
        "alternate": [
            {
                "name": _capitalised(language_name(other.code)),
                "link": base + at.language_folder(other.code, settings.first_language),
                "folder": at.language_folder(other.code, settings.first_language),
                "lang": other.code,
                "direction": direction(other.code),
                "url": settings.root_url + at.language_folder(other.code, settings.first_language),
            }
            for other in settings.languages
        ],
        # The theme's words for its own interface: the language's where Material has them, else English (theme/partials/language.html).
        "theme_words": code if code in family.THEME_LANGUAGES else "en",
        "direction": direction(code),
        # How many folders this language's site lies below the whole site's root: the language selector's links climb
        # that many, and the page's own, so that they lead right wherever the site is served (make serve, a copy, Pages).
        "language_depth": at.language_folder(code, settings.first_language).count("/"),
        # What the theme's own templates (overrides/) say and link to, in this language's words, from the address table.
        "site": {
            # What the header says on a phone, where the site's whole name does not fit: the area's name, in whole words.
            "short_name": language.area_name or (settings.area.name if settings.area else raw["site_name"]),
            "all_feed": {ending: at.feed(at.ALL_FEED, ending) for ending in ("rss", "atom")},
            "all_feed_title": _("Allt om medborgarlöftet"),
            "about": _("Om sajten"),
            "accessibility": {"title": _("Tillgänglighetsredogörelse"), "address": at.page_address(at.ACCESSIBILITY)},
            "privacy": {"title": _("Integritet och kakor"), "address": at.page_address(at.PRIVACY)},
            "print_address": _("Läs mer och följ arbetet på"),
            # What a shared link unfolds into (Open Graph): a page without a card of its own has the site's.
            "locale": open_graph_locale(code),
            "other_locales": [open_graph_locale(other.code) for other in settings.languages if other.code != code],
            "card": at.SITE_CARD,
            # The page for a missing address (theme/404.html).
            "not_found": {
                "title": _("Sidan finns inte"),
                "text": _("Sidan du sökte finns inte här. Den kan ha flyttats, eller så är adressen felskriven."),
                "start": _("Gå till startsidan"),
                "hint": _("Där hittar du alla åtaganden och uppdateringar."),
            },
            # The search box's words (theme/partials/search.html); %(count)s is filled in by its script.
            "search": {
                "folder": at.SEARCH_FOLDER,
                "label": _("Sök"),
                "placeholder": _("Sök på sajten"),
                "close": _("Stäng sökningen"),
                "waiting": _("Skriv ett ord för att söka."),
                "searching": _("Söker …"),
                "none": _("Inga träffar."),
                "count": _("Träffar: %(count)s"),
                "failed": _("Sökningen kunde inte laddas. Alla sidor nås också från menyn."),
            },
        },
    }
    raw["nav"] = _translated_nav(raw.get("nav"), _) if code != settings.first_language else raw.get("nav")
    # A hand-written page's translations (index.en.md) are pages of their own language only, in whichever language they are.
    excluded = raw.get("exclude_docs") or ""
    codes = sorted({other.code for other in settings.languages} | _translated_pages(settings.docs_dir))
    raw["exclude_docs"] = excluded + "".join(f"\n*.{other}.md" for other in codes if f"*.{other}.md" not in excluded)
    # The language's configuration, held to MkDocs' schema now: its problems are the settings', not a render's.
    _, errors = family.validate(raw, settings.config_file)
    if errors:
        raise ContentErrors(
            [
                ContentError(str(settings.config_file), 1, key, f"{message} (MkDocs, språket {code})")
                for key, message in errors
            ]
        )
    return Settings(
        name=raw["site_name"].strip(),
        url=url,
        language=code,
        languages=settings.languages,
        silent_after_days=settings.silent_after_days,
        lix_limit=settings.lix_limit,
        docs_dir=settings.docs_dir,
        site_dir=settings.site_dir,
        root_url=settings.root_url,
        editor=settings.editor,
        follow=settings.follow,
        area=settings.area,
        format=settings.format,
        renderer=settings.renderer,
        config_file=settings.config_file,
        raw=raw,
    )


def _capitalised(name: str) -> str:
    """A language's name as a menu shows it, on its own: Svenska, English, العربية."""
    return name[:1].upper() + name[1:]


def _translated_nav(nav: Any, gettext: Any) -> Any:
    """The navigation with its titles in the language's words: titles are messages in the catalogue."""
    if isinstance(nav, list):
        return [_translated_nav(item, gettext) for item in nav]
    if isinstance(nav, dict):
        return {gettext(title): _translated_nav(target, gettext) for title, target in nav.items()}
    return nav


def _languages(
    value: Any, theme_language: str, line_of: Any, where: str, problems: list[ContentError]
) -> tuple[Language, ...]:
    """extra.languages: a list of {language: code, site_name:, site_description:}, the first being theme.language."""
    if value is None:
        return (Language(theme_language),)
    expected = "en lista med en post per språk, t.ex. '- language: en', den första theme.language"
    if not isinstance(value, list) or not value:
        problems.append(
            ContentError(where, line_of("languages"), "extra.languages", f"fick {value!r} (förväntade {expected})")
        )
        return (Language(theme_language),)
    found: list[Language] = []
    for index, entry in enumerate(value):
        key = f"extra.languages.{index}"
        code = entry.get("language") if isinstance(entry, dict) else None
        unknown = (
            sorted(set(entry) - {"language", "site_name", "site_description", "area_name"})
            if isinstance(entry, dict)
            else []
        )
        if not isinstance(code, str) or not LANGUAGE.match(code) or not known_language(code):
            problems.append(
                ContentError(
                    where,
                    line_of("languages"),
                    key,
                    f"fick {entry!r} (förväntade en språkkod som Babel känner, t.ex. 'language: en')",
                )
            )
        elif unknown:
            problems.append(
                ContentError(
                    where,
                    line_of("languages"),
                    f"{key}.{unknown[0]}",
                    "okänt fält (förväntade language, site_name, site_description eller area_name)",
                )
            )
        elif any(other.code == code for other in found):
            problems.append(
                ContentError(where, line_of("languages"), key, f"'{code}' finns redan (förväntade varje språk en gång)")
            )
        else:
            texts = {name: entry.get(name) for name in ("site_name", "site_description", "area_name")}
            bad = [
                name
                for name, text in texts.items()
                if text is not None and (not isinstance(text, str) or not text.strip())
            ]
            if bad:
                problems.append(
                    ContentError(where, line_of("languages"), f"{key}.{bad[0]}", "fick inget namn (förväntade text)")
                )
            problems += [
                ContentError(where, line_of("languages"), f"{key}.{name}", wrong)
                for name, text in texts.items()
                if isinstance(text, str)
                and text.strip()
                and (
                    wrong := typed_line_problem(
                        text, MAX_SETTING_TEXT if name == "site_description" else MAX_SETTING_LINE
                    )
                )
            ]
            found.append(Language(code, texts["site_name"], texts["site_description"], texts["area_name"]))
    if found and found[0].code != theme_language:
        problems.append(
            ContentError(
                where,
                line_of("languages"),
                "extra.languages.0",
                f"är '{found[0].code}' (förväntade theme.language, '{theme_language}', först: det är sajtens språk)",
            )
        )
    return tuple(found) or (Language(theme_language),)


def _engine_owned(raw: dict[str, Any], line_of: Any, where: str) -> list[ContentError]:
    """What the engine brings to every site, set in raw: its theme (templates beside Material's) and its styles.

    A site names neither: theme.custom_dir would replace the engine's templates, and addresses without folders
    (use_directory_urls: false) would leave every link of the generated pages, feeds and cards pointing at a folder.
    """
    problems = []
    theme = raw.get("theme")
    if isinstance(theme, dict) and "custom_dir" in theme:
        problems.append(
            ContentError(
                where,
                line_of("custom_dir"),
                "theme.custom_dir",
                "sätts av motorn, som har sina egna mallar till temat (ta bort raden)",
            )
        )
    plugins = raw.get("plugins")
    if isinstance(plugins, list) and any(
        plugin == "search" or (isinstance(plugin, dict) and "search" in plugin) for plugin in plugins
    ):
        problems.append(
            ContentError(
                where,
                line_of("search"),
                "plugins.search",
                "sätts av motorn, som söker med Pagefind på varje språk (ta bort raden och dess inställningar)",
            )
        )
    if raw.get("use_directory_urls") is False:
        problems.append(
            ContentError(
                where,
                line_of("use_directory_urls"),
                "use_directory_urls",
                "fick false (förväntade true eller ingen rad: sajtens länkar, flöden och kort pekar på mappar, inte på filer)",
            )
        )
    if isinstance(theme, str):
        theme = {"name": theme}
    if isinstance(theme, dict):
        raw["theme"] = {**theme, "custom_dir": str(THEME)}
    own: list[Any] = raw["extra_css"] if isinstance(raw.get("extra_css"), list) else []
    raw["extra_css"] = [*ENGINE_STYLES, *(sheet for sheet in own if sheet not in ENGINE_STYLES)]
    return problems


def _area(value: Any, line_of: Any, where: str, problems: list[ContentError]) -> Area | None:
    """extra.area: name, municipality, municipality_code, county, county_code and paper_letters; None where it is missing."""
    if value is None:
        return None
    expected = {
        "name": "områdets namn",
        "municipality": "kommunens namn",
        "municipality_code": "kommunkoden, fyra siffror, t.ex. '0180'",
        "county": "länets namn",
        "county_code": "länskoden, två siffror, t.ex. '01'",
    }
    if not isinstance(value, dict):
        problems.append(
            ContentError(
                where,
                line_of("area"),
                "extra.area",
                f"fick {value!r} (förväntade {', '.join(f'{key}:' for key in expected)} och paper_letters:)",
            )
        )
        return None
    found = len(problems)
    known = [*expected, "paper_letters"]
    for key in sorted(set(value) - set(known)):
        problems.append(
            ContentError(
                where,
                line_of(key),
                f"extra.area.{key}",
                f"okänt fält (förväntade ett av {', '.join(known)}{did_you_mean(key, known)})",
            )
        )
    texts: dict[str, str] = {}
    for key, what in expected.items():
        given = value.get(key)
        given = (
            f"{given:0{4 if key == 'municipality_code' else 2}d}"
            if key.endswith("_code") and isinstance(given, int) and not isinstance(given, bool)
            else given
        )
        if not isinstance(given, str) or not given.strip():
            problems.append(
                ContentError(where, line_of(key), f"extra.area.{key}", f"fick {given!r} (förväntade {what})")
            )
        elif key.endswith("_code") and not re.fullmatch(r"\d{4}" if key == "municipality_code" else r"\d{2}", given):
            problems.append(
                ContentError(
                    where, line_of(key), f"extra.area.{key}", f"fick {given!r} (förväntade {what}, inom citattecken)"
                )
            )
        elif wrong := typed_line_problem(given, MAX_SETTING_LINE):
            problems.append(ContentError(where, line_of(key), f"extra.area.{key}", wrong))
        else:
            texts[key] = given.strip()
    if "county_code" in texts and texts["county_code"] not in COUNTIES:
        problems.append(
            ContentError(
                where,
                line_of("county_code"),
                "extra.area.county_code",
                f"fick '{texts['county_code']}', som inget län har (förväntade en av SCB:s länskoder: {', '.join(COUNTIES)})",
            )
        )
    elif (
        "municipality_code" in texts
        and "county_code" in texts
        and not texts["municipality_code"].startswith(texts["county_code"])
    ):
        problems.append(
            ContentError(
                where,
                line_of("municipality_code"),
                "extra.area.municipality_code",
                f"fick '{texts['municipality_code']}', som inte ligger i län {texts['county_code']} (en kommunkod börjar med länskoden)",
            )
        )
    paper = value.get("paper_letters", False)
    if not isinstance(paper, bool):
        problems.append(
            ContentError(
                where,
                line_of("paper_letters"),
                "extra.area.paper_letters",
                f"fick {paper!r} (förväntade true eller false)",
            )
        )
    if len(problems) > found:
        return None
    return Area(
        texts["name"], texts["municipality"], texts["municipality_code"], texts["county"], texts["county_code"], paper
    )


def _format(value: Any, line_of: Any, where: str, problems: list[ContentError]) -> int | None:
    """extra.format: the content format the site is written in, which this engine must read."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        problems.append(
            ContentError(
                where,
                line_of("format"),
                "extra.format",
                f"fick {value!r} (förväntade innehållsformatets nummer, t.ex. {versions.FORMAT})",
            )
        )
    elif value not in versions.READS:
        newer = value > max(versions.READS)
        problems.append(
            ContentError(
                where,
                line_of("format"),
                "extra.format",
                (
                    f"är {value}, men motorn {versions.ENGINE} läser format {', '.join(map(str, versions.READS))} "
                    + (
                        "(uppgradera motorn: höj versionen av medborgarlofte i requirements.txt)"
                        if newer
                        else "(gör ändringarna som CHANGELOG.md beskriver för varje format efter ditt, och skriv sedan det nya numret)"
                    )
                ),
            )
        )
    else:
        return value
    return None


_REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


def _editor(value: Any, line_of: Any, where: str, problems: list[ContentError]) -> Editor | None:
    """extra.editor: {repo: owner/name, branch: main, auth_url: https://...}; without it the site has no /admin/."""
    if value is None:
        return None
    line = line_of("editor")
    if not isinstance(value, dict):
        problems.append(
            ContentError(
                where,
                line,
                "extra.editor",
                f"fick {value!r} (förväntade repo:, och om de behövs branch: och auth_url:)",
            )
        )
        return None
    found = len(problems)
    for key in sorted(set(value) - {"repo", "branch", "auth_url"}):
        problems.append(
            ContentError(
                where,
                line_of(key),
                f"extra.editor.{key}",
                f"okänt fält (förväntade repo, branch eller auth_url{did_you_mean(key, ['repo', 'branch', 'auth_url'])})",
            )
        )
    repo, branch, auth_url = value.get("repo"), value.get("branch", "main"), value.get("auth_url")
    if not isinstance(repo, str) or not _REPOSITORY.match(repo):
        problems.append(
            ContentError(
                where,
                line_of("repo"),
                "extra.editor.repo",
                f"fick {repo!r} (förväntade GitHub-förrådet som ägare/namn, t.ex. 'kommunen/medborgarlofte')",
            )
        )
    if not isinstance(branch, str) or not re.fullmatch(r"[A-Za-z0-9._/-]{1,200}", branch):
        problems.append(
            ContentError(
                where, line_of("branch"), "extra.editor.branch", f"fick {branch!r} (förväntade en gren, t.ex. 'main')"
            )
        )
    if auth_url is not None and (
        not isinstance(auth_url, str) or not auth_url.startswith("https://") or web_address_problem(auth_url)
    ):
        problems.append(
            ContentError(
                where,
                line_of("auth_url"),
                "extra.editor.auth_url",
                f"fick {auth_url!r} (förväntade inloggningsserverns adress, som börjar med https://)",
            )
        )
    if len(problems) > found or not isinstance(repo, str) or not isinstance(branch, str):
        return None
    return Editor(repo, branch, auth_url.rstrip("/") if isinstance(auth_url, str) else None)


_ACCOUNT = re.compile(r"^@?([A-Za-z0-9_]{1,30})(@[A-Za-z0-9.-]+)?$")


def _follow(value: Any, languages: list[str], line_of: Any, where: str, problems: list[ContentError]) -> Follow:
    """extra.follow: {hub: https://…, email: https://…{topic}…, mastodon: {instance: https://…, account: name, language: sv}}."""
    if value is None:
        return Follow()
    known = ["hub", "email", "mastodon"]
    if not isinstance(value, dict):
        problems.append(
            ContentError(
                where, line_of("follow"), "extra.follow", f"fick {value!r} (förväntade hub:, email: eller mastodon:)"
            )
        )
        return Follow()
    found = len(problems)
    for key in sorted(set(value) - set(known)):
        problems.append(
            ContentError(
                where,
                line_of(key),
                f"extra.follow.{key}",
                f"okänt fält (förväntade ett av {', '.join(known)}{did_you_mean(key, known)})",
            )
        )
    addresses: dict[str, str | None] = {}
    for key, what in (
        ("hub", "WebSub-navets adress, som börjar med https://"),
        ("email", "adressen där man anmäler sig till kommunens nyhetsbrev, som börjar med https://, gärna med {topic}"),
    ):
        given = value.get(key)
        checked = given.replace("{topic}", "amne") if isinstance(given, str) else given
        if given is not None and (
            not isinstance(given, str) or web_address_problem(str(checked), query=True) or "(" in given or ")" in given
        ):
            problems.append(
                ContentError(where, line_of(key), f"extra.follow.{key}", f"fick {given!r} (förväntade {what})")
            )
        addresses[key] = given if isinstance(given, str) else None
    mastodon = None
    if (told := value.get("mastodon")) is not None:
        fields = ["instance", "account", "language"]
        if not isinstance(told, dict):
            problems.append(
                ContentError(
                    where,
                    line_of("mastodon"),
                    "extra.follow.mastodon",
                    f"fick {told!r} (förväntade instance:, account: och language:)",
                )
            )
        else:
            for key in sorted(set(told) - set(fields)):
                problems.append(
                    ContentError(
                        where,
                        line_of(key),
                        f"extra.follow.mastodon.{key}",
                        f"okänt fält (förväntade ett av {', '.join(fields)}{did_you_mean(key, fields)})",
                    )
                )
            instance, account, language = told.get("instance"), told.get("account"), told.get("language", languages[0])
            if not isinstance(instance, str) or web_address_problem(instance.rstrip("/") + "/"):
                problems.append(
                    ContentError(
                        where,
                        line_of("instance"),
                        "extra.follow.mastodon.instance",
                        f"fick {instance!r} (förväntade Mastodon-serverns adress, som börjar med https://)",
                    )
                )
            if not isinstance(account, str) or not (matched := _ACCOUNT.match(account.strip())):
                problems.append(
                    ContentError(
                        where,
                        line_of("account"),
                        "extra.follow.mastodon.account",
                        f"fick {account!r} (förväntade kontots namn, t.ex. trygghet_norrby)",
                    )
                )
            if language not in languages:
                problems.append(
                    ContentError(
                        where,
                        line_of("language"),
                        "extra.follow.mastodon.language",
                        f"fick {language!r} ({one_of(language, languages)}: språket kontot skriver på)",
                    )
                )
            if len(problems) == found and isinstance(instance, str) and isinstance(account, str) and matched:
                mastodon = Mastodon(instance.rstrip("/"), matched.group(1), str(language))
    if len(problems) > found:
        return Follow()
    return Follow(addresses["hub"], addresses["email"], mastodon)


def page_translation(name: str) -> tuple[str, str] | None:
    """('tillganglighet.md', 'en') for the hand-written page tillganglighet.en.md; None for a file that is no translation."""
    stem, _, suffix = name.rpartition(".")
    base, _, code = stem.rpartition(".")
    return (f"{base}.{suffix}", code) if base and LANGUAGE.match(code) and known_language(code) else None


def _translated_pages(docs_dir: Path) -> set[str]:
    """The languages that hand-written pages are translated into: en for tillganglighet.en.md."""
    found = (page_translation(path.name) for path in docs_dir.rglob("*.*.md")) if docs_dir.is_dir() else ()
    return {translation[1] for translation in found if translation}
