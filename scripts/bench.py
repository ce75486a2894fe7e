#!/usr/bin/env python3
"""Benchmark: synthetic content at 1x, 10x and 100x the Sofielund site, built side by side with two references.

Every time is a whole command as a user runs it, Python's start and the imports included.
Our build runs twice: in Swedish alone, and in the three languages of mkdocs.yml (the content has no
translations, so every other language shows every text as untranslated Swedish, marked as such).
- the floor: MkDocs + Material rendering the same Markdown pages (Swedish) in strict mode, with no generation;
- the other renderers: our build rendered by ProperDocs, and by Zensical cold and warm, instead of MkDocs;
- the preview: one commitment saved while `serve` runs, at 1x and 10x, in one language and in three;
- the peer: the same updates published as a Material user would without this project (Material's blog plugin
  with mkdocs-rss-plugin), at 1x and 10x. It makes far fewer pages, so only its time per HTML file compares.
- search as a resident uses it, in Debian's Chromium: the start page opened, a word typed into the search, until the
  first result shows; what the search fetched for it (Pagefind's script, WebAssembly and index chunks) and how long it
  took, on the three-language site at each scale and on the default site (Sofielund's content) in each of its languages.

Prints a table and writes it to bench-results.md. Run with `make bench` or `python scripts/bench.py [--scales 1 10 100]`;
`make bench QUICK=1` (`--quick`) measures a fifth of 1x alone, without the peer and the preview: every step of the
benchmark on small content, to see that it runs (its figures say little).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medborgarlofte.addresses import SEARCH_FOLDER  # noqa: E402
from tests.conftest import make_project  # noqa: E402  # the same copy of the site's own files as the tests build

TODAY = date(2026, 11, 25)
STATUSES = ["planerad", "pågår", "löpande", "genomförd", "försenad"]
WORDS = (
    "trygghet närvaro samverkan boende området polisen kommunen fastighetsägare kvällar barn unga skola trafik "
    "renhållning dialog torget gatan belysning tillsyn insatser uppföljning"
).split()


def text(seed: int, words: int) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(words)).capitalize() + "."


def synthesize(folder: Path, scale: float) -> dict[str, int]:
    """Content shaped like Sofielund's: 25 commitments and 50 updates per unit of scale, over scale/10 periods."""
    periods = max(1, int(scale // 10))
    commitments, updates = max(1, round(25 * scale)), max(1, round(50 * scale))
    (folder / "periods").mkdir(parents=True)
    (folder / "commitments").mkdir()
    (folder / "updates").mkdir()
    (folder / "indicators").mkdir()
    actors = [f"aktor-{n}" for n in range(6)]
    themes = [f"tema-{n}" for n in range(10)]
    (folder / "actors.yaml").write_text(
        "".join(
            f"{a}:\n  name: Aktör {n}\n  short_name: A{n}\n  organisation: Organisation {n % 3}\n"
            for n, a in enumerate(actors)
        ),
        encoding="utf-8",
    )
    (folder / "themes.yaml").write_text(
        "".join(f"{t}:\n  name: Tema {n}\n" for n, t in enumerate(themes)), encoding="utf-8"
    )
    starts = [date(2016 + p, 4, 1) for p in range(periods)]
    for p, start in enumerate(starts):
        (folder / "periods" / f"period-{p}.yaml").write_text(
            textwrap.dedent(f"""\
            title: Medborgarlöfte {start.year}–{start.year + 1}
            start: {start}
            end: {date(start.year + 1, 3, 31)}
            background: {text(p, 80)}
            focus: {text(p + 1, 60)}
            follow_up: [Resurs och aktivitetsuppföljning, Prestationsuppföljning, Effektuppföljning]
            channels: [Informationsbrev, Medborgardialog]
            signatories:
              - name: Namn {p}
                title: Chef
                organisation: Organisation
            """),
            encoding="utf-8",
        )
    for n in range(commitments):
        p = n % periods
        start = starts[p]
        history = "".join(
            f"  - date: {start + timedelta(days=30 * k + n % 20)}\n    status: {STATUSES[(n + k) % len(STATUSES)]}\n    note: {text(n + k, 8)}\n"
            for k in range(3)
        )
        activities = "".join(
            f"  - date: {start + timedelta(days=40 * k + 5)}\n    text: {text(n * 3 + k, 6)}\n    count: {k + n % 9}\n"
            for k in range(2)
        )
        (folder / "commitments" / f"atagande-{n:05d}.yaml").write_text(
            f"period: period-{p}\nactors: [{actors[n % 6]}]\ntitle: Åtagande {n} {text(n, 5)}\ndescription: {text(n, 40)}\n"
            f"themes: [{themes[n % 10]}, {themes[(n + 3) % 10]}]\nhistory:\n{history}activities:\n{activities}",
            encoding="utf-8",
        )
    kinds = ["informationsbrev", "nyhet", "uppföljning", "medborgardialog"]
    for n in range(updates):
        p = n % periods
        day = starts[p] + timedelta(days=(n * 7) % 360)
        kind = kinds[n % 4]
        related = f"atagande-{(n * 13) % commitments:05d}"
        dialogue = (
            (
                f"dialogue:\n  held: {day} 18:00\n  place: Torget\n  form: dialogmöte\n  participants: 20\n  groups: [boende]\n"
                f"  points:\n    - raised: {text(n, 10)}\n      response: {text(n + 1, 10)}\n      commitments: [{related}]\n"
            )
            if kind == "medborgardialog"
            else ""
        )
        (folder / "updates" / f"{day}-uppdatering-{n:05d}.md").write_text(
            f"---\ntitle: Uppdatering {n}\ndate: {day}\nkind: {kind}\nsummary: {text(n, 15)}\nactors: [{actors[n % 6]}]\n"
            f"commitments: [{related}]\n{dialogue}---\n{text(n, 120)}\n\n{text(n + 5, 80)}\n",
            encoding="utf-8",
        )
    for n in range(max(1, round(3 * scale))):
        values = "".join(
            f"  - date: {date(2016 + k, 10, 1)}\n    value: {30 + (n + k) % 20}\n" for k in range(min(periods + 1, 8))
        )
        (folder / "indicators" / f"indikator-{n:04d}.yaml").write_text(
            f"title: Indikator {n}\nlevel: {['aktivitet', 'prestation', 'effekt'][n % 3]}\nunit: procent\nsource: Mätning\nbetter: lägre\n"
            f"commitments: [atagande-{n % commitments:05d}]\nvalues:\n{values}",
            encoding="utf-8",
        )
    return {"commitments": commitments, "updates": updates, "periods": periods}


# Generation alone (load, validate, generate one language), in a process of its own: what the build adds to the floor.
# First the share cards of every language are drawn with no card drawn before (cold), and again as the next build finds
# them (warm: read from the folder the first left); the badges and status cards are made too. The build then finds the
# cards as a build before it left them, as a publishing run that keeps the folder does.
_GENERATION = """
import json, sys, time
from datetime import date
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from medborgarlofte import generators, translated
from medborgarlofte.generators import cards, embeds
from medborgarlofte.project import Project
project, content, today = Path(sys.argv[2]), Path(sys.argv[3]), date.fromisoformat(sys.argv[4])
if __name__ == "__main__":
    opened = Project.open(project / "mkdocs.yml", content)
    settings = opened.settings
    model = opened.content(today)
    sites = [(site, translated.in_language(model, site.language)) for site in opened.languages()]
    folder = project / ".medborgarlofte" / "cards"
    t0 = time.perf_counter()
    drawn = sum(len(cards.generate(shown, site, today)) for site, shown in sites)
    cold = time.perf_counter() - t0
    cards.DRAWN.write(folder)
    cards.DRAWN = cards.DrawnCards()
    t0 = time.perf_counter()
    cards.DRAWN.read(folder)
    for site, shown in sites:
        cards.generate(shown, site, today)
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    badges = sum(len(embeds.generate(shown, site, today)) for site, shown in sites)
    badge_time = time.perf_counter() - t0
    cards.DRAWN = cards.DrawnCards()
    t0 = time.perf_counter()
    cards.DRAWN.read(folder)
    files = generators.generate(opened.content(today), settings, today)
    print(json.dumps({"generation": time.perf_counter() - t0, "pages": sum(p.endswith(".md") for p in files),
                      "charts": sum(p.endswith(".svg") and "status.svg" not in p for p in files),
                      "cards": drawn, "cards_cold": cold, "cards_warm": warm, "badges": badges, "badge_time": badge_time}))
"""

# The preview as `serve` keeps it: a whole render, then the same commitment saved twice; the second save is the one reported.
_PREVIEW = """
import json, sys, time
from datetime import date
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from medborgarlofte.commands.build import build_preview
from medborgarlofte.generators.cards import DRAWN
from medborgarlofte.rendering import Preview
project, content, today = Path(sys.argv[2]), Path(sys.argv[3]), date.fromisoformat(sys.argv[4])
class Timed(Preview):  # notes when each language has been rendered: the first language's pages show before the others are made
    def render(self, *args, **kwargs):
        done = super().render(*args, **kwargs)
        marks.append(time.perf_counter())
        return done
if __name__ == "__main__":
    DRAWN.read(project / ".medborgarlofte" / "cards")  # as serve does
    marks = []
    preview = Timed()
    build_preview(content, "content", project / "mkdocs.yml", today, preview)
    edited = content / "commitments" / "atagande-00007.yaml"
    original = edited.read_text(encoding="utf-8")
    times = []
    for round in range(2):
        edited.write_text(original.replace("title: ", f"title: Ändrad {round} ", 1), encoding="utf-8")
        marks.clear()
        t0 = time.perf_counter()
        site = build_preview(content, "content", project / "mkdocs.yml", today, preview, whole=False)
        times.append((marks[0] - t0, time.perf_counter() - t0))
        assert f"Ändrad {round}" in (site / "lofte/atagande/atagande-00007/index.html").read_text(encoding="utf-8")
    edited.write_text(original, encoding="utf-8")
    print(json.dumps({"first": times[-1][0], "all": times[-1][1]}))
"""

# The floor renders with the configuration our build renders with (the theme's words and addresses filled in), nothing generated.
_FLOOR_BUILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from mkdocs.commands.build import build
from medborgarlofte.engines.mkdocs import validate
from medborgarlofte.settings import read_settings
project = Path(sys.argv[2])
settings = read_settings(project / "mkdocs.yml")
config, _ = validate(settings.raw, settings.config_file)
config["docs_dir"], config["site_dir"], config["strict"] = str(project / "docs"), str(project / "site"), True
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
"""
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1795561200"}  # 2026-11-25, TODAY


def run_json(code: str, *args: str, cwd: Path) -> dict[str, Any]:
    # From a file, so that the cards' workers, which start a new interpreter each, can import it as the main module.
    script = cwd / "bench_step.py"
    script.write_text(code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), *args], cwd=cwd, capture_output=True, text=True, env=ENVIRONMENT
    )
    script.unlink()
    if result.returncode:
        raise SystemExit(f"build failed in {cwd}:\n{result.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """A whole command as a user runs it, interpreter start and imports included: its seconds and its peak memory in MB."""
    t0 = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=ENVIRONMENT)
    seconds = time.perf_counter() - t0
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stderr[-3000:]}")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def ours(work: Path, content: Path, one_language: bool) -> tuple[dict[str, Any], Path]:
    project = make_project(
        work / ("ours-one-language" if one_language else "ours"), languages=["sv"] if one_language else None
    )
    figures = run_json(_GENERATION, str(ROOT), str(project), str(content), TODAY.isoformat(), cwd=project)
    figures["full"], figures["peak_mb"] = timed(
        [sys.executable, str(ROOT / "scripts" / "build_pages.py"), "build", "--content", str(content)], project
    )
    site = project / "site"
    html = [p.stat().st_size for p in site.rglob("*.html")]
    feeds = [p.stat().st_size for p in site.rglob("*") if p.suffix in (".rss", ".atom")]
    figures.update(
        largest_html_kb=max(html) / 1024,
        median_html_kb=sorted(html)[len(html) // 2] / 1024,
        largest_feed_kb=max(feeds) / 1024,
        search_kb=sum(p.stat().st_size for p in (site / SEARCH_FOLDER).rglob("*") if p.is_file()) / 1024,
        html_files=len(html),
    )
    return figures, project


def first_search(site: Path, language: str, query: str) -> dict[str, Any]:
    """The site served on 127.0.0.1 and searched in Chromium as a resident does: the bytes the search fetched (every response
    under the index's folder, as served: Pagefind's chunks are compressed already) and the seconds from the first letter typed
    to the first result shown, with nothing of the search fetched before."""
    from playwright.sync_api import Request, sync_playwright

    from tests.conftest import CHROMIUM, served

    with served(site) as port, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        fetched: list[int] = []

        def finished(request: Request) -> None:
            response = request.response()
            if f"/{SEARCH_FOLDER}/" in request.url and response is not None:
                fetched.append(len(response.body()))

        page.on("requestfinished", finished)
        page.goto(f"http://127.0.0.1:{port}/{language}")
        page.wait_for_load_state("networkidle")
        before = len(fetched)
        t0 = time.perf_counter()
        page.locator(".engine-search__input").click()
        page.keyboard.type(query)
        page.locator(".engine-search__result").first.wait_for(timeout=60_000)
        seconds = time.perf_counter() - t0
        page.wait_for_load_state("networkidle")
        results = page.locator(".engine-search__result").count()
        browser.close()
    return {
        "kb": sum(fetched) / 1024,
        "requests": len(fetched),
        "seconds": seconds,
        "before": before,
        "results": results,
    }


def default_site_search(work: Path) -> list[dict[str, Any]]:
    """The default site (content/, three languages) searched in each language for a word of its own."""
    project = make_project(work / "default")
    timed(
        [sys.executable, str(ROOT / "scripts" / "build_pages.py"), "build", "--content", str(ROOT / "content")], project
    )
    return [
        {"language": code.strip("/") or "sv", "query": query, **first_search(project / "site", code, query)}
        for code, query in (("", "blomlådor"), ("en/", "flower"), ("ar/", "الزهور"))
    ]


def zensical(project: Path, content: Path) -> tuple[float, float]:
    """Our build with Zensical rendering (one language): cold, without its cache, then warm, with the cache the first run left."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    command = [
        sys.executable,
        str(ROOT / "scripts" / "build_pages.py"),
        "build",
        "--engine",
        "zensical",
        "--content",
        str(content),
    ]
    return timed(command, project)[0], timed(command, project)[0]


def properdocs(project: Path, content: Path) -> float:
    """Our build with ProperDocs rendering (one language), which keeps no cache of its own."""
    return timed(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_pages.py"),
            "build",
            "--engine",
            "properdocs",
            "--content",
            str(content),
        ],
        project,
    )[0]


