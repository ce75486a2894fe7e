"""The site-wide settings: mkdocs.yml, read once through the MkDocs family's own configuration schema (engines/mkdocs.py).

MkDocs checks its part (site_name, theme, nav, site_dir …) and we check ours (extra); every problem
comes back at once, each with the line of its key, as content errors do.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlparse

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from . import addresses as at
from . import interface, versions
from .engines import DEFAULT_RENDERER, RENDERERS
from .engines import mkdocs as family
from .errors import ContentError, ContentErrors, explained, one_of
from .languages import Words, direction, known_language, language_name, words
from .readers import (
    LINK_REFUSED,
    Document,
    captions_problem,
    inside,
    line_map,
    settings_problems,
    typed_line_problem,
    unsafe_address,
    video_problem,
    web_address_problem,
)
from .regions import COUNTIES, MUNICIPALITIES, code_of, same_name
from .translations import LANGUAGE

# A site's name and a name of its area are one line, as a title of the content is; its description a short text.
MAX_SETTING_LINE = 300
MAX_SETTING_TEXT = 1000

# The engine's own part of Material's theme (overrides of its templates), and the styles every site has.
THEME = Path(__file__).resolve().parent / "theme"
ENGINE_STYLES = (at.SITE_STYLES, at.STYLES)


class _Setting(BaseModel):
    """A part of extra, read as content is: every field known, each checked with its line, frozen once read."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _text(value: Any, most: int, expected: str = "text") -> Any:
    """A name or a description in settings: one line of typed text, as a title of the content is."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"fick {value!r} (förväntade {expected})")
    if wrong := typed_line_problem(value, most):
        raise ValueError(wrong)
    return value


def _line(value: Any) -> Any:
    return _text(value, MAX_SETTING_LINE)


def _description(value: Any) -> Any:
    return _text(value, MAX_SETTING_TEXT)


def _known_language(value: Any) -> Any:
    if not isinstance(value, str) or not LANGUAGE.match(value) or not known_language(value):
        raise ValueError(f"fick {value!r} (förväntade en språkkod som Babel känner, t.ex. 'language: en')")
    return value


class Language(_Setting):
    """One language of the site, as extra.languages lists it: the first is at the site's root, each other under /<code>/."""

    code: Annotated[str, BeforeValidator(_known_language)] = Field(alias="language")
    site_name: Annotated[str | None, BeforeValidator(_line)] = None
    site_description: Annotated[str | None, BeforeValidator(_description)] = None
    # the area's name as it is written in the language: the header on a phone shows it alone
    area_name: Annotated[str | None, BeforeValidator(_line)] = None


_REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


def _repository(value: Any) -> Any:
    if not isinstance(value, str) or not _REPOSITORY.match(value):
        raise ValueError(f"fick {value!r} (förväntade GitHub-förrådet som ägare/namn, t.ex. 'kommunen/medborgarlofte')")
    return value


def _branch(value: Any) -> Any:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9._/-]{1,200}", value):
        raise ValueError(f"fick {value!r} (förväntade en gren, t.ex. 'main')")
    return value


def _sign_in(value: Any) -> Any:
    if value is not None and (
        not isinstance(value, str) or not value.startswith("https://") or web_address_problem(value)
    ):
        raise ValueError(f"fick {value!r} (förväntade inloggningsserverns adress, som börjar med https://)")
    return value.rstrip("/") if isinstance(value, str) else value


class Editor(_Setting):
    """extra.editor: where the web editor at /admin/ saves (a GitHub repository and branch) and who signs its users in."""

    repo: Annotated[str, BeforeValidator(_repository)]  # owner/name on GitHub
    branch: Annotated[str, BeforeValidator(_branch)] = "main"
    # the OAuth server that signs users in to GitHub (handbok/skriva-och-publicera.md); None for Decap's default
    auth_url: Annotated[str | None, BeforeValidator(_sign_in)] = None


_ACCOUNT = re.compile(r"^@?([A-Za-z0-9_]{1,30})(@[A-Za-z0-9.-]+)?$")


def _instance(value: Any) -> Any:
    if not isinstance(value, str) or web_address_problem(value.rstrip("/") + "/"):
        raise ValueError(f"fick {value!r} (förväntade Mastodon-serverns adress, som börjar med https://)")
    return value.rstrip("/")


