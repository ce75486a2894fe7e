"""`index`: the national index, built from the open data of the areas' sites that a sources file lists.

Read every source (sources) -> one model of every area (model) -> each language's files (generate) -> a renderer,
as `build` does for one area. The index's own settings and hand-written pages are the engine's (national/skeleton/),
copied into a work folder that the run keeps for itself; the out folder is replaced only once all is rendered.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from .. import addresses as at
from .. import terminal
from ..errors import ContentErrors
from ..generators.cards import NoTextLayout
from ..national import generate, model, sources
from ..project import Project
from ..rendering import RENDERERS, RenderFailed
from ..structure import TIMEZONE
from ..terminal import counted, table_cell, workflow_data, workflow_property
from ..writers import WORK, Busy
from . import NO_TEXT_LAYOUT, RENDERER_HELP, site_address

SKELETON = Path(__file__).resolve().parent.parent / "national" / "skeleton"
FORMATS = ("text", "github")
# A source read well whose own address leads nowhere: shown, and said.
PLACEHOLDER = "sajtens adress %(address)s är en platshållare, så indexets länkar tillbaka till områdets sidor leder ingenstans (site_url i områdets mkdocs.yml)"
# What each state of a source is called in the run's summary.
SAID = {
    sources.READ: "lästa",
    sources.UNCHANGED: "oförändrade",
    sources.SLOW: "långsamma",
    sources.STALE: "från den senaste goda kopian",
    sources.FAILED: "kunde inte läsas",
}


def build_index(
    sources_file: Path,
    out: Path,
    work: Path,
    now: datetime,
    site_url: str | None = None,
    timeout: float = sources.TIMEOUT_SECONDS,
    engine: str | None = None,
) -> model.Index:
    """Read straight through: every source, then the model, then each language's files, then render into out.

    work holds the cache of each source's last good copy and the index's project; local sources are folders relative
    to the sources file's own. engine renders the pages, by default as the index's own mkdocs.yml says (MkDocs).
    """
    listed = sources.read_sources_file(sources_file)
    folder = work / "project"
    # The engine's settings and pages for the index, anew each time: an upgraded engine brings its own.
    shutil.rmtree(folder / "docs", ignore_errors=True)
    shutil.copytree(SKELETON / "docs", folder / "docs")
    shutil.copy2(SKELETON / "mkdocs.yml", folder / "mkdocs.yml")
    project = Project.open(folder / "mkdocs.yml", site_url=site_url)
    settings = project.settings
    project.read_caches()
    today = now.date()
    codes = tuple(language.code for language in settings.languages)
    cache = sources.Cache(work / "cache")
    readings = []
    for reading in sources.read_all(listed, cache, sources_file.parent, now, timeout, codes):
        # Data the model cannot be made from is the source's problem; data it can becomes the last good copy.
        if (problem := model.problem_with(reading, codes)) is not None:
            reading = replace(
                reading,
                state=sources.FAILED,
                data=None,
                translations={},
                read_at=None,
                copies=(),
                problem="; ".join(filter(None, (reading.problem, problem))),
            )

        sources.keep(cache, reading)
        readings.append(reading)
    sites = []
    summarised: model.Index | None = None  # the first language's, at the root: what the run's summary reports
    for site in project.languages():
        # Each area as its own site shows it in the language, where it has the language.
        index = model.build_index(readings, now, site.language)
        summarised = summarised or index
        sites.append(
            (site, {at.in_generated(path): text for path, text in generate.generate(index, site, today).items()})
        )
    project.publish(sites, out, today, engine)
    assert summarised is not None  # a site has at least its first language
    return replace(summarised, address=settings.url)


def summary(index: model.Index) -> list[str]:
    """The run's summary in Swedish: what the index holds, how each kind of source went, then each source with a problem."""
    periods = sum(len(area.periods) for area in index.areas)
    commitments = sum(len(p.commitments) for area in index.areas for p in area.periods)
    lines = [
        f"{counted(len(index.areas), 'område', 'områden')}, {counted(periods, 'löfte', 'löften')}, {counted(commitments, 'åtagande', 'åtaganden')}."
    ]
    counts = {state: sum(1 for report in index.reports if report.state == state) for state in sources.STATES}
    said = [f"{count} {SAID[state]}" for state, count in counts.items() if count]
    lines.append("Källor: " + ", ".join(said) + "." if said else "Källfilen anger inga källor.")
    for report in index.reports:
        if report.problem:
            kept = (
                f" (den senaste goda kopian, från {report.read_at:%Y-%m-%d}, används)"
                if report.state == sources.STALE and report.read_at
                else ""
            )
            lines.append(f"rad {report.line}: {report.given}: {report.problem}{kept}")
        if report.placeholder:
            lines.append(f"rad {report.line}: {report.given}: {PLACEHOLDER % {'address': report.source}}")
    return lines


