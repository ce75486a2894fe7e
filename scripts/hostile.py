#!/usr/bin/env python3
"""Hostile files: how long `check` takes to refuse (or pass) each, and its peak memory.

Each file is put alone into a copy of the test sample and checked in a process of its own, so that
its peak memory is its own. Prints a table; the target is under 5 s and 300 MB for every file.
Run with `make hostile` or `python scripts/hostile.py`; `make hostile QUICK=1` (`--quick`) checks one file that
check refuses and one it passes, to see that the measurement runs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "sample"
LETTER = "---\ntitle: Brev\ndate: 2022-05-10\nkind: informationsbrev\nsummary: Kort.\n---\n"
MEGABYTE = 1_000_000


def alias_bomb() -> str:
    lines = ["a: &a [" + ", ".join(["'lol'"] * 9) + "]"]
    lines += [f"{chr(98 + n)}: &{chr(98 + n)} [" + ", ".join([f"*{chr(97 + n)}"] * 9) + "]" for n in range(20)]
    return "period: 2022-2023\n" + "\n".join(lines) + "\n"


HOSTILE: dict[str, tuple[str, str]] = {
    "YAML alias bomb (9^21 values)": ("commitments/bomb.yaml", alias_bomb()),
    "50 MB file": ("updates/stor.md", LETTER + "Text. " * (50 * MEGABYTE // 6)),
    "nesting 400 000 deep": ("commitments/djup.yaml", "title: " + "[" * 400_000 + "]" * 400_000 + "\n"),
    "1 MB of personnummer": ("updates/personnummer.md", LETTER + "811218-9876 " * (MEGABYTE // 12 - 10)),
    "1 MB of digits and dashes": ("updates/siffror.md", LETTER + "1-2 " * (MEGABYTE // 4 - 30)),
    "1 MB word with one @": ("updates/epost.md", LETTER + "a" * (MEGABYTE - 100) + "@"),
    "1 MB of [ in Markdown": ("updates/hakparentes.md", LETTER + "[" * (MEGABYTE - 100)),
    "100 000 [ in Markdown (the longest text)": ("updates/hakparentes.md", LETTER + "[" * 99_999),
    "50 000 ![ in Markdown": ("updates/bilder.md", LETTER + "![" * 49_999),
    "33 000 [a]( in Markdown": ("updates/lankar.md", LETTER + "[a](" * 24_999),
    "50 000 *_ in Markdown": ("updates/emfas.md", LETTER + "*_" * 49_999),
    "50 000 nested quotes": ("updates/citat.md", LETTER + "> " * 49_999),
    "1 MB of control characters": ("updates/styrtecken.md", LETTER + "\x01" * (MEGABYTE - 100)),
    "25 000 dialogue points": (
        "updates/punkter.md",
        LETTER.replace("informationsbrev", "medborgardialog")[:-4]
        + "dialogue:\n  held: 2022-05-01\n  place: Torget\n  form: dialogmöte\n  points:\n"
        + "    - {raised: a, response: b}\n" * 25_000
        + "---\n",
    ),
}


# A fresh parent for each check, so that the peak it reports (the largest of its children) is that check's alone.
PEAK_OF = """import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stdout.write(done.stderr or done.stdout)
print(f"PEAK {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {done.returncode}")"""


def measure(relative: str, text: str) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit code, first line of the message) for check on the sample with this one file added."""
    with tempfile.TemporaryDirectory() as work:
        content = Path(work) / "content"
        shutil.copytree(SAMPLE, content)
        (content / relative).write_text(text, encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                PEAK_OF,
                sys.executable,
                str(ROOT / "scripts" / "build_pages.py"),
                "check",
                "--content",
                str(content),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        seconds = time.perf_counter() - start
    *said, last = done.stdout.strip().splitlines()
    _, peak, code = last.split()
    return seconds, int(peak) / 1024, int(code), (said[0] if said else "")[:110]


QUICK = ("YAML alias bomb (9^21 values)", "100 000 [ in Markdown (the longest text)")


def main() -> None:
    parser = argparse.ArgumentParser(description="check's time and peak memory for each hostile file")
    parser.add_argument("--quick", action="store_true", help="one refused and one passed file, to see that it runs")
    quick = parser.parse_args().quick
    rows = ["| fil | tid s | topp MB | utfall |", "|---|---:|---:|---|"]
    print(rows[0], rows[1], sep="\n", flush=True)
    for name, (relative, text) in HOSTILE.items():
        if quick and name not in QUICK:
            continue
        seconds, peak, code, said = measure(relative, text)
        row = f"| {name} | {seconds:.2f} | {peak:.0f} | {'stoppad' if code else 'godkänd'}: {said} |"
        rows.append(row)
        print(row, flush=True)


if __name__ == "__main__":
    main()