def _account(value: Any) -> Any:
    if not isinstance(value, str) or not (matched := _ACCOUNT.match(value.strip())):
        raise ValueError(f"fick {_shown(str(value))} (förväntade kontots namn, t.ex. trygghet_norrby)")
    # A domain after the name stays until it is compared with the instance (_extra), which must be the account's server.
    return matched.group(1) + (matched.group(2) or "").lower()


class Mastodon(_Setting):
    """extra.follow.mastodon: the account on a Mastodon server that the publishing workflow posts each new status change
    and letter to, in the language the account is set for."""

    instance: Annotated[str, BeforeValidator(_instance)]  # the server's address: https://mastodon.example
    account: Annotated[str, BeforeValidator(_account)]  # the account's name on it, without @: trygghet_norrby
    language: str = ""  # one of the site's languages; the first where it is not said


TOPIC = "{topic}"  # in extra.follow.email: where a page's topic goes
_TOPIC_STAND_IN = "amne"


def _shown(value: str) -> str:
    """A setting's value in a message: a value of any length is not repeated whole."""
    return repr(value) if len(value) <= 100 else repr(value[:100]) + "…"


def _address(expected: str) -> Any:
    def check(value: Any) -> Any:
        if value is None:
            return value
        if not isinstance(value, str):
            raise ValueError(f"fick {value!r} (förväntade {expected})")
        checked = value.replace(TOPIC, _TOPIC_STAND_IN)
        if unsafe := unsafe_address(checked):
            raise ValueError(f"fick {_shown(value)} ({unsafe})")
        if TOPIC in value and _TOPIC_STAND_IN in (urlparse(checked).hostname or ""):
            raise ValueError(
                f"fick {_shown(value)} ({TOPIC} står i värdnamnet: förväntade det i adressens sökväg eller fråga, "
                "så att ämnet aldrig kan byta sajt)"
            )
        if web_address_problem(checked, query=True) or "(" in value or ")" in value:
            raise ValueError(f"fick {_shown(value)} (förväntade {expected})")
        return value

    return BeforeValidator(check)


class Follow(_Setting):
    """extra.follow: the services outside the site that tell residents when something changes; the site keeps no address."""

    # a WebSub hub that every feed names, and that the workflow tells of each changed feed
    hub: Annotated[str | None, _address("WebSub-navets adress, som börjar med https://")] = None
    # the municipality's newsletter sign-up address; {topic} becomes a commitment's id or a feed's name
    email: Annotated[
        str | None,
        _address("adressen där man anmäler sig till kommunens nyhetsbrev, som börjar med https://, gärna med {topic}"),
    ] = None
    mastodon: Mastodon | None = None

    def email_for(self, topic: str) -> str | None:
        """The newsletter's sign-up address for a page's topic: the topic placed as one encoded part of the path or the
        query (a / in it cannot start another part), and the result checked again as an address; None without one."""
        if self.email is None:
            return None
        placed = self.email.replace(TOPIC, quote(topic, safe=""))
        return placed if web_address_problem(placed, query=True) is None else self.email.replace(TOPIC, "")


def area_disagreements(area: Area | None) -> list[tuple[str, str]]:
    """Where an area's names and codes disagree with SCB's table (regions.py), by the setting that says so: a known
    municipality code with another municipality's name, a county code with another county's name."""
    if area is None:
        return []
    found = []
    official = MUNICIPALITIES.get(area.municipality_code)
    if official and not same_name(area.municipality, official):
        named = code_of(area.municipality)
        hint = f"; {area.municipality} har kod {named}" if named else ""
        found.append(
            (
                "municipality_code",
                f"fick '{area.municipality_code}', som är koden för {official} enligt SCB, men municipality är "
                f"'{area.municipality}' (förväntade samma kommun i båda{hint})",
            )
        )
    county = COUNTIES.get(area.county_code)
    if county and not same_name(area.county, county):
        found.append(("county", f"fick '{area.county}', men länskoden {area.county_code} är {county} enligt SCB"))
    return found


