"""`init`: a new area's site from nothing, as `mkdocs new` and `pelican-quickstart` make theirs.

The files come from the engine's skeleton (medborgarlofte/skeleton/): the site's settings with every word and fact of
the area in them, content in which every item is an example or a line marked `# MALL:` until it is replaced, the
site's own pages, a README for the area's staff and a publishing workflow that installs the engine at this version.
Nothing of the engine is copied into the site. The answers come from flags, or, in a terminal, from questions in Swedish.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import minorities, versions
from ..engine_requirement import WHEEL_FOLDER, EngineSource, engine_source
from ..generators import presentation
from ..languages import direction, language_name, words
from ..readers import typed_line_problem, web_address_problem
from ..regions import COUNTIES, MUNICIPALITIES, code_of, same_name
from ..settings import MAX_SETTING_LINE, Area
from ..structure import today_in_sweden
from ..translations import LOCALES, N_

SKELETON = Path(__file__).resolve().parent.parent / "skeleton"
OPTIONAL = Path(__file__).resolve().parent.parent / "optional"  # files init adds where it is asked to
# The languages a new site starts with: Swedish, in which the messages are written, then every language the engine has a catalogue for.
LANGUAGES = ("sv", *sorted(folder.name for folder in LOCALES.iterdir() if (folder / "LC_MESSAGES").is_dir()))
# The site's name and description in each language, from the catalogues.
NAME = N_("Medborgarlöfte %(area)s")
DESCRIPTION = N_(
    "Följ medborgarlöftet för %(area)s i %(municipality)s: vad polisen, kommunen och andra aktörer har lovat att göra, och hur det går."
)
# Where the area is the whole municipality (its name is the municipality's), the municipality is not named twice.
DESCRIPTION_OF_MUNICIPALITY = N_(
    "Följ medborgarlöftet för %(area)s: vad polisen, kommunen och andra aktörer har lovat att göra, och hur det går."
)
# A path of the skeleton holds these where the new site's own values go.
_IN_PATH = re.compile(r"__(period|today)__")


@dataclass(frozen=True)
class Question:
    flag: str
    asked: str  # in a terminal, in Swedish
    what: str  # named where it is missing
    check: Callable[[str], str | None]  # what is wrong with an answer, or None


def _line(answer: str) -> str | None:
    return typed_line_problem(answer, MAX_SETTING_LINE)


def _address(answer: str) -> str | None:
    return web_address_problem(answer.strip())


def _municipality_code(answer: str) -> str | None:
    if not re.fullmatch(r"\d{4}", answer.strip()):
        return "förväntade kommunkoden, fyra siffror, t.ex. 0180 (SCB:s kommunkoder)"
    return (
        None
        if answer.strip()[:2] in COUNTIES
        else "ligger inte i något län: en kommunkod börjar med länskoden, t.ex. 0180 i län 01"
    )


def _yes_or_no(answer: str) -> str | None:
    return None if answer.strip().lower() in ("ja", "j", "nej", "n") else "förväntade ja eller nej"


QUESTIONS = (
    Question("name", "Områdets namn (t.ex. Norrby centrum)", "områdets namn", _line),
    Question(
        "site-url",
        "Adressen sajten publiceras på (t.ex. https://kommunen.github.io/medborgarlofte/)",
        "adressen sajten publiceras på",
        _address,
    ),
    Question("municipality", "Kommunens namn (t.ex. Norrby)", "kommunens namn", _line),
    Question("municipality-code", "Kommunkoden, fyra siffror (SCB:s, t.ex. 0180)", "kommunkoden", _municipality_code),
    Question(
        "paper-letters",
        "Delas informationsbreven också ut på papper? (ja/nej)",
        "ja eller nej: delas informationsbreven också ut på papper",
        _yes_or_no,
    ),
)


def run(
    folder: Path,
    given: dict[str, str | None],
    today: date,
    ask: Callable[[str], str] | None = None,
    engine: str | None = None,
    minority: str | None = None,
) -> int:
    """Make the site in folder (new or empty) from the answers given; ask (input) for the others, where there is a terminal.
    engine: the requirement that installs the engine, where it is not this version from the package index."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(f"init: {folder} finns redan och är inte tom (ange en ny mapp: inget skrivs över)", file=sys.stderr)
        return 2
    answers: dict[str, str] = {}
    problems = []
    source = engine_source(engine, Path.cwd()) if engine is not None else None
    if isinstance(source, str):
        problems.append(f"--engine: fick {engine!r} ({source})")
    for question in QUESTIONS:
        answer = given.get(question.flag)
        while answer is None and ask is not None:
            answer = ask(f"{question.asked}: ").strip()
            if (wrong := question.check(answer)) is not None:
                print(f"  {wrong}", file=sys.stderr)
                answer = None
        if answer is None:
            problems.append(f"--{question.flag} saknas ({question.what})")
        elif (wrong := question.check(answer)) is not None:
            problems.append(f"--{question.flag}: fick {answer!r} ({wrong})")
        else:
            answers[question.flag] = answer.strip()
    # The area's name in each other language: a name, so the Swedish one unless another is given (or answered).
    for language in LANGUAGES[1:]:
        flag = f"name-{language}"
        answer = given.get(flag)
        if answer is None and ask is not None and "name" in answers:
            answer = (
                ask(f"Områdets namn på {language_name(language, 'sv')} (Enter: {answers['name']}): ").strip() or None
            )
        if answer is None:
            continue
        if (wrong := _line(answer)) is not None:
            problems.append(f"--{flag}: fick {answer!r} ({wrong})")
        else:
            answers[flag] = answer.strip()
    problems += _against_scb(answers)
    if problems:
        for problem in problems:
            print(f"init: {problem}", file=sys.stderr)
        print(f"{len(problems)} fel. Inget har skrivits.", file=sys.stderr)
        return 2
    chosen = source if isinstance(source, EngineSource) else None
    files: dict[str, str | bytes] = dict(skeleton(answers, today, chosen.line if chosen else None, minority))
    if chosen is not None and chosen.wheel is not None:
        # The third route: the engine's wheel committed with the site, which its workflow installs from there.
        files[f"{WHEEL_FOLDER}/{chosen.wheel.name}"] = chosen.wheel.read_bytes()
    _write(folder, files)
    if answers["municipality-code"] not in MUNICIPALITIES:
        # The area's open data would name a municipality nobody can find; check says so too.
        print(
            f"init: varning: kommunkoden {answers['municipality-code']} finns inte bland SCB:s {len(MUNICIPALITIES)} "
            "kommunkoder; kontrollera den",
            file=sys.stderr,
        )
    print(f"En ny sajt för {answers['name']} finns i {folder}: {len(files)} filer.")
    print(
        f"Nästa steg: läs {folder / 'README.md'}, byt ut mallens exempel i content/ och kör medborgarlofte check där."
    )
    return 0