def preview(project: Path, content: Path) -> dict[str, Any]:
    return run_json(_PREVIEW, str(ROOT), str(project), str(content), TODAY.isoformat(), cwd=project)


def floor(work: Path, project: Path) -> dict[str, Any]:
    """MkDocs + Material rendering the same Markdown pages as plain files, nothing generated."""
    plain = work / "floor"
    shutil.copytree(project, plain, ignore=shutil.ignore_patterns("site", ".medborgarlofte", "docs"))
    # The pages as our build gave them to MkDocs: the hand-written and the generated, staged in the work folder.
    shutil.copytree(project / ".medborgarlofte" / "languages" / "sv" / "docs", plain / "docs")
    seconds, _peak = timed([sys.executable, "-c", _FLOOR_BUILD, str(ROOT), str(plain)], plain)
    return {"full": seconds}


def peer(work: Path, content: Path) -> dict[str, Any]:
    """The updates as posts of Material's blog plugin, with mkdocs-rss-plugin making the feed."""
    blog = work / "peer"
    posts = blog / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (blog / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (blog / "docs" / "blog" / "index.md").write_text("# Blogg\n", encoding="utf-8")
    for source in sorted((content / "updates").glob("*.md")):
        head, body = source.read_text(encoding="utf-8").split("---\n", 2)[1:]
        title = next(line.split(": ", 1)[1] for line in head.splitlines() if line.startswith("title:"))
        day = next(line.split(": ", 1)[1] for line in head.splitlines() if line.startswith("date:"))
        kind = next(line.split(": ", 1)[1] for line in head.splitlines() if line.startswith("kind:"))
        (posts / source.name).write_text(
            f"---\ndate: {day}\ncategories: [{kind}]\n---\n# {title}\n\n{body}", encoding="utf-8"
        )
    (blog / "mkdocs.yml").write_text(
        textwrap.dedent("""\
        site_name: Peer
        site_url: https://example.org/
        theme: {name: material, language: sv, font: false}
        plugins:
          - search: {lang: sv}
          - blog
          - rss: {match_path: "blog/posts/.*", use_git: false, date_from_meta: {as_creation: date}, categories: [categories]}
        """),
        encoding="utf-8",
    )
    seconds, _peak = timed([sys.executable, "-m", "mkdocs", "build", "-f", str(blog / "mkdocs.yml")], blog)
    return {"full": seconds, "html_files": len(list((blog / "site").rglob("*.html")))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10, 100])
    parser.add_argument("--peer-scales", type=float, nargs="*", default=[1, 10])
    parser.add_argument("--preview-scales", type=float, nargs="*", default=[1, 10])
    parser.add_argument("--out", default="bench-results.md")
    parser.add_argument("--quick", action="store_true", help="a fifth of 1x alone, without the peer and the preview")
    args = parser.parse_args()
    if args.quick:
        args.scales, args.peer_scales, args.preview_scales = [0.2], [], []
    rows = []
    for scale in args.scales:
        with tempfile.TemporaryDirectory(prefix=f"bench-{scale}x-") as folder:
            work = Path(folder)
            counts = synthesize(work / "content", scale)
            mine, project = ours(work, work / "content", one_language=True)
            three, three_project = ours(work, work / "content", one_language=False)
            base = floor(work, project)
            cold, warm = zensical(project, work / "content")
            forked = properdocs(project, work / "content")
            other = peer(work, work / "content") if scale in args.peer_scales else None
            previews = (
                (preview(project, work / "content"), preview(three_project, work / "content"))
                if scale in args.preview_scales
                else None
            )
            searched = first_search(three_project / "site", "", "trygghet")
            rows.append(
                {
                    "scale": f"{scale:g}",
                    "factor": scale,
                    **counts,
                    **mine,
                    "floor": base["full"],
                    "peer": other,
                    "previews": previews,
                    "three_full": three["full"],
                    "three_html": three["html_files"],
                    "three_cards": three["cards"],
                    "three_cards_cold": three["cards_cold"],
                    "three_cards_warm": three["cards_warm"],
                    "three_badges": three["badges"],
                    "three_badge_time": three["badge_time"],
                    "zensical_cold": cold,
                    "zensical_warm": warm,
                    "properdocs": forked,
                    "searched": searched,
                    "three_search_kb": three["search_kb"],
                }
            )
            print(
                f"{scale}x done: {mine['pages']} pages in {mine['full']:.1f} s; three languages {three['html_files']} HTML files in {three['full']:.1f} s",
                file=sys.stderr,
                flush=True,
            )
    with tempfile.TemporaryDirectory(prefix="bench-default-") as folder:
        default = default_site_search(Path(folder))
    table = render(rows, default)
    print(table)
    Path(args.out).write_text(table + "\n", encoding="utf-8")


