"""`check`: validate the content and print a short summary, or every problem found."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from contextlib import nullcontext
from datetime import date
from importlib import metadata
from pathlib import Path

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from .. import addresses as at
from .. import minorities, terminal, translated, versions
from ..contents import load
from ..engine_requirement import engine_pin
from ..errors import WHOLE_FILE, ContentError, ContentErrors
from ..generators import cards
from ..languages import language_name
from ..plainlanguage import EASY_READ_LIX, hardest_sentences, lix
from ..readers import read_markdown, read_yaml, regular_files
from ..regions import IN_FORCE_SINCE, MUNICIPALITIES, SOURCE
from ..settings import Settings, read_settings
from ..structure import Content, TranslationReview, today_in_sweden
from ..terminal import counted, table_cell, workflow_data, workflow_property
from . import NO_TEXT_LAYOUT

# The line that marks text of a new site's skeleton (init) still to be replaced: each one left is warned about.
TEMPLATE_MARK = "# MALL:"
FORMATS = (
    "text",
    "github",
)  # github: also each problem as an annotation on its file and line, and a summary on the run's page


def run(content_dir: Path, shown_as: str, settings: Settings, config_shown_as: str, output: str = "text") -> int:
    warnings: list[ContentError] = []
    # docs/ is published as it is: a link there is an error as it is in content/ (the build stops on it too).
    linked = (
        regular_files(settings.docs_dir, settings.docs_dir.name, hidden=True)[1] if settings.docs_dir.is_dir() else []
    )
    try:
        try:
            content = load(
                content_dir,
                shown_as,
                warnings,
                language=settings.language,
                languages=[entry.code for entry in settings.languages],
            )
        except ContentErrors as exc:
            raise ContentErrors([*exc.errors, *linked]) from None
        if linked:
            raise ContentErrors(linked)
    except ContentErrors as exc:
        if output == "github":
            _annotate(exc.errors, sorted(warnings), shown_as)
        with terminal.workflow_log() if output == "github" else nullcontext():
            print(exc, file=sys.stderr)
            print(f"{len(exc.errors)} fel i {shown_as}. Inget har skrivits.", file=sys.stderr)
        return 1
    warnings += template_text(content_dir, shown_as)
    warnings += template_text(
        settings.docs_dir, Path(config_shown_as).parent.joinpath(settings.docs_dir.name).as_posix()
    )
    warnings += template_lines(Path(config_shown_as), config_shown_as)
    if output == "github":
        _annotate((), sorted(warnings), shown_as)
    with terminal.workflow_log() if output == "github" else nullcontext():
        _report(content, content_dir, shown_as, settings, config_shown_as, warnings)
    return 0


def template_text(content_dir: Path, shown_as: str) -> list[ContentError]:
    """Each line of a new site's template (`init`) still in the content: the text around it is still to be written."""
    found = []
    for path in sorted(content_dir.rglob("*")):
        if path.suffix in (".yaml", ".md") and path.is_file():
            found += template_lines(path, f"{shown_as}/{path.relative_to(content_dir).as_posix()}")
    return found