def _against_scb(answers: dict[str, str]) -> list[str]:
    """The municipality's name and code compared with SCB's table: a code of another municipality is refused; the name
    of one SCB has is written as SCB writes it."""
    code, named = answers.get("municipality-code"), answers.get("municipality")
    if code is None or named is None:
        return []
    official = MUNICIPALITIES.get(code)
    if official is None:
        return []  # said once the site is written (run)
    if same_name(named, official):
        answers["municipality"] = official  # as SCB writes it
        return []
    known = code_of(named)
    hint = f"; {named} har kod {known}" if known else ""
    return [f"--municipality-code: fick {code!r}, som är koden för {official} enligt SCB, inte för {named}{hint}"]


def skeleton(
    answers: dict[str, str], today: date, engine: str | None = None, minority: str | None = None
) -> dict[str, str]:
    """The new site's files by their paths: the skeleton rendered with the area's answers. engine: the line of
    requirements.txt that installs the engine, where it is not this version from the package index."""
    code = answers["municipality-code"]
    area = Area(
        name=answers["name"],
        municipality=answers["municipality"],
        municipality_code=code,
        county=COUNTIES[code[:2]],
        county_code=code[:2],
        paper_letters=answers["paper-letters"].lower().startswith("j"),
    )
    area_names = {language: answers.get(f"name-{language}") or area.name for language in LANGUAGES}
    described = DESCRIPTION_OF_MUNICIPALITY if area.name.casefold() == area.municipality.casefold() else DESCRIPTION
    values = {
        "area": area,
        "site_url": answers["site-url"].rstrip("/") + "/",
        "area_names": area_names,
        "language_names": {language: language_name(language, "sv") for language in LANGUAGES},
        "names": {language: words(language).gettext(NAME) % {"area": area_names[language]} for language in LANGUAGES},
        "descriptions": {
            language: words(language).gettext(described)
            % {"area": area_names[language], "municipality": area.municipality}
            for language in LANGUAGES
        },
        "languages": LANGUAGES,
        "period": str(today.year),
        "today": today.isoformat(),
        "engine": versions.ENGINE,
        "engine_requirement": engine or f"{versions.PACKAGE}=={versions.ENGINE}",
        "engine_pinned": engine is None,
        "format": versions.FORMAT,
    }
    environment = presentation.skeleton()
    files = {}
    for source in sorted(path for path in SKELETON.rglob("*") if path.is_file()):
        relative = _IN_PATH.sub(lambda found: str(values[found.group(1)]), source.relative_to(SKELETON).as_posix())
        files[relative] = environment.from_string(source.read_text(encoding="utf-8")).render(values)
    if minority is not None:
        files.update(_minority_page(minority, area, files["mkdocs.yml"]))
    return files


