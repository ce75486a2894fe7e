#!/usr/bin/env python3
"""Benchmark of the national index: 10, 100 and 1,000 synthetic areas served on 127.0.0.1, each area the default
promise's open data under a name and municipality of its own, every other one renewed with a second promise.

For each number of areas: the index built from nothing (every source fetched), and again with each source's copy in the
cache (every source answers 304 Not Modified); the whole command each time, as a maintainer runs it, Python's start and the
imports included; its peak memory (the command's own, and Pagefind's); the pages and files it wrote, the largest page
and the largest file of another kind. Prints a table and writes it to bench-index-results.md. Run with `make bench`
(after the area benchmark) or `python scripts/bench_index.py [--areas 10 100 1000]`; `--quick` builds 10 areas alone.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import itertools
import json
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medborgarlofte import addresses as at  # noqa: E402
from medborgarlofte import translated  # noqa: E402
from medborgarlofte.contents import load, published  # noqa: E402
from medborgarlofte.generators import opendata  # noqa: E402
from medborgarlofte.settings import read_settings  # noqa: E402
from tests.synthetic_areas import write_areas  # noqa: E402

TODAY = date(2026, 11, 25)
# The index command in a process of its own, which says its own peak memory and its children's (Pagefind) when done.
_RUN = """
import json, resource, sys
from medborgarlofte.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}), file=sys.stderr)
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def template() -> dict[str, Any]:
    """The default promise's open data, as its site publishes it in Swedish."""
    settings = read_settings(ROOT / "mkdocs.yml")
    content = published(load(ROOT / "content", language=settings.language), TODAY)
    data: dict[str, Any] = json.loads(
        opendata.generate(translated.in_language(content, settings.language), settings)[at.ALL_DATA]
    )
    return data


def build(sources: Path, out: Path, work: Path) -> dict[str, Any]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _RUN, "index", "--sources", str(sources), "--out", str(out), "--work", str(work)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"the index failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    memory = json.loads(result.stderr.strip().splitlines()[-1])
    return {
        "seconds": seconds,
        "peak_mb": max(memory["self_mb"], memory["children_mb"]),
        "summary": result.stdout.splitlines()[1],
    }


def measure(count: int, data: dict[str, Any]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix=f"bench-index-{count}-") as folder:
        work = Path(folder)
        write_areas(work / "served", data, count)
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(work / "served"))
        )
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            sources = work / "kallor.txt"
            sources.write_text(
                "".join(f"http://127.0.0.1:{server.server_port}/omrade-{n}/\n" for n in range(count)), encoding="utf-8"
            )
            cold = build(sources, work / "index", work / "arbete")
            warm = build(sources, work / "index", work / "arbete")
        finally:
            server.shutdown()
            server.server_close()
        site = work / "index"
        pages = sorted((path.stat().st_size, str(path.relative_to(site))) for path in site.rglob("*.html"))
        others = sorted(
            (path.stat().st_size, str(path.relative_to(site)))
            for path in site.rglob("*")
            if path.is_file() and path.suffix != ".html" and "pagefind" not in path.parts and "assets" not in path.parts
        )
        return {
            "areas": count,
            "cold": cold,
            "warm": warm,
            "pages": len(pages),
            "largest_page": pages[-1],
            "largest_other": others[-1],
            "total_mb": sum(path.stat().st_size for path in site.rglob("*") if path.is_file()) / 1_000_000,
            "search_mb": sum(path.stat().st_size for path in (site / at.SEARCH_FOLDER).rglob("*") if path.is_file())
            / 1_000_000,
            "data_mb": sum(path.stat().st_size for path in (work / "served").rglob("*.json")) / 1_000_000,
        }


def render(rows: list[dict[str, Any]]) -> str:
    lines = [
        "The national index built from synthetic areas served on 127.0.0.1 (each the default promise's open data, about "
        f"{rows[0]['data_mb'] * 1000 / rows[0]['areas']:.0f} KB, every other one with a second promise): from nothing, then again "
        "with every source's copy in the cache (each answers 304). The whole command each time; the peak memory is the larger "
        "of the command's own and Pagefind's. Pages are HTML files in Swedish, English and Arabic.",
        "",
        "| areas | data read MB | first build s | again (304) s | peak MB | pages | largest page KB | largest other file KB | site MB | search index MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['areas']:,} | {r['data_mb']:.1f} | {r['cold']['seconds']:.1f} | {r['warm']['seconds']:.1f} | {max(r['cold']['peak_mb'], r['warm']['peak_mb']):.0f} | "
            f"{r['pages']:,} | {r['largest_page'][0] / 1024:.0f} ({r['largest_page'][1]}) | {r['largest_other'][0] / 1024:.0f} ({r['largest_other'][1]}) | "
            f"{r['total_mb']:.1f} | {r['search_mb']:.1f} |"
        )
    if len(rows) > 1:
        lines.append("")
        for small, large in itertools.pairwise(rows):
            lines.append(
                f"{large['areas']:,} vs {small['areas']:,} areas: {large['areas'] / small['areas']:.0f}× the areas took "
                f"{large['cold']['seconds'] / small['cold']['seconds']:.1f}× the time and {large['pages'] / small['pages']:.1f}× the pages."
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--out", default="bench-index-results.md")
    parser.add_argument("--quick", action="store_true", help="10 areas alone")
    args = parser.parse_args()
    data = template()
    rows = []
    for count in [10] if args.quick else args.areas:
        rows.append(measure(count, data))
        row = rows[-1]
        print(
            f"{count} areas: {row['cold']['seconds']:.1f} s, then {row['warm']['seconds']:.1f} s; {row['pages']} pages; {row['cold']['summary']}",
            file=sys.stderr,
            flush=True,
        )
    table = render(rows)
    print(table)
    Path(args.out).write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