def template_lines(path: Path, shown_as: str) -> list[ContentError]:
    """Each line of a file that init marked as the template's (# MALL:), the settings' included."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    return [
        ContentError(
            shown_as,
            number,
            TEMPLATE_MARK.rstrip(":"),
            "mallens text finns kvar (skriv områdets egen och ta sedan bort raden)",
        )
        for number, line in enumerate(lines, start=1)
        if line.lstrip().startswith(TEMPLATE_MARK)
    ]


def _report(
    content: Content,
    content_dir: Path,
    shown_as: str,
    settings: Settings,
    config_shown_as: str,
    warnings: list[ContentError],
) -> None:
    print(summary(content, shown_as))
    print(readability(content, settings.lix_limit, content_dir, shown_as))
    for line in easy_read(content, today_in_sweden(), content_dir, shown_as):
        print(line)
    for line in untranslated(content, [entry.code for entry in settings.languages[1:]], content_dir, shown_as):
        print(line)
    if at.is_placeholder(settings.url):
        print(
            f"varning: {config_shown_as}: site_url: {settings.url} är en platshållare (skriv sajtens riktiga adress; den står i flöden, öppna data och kalendern)"
        )
    if settings.editor and settings.editor.repo.split("/")[0] == "example":
        print(
            f"varning: {config_shown_as}: extra.editor.repo: {settings.editor.repo} är en platshållare (skriv GitHub-förrådet som redigeraren på /admin/ sparar i)"
        )
    if settings.editor and not settings.editor.auth_url:
        print(
            f"varning: {config_shown_as}: extra.editor.auth_url saknas: redigeraren på /admin/ går bara att använda på den egna datorn "
            "(make edit) (skriv adressen till en egen inloggningsserver; handbok/skriva-och-publicera.md: Inloggning i drift)"
        )
    if settings.area and settings.area.municipality_code not in MUNICIPALITIES:
        print(
            f"varning: {config_shown_as}: extra.area.municipality_code: {settings.area.municipality_code} finns inte "
            f"bland SCB:s {len(MUNICIPALITIES)} kommunkoder (indelningen sedan {IN_FORCE_SINCE}: {SOURCE}); "
            "öppna data och det nationella indexet hittar inte kommunen"
        )
    if settings.area is None:
        print(
            f"varning: {config_shown_as}: extra.area saknas (skriv områdets namn, kommun och län med SCB:s koder: de står i öppna data)"
        )
    for line in minority_languages(settings, config_shown_as):
        print(line)
    if not (settings.area and settings.area.contact) and not any(actor.url for actor in content.actors.values()):
        print(
            f"varning: {config_shown_as}: extra.area.contact saknas och ingen aktör har url: Lättläst-sidan säger att "
            "det saknas hur man kontaktar dem som gav löftet (skriv en e-postadress eller en kontaktsida som börjar med "
            "https://; handbok/infora-motorn.md: Ta motorn till ett annat område)"
        )
    if missing := settings.accessibility.missing:
        print(
            f"varning: {config_shown_as}: extra.accessibility saknar {', '.join(missing)}: tillgänglighetsredogörelsen "
            "säger att de uppgifterna saknas (skriv dem; handbok/infora-motorn.md: Tillgänglighetsredogörelsen)"
        )
    if (pinned := engine_pinned(Path(config_shown_as).parent / "requirements.txt")) is not None:
        print(f"varning: {pinned}")
    for untested in untested_renderers():
        print(f"varning: {untested}")
    if not cards.can_lay_out_text():
        print(
            f"varning: {NO_TEXT_LAYOUT} Utan det stannar build när en ny delningsbild ska ritas, utan att skriva "
            "något: den senast byggda sajten står kvar."
        )
    if settings.format is None:
        print(
            f"varning: {config_shown_as}: extra.format saknas (skriv innehållsformatet sajten är skriven i, format: {versions.FORMAT}, så att en ny motor kan säga vad som ska ändras)"
        )
    if invented := content.examples():
        print(
            f"varning: {shown_as}: {invented} uppgifter är märkta som påhittade exempel (example: true) och visas som Exempel "
            "(byt ut dem mot riktiga uppgifter och ta bort raden, eller låt dem stå kvar som exempel)"
        )
    for warning in sorted(warnings):
        print(f"varning: {warning}")


def engine_pinned(requirements: Path) -> str | None:
    """What to say when the engine that runs is not the one the site's requirements.txt installs (as its workflow does):
    the site would then be published by another engine than the one it was checked with here."""
    try:
        lines = requirements.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, start=1):
        text = line.split(" #", 1)[0].strip()
        pin = engine_pin(text)
        version = pin.version if pin else None
        if version is not None and version != versions.ENGINE:
            return (
                f"{requirements}:{number}: requirements.txt installerar motorn {version}, men det är {versions.PACKAGE} {versions.ENGINE} som kör "
                f"(kör pip install -r requirements.txt, eller skriv {versions.PACKAGE}=={versions.ENGINE} där om sajten ska byggas med den här)"
            )
    return None


def untested_renderers() -> list[str]:
    """What to say of each renderer installed at a version outside the range this engine is tested with."""
    said = []
    for package, tested in versions.TESTED_RENDERERS.items():
        try:
            installed = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
        if Version(installed) not in SpecifierSet(tested):
            said.append(
                f"{package} {installed} är installerad, men motorn {versions.ENGINE} är prövad med {package}{tested} "
                f"(sajten kan se annorlunda ut; installera om med pip install -r requirements.txt, eller pröva bygget noga)"
            )
    return said


def _annotate(errors: Sequence[ContentError], warnings: Sequence[ContentError], shown_as: str) -> None:
    """GitHub Actions' workflow commands: each problem on its file and line of a pull request, and a summary in Swedish
    on the run's page (the file GITHUB_STEP_SUMMARY names, when the check runs in a workflow)."""
    for level, problems in (("error", errors), ("warning", warnings)):
        for problem in problems:
            # The annotation's title: the field, or for a problem of the whole file, the file's name.
            title = problem.path.rsplit("/", 1)[-1] if problem.field == WHOLE_FILE else problem.field
            terminal.command(
                f"::{level} file={workflow_property(problem.path)},line={problem.line},title={workflow_property(title)}::{workflow_data(problem.message)}"
            )
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        with open(summary_file, "a", encoding="utf-8") as stream:
            stream.write(step_summary(errors, warnings, shown_as))