def minority_page_name(code: str) -> str:
    """The page of basic information in a national minority language, by the language's Swedish name: finska.md."""
    name = minorities.LANGUAGES[code].name
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().replace(" ", "-") + ".md"


def _minority_page(code: str, area: Area, settings: str) -> dict[str, str]:
    """A template of a page of basic information in a national minority language, for the area's translator, linked
    from the menu. The engine writes no text in the language: the page says in Swedish that it is still to be written,
    and the headings the translator fills in are in a comment that check points to until the template is gone."""
    language = minorities.LANGUAGES[code]
    page = minority_page_name(code)
    template = (OPTIONAL / "minority_page.md.j2").read_text(encoding="utf-8")
    text = presentation.skeleton().from_string(template).render(language=language, area=area, direction=direction(code))
    listed = "      - Integritet och kakor: integritet.md\n"
    settings = settings.replace(listed, f"{listed}      - Information på {language.name}: {page}\n")
    return {f"docs/{page}": text, "mkdocs.yml": settings}


def _write(folder: Path, files: dict[str, str | bytes]) -> None:
    """All of the files or none: written beside the folder, then moved into it."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        if folder.exists():
            folder.rmdir()  # empty, as run made sure
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


HELP = "skapa en ny sajt för ett område i en ny mapp: inställningar, exempelinnehåll, README och publiceringsflöde"
IN_PROJECT = False  # it makes a project: no content folder or settings to name


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="MAPP", help="mappen som skapas (ny eller tom)")
    for question in QUESTIONS:
        parser.add_argument(
            f"--{question.flag}", metavar="SVAR", help=f"{question.asked}; frågas i en terminal om den inte anges"
        )
    for language in LANGUAGES[1:]:
        parser.add_argument(
            f"--name-{language}",
            metavar="NAMN",
            help=f"områdets namn på {language_name(language, 'sv')} (standard: det svenska namnet)",
        )
    parser.add_argument(
        "--minority-language",
        choices=list(minorities.LANGUAGES),
        metavar="KOD",
        help="lägg till en mall till en sida med grundläggande information på ett nationellt minoritetsspråk: "
        + ", ".join(f"{code} ({language.name})" for code, language in minorities.LANGUAGES.items()),
    )
    parser.add_argument(
        "--engine",
        metavar="KRAV",
        help=f"var motorn installeras från, i requirements.txt: {versions.PACKAGE}==VERSION från PyPI (standard: "
        f"{versions.ENGINE}), https-adressen till motorns wheel, eller sökvägen till motorns wheel på den här datorn, "
        f"som kopieras in i sajtens mapp {WHEEL_FOLDER}/",
    )


def main(args: argparse.Namespace) -> int:
    given = {question.flag: getattr(args, question.flag.replace("-", "_")) for question in QUESTIONS}
    given |= {f"name-{language}": getattr(args, f"name_{language}") for language in LANGUAGES[1:]}
    return run(
        Path(args.folder),
        given,
        today_in_sweden(),
        ask=input if sys.stdin.isatty() else None,
        engine=args.engine,
        minority=args.minority_language,
    )
