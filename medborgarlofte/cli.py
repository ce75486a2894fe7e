"""The command line: one sub-command per verb, each in medborgarlofte/commands/."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import NoReturn

from . import terminal, versions
from .commands import announce, build, check, edit, index, init, new, reviewed, schema, serve
from .errors import ContentErrors, did_you_mean
from .languages import language_name
from .readers import web_address_problem
from .rendering import RENDERERS
from .settings import read_settings
from .structure import today_in_sweden
from .writers import WORK


def main(argv: list[str] | None = None) -> int:
    with terminal.guarded():
        return _guarded_main(argv)


def _guarded_main(argv: list[str] | None) -> int:
    try:
        return _main(argv)
    except ContentErrors as exc:  # mkdocs.yml itself is wrong, whatever the command
        print(exc, file=sys.stderr)
        print(f"{len(exc.errors)} fel.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    # The command as it was run: `medborgarlofte` installed, or `build_pages.py` in the engine's own repository.
    parser = _SwedishParser(
        prog=Path(sys.argv[0]).name if argv is None else "medborgarlofte",
        description="Bygger sajten för ett medborgarlöfte.",
    )
    parser.add_argument(
        "--version",
        action="version",
        help="visa motorns version och vilka innehållsformat den läser",
        version=f"medborgarlofte {versions.ENGINE} (läser innehållsformat {', '.join(map(str, versions.READS))})",
    )
    verbs = parser.add_subparsers(
        dest="verb", required=True, title="kommandon", metavar="KOMMANDO", parser_class=_SwedishParser
    )
    check_parser = verbs.add_parser("check", help="kontrollera innehållet och skriv en sammanfattning")
    check_parser.add_argument(
        "--format",
        choices=check.FORMATS,
        default=check.FORMATS[0],
        metavar="FORMAT",
        help="text (standard), eller github: varje fel också som en anteckning vid sin rad i en pull request",
    )
    build_parser = verbs.add_parser(
        "build", help="bygg sajten till site_dir i mkdocs.yml, oftast site/ (ingenting skrivs om något är fel)"
    )
    build_parser.add_argument(
        "--site-url", metavar="ADRESS", help="adressen sajten publiceras på, i stället för site_url i mkdocs.yml"
    )
    renderer_help = (
        "vad som renderar sidorna, i stället för extra.renderer i mkdocs.yml: mkdocs (standard), zensical, Materials efterträdare, "
        "eller properdocs, en underhållen kopia av MkDocs (se README)"
    )
    build_parser.add_argument("--engine", choices=RENDERERS, metavar="MOTOR", help=renderer_help)
    serve_parser = verbs.add_parser(
        "serve", help="förhandsvisa sajten lokalt, med utkast; byggs om när innehållet ändras"
    )
    serve_parser.add_argument("--port", type=int, default=8000, help="porten på 127.0.0.1 (standard: 8000)")
    edit_parser = verbs.add_parser(
        "edit", help="redigeraren på den här datorn: sajten på 127.0.0.1 och /admin/, som sparar i innehållsmappen"
    )
    edit_parser.add_argument("--port", type=int, default=8000, help="porten på 127.0.0.1 (standard: 8000)")
    new_parser = verbs.add_parser(
        "new", help='skapa en uppdatering: new KIND "Titel", eller en statusändring: new status ID STATUS "kommentar"'
    )
    new_parser.add_argument(
        "kind", metavar="TYP", help="informationsbrev, medborgardialog, nyhet, uppföljning eller status"
    )
    new_parser.add_argument("words", nargs="+", metavar="TEXT", help='"Titel", eller ID STATUS "kommentar" för status')
    new_parser.add_argument(
        "--digest", action="store_true", help="fyll informationsbrevet med allt som hänt sedan förra brevet"
    )
    new_parser.add_argument(
        "--date",
        metavar="DAG",
        help="för en statusändring: dagen det hände, ÅÅÅÅ-MM-DD (standard: i dag; frågas för ett löfte som har slutat)",
    )
    verbs.add_parser("schema", help="skriv JSON Schema för innehållsfilerna till schemas/")
    announce_parser = verbs.add_parser(
        "announce",
        help="efter publiceringen: meddela WebSub-navet om ändrade flöden och lägg ut nya inlägg på Mastodon",
    )
    announce_parser.add_argument(
        "--site", metavar="MAPP", help="den publicerade sajten (standard: site_dir i mkdocs.yml)"
    )
    reviewed_parser = verbs.add_parser(
        "reviewed", help="skriv in i översättningarna att de är granskade mot originalen som de är nu"
    )
    reviewed_parser.add_argument(
        "paths", nargs="+", metavar="FIL", help="översättningsfiler eller mappar under content/translations/SPRÅK/"
    )
    for sub in verbs.choices.values():
        sub.add_argument("--content", default="content", metavar="MAPP", help="mappen med innehåll (standard: content)")
        sub.add_argument(
            "--config", default="mkdocs.yml", metavar="FIL", help="sajtens inställningar (standard: mkdocs.yml)"
        )
    init_parser = verbs.add_parser(
        "init",
        help="skapa en ny sajt för ett område i en ny mapp: inställningar, exempelinnehåll, README och publiceringsflöde",
    )
    init_parser.add_argument("folder", metavar="MAPP", help="mappen som skapas (ny eller tom)")
    for question in init.QUESTIONS:
        init_parser.add_argument(
            f"--{question.flag}", metavar="SVAR", help=f"{question.asked}; frågas i en terminal om den inte anges"
        )
    for language in init.LANGUAGES[1:]:
        init_parser.add_argument(
            f"--name-{language}",
            metavar="NAMN",
            help=f"områdets namn på {language_name(language, 'sv')} (standard: det svenska namnet)",
        )
    init_parser.add_argument(
        "--engine",
        metavar="KRAV",
        help=f"var motorn installeras från, i requirements.txt: ett krav som pip förstår eller adressen "
        f"till motorns wheel (standard: {versions.PACKAGE}=={versions.ENGINE} från PyPI)",
    )
    index_parser = verbs.add_parser(
        "index", help="bygg det nationella indexet över alla områdens löften från deras öppna data"
    )
    index_parser.add_argument(
        "--sources",
        required=True,
        metavar="FIL",
        help="källfilen: en sajts adress eller en mapp med en byggd sajt per rad",
    )
    index_parser.add_argument(
        "--out", required=True, metavar="MAPP", help="mappen indexet byggs till (ersätts först när allt är byggt)"
    )
    index_parser.add_argument("--site-url", metavar="ADRESS", help="adressen indexet publiceras på")
    index_parser.add_argument(
        "--work",
        default=f"{WORK}/index",
        metavar="MAPP",
        help=f"där varje källas senaste goda kopia sparas, och indexets arbetsfiler (standard: {WORK}/index)",
    )
    index_parser.add_argument(
        "--format",
        choices=index.FORMATS,
        default=index.FORMATS[0],
        metavar="FORMAT",
        help="text (standard), eller github: varje källa med problem också som en anteckning, och en sammanfattning på körningens sida",
    )
    index_parser.add_argument("--engine", choices=RENDERERS, metavar="MOTOR", help=renderer_help)
    args = parser.parse_args(argv)
    # An address given on the command line is published in every page's head, feeds and data: held to the same rules
    # as site_url in mkdocs.yml, and said wrong before anything is read.
    if (
        args.verb in ("build", "index")
        and args.site_url is not None
        and (wrong := web_address_problem(args.site_url)) is not None
    ):
        parser.error_in_swedish(f"--site-url: fick {args.site_url!r} ({wrong})")
    if args.verb == "index":
        return index.run(Path(args.sources), Path(args.out), Path(args.work), args.site_url, args.format, args.engine)
    if args.verb == "init":
        given = {question.flag: getattr(args, question.flag.replace("-", "_")) for question in init.QUESTIONS}
        given |= {f"name-{language}": getattr(args, f"name_{language}") for language in init.LANGUAGES[1:]}
        return init.run(
            Path(args.folder), given, today_in_sweden(), ask=input if sys.stdin.isatty() else None, engine=args.engine
        )
    content, config = Path(args.content), Path(args.config)
    if args.verb == "check":
        return check.run(content, args.content, read_settings(config), args.config, args.format)
    if args.verb == "build":
        return build.run(content, args.content, config, args.site_url, args.engine)
    if args.verb == "serve":
        return serve.run(content, args.content, config, args.port)
    if args.verb == "edit":
        return edit.run(content, args.content, config, args.port)
    if args.verb == "new":
        return _new(args, content, config)
    if args.verb == "announce":
        return announce.run(config, Path(args.site) if args.site else None)
    if args.verb == "reviewed":
        return reviewed.run(content, args.content, [Path(path) for path in args.paths], read_settings(config).language)
    return schema.run(Path("schemas"))


def _new(args: argparse.Namespace, content: Path, config: Path) -> int:
    if args.kind == "status":
        if len(args.words) not in (2, 3):
            print(
                'new status: ange ID STATUS och en kommentar, t.ex. new status polisen-narvaro genomförd "Klart i maj."',
                file=sys.stderr,
            )
            return 2
        commitment, status, *note = args.words
        return new.new_status(
            content,
            args.content,
            commitment,
            status,
            note[0] if note else "",
            today_in_sweden(),
            args.date,
            ask=input if sys.stdin.isatty() else None,
        )
    language = read_settings(config).language
    return new.new_update(
        content, args.content, args.kind, " ".join(args.words), today_in_sweden(), args.digest, language
    )


class _SwedishFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, prefix="användning: " if prefix is None else prefix)


class _SwedishParser(argparse.ArgumentParser):
    """argparse in Swedish, the language of the people who run these commands: help, usage and every error."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **{**kwargs, "add_help": False, "formatter_class": _SwedishFormatter})
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str) -> NoReturn:
        self.error_in_swedish(_in_swedish(message))

    def error_in_swedish(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")


def _in_swedish(message: str) -> str:
    """argparse's own error messages, said in Swedish."""
    if match := re.match(r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)", message):
        name, value, choices = match.group(1), match.group(2), re.findall(r"'([^']*)'", match.group(3))
        what = "okänt kommando" if name == "KOMMANDO" or name == "verb" else f"{name}: okänt värde"
        return f"{what} '{value}' (förväntade ett av: {', '.join(choices)}{did_you_mean(value, choices)})"
    if match := re.match(r"the following arguments are required: (.*)", message):
        return f"saknas: {match.group(1).replace('KOMMANDO', 'ett kommando')}"
    if match := re.match(r"unrecognized arguments: (.*)", message):
        return f"okända argument: {match.group(1)} (se --help)"
    if match := re.match(r"argument (\S+): invalid int value: '(.*)'", message):
        return f"{match.group(1)}: '{match.group(2)}' är inget heltal"
    if match := re.match(r"argument (\S+): expected one argument", message):
        return f"{match.group(1)}: värdet saknas"
    return message


if __name__ == "__main__":
    sys.exit(main())