def run(
    sources_file: Path, out: Path, work: Path, site_url: str | None, output: str = "text", engine: str | None = None
) -> int:
    now = datetime.now(TIMEZONE).replace(microsecond=0)
    try:
        index = build_index(sources_file, out, work, now, site_url, engine=engine)
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.errors)} fel. Det byggda indexet är orört.", file=sys.stderr)
        return 1
    except (RenderFailed, Busy) as exc:
        print(f"Indexet kunde inte byggas: {exc}. Det byggda indexet är orört.", file=sys.stderr)
        return 1
    except NoTextLayout:
        print(f"{NO_TEXT_LAYOUT} Det byggda indexet är orört.", file=sys.stderr)
        return 1
    lines = summary(index)
    print(f"Indexet är byggt i {out}/: " + lines[0])
    for line in lines[1:]:
        print(line)
    if at.is_placeholder(index.address):
        # Feeds, data and shared links name the index's own address: a placeholder would send readers nowhere.
        print(
            f"varning: indexet är byggt för platshållaradressen {index.address}; ange adressen det publiceras på med --site-url"
        )
    if output == "github":
        for report in index.reports:
            if report.placeholder:
                terminal.command(
                    f"::warning file={workflow_property(str(sources_file))},line={report.line},title={workflow_property(report.given)}::"
                    f"{workflow_data(PLACEHOLDER % {'address': report.source})}"
                )
            if report.problem:
                level = "error" if report.state == sources.FAILED else "warning"
                terminal.command(
                    f"::{level} file={workflow_property(str(sources_file))},line={report.line},title={workflow_property(report.given)}::{workflow_data(report.problem)}"
                )
        if summary_file := os.environ.get("GITHUB_STEP_SUMMARY"):
            with open(summary_file, "a", encoding="utf-8") as stream:
                stream.write(step_summary(index))
    return 0


def step_summary(index: model.Index) -> str:
    """The run's summary as Markdown for the workflow run's page: a line of figures, and a table of the sources with a problem."""
    lines = summary(index)
    text = ["## Indexet är byggt", "", lines[0], "", lines[1], ""]
    if problems := [report for report in index.reports if report.problem]:
        text += ["| Rad | Källa | Läget | Vad som hände |", "|---:|---|---|---|"]
        text += [f"| {r.line} | {table_cell(r.given)} | {SAID[r.state]} | {table_cell(r.problem)} |" for r in problems]
        text.append("")
    return "\n".join(text) + "\n"


HELP = "bygg det nationella indexet över alla områdens löften från deras öppna data"
IN_PROJECT = False  # its project is the engine's own, in its work folder


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sources",
        required=True,
        metavar="FIL",
        help="källfilen: en sajts adress eller en mapp med en byggd sajt per rad",
    )
    parser.add_argument(
        "--out", required=True, metavar="MAPP", help="mappen indexet byggs till (ersätts först när allt är byggt)"
    )
    parser.add_argument("--site-url", type=site_address, metavar="ADRESS", help="adressen indexet publiceras på")
    parser.add_argument(
        "--work",
        default=f"{WORK}/index",
        metavar="MAPP",
        help=f"där varje källas senaste goda kopia sparas, och indexets arbetsfiler (standard: {WORK}/index)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=FORMATS[0],
        metavar="FORMAT",
        help="text (standard), eller github: varje källa med problem också som en anteckning, och en sammanfattning på körningens sida",
    )
    parser.add_argument("--engine", choices=RENDERERS, metavar="MOTOR", help=RENDERER_HELP)


def main(args: argparse.Namespace) -> int:
    return run(Path(args.sources), Path(args.out), Path(args.work), args.site_url, args.format, args.engine)