def step_summary(errors: Sequence[ContentError], warnings: Sequence[ContentError], shown_as: str) -> str:
    """What the check found, as Markdown for the run's page: a table of every problem, with where to mend it."""
    if errors:
        lines = [
            f"## {len(errors)} fel i innehållet",
            "",
            f"Innehållet i {shown_as} kan inte publiceras förrän felen är rättade. Varje fel står också vid sin rad i filen under fliken *Files changed*.",
            "",
        ]
    else:
        lines = ["## Innehållet är giltigt", "", f"Innehållet i {shown_as} kan publiceras.", ""]
    if problems := [("Fel", problem) for problem in errors] + [("Varning", problem) for problem in warnings]:
        lines += ["| | Fil | Rad | Fält | Vad som är fel |", "|---|---|---:|---|---|"]
        lines += [
            f"| {what} | {table_cell(problem.path)} | {problem.line} | {table_cell(problem.field)} | {table_cell(problem.message)} |"
            for what, problem in problems
        ]
        lines.append("")
    return "\n".join(lines) + "\n"


def readability(content: Content, limit: int, content_dir: Path, shown_as: str) -> str:
    """LIX of each update's summary and text; below 40 is easy, over 50 hard (klarspråk). Over the limit, the hardest sentences and their lines."""
    lines = [f"Läsbarhet (LIX, varning över {limit}):"]
    for update in content.updates:
        score = lix(f"{update.summary}\n\n{update.body}")
        grade = "" if score is None else "lättläst" if score < 40 else "medelsvår" if score <= 50 else "svår"
        warning = f"  varning: över {limit}, skriv enklare" if score is not None and score > limit else ""
        lines.append(f"  {update.id}: {score if score is not None else '-'} ({grade}){warning}")
        if warning:
            path = next((content_dir / "updates").rglob(f"{update.id}.md"))
            shown = f"{shown_as}/{path.relative_to(content_dir).as_posix()}"
            body_line = read_markdown(path, shown).body_line
            lines += [
                f"    {shown}:{body_line + s.line}: LIX {s.score}: {s.text}" for s in hardest_sentences(update.body)
            ]
    return "\n".join(lines)


def minority_languages(settings: Settings, config_shown_as: str) -> list[str]:
    """The national minority languages the area's municipality is expected to inform in (an administrative area under
    lag 2009:724), where the site has none of the language's codes."""
    if settings.area is None:
        return []
    codes = {language.code for language in settings.languages}
    return [
        f"varning: {config_shown_as}: extra.area: {settings.area.municipality} ({settings.area.municipality_code}) ingår i "
        f"förvaltningsområdet för {area.language}, så kommunen förväntas informera på {area.language} "
        f"(källa: {area.source}, {area.as_of}); sajten har inget av språken {', '.join(area.codes)} (lägg till ett "
        "under extra.languages med en katalog; handbok/infora-motorn.md: Nationella minoritetsspråk)"
        for area in minorities.expected_languages(settings.area.municipality_code)
        if not codes & set(area.codes)
    ]


def easy_read(content: Content, today: date, content_dir: Path, shown_as: str) -> list[str]:
    """LIX of each promise's easy-to-read text, with the hardest sentences where it is over EASY_READ_LIX; a warning for
    a running or coming promise that has none."""
    lines = []
    for period in content.periods.values():
        path = next((content_dir / "periods").rglob(f"{period.id}.yaml"), None)
        shown = (
            f"{shown_as}/{path.relative_to(content_dir).as_posix()}" if path else f"{shown_as}/periods/{period.id}.yaml"
        )
        if period.easy_read is None:
            if period.phase(today) != "ended":
                lines.append(
                    f"varning: {shown}: easy_read saknas: löftet har ingen lättläst text, och sidan Lättläst säger det "
                    "(skriv den; handbok/skriva-och-publicera.md: Lättläst)"
                )
            continue
        score = lix(period.easy_read)
        lines.append(
            f"Lättläst ({period.id}): LIX {score if score is not None else '-'} (varning över {EASY_READ_LIX})"
        )
        if score is not None and score > EASY_READ_LIX:
            first = read_yaml(path, shown).text_line(("easy_read",)) if path else 1
            lines.append(
                f"varning: {shown}:{first}: easy_read har LIX {score}, över {EASY_READ_LIX}: skriv kortare meningar och vanligare ord"
            )
            lines += [
                f"    {shown}:{first + s.line}: LIX {s.score}: {s.text}" for s in hardest_sentences(period.easy_read)
            ]
    return lines