def render(rows: list[dict[str, Any]], default: list[dict[str, Any]]) -> str:
    lines = [
        "Every time is a whole command as a user runs it (Python's start and the imports included). The floor is MkDocs with "
        "Material rendering the same generated pages (Swedish), with nothing generated; generation is loading, checking and "
        "generating one language, in a process of its own. The build finds the share cards as the build before it left them "
        "(the cost of drawing them is in its own table).",
        "",
        "| scale | commitments | updates | pages | charts | generation s | full build s | ms per page | floor s | full/floor | generation/render | "
        "largest HTML KB | median HTML KB | largest feed KB | search index KB | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    languages = [
        "",
        "| scale | one language: HTML files | s | ms per HTML file | three languages: HTML files | s | ms per HTML file | three / one |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    engines = [
        "",
        "Our build (one language) rendered by MkDocs, by ProperDocs, and by Zensical cold (its cache emptied) and warm (its cache as "
        "the cold run left it):",
        "",
        "| scale | MkDocs s | ProperDocs s | ProperDocs/MkDocs | Zensical cold s | Zensical warm s | cold/MkDocs | warm/MkDocs |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    channels = [
        "",
        "Share cards (PNG, 1200×630) drawn with none drawn before (cold) and as the next build finds them (warm), and the badges "
        "and status cards for partners' sites, in one language and in three (on every core the machine gives, at most four):",
        "",
        "| scale | one language: cards | cold s | ms per card | warm s | badges and status cards | s | "
        "three languages: cards | cold s | warm s | badges and status cards | s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    previews = [
        "",
        "The preview after saving one commitment (`serve`: the content read again, the generated files compared, the changed pages rendered), "
        "until the page shows the change in the first language, and until every language has it:",
        "",
        "| scale | one language s | three languages: first shown s | three languages: all s |",
        "|---|---:|---:|---:|",
    ]
    peers = [
        "",
        "The peer is the same updates as posts of Material's blog plugin with mkdocs-rss-plugin: it makes no commitment, actor, "
        "theme, period or follow-up page, one feed instead of one per page, and no calendar or open data, so only its time per "
        "HTML file compares:",
        "",
        "| scale | peer HTML files | peer s | peer ms per HTML file | ours ms per HTML file |",
        "|---|---:|---:|---:|---:|",
    ]
    searches = [
        "",
        "Search as a resident uses it (Chromium on 127.0.0.1): the start page opened, nothing of the search fetched with it, then "
        "a word typed; what the search fetched until the first result showed, and how long that took. The index on disk is all "
        "languages' (Pagefind's pagefind/ folder), of which a search fetches its own language's chunks alone:",
        "",
        "| site | language | word | fetched before searching | fetched by the search KB | requests | first result s | results shown | index on disk KB |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        s = r["searched"]
        searches.append(
            f"| synthetic {r['scale']}×, three languages | sv | trygghet | {s['before']} | {s['kb']:.0f} | {s['requests']} | "
            f"{s['seconds']:.2f} | {s['results']} | {r['three_search_kb']:.0f} |"
        )
    for s in default:
        searches.append(
            f"| default (Sofielund) | {s['language']} | {s['query']} | {s['before']} | {s['kb']:.0f} | {s['requests']} | "
            f"{s['seconds']:.2f} | {s['results']} | |"
        )
    for r in rows:
        render_time = r["full"] - r["generation"]
        lines.append(
            f"| {r['scale']}× | {r['commitments']} | {r['updates']} | {r['pages']} | {r['charts']} | {r['generation']:.2f} | {r['full']:.1f} | "
            f"{1000 * r['full'] / r['pages']:.1f} | {r['floor']:.1f} | {r['full'] / r['floor']:.2f} | {r['generation'] / render_time:.2f} | "
            f"{r['largest_html_kb']:.0f} | {r['median_html_kb']:.0f} | {r['largest_feed_kb']:.0f} | {r['search_kb']:.0f} | {r['peak_mb']:.0f} |"
        )
        languages.append(
            f"| {r['scale']}× | {r['html_files']} | {r['full']:.1f} | {1000 * r['full'] / r['html_files']:.1f} | {r['three_html']} | {r['three_full']:.1f} | "
            f"{1000 * r['three_full'] / r['three_html']:.1f} | {r['three_full'] / r['full']:.2f} |"
        )
        channels.append(
            f"| {r['scale']}× | {r['cards']} | {r['cards_cold']:.2f} | {1000 * r['cards_cold'] / r['cards']:.1f} | {r['cards_warm']:.2f} | "
            f"{r['badges']} | {r['badge_time']:.2f} | {r['three_cards']} | {r['three_cards_cold']:.2f} | {r['three_cards_warm']:.2f} | "
            f"{r['three_badges']} | {r['three_badge_time']:.2f} |"
        )
        engines.append(
            f"| {r['scale']}× | {r['full']:.1f} | {r['properdocs']:.1f} | {r['properdocs'] / r['full']:.2f} | "
            f"{r['zensical_cold']:.1f} | {r['zensical_warm']:.1f} | "
            f"{r['zensical_cold'] / r['full']:.2f} | {r['zensical_warm'] / r['full']:.2f} |"
        )
        if r["previews"]:
            one, three = r["previews"]
            previews.append(f"| {r['scale']}× | {one['all']:.2f} | {three['first']:.2f} | {three['all']:.2f} |")
        if r["peer"]:
            peer = r["peer"]
            peers.append(
                f"| {r['scale']}× | {peer['html_files']} | {peer['full']:.1f} | {1000 * peer['full'] / peer['html_files']:.1f} | "
                f"{1000 * r['full'] / r['html_files']:.1f} |"
            )
    lines += (
        languages
        + channels
        + engines
        + searches
        + (previews if len(previews) > 5 else [])
        + (peers if len(peers) > 6 else [])
    )
    if len(rows) > 1:
        for small, large in itertools.pairwise(rows):
            factor = large["factor"] / small["factor"]
            lines.append(
                f"\n{large['scale']}× vs {small['scale']}×: {factor:.0f}× the content took {large['full'] / small['full']:.1f}× the time; "
                f"largest HTML page {large['largest_html_kb'] / small['largest_html_kb']:.2f}×, median {large['median_html_kb'] / small['median_html_kb']:.2f}×."
            )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