def _code(digits: int, expected: str) -> Any:
    def check(value: Any) -> Any:
        given = f"{value:0{digits}d}" if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(given, str) or not given.strip():
            raise ValueError(f"fick {given!r} (förväntade {expected})")
        if not re.fullmatch(rf"\d{{{digits}}}", given):
            raise ValueError(f"fick {given!r} (förväntade {expected}, inom citattecken)")
        return given

    return BeforeValidator(check)


def _county(value: str) -> str:
    if value not in COUNTIES:
        raise ValueError(f"fick '{value}', som inget län har (förväntade en av SCB:s länskoder: {', '.join(COUNTIES)})")
    return value


def _yes_or_no(value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValueError(f"fick {value!r} (förväntade true eller false)")
    return value


def _named(expected: str) -> Any:
    return BeforeValidator(lambda value: _text(value, MAX_SETTING_LINE, expected))


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def _contact(value: Any) -> Any:
    """Where a reader writes (a question about the promise, a problem with the site): a web page (https://) or an
    e-mail address."""
    if isinstance(value, str) and _EMAIL.match(value.strip()):
        return value.strip()
    if not isinstance(value, str) or web_address_problem(value, query=True):
        raise ValueError(
            f"fick {value!r} (förväntade en e-postadress eller adressen till en kontaktsida, som börjar med https://)"
        )
    return value


class Area(_Setting):
    """extra.area: the area the promise is for, with the official codes (SCB's) of its municipality and county."""

    name: Annotated[str, _named("områdets namn")]
    municipality: Annotated[str, _named("kommunens namn")]
    municipality_code: Annotated[str, _code(4, "kommunkoden, fyra siffror, t.ex. '0180'")]  # 1280
    county: Annotated[str, _named("länets namn")]
    county_code: Annotated[str, _code(2, "länskoden, två siffror, t.ex. '01'"), AfterValidator(_county)]  # 12
    # the information letters are also handed out on paper
    paper_letters: Annotated[bool, BeforeValidator(_yes_or_no)] = False
    # where a resident asks about the promise: the Lättläst page says it, with the partners' own web pages
    contact: Annotated[str | None, BeforeValidator(_contact)] = None

    @field_validator("name", "municipality", "county")
    @classmethod
    def _trimmed(cls, value: str) -> str:
        return value.strip()


SIGNED_PAGES = ("start", "easy_read", "promise")  # the pages an area may give a video in Swedish Sign Language
_ON_THE_SITE = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:|/)[A-Za-z0-9._/-]+$")  # a path under docs/, no scheme or host


def _own_file(*suffixes: str) -> Any:
    """A file on the site itself, by its path under docs/: a video from another site would bring its player, its
    cookies and its requests to a third party with it."""

    def check(value: Any) -> Any:
        expected = f"en fil på sajten själv, en sökväg under docs/ som slutar på {' eller '.join(suffixes)}"
        if isinstance(value, str) and re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//)", value):
            raise ValueError(f"fick {value!r} ({expected}: en fil från en annan webbplats tillåts inte)")
        if not isinstance(value, str) or not _ON_THE_SITE.match(value) or ".." in value.split("/"):
            raise ValueError(f"fick {value!r} (förväntade {expected})")
        if not value.lower().endswith(suffixes):
            raise ValueError(f"fick {value!r} (förväntade {expected})")
        return value

    return BeforeValidator(check)


def _positive(expected: str) -> Any:
    def check(value: Any) -> Any:
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"fick {value!r} (förväntade {expected})")
        return value

    return BeforeValidator(check)


def _day(value: Any) -> Any:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"fick {value!r} (förväntade en dag, ÅÅÅÅ-MM-DD)") from None


def _one_of(options: tuple[str, ...]) -> Any:
    def check(value: Any) -> Any:
        if value not in options:
            raise ValueError(f"fick {value!r} ({one_of(value, options)})")
        return value

    return BeforeValidator(check)


COMPLIANCE = ("full", "partial", "none")  # förenlig, delvis förenlig, inte förenlig med lagen (2018:1937)
ASSESSMENT = ("self", "third-party")  # självskattning, granskning av en tredje part