def untranslated(content: Content, languages: list[str], content_dir: Path, shown_as: str) -> list[str]:
    """Information, not errors: how much of the content each other language has, and each text it lacks."""
    lines = []
    for language in languages:
        done, total = translated.share_translated(content, language)
        name = language_name(language, "sv")
        review = content.reviews.get(language, TranslationReview())
        said = [
            f"{name.capitalize()} ({language}): {done} av {total} texter är översatta, och {review.reviewed} av dem är granskade mot originalet."
        ]
        if review.outdated:
            said.append(
                f"{counted(len(review.outdated), 'översatt text är inaktuell', 'översatta texter är inaktuella')}: originalet har ändrats sedan översättningen granskades."
            )
        if review.unreviewed:
            said.append(
                f"{counted(len(review.unreviewed), 'fil eller post är inte granskad', 'filer eller poster är inte granskade')} än "
                "(kör medborgarlofte reviewed FIL när en översättning är granskad mot originalet)."
            )
        said.append("Det som saknas eller är inaktuellt visas på svenska, med en upplysning om det.")
        lines.append(" ".join(said))
        folder = f"{shown_as}/{translated.FOLDER}/{language}"
        for file, item_id, field in review.outdated:
            lines.append(
                f"  inaktuell: {folder}/{_where(content_dir, file, item_id)}: {field} (originalet har ändrats sedan översättningen granskades)"
            )
        for file, item_id, fields in translated.missing(content, language):
            lines.append(
                f"  info: {folder}/{_where(content_dir, file, item_id)}: {', '.join(fields)} saknar översättning"
            )
    return lines


def _where(content_dir: Path, file: str, item_id: str) -> str:
    """An item's place in a translation's folder: its id in a registry, else its file's path."""
    return f"{file}: {item_id}" if file.endswith(".yaml") else _path_of(content_dir, file, item_id)


def _path_of(content_dir: Path, folder: str, item_id: str) -> str:
    """Where an item's file is, below its folder, as a translation of it would be."""
    found = next((path for path in sorted((content_dir / folder).rglob(f"{item_id}.*")) if path.stem == item_id), None)
    return found.relative_to(content_dir).as_posix() if found else f"{folder}/{item_id}"


def summary(content: Content, shown_as: str) -> str:
    commitments = content.commitments.values()
    per_actor = Counter(actor for c in commitments for actor in c.actors)
    per_status = Counter(c.status.status if c.status else "ingen status" for c in commitments)
    per_kind = Counter(u.kind for u in content.updates)
    lines = [
        f"Innehållet i {shown_as} är giltigt.",
        "  "
        + ", ".join(
            counted(len(items), one, many)
            for items, one, many in (
                (content.periods, "period", "perioder"),
                (content.actors, "aktör", "aktörer"),
                (content.themes, "tema", "teman"),
                (content.commitments, "åtagande", "åtaganden"),
                (content.updates, "uppdatering", "uppdateringar"),
                (content.indicators, "indikator", "indikatorer"),
            )
        ),
        "Åtaganden per aktör:",
        *(f"  {content.actors[a].short_name}: {n}" for a, n in sorted(per_actor.items())),
        "Åtaganden per status:",
        *(f"  {s}: {n}" for s, n in sorted(per_status.items())),
        "Uppdateringar per typ:",
        *(f"  {k}: {n}" for k, n in sorted(per_kind.items())),
    ]
    return "\n".join(lines)


HELP = "kontrollera innehållet och skriv en sammanfattning"


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=FORMATS[0],
        metavar="FORMAT",
        help="text (standard), eller github: varje fel också som en anteckning vid sin rad i en pull request",
    )


def main(args: argparse.Namespace) -> int:
    return run(Path(args.content), args.content, read_settings(Path(args.config)), args.config, args.format)
