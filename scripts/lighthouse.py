"""Lighthouse scores of the built site (site/): accessibility and best practices on the pages residents open most.

Run by `make lighthouse`, which builds the site and installs Lighthouse from npm first. The site is served
on 127.0.0.1 under its real path, Lighthouse drives Debian's Chromium, and the scores are printed as a table.
Any audit that keeps a page from 100 is named below the table. `make lighthouse QUICK=1` audits the start page alone.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medborgarlofte.settings import read_settings  # noqa: E402
from tests.conftest import served  # noqa: E402

LIGHTHOUSE = ROOT / "scripts/lighthouse/node_modules/.bin/lighthouse"
PAGES = {
    "start": "",
    "åtagande": "lofte/atagande/fgk-blomlador/",
    "uppföljning": "lofte/uppfoljning/2022-2023/",
    "åtaganden": "lofte/ataganden/",
    "informationsbrev": "lofte/uppdatering/2022-05-informationsbrev-1/",
    "start (engelska)": "en/",
    "åtagande (arabiska)": "ar/lofte/atagande/fgk-blomlador/",
}
CATEGORIES = ("accessibility", "best-practices", "seo")
CHROMIUM_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--quick", action="store_true", help="the start page alone, to see that Lighthouse runs")
    args = parser.parse_args()
    pages = dict(list(PAGES.items())[:1]) if args.quick else PAGES
    base = urlparse(read_settings(ROOT / "mkdocs.yml").url).path
    with tempfile.TemporaryDirectory() as folder:
        www = Path(folder) / "www"
        (www / base.strip("/")).parent.mkdir(parents=True, exist_ok=True)
        (www / base.strip("/")).symlink_to(args.site.resolve())
        with served(www) as port:
            results = {
                name: _audit(f"http://127.0.0.1:{port}{base}{path}", Path(folder) / "report.json")
                for name, path in pages.items()
            }
    print("| sida | " + " | ".join(CATEGORIES) + " |")
    print("|---|" + "---:|" * len(CATEGORIES))
    for name, report in results.items():
        print(
            f"| {name} | " + " | ".join(str(round(report["categories"][c]["score"] * 100)) for c in CATEGORIES) + " |"
        )
    failing = [(name, audit) for name, report in results.items() for audit in _failing(report)]
    for name, audit in failing:
        print(f"{name}: {audit['id']}: {audit['title']}")
    return 1 if failing else 0


def _audit(url: str, output: Path) -> dict[str, Any]:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={output}",
            "--quiet",
            "--disable-full-page-screenshot",
            f"--chrome-flags={CHROMIUM_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")},
        check=True,
    )
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return report


def _failing(report: dict[str, Any]) -> list[dict[str, Any]]:
    ids = {ref["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"] if ref["weight"]}
    return [a for a in report["audits"].values() if a["id"] in ids and a.get("score") is not None and a["score"] < 1]


if __name__ == "__main__":
    sys.exit(main())