class Accessibility(_Setting):
    """extra.accessibility: the area's own part of the accessibility statement, which the engine writes with its own
    facts (the standard it is built and tested to, its known limitations) in DIGG's order. A part not given is said to
    be missing on the page, and by check: never filled in by the engine."""

    responsible: Annotated[str | None, _named("organisationen som ansvarar för webbplatsen")] = None
    contact: Annotated[str | None, BeforeValidator(_contact)] = None  # a page or an e-mail address for problems
    answer_days: Annotated[int | None, _positive("antalet arbetsdagar ni lovar att svara inom, t.ex. 5")] = None
    compliance: Annotated[str | None, _one_of(COMPLIANCE)] = None
    assessed: Annotated[date | None, BeforeValidator(_day)] = None  # the day of the area's own assessment
    method: Annotated[str | None, _one_of(ASSESSMENT)] = None
    known_issues: tuple[
        Annotated[str, BeforeValidator(_description)], ...
    ] = ()  # the area's own, in its first language

    @property
    def missing(self) -> tuple[str, ...]:
        """The parts the area has not given, by their names in extra.accessibility."""
        return tuple(
            name
            for name in ("responsible", "contact", "answer_days", "compliance", "assessed", "method")
            if getattr(self, name) is None
        )


def _format(value: Any) -> Any:
    """extra.format: the content format the site is written in, which this engine must read."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"fick {value!r} (förväntade innehållsformatets nummer, t.ex. {versions.FORMAT})")
    if value not in versions.READS:
        advice = (
            "(uppgradera motorn: höj versionen av medborgarlofte i requirements.txt)"
            if value > max(versions.READS)
            else "(gör ändringarna som CHANGELOG.md beskriver för varje format efter ditt, och skriv sedan det nya numret)"
        )
        raise ValueError(
            f"är {value}, men motorn {versions.ENGINE} läser format {', '.join(map(str, versions.READS))} {advice}"
        )
    return value


def _renderer(value: Any) -> Any:
    if value not in RENDERERS:
        raise ValueError(f"fick {value!r} ({one_of(value, RENDERERS)})")
    return value


def _language_list(value: Any) -> Any:
    if value is not None and (not isinstance(value, list) or not value):
        raise ValueError(
            f"fick {value!r} (förväntade en lista med en post per språk, t.ex. '- language: en', den första theme.language)"
        )
    return value


class SignLanguage(_Setting):
    """A video in Swedish Sign Language on one of the pages an area chooses, from the site itself, with captions."""

    page: Annotated[str, _one_of(SIGNED_PAGES)]
    video: Annotated[str, _own_file(".webm", ".mp4")]  # under docs/: media/teckensprak-start.webm
    captions: Annotated[str, _own_file(".vtt")]  # WebVTT, in Swedish
    description: Annotated[str, BeforeValidator(_description)]  # what it says, for whoever cannot see it


# An address on the site, as moved lists it: a page's folder (lofte/atagenden/) or a file (lofte/data/atagenden.csv).
_SITE_ADDRESS = re.compile(
    r"^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)+$|^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9_-]*\.[A-Za-z0-9]+$"
)


# The examples the messages on extra.moved give: the engine's own addresses.
_EXAMPLE_PAGE = at.page_address(at.COMMITMENTS)
_EXAMPLE_FILE = at.COMMITMENTS_CSV


def _site_address(value: Any) -> Any:
    expected = f"en adress på sajten utan / först: en sidas mapp som slutar på / ({_EXAMPLE_PAGE}) eller en fil ({_EXAMPLE_FILE})"
    if not isinstance(value, str) or len(value) > MAX_SETTING_LINE or not _SITE_ADDRESS.match(value):
        raise ValueError(f"fick {value!r} (förväntade {expected})")
    return value


def leads_nowhere(move: at.Move) -> ContentError:
    """An old address of extra.moved whose new one is no page or file the engine makes, named with its line."""
    return ContentError(
        move.where,
        move.line,
        f"extra.moved.{move.old}",
        f"leder till '{move.new}', som sajten inte har (förväntade adressen till en sida eller fil som motorn gör, "
        f"t.ex. {_EXAMPLE_PAGE})",
    )


def _moves(value: Any) -> Any:
    """extra.moved, as written: a mapping."""
    if not isinstance(value, dict):
        raise ValueError(
            f"fick {value!r} (förväntade gamla adresser, var och en med den nya adress som tog dess plats)"
        )
    return value


def _paired(value: dict[str, str]) -> dict[str, str]:
    """extra.moved, each address checked: each old one leads to another, a page to a page and a file to a file."""
    for old, new in value.items():
        if old.endswith("/") != new.endswith("/"):
            raise ValueError(f"'{old}' leder till '{new}' (förväntade en sida för en sida och en fil för en fil)")
        if old == new:
            raise ValueError(f"'{old}' leder till sig själv (förväntade adressen som tog dess plats)")
    return value


class Extra(BaseModel):
    """mkdocs.yml's extra, the engine's part of it. Other keys are the theme's (Material reads extra too) and pass."""

    model_config = ConfigDict(extra="allow", frozen=True)

    silent_after_days: Annotated[int, _positive("ett antal dagar, t.ex. 90")] = 90
    lix_limit: Annotated[int, _positive("ett LIX-värde, t.ex. 50")] = 50
    languages: Annotated[tuple[Language, ...] | None, BeforeValidator(_language_list)] = None
    editor: Editor | None = None
    follow: Follow | None = None
    area: Area | None = None
    format: Annotated[int | None, BeforeValidator(_format)] = None
    renderer: Annotated[str, BeforeValidator(_renderer)] = DEFAULT_RENDERER
    accessibility: Accessibility = Accessibility()
    sign_language: tuple[SignLanguage, ...] = ()
    moved: Annotated[
        dict[Annotated[str, BeforeValidator(_site_address)], Annotated[str, BeforeValidator(_site_address)]],
        BeforeValidator(_moves),
        AfterValidator(_paired),
    ] = {}


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
    accessibility: Accessibility  # extra.accessibility: the area's part of the accessibility statement
    sign_language: tuple[SignLanguage, ...]  # extra.sign_language: videos in Swedish Sign Language, by page
    moved: tuple[at.Move, ...]  # extra.moved: addresses this site once published
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
    # Before MkDocs' loader makes anything of the file: a tag it would run, or a reference bomb, is refused here.
    if unsafe := settings_problems(text, where):
        raise ContentErrors(unsafe)
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

    lines = Document(where, raw, line_map(text))

    def line_of(key: str) -> int:
        return lines.line(tuple(key.split(".")))

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
    theme_language = config["theme"]["language"] if "theme" not in dict(errors) else "sv"
    extra = _extra(
        config.get("extra") or {},
        theme_language,
        Path(config.get("docs_dir") or config_file.parent / "docs"),
        lines,
        problems,
    )
    if problems or extra is None:
        raise ContentErrors(problems)
    languages = extra.languages or (Language(language=theme_language),)
    url = config["site_url"].rstrip("/") + "/"
    first = Settings(
        name=config["site_name"].strip(),
        url=url,
        language=languages[0].code,
        languages=languages,
        silent_after_days=extra.silent_after_days,
        lix_limit=extra.lix_limit,
        docs_dir=Path(config["docs_dir"]),
        site_dir=Path(config["site_dir"]),
        root_url=url,
        editor=extra.editor,
        follow=extra.follow or Follow(),
        area=extra.area,
        format=extra.format,
        renderer=extra.renderer,
        accessibility=extra.accessibility,
        sign_language=extra.sign_language,
        moved=tuple(at.Move(old, new, where, lines.line(("extra", "moved", old))) for old, new in extra.moved.items()),
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
        # What the theme's own templates say and link to, in this language's words, from the address table.
        "site": interface.words_of(
            words(code),
            # What the header says on a phone, where the site's whole name does not fit: the area's name, in whole words.
            language.area_name or (settings.area.name if settings.area else raw["site_name"]),
            [other.code for other in settings.languages if other.code != code],
        ),
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
    # The same site in another language: only its name, address, language and configuration differ.
    return replace(settings, name=raw["site_name"].strip(), url=url, language=code, raw=raw)


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
                line_of("theme.custom_dir"),
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
                line_of("plugins"),
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


def _extra(
    value: Any, theme_language: str, docs_dir: Path, lines: Document, problems: list[ContentError]
) -> Extra | None:
    """extra, read through its model, and the rules between its fields: each language once, the first theme.language,
    the municipality in its county, the Mastodon account writing in one of the site's languages."""
    found = len(problems)
    try:
        extra = Extra.model_validate(value)
    except ValidationError as exc:
        problems += [lines.error(("extra", *problem["loc"]), explained(problem, Extra)) for problem in exc.errors()]
        return None
    codes = [language.code for language in extra.languages or ()]
    for index, code in enumerate(codes):
        if code in codes[:index]:
            problems.append(
                lines.error(("extra", "languages", index), f"'{code}' finns redan (förväntade varje språk en gång)")
            )
    if codes and codes[0] != theme_language:
        problems.append(
            lines.error(
                ("extra", "languages", 0),
                f"är '{codes[0]}' (förväntade theme.language, '{theme_language}', först: det är sajtens språk)",
            )
        )
    for index, video in enumerate(extra.sign_language):
        for kind in ("video", "captions"):
            given = getattr(video, kind)
            if not inside(docs_dir, given):
                linked = (docs_dir / given).is_symlink() or (docs_dir / given).exists()
                problems.append(
                    lines.error(
                        ("extra", "sign_language", index, kind),
                        f"fick {given!r}, som {LINK_REFUSED}"
                        if linked
                        else f"fick {given!r}, som inte finns i {docs_dir.name}/ (förväntade filen där)",
                    )
                )
            elif kind == "video" and (wrong := video_problem(docs_dir / given)):
                problems.append(lines.error(("extra", "sign_language", index, kind), f"fick {given!r}, som {wrong}"))
            elif kind == "captions" and (unreadable := captions_problem(docs_dir / given)):
                problems.append(ContentError(f"{docs_dir.name}/{given}", unreadable[0], "-", unreadable[1]))
        if video.page in [other.page for other in extra.sign_language[:index]]:
            problems.append(
                lines.error(
                    ("extra", "sign_language", index, "page"),
                    f"'{video.page}' har redan en film (förväntade en film per sida)",
                )
            )
    area = extra.area
    if area and not area.municipality_code.startswith(area.county_code):
        problems.append(
            lines.error(
                ("extra", "area", "municipality_code"),
                f"fick '{area.municipality_code}', som inte ligger i län {area.county_code} (en kommunkod börjar med länskoden)",
            )
        )
    problems += [lines.error(("extra", "area", key), message) for key, message in area_disagreements(area)]
    mastodon = extra.follow.mastodon if extra.follow else None
    if extra.follow and mastodon:
        spoken = codes or [theme_language]
        language = mastodon.language or spoken[0]
        if language not in spoken:
            problems.append(
                lines.error(
                    ("extra", "follow", "mastodon", "language"),
                    f"fick {language!r} ({one_of(language, spoken)}: språket kontot skriver på)",
                )
            )
        name, _, domain = mastodon.account.partition("@")
        if domain and domain != (urlparse(mastodon.instance).hostname or ""):
            problems.append(
                lines.error(
                    ("extra", "follow", "mastodon", "account"),
                    f"fick '@{mastodon.account}', ett konto på {domain} (förväntade ett konto på servern som instance "
                    f"anger, {mastodon.instance}: skriv kontots namn där, t.ex. {name})",
                )
            )
        follow = extra.follow.model_copy(
            update={"mastodon": mastodon.model_copy(update={"language": language, "account": name})}
        )
        extra = extra.model_copy(update={"follow": follow})
    return extra if len(problems) == found else None


def page_translation(name: str) -> tuple[str, str] | None:
    """('tillganglighet.md', 'en') for the hand-written page tillganglighet.en.md; None for a file that is no translation."""
    stem, _, suffix = name.rpartition(".")
    base, _, code = stem.rpartition(".")
    return (f"{base}.{suffix}", code) if base and LANGUAGE.match(code) and known_language(code) else None


def _translated_pages(docs_dir: Path) -> set[str]:
    """The languages that hand-written pages are translated into: en for tillganglighet.en.md."""
    found = (page_translation(path.name) for path in docs_dir.rglob("*.*.md")) if docs_dir.is_dir() else ()
    return {translation[1] for translation in found if translation}
